"""The hub's side of the sync protocol (DESIGN.md, "Sync"): the change feed desks pull
and the outbox ops they push, applied exactly once in device order."""
