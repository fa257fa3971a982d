"""FSRS ratings: their names and the one parser of a rating (light, no fsrs import).

    >>> parse_rating("Good"), parse_rating("e"), parse_rating("다시"), parse_rating("great")
    (3, 4, 1, None)
"""

from __future__ import annotations

from .errors import InvalidValue

RATINGS = ("again", "hard", "good", "easy")  # index + 1 = FSRS rating (Again=1 … Easy=4)
_KO_RATINGS = {"다시": 1, "어려움": 2, "어려웠음": 2, "좋음": 3, "보통": 3, "쉬움": 4}
NAMES = {"en": ("Again", "Hard", "Good", "Easy"), "ko": ("다시", "어려움", "좋음", "쉬움")}


def rating_name(rating: int, lang: str) -> str:
    """The name every screen shows for rating 1..4 in `lang`: Good, 좋음."""
    return NAMES.get(lang, NAMES["en"])[rating - 1]


def parse_rating(text: str) -> int | None:
    """'again'|'hard'|'good'|'easy' (any case), their first letters, 1–4, or the Korean
    words -> 1..4; None for anything else (the caller asks again or reports it)."""
    value = text.strip().casefold()
    if value in ("1", "2", "3", "4"):
        return int(value)
    for i, name in enumerate(RATINGS):
        if value in (name, name[0]):
            return i + 1
    return _KO_RATINGS.get(value)


def rating_value(value) -> int:
    """1..4 from an int, an fsrs Rating or any text parse_rating accepts; InvalidValue (a
    ValueError) otherwise."""
    if isinstance(value, str):
        parsed = parse_rating(value)
        if parsed is not None:
            return parsed
    elif isinstance(value, int) and not isinstance(value, bool) and 1 <= int(value) <= 4:
        return int(value)
    raise InvalidValue(f"A rating is 1..4 or again/hard/good/easy; got {value!r}.")
