"""Validated question data. The loader (loader.py) builds these; everything else reads them.

Plain frozen dataclasses, no YAML: grading, `quiz ask` and the store depend on this shape.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Mapping

LANGS = ("ko", "en")


@dataclass(frozen=True)
class Contradiction:
    """A misconception of a key point: claims that, when the answer states one, mark the key
    point as contradicted; `why` (lang -> text) is shown next to the phrase; `example`
    (lang -> text) must trigger it (lint)."""

    claims: tuple[str, ...]
    why: dict[str, str] = field(default_factory=dict)
    example: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class KeyPoint:
    id: str
    text: dict[str, str]  # lang -> one sentence shown as feedback / hint
    patterns: dict[str, tuple[str, ...]]  # lang -> regexes searched in the normalised answer
    # lang -> misconception regexes: when one is found the key point is not covered, even if a
    # `patterns` regex is found too, and the grade reports the phrase (content/README.md)
    reject: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # lang -> why those phrases are wrong, shown next to them (default: the key point's text)
    why: dict[str, str] = field(default_factory=dict)
    # claim strings over lexicon concepts (grading/claims.py): covered when one holds
    claims: tuple[str, ...] = ()
    contradicts: tuple[Contradiction, ...] = ()


@dataclass(frozen=True)
class Fact:
    expr: str
    value: float
    tol: float | None = None  # None: the written value's last digit


@dataclass(frozen=True)
class Param:
    """A parameter of a `number` question: the values one attempt draws from."""

    name: str
    values: tuple[float, ...]


@dataclass(frozen=True)
class NumberSpec:
    """The `number:` block of a `number` question (content/README.md, "Number questions")."""

    params: tuple[Param, ...]
    value: str  # the fact expression of the answer, over the parameters and steps
    tol: float  # absolute tolerance of the grading
    digits: int = 0  # decimals shown for the value
    steps: tuple[tuple[str, str], ...] = ()  # (name, expression) for the worked solution
    unit: dict[str, str] = field(default_factory=dict)  # lang -> unit word shown after the value


@dataclass(frozen=True)
class Draw:
    """One attempt at a `number` question: the drawn parameters and what the engine computed."""

    seed: int
    values: tuple[tuple[str, float], ...]  # parameters then steps, in order
    value: float
    tol: float
    digits: int

    def names(self) -> dict[str, float]:
        return dict(self.values)


@dataclass(frozen=True)
class Question:
    id: str
    title: dict[str, str]  # lang -> question text
    answer: dict[str, str]  # lang -> model answer (Markdown)
    tags: tuple[str, ...]
    difficulty: int  # 1 easy, 2 medium, 3 hard
    key_points: tuple[KeyPoint, ...]
    follow_ups: tuple[str, ...] = ()
    related: tuple[str, ...] = ()
    see_explain: tuple[str, ...] = ()
    see_demo: tuple[str, ...] = ()
    facts: tuple[Fact, ...] = ()
    sources: tuple[str, ...] = ()
    # lang -> the 30-second answer (2-3 sentences), shown before the full answer
    summary: dict[str, str] = field(default_factory=dict)
    # lang -> an interviewer's note (what earns credit, common traps): advice to the candidate,
    # never part of the answer itself; `show` and `--reveal` print it apart
    note: dict[str, str] = field(default_factory=dict)
    kind: str = "rubric"  # "rubric" (key points) or "number" (quizcli/kinds/)
    number: NumberSpec | None = None  # kind "number": the template
    draw: Draw | None = None  # kind "number", one attempt (kinds.instance): its parameters
    path: Path | None = field(default=None, compare=False)
    builtin: bool = field(default=True, compare=False)
    # where fields start in the file ("id", "follow_ups[0]", "key_points[sparsity]", …):
    # 1-based lines, for problems found after parsing (unknown follow-ups, duplicate ids)
    source_lines: Mapping[str, int] = field(default_factory=dict, compare=False, repr=False)

    def see_commands(self) -> list[str]:
        """The see-also command lines, e.g. 'quiz explain relu', 'quiz demo vanishing --depth 20'."""
        return [f"quiz explain {n}" for n in self.see_explain] + [
            f"quiz demo {d}" for d in self.see_demo
        ]
