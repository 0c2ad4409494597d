"""Service alerts on the hub: setting, clearing and listing them, and their API."""
