"""Messaging gateway: provider webhooks in, replies out, routing to the bot or a human."""
