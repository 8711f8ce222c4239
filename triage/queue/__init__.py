"""The live priority queue in Redis, rebuilt from the database."""
