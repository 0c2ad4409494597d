"""Guidance notes per service: storage on the hub, its supervisor API, and the feed."""
