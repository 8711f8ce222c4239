"""Listening-centre staff: accounts, roles, sign-in tokens."""
