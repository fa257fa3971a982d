"""`quiz demo dying`: dead units by step, the per-activation summary, the chart and the conclusion,
in both languages."""

from __future__ import annotations

from ...i18n import Catalog
from ...render import demos as R
from ...render.numbers import fmt

OWN = Catalog({
    "dy_title": {
        "en": "Dying units during SGD: lr {lr}, hidden biases start at {bias}, {steps} steps, "
              "2 hidden layers × {width} units, batches of {batch} from {n} points, seed {seed}",
        "ko": "SGD 학습 중 죽는 유닛: 학습률 {lr}, 은닉층 편향 초깃값 {bias}, {steps} 스텝, "
              "은닉층 2개 × 유닛 {width}개, 데이터 {n}개에서 뽑은 배치 {batch}, 시드 {seed}",
    },
    "dy_table": {
        "en": "Dead units (pre-activation ≤ 0 for every training input): layer 1 / layer 2",
        "ko": "죽은 유닛(모든 학습 입력에서 사전 활성값 ≤ 0): 1층 / 2층",
    },
    "dy_summary": {"en": "Per activation", "ko": "활성화 함수별 요약"},
    "dy_start": {"en": "dead, step 0", "ko": "시작 시 죽음"},
    "dy_end": {"en": "dead, end", "ko": "끝날 때 죽음"},
    "dy_back": {"en": "back L1/L2", "ko": "부활 1층/2층"},
    "dy_grad": {"en": "max |∂L/∂w| dead", "ko": "죽은 유닛 |∂L/∂w| 최댓값"},
    "dy_loss": {"en": "final loss", "ko": "최종 손실"},
    "dy_chart": {"en": "Share of dead hidden units by step", "ko": "스텝별 죽은 은닉 유닛 비율"},
    "dy_zero": {
        "en": "{act}: {end} of hidden units are dead after {steps} steps ({start} at step 0). "
              "Their incoming gradient is exactly 0 (max |∂L/∂w| = 0), so they cannot learn "
              "their way back: {back1} layer-1 units came back (their inputs are the data), "
              "{back2} layer-2 units came back only because layer 1 changed their inputs.",
        "ko": "{act}: {steps} 스텝 후 은닉 유닛의 {end}가 죽어 있습니다(0 스텝에서는 {start}). "
              "이 유닛들로 들어오는 기울기는 정확히 0이라(|∂L/∂w| 최댓값 = 0) 학습으로는 "
              "되살아나지 못합니다. 1층에서 되살아난 유닛은 {back1}개(입력이 데이터 그대로이므로), "
              "2층에서는 {back2}개인데, 이는 1층이 바뀌면서 입력이 달라졌기 때문입니다.",
    },
    "dy_leak": {
        "en": "{act}: {end} of hidden units are inactive on every input after {steps} steps "
              "({start} at step 0), but their incoming gradient is not 0 (up to {g}), so they "
              "can still come back ({back} did).",
        "ko": "{act}: {steps} 스텝 후 은닉 유닛의 {end}가 모든 입력에서 비활성입니다(0 스텝에서는 "
              "{start}). 하지만 들어오는 기울기가 0이 아니라서(최대 {g}) 다시 살아날 수 있습니다"
              "(실제로 {back}개가 돌아왔습니다).",
    },
    "dy_none": {"en": "{act}: no dead units after {steps} steps ({start} at step 0).",
                "ko": "{act}: {steps} 스텝 후 죽은 유닛이 없습니다(0 스텝에서는 {start})."},
    "dy_diverged": {
        "en": "{act}: training diverged at step {k} (the loss became inf or nan); lower --lr.",
        "ko": "{act}: {k} 스텝에서 학습이 발산했습니다(손실이 inf 또는 nan). --lr을 낮춰 보세요.",
    },
    "dy_tip": {
        "en": "Try a larger learning rate or a more negative bias: quiz demo dying --lr 0.1 --bias 0",
        "ko": "학습률을 키우거나 편향을 더 음수로 바꿔 보세요: quiz demo dying --lr 0.1 --bias 0",
    },
}, fallback=R.T)


T = OWN  # this demo's strings, then the ones every demo shares


def render(console, r, *, lang: str, ascii_only: bool = False, width: int | None = None) -> None:
    """Print one `quiz demo dying` result (`width` is the console's; charts follow it)."""
    R.title(console, T("dy_title", lang, lr=fmt(r.lr), bias=fmt(r.bias), steps=r.steps,
                      width=r.width, batch=r.batch, n=r.n_train, seed=r.seed))
    table = R.table(T("dy_table", lang), ascii_only)
    table.add_column(T("step", lang), justify="right")
    for run in r.runs:
        table.add_column(run.activation, justify="right")
    steps = sorted({p.step for run in r.runs for p in run.history})
    for s in steps:
        cells = []
        for run in r.runs:
            point = next((p for p in run.history if p.step == s), None)
            cells.append("—" if point is None else
                         f"{R.pct(point.dead_layer1)} / {R.pct(point.dead_layer2)}")
        table.add_row(str(s), *cells)
    R.print_table(console, table)

    summary = R.table(T("dy_summary", lang), ascii_only)
    for key in ("activation", "dy_start", "dy_end", "dy_back", "dy_grad", "dy_loss"):
        summary.add_column(T(key, lang), justify="left" if key == "activation" else "right")
    for run in r.runs:
        summary.add_row(run.activation, R.pct(run.dead_start),
                        "—" if run.diverged_at else R.pct(run.dead_end),
                        f"{run.revived_layer1} / {run.revived_layer2}",
                        "—" if run.dead_grad_max is None else fmt(run.dead_grad_max, 3),
                        "—" if run.diverged_at else fmt(run.history[-1].loss, 4))
    R.print_table(console, summary)

    series = [(run.activation, [p.dead for p in run.history]) for run in r.runs
              if not run.diverged_at]
    if series and any(v > 0 for _, ys in series for v in ys):
        R.title(console, T("dy_chart", lang))
        xs = [p.step for p in next(run for run in r.runs if not run.diverged_at).history]
        R.chart(console, xs, series, y_min=0.0,
               y_max=max(0.05, max(v for _, ys in series for v in ys)), ascii_only=ascii_only)

    R.title(console, T("conclusion", lang))
    lines = []
    for run in r.runs:
        common = dict(act=run.activation, steps=r.steps, start=R.pct(run.dead_start),
                      end=R.pct(run.dead_end))
        if run.diverged_at:
            lines.append(T("dy_diverged", lang, act=run.activation, k=run.diverged_at))
        elif run.dead_grad_max is None:
            lines.append(T("dy_none", lang, **common))
        elif run.dead_grad_max == 0.0:
            lines.append(T("dy_zero", lang, back1=run.revived_layer1, back2=run.revived_layer2,
                           **common))
        else:
            lines.append(T("dy_leak", lang, g=fmt(run.dead_grad_max, 2),
                           back=run.revived_layer1 + run.revived_layer2, **common))
    if all(run.dead_end == 0 and not run.diverged_at for run in r.runs):
        lines.append(T("dy_tip", lang))
    R.print_lines(console, lines)
    R.cited(console, r.cited_by, lang)
