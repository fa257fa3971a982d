"""`quiz demo conv`: the layer table and the conclusion, in both languages."""

from __future__ import annotations

from ...i18n import Catalog
from ...render import demos as R
from ...render.numbers import fmt

OWN = Catalog({
    "cv_title": {"en": "Conv stack on a {n}×{n}×{c} input: {spec}",
                 "ko": "{n}×{n}×{c} 입력의 합성곱 스택: {spec}"},
    "cv_table": {"en": "Layer by layer (one image)", "ko": "층별 계산(이미지 한 장)"},
    "cv_layer": {"en": "layer", "ko": "층"},
    "cv_ksp": {"en": "k s p d", "ko": "k s p d"},
    "cv_out": {"en": "output", "ko": "출력"},
    "cv_params": {"en": "params", "ko": "파라미터"},
    "cv_macs": {"en": "MACs", "ko": "MAC"},
    "cv_rf": {"en": "RF (jump)", "ko": "수용 영역(점프)"},
    "cv_total": {"en": "total", "ko": "합계"},
    "cv_input": {"en": "input", "ko": "입력"},
    "cv_caption": {
        "en": "output = ⌊(n + 2p − d(k−1) − 1)/s⌋ + 1. params = c_out·c_in·k² + c_out (bias). "
              "MACs = out²·c_out·c_in·k² (pools: 0). RF: input pixels one output sees; jump: "
              "input pixels between neighbouring outputs.",
        "ko": "출력 = ⌊(n + 2p − d(k−1) − 1)/s⌋ + 1. 파라미터 = c_out·c_in·k² + c_out(편향). "
              "MAC(곱셈-누산) = 출력²·c_out·c_in·k² (풀링은 0). 수용 영역: 출력 하나가 보는 입력 "
              "픽셀 범위, 점프: 이웃한 출력 사이의 입력 픽셀 간격.",
    },
    "cv_shape_line": {
        "en": "The stack maps {n}×{n}×{c} to {m}×{m}×{co}: {params} parameters and {macs} "
              "multiply–accumulates per image.",
        "ko": "입력 {n}×{n}×{c}에 대한 이 스택의 출력은 {m}×{m}×{co}입니다. 파라미터는 "
              "{params}개, 이미지 한 장당 곱셈-누산은 {macs}회입니다.",
    },
    "cv_cost_line": {
        "en": "Layer {i} ({tok}) does {share} of the multiply–accumulates with {pshare} of the "
              "parameters: compute scales with the output area ({m}×{m}), parameters do not.",
        "ko": "{i}층({tok})이 곱셈-누산의 {share}를 차지하지만 파라미터는 {pshare}입니다. "
              "연산량은 출력 면적({m}×{m})에 비례하고, 파라미터 수는 그렇지 않습니다.",
    },
    "cv_rf_line": {
        "en": "One output unit sees {r}×{r} input pixels (receptive field), and neighbouring "
              "outputs are {j} pixels apart (jump = the product of the strides).",
        "ko": "출력 유닛 하나는 입력의 {r}×{r} 픽셀을 봅니다(수용 영역). 이웃한 출력은 입력에서 "
              "{j}픽셀 떨어져 있습니다(점프 = 스트라이드의 곱).",
    },
    "cv_rf_big": {
        "en": "That is wider than the {n}-pixel input: near the border part of it is padding.",
        "ko": "입력({n}픽셀)보다 넓어서, 가장자리에서는 그중 일부가 패딩입니다.",
    },
    "cv_no_conv": {"en": "No conv layer: pools have no parameters and no multiplies.",
                   "ko": "conv 층이 없습니다. 풀링에는 파라미터도 곱셈도 없습니다."},
}, fallback=R.T)


T = OWN  # this demo's strings, then the ones every demo shares


def _int(v: int) -> str:
    return f"{v:,}"


def _share(part: int, total: int) -> str:
    return R.pct(part / total) if total else "—"


def render(console, r, *, lang: str, ascii_only: bool = False, width: int | None = None) -> None:
    """Print one `quiz demo conv` result."""
    R.title(console, T("cv_title", lang, n=r.input, c=r.channels, spec=r.layers_spec))
    table = R.table(T("cv_table", lang), ascii_only)
    table.caption = T("cv_caption", lang)
    table.caption_justify = "left"
    table.add_column("#", justify="right")
    table.add_column(T("cv_layer", lang))
    for key in ("cv_ksp", "cv_out", "cv_params", "cv_macs", "cv_rf"):
        table.add_column(T(key, lang), justify="right")
    table.add_row("", T("cv_input", lang), "", f"{r.input}×{r.input}×{r.channels}", "", "", "1 (1)")
    for x in r.layers:
        table.add_row(str(x.index), x.kind, f"{x.k} {x.s} {x.p} {x.d}",
                      f"{x.size_out}×{x.size_out}×{x.channels_out}", _int(x.params),
                      _int(x.macs), f"{x.receptive_field} ({x.jump})")
    table.add_row("", T("cv_total", lang), "", "", _int(r.params), _int(r.macs), "")
    R.print_table(console, table)
    R.title(console, T("conclusion", lang))
    R.print_lines(console, conclusion(r, lang))
    R.cited(console, r.cited_by, lang)


def conclusion(r, lang: str) -> list[str]:
    """The sentences, from the numbers of this run."""
    lines = [T("cv_shape_line", lang, n=r.input, c=r.channels, m=r.size_out, co=r.channels_out,
               params=_int(r.params), macs=_int(r.macs))]
    convs = [x for x in r.layers if x.kind == "conv"]
    if convs:
        top = max(convs, key=lambda x: x.macs)
        lines.append(T("cv_cost_line", lang, i=top.index, tok=top.token,
                       share=_share(top.macs, r.macs), pshare=_share(top.params, r.params),
                       m=top.size_out))
    else:
        lines.append(T("cv_no_conv", lang))
    lines.append(T("cv_rf_line", lang, r=r.receptive_field, j=r.jump))
    if r.receptive_field > r.input:
        lines.append(T("cv_rf_big", lang, n=r.input))
    return lines
