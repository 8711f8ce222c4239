"""Listening centres, the regions they serve, and their opening hours (data/reference/centres.yml)."""
