"""Where questions are: the content roots (built-in bank, QUIZ_CONTENT_PATH, --content-dir),
the question files under each, and each root's `curriculum.txt` order.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Sequence

from .codes import Problem, problem
from .model import Question

CURRICULUM_FILE = "curriculum.txt"
ENV_CONTENT_PATH = "QUIZ_CONTENT_PATH"


@dataclass(frozen=True)
class Root:
    """A question directory: the built-in bank or a user's content directory."""

    path: Path
    builtin: bool


def content_roots(extra_dirs: Iterable[Path | str] = (), *, include_builtin: bool = True,
                  use_env: bool = True) -> list[Root]:
    """Built-in bank, then QUIZ_CONTENT_PATH, then --content-dir; the same directory once."""
    from ..paths import builtin_content_dir

    candidates: list[Root] = []
    if include_builtin:
        candidates.append(Root(builtin_content_dir() / "questions", True))
    if use_env:
        for part in os.environ.get(ENV_CONTENT_PATH, "").split(os.pathsep):
            if part.strip():
                candidates.append(Root(Path(part.strip()).expanduser(), False))
    for d in extra_dirs:
        candidates.append(Root(Path(d).expanduser(), False))
    roots, seen = [], set()
    for root in candidates:
        try:
            key = root.path.resolve()
        except OSError:
            key = root.path.absolute()
        if key not in seen:
            seen.add(key)
            roots.append(root)
    return roots


def discover(root: Path, *, allow_file: bool = False) -> tuple[list[Path], list[Problem]]:
    """The question files under `root` (recursive, sorted; README.md and hidden paths skipped)."""
    if allow_file and root.is_file():
        return [root], []
    if not root.exists():
        return [], [problem("QZ009", root, None, what="content directory",
                            detail="it does not exist")]
    if not root.is_dir():
        return [], [problem("QZ009", root, None, what="content directory",
                            detail="it is a file; give a directory of question files")]
    files: list[Path] = []
    for dirpath, dirnames, filenames in os.walk(root):
        keep = []
        for d in dirnames:
            if d.startswith("."):
                continue
            if d.endswith(".md"):  # a directory named like a question: parse_file reports it
                files.append(Path(dirpath) / d)
            else:
                keep.append(d)
        dirnames[:] = sorted(keep)
        for name in filenames:
            if name.endswith(".md") and not name.startswith(".") and name.lower() != "readme.md":
                files.append(Path(dirpath) / name)
    files.sort(key=lambda p: p.relative_to(root).parts)
    if not files:
        return [], [problem("QZ010", root, None)]
    return files, []


def read_curriculum(root: Path) -> list[tuple[str, int]] | None:
    """root/curriculum.txt as [(id, line)], or None when there is none (or it cannot be read)."""
    path = root / CURRICULUM_FILE
    try:
        text = path.read_text(encoding="utf-8-sig", errors="replace")
    except OSError:
        return None
    out = []
    for n, line in enumerate(text.splitlines(), 1):
        entry = line.split("#", 1)[0].strip()
        if entry:
            out.append((entry, n))
    return out


def curriculum_order(questions: Sequence[Question], curriculum: list[tuple[str, int]] | None,
                     root: Path) -> list[Question]:
    """Listed questions in curriculum order, then the rest by path (stable)."""
    if not curriculum:
        return list(questions)
    rank: dict[str, int] = {}
    for i, (qid, _) in enumerate(curriculum):
        rank.setdefault(qid, i)
    unlisted = len(rank)
    return sorted(questions, key=lambda q: rank.get(q.id, unlisted))
