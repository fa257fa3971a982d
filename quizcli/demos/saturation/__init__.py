"""`quiz demo saturation`: how small f′ gets away from 0, and from where on it is tiny."""

from __future__ import annotations

from ..spec import ACTIVATIONS_HELP, DemoSpec, Option, compute_names

_SUMMARY = {
    "en": "Derivatives of sigmoid, tanh (or any activation) at |x| = 0, 2, 5, 10, 20, and "
          "where |f′| falls below 1e-2, 1e-4 and 1e-8.",
    "ko": "|x| = 0, 2, 5, 10, 20에서 sigmoid·tanh(또는 지정한 활성화 함수)의 도함수와, "
          "|f′|가 1e-2, 1e-4, 1e-8 아래로 떨어지는 지점.",
}

SPEC = DemoSpec(
    name="saturation",
    summary=_SUMMARY,
    help=_SUMMARY,
    examples=("quiz demo saturation --activations sigmoid,tanh,gelu",),
    options=(
        Option("activations", "activations", ("sigmoid", "tanh"), ACTIVATIONS_HELP,
               metavar="NAMES"),
        Option("points", "floats", None,
               {"en": "|x| values for the table (default: 0,2,5,10,20).",
                "ko": "표에 넣을 |x| 값(기본값: 0,2,5,10,20)."},
               min=0.0, max=1e6, metavar="X,Y,…"),
    ),
    compute="quizcli.demos.saturation.compute:run",
    render="quizcli.demos.saturation.render:render",
    order=60,
)


__getattr__ = compute_names(__name__)
