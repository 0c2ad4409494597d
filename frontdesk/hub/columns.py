"""Column types that behave the same on PostgreSQL and SQLite, and the one text value
PostgreSQL cannot store."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from sqlalchemy import BigInteger, DateTime, Dialect, Integer, TypeDecorator

#: A 64-bit integer key that SQLite still treats as its ROWID (so it autoincrements).
BigId = BigInteger().with_variant(Integer(), "sqlite")


class UtcDateTime(TypeDecorator[dt.datetime]):
    """An aware UTC datetime in and out. SQLite has no time zones, so values are stored
    there as naive UTC text, which still sorts and compares correctly."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        if not isinstance(value, dt.datetime) or value.tzinfo is None:
            raise ValueError("UtcDateTime needs an aware datetime")
        value = value.astimezone(dt.UTC)
        stored: dt.datetime = value.replace(tzinfo=None) if dialect.name == "sqlite" else value
        return stored

    def process_result_value(self, value: Any, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        assert isinstance(value, dt.datetime)
        if value.tzinfo is None:
            return value.replace(tzinfo=dt.UTC)
        return value.astimezone(dt.UTC)


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def strings_in(document: Any) -> Iterator[str]:
    """Every string in a parsed JSON document, keys and values, however deep."""
    stack = [document]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            yield item
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)


def has_nul(document: Any) -> bool:
    """True if any string in a parsed JSON document holds U+0000, which PostgreSQL cannot
    store in text (SQLite can, so the check must not wait for it)."""
    return any("\x00" in text for text in strings_in(document))
