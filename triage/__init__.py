"""Triage and staff service: urgency scoring, queue, handoff, cases, staff console and API."""
