"""Load question files into validated `Question` objects, reporting problems as lint codes.

    parse_file(path) -> (Question | None, [Problem])      one file; pure (a cache can wrap it)
    load_bank(extra_dirs) -> Bank                          every content directory, in order

The work is split by layer: yamlines.py (YAML with line numbers), sections.py (bytes, front
matter, the `## ko`/`## en` body), fields.py (every field and its problems), draft.py (the
public `Draft` of one file, which lint and the kinds use), discovery.py (content roots,
files, curriculum order); this module builds the `Bank`. Its old names stay importable here.

A question file is YAML front matter between two `---` lines and a body with a `## ko` and a
`## en` section (content/README.md). YAML is read with a subclass of `yaml.SafeLoader` (the
loader `yaml.safe_load` uses; the C one when available) that only adds line numbers and
duplicate-key detection, so no YAML tag can build a Python object.

What the loader checks and what only `quiz lint` checks:
- every file: size (≤ 1 MB), UTF-8, front matter, YAML, fields and types, slugs, id = file
  name, both languages, body sections, demo lines, unknown fields (warning);
- user files (not the built-in bank) also: every pattern (match and reject) compiles, so
  `quiz ask` never meets a broken regex in a file it loaded;
- lint only (lint.py): patterns of the built-in bank, `see.explain` names (the activation
  registry imports NumPy), key points found in their own answers, facts against the engine,
  cross-file cycles and the curriculum.
A file with any error is skipped (its problems are in `Bank.problems`); warnings are kept.
Follow-ups and related ids that name no question are reported and dropped.

Order: each question directory may hold a `curriculum.txt` at its root, one id per line in
the order questions are asked (`#` starts a comment). Listed questions come first in that
order, then the unlisted ones by file path. The built-in bank comes first, then the
directories of QUIZ_CONTENT_PATH, then those of --content-dir.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import Callable, Iterable, Sequence

from ..errors import ContentError, InvalidValue, UnknownQuestion, closest
from .codes import Problem, problem
from .discovery import (CURRICULUM_FILE, ENV_CONTENT_PATH, Root, content_roots,  # noqa: F401
                        curriculum_order, discover, read_curriculum)
from .draft import Draft, parse_draft, parse_file  # noqa: F401
from .fields import (CONTRADICTION_FIELDS, FACT_FIELDS, KEY_POINT_FIELDS,  # noqa: F401
                     KEY_POINT_LANG_FIELDS, SEE_FIELDS, SLUG, TOP_FIELDS, _hint, _kind,
                     _looks_numeric, describe_value, is_slug)
from .model import LANGS, Contradiction, Fact, KeyPoint, Question  # noqa: F401
from .sections import FM_OFFSET, LANG_NAMES, MAX_BYTES, _FAILED  # noqa: F401
from .yamlines import _Map, _Seq, _loader_class  # noqa: F401

DIFFICULTY_NAMES = {"easy": 1, "medium": 2, "hard": 3}

_FileParser = Draft  # the old private name, for code written against it


# --------------------------------------------------------------------------- the bank

def parse_difficulty(text: str | int) -> int:
    """'1'..'3', 'easy'/'medium'/'hard' (or 쉬움/보통/어려움) -> 1..3; InvalidValue otherwise."""
    value = str(text).strip().casefold()
    names = dict(DIFFICULTY_NAMES, **{"쉬움": 1, "보통": 2, "어려움": 3})
    if value in ("1", "2", "3"):
        return int(value)
    if value in names:
        return names[value]
    raise InvalidValue(f"Unknown difficulty '{text}'. Allowed: 1 (easy), 2 (medium), 3 (hard).")


@dataclass
class Bank:
    """Every loaded question in curriculum order, plus what went wrong while loading."""

    questions: tuple[Question, ...]
    problems: tuple[Problem, ...] = ()
    roots: tuple[Root, ...] = ()
    _by_id: dict[str, Question] = field(default_factory=dict, repr=False)

    def __post_init__(self):
        if not self._by_id:
            self._by_id = {q.id: q for q in self.questions}

    def __len__(self) -> int:
        return len(self.questions)

    def __iter__(self):
        return iter(self.questions)

    def __contains__(self, qid: object) -> bool:
        return qid in self._by_id

    def ids(self) -> list[str]:
        return [q.id for q in self.questions]

    def get(self, qid: str) -> Question:
        """The question with this id; UnknownQuestion naming the closest ids otherwise."""
        q = self._by_id.get(qid)
        if q is not None:
            return q
        broken = next((p for p in self.problems if p.is_error
                       and os.path.basename(str(p.path)) == f"{qid}.md"), None)
        if broken is not None:  # the file exists but was skipped: say so, not "unknown id"
            raise ContentError(f"Question '{qid}' was skipped because {broken.path} has errors "
                            f"(first: {broken.code} {broken.message}). Run quiz lint {broken.path}.")
        near = closest(qid, self._by_id, limit=3)
        hint = f" Did you mean: {', '.join(near)}?" if near else ""
        raise UnknownQuestion(qid, message=f"Unknown question id '{qid}'.{hint} (quiz list shows all "
                        f"{len(self.questions)})")

    def find(self, qid: str) -> Question | None:
        return self._by_id.get(qid)

    def tags(self) -> list[str]:
        """Every tag, most used first."""
        counts: dict[str, int] = {}
        for q in self.questions:
            for t in q.tags:
                counts[t] = counts.get(t, 0) + 1
        return sorted(counts, key=lambda t: (-counts[t], t))

    def select(self, tags: Iterable[str] = (), difficulty: int | str | None = None) -> list[Question]:
        """Questions having any of `tags` (all when none given) and the given difficulty.

        An unknown tag is an InvalidValue with the closest tags (a typo, not an empty result)."""
        wanted = [t.strip().casefold() for t in tags if t and t.strip()]
        if wanted:
            known = set(self.tags())
            for t in wanted:
                if t not in known:
                    near = closest(t, known, limit=3)
                    hint = f" Did you mean: {', '.join(near)}?" if near else ""
                    raise InvalidValue(f"No question has the tag '{t}'.{hint} "
                                    f"(tags: {', '.join(self.tags()[:12])}, …)")
        level = None if difficulty is None else parse_difficulty(difficulty)
        wanted_set = set(wanted)
        return [q for q in self.questions
                if (not wanted_set or wanted_set.intersection(q.tags))
                and (level is None or q.difficulty == level)]

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]

    @cached_property
    def lexicon(self):
        """The concepts claims are written in: every root's lexicon/*.yaml (lexicons.py),
        loaded on first use; None without roots (grading then uses the built-in lexicon)."""
        return roots_lexicon(self.roots)


def roots_lexicon(roots: Iterable[Root]):
    from .lexicons import lexicon_dir, load_lexicons

    roots = list(roots)
    if not roots:
        return None
    from ..settings import no_cache

    root = None
    if not no_cache():
        from ..paths import cache_dir

        root = cache_dir()
    return load_lexicons((lexicon_dir(r.path, r.builtin) for r in roots), cache_root=root).lexicon


Parser = Callable[..., "tuple[Question | None, list[Problem]]"]


def load_bank(extra_dirs: Iterable[Path | str] = (), *, include_builtin: bool = True,
              use_env: bool = True, parse: Parser | None = None) -> Bank:
    """The built-in bank plus QUIZ_CONTENT_PATH and `extra_dirs`, in curriculum order.

    Never raises for bad content: broken files are skipped and reported in `Bank.problems`.
    `parse` replaces parse_file (a caching wrapper, for instance)."""
    parse = parse or parse_file
    roots = content_roots(extra_dirs, include_builtin=include_builtin, use_env=use_env)
    problems: list[Problem] = []
    ordered: list[Question] = []
    by_id: dict[str, Question] = {}
    seen_files: set[Path] = set()
    nested = _roots_nest(roots)  # only then can one file be found twice
    for root in roots:
        files, found = discover(root.path)
        problems.extend(found)
        here: list[Question] = []
        for f in files:
            if nested:
                try:
                    key = f.resolve()
                except (OSError, RuntimeError):  # a symlink loop: parse_file reports it
                    key = f.absolute()
                if key in seen_files:
                    continue
                seen_files.add(key)
            q, found = parse(f, builtin=root.builtin)
            problems.extend(found)
            if q is None:
                continue
            first = by_id.get(q.id)
            if first is not None:
                problems.append(problem("QZ043", f, q.source_lines.get("id"), id=q.id,
                                        other=first.path))
                continue
            by_id[q.id] = q
            here.append(q)
        ordered.extend(curriculum_order(here, read_curriculum(root.path), root.path))
    final = []
    for q in ordered:
        q2 = _drop_dangling(q, by_id, problems)
        if q2 is not q:
            by_id[q.id] = q2
        final.append(q2)
    return Bank(tuple(final), tuple(problems), tuple(roots), by_id)


def _roots_nest(roots: Sequence[Root]) -> bool:
    resolved = []
    for r in roots:
        try:
            resolved.append(r.path.resolve())
        except (OSError, RuntimeError):
            resolved.append(r.path.absolute())
    return any(a != b and (a in b.parents) for a in resolved for b in resolved)


def _drop_dangling(q: Question, by_id: dict[str, Question], problems: list[Problem]) -> Question:
    bad_f = [i for i, r in enumerate(q.follow_ups) if r not in by_id]
    bad_r = [i for i, r in enumerate(q.related) if r not in by_id]
    if not bad_f and not bad_r:
        return q
    for name, code, refs, bad in (("follow_ups", "QZ040", q.follow_ups, bad_f),
                                  ("related", "QZ042", q.related, bad_r)):
        for i in bad:
            problems.append(problem(code, q.path or q.id, q.source_lines.get(f"{name}[{i}]"),
                                    ref=refs[i], hint=_ref_hint(refs[i], by_id)))
    return replace(q, follow_ups=tuple(r for r in q.follow_ups if r in by_id),
                   related=tuple(r for r in q.related if r in by_id))


def _ref_hint(ref: str, ids: Iterable[str]) -> str:
    near = closest(ref, ids, limit=3)
    return f" Did you mean: {', '.join(near)}?" if near else ""
