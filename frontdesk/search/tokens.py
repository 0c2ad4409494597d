"""Turning whatever the adviser typed into search words.

The words are folded the way the index's tokenizer folds them (lower case, accents
removed, anything but letters and digits a separator), so what reaches FTS5 is only ever
a list of plain words that can be quoted safely: no input can be read as FTS5 syntax.

Advisers type what the caller says, so a query is often a sentence ("I need help, my
partner hits me"). Filler words (stopwords.txt) are not searched for, but they are kept
in `spoken` because a caller's phrase can hinge on them ("look after", "on my own").
Words that say who or when rather than what ("mum", "tonight": weakwords.txt) are
searched for but count for little.
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


def _word_list(name: str) -> frozenset[str]:
    return frozenset(
        w for line in bundled_text(name).splitlines() if line[:1] != "#" for w in line.split()
    )


# Words callers use that say nothing about the service they need, in English and Welsh.
ENGLISH_STOPWORDS = _word_list("stopwords.txt")
WELSH_STOPWORDS = _word_list("welsh_stopwords.txt")
STOPWORDS = ENGLISH_STOPWORDS | WELSH_STOPWORDS
# Words that say who, when or where, which narrow a search only a little.
WEAKWORDS = _word_list("weakwords.txt")


def fold(text: str) -> str:
    """Lower case without accents: 'Café' and 'cafe' are the same word to the index."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def words(text: str) -> list[str]:
    """The folded words of `text`, in order (no limits; for indexing-side text)."""
    return _WORD.findall(fold(text))


@dataclass(frozen=True, slots=True)
class TypedQuery:
    """The adviser's words. `words` are the ones to search for, `spoken` every word as
    typed (filler included, for phrase synonyms); `prefix` says the last word of both is
    still being typed."""

    words: tuple[str, ...]
    prefix: bool
    truncated: bool = False
    spoken: tuple[str, ...] = ()

    @property
    def text(self) -> str:
        return " ".join(self.words)


def parse_typed(text: str, *, typing: bool = True) -> TypedQuery:
    """Split typed text into words, dropping filler words unless nothing else is left.
    Without `typing` the text is a finished query and no word is a prefix."""
    clipped = text[:MAX_INPUT]
    found = [w[:MAX_WORD_LENGTH] for w in words(clipped)]
    # A word is unfinished when the text ends inside it: "council t" is still typing "t".
    typing = (
        typing
        and bool(found)
        and len(text) <= MAX_INPUT
        and _WORD.match(fold(text[-1:])) is not None
    )
    last = len(found) - 1
    content = [i for i, w in enumerate(found) if w not in STOPWORDS or (typing and i == last)]
    if not content:
        content = list(range(len(found)))
    truncated = len(text) > MAX_INPUT or len(content) > MAX_WORDS
    content = content[:MAX_WORDS]
    # Filler after the last content word stays: "kill myself" hinges on it.
    spoken = (found if not truncated else found[: content[-1] + 1]) if content else []
    # A stopword kept as the unfinished last word stays a prefix ("tax an" -> "an*").
    prefix = typing and bool(content) and content[-1] == last
    return TypedQuery(tuple(found[i] for i in content), prefix, truncated, tuple(spoken))
