"""Structured reports taken by the assistant, each with a reference the reporter can quote."""
