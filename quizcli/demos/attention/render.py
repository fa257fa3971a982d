"""`quiz demo attention`: the table by head dimension, the chart of the largest weight and the
conclusion, in both languages."""

from __future__ import annotations

import math

from ...i18n import Catalog
from ...render import demos as R
from ...render.numbers import fmt

OWN = Catalog({
    "at_title": {
        "en": "Attention scores: {queries} random queries × {keys} keys, q and k ~ N(0, 1), seed {seed}",
        "ko": "어텐션 점수: 랜덤 쿼리 {queries}개 × 키 {keys}개, q와 k ~ N(0, 1), 시드 {seed}",
    },
    "at_table": {"en": "softmax(c · q·k) by head dimension d", "ko": "헤드 차원 d별 softmax(c · q·k)"},
    "at_d": {"en": "d", "ko": "d"},
    "at_scaling": {"en": "c", "ko": "c"},
    "at_var": {"en": "Var(logit)", "ko": "Var(로짓)"},
    "at_theory": {"en": "c²·d", "ko": "c²·d"},
    "at_max": {"en": "max weight", "ko": "최대 가중치"},
    "at_entropy": {"en": "entropy / log n", "ko": "엔트로피 / log n"},
    "at_jac": {"en": "‖J‖_F", "ko": "‖J‖_F"},
    "at_caption": {
        "en": "c = 1 (unscaled) or 1/√d. max weight: mean over queries of the largest softmax "
              "weight (uniform: {u}). entropy / log n: 1 for uniform, 0 for one-hot. ‖J‖_F: "
              "Frobenius norm of the softmax Jacobian diag(p) − ppᵀ (uniform: {j}, one-hot: 0).",
        "ko": "c = 1(스케일링 없음) 또는 1/√d. 최대 가중치: 쿼리별 가장 큰 softmax 가중치의 평균"
              "(균등 분포면 {u}). 엔트로피 / log n: 균등 분포면 1, 원-핫이면 0. ‖J‖_F: softmax "
              "야코비안 diag(p) − ppᵀ의 프로베니우스 노름(균등 분포면 {j}, 원-핫이면 0).",
    },
    "at_chart": {"en": "Largest softmax weight by log2 d ({keys} keys; uniform = {u})",
                 "ko": "log2 d별 가장 큰 softmax 가중치(키 {keys}개, 균등 분포 = {u})"},
    "at_unscaled": {"en": "c = 1", "ko": "c = 1"},
    "at_scaled": {"en": "c = 1/√d", "ko": "c = 1/√d"},
    "at_var_line": {
        "en": "Without scaling the logit variance follows d: {pairs}. With 1/√d it is {lo} … {hi} "
              "at every d.",
        "ko": "스케일링이 없으면 로짓 분산이 d를 따라갑니다: {pairs}. 1/√d로 나누면 모든 d에서 "
              "{lo} … {hi}입니다.",
    },
    "at_sat_line": {
        "en": "At d = {d} without scaling, the largest weight averages {w} and the entropy is "
              "{share} of log {n}: the softmax {state}.",
        "ko": "d = {d}에서 스케일링 없이 가장 큰 가중치는 평균 {w}, 엔트로피는 log {n}의 {share}"
              "입니다. softmax가 {state}.",
    },
    "at_onehot": {"en": "has nearly collapsed onto one key", "ko": "거의 한 키에 쏠렸습니다"},
    "at_sharp": {"en": "is already sharp", "ko": "이미 뾰족해졌습니다"},
    "at_soft": {"en": "is still spread out", "ko": "아직 고르게 퍼져 있습니다"},
    "at_jac_smaller": {
        "en": "Its Jacobian norm is {j}, {ratio} times smaller than with 1/√d ({js}): every "
              "gradient reaching q and k through this softmax shrinks by that factor.",
        "ko": "야코비안 노름은 {j}로 1/√d일 때({js})보다 {ratio}배 작습니다. 이 softmax를 지나 "
              "q와 k에 닿는 기울기가 그만큼 줄어듭니다.",
    },
    "at_jac_not": {
        "en": "Its Jacobian norm is {j} against {js} with 1/√d: at this d saturation does not "
              "yet cost gradient; try a larger d (e.g. --dims 64,1024).",
        "ko": "야코비안 노름은 {j}, 1/√d일 때는 {js}입니다. 이 d에서는 포화가 아직 기울기를 "
              "줄이지 않습니다. 더 큰 d를 넣어 보세요(예: --dims 64,1024).",
    },
    "at_scaled_line": {
        "en": "With 1/√d the largest weight stays between {lo} and {hi} and ‖J‖_F between {jlo} "
              "and {jhi} for every d from {d0} to {d1}: the softmax sees logits of variance 1 "
              "whatever the head dimension.",
        "ko": "1/√d로 나누면 d = {d0}부터 {d1}까지 가장 큰 가중치는 {lo}~{hi}, ‖J‖_F는 {jlo}~{jhi}"
              "에 머뭅니다. 헤드 차원과 상관없이 softmax가 분산 1인 로짓을 받기 때문입니다.",
    },
    "at_definition": {
        "en": "Var(q·k) = Σ Var(q_i k_i) = d for independent unit-variance entries (Vaswani et al. "
              "2017, footnote 4); the Jacobian multiplies every gradient from the weights back "
              "to the logits.",
        "ko": "원소가 서로 독립이고 분산이 1이면 Var(q·k) = Σ Var(q_i k_i) = d입니다(Vaswani et al. "
              "2017, 각주 4). 야코비안은 가중치에서 로짓으로 돌아가는 모든 기울기에 곱해집니다.",
    },
}, fallback=R.T)


T = OWN  # this demo's strings, then the ones every demo shares


ONE_HOT = 0.9  # mean largest weight above this: "nearly collapsed onto one key"
SHARP = 0.5


def render(console, r, *, lang: str, ascii_only: bool = False, width: int | None = None) -> None:
    """Print one `quiz demo attention` result (`width` is the console's; charts follow it)."""
    R.title(console, T("at_title", lang, queries=r.queries, keys=r.keys, seed=r.seed))
    table = R.table(T("at_table", lang), ascii_only)
    table.caption = T("at_caption", lang, u=fmt(r.uniform_max_weight, 3),
                      j=fmt(r.uniform_jacobian_norm, 3))
    table.caption_justify = "left"
    for key in ("at_d", "at_scaling", "at_var", "at_theory", "at_max", "at_entropy", "at_jac"):
        table.add_column(T(key, lang), justify="right")
    for row in r.rows:
        table.add_row(str(row.d) if not row.scaled else "",
                      "1" if not row.scaled else "1/√d", fmt(row.logit_var, 4),
                      fmt(row.theory_var, 4), fmt(row.max_weight, 3), fmt(row.entropy_share, 3),
                      fmt(row.jacobian_norm, 3))
    R.print_table(console, table)

    if len(r.dims) > 1:
        R.title(console, T("at_chart", lang, keys=r.keys, u=fmt(r.uniform_max_weight, 3)))
        xs = [math.log2(d) for d in r.dims]
        series = [(T("at_unscaled", lang), [r.row(d, False).max_weight for d in r.dims]),
                  (T("at_scaled", lang), [r.row(d, True).max_weight for d in r.dims])]
        R.chart(console, xs, series, ascii_only=ascii_only, y_min=0.0, y_max=1.0, height=12)

    R.title(console, T("conclusion", lang))
    R.print_lines(console, conclusion(r, lang))
    console.print(R.dim(T("at_definition", lang)))
    R.cited(console, r.cited_by, lang)


def conclusion(r, lang: str) -> list[str]:
    """The sentences, from the numbers of this run."""
    lines = []
    unscaled = [r.row(d, False) for d in r.dims]
    scaled = [r.row(d, True) for d in r.dims]
    pairs = ", ".join(f"d = {x.d} → {fmt(x.logit_var, 4)}" for x in unscaled)
    lines.append(T("at_var_line", lang, pairs=pairs, lo=fmt(min(x.logit_var for x in scaled), 3),
                   hi=fmt(max(x.logit_var for x in scaled), 3)))
    top, top_s = unscaled[-1], scaled[-1]
    state = ("at_onehot" if top.max_weight > ONE_HOT else
             "at_sharp" if top.max_weight > SHARP else "at_soft")
    lines.append(T("at_sat_line", lang, d=top.d, w=fmt(top.max_weight, 3),
                   share=R.pct(top.entropy_share), n=r.keys, state=T(state, lang)))
    if top.jacobian_norm < top_s.jacobian_norm:
        ratio = top_s.jacobian_norm / top.jacobian_norm if top.jacobian_norm > 0 else math.inf
        lines.append(T("at_jac_smaller", lang, j=fmt(top.jacobian_norm, 3),
                       js=fmt(top_s.jacobian_norm, 3), ratio=fmt(ratio, 3)))
    else:
        lines.append(T("at_jac_not", lang, j=fmt(top.jacobian_norm, 3),
                       js=fmt(top_s.jacobian_norm, 3)))
    if len(r.dims) > 1:
        lines.append(T("at_scaled_line", lang, lo=fmt(min(x.max_weight for x in scaled), 3),
                       hi=fmt(max(x.max_weight for x in scaled), 3),
                       jlo=fmt(min(x.jacobian_norm for x in scaled), 3),
                       jhi=fmt(max(x.jacobian_norm for x in scaled), 3),
                       d0=r.dims[0], d1=r.dims[-1]))
    return lines
