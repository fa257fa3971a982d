"""`quiz demo zigzag`: the per-activation table, the weight paths and the conclusion, in both
languages."""

from __future__ import annotations

from ...i18n import Catalog
from ...render import demos as R
from ...render.numbers import fmt

OWN = Catalog({
    "zz_title": {
        "en": "Zig-zag (LeCun et al. 1998, §4.3): one linear unit, inputs a = f(u) with "
              "u ~ N(0, I₂), target w* = ({t0}, {t1}), online SGD from w = (0, 0), lr {lr}, "
              "tolerance {tol} of ‖w*‖, seed {seed}",
        "ko": "지그재그(LeCun et al. 1998, §4.3): 선형 유닛 하나, 입력 a = f(u) (u ~ N(0, I₂)), "
              "목표 w* = ({t0}, {t1}), w = (0, 0)에서 시작하는 온라인 SGD, 학습률 {lr}, "
              "허용 오차 ‖w*‖의 {tol}, 시드 {seed}",
    },
    "zz_inputs": {"en": "f", "ko": "f"},
    "zz_mean": {"en": "mean a", "ko": "a 평균"},
    "zz_pos": {"en": "a > 0", "ko": "a > 0"},
    "zz_same": {"en": "same sign", "ko": "같은 부호"},
    "zz_cond": {"en": "cond", "ko": "조건수"},
    "zz_steps": {"en": "steps", "ko": "스텝"},
    "zz_path": {"en": "path ratio", "ko": "경로 비"},
    "zz_best": {"en": "best lr: steps", "ko": "최적 학습률: 스텝"},
    "zz_caption": {
        "en": "same sign: updates whose two components share a sign. cond: λmax/λmin of "
              "E[a aᵀ]. path ratio: path length / straight distance.",
        "ko": "같은 부호: 두 성분의 부호가 같은 업데이트의 비율. 조건수: E[a aᵀ]의 λmax/λmin. "
              "경로 비: 경로 길이 / 직선 거리.",
    },
    "zz_more": {"en": "> {n}", "ko": "> {n}"},
    "zz_chart": {"en": "Weight path: w₁ across, w₂ up; the target is ({t0}, {t1})",
                 "ko": "가중치 경로: 가로 w₁, 세로 w₂, 목표는 ({t0}, {t1})"},
    "zz_all_pos": {
        "en": "{act} outputs are all positive, so every update moved w₁ and w₂ the same way "
              "({same} same-sign): reaching w* = ({t0}, {t1}), which needs w₁ up and w₂ down, "
              "took {steps} steps along a path {ratio}× the straight line.",
        "ko": "{act} 출력은 모두 양수라서 모든 업데이트가 w₁과 w₂를 같은 방향으로 움직였습니다"
              "(같은 부호 {same}). w₁은 올리고 w₂는 내려야 하는 w* = ({t0}, {t1})까지 {steps} "
              "스텝이 걸렸고, 경로는 직선 거리의 {ratio}배였습니다.",
    },
    "zz_centred": {
        "en": "{act} outputs are zero-centred (mean {mean}): only {same} of the updates were "
              "same-sign, and w* was reached in {steps} steps along a path {ratio}× the "
              "straight line.",
        "ko": "{act} 출력은 0 중심(평균 {mean})이라 같은 부호 업데이트가 {same}뿐이었고, "
              "{steps} 스텝 만에 직선 거리의 {ratio}배인 경로로 w*에 닿았습니다.",
    },
    "zz_other": {
        "en": "{act} outputs (mean {mean}): {same} same-sign updates, {steps} steps, a path "
              "{ratio}× the straight line.",
        "ko": "{act} 출력(평균 {mean}): 같은 부호 업데이트 {same}, {steps} 스텝, 경로는 직선 "
              "거리의 {ratio}배.",
    },
    "zz_diverged": {
        "en": "{act}: diverged at step {k} (the learning rate is too large for these inputs).",
        "ko": "{act}: {k} 스텝에서 발산했습니다(이 입력에 비해 학습률이 너무 큽니다).",
    },
    "zz_best_line": {
        "en": "Each at its own best learning rate from {grid}: {pairs}.",
        "ko": "각자 {grid} 중 가장 좋은 학습률로는: {pairs}.",
    },
    "zz_pair": {"en": "{act} {steps} steps (lr {lr})", "ko": "{act} {steps} 스텝(학습률 {lr})"},
    "zz_why": {
        "en": "What slows the all-positive case is the condition number of E[a aᵀ] ({conds}): "
              "the mean of a makes one direction steep and the other flat. LeCun et al.: make "
              "inputs zero-mean, and use 1.7159·tanh(2x/3) in hidden layers (§4.4).",
        "ko": "양수 입력이 느린 근본 원인은 E[a aᵀ]의 조건수({conds})입니다. a의 평균 때문에 한 "
              "방향은 가파르고 다른 방향은 평평해집니다. LeCun et al.의 처방: 입력을 평균 0으로 "
              "맞추고, 은닉층 활성화 함수로는 1.7159·tanh(2x/3) (§4.4).",
    },
}, fallback=R.T)


T = OWN  # this demo's strings, then the ones every demo shares


def render(console, r, *, lang: str, ascii_only: bool = False, width: int | None = None) -> None:
    """Print one `quiz demo zigzag` result (`width` is the console's; charts follow it)."""
    t0, t1 = (fmt(v) for v in r.target)
    R.title(console, T("zz_title", lang, t0=t0, t1=t1, lr=fmt(r.lr), tol=R.pct(r.tol), seed=r.seed))

    def steps_text(run):
        if run.diverged_at:
            return "—"
        return str(run.steps_to_tol) if run.steps_to_tol else T("zz_more", lang, n=r.max_steps)

    table = R.table(None, ascii_only)
    for key in ("zz_inputs", "zz_mean", "zz_pos", "zz_same", "zz_cond", "zz_steps", "zz_path",
                "zz_best"):
        table.add_column(T(key, lang), justify="left" if key == "zz_inputs" else "right",
                         no_wrap=key in ("zz_inputs", "zz_mean"))
    table.caption = T("zz_caption", lang)
    table.caption_justify = "left"
    for run in r.runs:
        mean = _pair(run.input_mean)
        best = "—" if run.best_steps is None else f"{fmt(run.best_lr)}: {run.best_steps}"
        table.add_row(run.activation, mean, T("yes" if run.all_positive else "no", lang),
                      R.pct(run.same_sign_share), fmt(run.condition_number, 3), steps_text(run),
                      fmt(run.path_ratio, 3), best)
    R.print_table(console, table)

    paths = [run for run in r.runs if not run.diverged_at and len(run.path) > 1]
    if paths:
        from ...render.chart import colour_on, line_chart

        R.title(console, T("zz_chart", lang, t0=t0, t1=t1))
        xs_all = [p[0] for run in paths for p in run.path] + [r.target[0]]
        ys_all = [p[1] for run in paths for p in run.path] + [r.target[1]]
        x_lo, x_hi = min(xs_all), max(xs_all)
        y_lo, y_hi = min(ys_all), max(ys_all)
        pad_x = 0.05 * ((x_hi - x_lo) or 1.0)
        pad_y = 0.05 * ((y_hi - y_lo) or 1.0)
        console.print(_xy_chart(line_chart, paths, x_lo - pad_x, x_hi + pad_x, y_lo - pad_y,
                                y_hi + pad_y, R.chart_width(console), ascii_only,
                                colour_on(console)))

    R.title(console, T("conclusion", lang))
    lines = []
    for run in r.runs:
        common = dict(act=run.activation, same=R.pct(run.same_sign_share), steps=steps_text(run),
                      ratio=fmt(run.path_ratio, 3), t0=t0, t1=t1,
                      mean=_pair(run.input_mean))
        if run.diverged_at:
            lines.append(T("zz_diverged", lang, act=run.activation, k=run.diverged_at))
        elif run.all_positive:
            lines.append(T("zz_all_pos", lang, **common))
        elif max(abs(m) for m in run.input_mean) < 0.1:
            lines.append(T("zz_centred", lang, **common))
        else:
            lines.append(T("zz_other", lang, **common))
    pairs = [T("zz_pair", lang, act=run.activation, steps=run.best_steps, lr=fmt(run.best_lr))
             for run in r.runs if run.best_steps is not None]
    if len(pairs) > 1:
        from .compute import LR_GRID

        lines.append(T("zz_best_line", lang, grid="{" + ", ".join(fmt(v) for v in LR_GRID) + "}",
                       pairs=", ".join(pairs)))
    if any(run.all_positive for run in r.runs):
        conds = ", ".join(f"{run.activation} {fmt(run.condition_number, 3)}" for run in r.runs)
        lines.append(T("zz_why", lang, conds=conds))
    R.print_lines(console, lines)
    R.cited(console, r.cited_by, lang)


def _pair(v) -> str:
    return f"({v[0]:.2f}, {v[1]:.2f})".replace("-0.00", "0.00")


def _xy_chart(line_chart, runs, x_min, x_max, y_min, y_max, width, ascii_only, color=True):
    # each path is a series with x values of its own
    series = [(run.activation, [p[0] for p in run.path], [p[1] for p in run.path]) for run in runs]
    return line_chart(None, series, x_min=x_min, x_max=x_max, y_min=y_min, y_max=y_max,
                      width=width, ascii_frame=ascii_only, color=color)
