"""`quiz demo optimizers`: the per-optimizer table, the paths on the contours, Adam's first
steps, AdamW vs Adam + L2 and the conclusion, in both languages."""

from __future__ import annotations

import math

from ...i18n import Catalog
from ...render import demos as R
from ...render.numbers import fmt

OWN = Catalog({
    "opt_title_quadratic": {
        "en": "Optimizers on f = ½(x−1)² + ½·{kappa}·(y−1)² (condition number κ = {kappa}), from "
              "({x0}, {y0}) to the minimum (1, 1); tolerance {tol} of the start's distance, at "
              "most {steps} steps",
        "ko": "f = ½(x−1)² + ½·{kappa}·(y−1)² (조건수 κ = {kappa})에서의 옵티마이저: ({x0}, {y0})에서 "
              "최솟값 (1, 1)까지, 허용 오차는 시작점 거리의 {tol}, 최대 {steps} 스텝",
    },
    "opt_title_rosenbrock": {
        "en": "Optimizers on Rosenbrock's f = (1−x)² + 100(y−x²)², from ({x0}, {y0}) to the "
              "minimum (1, 1) (Hessian there: λ = {lo} … {hi}); tolerance {tol} of the start's "
              "distance, at most {steps} steps",
        "ko": "Rosenbrock 함수 f = (1−x)² + 100(y−x²)²에서의 옵티마이저: ({x0}, {y0})에서 최솟값 "
              "(1, 1)까지(그곳의 헤시안 고윳값 {lo} … {hi}), 허용 오차는 시작점 거리의 {tol}, "
              "최대 {steps} 스텝",
    },
    "opt_name": {"en": "optimizer", "ko": "옵티마이저"},
    "opt_lr": {"en": "learning rate", "ko": "학습률"},
    "opt_steps": {"en": "steps to tol", "ko": "수렴 스텝"},
    "opt_left": {"en": "distance left", "ko": "남은 거리"},
    "opt_flips": {"en": "{steep} sign changes", "ko": "{steep} 부호 바뀜"},
    "opt_travel": {"en": "{steep} travel", "ko": "{steep} 이동량"},
    "steep_quadratic": {"en": "y−1", "ko": "y−1"},
    "steep_rosenbrock": {"en": "y−x²", "ko": "y−x²"},
    "opt_more": {"en": "> {n}", "ko": "> {n}"},
    "opt_diverged_cell": {"en": "diverged at {k}", "ko": "{k}에서 발산"},
    "opt_caption": {
        "en": "distance left: ‖p − p*‖ over the start's, at the last step. sign changes: how "
              "often the steep quantity {steep} crossed 0 (the zig-zag across the valley). "
              "travel: Σ|Δ({steep})| over its start value. Defaults are marked *: SGD "
              "2/(λmin+λmax), momentum and Nesterov 1/λmax (μ = {mu}), the others a step in "
              "parameter units.",
        "ko": "남은 거리: 마지막 스텝의 ‖p − p*‖를 시작점 거리로 나눈 값. 부호 바뀜: 가파른 방향의 "
              "값({steep})이 0을 지나간 횟수(골짜기를 가로지르는 지그재그). 이동량: 시작값 대비 "
              "Σ|Δ({steep})|. *는 기본 학습률: SGD는 2/(λmin+λmax), 모멘텀과 Nesterov는 "
              "1/λmax(μ = {mu}), 나머지는 파라미터 단위의 스텝 크기.",
    },
    "opt_chart": {"en": "Paths (x across, y up) on contours of f (· · ·); the minimum is (1, 1)",
                  "ko": "f의 등고선(· · ·) 위의 경로(가로 x, 세로 y), 최솟값은 (1, 1)"},
    "opt_contours": {"en": "contours", "ko": "등고선"},
    "bias_title": {
        "en": "Adam's bias correction, first {n} steps, coordinate x (β1 = {b1}, β2 = {b2}, lr {lr})",
        "ko": "Adam의 편향 보정, 처음 {n} 스텝, x 좌표(β1 = {b1}, β2 = {b2}, 학습률 {lr})",
    },
    "bias_step_with": {"en": "step lr·m̂/(√v̂+ε)", "ko": "스텝 lr·m̂/(√v̂+ε)"},
    "bias_step_without": {"en": "without correction", "ko": "보정 없이"},
    "decay_title": {
        "en": "AdamW vs Adam + L2: lr {lr}, λ = {wd}, {steps} steps each",
        "ko": "AdamW 대 Adam + L2: 학습률 {lr}, λ = {wd}, 각각 {steps} 스텝",
    },
    "decay_run": {"en": "run", "ko": "실행"},
    "decay_end": {"en": "end (x, y)", "ko": "끝점 (x, y)"},
    "decay_x": {"en": "decay/step x", "ko": "스텝당 감쇠 x"},
    "decay_y": {"en": "decay/step y", "ko": "스텝당 감쇠 y"},
    "decay_plain": {"en": "Adam, no decay", "ko": "Adam, 감쇠 없음"},
    "decay_l2": {"en": "Adam + L2 (weight_decay)", "ko": "Adam + L2 (weight_decay)"},
    "decay_adamw": {"en": "AdamW", "ko": "AdamW"},
    "decay_l2min": {"en": "argmin f + ½λ‖p‖²", "ko": "f + ½λ‖p‖²의 최솟점"},
    "decay_caption": {
        "en": "decay/step: the share of a coordinate the decay removes per step at the end — "
              "Adam + L2: lr·λ/(√v̂ + ε) (√v̂ = {vx}, {vy}); AdamW: lr·λ.",
        "ko": "스텝당 감쇠: 마지막에 감쇠가 한 스텝에 좌표에서 덜어 내는 비율. Adam + L2는 "
              "lr·λ/(√v̂ + ε) (√v̂ = {vx}, {vy}), AdamW는 lr·λ.",
    },
    # conclusions
    "c_fastest": {
        "en": "{name} reached the tolerance first, in {n} steps{others}.",
        "ko": "가장 먼저 허용 오차에 닿은 것은 {name}입니다({n} 스텝){others}.",
    },
    "c_others": {"en": "; then {list}", "ko": ". 그다음은 {list}"},
    "c_pair": {"en": "{name} {n}", "ko": "{name} {n}"},
    "c_missed": {
        "en": "Not within {steps} steps: {list}.",
        "ko": "{steps} 스텝 안에 닿지 못함: {list}.",
    },
    "c_missed_item": {"en": "{name} (distance left {d})", "ko": "{name}(남은 거리 {d})"},
    "c_diverged": {
        "en": "{name} diverged: at step {k} its distance to the minimum passed {bound}× the "
              "start's (learning rate {lr} is too large here).",
        "ko": "발산: {name}. {k} 스텝에서 최솟값까지의 거리가 시작점 거리의 {bound}배를 "
              "넘었습니다(여기서는 학습률({lr})이 너무 큽니다).",
    },
    "c_zigzag_damped": {
        "en": "Zig-zag: SGD's {steep} changed sign at {a} of its {n} steps ({pa}) and travelled "
              "{ta}× its start value; with momentum, {b} of {m} ({pb}), {tb}×: momentum damped "
              "the zig-zag, because the alternating steep gradients cancel in its running sum "
              "while the steady flat ones add up.",
        "ko": "지그재그: SGD는 {n} 스텝 중 {a}번({pa}) {steep}의 부호가 바뀌었고 시작값의 {ta}배를 "
              "오갔습니다. 모멘텀을 쓰면 {m} 스텝 중 {b}번({pb}), {tb}배였습니다. 가파른 방향의 "
              "기울기는 부호가 번갈아 바뀌어 누적 합에서 상쇄되고, 완만한 방향의 기울기는 "
              "꾸준히 더해지므로 모멘텀이 지그재그를 줄였습니다.",
    },
    "c_zigzag_not": {
        "en": "Zig-zag: SGD's {steep} changed sign at {a} of its {n} steps ({pa}); with momentum, "
              "{b} of {m} ({pb}): here momentum did not damp it.",
        "ko": "지그재그: SGD는 {n} 스텝 중 {a}번({pa}), 모멘텀은 {m} 스텝 중 {b}번({pb}) {steep}의 "
              "부호가 바뀌었습니다. 이 설정에서는 모멘텀이 지그재그를 줄이지 못했습니다.",
    },
    "c_nesterov": {
        "en": "Nesterov, which takes the gradient after the momentum step: {b} sign change(s) "
              "in {m} steps, against momentum's {a} in {n}.",
        "ko": "모멘텀만큼 먼저 이동한 지점의 기울기를 쓰는 Nesterov는 {m} 스텝 동안 {b}번 "
              "부호가 바뀌었습니다(모멘텀은 {n} 스텝 동안 {a}번).",
    },
    "c_speedup": {
        "en": "Steps to tolerance: SGD {a}, momentum {b} ({x}× fewer).",
        "ko": "수렴 스텝: SGD {a}, 모멘텀 {b}({x}배 적음).",
    },
    "c_bias": {
        "en": "Adam's first step: m = {m} is {mr} of g = {g}, and v = {v} is {vr} of g²: both "
              "averages start at 0. m̂ = {mh} and v̂ = {vh} undo that, so the step is {cor}. "
              "Without the correction it would be {unc}: {ratio}× larger.",
        "ko": "Adam의 첫 스텝: m = {m}(g = {g}의 {mr}배), v = {v}(g²의 {vr}배). 두 이동 평균이 "
              "0에서 시작하기 때문입니다. 보정한 m̂ = {mh}, v̂ = {vh}로 계산한 스텝은 {cor}이고, "
              "보정이 없으면 스텝이 {unc}, 즉 {ratio}배가 됩니다.",
    },
    "c_decay": {
        "en": "Decoupled decay: Adam + L2 took {dx} of x and {dy} of y per step at the end — "
              "divided by √v̂, so the coordinate with the larger gradients ({big}) was decayed "
              "{k}× less than the other; AdamW took lr·λ = {w} of both.",
        "ko": "분리된 가중치 감쇠: 마지막에 Adam + L2는 스텝마다 x에서 {dx}, y에서 {dy}만큼(비율) "
              "덜어 냈습니다. 감쇠 항도 √v̂로 나뉘므로 기울기가 큰 좌표({big})가 다른 좌표보다 "
              "{k}배 덜 감쇠됐습니다. AdamW는 두 좌표 모두 lr·λ = {w}씩 덜어 냈습니다.",
    },
    "c_decay_ends": {
        "en": "Ends: Adam + L2 at ({lx}, {ly}){l2note}; AdamW at ({wx}, {wy}); Adam without decay "
              "at ({ax}, {ay}).",
        "ko": "끝점: Adam + L2 ({lx}, {ly}){l2note}, AdamW ({wx}, {wy}), 감쇠 없는 Adam "
              "({ax}, {ay}).",
    },
    "c_l2note": {"en": " — the minimum of f + ½λ‖p‖², as for SGD with L2",
                 "ko": " — SGD에 L2 규제를 쓸 때와 같은 f + ½λ‖p‖²의 최솟점"},
    "c_axis_note": {
        "en": "Caveat: this valley's axes are the coordinate axes, which suits methods that "
              "scale each coordinate on its own (RMSprop, Adam); a rotated valley would not.",
        "ko": "주의: 이 골짜기의 주축은 좌표축과 같아서, 좌표마다 스텝 크기를 따로 조정하는 "
              "방법(RMSprop, Adam)에 유리합니다. 골짜기가 회전되어 있으면 그렇지 않습니다.",
    },
}, fallback=R.T)

MARKERS = {"sgd": "s", "momentum": "m", "nesterov": "n", "rmsprop": "r", "adam": "a",
           "adamw": "w"}


T = OWN  # this demo's strings, then the ones every demo shares


def _pt(p) -> str:
    return f"{p[0]:.4f}, {p[1]:.4f}".replace("-0.0000", "0.0000")


def render(console, r, *, lang: str, ascii_only: bool = False, width: int | None = None) -> None:
    """Print one `quiz demo optimizers` result."""
    steep = T(f"steep_{r.problem}", lang)
    x0, y0 = (fmt(v) for v in r.start)
    if r.problem == "quadratic":
        R.title(console, T("opt_title_quadratic", lang, kappa=fmt(r.condition), x0=x0, y0=y0,
                          tol=fmt(r.tol), steps=r.steps))
    else:
        R.title(console, T("opt_title_rosenbrock", lang, x0=x0, y0=y0, tol=fmt(r.tol),
                          steps=r.steps, lo=fmt(r.hessian_eigs[0], 4),
                          hi=fmt(r.hessian_eigs[1], 5)))

    def steps_cell(run):
        if run.diverged_at:
            return T("opt_diverged_cell", lang, k=run.diverged_at)
        return str(run.steps_to_tol) if run.steps_to_tol else T("opt_more", lang, n=r.steps)

    table = R.table(None, ascii_only)
    table.add_column(T("opt_name", lang), no_wrap=True)
    for key in ("opt_lr", "opt_steps", "opt_left"):
        table.add_column(T(key, lang), justify="right")
    table.add_column(T("opt_flips", lang, steep=steep), justify="right")
    table.add_column(T("opt_travel", lang, steep=steep), justify="right")
    table.caption = T("opt_caption", lang, steep=steep, mu=fmt(r.momentum))
    table.caption_justify = "left"
    for run in r.runs:
        table.add_row(run.label, fmt(run.lr, 4) + ("*" if run.lr_is_default else ""),
                      steps_cell(run), "—" if run.diverged_at else fmt(run.final_distance, 3),
                      str(run.sign_changes), fmt(run.steep_travel, 3))
    R.print_table(console, table)

    _chart(console, r, lang, ascii_only)

    if r.bias:
        adam = next(run for run in r.runs if run.name == "adam")
        b1, b2 = adam.hyper.betas
        bias = R.table(T("bias_title", lang, n=len(r.bias), b1=fmt(b1), b2=fmt(b2),
                         lr=fmt(adam.lr)), ascii_only)
        for head in ("t", "g", "m", "m̂", "v", "v̂"):
            bias.add_column(head, justify="right")
        bias.add_column(T("bias_step_with", lang), justify="right")
        bias.add_column(T("bias_step_without", lang), justify="right")
        for row in r.bias:
            bias.add_row(str(row.step), fmt(row.g, 4), fmt(row.m, 4), fmt(row.m_hat, 4),
                         fmt(row.v, 4), fmt(row.v_hat, 4), fmt(row.step_corrected, 4),
                         fmt(row.step_uncorrected, 4))
        R.print_table(console, bias)

    d = r.decay
    if d is not None:
        dt = R.table(T("decay_title", lang, lr=fmt(d.lr), wd=fmt(d.weight_decay), steps=d.steps),
                     ascii_only)
        for key in ("decay_run", "decay_end", "decay_x", "decay_y"):
            dt.add_column(T(key, lang), justify="left" if key == "decay_run" else "right",
                          no_wrap=True)
        dt.add_row(T("decay_plain", lang), _pt(d.adam_end), "0", "0")
        dt.add_row(T("decay_l2", lang), _pt(d.adam_l2_end), fmt(d.l2_decay_per_step[0], 3),
                   fmt(d.l2_decay_per_step[1], 3))
        dt.add_row(T("decay_adamw", lang), _pt(d.adamw_end), fmt(d.adamw_decay_per_step, 3),
                   fmt(d.adamw_decay_per_step, 3))
        if d.l2_minimum is not None:
            dt.add_row(T("decay_l2min", lang), _pt(d.l2_minimum), "", "")
        dt.caption = T("decay_caption", lang, vx=fmt(d.sqrt_v_hat[0], 3),
                       vy=fmt(d.sqrt_v_hat[1], 3))
        dt.caption_justify = "left"
        R.print_table(console, dt)

    R.title(console, T("conclusion", lang))
    R.print_lines(console, conclusions(r, lang))
    R.cited(console, r.cited_by, lang)


def conclusions(r, lang: str) -> list[str]:
    """The conclusion lines, every number and every comparison taken from the run."""
    from .compute import DIVERGE

    steep = T(f"steep_{r.problem}", lang)
    lines = []
    done = sorted((run for run in r.runs if run.steps_to_tol), key=lambda x: x.steps_to_tol)
    if done:
        first, rest = done[0], done[1:]
        others = (T("c_others", lang, list=", ".join(T("c_pair", lang, name=x.label,
                                                         n=x.steps_to_tol) for x in rest))
                  if rest else "")
        lines.append(T("c_fastest", lang, name=first.label, n=first.steps_to_tol, others=others))
    missed = [run for run in r.runs if not run.steps_to_tol and not run.diverged_at]
    if missed:
        lines.append(T("c_missed", lang, steps=r.steps, list=", ".join(
            T("c_missed_item", lang, name=x.label, d=fmt(x.final_distance, 3)) for x in missed)))
    for run in r.runs:
        if run.diverged_at:
            lines.append(T("c_diverged", lang, name=run.label, k=run.diverged_at,
                           bound=f"{DIVERGE:.0e}".replace("e+0", "e"), lr=fmt(run.lr, 4)))
    by = {run.name: run for run in r.runs}
    sgd, mom, nes = by.get("sgd"), by.get("momentum"), by.get("nesterov")
    if sgd and mom and not sgd.diverged_at and not mom.diverged_at and sgd.steps_run and mom.steps_run:
        pa = sgd.sign_changes / sgd.steps_run
        pb = mom.sign_changes / mom.steps_run
        key = "c_zigzag_damped" if pb < pa else "c_zigzag_not"
        lines.append(T(key, lang, steep=steep, a=sgd.sign_changes, n=sgd.steps_run, pa=R.pct(pa),
                       ta=fmt(sgd.steep_travel, 3), b=mom.sign_changes, m=mom.steps_run,
                       pb=R.pct(pb), tb=fmt(mom.steep_travel, 3)))
        if sgd.steps_to_tol and mom.steps_to_tol and mom.steps_to_tol < sgd.steps_to_tol:
            lines.append(T("c_speedup", lang, a=sgd.steps_to_tol, b=mom.steps_to_tol,
                           x=fmt(sgd.steps_to_tol / mom.steps_to_tol, 3)))
        if nes and not nes.diverged_at:
            lines.append(T("c_nesterov", lang, a=mom.sign_changes, n=mom.steps_run,
                           b=nes.sign_changes, m=nes.steps_run))
    if r.bias and r.bias_first_ratio:
        row = r.bias[0]
        lines.append(T("c_bias", lang, m=fmt(row.m, 4), v=fmt(row.v, 4), mh=fmt(row.m_hat, 4),
                       g=fmt(row.g, 4), mr=fmt(row.m / row.g, 4) if row.g else "—",
                       vr=fmt(row.v / row.g ** 2, 4) if row.g else "—",
                       vh=fmt(row.v_hat, 4), cor=fmt(row.step_corrected, 4),
                       unc=fmt(row.step_uncorrected, 4), ratio=fmt(r.bias_first_ratio, 3)))
    d = r.decay
    if d is not None and d.weight_decay > 0 and min(d.l2_decay_per_step) > 0:
        dx, dy = d.l2_decay_per_step
        big = "y" if d.sqrt_v_hat[1] > d.sqrt_v_hat[0] else "x"
        k = max(dx, dy) / min(dx, dy)
        lines.append(T("c_decay", lang, dx=fmt(dx, 3), dy=fmt(dy, 3), big=big, k=fmt(k, 3),
                       w=fmt(d.adamw_decay_per_step, 3)))
        at_l2 = (d.l2_minimum is not None
                 and math.dist(d.adam_l2_end, d.l2_minimum) <= 1e-6 * max(1.0, math.hypot(*d.l2_minimum)))
        lines.append(T("c_decay_ends", lang, lx=fmt(d.adam_l2_end[0], 5),
                       ly=fmt(d.adam_l2_end[1], 5), wx=fmt(d.adamw_end[0], 5),
                       wy=fmt(d.adamw_end[1], 5), ax=fmt(d.adam_end[0], 5),
                       ay=fmt(d.adam_end[1], 5), l2note=T("c_l2note", lang) if at_l2 else ""))
    if r.problem == "quadratic" and any(run.name in ("rmsprop", "adam", "adamw") for run in r.runs):
        lines.append(T("c_axis_note", lang))
    return lines


def _chart(console, r, lang: str, ascii_only: bool) -> None:
    from ...render.chart import line_chart
    from .compute import contour, loss

    runs = [run for run in r.runs if not run.diverged_at and len(run.path) > 1]
    if not runs:
        return
    xs = [p[0] for run in runs for p in run.path] + [r.start[0], r.minimum[0]]
    ys = [p[1] for run in runs for p in run.path] + [r.start[1], r.minimum[1]]
    x_lo, x_hi = max(min(xs), -10.0), min(max(xs), 10.0)
    y_lo, y_hi = max(min(ys), -10.0), min(max(ys), 10.0)
    px, py = 0.05 * ((x_hi - x_lo) or 1.0), 0.05 * ((y_hi - y_lo) or 1.0)
    x_lo, x_hi, y_lo, y_hi = x_lo - px, x_hi + px, y_lo - py, y_hi + py
    kappa = r.condition or 1.0
    f0 = loss(r.problem, kappa, *r.start)
    cx: list[float] = []
    cy: list[float] = []
    for level in (f0, f0 / 10, f0 / 100):
        for x, y in contour(r.problem, kappa, level):
            cx.append(x)
            cy.append(y)
        cx.append(math.nan)
        cy.append(math.nan)
    series = [(T("opt_contours", lang), cx, cy)]
    series += [(run.label, [p[0] for p in run.path], [p[1] for p in run.path]) for run in runs]
    markers = ["."] + [MARKERS[run.name] for run in runs]
    R.title(console, T("opt_chart", lang))
    console.print(line_chart(None, series, x_min=x_lo, x_max=x_hi, y_min=y_lo, y_max=y_hi,
                             width=R.chart_width(console), ascii_frame=ascii_only,
                             color=console.color_system is not None, markers=markers))
