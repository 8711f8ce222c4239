"""The audit log: who did what to which conversation or case, and when."""
