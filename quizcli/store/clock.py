"""The one clock of the store. QUIZ_NOW (ISO 8601) freezes it for tests, demos and benchmarks:

    QUIZ_NOW=2025-03-01T09:00:00Z quiz stats
"""

from __future__ import annotations

import os
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
    try:
        moment = to_utc(moment)
    except (OverflowError, ValueError):  # 0001-01-01T00:00:00+14:00 is before year 1 in UTC
        moment = None
    if moment is None or not MIN_YEAR <= moment.year <= MAX_YEAR:
        raise InvalidValue(f"{what}='{text}' is out of range: use a time between {MIN_YEAR} "
                        f"and {MAX_YEAR}.")
    return moment


# Times the store accepts (QUIZ_NOW, imported reviews): schedules reach up to a century past
# the last review, and datetime stops at year 9999.
MIN_YEAR, MAX_YEAR = 1970, 2999


def to_utc(moment: datetime) -> datetime:
    """Aware UTC. A naive datetime is read as local time, as Python's astimezone() does."""
    if moment.tzinfo is None:
        moment = moment.astimezone()
    return moment.astimezone(timezone.utc)


def now_utc() -> datetime:
    from ..settings import now

    env = (now() or "").strip()
    moment = parse_time(env, "QUIZ_NOW") if env else datetime.now(timezone.utc)
    check_local_zone(moment)
    return moment


def check_local_zone(moment: datetime) -> None:
    """Local days (due today, answers per day) need the system zone: TZ=UTC+24 has an
    offset Python cannot represent. One line instead of a ValueError deep in a command."""
    try:
        moment.astimezone()
    except (ValueError, OverflowError):
        raise InvalidValue(f"TZ='{os.environ.get('TZ', '')}' is not a usable time zone (its offset "
                        "is a day or more). Unset TZ or use a zone name such as "
                        "TZ=Asia/Seoul.") from None


def iso(moment: datetime) -> str:
    """Fixed-width UTC text, so that SQLite compares times as strings correctly."""
    return to_utc(moment).isoformat(timespec="microseconds")


def from_iso(text: str) -> datetime:
    return datetime.fromisoformat(text).astimezone(timezone.utc)
