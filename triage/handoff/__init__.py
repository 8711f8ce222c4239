"""The conversation lifecycle: bot → queued → claimed → closed, transfer, release; every step audited."""
