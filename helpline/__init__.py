"""The helpline service: configuration, storage and process supervision shared by channels/ and triage/."""
