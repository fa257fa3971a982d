"""What every `quiz demo` renderer shares: the common strings, tables with titles of their
own, charts, the citing questions, and the listing. Each demo's own renderer and strings
live in its package (quizcli/demos/<name>/render.py). Data in, text out."""

from __future__ import annotations

import math

from ..console import box_style, literal
from ..i18n import Catalog
from .numbers import fmt, power_of_ten

T = Catalog({
    # common
    "conclusion": {"en": "Conclusion", "ko": "결론"},
    "cited_by": {"en": "Questions that cite this demo: {ids}  (quiz show ID)",
                 "ko": "이 데모를 인용하는 질문: {ids}  (quiz show ID)"},
    "cited_none": {"en": "No question cites this demo yet.",
                   "ko": "아직 이 데모를 인용하는 질문이 없습니다."},
    "activation": {"en": "activation", "ko": "활성화 함수"},
    "layer": {"en": "layer", "ko": "층"},
    "step": {"en": "step", "ko": "스텝"},
    "never": {"en": "never", "ko": "없음"},
    "yes": {"en": "yes", "ko": "예"},
    "no": {"en": "no", "ko": "아니오"},
    # listing
    "list_title": {"en": "Demos ({n}) — quiz demo NAME [OPTIONS]",
                   "ko": "데모 ({n}개) — quiz demo 이름 [옵션]"},
    "list_name": {"en": "demo", "ko": "데모"},
    "list_what": {"en": "what it shows", "ko": "보여 주는 것"},
    "list_cited": {"en": "questions", "ko": "질문 수"},
    "list_footer": {
        "en": "quiz demo NAME --help shows the options and an example; each demo ends with the "
              "questions that cite it. Try: quiz demo {example}",
        "ko": "quiz demo 이름 --help로 옵션과 예시를 볼 수 있고, 각 데모 끝에 그 데모를 인용하는 "
              "질문이 나옵니다. 예: quiz demo {example}",
    },
})



# --- helpers -----------------------------------------------------------------------------

def pct(x: float) -> str:
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "—"
    return f"{100 * x:.1f}%"


def ratio_text(log10_value: float) -> str:
    """10^x, readable: 0.707 near 1, 1.09e-12 when small, 1e-6312 when float would underflow."""
    if log10_value is None or math.isnan(log10_value):
        return "—"
    if math.isinf(log10_value):
        return "0" if log10_value < 0 else "inf"
    if -4 < log10_value < 4:
        return fmt(10 ** log10_value, 3)
    return power_of_ten(log10_value)


def chart_width(console) -> int:
    return max(20, min(72, (console.width or 80) - 12))


def print_lines(console, lines) -> None:
    from rich.text import Text

    for line in lines:
        console.print(Text(line))


def title(console, text: str) -> None:
    from rich.text import Text

    console.print(Text(text, style="bold"))


def cited(console, ids, lang: str) -> None:
    from rich.text import Text

    text = T("cited_by", lang, ids=", ".join(ids)) if ids else T("cited_none", lang)
    console.print(Text(literal(text), style="dim"))


def table(title: str | None, ascii_only: bool):
    """A table whose title is printed as its own line by print_table: a Rich table title
    wraps to the table's width, which breaks narrow tables into ragged two-line titles."""
    from rich.table import Table

    rich_table = Table(box=box_style(ascii_only))
    rich_table._quiz_title = title  # type: ignore[attr-defined]
    return rich_table


def print_table(console, rich_table) -> None:
    heading = getattr(rich_table, "_quiz_title", None)
    if heading:
        title(console, heading)
    console.print(rich_table)


def chart(console, xs, series, *, y_min=None, y_max=None, ascii_only=False, x_min=None,
           x_max=None, height: int = 14):
    """`series` is [(label, ys)] over the shared `xs`; non-finite values are left out of the
    y range. Prints nothing when there is nothing finite to draw. Without colour each series
    gets its own ASCII marker (line_chart)."""
    from .chart import colour_on, line_chart

    finite = [v for _, ys in series for v in ys if v is not None and math.isfinite(v)]
    if not finite or not xs:
        return
    lo = min(finite) if y_min is None else y_min
    hi = max(finite) if y_max is None else y_max
    if hi <= lo:
        hi = lo + 1.0
    pad = 0.05 * (hi - lo)
    console.print(line_chart(xs, series, x_min=min(xs) if x_min is None else x_min,
                             x_max=max(xs) if x_max is None else x_max,
                             y_min=lo - (pad if y_min is None else 0),
                             y_max=hi + (pad if y_max is None else 0),
                             width=chart_width(console), height=height,
                             ascii_frame=ascii_only, color=colour_on(console)))


# --- listing -----------------------------------------------------------------------------

def render_listing(console, rows, lang: str, ascii_only: bool = False) -> None:
    listing = table(T("list_title", lang, n=len(rows)), ascii_only)
    listing.add_column(T("list_name", lang), style="bold", no_wrap=True)
    listing.add_column(T("list_what", lang))
    listing.add_column(T("list_cited", lang), justify="right")
    for row in rows:
        listing.add_row(row["name"], row["description"], str(len(row["cited_by"])))
    print_table(console, listing)
    console.print(dim(T("list_footer", lang, example=rows[0]["example"] if rows else "")))


def dim(text: str):
    from rich.text import Text

    return Text(text, style="dim")

