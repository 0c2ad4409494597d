"""The adviser's desktop app (PySide6). The only package that may import Qt."""
