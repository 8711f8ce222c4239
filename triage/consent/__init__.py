"""Consent the person gave (contact back, how, anonymity), recorded with its time and wording, and enforced."""
