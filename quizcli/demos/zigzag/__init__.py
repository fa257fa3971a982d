"""`quiz demo zigzag`: same-sign updates and the zig-zag path of one unit with all-positive
inputs (LeCun et al. 1998, §4.3)."""

from __future__ import annotations

from ..spec import ACTIVATIONS_HELP, DemoSpec, Option, compute_names

_SUMMARY = {
    "en": "One unit fed all-positive (sigmoid) vs zero-centred (tanh) inputs: same-sign weight "
          "updates, the zig-zag weight path and the steps to converge (LeCun et al. 1998, §4.3).",
    "ko": "입력이 모두 양수(sigmoid 출력)인 유닛과 0 중심(tanh 출력)인 유닛: 부호가 같은 가중치 "
          "업데이트, 지그재그 경로, 수렴까지의 스텝 수(LeCun et al. 1998, §4.3).",
}

SPEC = DemoSpec(
    name="zigzag",
    summary=_SUMMARY,
    help=_SUMMARY,
    examples=("quiz demo zigzag --lr 1",),
    options=(
        Option("activations", "activations", ("sigmoid", "tanh"),
               {"en": "Activations whose outputs feed the unit. " + ACTIVATIONS_HELP["en"],
                "ko": "출력이 유닛의 입력이 되는 활성화 함수. " + ACTIVATIONS_HELP["ko"]},
               metavar="NAMES"),
        Option("lr", "float", 0.5, {"en": "SGD learning rate (one sample per step).",
                                    "ko": "SGD 학습률(스텝마다 샘플 하나)."}, metavar="LR"),
        Option("tol", "float", 0.01, {"en": "Converged when ‖w − w*‖ ≤ T·‖w*‖.",
                                      "ko": "‖w − w*‖ ≤ T·‖w*‖이면 수렴한 것으로 봅니다."},
               metavar="T"),
        Option("max_steps", "int", 20000, {"en": "Give up after N steps.",
                                           "ko": "N 스텝이 지나면 멈춥니다."}, metavar="N"),
    ),
    compute="quizcli.demos.zigzag.compute:run",
    render="quizcli.demos.zigzag.render:render",
    order=40,
)


__getattr__ = compute_names(__name__)
