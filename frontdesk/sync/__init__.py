"""Keeping a desk and the hub in step: outbox push, change-feed pull, credentials."""
