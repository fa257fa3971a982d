"""`quiz demo sparsity`: the zero-share table and the conclusion, in both languages."""

from __future__ import annotations

from ...i18n import Catalog
from ...render import demos as R

OWN = Catalog({
    "sp_title": {
        "en": "Exact zeros at initialization: depth {depth}, width {width}, batch {batch} "
              "(N = {n} outputs per layer), {init} init, seed {seed}",
        "ko": "초기화 직후의 정확한 0: 깊이 {depth}, 너비 {width}, 배치 {batch} "
              "(층당 출력 N = {n}개), {init} 초기화, 시드 {seed}",
    },
    "sp_table": {"en": "Share of outputs that are exactly 0.0", "ko": "정확히 0.0인 출력의 비율"},
    "sp_zeros": {"en": "{act}", "ko": "{act}"},
    "sp_always": {"en": "{act}: dead on batch", "ko": "{act}: 배치 전체 0"},
    "sp_exact": {
        "en": "{act}: {first} of layer-1 outputs are exactly 0 (expected ½ ± 3/√N = ±{band}), "
              "{mean} on average over {depth} layers. A zero-skipping kernel could skip that "
              "share of the next layer's multiply-adds; a dense matmul (BLAS, cuBLAS) "
              "multiplies the zeros anyway.",
        "ko": "{act}: 1층 출력의 {first}가 정확히 0입니다(기댓값 ½ ± 3/√N = ±{band}). {depth}개 "
              "층 평균은 {mean}입니다. 0을 건너뛰는 커널이라면 다음 층 곱셈-덧셈 중 그만큼을 "
              "생략할 수 있지만, 일반 밀집 행렬곱(BLAS, cuBLAS)은 0도 그대로 곱합니다.",
    },
    "sp_dead": {
        "en": "  {share} of layer-{layer} units are 0 for all {batch} inputs (dead on this batch).",
        "ko": "  {layer}층 유닛의 {share}는 입력 {batch}개 모두에서 0입니다(이 배치에서는 죽은 유닛).",
    },
    "sp_none": {
        "en": "{acts}: no exact zeros ({mean} on average): small outputs are still not 0, so "
              "there is nothing to skip.",
        "ko": "{acts}: 정확히 0인 출력이 없습니다(평균 {mean}). 작은 값이어도 0은 아니라서 "
              "건너뛸 것이 없습니다.",
    },
    "sp_deeper": {
        "en": "Deeper layers scatter more around ½: their inputs are ≥ 0, so each unit's sign "
              "depends on w·mean(h), not on the input alone.",
        "ko": "깊은 층일수록 ½ 주변으로 더 흩어집니다. 입력이 0 이상이라 각 유닛의 부호가 "
              "입력보다 w·mean(h)에 좌우되기 때문입니다.",
    },
}, fallback=R.T)


T = OWN  # this demo's strings, then the ones every demo shares


def render(console, r, *, lang: str, ascii_only: bool = False, width: int | None = None) -> None:
    """Print one `quiz demo sparsity` result (`width` is the console's; charts follow it)."""
    R.title(console, T("sp_title", lang, depth=r.depth, width=r.width, batch=r.batch,
                      n=f"{r.samples_per_layer:,}", init=r.init.label, seed=r.seed))
    table = R.table(T("sp_table", lang), ascii_only)
    table.add_column(T("layer", lang), justify="right")
    for run in r.runs:
        table.add_column(T("sp_zeros", lang, act=run.activation), justify="right")
        if run.exact_zeros:
            table.add_column(T("sp_always", lang, act=run.activation), justify="right")
    for i in range(r.depth):
        cells = []
        for run in r.runs:
            cells.append(R.pct(run.layers[i].zero_share))
            if run.exact_zeros:
                cells.append(R.pct(run.layers[i].never_active))
        table.add_row(str(i + 1), *cells)
    R.print_table(console, table)

    R.title(console, T("conclusion", lang))
    lines = []
    without = []
    for run in r.runs:
        if run.mean_zero_share > 0:
            lines.append(T("sp_exact", lang, act=run.activation, first=R.pct(run.layers[0].zero_share),
                           band=R.pct(r.band), mean=R.pct(run.mean_zero_share), depth=r.depth))
            worst = max(run.layers, key=lambda s: s.never_active)
            if worst.never_active > 0:
                lines.append(T("sp_dead", lang, share=R.pct(worst.never_active), layer=worst.layer,
                               batch=r.batch))
        else:
            without.append(run)
    if without:
        mean = sum(x.mean_zero_share for x in without) / len(without)
        lines.append(T("sp_none", lang, acts=", ".join(x.activation for x in without),
                       mean=R.pct(mean)))
    if r.depth > 1 and any(run.mean_zero_share > 0 for run in r.runs):
        lines.append(T("sp_deeper", lang))
    R.print_lines(console, lines)
    R.cited(console, r.cited_by, lang)
