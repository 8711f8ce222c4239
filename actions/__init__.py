"""Custom actions of the helpline assistant. One action per module; shared code in
`triage_client` (the only HTTP client for triage), `conversation` (what the tracker tells us) and
`emergency` (numbers and the top-priority handoff)."""
