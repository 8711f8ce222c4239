"""Conversations and their transcripts: the record of every contact."""
