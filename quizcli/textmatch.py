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


def sre():
    """The regex engine's parser and its constants (how `re` itself reads a pattern)."""
    from re import _constants as C, _parser as P  # Python 3.11+ (requires-python)

    return C, P


def repeat_ops() -> set:
    C, _ = sre()
    return {C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT}


# Outer rounds of a nested or overlapping repetition that stay cheap (2**8 paths at worst).
SAFE_OUTER_REPEATS = 8


def backtracking_risk(pattern: str) -> str | None:
    """Why `pattern` can backtrack exponentially, or None: a repetition (of more than one
    time) whose body holds another repetition, as in (a+)+ or (\\w{1,9}){1,60}, or
    alternatives that can start with the same character, as in (a|a){1,60} or (ab|a)*.
    Such a pattern takes time doubling with each character of some answers, so it is refused
    (lint QZ029; user files drop it at load). Conservative: it reads the parsed pattern, and
    a literal-first-character test stands in for "the alternatives overlap"."""
    C, P = sre()
    try:
        parsed = P.parse(pattern)
    except Exception:  # noqa: BLE001 - compile errors are reported elsewhere
        return None
    repeats = repeat_ops()

    def firsts(sub):
        """(negated, chars) the sequence can start with ((True, S): anything but S); None =
        anything at all, or it can match the empty string."""
        for op, av in sub:
            if op is C.LITERAL:
                return False, {av}
            if op in (C.AT, C.ASSERT, C.ASSERT_NOT):
                continue
            if op is C.SUBPATTERN:
                return firsts(av[-1])
            if op in repeats and av[0] >= 1:
                return firsts(av[2])
            if op is C.NOT_LITERAL:
                return True, {av}
            if op is C.IN:
                negated = bool(av) and av[0][0] is C.NEGATE
                chars = set()
                for o, a in av[1:] if negated else av:
                    if o is C.LITERAL:
                        chars.add(a)
                    elif o is C.RANGE and a[1] - a[0] <= 4096:
                        chars.update(range(a[0], a[1] + 1))
                    else:
                        return None
                return negated, chars
            return None
        return None

    def overlap(a, b) -> bool:
        if a is None or b is None:
            return True
        (na, ca), (nb, cb) = a, b
        if na and nb:
            return True
        if na:
            return bool(cb - ca)
        if nb:
            return bool(ca - cb)
        return bool(ca & cb)

    def contains_repeat(sub) -> bool:
        for op, av in sub:
            if op in repeats and av[1] > 1:
                return True
            if op is C.SUBPATTERN and contains_repeat(av[-1]):
                return True
            if op is C.BRANCH and any(contains_repeat(b) for b in av[1]):
                return True
        return False

    def overlapping_branch(sub) -> bool:
        for op, av in sub:
            if op is C.BRANCH:
                starts = [firsts(b) for b in av[1]]
                if any(overlap(x, y) for i, x in enumerate(starts) for y in starts[i + 1:]):
                    return True
            elif op is C.SUBPATTERN and overlapping_branch(av[-1]):
                return True
        return False

    def walk(sub) -> str | None:
        for op, av in sub:
            if op in repeats:
                _lo, hi, body = av
                # a few outer rounds stay polynomial: (\w{1,12}\s*){0,3} is fine
                if hi > SAFE_OUTER_REPEATS and contains_repeat(body):
                    return "a repetition inside a repetition"
                if hi > SAFE_OUTER_REPEATS and overlapping_branch(body):
                    return "a repeated choice whose alternatives overlap"
                found = walk(body)
                if found:
                    return found
            elif op is C.SUBPATTERN:
                found = walk(av[-1])
                if found:
                    return found
            elif op is C.BRANCH:
                for b in av[1]:
                    found = walk(b)
                    if found:
                        return found
        return None

    return walk(parsed)
