"""Readers and writers for the catalogue formats agencies publish (stdlib + core only)."""
