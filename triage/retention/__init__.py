"""Retention: what is past its time is deleted, leaving only anonymised daily counts."""
