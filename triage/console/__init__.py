"""The listening-centre web console at `/console`: queue, conversations, cases, dashboard and audit log."""
