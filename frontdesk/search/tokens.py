"""Turning whatever the adviser typed into search words.

The words are folded the way the index's tokenizer folds them (lower case, accents
removed, anything but letters and digits a separator), so what reaches FTS5 is only ever
a list of plain words that can be quoted safely: no input can be read as FTS5 syntax.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from frontdesk.search.bundled import bundled_text

# Enough for anything a caller says in one breath; more only costs time.
MAX_INPUT = 400
MAX_WORDS = 12
MAX_WORD_LENGTH = 40

_WORD = re.compile(r"[^\W_]+")

# Words callers use that say nothing about the service they need.
STOPWORDS = frozenset(
    line.strip() for line in bundled_text("stopwords.txt").splitlines() if line[:1] not in "#"
)


def fold(text: str) -> str:
    """Lower case without accents: 'Café' and 'cafe' are the same word to the index."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def words(text: str) -> list[str]:
    """The folded words of `text`, in order (no limits; for indexing-side text)."""
    return _WORD.findall(fold(text))


@dataclass(frozen=True, slots=True)
class TypedQuery:
    """The adviser's words. `prefix` says the last word is still being typed."""

    words: tuple[str, ...]
    prefix: bool
    truncated: bool = False

    @property
    def text(self) -> str:
        return " ".join(self.words)


def parse_typed(text: str) -> TypedQuery:
    """Split typed text into words, dropping filler words unless nothing else is left."""
    clipped = text[:MAX_INPUT]
    found = [w[:MAX_WORD_LENGTH] for w in words(clipped)]
    truncated = len(text) > MAX_INPUT or len(found) > MAX_WORDS
    # A word is unfinished when the text ends inside it: "council t" is still typing "t".
    prefix = bool(found) and len(text) <= MAX_INPUT and _WORD.match(fold(text[-1:])) is not None
    kept = [
        w for i, w in enumerate(found) if w not in STOPWORDS or (prefix and i == len(found) - 1)
    ]
    if kept:
        # A stopword kept as the unfinished last word stays a prefix ("tax an" -> "an*").
        prefix = prefix and kept[-1] == found[-1]
    else:
        kept = found
    return TypedQuery(tuple(kept[:MAX_WORDS]), prefix and len(kept) <= MAX_WORDS, truncated)
