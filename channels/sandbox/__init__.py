"""A local stand-in of the few Twilio and Telegram API endpoints the senders use: try the helpline with no accounts.

`helpline up` starts it when no provider credentials are configured, the tests and the benchmark use it, and
`helpline chat` shows what it received.
"""
