"""The durable inbound queue: provider messages stored before they are acknowledged, then worked in order."""
