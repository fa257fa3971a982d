"""`quiz demo saturation`: f′ at the chosen |x|, where |f′| stays below eps, and the conclusion, in
both languages."""

from __future__ import annotations

from ...i18n import Catalog
from ...render import demos as R
from ...render.numbers import fmt

OWN = Catalog({
    "st_title": {"en": "Saturation: f′ at |x| = {points}", "ko": "포화: |x| = {points}에서의 f′"},
    "st_thresholds": {"en": "Where |f′| stays below eps", "ko": "|f′|가 eps 아래에 머무는 구간"},
    "st_row": {"en": "f′(x) at x =", "ko": "x별 f′(x)"},
    "st_sym": {"en": "|x| > {a}", "ko": "|x| > {a}"},
    "st_left": {"en": "x < {a}", "ko": "x < {a}"},
    "st_right": {"en": "x > {a}", "ko": "x > {a}"},
    "st_both": {"en": "x < {l} or x > {r}", "ko": "x < {l} 또는 x > {r}"},
    "st_both_sat": {
        "en": "{act}′({x}) = {v}, 1/{inv} of its peak {peak}: a unit whose input sits at "
              "|z| = {x} passes almost no gradient back. |{act}′| < 1e-4 once {where}.",
        "ko": "{act}′({x}) = {v}로 최댓값 {peak}의 1/{inv}입니다. 입력이 |z| = {x}에 있는 "
              "유닛은 기울기를 거의 전달하지 못합니다. {where}이면 |{act}′| < 1e-4입니다.",
    },
    "st_exact_zero": {
        "en": "{act}′({x}) = 0 exactly: the gradient stops there. |{act}′| < 1e-4 once {where}.",
        "ko": "{act}′({x}) = 0(정확히)이라 기울기가 그 지점에서 끊깁니다. {where}이면 |{act}′| < 1e-4입니다.",
    },
    "st_one_side": {
        "en": "{act}′({xs}) = {vs} but {act}′({xo}) = {vo}: it saturates only for {side} inputs "
              "(|f′| < 1e-4 for {where}).",
        "ko": "{act}′({xs}) = {vs}이지만 {act}′({xo}) = {vo}입니다. {side} 입력 쪽에서만 "
              "포화됩니다({where}에서 |f′| < 1e-4).",
    },
    "st_negative": {"en": "negative", "ko": "음수"},
    "st_positive": {"en": "positive", "ko": "양수"},
    "st_none": {"en": "{act}′ does not fall below 1e-2 on either side: it does not saturate.",
                "ko": "{act}′는 양쪽 어디서도 1e-2 아래로 떨어지지 않습니다. 포화되지 않습니다."},
}, fallback=R.T)


T = OWN  # this demo's strings, then the ones every demo shares


def _neg(a: float) -> str:
    return "0" if a == 0 else "-" + fmt(a, 3)


def _eps(e: float) -> str:
    return f"{e:.0e}".replace("e-0", "e-")


def _threshold_text(th, lang: str) -> str:
    left, right = th.left, th.right
    if left is None and right is None:
        return T("never", lang)
    if left is not None and right is not None:
        if abs(left - right) < 1e-9:
            return T("st_sym", lang, a=fmt(right, 3))
        return T("st_both", lang, l=_neg(left), r=fmt(right, 3))
    if left is not None:
        return T("st_left", lang, a=_neg(left))
    return T("st_right", lang, a=fmt(right, 3))


def render(console, r, *, lang: str, ascii_only: bool = False, width: int | None = None) -> None:
    """Print one `quiz demo saturation` result (`width` is the console's; charts follow it)."""
    R.title(console, T("st_title", lang, points=", ".join(fmt(p) for p in r.points)))
    table = R.table(None, ascii_only)
    table.add_column(T("st_row", lang), no_wrap=True)
    for p in r.points:
        table.add_column(f"±{fmt(p)}" if p else "0", justify="right")
    for row in r.rows:
        if row.symmetric:
            table.add_row(f"{row.activation}′(±x)", *[fmt(v, 3) for v in row.df_pos])
        else:
            table.add_row(f"{row.activation}′(-x)", *[fmt(v, 3) for v in row.df_neg])
            table.add_row(f"{row.activation}′(+x)", *[fmt(v, 3) for v in row.df_pos])
    R.print_table(console, table)

    ths = R.table(T("st_thresholds", lang), ascii_only)
    ths.add_column(T("activation", lang))
    for eps in r.epsilons:
        ths.add_column(f"|f′| < {_eps(eps)}", justify="right")
    for row in r.rows:
        ths.add_row(row.activation, *[_threshold_text(t, lang) for t in row.thresholds])
    R.print_table(console, ths)

    R.title(console, T("conclusion", lang))
    lines = []
    for row in r.rows:
        th4 = next((t for t in row.thresholds if t.eps == 1e-4), row.thresholds[0])
        where = _threshold_text(th4, lang)
        i = _point_index(r.points)
        x = fmt(r.points[i])
        if row.saturates == "both" or (th4.left is not None and th4.right is not None):
            v = row.df_pos[i] if abs(row.df_pos[i]) >= abs(row.df_neg[i]) else row.df_neg[i]
            if v == 0:
                lines.append(T("st_exact_zero", lang, act=row.activation, x=x, where=where))
            else:
                lines.append(T("st_both_sat", lang, act=row.activation, x=x, v=fmt(v, 3),
                               inv=f"{row.peak / abs(v):,.0f}", peak=fmt(row.peak, 4),
                               where=where))
        elif th4.left is not None or th4.right is not None:
            neg_side = th4.left is not None
            xs_, xo_ = (f"−{x}", f"+{x}") if neg_side else (f"+{x}", f"−{x}")
            vs, vo = (row.df_neg[i], row.df_pos[i]) if neg_side else (row.df_pos[i], row.df_neg[i])
            lines.append(T("st_one_side", lang, act=row.activation, xs=xs_, vs=fmt(vs, 3),
                           xo=xo_, vo=fmt(vo, 3),
                           side=T("st_negative" if neg_side else "st_positive", lang),
                           where=where))
        else:
            lines.append(T("st_none", lang, act=row.activation))
    R.print_lines(console, lines)
    R.cited(console, r.cited_by, lang)


def _point_index(points) -> int:
    """The |x| the conclusion quotes: 10 when shown, else the largest point."""
    for i, p in enumerate(points):
        if p == 10:
            return i
    return len(points) - 1
