"""A short extract of a service's text around the words that matched, marked «like this».

Made in Python for the few hits shown rather than by FTS5's snippet(), which SQLite
would compute for every candidate row before sorting.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from frontdesk.search.tokens import fold

MARK_OPEN, MARK_CLOSE, ELLIPSIS = "«", "»", "…"
_WORD = re.compile(r"[^\W_]+")
_WINDOW = 12


def snippet(texts: Iterable[str | None], whole: tuple[str, ...], prefixes: tuple[str, ...]) -> str:
    """The first text with a matching word, cut to a dozen words around the first match;
    failing that, the start of the first non-empty text."""
    wanted = frozenset(whole)
    fallback = ""
    for candidate in texts:
        if not candidate:
            continue
        fallback = fallback or candidate
        spans = [
            m.span()
            for m in _WORD.finditer(candidate)
            if (w := fold(m.group())) in wanted or w.startswith(prefixes)
        ]
        if spans:
            return _cut(candidate, spans)
    return _cut(fallback, []) if fallback else ""


def _cut(text: str, spans: list[tuple[int, int]]) -> str:
    starts = [m.start() for m in _WORD.finditer(text)]
    first = spans[0][0] if spans else 0
    at = max(0, next((i for i, s in enumerate(starts) if s >= first), 0) - _WINDOW // 3)
    begin = starts[at] if starts else 0
    end_word = at + _WINDOW
    end = len(text) if end_word >= len(starts) else starts[end_word]
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
