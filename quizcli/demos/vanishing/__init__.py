"""`quiz demo vanishing`: gradient norms layer by layer through a deep MLP (compute.py has the
method and its sources; render.py the table, chart and conclusion)."""

from __future__ import annotations

from ..spec import ACTIVATIONS_HELP, DemoSpec, Option, compute_names

SPEC = DemoSpec(
    name="vanishing",
    summary={
        "en": "Gradient norms layer by layer through a deep MLP: how the activation and the init "
              "make them vanish, hold or explode.",
        "ko": "깊은 MLP에서 층별 기울기 크기: 활성화 함수와 초기화에 따라 기울기가 소실되는지, "
              "유지되는지, 폭발하는지 보여 줍니다.",
    },
    help={
        "en": "Gradient norms layer by layer through a deep MLP: how the activation and the init "
              "make them vanish, hold or explode.",
        "ko": "깊은 MLP에서 층별 기울기 크기: 활성화 함수와 초기화에 따라 기울기가 소실되는지, "
              "유지되는지, 폭발하는지 보여 줍니다.",
    },
    examples=("quiz demo vanishing --depth 20 --activations sigmoid,relu --init he",),
    options=(
        Option("depth", "int", 20, {"en": "Number of layers (2 … 100000).",
                                    "ko": "층 수(2 … 100000)."}, metavar="L"),
        Option("units", "int", 64, {"en": "Units per layer (was --width).", "ko": "층당 유닛 수(예전 --width)."},
               metavar="N", dest="width", deprecated=("--width",)),
        Option("batch", "int", 128, {"en": "Inputs per batch.", "ko": "배치당 입력 수."},
               metavar="B"),
        Option("activations", "activations", ("sigmoid", "tanh", "relu", "leaky_relu"),
               ACTIVATIONS_HELP, metavar="NAMES"),
        Option("init", "init", "lecun",
               {"en": "Weights: lecun (Var W = 1/fan_in, the default), he (2/fan_in), "
                      "xavier (uniform, 2/(fan_in+fan_out)) or normal:STD.",
                "ko": "가중치 초기화: lecun(Var W = 1/fan_in, 기본값), he(2/fan_in), "
                      "xavier(균등 분포, 2/(fan_in+fan_out)) 또는 normal:STD."},
               metavar="INIT"),
        Option("every", "int", None,
               {"en": "Show every K-th layer (and the first and last) (default: about 20 rows).",
                "ko": "K번째 층마다 보여 줍니다(첫 층과 마지막 층 포함) (기본값: 약 20행)."},
               metavar="K"),
    ),
    compute="quizcli.demos.vanishing.compute:run",
    render="quizcli.demos.vanishing.render:render",
    order=10,
)


__getattr__ = compute_names(__name__)
