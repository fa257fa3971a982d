"""The one clock of the store. QUIZ_NOW (ISO 8601) freezes it for tests, demos and benchmarks:

    QUIZ_NOW=2025-03-01T09:00:00Z quiz stats
"""

from __future__ import annotations

from datetime import datetime, timezone

from ..errors import InvalidValue


def parse_time(text: str, what: str = "time") -> datetime:
    """An ISO 8601 time as an aware UTC datetime ('Z' allowed; naive means local time)."""
    value = text.strip()
    if value.endswith(("Z", "z")):
        value = value[:-1] + "+00:00"
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise InvalidValue(f"{what}='{text}' is not an ISO 8601 time. "
                           "Use e.g. 2025-03-01T09:00:00Z.") from None
    return to_utc(moment)


def to_utc(moment: datetime) -> datetime:
    """Aware UTC. A naive datetime is read as local time, as Python's astimezone() does."""
    if moment.tzinfo is None:
        moment = moment.astimezone()
    return moment.astimezone(timezone.utc)


def now_utc() -> datetime:
    from ..settings import now

    env = now()
    if env:
        return parse_time(env, "QUIZ_NOW")
    return datetime.now(timezone.utc)


def iso(moment: datetime) -> str:
    """Fixed-width UTC text, so that SQLite compares times as strings correctly."""
    return to_utc(moment).isoformat(timespec="microseconds")


def from_iso(text: str) -> datetime:
    return datetime.fromisoformat(text).astimezone(timezone.utc)
