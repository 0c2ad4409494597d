"""A short extract of a service's text around the words that matched, marked «like this».

Made in Python for the few hits shown rather than by FTS5's snippet(), which SQLite
would compute for every candidate row before sorting. The wanted words become one
case-insensitive pattern, so a long description is scanned once by the regex engine
rather than word by word in Python; text with accents is folded first so that "cafe"
still marks "Café".
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

from frontdesk.search.tokens import fold

MARK_OPEN, MARK_CLOSE, ELLIPSIS = "«", "»", "…"
_WORD = re.compile(r"[^\W_]+")
_WINDOW = 24  # words shown of a long sentence
_READ = 4000  # characters of a description read for sentences
# A sentence ends at . ! or ? followed by a space and a capital, digit or quote, or at a
# line break; the punctuation stays with its sentence.
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"“‘'(A-Z0-9])|\s*\n\s*")


class Marker:
    """Finds and marks the query's words in a service's texts; build once per search."""

    def __init__(self, whole: tuple[str, ...], prefixes: tuple[str, ...]) -> None:
        parts = [re.escape(w) for w in sorted(whole, key=len, reverse=True)]
        parts += [re.escape(p) + r"[^\W_]*" for p in sorted(prefixes, key=len, reverse=True)]
        self._pattern = (
            re.compile(r"(?<![^\W_])(?:" + "|".join(parts) + r")(?![^\W_])", re.IGNORECASE)
            if parts
            else None
        )

    def spans(self, text: str) -> list[tuple[int, int]]:
        if self._pattern is None:
            return []
        folded = text if text.isascii() else text.translate(_same_length_folds(text))
        return [m.span() for m in self._pattern.finditer(folded)]

    def __call__(self, texts: Iterable[str | None]) -> str:
        """The sentence of the description that holds most of the caller's words, marked,
        cut round its matches when it is long; failing a match, the description's first
        sentence. Keyword and label columns are matched on but never shown: a list of
        tags ("Housing benefit new claim Money Housing") tells the adviser nothing."""
        description = next(iter(texts), None)
        if not description:
            return ""
        text = description[:_READ]
        sentences = list(_sentences(text))
        if not sentences:
            return ""
        # One pass of the pattern over the text; each match is then filed by sentence.
        starts = [start for start, _ in sentences]
        found: dict[int, set[str]] = {}
        for a, b in self.spans(text):
            i = bisect.bisect_right(starts, a) - 1
            if i >= 0 and b <= sentences[i][1]:
                found.setdefault(i, set()).add(text[a:b].casefold())
        if not found:
            return _cut(text[starts[0] : sentences[0][1]], [])
        best = max(found, key=lambda i: (len(found[i]), -i))
        start, stop = sentences[best]
        return _cut(text[start:stop], self.spans(text[start:stop]))


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    """One character folded as the index folds it, kept to one character so that
    offsets in the folded text are offsets in the original ("é" → "e", "ﬁ" → "f")."""
    folded = fold(ch)
    return folded[0] if folded else ch


def _same_length_folds(text: str) -> dict[int, str]:
    """A str.translate table for the text's non-ASCII characters (curly quotes, no-break
    spaces, accents): folding in C, instead of word by word in Python."""
    return {ord(c): _fold_char(c) for c in set(text) if not c.isascii()}


def _sentences(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each sentence: ends at . ! ? or a line break before a new one."""
    start = 0
    for m in _SENTENCE_END.finditer(text):
        if text[start : m.start()].strip():
            yield start, m.start()
        start = m.end()
    if text[start:].strip():
        yield start, len(text)


def snippet(texts: Iterable[str | None], whole: tuple[str, ...], prefixes: tuple[str, ...]) -> str:
    return Marker(whole, prefixes)(texts)


def _cut(text: str, spans: list[tuple[int, int]]) -> str:
    """The sentence, marked; a long one cut to _WINDOW words starting a few words before
    the first match, with an ellipsis where it was cut."""
    begin, end = 0, len(text)
    # Fewer spaces than the window means fewer words: no need to find them all.
    starts = [m.start() for m in _WORD.finditer(text)] if text.count(" ") >= _WINDOW else []
    if len(starts) > _WINDOW:
        first = spans[0][0] if spans else 0
        at = max(0, sum(1 for x in starts if x < first) - _WINDOW // 4)
        at = min(at, len(starts) - _WINDOW)
        begin = starts[at]
        if at + _WINDOW < len(starts):
            end = starts[at + _WINDOW]
    out: list[str] = []
    position = begin
    for start, stop in spans:
        if start < begin or stop > end:
            continue
        out += [text[position:start], MARK_OPEN, text[start:stop], MARK_CLOSE]
        position = stop
    out.append(text[position:end])
    body = " ".join("".join(out).split()).strip(" ,;:-")
    if not body:
        return ""
    return (ELLIPSIS if begin > 0 else "") + body + (ELLIPSIS if end < len(text) else "")
