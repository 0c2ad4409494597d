"""What the caller wants done, and what kind of service each candidate is.

Services that share the caller's words are not equally right: "need food" shares "food"
with food hygiene complaints and with food banks; "my bins weren't collected" shares
"bin" with "Find your bin collection day" and with "Report a missed bin". The kind of
answer the caller wants is read from their words (report a problem, get help with a need,
pay, apply, find something out), and the kind of service from the words of its name,
which publishers begin with the verb of what it does ("Report…", "Pay…", "Apply for…",
"Find…") or the thing it regulates ("…licences", "…hygiene"). Both vocabularies are in
`resources/search/intents.txt`; nothing here names a service, so it carries to any feed.

Words that only say something went wrong ("missed", "broken", "not emptied") choose the
kind of service but are poor words to match on: a grit bin that is "empty" is not a
missed bin. Planning keeps them, at STATE_WEIGHT of their usual mass.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from frontdesk.search.bundled import bundled_text
from frontdesk.search.phrases import PhraseIndex, content_lines
from frontdesk.search.stemming import stem
from frontdesk.search.tokens import words

Phrase = tuple[str, ...]
REPORT, NEED, PAY, APPLY, FIND_OUT = "report", "need", "pay", "apply", "find-out"
HELP, REGULATION = "help", "regulation"
# Score factors: (query intent, service kind) -> factor.
FACTORS: dict[tuple[str, str], float] = {
    (REPORT, REPORT): 1.5,
    (REPORT, FIND_OUT): 0.9,
    (FIND_OUT, FIND_OUT): 1.3,
    (FIND_OUT, REPORT): 0.8,
    (NEED, HELP): 1.15,
    (NEED, REGULATION): 0.5,
    (PAY, PAY): 1.4,
    (APPLY, APPLY): 1.3,
}
STATE_WEIGHT = 0.3
_NEGATORS = frozenset(
    [
        "not",
        "never",
        "no",
        "weren",
        "wasn",
        "hasn",
        "haven",
        "didn",
        "isn",
        "aren",
        "won",
        "wont",
        "cant",
        "dont",
        "didnt",
        "hasnt",
        "havent",
        "wasnt",
        "werent",
        "isnt",
        "arent",
        "cannot",
        "unable",
    ]
)
_AFTER_NOT_WINDOW = 3


@dataclass(frozen=True, slots=True)
class Intents:
    """The cue phrases (as stems) for each query intent and each service kind."""

    query: PhraseIndex[str]
    service: PhraseIndex[str]
    after_not: frozenset[str]  # stems that say something went wrong after a "not"
    state: frozenset[str]  # stems that say so alone

    @classmethod
    def parse(cls, text: str) -> Intents:
        query: dict[str, list[Phrase]] = {}
        service: dict[str, list[Phrase]] = {}
        after_not: set[str] = set()
        state: set[str] = set()
        for number, line in content_lines(text):
            head, colon, body = line.partition(":")
            section, _, kind = head.strip().partition(" ")
            if not colon or section not in ("query", "service") or not kind:
                raise ValueError(f"intents line {number}: expected 'query|service KIND: words'")
            phrases = [tuple(stem(w) for w in words(p)) for p in body.split(",")]
            phrases = [p for p in phrases if p]
            if section == "service":
                service.setdefault(kind.strip(), []).extend(phrases)
            elif kind.strip() == "after-not":
                after_not.update(w for p in phrases for w in p)
            elif kind.strip() == "state":
                state.update(w for p in phrases for w in p)
            else:
                query.setdefault(kind.strip(), []).extend(phrases)
        return cls(
            PhraseIndex((p, k) for k, phrases in query.items() for p in phrases),
            PhraseIndex((p, k) for k, phrases in service.items() for p in phrases),
            frozenset(after_not),
            frozenset(state),
        )

    @classmethod
    def bundled(cls) -> Intents:
        return _bundled()

    def of_query(self, spoken: Sequence[str]) -> frozenset[str]:
        """The intents the caller's words show."""
        stems = tuple(stem(w) for w in spoken)
        found = self.query.found(stems)
        if any(w in self.after_not and _negated(spoken, i) for i, w in enumerate(stems)):
            found.add(REPORT)
        if _bare_need(spoken):
            found.add(NEED)
        # "can't pay my rent" is a need, not a payment to take.
        if PAY in found and any(
            w == _PAY_STEM and _negated(spoken, i) for i, w in enumerate(stems)
        ):
            found.discard(PAY)
            found.add(NEED)
        return frozenset(found)

    def of_service(self, name: str) -> frozenset[str]:
        stems = tuple(_stem(w) for w in words(name))
        return frozenset(self.service.found(stems))

    def states(self, spoken: Sequence[str]) -> frozenset[str]:
        """The caller's words that only say something went wrong: "missed", "broken",
        and "emptied" or "working" after a "not"."""
        out = set()
        for i, word in enumerate(spoken):
            root = stem(word)
            if root in self.state or (root in self.after_not and _negated(spoken, i)):
                out.add(word)
        return frozenset(out)

    def factor(self, wanted: frozenset[str], name: str) -> float:
        """How much better (or worse) a service of this name answers these intents."""
        if not wanted:
            return 1.0
        kinds = self.of_service(name)
        factor = 1.0
        for intent in wanted:
            for kind in kinds:
                factor *= FACTORS.get((intent, kind), 1.0)
        # A report service is also a find-out page often ("Report a missed bin day"):
        # never punish a service for being the kind the caller asked for.
        return max(factor, 1.0) if any((i, k) in _WANTED for i in wanted for k in kinds) else factor


_PAY_STEM = stem("pay")
_WANTED = frozenset(pair for pair, f in FACTORS.items() if f > 1.0)


def _negated(spoken: Sequence[str], i: int) -> bool:
    return any(w in _NEGATORS for w in spoken[max(0, i - _AFTER_NOT_WINDOW) : i])


def _bare_need(spoken: Sequence[str]) -> bool:
    """ "need food", "need help with…": a need; "need to register a death": a task."""
    return any(
        w in ("need", "needs") and i + 1 < len(spoken) and spoken[i + 1] != "to"
        for i, w in enumerate(spoken)
    )


_stem = lru_cache(maxsize=1 << 16)(stem)


@lru_cache(maxsize=1)
def _bundled() -> Intents:
    return Intents.parse(bundled_text("intents.txt"))
