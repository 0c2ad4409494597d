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
_READ = 1500  # characters of a description read for sentences
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
        spans = self.spans(text)
        if not spans:
            end = _SENTENCE_END.search(text)
            return _cut(text[: end.start() if end else len(text)], [])
        # One pass of the pattern over the text; each match is then filed by sentence.
        sentences = list(_sentences(text))
        starts = [start for start, _ in sentences]
        found: dict[int, list[tuple[int, int]]] = {}
        for a, b in spans:
            i = bisect.bisect_right(starts, a) - 1
            if i >= 0 and b <= sentences[i][1]:
                found.setdefault(i, []).append((a, b))
        if not found:
            return _cut(text[starts[0] : sentences[0][1]], [])

        def distinct(i: int) -> tuple[int, int]:
            return len({text[a:b].casefold() for a, b in found[i]}), -i

        best = max(found, key=distinct)
        start, stop = sentences[best]
        return _cut(text[start:stop], [(a - start, b - start) for a, b in found[best]])


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
    if text.count(" ") >= _WINDOW:  # fewer spaces than the window: the whole sentence
        first = spans[0][0] if spans else 0
        # A few words before the first match (within a bounded look-back), then the
        # rest of the window after it: long text is never walked word by word.
        back = max(0, first - 12 * _WINDOW)
        before = [m.start() for m in _WORD.finditer(text, back, first)]
        if back > 0 and before:
            before = before[1:]  # the first may be cut in half by the look-back
        before = before[-(_WINDOW // 4) :]
        after: list[int] = []
        for m in _WORD.finditer(text, first):
            after.append(m.start())
            if len(before) + len(after) > _WINDOW:
                break
        words = before + after
        if len(words) > _WINDOW:
            begin = words[0] if before else first
            end = words[_WINDOW]
        elif back > 0 or before:
            begin = words[0]
    out: list[str] = []
    position = begin
    for start, stop in spans:
        if stop > end:
            break  # spans come in order
        if start < begin:
            continue
        out += [text[position:start], MARK_OPEN, text[start:stop], MARK_CLOSE]
        position = stop
    out.append(text[position:end])
    body = " ".join("".join(out).split()).strip(" ,;:-")
    if not body:
        return ""
    return (ELLIPSIS if begin > 0 else "") + body + (ELLIPSIS if end < len(text) else "")
