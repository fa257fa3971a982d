"""A question's front-matter fields: types, slugs, languages, key points (patterns, claims,
contradictions), facts, see-also lines and the question kind, each problem reported with its
line. `FieldReader` is a mixin of `Draft` (draft.py); `build` turns the front matter and the
answers into the draft's `Question`. The kind-specific fields are parsed by the kind
(quizcli/kinds/), through the same helpers (`line`, `text_value`, `unknown_keys`, …).
"""

from __future__ import annotations

import re
from typing import Iterable, Sequence

from ..errors import closest
from .model import LANGS, Contradiction, Fact, KeyPoint, Question
from .yamlines import _Map, _Seq
from .sections import FM_OFFSET

SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")

TOP_FIELDS = ("id", "kind", "title", "summary", "note", "tags", "difficulty", "follow_ups",
              "related", "see", "key_points", "facts", "sources")
SEE_FIELDS = ("explain", "demo")
KEY_POINT_FIELDS = ("id",) + LANGS + ("claims", "contradicts")
CONTRADICTION_FIELDS = ("claim", "why", "example")
KEY_POINT_LANG_FIELDS = ("text", "match", "reject", "why")
FACT_FIELDS = ("expr", "value", "tol")


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


describe_value = _kind  # public name (kinds/ report types with it)


def _hint(word: str, known: Iterable[str]) -> str:
    near = closest(word, known, limit=1)
    return f"; did you mean '{near[0]}'?" if near else f"; known fields: {', '.join(known)}"


_FLOAT_RANGE = "a number within ±1.8e308 (a float)"


def _as_float(v: int | float) -> float | None:
    """v as a float, or None for an integer too large for one (a 400-digit value)."""
    try:
        return float(v)
    except OverflowError:
        return None


def _looks_numeric(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


class FieldReader:
    """The field checks of one file's front matter (see the module docstring)."""

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
        from .. import kinds

        path = self.path
        kind_name, kind_ok = kinds.DEFAULT_KIND, True
        if "kind" in m:
            k = m["kind"]
            if not isinstance(k, str) or k not in kinds.KIND_NAMES:
                near = closest(str(k), kinds.KIND_NAMES, limit=1) if isinstance(k, str) else []
                self.add("QZ070", self.line(m, "kind"), value=_kind(k),
                         known=", ".join(kinds.KIND_NAMES),
                         hint=f" Did you mean '{near[0]}'?" if near else "")
                kind_ok = False  # the file is skipped: no more findings about kind fields
            else:
                kind_name = k
        kind = kinds.get(kind_name)
        extra = tuple(f for name in kinds.KIND_NAMES for f in kinds.get(name).fields)
        allowed = TOP_FIELDS + kind.fields
        if not kind.key_points:
            allowed = tuple(f for f in allowed if f != "key_points")
        for key in m if kind_ok else ():
            if key not in allowed and (key in extra or key == "key_points"):
                self.add("QZ013", self.line(m, key), field=str(key),
                         hint=f"; it is not read in a kind: {kind_name} question")
        self.unknown_keys(m, TOP_FIELDS + extra, "")
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
        key_points = self.key_points(m) if kind.key_points and kind_ok else []
        kind_fields = kind.parse(self, m) if kind_ok else {}
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
            kind=kind_name,
            **kind_fields,
        )
        if kind_ok:
            kind.check_text(self, self.question)

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
            risk = textmatch.backtracking_risk(p)
            if risk:  # never used: some answer would make it run for hours (issue 17)
                self.add("QZ029", pline, pattern=p, field=label, what=risk)
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
                elif (value := _as_float(v)) is None:
                    self.add("QZ012", self.line(fact, "value"), field=label + ".value",
                             expected=_FLOAT_RANGE, got=f"a number of {len(str(abs(v)))} digits")
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
                elif (tol := _as_float(t)) is None:
                    self.add("QZ012", self.line(fact, "tol"), field=label + ".tol",
                             expected=_FLOAT_RANGE, got=f"a number of {len(str(abs(t)))} digits")
                    value = None
            if expr is not None and value is not None:
                self.lines[label] = where or 2
                out.append((Fact(expr, value, tol), where))
        return out
