"""`quiz demo dropout`: the table by drop probability and the conclusion, in both languages."""

from __future__ import annotations

from ...i18n import Catalog
from ...render import demos as R
from ...render.numbers import fmt

OWN = Catalog({
    "dr_title": {
        "en": "Inverted dropout: {units} units with fixed activations (mean {xm}), {draws} random "
              "masks per p, seed {seed}",
        "ko": "역 드롭아웃: 활성값이 고정된 유닛 {units}개(평균 {xm}), p마다 랜덤 마스크 {draws}개, "
              "시드 {seed}",
    },
    "dr_table": {"en": "Training vs eval mode, measured over the masks",
                 "ko": "학습 모드 대 평가 모드, 마스크 전체에서 측정"},
    "dr_p": {"en": "p", "ko": "p"},
    "dr_scale": {"en": "1/(1−p)", "ko": "1/(1−p)"},
    "dr_kept": {"en": "kept", "ko": "유지"},
    "dr_mean": {"en": "mean", "ko": "평균"},
    "dr_var": {"en": "Var/x²", "ko": "Var/x²"},
    "dr_var_f": {"en": "p/(1−p)", "ko": "p/(1−p)"},
    "dr_m2": {"en": "E[y²]", "ko": "E[y²]"},
    "dr_unscaled": {"en": "unscaled", "ko": "스케일 없음"},
    "dr_caption": {
        "en": "Training: y = x·m/(1−p), m ~ Bernoulli(1−p); eval: y = x. Per unit over the "
              "masks, pooled over the units, as training / eval. Formulas: kept 1−p, mean 1, "
              "Var/x² p/(1−p), E[y²] 1/(1−p). unscaled: the mean of y = x·m (same masks), "
              "formula 1−p.",
        "ko": "학습: y = x·m/(1−p), m ~ Bernoulli(1−p). 평가: y = x. 유닛마다 마스크 전체에서 "
              "구한 뒤 유닛끼리 합친 학습/평가 비율입니다. 공식: 유지 비율 1−p, 평균 1, "
              "Var/x² p/(1−p), E[y²] 1/(1−p). 스케일 없음: 같은 마스크로 스케일링 없이 y = x·m일 때의 "
              "평균, 공식 1−p.",
    },
    "dr_mean_line": {
        "en": "Inverted dropout keeps the expected activation: over {draws} masks the training "
              "mean is {lo} … {hi} of the eval value at every p (formula 1; the largest gap is "
              "{z} standard errors).",
        "ko": "역 드롭아웃은 활성값의 기댓값을 유지합니다. 마스크 {draws}개에 대해 학습 평균은 "
              "모든 p에서 평가 값의 {lo} … {hi}배입니다(공식 1, 가장 큰 차이는 표준오차의 {z}배).",
    },
    "dr_var_line": {
        "en": "It does not keep the spread: at p = {p} each unit's variance is {v} x² "
              "(p/(1−p) = {vf}) and E[y²] is {m2} times the eval value (1/(1−p) = {sf}).",
        "ko": "분산은 유지하지 못합니다. p = {p}에서 유닛마다 분산이 {v} x²(p/(1−p) = {vf})이고, "
              "E[y²]는 평가 때의 {m2}배입니다(1/(1−p) = {sf}).",
    },
    "dr_unscaled_line": {
        "en": "Without the 1/(1−p) scaling, training sees {u} of the activation at p = {p}, but "
              "eval passes it whole: the next layer gets {mis} times the input it was trained "
              "on. Either scale by 1/(1−p) in training or multiply by 1−p at test time "
              "(Srivastava et al. 2014), never neither.",
        "ko": "1/(1−p) 스케일링이 없으면 p = {p}에서 학습 때는 활성값의 {u}만 보이는데 평가 때는 "
              "그대로 통과하므로, 다음 층이 학습 때의 {mis}배인 입력을 받습니다. 학습 때 "
              "1/(1−p)로 키우거나 테스트 때 1−p를 곱해야 하며(Srivastava et al. 2014), 둘 다 "
              "빼면 안 됩니다.",
    },
    "dr_zero_line": {
        "en": "At p = 0 nothing is dropped: training and eval are the same function.",
        "ko": "p = 0이면 아무것도 버리지 않으므로 학습과 평가가 같은 함수입니다.",
    },
    "dr_eval": {
        "en": "Eval mode is the identity (y = x): model.eval() turns dropout off.",
        "ko": "평가 모드는 항등 함수(y = x)입니다. model.eval()이 드롭아웃을 끕니다.",
    },
}, fallback=R.T)


T = OWN  # this demo's strings, then the ones every demo shares


def render(console, r, *, lang: str, ascii_only: bool = False, width: int | None = None) -> None:
    """Print one `quiz demo dropout` result."""
    R.title(console, T("dr_title", lang, units=r.units, xm=fmt(r.x_mean, 3), draws=r.draws,
                      seed=r.seed))
    table = R.table(T("dr_table", lang), ascii_only)
    table.caption = T("dr_caption", lang)
    table.caption_justify = "left"
    for key in ("dr_p", "dr_scale", "dr_kept", "dr_mean", "dr_var", "dr_var_f", "dr_m2",
                "dr_unscaled"):
        table.add_column(T(key, lang), justify="right")
    for row in r.rows:
        table.add_row(fmt(row.p), fmt(row.scale, 4), fmt(row.kept, 4), fmt(row.mean_ratio, 4),
                      fmt(row.var_ratio, 4), fmt(row.var_formula, 4),
                      fmt(row.second_moment_ratio, 4), fmt(row.unscaled_ratio, 4))
    R.print_table(console, table)
    R.title(console, T("conclusion", lang))
    R.print_lines(console, conclusion(r, lang))
    console.print(R.dim(T("dr_eval", lang)))
    R.cited(console, r.cited_by, lang)


def conclusion(r, lang: str) -> list[str]:
    """The sentences, from the numbers of this run."""
    lines = []
    dropping = [row for row in r.rows if row.p > 0]
    if not dropping:
        return [T("dr_zero_line", lang)]
    z = max(abs(row.mean_ratio - 1) / row.mean_se for row in dropping)
    lines.append(T("dr_mean_line", lang, draws=r.draws,
                   lo=fmt(min(row.mean_ratio for row in dropping), 4),
                   hi=fmt(max(row.mean_ratio for row in dropping), 4), z=fmt(z, 2)))
    big = dropping[-1]  # the largest p
    lines.append(T("dr_var_line", lang, p=fmt(big.p), v=fmt(big.var_ratio, 3),
                   vf=fmt(big.var_formula, 3), m2=fmt(big.second_moment_ratio, 3),
                   sf=fmt(big.scale, 3)))
    lines.append(T("dr_unscaled_line", lang, p=fmt(big.p), u=fmt(big.unscaled_ratio, 3),
                   mis=fmt(big.eval_over_train_unscaled, 3)))
    return lines
