"""The domain: plain dataclasses and enums shared by every other part (stdlib only)."""
