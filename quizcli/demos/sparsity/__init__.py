"""`quiz demo sparsity`: exact zeros per layer at initialization and the multiply-adds a
zero-skipping kernel could skip."""

from __future__ import annotations

from ..spec import ACTIVATIONS_HELP, DemoSpec, Option, compute_names

_SUMMARY = {
    "en": "Exact zeros per layer on random inputs (ReLU ≈ ½ at init) and the multiply-adds a "
          "zero-skipping kernel could skip in the next layer.",
    "ko": "랜덤 입력에서 층별로 정확히 0인 출력의 비율(초기화 직후 ReLU ≈ ½)과, 0을 건너뛰는 "
          "커널이 다음 층에서 생략할 수 있는 곱셈-덧셈의 비율.",
}

SPEC = DemoSpec(
    name="sparsity",
    summary=_SUMMARY,
    help=_SUMMARY,
    examples=("quiz demo sparsity --activations relu,gelu --depth 3",),
    options=(
        Option("depth", "int", 5, {"en": "Number of layers.", "ko": "층 수."}, metavar="L"),
        Option("units", "int", 256, {"en": "Units per layer (was --width).", "ko": "층당 유닛 수(예전 --width)."},
               metavar="N", dest="width", deprecated=("--width",)),
        Option("batch", "int", 256, {"en": "Inputs per batch.", "ko": "배치당 입력 수."},
               metavar="B"),
        Option("activations", "activations", ("relu", "leaky_relu", "gelu", "tanh"),
               ACTIVATIONS_HELP, metavar="NAMES"),
        Option("init", "init", "he",
               {"en": "Weights: he (the default), lecun, xavier or normal:STD.",
                "ko": "가중치 초기화: he(기본값), lecun, xavier 또는 normal:STD."},
               metavar="INIT"),
    ),
    compute="quizcli.demos.sparsity.compute:run",
    render="quizcli.demos.sparsity.render:render",
    order=20,
)


__getattr__ = compute_names(__name__)
