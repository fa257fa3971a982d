"""`quiz demo vanishing`: the layer table, the per-activation summary, the chart and the
conclusion, in both languages."""

from __future__ import annotations

import math

from ...i18n import Catalog
from ...render import demos as R
from ...render.numbers import fmt

OWN = Catalog({
    "van_title": {
        "en": "Vanishing gradients: depth {depth}, width {width}, batch {batch}, {init} init "
              "(weight std {std}, gain {gain}), seed {seed}, {dtype}",
        "ko": "기울기 소실: 깊이 {depth}, 너비 {width}, 배치 {batch}, {init} 초기화"
              "(가중치 표준편차 {std}, 게인 {gain}), 시드 {seed}, {dtype}",
    },
    "van_table": {"en": "‖∂L/∂z_l‖ relative to the last layer (layer {L} = 1)",
                  "ko": "마지막 층 대비 ‖∂L/∂z_l‖ ({L}층 = 1)"},
    "van_summary": {"en": "Per activation", "ko": "활성화 함수별 요약"},
    "van_bound": {"en": "max f′", "ko": "f′ 최댓값"},
    "van_rms": {"en": "rms f′", "ko": "f′ RMS"},
    "van_expected": {"en": "expected/layer", "ko": "예상 층당 배율"},
    "van_measured": {"en": "measured/layer", "ko": "측정 층당 배율"},
    "van_ratio": {"en": "layer 1/{L}", "ko": "1층/{L}층"},
    "van_bound_total": {"en": "max f′^{n}", "ko": "f′ 최댓값^{n}"},
    "van_caption": {
        "en": "max f′: the activation's bound per layer. rms f′: measured over every unit, input "
              "and layer. expected/layer = rms f′ × weight gain. max f′^{n}: the most the "
              "activations alone let through {n} layers.",
        "ko": "f′ 최댓값: 활성화 함수가 층마다 허용하는 상한. f′ RMS: 모든 유닛·입력·층에서 측정한 값. "
              "예상 층당 배율 = f′ RMS × 가중치 게인. f′ 최댓값^{n}: 활성화 함수만으로 {n}개 층을 "
              "지날 때 남을 수 있는 최대 비율.",
    },
    "van_chart": {"en": "log10(‖∂L/∂z_l‖ / ‖∂L/∂z_{L}‖) by layer l",
                  "ko": "층 l별 log10(‖∂L/∂z_l‖ / ‖∂L/∂z_{L}‖)"},
    "van_vanishes": {
        "en": "With {act} ({init} init), layer 1 receives {ratio} of the gradient layer {L} "
              "receives: ×{factor} per layer.",
        "ko": "{act}({init} 초기화)에서는 1층이 받는 기울기가 {L}층의 {ratio}배입니다. "
              "층마다 ×{factor}씩 줄어듭니다.",
    },
    "van_holds": {
        "en": "With {act} ({init} init), the gradient holds: layer 1 receives {ratio} of what "
              "layer {L} receives (×{factor} per layer).",
        "ko": "{act}({init} 초기화)에서는 기울기가 유지됩니다. 1층이 받는 기울기는 {L}층의 "
              "{ratio}배입니다(층당 ×{factor}).",
    },
    "van_explodes": {
        "en": "With {act} ({init} init), the gradient explodes: layer 1 receives {ratio} times "
              "what layer {L} receives (×{factor} per layer).",
        "ko": "{act}({init} 초기화)에서는 기울기가 폭주합니다. 1층이 받는 기울기가 {L}층의 "
              "{ratio}배입니다(층당 ×{factor}).",
    },
    "van_zero": {
        "en": "With {act} ({init} init), the gradient is exactly 0 from layer {k} down: f′ was 0 "
              "for every unit and input there, or the product underflowed float32.",
        "ko": "{act}({init} 초기화)에서는 {k}층부터 아래로 기울기가 정확히 0입니다. 그 층의 모든 "
              "유닛과 입력에서 f′가 0이었거나, 곱이 float32 범위 아래로 언더플로했습니다.",
    },
    "van_overflow": {
        "en": "With {act} ({init} init), the forward pass overflowed float32 by layer {k}: the "
              "activations grew without bound, so no gradient is reported.",
        "ko": "{act}({init} 초기화)에서는 순전파가 {k}층 무렵 float32 범위를 넘었습니다. "
              "활성값이 끝없이 커져서 기울기는 보고하지 않습니다.",
    },
    "van_why": {"en": "  Per layer ≈ rms {act}′ {rms} × weight gain {gain} = {expected}.",
                "ko": "  층당 배율 ≈ {act}′ RMS {rms} × 가중치 게인 {gain} = {expected}."},
    "van_gap": {
        "en": "  The gap to the measured ×{measured} is finite width: each layer multiplies the norm "
              "by a random factor, and the mean of its log is below the log of its mean "
              "(width {width}).",
        "ko": "  측정값(×{measured})이 예상보다 작은 것은 유한한 너비 때문입니다. 층마다 노름에 "
              "곱해지는 배율이 확률변수라서, 그 로그의 평균이 평균의 로그보다 작습니다(너비 {width}).",
    },
    "van_bound_line": {
        "en": "  {act}′ ≤ {max_df} everywhere, so the activations alone allow at most "
              "{max_df}^{n} = {bound} over {n} layers.",
        "ko": "  {act}′는 어디서나 {max_df} 이하라서, 활성화 함수만으로도 {n}개 층을 지나면 "
              "최대 {max_df}^{n} = {bound}배만 남습니다.",
    },
    "van_tip_he": {
        "en": "Tip: --init he sets the weight gain to √2 ≈ 1.41, which cancels relu′'s rms of "
              "1/√2 ≈ 0.71 (He et al. 2015): quiz demo vanishing --activations relu --init he",
        "ko": "팁: --init he는 가중치 게인을 √2 ≈ 1.41로 만들어 relu′의 RMS 1/√2 ≈ 0.71을 "
              "상쇄합니다(He et al. 2015): quiz demo vanishing --activations relu --init he",
    },
    "van_definition": {
        "en": "Gradient at layer l: ‖∂L/∂z_l‖ over the batch (∂L/∂W_l = h_(l−1)ᵀ ∂L/∂z_l), "
              "for a fixed random read-out L = Σ g ⊙ h_L.",
        "ko": "l층의 기울기: 배치 전체에 대한 ‖∂L/∂z_l‖ (∂L/∂W_l = h_(l−1)ᵀ ∂L/∂z_l), "
              "손실은 고정된 랜덤 선형 읽기 L = Σ g ⊙ h_L.",
    },
}, fallback=R.T)


T = OWN  # this demo's strings, then the ones every demo shares


GAP_MIN_DEPTH = 200  # below this a 1% gap between expected and measured is mostly one seed's noise

def render(console, r, *, lang: str, ascii_only: bool = False, width: int | None = None) -> None:
    """Print one `quiz demo vanishing` result (`width` is the console's; charts follow it)."""
    L = r.depth
    R.title(console, T("van_title", lang, depth=r.depth, width=r.width, batch=r.batch,
                      init=r.init.label, std=fmt(r.init.std, 4), gain=fmt(r.init.gain, 3),
                      seed=r.seed, dtype=r.dtype))
    table = R.table(T("van_table", lang, L=L), ascii_only)
    table.add_column(T("layer", lang), justify="right")
    for run in r.runs:
        table.add_column(run.activation, justify="right")
    for i, layer in enumerate(r.layers):
        table.add_row(str(layer), *[R.ratio_text(run.log10_rel[i]) for run in r.runs])
    R.print_table(console, table)

    n = L - 1
    summary = R.table(T("van_summary", lang), ascii_only)
    summary.caption = T("van_caption", lang, n=n)
    summary.caption_justify = "left"
    for key in ("activation", "van_bound", "van_rms", "van_expected", "van_measured"):
        summary.add_column(T(key, lang), justify="left" if key == "activation" else "right")
    summary.add_column(T("van_ratio", lang, L=L), justify="right")
    summary.add_column(T("van_bound_total", lang, n=n), justify="right")
    for run in r.runs:
        summary.add_row(run.activation, fmt(run.max_df, 4), fmt(run.rms_df, 3),
                        fmt(run.predicted_per_layer, 3),
                        "—" if math.isnan(run.per_layer) else fmt(run.per_layer, 3),
                        R.ratio_text(run.log10_ratio), R.ratio_text(run.log10_bound))
    R.print_table(console, summary)

    R.title(console, T("van_chart", lang, L=L))
    series = []
    step = max(1, math.ceil(L / 600))
    xs = list(range(1, L + 1, step))
    if xs[-1] != L:
        xs.append(L)
    for run in r.runs:
        values = run._log10_all
        ys = [values[x - 1] for x in xs]
        if all(math.isfinite(v) for v in ys):
            series.append((run.activation, ys))
    if series:
        R.chart(console, xs, series, ascii_only=ascii_only, x_min=1, x_max=L)

    R.title(console, T("conclusion", lang))
    lines = []
    for run in r.runs:
        common = dict(act=run.activation, init=r.init.label, L=L)
        if run.verdict == "overflow":
            lines.append(T("van_overflow", lang, k=run.overflow_at, **common))
            continue
        if run.verdict == "zero":
            lines.append(T("van_zero", lang, k=run.zero_below, **common))
            continue
        lines.append(T(f"van_{run.verdict}", lang, ratio=R.ratio_text(run.log10_ratio),
                       factor=fmt(run.per_layer, 3), **common))
        lines.append(T("van_why", lang, act=run.activation, rms=fmt(run.rms_df, 3),
                       gain=fmt(run.weight_gain, 3), expected=fmt(run.predicted_per_layer, 3)))
        if (r.depth >= GAP_MIN_DEPTH and run.per_layer < run.predicted_per_layer * 0.995):
            lines.append(T("van_gap", lang, measured=fmt(run.per_layer, 3), width=r.width))
        if run.max_df < 1:
            lines.append(T("van_bound_line", lang, act=run.activation, max_df=fmt(run.max_df, 4),
                           n=n, bound=R.ratio_text(run.log10_bound)))
    if r.init.name != "he" and any(run.activation == "relu" and run.verdict == "vanishes"
                                   for run in r.runs):
        lines.append(T("van_tip_he", lang))
    R.print_lines(console, lines)
    console.print(R.dim(T("van_definition", lang)))
    R.cited(console, r.cited_by, lang)
