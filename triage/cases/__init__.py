"""Cases: the contacts and reports about one child, with notes, categories, referrals and an outcome."""
