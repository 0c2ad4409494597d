"""Benchmarks that measure frontdesk; not shipped with the program."""
