"""What every reader returns, and the one error a reader raises for an unreadable file.

A reader either returns a complete `ParsedFeed` or raises `FeedError`: there is no
half-read result, which is what lets an import be all-or-nothing.
"""

from __future__ import annotations

from pathlib import Path

from frontdesk.core.feed import LgslTier, ParsedFeed, RecordNote

__all__ = ["FeedError", "LgslTier", "ParsedFeed", "RecordNote"]


class FeedError(Exception):
    """A file that cannot be imported. The message names file, record (index and id) and field."""

    def __init__(
        self,
        path: Path | str,
        reason: str,
        *,
        index: int | None = None,
        record_id: str | None = None,
        field: str | None = None,
    ) -> None:
        self.path = Path(path)
        self.reason = reason
        self.index = index
        self.record_id = record_id
        self.field = field
        super().__init__(str(self))

    def __str__(self) -> str:
        where = [str(self.path)]
        if self.index is not None:
            record = f"record {self.index}"
            if self.record_id:
                record += f" (id {self.record_id})"
            where.append(record)
        if self.field:
            where.append(f"field '{self.field}'")
        return f"{': '.join(where)}: {self.reason}"
