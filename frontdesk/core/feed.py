"""What one feed file yielded, in the domain's terms: the records, the reference data and
notes about records that were skipped or merged. Readers in formats/ produce it; the desk
store and the hub consume it."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from frontdesk.core.areas import LocalAuthority, PostcodeArea, Ward
from frontdesk.core.catalogue import Catalogue, Tier


@dataclass(frozen=True, slots=True)
class RecordNote:
    """Something the reader did to or about one record: skipped it, merged it, repaired it."""

    index: int | None
    record_id: str | None
    reason: str

    def as_dict(self) -> dict[str, int | str | None]:
        """The note as import reports print it (`--json`)."""
        return {"index": self.index, "id": self.record_id, "reason": self.reason}


@dataclass(frozen=True, slots=True)
class LgslTier:
    """GOV.UK's plain-English label for an LGSL code and the council tier that provides it."""

    code: str
    label: str
    tier: Tier | None  # None means every tier provides it ("all")


@dataclass(slots=True)
class ParsedFeed:
    """Everything one file yielded. Reference data (councils, postcodes, tiers) travels
    beside the catalogue because the same import command takes both."""

    path: Path
    format: str
    records_read: int = 0
    catalogue: Catalogue = field(default_factory=Catalogue)
    skipped: list[RecordNote] = field(default_factory=list)
    duplicates: list[RecordNote] = field(default_factory=list)
    authorities: list[LocalAuthority] = field(default_factory=list)
    postcodes: list[PostcodeArea] = field(default_factory=list)
    wards: list[Ward] = field(default_factory=list)
    lgsl_tiers: list[LgslTier] = field(default_factory=list)
