"""`quiz demo optimizers`: SGD, momentum, Nesterov, RMSprop, Adam and AdamW on an
ill-conditioned quadratic or Rosenbrock's valley (compute.py has the update rules, as
torch.optim applies them, and the sources; render.py the tables, chart and conclusion)."""

from __future__ import annotations

from ..spec import DemoSpec, Option, compute_names

_SUMMARY = {
    "en": "SGD, momentum, Nesterov, RMSprop, Adam and AdamW on an ill-conditioned quadratic or "
          "Rosenbrock: steps to converge, the zig-zag momentum damps, Adam's bias correction, "
          "AdamW vs Adam + L2.",
    "ko": "SGD, 모멘텀, Nesterov, RMSprop, Adam, AdamW를 조건수가 나쁜 이차 함수나 Rosenbrock "
          "함수에서 비교합니다: 수렴까지의 스텝 수, 모멘텀이 줄이는 지그재그, Adam의 편향 보정, "
          "AdamW와 Adam + L2의 차이.",
}

SPEC = DemoSpec(
    name="optimizers",
    summary=_SUMMARY,
    help=_SUMMARY,
    examples=("quiz demo optimizers --condition 1000",
              "quiz demo optimizers --problem rosenbrock --steps 10000"),
    options=(
        Option("problem", "choice", "quadratic",
               {"en": "quadratic: ½(x−1)² + ½κ(y−1)² from (−4, 1.5); rosenbrock: "
                      "(1−x)² + 100(y−x²)² from (−1.2, 1).",
                "ko": "quadratic: (−4, 1.5)에서 시작하는 ½(x−1)² + ½κ(y−1)², rosenbrock: "
                      "(−1.2, 1)에서 시작하는 (1−x)² + 100(y−x²)²."},
               choices=("quadratic", "rosenbrock")),
        Option("optimizers", "str", "sgd,momentum,nesterov,rmsprop,adam,adamw",
               {"en": "Comma-separated optimizers: sgd, momentum, nesterov, rmsprop, adam, adamw.",
                "ko": "쉼표로 구분한 옵티마이저: sgd, momentum, nesterov, rmsprop, adam, adamw."},
               metavar="NAMES"),
        Option("steps", "int", 2000,
               {"en": "Most steps per optimizer (1 … 20000; 20000 takes about 2 s).",
                "ko": "옵티마이저당 최대 스텝 수(1 … 20000, 20000이면 약 2초)."},
               min=1, max=20000, metavar="N"),
        Option("lr", "float", None,
               {"en": "One learning rate for every optimizer, 0 < LR ≤ 10 (default: each its "
                      "own: SGD 2/(λmin+λmax), momentum and Nesterov 1/λmax, RMSprop/Adam/AdamW "
                      "0.1, RMSprop 0.01 on rosenbrock).",
                "ko": "모든 옵티마이저에 쓸 학습률 하나, 0 < LR ≤ 10 (기본값: 옵티마이저마다 따로. "
                      "SGD 2/(λmin+λmax), 모멘텀과 Nesterov 1/λmax, RMSprop/Adam/AdamW 0.1, "
                      "rosenbrock에서 RMSprop은 0.01)."},
               metavar="LR"),
        Option("tol", "float", 0.001,
               {"en": "Converged when ‖p − p*‖ ≤ T × the start's distance (0 < T < 1).",
                "ko": "‖p − p*‖가 시작점 거리의 T배 이하가 되면 수렴한 것으로 봅니다(0 < T < 1)."},
               metavar="T"),
        Option("condition", "float", 100.0,
               {"en": "Condition number κ of the quadratic (1 … 1e6).",
                "ko": "이차 함수의 조건수 κ(1 … 1e6)."},
               min=1, max=1e6, metavar="K"),
        Option("momentum", "float", 0.9,
               {"en": "Momentum μ of SGD+momentum and Nesterov (0 ≤ μ < 1).",
                "ko": "SGD+모멘텀과 Nesterov의 모멘텀 계수 μ(0 ≤ μ < 1)."},
               metavar="MU"),
        Option("weight_decay", "float", 0.01,
               {"en": "Weight decay λ of AdamW and of the AdamW vs Adam + L2 comparison (0 … 1).",
                "ko": "AdamW와 'AdamW 대 Adam + L2' 비교에 쓰는 가중치 감쇠 λ(0 … 1)."},
               min=0, max=1, metavar="WD"),
    ),
    compute="quizcli.demos.optimizers.compute:run",
    render="quizcli.demos.optimizers.render:render",
    order=70,
)


__getattr__ = compute_names(__name__)
