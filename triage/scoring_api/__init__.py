"""`POST /api/v1/triage/score`: the scoring engine over HTTP."""
