"""Rich rendering of `quiz explain` results (data in, text out; nothing computed here)."""

from __future__ import annotations

import math

from ..console import box_style, literal
from ..explain import ActivationReport, ExplainResult, ListingRow
from ..i18n import Catalog
from .chart import colour_on, line_chart
from .numbers import fmt

T = Catalog({
    "formula": {"en": "Formula", "ko": "수식"},
    "derivative": {"en": "Derivative", "ko": "도함수"},
    "range": {"en": "Range", "ko": "치역"},
    "aliases": {"en": "also", "ko": "별칭"},
    "params": {"en": "Parameters", "ko": "파라미터"},
    "properties": {"en": "Properties", "ko": "성질"},
    "values": {"en": "Values", "ko": "값 표"},
    "yes": {"en": "yes", "ko": "예"},
    "no": {"en": "no", "ko": "아니오"},
    "zero_centered": {"en": "zero-centred", "ko": "0 중심(zero-centered)"},
    "monotonic": {"en": "monotonic", "ko": "단조 증가"},
    "bounded_below": {"en": "bounded below", "ko": "아래로 유계"},
    "bounded_above": {"en": "bounded above", "ko": "위로 유계"},
    "smooth": {"en": "smooth (C¹ everywhere)", "ko": "매끄러움(모든 점에서 C¹)"},
    "saturates": {"en": "saturates (f′ → 0)", "ko": "포화(f′ → 0)"},
    "exact_zeros": {"en": "outputs exact zeros", "ko": "정확히 0을 출력"},
    "sat_both": {"en": "on both sides", "ko": "양쪽"},
    "sat_left": {"en": "for x → −∞ only", "ko": "x → −∞ 쪽만"},
    "sat_right": {"en": "for x → +∞ only", "ko": "x → +∞ 쪽만"},
    "sat_none": {"en": "no", "ko": "아니오"},
    "kink": {
        "en": "Kink at x = {x}: f = {value}; left slope {left}, right slope {right}; "
              "autograd uses f′({x}) = {d} (PyTorch convention).",
        "ko": "x = {x}에서 꺾임: f = {value}, 왼쪽 기울기 {left}, 오른쪽 기울기 {right}; "
              "자동 미분은 f′({x}) = {d} 값을 씁니다(PyTorch 관례).",
    },
    "subgradient": {
        "en": "  Any value in [{lo}, {hi}] is a valid subgradient there.",
        "ko": "  그 점에서는 [{lo}, {hi}] 사이의 어떤 값도 유효한 서브그래디언트입니다.",
    },
    "sat_sym": {"en": "|{name}′(x)| < {eps} for |x| > {a}",
                "ko": "|x| > {a}이면 |{name}′(x)| < {eps}"},
    "sat_side_left": {"en": "|{name}′(x)| < {eps} for x < {a}",
                      "ko": "x < {a}이면 |{name}′(x)| < {eps}"},
    "sat_side_right": {"en": "|{name}′(x)| < {eps} for x > {a}",
                       "ko": "x > {a}이면 |{name}′(x)| < {eps}"},
    "sat_never": {"en": "|{name}′(x)| never drops below {eps} (no saturation)",
                  "ko": "|{name}′(x)|는 {eps} 아래로 내려가지 않습니다(포화 없음)"},
    "sat_never_side": {"en": "|{name}′(x)| stays ≥ {eps} as x → {side} (no saturation there)",
                       "ko": "x → {side} 쪽에서는 |{name}′(x)| ≥ {eps}로 유지됩니다(포화 없음)"},
    "max_title": {"en": "Derivative peak", "ko": "도함수 최댓값"},
    "max_at": {"en": "max {name}′ = {v} at x = {x}", "ko": "x = {x}에서 {name}′ 최댓값 {v}"},
    "max_on": {"en": "max {name}′ = {v} for {where}", "ko": "{where}에서 {name}′ 최댓값 {v}"},
    "chart": {"en": "Chart", "ko": "그래프"},
    "compare": {"en": "max derivative {a} vs {b}", "ko": "도함수 최댓값 {a} 대 {b}"},
    "list_title": {"en": "Activations ({n}) — quiz explain NAME",
                   "ko": "활성화 함수 ({n}개) — quiz explain 이름"},
    "name": {"en": "name", "ko": "이름"},
    "use": {"en": "typical use", "ko": "주 용도"},
})


def _where_text(lo: float, hi: float) -> str:
    if math.isinf(lo) and math.isinf(hi):
        return "all x"
    if math.isinf(hi):
        return f"x > {fmt(lo)}"
    if math.isinf(lo):
        return f"x < {fmt(hi)}"
    return f"{fmt(lo)} < x < {fmt(hi)}"


def _range_text(value_range, ascii_only: bool) -> str:
    low, high, low_closed, high_closed = value_range
    inf = "inf" if ascii_only else "∞"

    def num(v):
        return ("-" if v < 0 else "") + inf if math.isinf(v) else fmt(v)

    return f"{'[' if low_closed else '('}{num(low)}, {num(high)}{']' if high_closed else ')'}"


def _header(report: ActivationReport, lang: str, ascii_only: bool):
    from rich.panel import Panel
    from rich.table import Table
    from rich.text import Text

    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold")
    grid.add_column()
    grid.add_row(T("formula", lang), report.formula)
    grid.add_row(T("derivative", lang), report.derivative_formula)
    grid.add_row(T("range", lang), _range_text(report.value_range, ascii_only))
    if report.params:
        grid.add_row(T("params", lang), ", ".join(f"{k} = {fmt(v)}" for k, v in report.params.items()))
    title = Text(report.name, style="bold")
    if report.aliases:
        title.append(f"  ({T('aliases', lang)}: {', '.join(report.aliases)})", style="dim")
    body = [grid]
    if report.description:
        body += [Text(""), Text(literal(report.description))]
    from rich.console import Group

    return Panel(Group(*body), title=title, title_align="left", box=box_style(ascii_only))


def _properties(reports, lang: str, ascii_only: bool):
    from rich.table import Table

    table = Table(title=T("properties", lang), box=box_style(ascii_only), title_justify="left")
    table.add_column("")
    for r in reports:
        table.add_column(r.name)
    for key in ("zero_centered", "monotonic", "bounded_below", "bounded_above", "smooth",
                "saturates", "exact_zeros"):
        cells = []
        for r in reports:
            v = r.properties[key]
            if key == "saturates":
                cells.append(T(f"sat_{v}", lang))
            else:
                cells.append(T("yes" if v else "no", lang))
        table.add_row(T(key, lang), *cells)
    return table


def _values(reports, lang: str, ascii_only: bool):
    from rich.table import Table

    table = Table(title=T("values", lang), box=box_style(ascii_only), title_justify="left")
    table.add_column("x", justify="right")
    for r in reports:
        table.add_column(f"{r.name}(x)", justify="right")
        table.add_column(f"{r.name}′(x)", justify="right")
    kinks = {k.x for r in reports for k in r.kinks}
    for i, x in enumerate(reports[0].xs):
        cells = []
        for r in reports:
            cells += [fmt(r.values[i]), fmt(r.derivatives[i])]
        style = "bold" if x in kinks else None
        table.add_row(fmt(x), *cells, style=style)
    return table


def _facts_lines(report: ActivationReport, lang: str) -> list[str]:
    name = report.name
    lines = []
    for k in report.kinks:
        lines.append(T("kink", lang, x=fmt(k.x), value=fmt(k.value), left=fmt(k.left_derivative),
                       right=fmt(k.right_derivative), d=fmt(k.derivative)))
        lo, hi = sorted((k.left_derivative, k.right_derivative))
        if lo != hi:
            lines.append(T("subgradient", lang, lo=fmt(lo), hi=fmt(hi)))
    for s in report.saturation:
        eps = fmt(s.eps)
        if s.left is not None and s.right is not None and abs(s.left - s.right) < 1e-9:
            lines.append(T("sat_sym", lang, name=name, eps=eps, a=fmt(s.right, 3)))
        elif s.left is None and s.right is None:
            lines.append(T("sat_never", lang, name=name, eps=eps))
        else:
            for side, bound, key in (("−∞", s.left, "sat_side_left"), ("+∞", s.right, "sat_side_right")):
                if bound is None:
                    lines.append(T("sat_never_side", lang, name=name, eps=eps, side=side))
                else:
                    a = fmt(-bound if key == "sat_side_left" else bound, 3)
                    lines.append(T(key, lang, name=name, eps=eps, a=a))
    v = fmt(report.max_derivative)
    for lo, hi in report.max_derivative_where[:2]:
        if lo == hi:
            lines.append(T("max_at", lang, name=name, v=v, x=fmt(lo, 4)))
        else:
            lines.append(T("max_on", lang, name=name, v=v, where=_where_text(lo, hi)))
    return lines


def render_explain(console, result: ExplainResult, *, ascii_only: bool = False) -> None:
    from rich.text import Text

    lang = result.lang
    for report in result.reports:
        console.print(_header(report, lang, ascii_only))
    console.print(_properties(result.reports, lang, ascii_only))
    console.print(_values(result.reports, lang, ascii_only))
    for report in result.reports:
        for line in _facts_lines(report, lang):
            console.print(Text(line))
    if result.comparison:
        a, b = result.comparison["max_derivative"]
        names = " vs ".join(r.name for r in result.reports)
        console.print(Text(f"{names}: " + T("compare", lang, a=fmt(a), b=fmt(b)), style="bold"))
    chart = result.chart
    width = max(20, min(72, (console.width or 80) - 12))
    console.print(Text(T("chart", lang), style="bold"))
    console.print(line_chart(chart.xs, chart.series, x_min=chart.x_min, x_max=chart.x_max,
                             y_min=chart.y_min, y_max=chart.y_max, width=width,
                             ascii_frame=ascii_only, color=colour_on(console)))


def render_listing(console, rows: list[ListingRow], lang: str, ascii_only: bool = False) -> None:
    from rich.table import Table

    table = Table(title=T("list_title", lang, n=len(rows)), box=box_style(ascii_only),
                  title_justify="left")
    table.add_column(T("name", lang), style="bold", no_wrap=True)
    table.add_column(T("aliases", lang), overflow="fold")
    table.add_column(T("formula", lang))
    table.add_column(T("range", lang), no_wrap=True)
    table.add_column(T("use", lang))
    for row in rows:
        table.add_row(row.name, ", ".join(row.aliases), row.formula,
                      _range_text(row.range, ascii_only), literal(row.typical_use))
    console.print(table)
