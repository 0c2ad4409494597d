"""Words of danger or crisis, and noticing them in what an adviser types.

When the search text or the enquiry notes carry one of these words or phrases, the desk
shows the organisation's safeguarding prompt (is the caller safe, 999, the crisis line).
The hub keeps each organisation's words and prompt; `DEFAULT_WORDS` is what a desk uses
until it has any. English and Welsh, as callers speak either.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

SAFEGUARDING_KIND = "safeguarding"
MAX_WORDS = 500
MAX_PROMPT = 4_000

DEFAULT_WORDS: tuple[str, ...] = (
    "suicide",
    "suicidal",
    "kill myself",
    "end my life",
    "want to die",
    "overdose",
    "self harm",
    "self-harm",
    "not safe",
    "unsafe at home",
    "in danger",
    "domestic abuse",
    "domestic violence",
    "hits me",
    "hit me",
    "threatened to kill",
    "rape",
    "sexual assault",
    "child abuse",
    "being abused",
    # Welsh
    "hunanladdiad",
    "lladd fy hun",
    "niweidio fy hun",
    "mewn perygl",
    "ddim yn ddiogel",
    "cam-drin domestig",
    "trais domestig",
)

_NOT_WORD = re.compile(r"[^\w]+")


class SafeguardingError(ValueError):
    """Words or a prompt that cannot be stored, with a one-line reason."""


@dataclass(frozen=True, slots=True)
class SafeguardingPrompt:
    """An organisation's words to watch for and the prompt to show (`prompt` None: the
    desk's built-in wording)."""

    words: tuple[str, ...] = DEFAULT_WORDS
    prompt: str | None = None


def _normal(text: str) -> str:
    # Hyphens and punctuation become spaces, so "self-harm" and "self harm" match alike.
    return " " + " ".join(_NOT_WORD.sub(" ", text.casefold()).split()) + " "


def crisis_word(texts: Iterable[str], words: Iterable[str]) -> str | None:
    """The first of `words` found as whole words in any of `texts`, or None."""
    haystack = "".join(_normal(t) for t in texts)
    for word in words:
        needle = _normal(word)
        if needle.strip() and needle in haystack:
            return word
    return None


def check_words(text: str) -> tuple[str, ...]:
    """One word or phrase per line, blanks dropped; SafeguardingError if unusable."""
    words = tuple(dict.fromkeys(w.strip() for w in text.splitlines() if w.strip()))
    if not words:
        raise SafeguardingError("give at least one word or phrase, one per line")
    if len(words) > MAX_WORDS:
        raise SafeguardingError(f"{len(words)} words or phrases; the most is {MAX_WORDS}")
    if any("\x00" in w or len(w) > 100 for w in words):
        raise SafeguardingError("a word or phrase is longer than 100 characters or has a NUL")
    return words


def check_prompt(text: str) -> str:
    prompt = text.strip()
    if not prompt:
        raise SafeguardingError("the prompt is empty")
    if len(prompt) > MAX_PROMPT or "\x00" in prompt:
        raise SafeguardingError(f"the prompt must be at most {MAX_PROMPT} characters, no NUL")
    return prompt
