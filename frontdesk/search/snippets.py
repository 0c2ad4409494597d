"""A short extract of a service's text around the words that matched, marked «like this».

Made in Python for the few hits shown rather than by FTS5's snippet(), which SQLite
would compute for every candidate row before sorting. The wanted words become one
case-insensitive pattern, so a long description is scanned once by the regex engine
rather than word by word in Python; text with accents is folded first so that "cafe"
still marks "Café".
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

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
        # Folding keeps offsets only when it keeps length (true of ASCII and of most
        # accented Latin text); otherwise match on the folded words one by one.
        folded = text if text.isascii() else fold(text)
        if len(folded) == len(text):
            return [m.span() for m in self._pattern.finditer(folded)]
        return [m.span() for m in _WORD.finditer(text) if self._pattern.fullmatch(fold(m.group()))]

    def __call__(self, texts: Iterable[str | None]) -> str:
        """The sentence of the description that holds most of the caller's words, marked,
        cut round its matches when it is long; failing a match, the description's first
        sentence. Keyword and label columns are matched on but never shown: a list of
        tags ("Housing benefit new claim Money Housing") tells the adviser nothing."""
        description = next(iter(texts), None)
        if not description:
            return ""
        text = description[:_READ]
        best: tuple[int, int, int] | None = None  # (distinct words, -start, end)
        for start, stop in _sentences(text):
            found = {text[a:b].casefold() for a, b in self.spans(text[start:stop])}
            if found and (best is None or (len(found), -start) > best[:2]):
                best = (len(found), -start, stop)
        if best is None:
            first = next(iter(_sentences(text)), (0, len(text)))
            return _cut(text[first[0] : first[1]], [])
        start, stop = -best[1], best[2]
        return _cut(text[start:stop], self.spans(text[start:stop]))


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
    starts = [m.start() for m in _WORD.finditer(text)]
    begin, end = 0, len(text)
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
