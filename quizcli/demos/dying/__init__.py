"""`quiz demo dying`: dead units while a small MLP trains with SGD."""

from __future__ import annotations

from ..spec import ACTIVATIONS_HELP, DemoSpec, Option, compute_names

_SUMMARY = {
    "en": "Train a small MLP with SGD: the share of dead units over training for relu vs "
          "leaky_relu and elu, and the exactly-zero gradients of a dead ReLU unit.",
    "ko": "작은 MLP를 SGD로 학습하면서 relu와 leaky_relu·elu의 죽은 유닛 비율을 비교하고, "
          "죽은 ReLU 유닛의 기울기가 정확히 0임을 확인합니다.",
}

SPEC = DemoSpec(
    name="dying",
    summary=_SUMMARY,
    help=_SUMMARY,
    examples=("quiz demo dying --lr 0.1 --bias 0",),
    options=(
        Option("lr", "float", 0.02, {"en": "SGD learning rate.", "ko": "SGD 학습률."},
               metavar="LR"),
        Option("bias", "float", -2.0,
               {"en": "Initial bias of every hidden unit (negative: towards dead).",
                "ko": "모든 은닉 유닛의 편향 초깃값(음수일수록 죽기 쉬움)."}, metavar="B"),
        Option("steps", "int", 1000, {"en": "SGD steps (mini-batches of 32).",
                                      "ko": "SGD 스텝 수(미니배치 32)."}, metavar="N"),
        Option("units", "int", 64, {"en": "Units per hidden layer (2 layers; was --width).",
                                    "ko": "은닉층당 유닛 수(은닉층 2개, 예전 --width)."},
               metavar="N", dest="width", deprecated=("--width",)),
        Option("activations", "activations", ("relu", "leaky_relu", "elu"), ACTIVATIONS_HELP,
               metavar="NAMES"),
        Option("every", "int", None,
               {"en": "Count dead units every K steps (default: steps/20).",
                "ko": "K 스텝마다 죽은 유닛을 셉니다(기본값: 스텝 수/20)."}, metavar="K"),
    ),
    compute="quizcli.demos.dying.compute:run",
    render="quizcli.demos.dying.render:render",
    order=30,
)


__getattr__ = compute_names(__name__)
