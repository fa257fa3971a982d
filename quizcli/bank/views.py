"""What `quiz list` and `quiz show` display, as plain data (renderers and --json read these)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from .loader import Bank
from .model import Question


@dataclass(frozen=True)
class ListRow:
    position: int  # 1-based place in curriculum order
    id: str
    title: str  # in the display language
    tags: tuple[str, ...]
    difficulty: int
    follow_ups: tuple[str, ...]
    builtin: bool


@dataclass(frozen=True)
class QuestionView:
    question: Question  # as one attempt shows it (a number question: the draw of seed 0)
    lang: str
    position: int
    total: int
    follow_ups: tuple[tuple[str, str], ...]  # (id, title in lang)
    related: tuple[tuple[str, str], ...]
    about_kind: tuple[str, ...] = ()  # what the question's kind adds (drawn parameters, …)


def _title(q: Question, lang: str) -> str:
    from ..kinds import titles

    title = titles(q)
    return title.get(lang) or next(iter(title.values()), q.id)


def listing(bank: Bank, lang: str, tags: Iterable[str] = (), difficulty=None) -> list[ListRow]:
    position = {q.id: i for i, q in enumerate(bank.questions, 1)}
    return [ListRow(position[q.id], q.id, _title(q, lang), q.tags, q.difficulty, q.follow_ups,
                    q.builtin)
            for q in bank.select(tags, difficulty)]


def view(bank: Bank, qid: str, lang: str) -> QuestionView:
    from ..kinds import instance, kind_of

    q = bank.get(qid)
    position = bank.ids().index(q.id) + 1

    def titled(ids):
        return tuple((i, _title(bank.get(i), lang)) for i in ids if i in bank)

    shown = instance(q, 0)
    return QuestionView(shown, lang, position, len(bank), titled(q.follow_ups),
                        titled(q.related), tuple(kind_of(q).describe(q, lang)))


def question_json(q: Question, position: int | None = None, full: bool = True) -> dict:
    """The question as JSON-ready data (the same fields the file declares)."""
    from ..kinds import titles

    data = {
        "id": q.id,
        "position": position,
        "title": titles(q),
        "tags": list(q.tags),
        "difficulty": q.difficulty,
        "follow_ups": list(q.follow_ups),
        "related": list(q.related),
        "builtin": q.builtin,
        "path": str(q.path) if q.path else None,
    }
    if full:
        data.update({
            "summary": dict(q.summary),
            "answer": dict(q.answer),
            "note": dict(q.note),
            "key_points": [{"id": kp.id, "text": dict(kp.text),
                            "match": {k: list(v) for k, v in kp.patterns.items()}}
                           for kp in q.key_points],
            "see": {"explain": list(q.see_explain), "demo": list(q.see_demo),
                    "commands": q.see_commands()},
            "facts": [{"expr": f.expr, "value": f.value, "tol": f.tol} for f in q.facts],
            "sources": list(q.sources),
            "kind": q.kind,
        })
        if q.number is not None:
            spec = q.number
            data["number"] = {"params": {p.name: list(p.values) for p in spec.params},
                              "steps": dict(spec.steps), "value": spec.value, "tol": spec.tol,
                              "digits": spec.digits, "unit": dict(spec.unit)}
        if q.draw is not None:
            d = q.draw
            data["draw"] = {"seed": d.seed, "values": dict(d.values), "value": d.value,
                            "tol": d.tol}
    return data
