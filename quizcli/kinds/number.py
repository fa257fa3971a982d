r"""The `number` kind: the answer is a number the engine computes from parameters drawn per
attempt (content/README.md, "Number questions").

    number:
      params: {x: [0.5, 1.3, 2.0]}        # or {x: {min: -2, max: 2, step: 0.5}}
      steps: {s: "f('sigmoid', x)"}       # optional named intermediate values
      value: "s * (1 - s)"                 # quizcli.facts expression (ast-based, never eval)
      tol: 0.0005                          # optional: default half a unit of the last digit shown
      digits: 3                            # decimals shown for the value (default 0)

The title, summary, note and body are templates: `{x}`, `{s}`, `{value}`, `{tol}` (and
`{s:.4f}` with a format spec) are filled from the draw. Grading reads the numbers in the
answer ("0.17", "1.7e-1", "1.7×10^-1", "73,856", glued to Korean or English words) and
credits the pseudo key point `value` when one of them is within `tol` of the value, unless it
stands in a list of guesses ("0.17 or 0.2", "0.1, 0.17, 0.2": another number next to it with
only a comma, slash, "or", 또는 … between). Numbers equal to a drawn parameter are the
question read back and never make a list.
"""

from __future__ import annotations

import math
import re

VALUE_POINT = "value"  # the pseudo key point of every number question
MAX_DRAWS = 2000  # parameter combinations of one question (lint evaluates them all)
MAX_VALUES = 1000  # values of one parameter
NAME = re.compile(r"[a-z_][a-z0-9_]*\Z")
PLACEHOLDER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)(?::([^{}\s]{1,12}))?\}")
SPEC_FIELDS = ("params", "steps", "value", "tol", "digits", "unit")
RANGE_FIELDS = ("min", "max", "step")
RESERVED = ("value", "tol", "pi", "e")

_NUMBER = re.compile(
    r"(?<![A-Za-z0-9_.])([-+\u2212]?)(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)"
    r"(?:\s*[eE]\s*([-+\u2212]?\d{1,3})(?![A-Za-z])"
    r"|\s*[×x*·]\s*10\s*\^\s*\(?\s*([-+\u2212]?\d{1,3})\s*\)?)?")

VALUE_TEXT = {"en": "The answer: {value}{unit} (tolerance ±{tol})",
              "ko": "정답: {value}{unit} (허용 오차 ±{tol})"}
EXACT_TEXT = {"en": "The answer: {value}{unit} (exactly)", "ko": "정답: {value}{unit} (정확히)"}
POINT_TEXT = {"en": "The computed value", "ko": "계산한 값"}  # across draws (progress views)
PARAMS_TEXT = {"en": "Drawn per attempt: {ranges}", "ko": "시도마다 새로 뽑는 값: {ranges}"}


# --------------------------------------------------------------------------- formatting

def fmt(v: float) -> str:
    """A parameter as a person writes it: 3, 0.5, 1.3, -2, 1e-05."""
    if float(v).is_integer() and abs(v) < 1e15:
        return str(int(v))
    return f"{v:.6g}"


def fmt_value(v: float, digits: int) -> str:
    """The value with `digits` decimals and thousands separators: 73,856 · 0.168."""
    text = f"{v:,.{digits}f}"
    return "0" + text[2:] if text.startswith("-0") and float(text.replace(",", "")) == 0 else text


def fill(template: str, names: dict[str, float], value_text: str = "", tol_text: str = "") -> str:
    """The template with `{name}` / `{name:spec}` replaced; unknown names stay as written."""
    def one(m: re.Match) -> str:
        name, spec = m.group(1), m.group(2)
        if name == "value" and value_text:
            return value_text
        if name == "tol" and tol_text:
            return tol_text
        if name not in names:
            return m.group(0)
        v = names[name]
        if spec:
            try:
                return format(v, spec)
            except (ValueError, TypeError):
                return m.group(0)
        return fmt(v)

    return PLACEHOLDER.sub(one, template)


def placeholders(template: str) -> list[str]:
    return [m.group(1) for m in PLACEHOLDER.finditer(template)]


def default_tol(digits: int) -> float:
    return 0.5 * 10.0 ** -digits


# --------------------------------------------------------------------------- parsing

class NumberKind:
    name = "number"
    fields = ("number",)
    key_points = False

    def parse(self, draft, m) -> dict:
        from ..bank.fields import describe_value
        from ..bank.model import NumberSpec

        if "number" not in m:
            draft.add("QZ011", 2, field="number",
                      expected="a mapping {params: …, value: …} for a kind: number question")
            return {}
        block = m["number"]
        where = draft.line(m, "number")
        if not isinstance(block, dict):
            draft.add("QZ012", where, field="number", expected="a mapping {params: …, value: …}",
                      got=describe_value(block))
            return {}
        draft.unknown_keys(block, SPEC_FIELDS, "number.")
        params = self._params(draft, block)
        steps = self._steps(draft, block, {p.name for p in params} if params else set())
        value = draft.text_value(block, "value", "number.value")
        digits = 0
        if "digits" in block:
            d = block["digits"]
            if isinstance(d, bool) or not isinstance(d, int):
                draft.add("QZ012", draft.line(block, "digits"), field="number.digits",
                          expected="a whole number of decimals", got=describe_value(d))
            elif not 0 <= d <= 10:
                draft.add("QZ016", draft.line(block, "digits"), field="number.digits", value=d,
                          expected="0 to 10 decimals")
            else:
                digits = d
        tol = default_tol(digits)
        if "tol" in block:
            t = block["tol"]
            if isinstance(t, bool) or not isinstance(t, (int, float)):
                draft.add("QZ012", draft.line(block, "tol"), field="number.tol",
                          expected="a number", got=describe_value(t))
            elif not t >= 0 or not math.isfinite(t):
                draft.add("QZ016", draft.line(block, "tol"), field="number.tol", value=t,
                          expected="a non-negative number")
            else:
                tol = float(t)
        unit = draft.lang_texts(block, "unit", "number.unit") if block.get("unit") is not None else {}
        if params is None or steps is None or value is None:
            return {}
        draft.lines["number"] = where or 2
        draft.lines["number.value"] = draft.line(block, "value") or where or 2
        return {"number": NumberSpec(tuple(params), value, tol, digits, tuple(steps), unit)}

    def _params(self, draft, block):
        from ..bank.fields import describe_value
        from ..bank.model import Param

        expected = "a mapping of parameter names to lists of numbers or {min, max, step}"
        if "params" not in block:
            draft.add("QZ011", draft.line(block, "params"), field="number.params",
                      expected=expected)
            return None
        raw = block["params"]
        where = draft.line(block, "params")
        if not isinstance(raw, dict) or not raw:
            draft.add("QZ012", where, field="number.params", expected=expected,
                      got=describe_value(raw))
            return None
        out, ok, combos = [], True, 1
        for name, spec in raw.items():
            line = draft.line(raw, name)
            label = f"number.params.{name}"
            values = self._values(draft, spec, label, line)
            if not self._good_name(draft, name, label, line):
                ok = False
                continue
            if values is None:
                ok = False
                continue
            combos *= len(values)
            out.append(Param(name, values))
            draft.lines[label] = line or 2
        if ok and combos > MAX_DRAWS:
            draft.add("QZ072", where, field="number.params",
                      detail=f"{combos} combinations; at most {MAX_DRAWS} (lint evaluates each)")
            return None
        return out if ok else None

    def _good_name(self, draft, name, label, line) -> bool:
        from ..facts import FUNCTION_NAMES

        if not isinstance(name, str) or not NAME.match(name) or name in RESERVED \
                or name in FUNCTION_NAMES:
            draft.add("QZ072", line, field=label,
                      detail=f"{name!r} is not a usable name: lower-case letters, digits and _, "
                             f"not one of {', '.join(RESERVED)} or a function name")
            return False
        return True

    def _values(self, draft, spec, label, line):
        from ..bank.fields import describe_value

        def number(v):
            return not isinstance(v, bool) and isinstance(v, (int, float)) and math.isfinite(v)

        if isinstance(spec, list):
            if not spec:
                draft.add("QZ072", line, field=label, detail="the list of values is empty")
                return None
            bad = [v for v in spec if not number(v)]
            if bad:
                draft.add("QZ072", line, field=label,
                          detail=f"{describe_value(bad[0])} is not a number")
                return None
            values = tuple(dict.fromkeys(float(v) for v in spec))
        elif isinstance(spec, dict):
            draft.unknown_keys(spec, RANGE_FIELDS, label + ".")
            lo, hi, step = (spec.get(k) for k in RANGE_FIELDS)
            if not all(number(v) for v in (lo, hi, step)):
                draft.add("QZ072", line, field=label,
                          detail="a range needs numbers min, max and step")
                return None
            if step <= 0 or hi < lo:
                draft.add("QZ072", line, field=label,
                          detail=f"min {fmt(lo)} .. max {fmt(hi)} by step {fmt(step)} is empty")
                return None
            count = int(math.floor((hi - lo) / step + 1e-9)) + 1
            if count > MAX_VALUES:
                draft.add("QZ072", line, field=label,
                          detail=f"{count} values; at most {MAX_VALUES}")
                return None
            values = tuple(round(lo + i * step, 10) for i in range(count))
        else:
            draft.add("QZ072", line, field=label,
                      detail=f"expected a list of numbers or {{min, max, step}}, not "
                             f"{describe_value(spec)}")
            return None
        if len(values) > MAX_VALUES:
            draft.add("QZ072", line, field=label, detail=f"{len(values)} values; at most {MAX_VALUES}")
            return None
        return values

    def _steps(self, draft, block, params: set[str]):
        from ..bank.fields import describe_value

        if block.get("steps") is None:
            return []
        raw = block["steps"]
        if not isinstance(raw, dict):
            draft.add("QZ012", draft.line(block, "steps"), field="number.steps",
                      expected="a mapping of names to expressions", got=describe_value(raw))
            return None
        out, ok = [], True
        for name, expr in raw.items():
            label = f"number.steps.{name}"
            line = draft.line(raw, name)
            if not self._good_name(draft, name, label, line):
                ok = False
                continue
            if name in params:
                draft.add("QZ072", line, field=label,
                          detail=f"'{name}' is already a parameter")
                ok = False
                continue
            text = draft.text_value(raw, name, label)
            if text is None:
                ok = False
                continue
            draft.lines[label] = line or 2
            out.append((name, text))
        return out if ok else None

    # ------------------------------------------------------------------ loader/lint checks
    def check_text(self, draft, q) -> None:
        """Placeholders name a parameter, a step, value or tol (QZ071); the title shows every
        parameter (QZ074), or the candidate cannot compute the answer."""
        spec = q.number
        if spec is None:
            return
        known = {p.name for p in spec.params} | {n for n, _ in spec.steps} | {"value", "tol"}
        texts = [("title", q.title), ("summary", q.summary), ("note", q.note),
                 ("body", q.answer)]
        for field, by_lang in texts:
            for lang, text in by_lang.items():
                for name in dict.fromkeys(placeholders(text)):
                    if name not in known:
                        line = q.source_lines.get(f"body.{lang}" if field == "body" else field)
                        draft.add("QZ071", line, name=name, field=f"{field}.{lang}",
                                  known=", ".join(sorted(known)))
        for p in spec.params:
            for lang, text in q.title.items():
                if p.name not in placeholders(text):
                    draft.add("QZ074", q.source_lines.get("title"), name=p.name,
                              field=f"title.{lang}")

    def lint(self, draft, lexicon=None) -> list:
        """Every draw evaluates to a finite number (QZ073)."""
        import itertools

        from ..bank.codes import problem
        from ..facts import FactError

        q = draft.question
        spec = q.number
        if spec is None:
            return []
        where = q.source_lines.get("number.value")
        failed, unstated = [], {}
        for combo in itertools.product(*(p.values for p in spec.params)):
            names = {p.name: v for p, v in zip(spec.params, combo)}
            try:
                shown = self.at(q, names, None)
            except FactError as exc:
                failed.append((names, str(exc)))
                continue
            for lang, text in shown.answer.items():  # the worked solution passes its own grading
                if lang not in unstated and not self.grade(shown, text, lang).covered:
                    unstated[lang] = (names, fmt_value(shown.draw.value, shown.draw.digits))
        out = []
        if failed:
            names, detail = failed[0]
            if len(failed) > 1:
                detail += f" (and {len(failed) - 1} more draws)"
            out.append(problem("QZ073", draft.path, where, at=_at(names), detail=detail))
        for lang, (names, value) in unstated.items():
            out.append(problem("QZ075", draft.path, q.source_lines.get(f"body.{lang}"),
                               lang=lang, at=_at(names), value=value))
        return out

    # ------------------------------------------------------------------ attempts
    def instance(self, q, seed=None):
        from ..errors import QuizError
        from ..facts import FactError

        if q.number is None or q.draw is not None:
            return q
        try:
            return self.at(q, draw_params(q, seed), seed)
        except FactError as exc:
            raise QuizError(f"Question '{q.id}' cannot compute its value ({exc}). "
                            f"Run quiz lint {q.path or q.id}.") from None

    def at(self, q, params: dict[str, float], seed: int | None):
        """The concrete question for these parameter values (FactError when they fail)."""
        from dataclasses import replace

        from ..bank.model import Draw, KeyPoint

        values, value = compute(q.number, params)
        d = Draw(seed if seed is not None else -1, tuple(values.items()), value, q.number.tol,
                 q.number.digits)
        value_text = fmt_value(d.value, d.digits)
        tol_text = fmt(d.tol)

        def filled(by_lang):
            return {lang: fill(t, values, value_text, tol_text) for lang, t in by_lang.items()}

        unit = q.number.unit
        exact = d.digits == 0 and d.tol <= 0.5 and float(d.value).is_integer()
        text = {lang: (EXACT_TEXT if exact else VALUE_TEXT)[lang].format(
                    value=value_text, tol=tol_text,
                    unit=(" " + unit[lang]) if unit.get(lang) else "")
                for lang in VALUE_TEXT}
        kp = KeyPoint(VALUE_POINT, text, {})
        return replace(q, title=filled(q.title), answer=filled(q.answer),
                       summary=filled(q.summary), note=filled(q.note), key_points=(kp,),
                       draw=d)

    def grade(self, q, answer, default_lang="en", lexicon=None):
        from ..grading import (MAX_GRADED_CHARS, Grade, KeyPointMatch, detect_lang,
                               hangul_share, prepare, rating_for)

        q = self.instance(q, 0)
        d = q.draw
        text = prepare(answer)
        truncated = len(text) > MAX_GRADED_CHARS or len(answer) > 4 * MAX_GRADED_CHARS
        text = text[:MAX_GRADED_CHARS]
        lang = detect_lang(text, default_lang)
        hit = find_value(text, d)
        if hit is not None:
            start, end = hit
            lo, hi = max(0, start - 30), min(len(text), end + 30)
            context = ("…" if lo else "") + text[lo:hi] + ("…" if hi < len(text) else "")
            stated = f"{fmt_value(d.value, d.digits)} ± {fmt(d.tol)}"
            matches = (KeyPointMatch(VALUE_POINT, lang, stated, text[start:end], start, end,
                                     context),)
            covered, missed, score = (VALUE_POINT,), (), 1.0
        else:
            matches, covered, missed, score = (), (), (VALUE_POINT,), 0.0
        return Grade(q.id, lang, covered, missed, matches, score, rating_for(score),
                     round(hangul_share(text), 4), len(text), truncated)

    def describe(self, q, lang) -> list[str]:
        spec = q.number
        if spec is None:
            return []
        ranges = "; ".join(f"{p.name} ∈ {{{', '.join(fmt(v) for v in p.values[:8])}"
                           f"{', …' if len(p.values) > 8 else ''}}}" for p in spec.params)
        return [PARAMS_TEXT[lang if lang in PARAMS_TEXT else "en"].format(ranges=ranges)]


def _at(names: dict[str, float]) -> str:
    return ", ".join(f"{k} = {fmt(v)}" for k, v in names.items())


def draw_params(q, seed: int | None) -> dict[str, float]:
    """The parameters one attempt draws (seeded: the same seed, the same numbers)."""
    import random

    rng = random.Random(seed)
    return {p.name: rng.choice(p.values) for p in q.number.params}


def compute(spec, names: dict[str, float]) -> tuple[dict[str, float], float]:
    """(parameters and steps by name, the value) for one draw; FactError when it fails."""
    from ..facts import evaluate

    values = dict(names)
    for name, expr in spec.steps:
        values[name] = evaluate(expr, values)
    return values, evaluate(spec.value, values)


def numbers(text: str):
    """Every number written in `text`: (value, start, end)."""
    for m in _NUMBER.finditer(text):
        sign, digits, exp1, exp2 = m.groups()
        try:
            v = float(digits.replace(",", ""))
        except ValueError:
            continue
        if sign in ("-", "\u2212"):
            v = -v
        exp = exp1 or exp2
        if exp:
            v *= 10.0 ** int(exp.replace("\u2212", "-"))
        yield v, m.start(), m.end()


_LIST_GAP = re.compile(r"\s*(?:,|/|;|~|or|또는|혹은|아니면|이나|나)?\s*", re.I)


def find_value(text: str, d) -> tuple[int, int] | None:
    """Where the answer states the drawn value within tolerance, or None (see the module
    docstring for what counts)."""
    params = [v for _, v in d.values]

    def close(a, b, tol):
        return abs(a - b) <= tol * (1 + 1e-9) + 1e-12 * max(1.0, abs(b))

    found = list(numbers(text))
    echo = [not close(v, d.value, d.tol) and any(close(v, p, 0) for p in params)
            for v, _, _ in found]
    for i, (v, start, end) in enumerate(found):
        if not close(v, d.value, d.tol):
            continue
        listed = False  # next to another answer with only a separator between: a guess
        for j in (i - 1, i + 1):
            if 0 <= j < len(found) and not echo[j]:
                a, b = (found[j][2], start) if j < i else (end, found[j][1])
                if _LIST_GAP.fullmatch(text[a:b]):
                    listed = True
        if not listed:
            return start, end
    return None


KIND = NumberKind()
