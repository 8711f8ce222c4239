"""The only place raw addresses (phone numbers, chat ids) are kept: one table, so it can be encrypted later."""
