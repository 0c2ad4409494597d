"""The desk's two SQLite files: the disposable catalogue cache and the durable desk log."""
