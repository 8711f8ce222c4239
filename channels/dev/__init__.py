"""Development endpoint: talk to the bot over HTTP without a provider."""
