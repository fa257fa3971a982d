"""`quiz demo normalization`: activation statistics by layer, the chart, BatchNorm's running
statistics and small batches, and the conclusion, in both languages."""

from __future__ import annotations

import math

from ...i18n import Catalog
from ...render import demos as R
from ...render.numbers import fmt

OWN = Catalog({
    "nm_title": {
        "en": "Normalization: depth {depth}, {units} units, batch {batch}, inputs N({im}, {isd}²), "
              "ReLU, weights N(0, 1/{units}), seed {seed}",
        "ko": "정규화: 깊이 {depth}, 유닛 {units}개, 배치 {batch}, 입력 N({im}, {isd}²), ReLU, "
              "가중치 N(0, 1/{units}), 시드 {seed}",
    },
    "nm_table": {"en": "Activations relu(N(z_l)) on a held-out batch: mean / std",
                 "ko": "새 배치에서 본 활성값 relu(N(z_l)): 평균 / 표준편차"},
    "nm_none": {"en": "none", "ko": "정규화 없음"},
    "nm_bn": {"en": "BatchNorm", "ko": "BatchNorm"},
    "nm_bn_eval": {"en": "BatchNorm eval", "ko": "BatchNorm 평가"},
    "nm_ln": {"en": "LayerNorm", "ko": "LayerNorm"},
    "nm_caption": {
        "en": "BatchNorm: training mode (this batch's statistics); BatchNorm eval: running "
              "statistics after {steps} training steps (momentum {m}, eps {eps}).",
        "ko": "BatchNorm: 학습 모드(이 배치의 통계). BatchNorm 평가: 학습 {steps}스텝 뒤의 이동 "
              "통계(momentum {m}, eps {eps}).",
    },
    "nm_chart": {"en": "log10 std of the activations by layer",
                 "ko": "층별 활성값 표준편차의 log10"},
    "nm_running": {"en": "BatchNorm's running statistics after {steps} steps (layer 1)",
                   "ko": "학습 {steps}스텝 뒤 BatchNorm의 이동 통계(1층)"},
    "nm_share": {"en": "weight left on the start (0, 1): (1 − m)^steps",
                 "ko": "초깃값(0, 1)에 남은 비중: (1 − m)^스텝"},
    "nm_mean_err": {"en": "running_mean − population mean (RMS, in population std)",
                    "ko": "running_mean − 모집단 평균(RMS, 모집단 표준편차 단위)"},
    "nm_var_ratio": {"en": "running_var / population variance (mean)",
                     "ko": "running_var / 모집단 분산(평균)"},
    "nm_small": {"en": "BatchNorm with small batches: one probe sample in {n} batches per size",
                 "ko": "작은 배치의 BatchNorm: 크기마다 배치 {n}개에 같은 샘플 하나를 넣어 봄"},
    "nm_b": {"en": "batch", "ko": "배치"},
    "nm_noise": {"en": "BN output std", "ko": "BN 출력 표준편차"},
    "nm_mismatch": {"en": "BN train − eval", "ko": "BN 학습 − 평가"},
    "nm_abs": {"en": "mean |BN output|", "ko": "|BN 출력| 평균"},
    "nm_ln_noise": {"en": "LN output std", "ko": "LN 출력 표준편차"},
    "nm_small_caption": {
        "en": "Layer 1, averaged over features. output std: how much the probe's normalized "
              "value moves with its batch companions. train − eval: RMS distance from the "
              "eval-mode value with the exact population statistics.",
        "ko": "1층, 특성 평균. 출력 표준편차: 같이 묶인 샘플에 따라 이 샘플의 정규화 값이 "
              "흔들리는 정도. 학습 − 평가: 정확한 모집단 통계를 쓰는 평가 모드 값과의 RMS 거리.",
    },
    "nm_none_line": {
        "en": "Without normalization the activations' std goes from {s1} at layer 1 to {sl} at "
              "layer {L} (×{f} per layer). With BatchNorm it stays {blo} … {bhi}; with LayerNorm "
              "{llo} … {lhi}.",
        "ko": "정규화가 없으면 활성값의 표준편차가 1층 {s1}에서 {L}층 {sl}로 바뀝니다"
              "(층당 ×{f}). BatchNorm이면 {blo} … {bhi}, LayerNorm이면 {llo} … {lhi}에 머뭅니다.",
    },
    "nm_running_line": {
        "en": "After {steps} training steps the running statistics keep (1 − {m})^{steps} = "
              "{share} of their start (mean 0, variance 1); at layer 1 running_mean is off by "
              "{err} population std and running_var is {vr} of the population variance.",
        "ko": "학습 {steps}스텝 뒤 이동 통계에는 초깃값(평균 0, 분산 1)이 (1 − {m})^{steps} = "
              "{share}만큼 남아 있습니다. 1층의 running_mean은 모집단 표준편차의 {err}배만큼 "
              "벗어나 있고, running_var는 모집단 분산의 {vr}배입니다.",
    },
    "nm_eval_close": {
        "en": "So eval mode matches training: at layer {L} the activations' std is {es} with "
              "running statistics against {ts} with batch statistics ({gap} apart).",
        "ko": "그래서 평가 모드가 학습 모드와 맞습니다. {L}층 활성값의 표준편차는 이동 통계로 "
              "{es}, 배치 통계로 {ts}입니다(차이 {gap}).",
    },
    "nm_eval_off": {
        "en": "Eval mode does not match training: at layer {L} the activations' std is {es} with "
              "running statistics against {ts} with batch statistics ({gap} apart). {why}",
        "ko": "평가 모드가 학습 모드와 맞지 않습니다. {L}층 활성값의 표준편차는 이동 통계로 "
              "{es}, 배치 통계로 {ts}입니다(차이 {gap}). {why}",
    },
    "nm_why_steps": {
        "en": "Too few steps: the running statistics are still mostly their starting values.",
        "ko": "스텝이 너무 적어 이동 통계가 아직 대부분 초깃값입니다.",
    },
    "nm_why_drift": {
        "en": "In training each layer saw inputs normalized by their own batch, a slightly "
              "different distribution from what eval mode feeds it; the difference compounds "
              "with depth and shrinks with larger batches (try --batch 128).",
        "ko": "학습 때 각 층은 배치마다 그 배치의 통계로 정규화된 입력을 받았고, 이는 평가 모드가 "
              "넣어 주는 분포와 조금 다릅니다. 그 차이가 깊이에 따라 쌓이고, 배치가 "
              "클수록 줄어듭니다(--batch 128로 해 보세요).",
    },
    "nm_small_line": {
        "en": "With batches of {b0}, BatchNorm's output is ±{abs} whatever the input: the probe's "
              "value moves by {n0} (std) with its companion and sits {m0} (RMS) from its eval-mode "
              "value; at batch {b1} these are {n1} and {m1}. LayerNorm normalizes each sample by "
              "itself: {ln} at every batch size.",
        "ko": "배치 크기가 {b0}이면 BatchNorm 출력은 입력 값과 상관없이 ±{abs}입니다. 같이 묶인 "
              "샘플에 따라 이 샘플의 값이 {n0}(표준편차)만큼 흔들리고 평가 모드 값과 {m0}(RMS) "
              "떨어져 있습니다. 배치 크기 {b1}에서는 {n1}, {m1}입니다. LayerNorm은 샘플마다 따로 "
              "정규화하므로 모든 배치 크기에서 {ln}입니다.",
    },
}, fallback=R.T)


T = OWN  # this demo's strings, then the ones every demo shares


MAX_ROWS = 25
EVAL_GAP = 0.05  # eval std within 5% of training's: "matches"
STALE_SHARE = 0.05  # more than this left of the start: the running stats are stale


def shown_layers(depth: int) -> list[int]:
    step = max(1, math.ceil(depth / (MAX_ROWS - 1)))
    return sorted({1, depth, *range(step, depth + 1, step)})


def _ms(stats, i: int) -> str:
    return f"{fmt(stats.mean[i], 3)} / {fmt(stats.std[i], 3)}"


def render(console, r, *, lang: str, ascii_only: bool = False, width: int | None = None) -> None:
    """Print one `quiz demo normalization` result (`width` is the console's; charts follow it)."""
    R.title(console, T("nm_title", lang, depth=r.depth, units=r.units, batch=r.batch,
                      im=fmt(r.input_mean), isd=fmt(r.input_std), seed=r.seed))
    kinds = (("nm_none", r.none), ("nm_bn", r.batchnorm), ("nm_bn_eval", r.batchnorm_eval),
             ("nm_ln", r.layernorm))
    table = R.table(T("nm_table", lang), ascii_only)
    table.caption = T("nm_caption", lang, steps=r.steps, m=fmt(r.momentum), eps=fmt(r.eps))
    table.caption_justify = "left"
    table.add_column(T("layer", lang), justify="right")
    for key, _ in kinds:
        table.add_column(T(key, lang), justify="right")
    for layer in shown_layers(r.depth):
        table.add_row(str(layer), *[_ms(stats, layer - 1) for _, stats in kinds])
    R.print_table(console, table)

    R.title(console, T("nm_chart", lang))
    xs = list(range(1, r.depth + 1))
    series = [(T(key, lang), [math.log10(s) if s > 0 else -math.inf for s in stats.std])
              for key, stats in kinds]
    R.chart(console, xs, series, ascii_only=ascii_only, x_min=1, x_max=max(2, r.depth),
            height=12)

    running = R.table(T("nm_running", lang, steps=r.steps), ascii_only)
    running.add_column("")
    running.add_column("", justify="right")
    running.show_header = False
    running.add_row(T("nm_share", lang), fmt(r.init_share, 3))
    running.add_row(T("nm_mean_err", lang), fmt(r.running_mean_error, 3))
    running.add_row(T("nm_var_ratio", lang), fmt(r.running_var_ratio, 3))
    R.print_table(console, running)

    small = R.table(T("nm_small", lang, n=_repeats()), ascii_only)
    small.caption = T("nm_small_caption", lang)
    small.caption_justify = "left"
    for key in ("nm_b", "nm_noise", "nm_mismatch", "nm_abs", "nm_ln_noise"):
        small.add_column(T(key, lang), justify="right")
    for row in r.small:
        small.add_row(str(row.batch), fmt(row.bn_noise, 3), fmt(row.bn_mismatch, 3),
                      fmt(row.bn_abs, 3), fmt(row.ln_noise, 3))
    R.print_table(console, small)

    R.title(console, T("conclusion", lang))
    R.print_lines(console, conclusion(r, lang))
    R.cited(console, r.cited_by, lang)


def _repeats() -> int:
    from .compute import SMALL_REPEATS

    return SMALL_REPEATS


def conclusion(r, lang: str) -> list[str]:
    """The sentences, from the numbers of this run."""
    L = r.depth
    s1, sl = r.none.std[0], r.none.std[-1]
    f = (sl / s1) ** (1 / (L - 1)) if s1 > 0 and sl > 0 else 0.0
    lines = [T("nm_none_line", lang, s1=fmt(s1, 3), sl=fmt(sl, 3), L=L, f=fmt(f, 3),
               blo=fmt(min(r.batchnorm.std), 3), bhi=fmt(max(r.batchnorm.std), 3),
               llo=fmt(min(r.layernorm.std), 3), lhi=fmt(max(r.layernorm.std), 3))]
    lines.append(T("nm_running_line", lang, steps=r.steps, m=fmt(r.momentum),
                   share=fmt(r.init_share, 3), err=fmt(r.running_mean_error, 3),
                   vr=fmt(r.running_var_ratio, 3)))
    es, ts = r.batchnorm_eval.std[-1], r.batchnorm.std[-1]
    gap = abs(es / ts - 1) if ts > 0 else math.inf
    if gap <= EVAL_GAP:
        lines.append(T("nm_eval_close", lang, L=L, es=fmt(es, 3), ts=fmt(ts, 3), gap=R.pct(gap)))
    else:
        why = "nm_why_steps" if r.init_share > STALE_SHARE else "nm_why_drift"
        lines.append(T("nm_eval_off", lang, L=L, es=fmt(es, 3), ts=fmt(ts, 3), gap=R.pct(gap),
                       why=T(why, lang)))
    first, last = r.small[0], r.small[-1]
    lines.append(T("nm_small_line", lang, b0=first.batch, abs=fmt(first.bn_abs, 3),
                   n0=fmt(first.bn_noise, 3), m0=fmt(first.bn_mismatch, 3), b1=last.batch,
                   n1=fmt(last.bn_noise, 3), m1=fmt(last.bn_mismatch, 3),
                   ln=fmt(max(row.ln_noise for row in r.small), 3)))
    return lines
