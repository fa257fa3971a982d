"""What the store needs from the question bank: tags and titles for stats, the curriculum order
and the follow-up parents for `order_questions`. The bank is optional here: stats still work
from the tags stored with each review when the bank cannot be loaded."""

from __future__ import annotations

from typing import Iterable


def curriculum(questions: Iterable) -> tuple[list[str], dict[str, str]]:
    """(ids in curriculum order, {follow-up id: parent id}) from Questions in bank order.

    A follow-up asked by several questions belongs to the first of them in that order."""
    qs = list(questions)
    ids = [q.id for q in qs]
    parents: dict[str, str] = {}
    for q in qs:
        for child in q.follow_ups:
            if child != q.id:
                parents.setdefault(child, q.id)
    return ids, parents


def load_questions(content_dirs: Iterable[str] | None = None):
    """The bank's Questions in curriculum order, or None when the loader is missing or fails
    (stats must never fail because of a broken question file)."""
    try:
        from ..bank import cache
    except ImportError:
        return None
    try:
        result = cache.load_bank(list(content_dirs or ()))
    except Exception:  # noqa: BLE001 — reported by `quiz lint`; stats fall back to stored tags
        return None
    return list(result.questions)
