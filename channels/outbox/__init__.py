"""The durable outbound queue: every message to a user, sent with retries and tracked to delivery."""
