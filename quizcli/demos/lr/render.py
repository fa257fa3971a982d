"""`quiz demo lr`: the per-rate table, the loss step by step, the chart, the warm-up and the
conclusion, in both languages."""

from __future__ import annotations

import math

from ...i18n import Catalog
from ...render import demos as R
from ...render.numbers import fmt

OWN = Catalog({
    "lr_title": {
        "en": "Gradient descent on f = ½({lmin}·x² + {lmax}·y²) from (1, 1); the bound is "
              "2/λmax = 2/{lmax} = {crit}",
        "ko": "f = ½({lmin}·x² + {lmax}·y²)에서 (1, 1)부터 시작하는 경사 하강. 경계는 "
              "2/λmax = 2/{lmax} = {crit}",
    },
    "lr_lr": {"en": "lr (× 2/λmax)", "ko": "학습률(× 2/λmax)"},
    "lr_fy": {"en": "1 − lr·λmax", "ko": "1 − lr·λmax"},
    "lr_rho": {"en": "|y| ×/step", "ko": "|y| 배율"},
    "lr_flips": {"en": "y flips", "ko": "y 부호 바뀜"},
    "lr_verdict": {"en": "verdict", "ko": "판정"},
    "lr_final": {"en": "last f", "ko": "마지막 f"},
    "lr_caption": {
        "en": "1 − lr·λmax: what one step multiplies y by (measured from one step). "
              "|y| ×/step: (|y_T|/|y_0|)^(1/T) over the steps run. y flips: sign changes of y. "
              "Verdicts come from the run: < 1 converges, = 1 oscillates, > 1 diverges.",
        "ko": "1 − lr·λmax: 한 스텝이 y에 곱하는 값(한 스텝을 실제로 계산해 잰 값). |y| 배율: "
              "실행한 스텝 전체의 스텝당 배율 (|y_T|/|y_0|)^(1/T). 판정은 실행 결과로 내립니다. "
              "배율이 1보다 작으면 수렴, 1이면 진동, 1보다 크면 발산.",
    },
    "v_converges": {"en": "converges", "ko": "수렴"},
    "v_converges-oscillating": {"en": "converges, oscillating", "ko": "진동하며 수렴"},
    "v_oscillates": {"en": "oscillates", "ko": "진동"},
    "v_diverges": {"en": "diverges", "ko": "발산"},
    "lr_stopped_cell": {"en": "stopped at {k}", "ko": "{k}에서 중단"},
    "lr_loss_title": {"en": "Loss f by step", "ko": "스텝별 손실 f"},
    "lr_col": {"en": "lr {lr}", "ko": "학습률 {lr}"},
    "lr_chart": {"en": "log10 f by step", "ko": "스텝별 log10 f"},
    "warm_title": {
        "en": "Linear warm-up: {w} steps from {s} × {peak} to the peak rate {peak} "
              "({pf} × 2/λmax), against the peak rate from step 1",
        "ko": "선형 워밍업: 최대 학습률 {peak}({pf} × 2/λmax)의 {s}배에서 시작해 {w} 스텝 동안 "
              "올림. 처음부터 최대 학습률을 쓸 때와 비교",
    },
    "warm_lr": {"en": "lr of the step", "ko": "그 스텝의 학습률"},
    "warm_lrl": {"en": "lr·λmax", "ko": "lr·λmax"},
    "warm_loss": {"en": "f with warm-up", "ko": "워밍업 f"},
    "warm_const": {"en": "f at the peak rate", "ko": "최대 학습률 f"},
    # conclusions
    "c_converges": {
        "en": "lr {lr} ({f} × 2/λmax): converges without crossing the valley — y shrinks ×{rho} "
              "per step; f went from {l0} to {lT} in {T} steps.",
        "ko": "학습률 {lr}({f} × 2/λmax): 골짜기를 건너지 않고 수렴합니다. y는 스텝마다 "
              "{rho}배가 되고, f는 {T} 스텝 동안 {l0} → {lT}.",
    },
    "c_converges-oscillating": {
        "en": "lr {lr} ({f} × 2/λmax): converges while oscillating — y changed sign {k} times "
              "in {T} steps, shrinking ×{rho} per step; f went from {l0} to {lT}.",
        "ko": "학습률 {lr}({f} × 2/λmax): 진동하며 수렴합니다. {T} 스텝 동안 y의 부호가 {k}번 "
              "바뀌면서 크기는 스텝마다 {rho}배가 됐고, f는 {l0} → {lT}.",
    },
    "c_oscillates": {
        "en": "lr {lr} ({f} × 2/λmax): oscillates — y changed sign {k} times in {T} steps at "
              "the same amplitude (×{rho} per step), so f stays at {lT}: it never converges.",
        "ko": "학습률 {lr}({f} × 2/λmax): 진동합니다. {T} 스텝 동안 y의 부호가 {k}번 바뀌었지만 "
              "진폭은 그대로(스텝당 {rho}배)라 f는 {lT} 근처에 머물고, 끝내 수렴하지 않습니다.",
    },
    "c_diverges": {
        "en": "lr {lr} ({f} × 2/λmax): diverges — |y| grows ×{rho} per step; f went from {l0} "
              "to {lT} in {T} steps.",
        "ko": "학습률 {lr}({f} × 2/λmax): 발산합니다. |y|가 스텝마다 {rho}배로 커져서 {T} 스텝 "
              "동안 f는 {l0} → {lT}.",
    },
    "c_stopped": {
        "en": "lr {lr} ({f} × 2/λmax): diverges — stopped at step {k}, where the distance to the "
              "minimum passed {bound} × the start's (|y| ×{rho} per step; f was {lT} the step "
              "before).",
        "ko": "학습률 {lr}({f} × 2/λmax): 발산합니다. 최솟값까지의 거리가 시작점 거리의 {bound}배를 "
              "넘은 {k} 스텝에서 멈췄습니다(|y|는 스텝당 {rho}배, 직전 스텝의 f = {lT}).",
    },
    "c_boundary": {
        "en": "Measured boundary: {below} converged, {at} oscillated and {above} diverged; "
              "one step multiplies y by 1 − lr·λmax, which reaches −1 at lr = 2/λmax = {crit}.",
        "ko": "측정된 경계: 수렴한 학습률 {below}, 진동한 학습률 {at}, 발산한 학습률 {above}. "
              "한 스텝은 y에 1 − lr·λmax를 곱하고, 이 값은 lr = 2/λmax = {crit}에서 −1이 됩니다.",
    },
    "c_none": {"en": "none", "ko": "없음"},
    "c_warm": {
        "en": "Warm-up: lr·λmax stayed below 1 for {below} of its {w} steps, so y crossed 0 "
              "{a} time(s) in them against {b} at the peak rate; after {w} steps f was {lw} with "
              "warm-up and {lc} without, after {T} steps {fw} and {fc}.",
        "ko": "워밍업: {w} 스텝 중 {below} 스텝은 lr·λmax가 1보다 작아서, 그동안 y가 0을 지난 "
              "횟수는 {a}번(처음부터 최대 학습률이면 {b}번)입니다. f는 {w} 스텝 뒤 워밍업 "
              "{lw}, 워밍업 없음 {lc}, {T} 스텝 뒤 워밍업 {fw}, 워밍업 없음 {fc}.",
    },
    "c_warm_delay": {
        "en": "The peak rate is above 2/λmax: warm-up delayed the blow-up (stopped at step "
              "{sw} instead of {sc}) but did not prevent it — at a fixed curvature the peak rate "
              "itself is unstable; warm-up helps when the curvature falls early in training.",
        "ko": "최대 학습률이 2/λmax보다 커서 워밍업은 폭주를 늦췄을 뿐({sc} 스텝 대신 {sw} "
              "스텝에서 중단) 막지는 못했습니다. 곡률이 고정되어 있으면 최대 학습률 자체가 "
              "불안정합니다. 워밍업은 학습 초반에 곡률이 줄어들 때 도움이 됩니다.",
    },
    "c_warm_stops": {
        "en": "Warm-up run: {warm}; at the peak rate from step 1: {const}.",
        "ko": "워밍업한 실행: {warm}. 처음부터 최대 학습률: {const}.",
    },
    "c_out_stopped": {"en": "stopped at step {k} (past the bound)",
                      "ko": "{k} 스텝에서 중단(경계를 넘음)"},
    "c_out_final": {"en": "f = {f} after {T} steps", "ko": "{T} 스텝 뒤 f = {f}"},
    "c_warm_zeroed": {
        "en": "With warm-up, y became exactly 0 at step {k}: that step's rate had lr·λmax = 1, "
              "which removes the steep direction in one step, so the unstable direction had "
              "nothing left to amplify. In real training noise refills it; change --start-factor "
              "or --warmup to see the blow-up.",
        "ko": "워밍업한 실행에서는 {k} 스텝에서 y가 정확히 0이 됐습니다. 그 스텝의 학습률이 "
              "lr·λmax = 1이라 가파른 방향을 한 번에 없앴고, 그래서 불안정한 방향에 키울 것이 "
              "남지 않았습니다. 실제 학습에서는 노이즈가 이를 다시 채웁니다. --start-factor나 "
              "--warmup을 바꾸면 폭주를 볼 수 있습니다.",
    },
    "c_warm_diverges": {
        "en": "The peak rate is above 2/λmax: with and without warm-up the loss grows (f {fw} "
              "and {fc} after {T} steps) — warm-up only delays it at a fixed curvature.",
        "ko": "최대 학습률이 2/λmax보다 커서 워밍업이 있든 없든 손실이 커집니다({T} 스텝 뒤 "
              "f: 워밍업 {fw}, 워밍업 없음 {fc}). 곡률이 고정되어 있으면 워밍업은 이를 늦출 "
              "뿐입니다.",
    },
}, fallback=R.T)


T = OWN  # this demo's strings, then the ones every demo shares


def _cell(v) -> str:
    return "—" if v is None else fmt(v, 4)


def render(console, r, *, lang: str, ascii_only: bool = False, width: int | None = None) -> None:
    """Print one `quiz demo lr` result."""
    R.title(console, T("lr_title", lang, lmin=fmt(r.lambda_min), lmax=fmt(r.lambda_max),
                      crit=fmt(r.critical_lr)))
    table = R.table(None, ascii_only)
    for key in ("lr_lr", "lr_fy", "lr_rho", "lr_flips", "lr_verdict", "lr_final"):
        table.add_column(T(key, lang), justify="left" if key == "lr_verdict" else "right",
                         no_wrap=key in ("lr_lr", "lr_final"))
    table.caption = T("lr_caption", lang)
    table.caption_justify = "left"
    for run in r.runs:
        last = (T("lr_stopped_cell", lang, k=run.stopped_at) if run.stopped_at
                else fmt(run.final_loss, 4))
        table.add_row(f"{fmt(run.lr, 4)} ({fmt(run.factor)}×)", fmt(run.step_factors[1], 4),
                      fmt(run.rho, 4), str(run.sign_changes),
                      T(f"v_{run.verdict}", lang), last)
    R.print_table(console, table)

    losses = R.table(T("lr_loss_title", lang), ascii_only)
    losses.add_column(T("step", lang), justify="right")
    for run in r.runs:
        losses.add_column(T("lr_col", lang, lr=fmt(run.lr, 4)), justify="right")
    for i, step in enumerate(r.shown_steps):
        losses.add_row(str(step), *[_cell(run.loss[i]) for run in r.runs])
    R.print_table(console, losses)

    series = []
    for run in r.runs:
        pts = [(s, math.log10(v)) for s, v in run._chart if v > 0]
        if len(pts) > 1:
            series.append((T("lr_col", lang, lr=fmt(run.lr, 4)), [p[0] for p in pts],
                           [p[1] for p in pts]))
    if series:
        from ...render.chart import line_chart

        ys = [y for s in series for y in s[2]]
        lo, hi = min(ys), max(ys)
        if hi <= lo:
            hi = lo + 1.0
        pad = 0.05 * (hi - lo)
        R.title(console, T("lr_chart", lang))
        console.print(line_chart(None, series, x_min=0, x_max=r.steps, y_min=lo - pad,
                                 y_max=hi + pad, width=R.chart_width(console),
                                 ascii_frame=ascii_only, color=console.color_system is not None))

    w = r.warmup
    if w is not None:
        wt = R.table(T("warm_title", lang, w=w.warmup, s=fmt(w.start_factor, 3),
                       peak=fmt(w.peak_lr, 4), pf=fmt(w.peak_factor)), ascii_only)
        for key in ("step", "warm_lr", "warm_lrl", "warm_loss", "warm_const"):
            wt.add_column(T(key, lang), justify="right")
        for t, (fw, fc) in enumerate(zip(w.early_warm, w.early_const)):
            lr = w.lrs[t - 1] if t >= 1 else None
            wt.add_row(str(t), _cell(lr), "" if lr is None else fmt(lr * r.lambda_max, 4),
                       _cell(fw), _cell(fc))
        R.print_table(console, wt)

    R.title(console, T("conclusion", lang))
    R.print_lines(console, conclusions(r, lang))
    R.cited(console, r.cited_by, lang)


def conclusions(r, lang: str) -> list[str]:
    """The conclusion lines, every number and every verdict taken from the run."""
    from .compute import BOUND

    lines = []
    for run in r.runs:
        common = dict(lr=fmt(run.lr, 4), f=fmt(run.factor), rho=fmt(run.rho, 4),
                      k=run.sign_changes, T=run.steps_run, l0=fmt(run.loss[0], 4),
                      lT=fmt(run.final_loss, 4))
        if run.stopped_at:
            common["k"] = run.stopped_at
            lines.append(T("c_stopped", lang, bound=f"{BOUND:.0e}".replace("e+0", "e"), **common))
        else:
            lines.append(T(f"c_{run.verdict}", lang, **common))

    def names(verdicts):
        picked = [fmt(run.lr, 4) for run in r.runs if run.verdict in verdicts]
        return ", ".join(picked) if picked else T("c_none", lang)

    lines.append(T("c_boundary", lang, below=names(("converges", "converges-oscillating")),
                   at=names(("oscillates",)), above=names(("diverges",)),
                   crit=fmt(r.critical_lr)))
    w = r.warmup
    if w is not None:
        if w.stopped_warm or w.stopped_const:
            if w.stopped_warm and w.stopped_const and w.stopped_warm > w.stopped_const:
                lines.append(T("c_warm_delay", lang, sw=w.stopped_warm, sc=w.stopped_const))
            else:
                def outcome(stopped, final):
                    return (T("c_out_stopped", lang, k=stopped) if stopped
                            else T("c_out_final", lang, f=fmt(final, 4), T=r.steps))

                lines.append(T("c_warm_stops", lang,
                               warm=outcome(w.stopped_warm, w.final_loss[0]),
                               const=outcome(w.stopped_const, w.final_loss[1])))
            if w.zeroed_warm and not w.stopped_warm:
                lines.append(T("c_warm_zeroed", lang, k=w.zeroed_warm))
        else:
            lines.append(T("c_warm", lang, below=w.below_one_steps, w=w.warmup,
                           a=w.sign_changes_warm, b=w.sign_changes_const,
                           lw=fmt(w.loss_at_warmup[0], 4), lc=fmt(w.loss_at_warmup[1], 4),
                           T=r.steps, fw=fmt(w.final_loss[0], 4), fc=fmt(w.final_loss[1], 4)))
            start = r.runs[0].loss[0] if r.runs else None
            if w.peak_factor > 1 and start is not None and min(w.final_loss) > start:
                lines.append(T("c_warm_diverges", lang, fw=fmt(w.final_loss[0], 4),
                               fc=fmt(w.final_loss[1], 4), T=r.steps))
    return lines
