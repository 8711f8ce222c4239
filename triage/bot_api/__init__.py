"""The endpoints the assistant's action server calls: handoff, reports, forget-me, feedback."""
