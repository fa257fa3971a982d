"""`quiz demo kink`: ReLU at 0: one-sided slopes, subgradients, framework conventions, exact
zeros."""

from __future__ import annotations

from ..spec import ACTIVATIONS_HELP, DemoSpec, Option, compute_names

_SUMMARY = {
    "en": "ReLU at 0: one-sided derivatives, the central difference (0.5), the subgradient "
          "[0, 1], what frameworks use, and how rarely z is exactly 0.",
    "ko": "0에서의 ReLU: 좌·우 미분, 중앙 차분(0.5), 서브그래디언트 [0, 1], 프레임워크가 쓰는 "
          "값, 그리고 z가 정확히 0이 되는 일이 얼마나 드문지.",
}

SPEC = DemoSpec(
    name="kink",
    summary=_SUMMARY,
    help=_SUMMARY,
    examples=("quiz demo kink --activations relu,leaky_relu,relu6",),
    options=(
        Option("activations", "activations", ("relu",), ACTIVATIONS_HELP, metavar="NAMES"),
        Option("samples", "int", 1_000_000,
               {"en": "Float32 pre-activations to check for exact zeros.",
                "ko": "정확히 0인지 확인할 float32 사전 활성값의 개수."}, metavar="N"),
    ),
    compute="quizcli.demos.kink.compute:run",
    render="quizcli.demos.kink.render:render",
    order=50,
)


__getattr__ = compute_names(__name__)
