"""`quiz demo conv`: output size, parameters, multiply–accumulates and receptive field of a
conv/pool stack written on the command line (compute.py has the grammar and the formulas;
render.py the table and conclusion)."""

from __future__ import annotations

from ..spec import DemoSpec, Option, compute_names

GRAMMAR = {
    "en": "Layers, comma-separated: convK or poolK (max) or avgpoolK, then any of sS (stride), "
          "pP (padding), dD (dilation), cC (output channels, conv only), e.g. "
          "conv7s2p3c64,pool3s2p1,conv3p1. Defaults as PyTorch: conv s1 p0 d1 and C = its "
          "input channels; pool stride = K, p0 d1. At most 64 layers; K, S, D ≤ 1024, "
          "P ≤ 4096, C ≤ 100000.",
    "ko": "층을 쉼표로 구분해 씁니다. convK, poolK(최대 풀링), avgpoolK 뒤에 sS(스트라이드), "
          "pP(패딩), dD(팽창), cC(출력 채널, conv만)를 붙입니다. 예: conv7s2p3c64,pool3s2p1,"
          "conv3p1. 기본값은 PyTorch와 같습니다. conv는 s1 p0 d1, C는 입력 채널 수, pool은 "
          "스트라이드 = K, p0 d1. 층은 최대 64개, K·S·D ≤ 1024, P ≤ 4096, C ≤ 100000.",
}

_SUMMARY = {
    "en": "Output size, parameter count, multiply–accumulates and receptive field, layer by "
          "layer, for a conv/pool stack you write, e.g. --layers conv7s2p3,pool3s2,conv3,conv3.",
    "ko": "직접 적은 합성곱/풀링 층 스택의 층별 출력 크기, 파라미터 수, 곱셈-누산 횟수, "
          "수용 영역을 계산합니다. 예: --layers conv7s2p3,pool3s2,conv3,conv3.",
}

SPEC = DemoSpec(
    name="conv",
    summary=_SUMMARY,
    help={"en": _SUMMARY["en"] + " Output size: ⌊(n + 2p − d(k − 1) − 1)/s⌋ + 1. " + GRAMMAR["en"],
          "ko": _SUMMARY["ko"] + " 출력 크기: ⌊(n + 2p − d(k − 1) − 1)/s⌋ + 1. " + GRAMMAR["ko"]},
    examples=('quiz demo conv --input 224 --layers "conv7s2p3,pool3s2,conv3,conv3"',),
    options=(
        Option("input", "int", 224, {"en": "Input height = width in pixels, 1 … 100000.",
                                     "ko": "입력 높이 = 너비(픽셀), 1 … 100000."},
               min=1, max=100_000, metavar="N"),
        Option("channels", "int", 3, {"en": "Input channels, 1 … 100000.",
                                      "ko": "입력 채널 수, 1 … 100000."},
               min=1, max=100_000, metavar="C"),
        Option("layers", "str", "conv7s2p3c64,pool3s2p1,conv3p1,conv3p1", GRAMMAR,
               metavar="SPEC"),
    ),
    compute="quizcli.demos.conv.compute:run",
    render="quizcli.demos.conv.render:render",
    order=120,
)


__getattr__ = compute_names(__name__)
