"""`quiz demo kink`: one-sided slopes, framework conventions, exact zeros and the conclusion, in
both languages."""

from __future__ import annotations

from ...i18n import Catalog
from ...render import demos as R
from ...render.numbers import fmt

OWN = Catalog({
    "kk_title": {
        "en": "Kinks: one-sided slopes with h = 2⁻²⁰ (exact for piecewise-linear functions)",
        "ko": "꺾인 점(kink): h = 2⁻²⁰로 잰 좌·우 기울기(구간별 선형 함수에서는 정확한 값)",
    },
    "kk_left": {"en": "left", "ko": "왼쪽"},
    "kk_right": {"en": "right", "ko": "오른쪽"},
    "kk_central": {"en": "central", "ko": "중앙 차분"},
    "kk_sub": {"en": "subgradients", "ko": "서브그래디언트"},
    "kk_clarke": {"en": "{interval} (Clarke)", "ko": "{interval} (Clarke)"},
    "kk_autograd": {"en": "autograd", "ko": "자동 미분"},
    "kk_caption": {
        "en": "left/right: (f(x) − f(x−h))/h and (f(x+h) − f(x))/h; central: (f(x+h) − f(x−h))/2h; "
              "autograd: the f′(x) PyTorch uses.",
        "ko": "왼쪽/오른쪽: (f(x) − f(x−h))/h, (f(x+h) − f(x))/h; 중앙 차분: (f(x+h) − f(x−h))/2h; "
              "자동 미분: PyTorch가 쓰는 f′(x).",
    },
    "kk_fw_title": {
        "en": "ReLU′(0) in the frameworks (PyTorch measured with 2.13; TensorFlow and JAX as "
              "documented)",
        "ko": "프레임워크별 ReLU′(0) (PyTorch는 2.13에서 측정, TensorFlow와 JAX는 문서 기준)",
    },
    "kk_framework": {"en": "framework", "ko": "프레임워크"},
    "kk_call": {"en": "call", "ko": "호출"},
    "kk_value": {"en": "ReLU′(0)", "ko": "ReLU′(0)"},
    "kk_note": {"en": "note", "ko": "비고"},
    "kk_note_jax": {"en": "0.5 before 2020 (jax PR #2342)", "ko": "2020년 이전에는 0.5 (jax PR #2342)"},
    "kk_note_maximum": {"en": "the gradient is split between the two equal arguments",
                        "ko": "두 인자가 같으면 기울기를 반씩 나눔"},
    "kk_note_clamp": {"en": "the boundary counts as inside the range",
                      "ko": "경곗값을 범위 안으로 취급"},
    "kk_zeros": {
        "en": "Among {n} float32 pre-activations z of a random {depth}-layer ReLU network "
              "(width {width}, He init, N(0, 1) inputs), {pre} are exactly 0; {post} ({share}) "
              "of its ReLU outputs are exactly 0 (z < 0).",
        "ko": "랜덤 {depth}층 ReLU 네트워크(너비 {width}, He 초기화, N(0, 1) 입력)의 float32 "
              "사전 활성값 z {n}개 중 정확히 0인 것은 {pre}개입니다. 반면 ReLU 출력은 {post}개"
              "({share})가 정확히 0입니다(z < 0).",
    },
    "kk_relu": {
        "en": "ReLU is not differentiable at 0: its one-sided slopes are {left} and {right}. "
              "Every value in [{lo}, {hi}] is a subgradient there; the central difference gives "
              "{central}; PyTorch, TensorFlow and JAX use {conv}. With {pre} exact zeros among "
              "{n} pre-activations the choice almost never matters. Backward through ReLU is a "
              "mask: pass the upstream gradient where z > 0, zero elsewhere.",
        "ko": "ReLU는 0에서 미분할 수 없습니다. 왼쪽 기울기는 {left}, 오른쪽 기울기는 {right}로 "
              "서로 다릅니다. [{lo}, {hi}] 사이의 모든 값이 그 점의 서브그래디언트이고, 중앙 차분은 "
              "{central}, PyTorch·TensorFlow·JAX가 쓰는 값은 {conv}입니다. 사전 활성값 {n}개 중 "
              "정확히 0인 것이 {pre}개이므로 이 선택이 결과를 바꾸는 일은 거의 없습니다. ReLU의 "
              "역전파는 마스크입니다: z > 0인 곳에서만 위에서 온 기울기를 통과시키고 나머지는 "
              "0으로 만듭니다.",
    },
    "kk_row": {
        "en": "{act} at x = {x}: slopes {left} (left) and {right} (right), central difference "
              "{central}; autograd uses {conv}.",
        "ko": "{act}의 x = {x}: 왼쪽 기울기 {left}, 오른쪽 기울기 {right}, 중앙 차분 {central}; "
              "자동 미분이 쓰는 값은 {conv}입니다.",
    },
    "kk_smooth": {"en": "{acts}: smooth, no kink (f′ is continuous everywhere).",
                  "ko": "{acts}: 매끄러운 함수라 꺾인 점이 없습니다(f′가 모든 점에서 연속)."},
}, fallback=R.T)


T = OWN  # this demo's strings, then the ones every demo shares


def render(console, r, *, lang: str, ascii_only: bool = False, width: int | None = None) -> None:
    """Print one `quiz demo kink` result (`width` is the console's; charts follow it)."""
    lines = []
    if r.rows:
        table = R.table(T("kk_title", lang), ascii_only)
        for key in ("activation", "x", "f(x)", "kk_left", "kk_right", "kk_central", "kk_sub",
                    "kk_autograd"):
            label = key if key in ("x", "f(x)") else T(key, lang)
            table.add_column(label, justify="left" if key == "activation" else "right")
        for row in r.rows:
            interval = f"[{fmt(row.interval[0])}, {fmt(row.interval[1])}]"
            if not row.convex:
                interval = T("kk_clarke", lang, interval=interval)
            table.add_row(row.activation, fmt(row.x), fmt(row.value), fmt(row.left),
                          fmt(row.right), fmt(row.central), interval, fmt(row.convention))
        table.caption = T("kk_caption", lang)
        table.caption_justify = "left"
        R.print_table(console, table)
    if r.conventions:
        fw = R.table(T("kk_fw_title", lang), ascii_only)
        for key in ("kk_framework", "kk_call", "kk_value", "kk_note"):
            fw.add_column(T(key, lang), justify="right" if key == "kk_value" else "left")
        for c in r.conventions:
            note_key = f"kk_note_{c.key}"
            note = T(note_key, lang) if note_key in OWN.strings else ""
            fw.add_row(c.framework, c.call, fmt(c.value), note)
        R.print_table(console, fw)
    z = r.zeros
    R.print_lines(console, [T("kk_zeros", lang, n=f"{z.samples:,}", depth=z.depth, width=z.width,
                             pre=f"{z.exact_zero_pre:,}", post=f"{z.exact_zero_post:,}",
                             share=R.pct(z.exact_zero_post / z.samples))])

    R.title(console, T("conclusion", lang))
    for row in r.rows:
        if row.activation == "relu" and row.x == 0:
            lines.append(T("kk_relu", lang, left=fmt(row.left), right=fmt(row.right),
                           lo=fmt(row.interval[0]), hi=fmt(row.interval[1]),
                           central=fmt(row.central), conv=fmt(row.convention),
                           pre=f"{z.exact_zero_pre:,}", n=f"{z.samples:,}"))
        else:
            lines.append(T("kk_row", lang, act=row.activation, x=fmt(row.x), left=fmt(row.left),
                           right=fmt(row.right), central=fmt(row.central),
                           conv=fmt(row.convention)))
    if r.smooth:
        lines.append(T("kk_smooth", lang, acts=", ".join(r.smooth)))
    R.print_lines(console, lines)
    R.cited(console, r.cited_by, lang)
