"""Text normalisation and rubric-pattern matching shared by the grader and the linter.

The linter checks that every key point is recognised in its own model answer (QZ031) with
exactly the functions the grader uses on a candidate's answer, so "the rubric passes its own
answer" means the same thing in both places.

Light module: only `re` and `unicodedata`; patterns are compiled once per process, on first use.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Iterable

_SPACE = re.compile(r"\s+")


def normalize(text: str) -> str:
    """Unicode NFKC (full-width forms become ASCII), case-folded, white-space runs -> one space.

    Leading and trailing white space is removed. Patterns are searched in this form, so they
    are written in lower case (see content/README.md)."""
    return _SPACE.sub(" ", unicodedata.normalize("NFKC", text).casefold()).strip()


@lru_cache(maxsize=None)
def compile_pattern(pattern: str) -> re.Pattern:
    """The compiled pattern (no flags: the text is already case-folded). Raises re.error."""
    return re.compile(pattern)


def search(patterns: Iterable[str], normalized: str) -> tuple[str, re.Match] | None:
    """The first pattern found in already-normalised text, with its match; None if none is."""
    for pattern in patterns:
        m = compile_pattern(pattern).search(normalized)
        if m is not None:
            return pattern, m
    return None


def matches(patterns: Iterable[str], text: str) -> bool:
    """True when any of `patterns` is found in `normalize(text)`."""
    return search(patterns, normalize(text)) is not None
