"""Checks the linter runs on claim rubrics, with exactly the functions the grader uses."""

from __future__ import annotations

from .claims import find_claim, parse_claim


def _clauses(question, text: str, lexicon):
    from . import read_answer

    return read_answer(question, text, lexicon)


def _rivals(lexicon):
    from . import _resolve

    return _resolve(lexicon).contrast


def covers(question, kp, text: str, lexicon=None) -> bool:
    """True when one of `kp`'s claims holds in `text` (contradictions not considered)."""
    clauses = _clauses(question, text, lexicon)
    rivals = _rivals(lexicon)
    return any(find_claim(parse_claim(c), clauses, rivals=rivals) is not None for c in kp.claims)


def contradicts(question, kp, text: str, lexicon=None) -> list[int]:
    """Indices of `kp.contradicts` entries that hold in `text`."""
    clauses = _clauses(question, text, lexicon)
    rivals = _rivals(lexicon)
    return [i for i, con in enumerate(getattr(kp, "contradicts", ()))
            if any(find_claim(parse_claim(c), clauses, strict=True, rivals=rivals) is not None
                   for c in con.claims)]
