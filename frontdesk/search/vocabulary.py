"""The index's own words and how many services use each, held in memory.

Read once from the fts5vocab table and reloaded only when the index changes, it answers
the questions query planning asks on every keystroke without touching the database: does
this word exist, what does this prefix complete to, which words share a stem, and
roughly how many services would match.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from dataclasses import dataclass, field
from itertools import accumulate

from sqlalchemy import Connection

from frontdesk.search.index import FTS_TABLE, VOCAB_TABLE
from frontdesk.search.stemming import stem


@dataclass(slots=True)
class Vocabulary:
    """Terms in sorted order with their document counts (services containing them)."""

    terms: list[str]
    counts: list[int]
    documents: int = 0  # services indexed, for weighing how telling a word is
    _index: dict[str, int] = field(init=False)
    _running: list[int] = field(init=False)
    _families: dict[str, tuple[str, ...]] = field(init=False)

    def __post_init__(self) -> None:
        self._index = {term: i for i, term in enumerate(self.terms)}
        self._running = [0, *accumulate(self.counts)]
        families: dict[str, list[str]] = defaultdict(list)
        for term in self.terms:
            families[stem(term)].append(term)
        self._families = {k: tuple(v) for k, v in families.items()}

    @classmethod
    def load(cls, conn: Connection) -> Vocabulary:
        rows = conn.exec_driver_sql(f"SELECT term, doc FROM {VOCAB_TABLE} ORDER BY term").all()
        documents = int(conn.exec_driver_sql("SELECT count(*) FROM services").scalar() or 0)
        return cls([r[0] for r in rows], [int(r[1]) for r in rows], documents)

    def __len__(self) -> int:
        return len(self.terms)

    def count(self, term: str) -> int:
        i = self._index.get(term)
        return 0 if i is None else self.counts[i]

    def _span(self, prefix: str) -> tuple[int, int]:
        lo = bisect.bisect_left(self.terms, prefix)
        hi = bisect.bisect_left(self.terms, prefix + "\U0010ffff", lo)
        return lo, hi

    def prefix_count(self, prefix: str) -> int:
        """An upper bound on the services a prefix matches (the sum over its completions)."""
        lo, hi = self._span(prefix)
        return self._running[hi] - self._running[lo]

    def completions(self, prefix: str, limit: int) -> list[str] | None:
        """Every word starting with `prefix`, or None when there are more than `limit`."""
        lo, hi = self._span(prefix)
        if hi - lo > limit:
            return None
        return self.terms[lo:hi]

    def family(self, word: str) -> tuple[str, ...]:
        """Indexed words sharing `word`'s stem, `word` first when it is indexed itself."""
        relatives = self._families.get(stem(word), ())
        if word in self._index:
            return (word, *(t for t in relatives if t != word))
        return relatives


def fingerprint(conn: Connection) -> bytes:
    """Changes whenever the index is written: FTS5's structure record carries a write
    counter, so one indexed read tells a cached vocabulary it is stale."""
    block = conn.exec_driver_sql(f"SELECT block FROM {FTS_TABLE}_data WHERE id = 10").scalar()
    return bytes(block) if block is not None else b""
