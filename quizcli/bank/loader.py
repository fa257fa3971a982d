"""Load question files into validated `Question` objects, reporting problems as lint codes.

    parse_file(path) -> (Question | None, [Problem])      one file; pure (a cache can wrap it)
    load_bank(extra_dirs) -> Bank                          every content directory, in order

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
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable, Iterable, Sequence

from ..errors import QuizError, closest
from .codes import Problem, problem
from .model import LANGS, Contradiction, Fact, KeyPoint, Question

MAX_BYTES = 1_048_576
CURRICULUM_FILE = "curriculum.txt"
ENV_CONTENT_PATH = "QUIZ_CONTENT_PATH"
SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
LANG_NAMES = {"ko": "Korean", "en": "English"}
DIFFICULTY_NAMES = {"easy": 1, "medium": 2, "hard": 3}

TOP_FIELDS = ("id", "title", "summary", "note", "tags", "difficulty", "follow_ups", "related",
              "see", "key_points", "facts", "sources")
SEE_FIELDS = ("explain", "demo")
KEY_POINT_FIELDS = ("id",) + LANGS + ("claims", "contradicts")
CONTRADICTION_FIELDS = ("claim", "why", "example")
KEY_POINT_LANG_FIELDS = ("text", "match", "reject", "why")
FACT_FIELDS = ("expr", "value", "tol")

FM_OFFSET = 2  # front-matter line 0 is file line 2 (after the opening '---')


# --------------------------------------------------------------------------- YAML with lines

class _Map(dict):
    """A YAML mapping that remembers where it and each of its keys start (0-based lines)."""

    __slots__ = ("line", "key_lines")


class _Seq(list):
    """A YAML sequence that remembers where it and each item start (0-based lines)."""

    __slots__ = ("line", "item_lines")


_LOADER = None


def _loader_class():
    global _LOADER
    if _LOADER is not None:
        return _LOADER
    import yaml
    from yaml.constructor import ConstructorError

    base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    class LineLoader(base):  # type: ignore[misc, valid-type]
        def __init__(self, stream):
            super().__init__(stream)
            self.duplicates: list[tuple[str, int, int]] = []  # key, line, first line

    def construct_map(loader, node):
        data = _Map()
        data.line = node.start_mark.line
        data.key_lines = {}
        yield data
        loader.flatten_mapping(node)
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=False)
            try:
                hash(key)
            except TypeError:
                raise ConstructorError("while constructing a mapping", node.start_mark,
                                       "found a key that is a list or mapping",
                                       key_node.start_mark) from None
            if key in data:
                loader.duplicates.append((str(key), key_node.start_mark.line,
                                          data.key_lines[key]))
            data[key] = loader.construct_object(value_node, deep=False)
            data.key_lines[key] = key_node.start_mark.line

    def construct_seq(loader, node):
        data = _Seq()
        data.line = node.start_mark.line
        data.item_lines = [n.start_mark.line for n in node.value]
        yield data
        data.extend(loader.construct_object(n, deep=False) for n in node.value)

    LineLoader.add_constructor("tag:yaml.org,2002:map", construct_map)
    LineLoader.add_constructor("tag:yaml.org,2002:seq", construct_seq)
    _LOADER = LineLoader
    return LineLoader


# --------------------------------------------------------------------------- helpers

def is_slug(value: object) -> bool:
    return isinstance(value, str) and SLUG.fullmatch(value) is not None


def _kind(value: object) -> str:
    """How a YAML value reads to an author: 'a list', 'the number 3', 'an empty value' …"""
    if value is None:
        return "an empty value"
    if isinstance(value, bool):
        return f"true/false ({str(value).lower()})"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, str):
        short = value if len(value) <= 30 else value[:27] + "…"
        return f"the text {short!r}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return f"a {type(value).__name__}"


def _hint(word: str, known: Iterable[str]) -> str:
    near = closest(word, known, limit=1)
    return f"; did you mean '{near[0]}'?" if near else f"; known fields: {', '.join(known)}"


def _looks_numeric(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


# --------------------------------------------------------------------------- one file

_FAILED = object()  # load_yaml's "already reported" result (None is a valid, empty document)

class _FileParser:
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

    # -- reading -----------------------------------------------------------------------
    def read(self) -> str | None:
        path = self.path
        try:
            st = path.stat()
        except OSError as exc:
            self.add("QZ009", None, what="file", detail=exc.strerror or str(exc))
            return None
        if path.is_dir():
            self.add("QZ009", None, what="file", detail="it is a directory, not a question file")
            return None
        if st.st_size > MAX_BYTES:
            self.add("QZ002", None, size=st.st_size, limit=MAX_BYTES)
            return None
        try:
            with open(path, "rb") as fh:
                data = fh.read(MAX_BYTES + 1)
        except OSError as exc:
            self.add("QZ009", None, what="file", detail=exc.strerror or str(exc))
            return None
        if len(data) > MAX_BYTES:  # grew since stat, or not a regular file
            self.add("QZ002", None, size=f"more than {MAX_BYTES}", limit=MAX_BYTES)
            return None
        if data.startswith(b"\xef\xbb\xbf"):
            data = data[3:]
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            line = data.count(b"\n", 0, exc.start) + 1
            column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
            self.add("QZ001", line, byte=f"{data[exc.start]:02x}", column=column)
            return None
        if "\r" in text:
            text = text.replace("\r\n", "\n").replace("\r", "\n")
        return text

    # -- front matter --------------------------------------------------------------------
    def parse(self) -> None:
        text = self.read()
        if text is None:
            return
        lines = text.split("\n")
        if lines[0].rstrip() != "---":
            self.add("QZ003", 1)
            return
        end = next((i for i in range(1, len(lines)) if lines[i].rstrip() == "---"), None)
        if end is None:
            self.add("QZ004", len(lines) if lines[-1] else max(1, len(lines) - 1))
            return
        fm_lines = lines[1:end]
        tabs = [i for i, ln in enumerate(fm_lines) if "\t" in ln[: len(ln) - len(ln.lstrip(" \t"))]]
        for i in tabs:
            self.add("QZ005", i + FM_OFFSET)
        if tabs:
            return
        data = self.load_yaml("\n".join(fm_lines), fm_lines)
        if data is _FAILED:
            return
        if not isinstance(data, dict):
            self.add("QZ007", 2, got=_kind(data))
            return
        self.raw = data
        answers, answer_lines = self.parse_body(lines[end + 1:], end + 2)
        self.build(data, answers, answer_lines)

    def load_yaml(self, text: str, fm_lines: list[str]):
        import yaml

        loader = _loader_class()(text)
        try:
            data = loader.get_single_data()
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            line = mark.line + FM_OFFSET if mark is not None else None
            if mark is not None and 0 <= mark.line < len(fm_lines) and "\t" in fm_lines[mark.line]:
                self.add("QZ005", line)
                return _FAILED
            detail = exc.problem or "cannot parse"
            if exc.context:
                detail = f"{detail} ({exc.context})"
            if mark is not None:
                detail = f"{detail} at column {mark.column + 1}"
            self.add("QZ006", line, detail=" ".join(detail.split()))
            return _FAILED
        except (yaml.YAMLError, RecursionError, ValueError, OverflowError) as exc:
            self.add("QZ006", None, detail=" ".join(str(exc).split())[:200] or type(exc).__name__)
            return _FAILED
        finally:
            loader.dispose()
        for key, line, first in loader.duplicates:
            self.add("QZ008", line + FM_OFFSET, field=key, first=first + FM_OFFSET)
        return data

    # -- body ----------------------------------------------------------------------------
    def parse_body(self, lines: list[str], first_line: int):
        heading = re.compile(r" {0,3}##(?!#)(?:[ \t]+(.*?))?[ \t#]*\Z")
        sections: dict[str, list[str]] = {}
        starts: dict[str, int] = {}
        current: str | None = None
        fence: str | None = None
        stray_reported = False
        for offset, line in enumerate(lines):
            n = first_line + offset
            stripped = line.lstrip()
            if fence is not None:
                if stripped.startswith(fence):
                    fence = None
            elif stripped.startswith("```") or stripped.startswith("~~~"):
                fence = stripped[:3]
            else:
                m = heading.match(line)
                if m is not None:
                    name = (m.group(1) or "").strip()
                    lang = name.casefold()
                    if lang in LANGS and lang not in sections:
                        sections[lang] = []
                        starts[lang] = n
                        current = lang
                        continue
                    self.add("QZ025", n, heading=line.strip())
                    current = None  # the text under a stray heading belongs to no answer
                    continue
            if current is not None:
                sections[current].append(line)
            elif line.strip() and not stray_reported and not sections:
                self.add("QZ026", n)
                stray_reported = True
        answers: dict[str, str] = {}
        end_line = first_line + max(len(lines) - 1, 0)
        for lang in LANGS:
            if lang not in sections:
                self.add("QZ023", end_line, lang=lang, lang_name=LANG_NAMES[lang])
                continue
            text = "\n".join(sections[lang]).strip("\n")
            if not text.strip():
                self.add("QZ024", starts[lang], lang=lang)
                continue
            answers[lang] = text
        if "ko" in starts and "en" in starts and starts["en"] < starts["ko"]:
            self.add("QZ027", starts["en"])
        return answers, starts

    # -- fields --------------------------------------------------------------------------
    def line(self, container, key) -> int | None:
        if isinstance(container, _Map):
            raw = container.key_lines.get(key, container.line)
        elif isinstance(container, _Seq) and isinstance(key, int) and key < len(container.item_lines):
            raw = container.item_lines[key]
        else:
            return None
        return raw + FM_OFFSET

    def unknown_keys(self, mapping: dict, known: Sequence[str], prefix: str) -> None:
        for key in mapping:
            if key not in known:
                name = str(key)
                self.add("QZ013", self.line(mapping, key), field=prefix + name,
                         hint=_hint(name, known))

    def text_value(self, mapping, key, label: str, required: bool = True) -> str | None:
        if key not in mapping:
            if required:
                self.add("QZ011", self.line(mapping, key), field=label, expected="text")
            return None
        value = mapping[key]
        if not isinstance(value, str):
            self.add("QZ012", self.line(mapping, key), field=label, expected="text",
                     got=_kind(value))
            return None
        if not value.strip():
            self.add("QZ018", self.line(mapping, key), field=label)
            return None
        return value

    def lang_texts(self, mapping, key: str, label: str) -> dict[str, str]:
        """`title`: {ko: text, en: text}."""
        if key not in mapping:
            self.add("QZ011", self.line(mapping, key), field=label,
                     expected="a mapping {ko: text, en: text}")
            return {}
        value = mapping[key]
        if not isinstance(value, dict):
            self.add("QZ012", self.line(mapping, key), field=label,
                     expected="a mapping {ko: text, en: text}", got=_kind(value))
            return {}
        self.unknown_keys(value, LANGS, label + ".")
        out = {}
        for lang in LANGS:
            if lang not in value:
                self.add("QZ022", self.line(mapping, key), field=label, lang=lang)
                continue
            text = self.text_value(value, lang, f"{label}.{lang}")
            if text is not None:
                out[lang] = text
        return out

    def str_list(self, mapping, key: str, label: str, *, required: bool, nonempty: bool,
                 slugs: bool, expected: str) -> list[tuple[str, int | None]]:
        """A list of strings (slugs when `slugs`): [(value, line)] of the valid items."""
        if key not in mapping:
            if required:
                self.add("QZ011", self.line(mapping, key), field=label, expected=expected)
            return []
        value = mapping[key]
        if value is None:
            value = []
        if not isinstance(value, list):
            self.add("QZ012", self.line(mapping, key), field=label, expected=expected,
                     got=_kind(value))
            return []
        if not value:
            if nonempty:
                self.add("QZ017", self.line(mapping, key), field=label, expected=expected)
            return []
        out: list[tuple[str, int | None]] = []
        seen: set[str] = set()
        for i, item in enumerate(value):
            where = self.line(value, i)
            item_label = f"{label}[{i}]"
            if not isinstance(item, str):
                self.add("QZ012", where, field=item_label,
                         expected="a slug" if slugs else "text", got=_kind(item))
                continue
            if slugs and not is_slug(item):
                self.add("QZ014", where, field=item_label, value=item)
                continue
            if not item.strip():
                self.add("QZ018", where, field=item_label)
                continue
            if item in seen:
                self.add("QZ021", where, field=label, value=item)
                continue
            seen.add(item)
            out.append((item, where))
        return out

    def build(self, m: _Map, answers: dict[str, str], answer_lines: dict[str, int]) -> None:
        path = self.path
        self.unknown_keys(m, TOP_FIELDS, "")
        lines = self.lines
        lines["id"] = self.line(m, "id") or 2
        for lang, n in answer_lines.items():
            lines[f"body.{lang}"] = n

        # id
        qid = path.stem
        if "id" not in m:
            self.add("QZ011", 2, field="id", expected="a slug equal to the file name")
        elif not isinstance(m["id"], str):
            self.add("QZ012", lines["id"], field="id", expected="a slug such as relu-vs-sigmoid",
                     got=_kind(m["id"]))
        elif not is_slug(m["id"]):
            self.add("QZ014", lines["id"], field="id", value=m["id"])
        else:
            qid = m["id"]
            if qid != path.stem:
                self.add("QZ015", lines["id"], id=qid, stem=path.stem)

        title = self.lang_texts(m, "title", "title")
        lines["title"] = self.line(m, "title") or 2
        # optional: the 30-second answer (shown first) and the interviewer's note (shown apart)
        summary = self.lang_texts(m, "summary", "summary") if m.get("summary") is not None else {}
        note = self.lang_texts(m, "note", "note") if m.get("note") is not None else {}
        tags = self.str_list(m, "tags", "tags", required=True, nonempty=True, slugs=True,
                             expected="a list of tags such as [activation, relu]")

        difficulty = 0
        if "difficulty" not in m:
            self.add("QZ011", 2, field="difficulty", expected="1, 2 or 3")
        else:
            d = m["difficulty"]
            where = self.line(m, "difficulty")
            if isinstance(d, bool) or not isinstance(d, int):
                self.add("QZ012", where, field="difficulty", expected="1, 2 or 3", got=_kind(d))
            elif d not in (1, 2, 3):
                self.add("QZ016", where, field="difficulty", value=d,
                         expected="1 (easy), 2 (medium) or 3 (hard)")
            else:
                difficulty = d

        follow_ups = self.str_list(m, "follow_ups", "follow_ups", required=False, nonempty=False,
                                   slugs=True, expected="a list of question ids")
        related = self.str_list(m, "related", "related", required=False, nonempty=False,
                                slugs=True, expected="a list of question ids")
        for name, refs in (("follow_ups", follow_ups), ("related", related)):
            for i, (_, where) in enumerate(refs):
                lines[f"{name}[{i}]"] = where or 2

        explain, demo = self.see(m)
        key_points = self.key_points(m)
        facts = self.facts(m)
        sources = self.str_list(m, "sources", "sources", required=True, nonempty=True,
                                slugs=False, expected="a list of papers, docs or books")

        self.question = Question(
            id=qid,
            title=title,
            answer=answers,
            summary=summary,
            note=note,
            tags=tuple(t for t, _ in tags),
            difficulty=difficulty,
            key_points=tuple(key_points),
            follow_ups=tuple(f for f, _ in follow_ups),
            related=tuple(r for r, _ in related),
            see_explain=tuple(e for e, _ in explain),
            see_demo=tuple(d for d, _ in demo),
            facts=tuple(f for f, _ in facts),
            sources=tuple(s for s, _ in sources),
            path=path,
            builtin=self.builtin,
            source_lines=lines,
        )

    def see(self, m: _Map):
        from ..demo_names import DEMO_NAMES, DemoLineError, parse_demo_line

        if "see" not in m or m["see"] is None:
            return [], []
        see = m["see"]
        if not isinstance(see, dict):
            self.add("QZ012", self.line(m, "see"), field="see",
                     expected="a mapping with explain and/or demo lists", got=_kind(see))
            return [], []
        self.unknown_keys(see, SEE_FIELDS, "see.")
        explain = self.str_list(see, "explain", "see.explain", required=False, nonempty=False,
                                slugs=False, expected="a list of activation names")
        for i, (name, where) in enumerate(explain):
            self.lines[f"see.explain[{i}]"] = where or 2
        demo = self.str_list(see, "demo", "see.demo", required=False, nonempty=False,
                             slugs=False, expected="a list of demo command lines")
        good = []
        for line_text, where in demo:
            words = line_text.split()
            if words[0] not in DEMO_NAMES:
                near = closest(words[0], DEMO_NAMES, limit=1)
                self.add("QZ051", where, name=words[0], line_text=line_text,
                         known=", ".join(DEMO_NAMES),
                         hint=f" Did you mean '{near[0]}'?" if near else "")
                continue
            try:
                parse_demo_line(line_text)
            except DemoLineError as exc:
                self.add("QZ052", where, line_text=line_text, detail=str(exc))
                continue
            good.append((line_text, where))
        return explain, good

    def key_points(self, m: _Map) -> list[KeyPoint]:
        expected = "a list of key points, each with id, ko and en"
        kps = m.get("key_points")
        if "key_points" not in m:
            self.add("QZ011", 2, field="key_points", expected=expected)
            return []
        if kps is None:
            kps = []
        if not isinstance(kps, list):
            self.add("QZ012", self.line(m, "key_points"), field="key_points", expected=expected,
                     got=_kind(kps))
            return []
        if not kps:
            self.add("QZ017", self.line(m, "key_points"), field="key_points", expected=expected)
            return []
        out: list[KeyPoint] = []
        first_line: dict[str, int] = {}
        for i, kp in enumerate(kps):
            where = self.line(kps, i)
            label = f"key_points[{i}]"
            if not isinstance(kp, dict):
                self.add("QZ012", where, field=label, expected="a mapping with id, ko and en",
                         got=_kind(kp))
                continue
            self.unknown_keys(kp, KEY_POINT_FIELDS, label + ".")
            kid = kp.get("id")
            if "id" not in kp:
                self.add("QZ011", where, field=label + ".id", expected="a slug")
                kid = None
            elif not isinstance(kid, str):
                self.add("QZ012", self.line(kp, "id"), field=label + ".id", expected="a slug",
                         got=_kind(kid))
                kid = None
            elif not is_slug(kid):
                self.add("QZ014", self.line(kp, "id"), field=label + ".id", value=kid)
                kid = None
            elif kid in first_line:
                self.add("QZ020", self.line(kp, "id"), id=kid, first=first_line[kid])
                kid = None
            else:
                first_line[kid] = self.line(kp, "id") or where or 2
                label = f"key_points[{kid}]"
            claims = self.claims(kp, label) if "claims" in kp else []
            contradicts = self.contradictions(kp, label) if "contradicts" in kp else []
            texts: dict[str, str] = {}
            patterns: dict[str, tuple[str, ...]] = {}
            reject: dict[str, tuple[str, ...]] = {}
            why: dict[str, str] = {}
            for lang in LANGS:
                if lang not in kp:
                    self.add("QZ022", where, field=label, lang=lang)
                    continue
                block = kp[lang]
                lang_label = f"{label}.{lang}"
                if not isinstance(block, dict):
                    self.add("QZ012", self.line(kp, lang), field=lang_label,
                             expected="a mapping {text: …, match: […]}", got=_kind(block))
                    continue
                self.unknown_keys(block, KEY_POINT_LANG_FIELDS, lang_label + ".")
                text = self.text_value(block, "text", lang_label + ".text")
                if text is not None:
                    texts[lang] = text
                # a key point is graded by its claims, or else by its match patterns
                pats = self.str_list(block, "match", lang_label + ".match",
                                     required=not ("claims" in kp),
                                     nonempty=True, slugs=False,
                                     expected="a list of regular expressions")
                pats = self.compiled(pats, "QZ030", lang_label + ".match")
                if self.lint and kid is not None:
                    for p, pline in pats:
                        self.pattern_lines[(kid, lang, p)] = pline or where or 2
                if pats:
                    patterns[lang] = tuple(p for p, _ in pats)
                    if kid is not None:
                        self.lines[f"{label}.{lang}.match"] = self.line(block, "match") or where or 2
                # optional: misconceptions (a phrase that, when found, uncovers the key point)
                bad = self.str_list(block, "reject", lang_label + ".reject", required=False,
                                    nonempty=False, slugs=False,
                                    expected="a list of regular expressions")
                bad = self.compiled(bad, "QZ034", lang_label + ".reject")
                if self.lint and kid is not None:
                    for p, pline in bad:
                        self.reject_lines[(kid, lang, p)] = pline or where or 2
                if bad:
                    reject[lang] = tuple(p for p, _ in bad)
                if "why" in block:
                    reason = self.text_value(block, "why", lang_label + ".why")
                    if reason is not None:
                        why[lang] = reason
            if kid is not None:
                self.lines[label] = first_line[kid]
                out.append(KeyPoint(kid, texts, patterns, reject, why, tuple(claims),
                                    tuple(contradicts)))
        if len(kps) < 3:
            self.add("QZ019", self.line(m, "key_points"), n=len(kps))
        return out

    def claims(self, kp, label: str) -> list[str]:
        """`claims`: a non-empty list of claim strings (grading/claims.py), each parsed."""
        from ..grading.claims import ClaimSyntaxError, parse_claim

        items = self.str_list(kp, "claims", label + ".claims", required=False, nonempty=True,
                              slugs=False, expected="a list of claims such as 'gradient + vanish'")
        out = []
        for text, where in items:
            try:
                parse_claim(text)
            except ClaimSyntaxError as exc:
                self.add("QZ037", where, field=label + ".claims", detail=str(exc))
                continue
            out.append(text)
            self.claim_lines[(label, text)] = where or 2
        return out

    def contradictions(self, kp, label: str) -> list[Contradiction]:
        """`contradicts`: [{claim: str | [str], why: {ko, en}, example: {ko, en}}]."""
        from ..grading.claims import ClaimSyntaxError, parse_claim

        expected = "a list of {claim, why: {ko, en}, example: {ko, en}}"
        value = kp.get("contradicts")
        if value is None:
            return []
        if not isinstance(value, list):
            self.add("QZ012", self.line(kp, "contradicts"), field=label + ".contradicts",
                     expected=expected, got=_kind(value))
            return []
        out = []
        for i, item in enumerate(value):
            where = self.line(value, i)
            ilabel = f"{label}.contradicts[{i}]"
            if not isinstance(item, dict):
                self.add("QZ012", where, field=ilabel, expected="a mapping {claim, why, example}",
                         got=_kind(item))
                continue
            self.unknown_keys(item, CONTRADICTION_FIELDS, ilabel + ".")
            raw = item.get("claim")
            raw = [raw] if isinstance(raw, str) else raw
            if "claim" not in item:
                self.add("QZ011", where, field=ilabel + ".claim",
                         expected="a claim or a list of claims")
                continue
            if not isinstance(raw, list) or not raw or not all(isinstance(c, str) for c in raw):
                self.add("QZ012", self.line(item, "claim") or where, field=ilabel + ".claim",
                         expected="a claim or a list of claims", got=_kind(item.get("claim")))
                continue
            good = []
            for c in raw:
                try:
                    parse_claim(c)
                    good.append(c)
                except ClaimSyntaxError as exc:
                    self.add("QZ037", self.line(item, "claim") or where, field=ilabel + ".claim",
                             detail=str(exc))
            why = self.lang_texts(item, "why", ilabel + ".why")
            example = self.lang_texts(item, "example", ilabel + ".example")
            if good:
                out.append(Contradiction(tuple(good), why, example))
                self.claim_lines[(ilabel, "")] = where or 2
        return out

    def compiled(self, pats: list[tuple[str, int | None]], code: str,
                 label: str) -> list[tuple[str, int | None]]:
        """The patterns that compile (all of them when patterns are not checked here); each
        one that does not is reported under `code` (QZ030 match, QZ034 reject)."""
        from .. import textmatch

        if not pats or not self.check_patterns:
            return pats
        valid = []
        for p, pline in pats:
            try:
                textmatch.compile_pattern(p)
            except (re.error, RecursionError, OverflowError) as exc:
                self.add(code, pline, pattern=p, field=label, detail=str(exc))
                continue
            valid.append((p, pline))
        return valid

    def facts(self, m: _Map) -> list[tuple[Fact, int | None]]:
        expected = "a list of {expr: …, value: …} mappings"
        if "facts" not in m or m["facts"] is None:
            return []
        facts = m["facts"]
        if not isinstance(facts, list):
            self.add("QZ012", self.line(m, "facts"), field="facts", expected=expected,
                     got=_kind(facts))
            return []
        out = []
        for i, fact in enumerate(facts):
            where = self.line(facts, i)
            label = f"facts[{i}]"
            if not isinstance(fact, dict):
                self.add("QZ012", where, field=label, expected="a mapping {expr: …, value: …}",
                         got=_kind(fact))
                continue
            self.unknown_keys(fact, FACT_FIELDS, label + ".")
            expr = self.text_value(fact, "expr", label + ".expr")
            value = None
            if "value" not in fact:
                self.add("QZ011", where, field=label + ".value", expected="a number")
            else:
                v = fact["value"]
                if isinstance(v, bool) or not isinstance(v, (int, float)):
                    exp = "a number"
                    if isinstance(v, str) and _looks_numeric(v):
                        exp = "a number (YAML reads 1e-5 as text: write 1.0e-5)"
                    self.add("QZ012", self.line(fact, "value"), field=label + ".value",
                             expected=exp, got=_kind(v))
                else:
                    value = float(v)
            tol = None
            if "tol" in fact:
                t = fact["tol"]
                if isinstance(t, bool) or not isinstance(t, (int, float)):
                    self.add("QZ012", self.line(fact, "tol"), field=label + ".tol",
                             expected="a number", got=_kind(t))
                    value = None
                elif not t >= 0:
                    self.add("QZ016", self.line(fact, "tol"), field=label + ".tol", value=t,
                             expected="a non-negative number")
                    value = None
                else:
                    tol = float(t)
            if expr is not None and value is not None:
                self.lines[label] = where or 2
                out.append((Fact(expr, value, tol), where))
        return out


def parse_file(path: Path | str, *, builtin: bool = True) -> tuple[Question | None, list[Problem]]:
    """One question file -> (the Question, or None when it has an error; its problems).

    Pure: the result depends only on the file's bytes, its path and `builtin`, so a cache
    keyed by (path, size, mtime) can store it. Never raises for bad content."""
    parser = _FileParser(Path(path), builtin, lint=False)
    parser.parse()
    if any(p.is_error for p in parser.problems):
        return None, parser.problems
    return parser.question, parser.problems


def parse_draft(path: Path | str, *, builtin: bool = True, lint: bool = True) -> _FileParser:
    """The parser after parsing (for lint): its draft question even when there are errors."""
    parser = _FileParser(Path(path), builtin, lint=lint)
    parser.parse()
    return parser


# --------------------------------------------------------------------------- directories

@dataclass(frozen=True)
class Root:
    """A question directory: the built-in bank or a user's content directory."""

    path: Path
    builtin: bool


def content_roots(extra_dirs: Iterable[Path | str] = (), *, include_builtin: bool = True,
                  use_env: bool = True) -> list[Root]:
    """Built-in bank, then QUIZ_CONTENT_PATH, then --content-dir; the same directory once."""
    from ..paths import builtin_content_dir
    from ..settings import content_path

    candidates: list[Root] = []
    if include_builtin:
        candidates.append(Root(builtin_content_dir() / "questions", True))
    if use_env:
        for part in content_path():
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


# --------------------------------------------------------------------------- the bank

def parse_difficulty(text: str | int) -> int:
    """'1'..'3', 'easy'/'medium'/'hard' (or 쉬움/보통/어려움) -> 1..3; QuizError otherwise."""
    value = str(text).strip().casefold()
    names = dict(DIFFICULTY_NAMES, **{"쉬움": 1, "보통": 2, "어려움": 3})
    if value in ("1", "2", "3"):
        return int(value)
    if value in names:
        return names[value]
    raise QuizError(f"Unknown difficulty '{text}'. Allowed: 1 (easy), 2 (medium), 3 (hard).")


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
        """The question with this id; QuizError naming the closest ids otherwise."""
        q = self._by_id.get(qid)
        if q is not None:
            return q
        broken = next((p for p in self.problems if p.is_error
                       and os.path.basename(str(p.path)) == f"{qid}.md"), None)
        if broken is not None:  # the file exists but was skipped: say so, not "unknown id"
            raise QuizError(f"Question '{qid}' was skipped because {broken.path} has errors "
                            f"(first: {broken.code} {broken.message}). Run quiz lint {broken.path}.")
        near = closest(qid, self._by_id, limit=3)
        hint = f" Did you mean: {', '.join(near)}?" if near else ""
        raise QuizError(f"Unknown question id '{qid}'.{hint} (quiz list shows all "
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

        An unknown tag is a QuizError with the closest tags (a typo, not an empty result)."""
        wanted = [t.strip().casefold() for t in tags if t and t.strip()]
        if wanted:
            known = set(self.tags())
            for t in wanted:
                if t not in known:
                    near = closest(t, known, limit=3)
                    hint = f" Did you mean: {', '.join(near)}?" if near else ""
                    raise QuizError(f"No question has the tag '{t}'.{hint} "
                                    f"(tags: {', '.join(self.tags()[:12])}, …)")
        level = None if difficulty is None else parse_difficulty(difficulty)
        wanted_set = set(wanted)
        return [q for q in self.questions
                if (not wanted_set or wanted_set.intersection(q.tags))
                and (level is None or q.difficulty == level)]

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]


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
                key = f.resolve()
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
        except OSError:
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
