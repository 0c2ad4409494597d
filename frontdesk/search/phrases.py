"""Phrases as tuples of word stems, and finding one inside a caller's words."""

from __future__ import annotations

from collections.abc import Iterator

from frontdesk.search.stemming import stem
from frontdesk.search.tokens import words

Phrase = tuple[str, ...]


def stems(text: str) -> Phrase:
    """The stems of the words of `text`."""
    return tuple(stem(w) for w in words(text))


def within(phrase: Phrase, text: Phrase) -> bool:
    """Whether `phrase` occurs in `text` as consecutive words."""
    n = len(phrase)
    return any(text[i : i + n] == phrase for i in range(len(text) - n + 1))


def content_lines(text: str) -> Iterator[tuple[int, str]]:
    """(line number, line) of a vocabulary file, comments (`#` on) and blank lines left out."""
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.split("#", 1)[0].strip()
        if line:
            yield number, line
