"""The public draft of one question file: what lint, the cache and the kinds work on.

    parse_file(path) -> (Question | None, [Problem])   one file; pure (a cache can wrap it)
    parse_draft(path) -> Draft                          the draft, even when it has errors

A `Draft` reads the file (sections.py), checks its fields (fields.py) and holds
- `problems`: every finding, in file order; `question`: the best-effort Question (None when
  the front matter could not be read); `raw`: the front matter (a yamlines.LineMap);
- `lines`: where fields start ("id", "key_points[x]", "number.value", …, 1-based);
- for lint (lint=True): `pattern_lines`, `reject_lines`, `claim_lines`.
"""

from __future__ import annotations

from pathlib import Path

from .codes import Problem, problem
from .fields import FieldReader
from .model import Question
from .sections import SectionReader
from .yamlines import _Map


class Draft(SectionReader, FieldReader):
    """Parses one file; `problems` collects every finding, `question` is the best-effort draft."""

    def __init__(self, path: Path, builtin: bool, lint: bool):
        self.path = path
        self.builtin = builtin
        self.lint = lint
        self.check_patterns = lint or not builtin
        self.problems: list[Problem] = []
        self.lines: dict[str, int] = {}
        self.question: Question | None = None
        self.raw: _Map | None = None  # the front matter
        self.pattern_lines: dict[tuple[str, str, str], int] = {}  # lint: (kp, lang, pattern)
        self.reject_lines: dict[tuple[str, str, str], int] = {}  # lint: the same for reject
        self.claim_lines: dict[tuple[str, str], int] = {}  # lint: (key-point label, claim)

    def add(self, code: str, line: int | None, **fields) -> None:
        self.problems.append(problem(code, self.path, line, **fields))


def parse_file(path: Path | str, *, builtin: bool = True) -> tuple[Question | None, list[Problem]]:
    """One question file -> (the Question, or None when it has an error; its problems).

    Pure: the result depends only on the file's bytes, its path and `builtin`, so a cache
    keyed by (path, size, mtime) can store it. Never raises for bad content."""
    parser = Draft(Path(path), builtin, lint=False)
    parser.parse()
    if any(p.is_error for p in parser.problems):
        return None, parser.problems
    return parser.question, parser.problems


def parse_draft(path: Path | str, *, builtin: bool = True, lint: bool = True) -> Draft:
    """The parser after parsing (for lint): its draft question even when there are errors."""
    parser = Draft(Path(path), builtin, lint=lint)
    parser.parse()
    return parser
