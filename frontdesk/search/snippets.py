"""A short extract of a service's text around the words that matched, marked «like this».

Made in Python for the few hits shown rather than by FTS5's snippet(), which SQLite
would compute for every candidate row before sorting. The wanted words become one
case-insensitive pattern, so a long description is scanned once by the regex engine
rather than word by word in Python; text with accents is folded first so that "cafe"
still marks "Café".
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from frontdesk.search.tokens import fold

MARK_OPEN, MARK_CLOSE, ELLIPSIS = "«", "»", "…"
_WORD = re.compile(r"[^\W_]+")
_WINDOW = 12


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
        """The first text with a matching word, cut to a dozen words around the first
        match; failing that, the start of the first non-empty text."""
        fallback = ""
        for candidate in texts:
            if not candidate:
                continue
            fallback = fallback or candidate
            spans = self.spans(candidate)
            if spans:
                return _cut(candidate, spans)
        return _cut(fallback, []) if fallback else ""


def snippet(texts: Iterable[str | None], whole: tuple[str, ...], prefixes: tuple[str, ...]) -> str:
    return Marker(whole, prefixes)(texts)


def _cut(text: str, spans: list[tuple[int, int]]) -> str:
    first = spans[0][0] if spans else 0
    # Only the words near the first match are read, however long the text: a few
    # before it (within a bounded look-back), then the rest of the window after it.
    back = max(0, first - 30 * _WINDOW)
    before = [back + m.start() for m in _WORD.finditer(text, back, first)]
    if back > 0 and before:
        before = before[1:]  # the first word found may be cut in half by the look-back
    before = before[-(_WINDOW // 3) :]
    begin = before[0] if before else first
    after = []
    for m in _WORD.finditer(text, first):
        after.append(m.start())
        if len(before) + len(after) > _WINDOW:
            break
    if not before and not after:
        begin = 0
    end = after[-1] if len(before) + len(after) > _WINDOW else len(text)
    out: list[str] = [ELLIPSIS] if begin > 0 else []
    position = begin
    for start, stop in spans:
        if start < begin or stop > end:
            continue
        out += [text[position:start], MARK_OPEN, text[start:stop], MARK_CLOSE]
        position = stop
    out.append(text[position:end].rstrip())
    if end < len(text):
        out.append(ELLIPSIS)
    return " ".join("".join(out).split())
