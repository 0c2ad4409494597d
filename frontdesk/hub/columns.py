"""Column types that behave the same on PostgreSQL and SQLite, and the one text value
PostgreSQL cannot store."""

from __future__ import annotations

import datetime as dt
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


def has_nul(value: Any) -> bool:
    """True if any string in a parsed JSON document, key or value, holds U+0000, which
    PostgreSQL cannot store in text (SQLite can, so the check must not wait for it)."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            if "\x00" in item:
                return True
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return False
