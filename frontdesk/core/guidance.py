"""Guidance notes: what an adviser should ask, check and say for one service.

Written on the hub by supervisors (Markdown), versioned, either for one organisation's
desks or shared with every organisation; desks receive the latest version through the
change feed and never edit it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

#: The longest note the hub accepts, in characters: a page of advice, not a manual.
MAX_BODY = 20_000
#: What the change feed calls a guidance entry.
GUIDANCE_KIND = "guidance"


class GuidanceError(ValueError):
    """A note that cannot be stored, with a one-line reason."""


@dataclass(frozen=True, slots=True)
class Guidance:
    """One service's latest note for one organisation (`organization_id` None: shared).
    An empty `body` means the note was withdrawn."""

    service_id: str
    organization_id: str | None
    version: int
    author: str
    updated_at: str  # ISO 8601, UTC
    body: str

    def as_dict(self) -> dict[str, object]:
        return {
            "service_id": self.service_id,
            "organization_id": self.organization_id,
            "version": self.version,
            "author": self.author,
            "updated_at": self.updated_at,
            "body": self.body,
        }


def guidance_from_dict(data: dict[str, object]) -> Guidance:
    """The feed's form back into a `Guidance`; KeyError/TypeError/ValueError if malformed."""
    org = data["organization_id"]
    version = data["version"]
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise ValueError("a guidance version is a positive whole number")
    fields = (data["service_id"], data["author"], data["updated_at"], data["body"])
    if not all(isinstance(f, str) for f in fields) or not (org is None or isinstance(org, str)):
        raise TypeError("a guidance entry's fields are text")
    return Guidance(
        service_id=str(data["service_id"]),
        organization_id=None if org is None else str(org),
        version=version,
        author=str(data["author"]),
        updated_at=str(data["updated_at"]),
        body=str(data["body"]),
    )


def check_body(body: str) -> str:
    """The note as it will be stored (line endings normalised, outer blank lines gone),
    or GuidanceError saying why it cannot be."""
    text = body.replace("\r\n", "\n").replace("\r", "\n").strip("\n")
    if "\x00" in text:
        raise GuidanceError("the note has a NUL character (U+0000)")
    if len(text) > MAX_BODY:
        raise GuidanceError(f"the note is {len(text)} characters; the most is {MAX_BODY}")
    return text


#: Headings under which a note lists what the caller should bring (English, Welsh).
BRING_HEADINGS = ("what to bring", "bring with", "documents to bring", "beth i ddod")
_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")


def what_to_bring(notes: Iterable[Guidance]) -> list[str]:
    """The lines under a "What to bring" heading (or "Beth i ddod…") in the notes, list
    markers and emphasis removed: what a printed hand-out tells the caller to bring."""
    found: list[str] = []
    for note in notes:
        level = 0
        for line in note.body.splitlines():
            heading = _HEADING.match(line)
            if heading:
                depth, title = len(heading.group(1)), heading.group(2).casefold()
                if level and depth <= level:
                    level = 0
                if not level and any(h in title for h in BRING_HEADINGS):
                    level = depth
                continue
            if level and line.strip():
                item = _LIST_MARK.sub("", line.strip()).replace("**", "").replace("__", "")
                if item and item not in found:
                    found.append(item)
    return found


_LIST_MARK = re.compile(r"^([-*+]|\d+[.)])\s+(\[[ xX]\]\s+)?")
