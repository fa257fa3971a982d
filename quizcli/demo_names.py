"""Demo names and the shape of a demo command line, as plain data (no NumPy).

The one place the demo names live: `quiz demo` (quizcli/demos/), the linter's check of
`see.demo` lines in question files, and shell completion all read DEMO_NAMES from here.
"""

from __future__ import annotations

import re

DEMO_NAMES: tuple[str, ...] = ("vanishing", "sparsity", "dying", "zigzag", "kink", "saturation")

# One line per demo for `quiz demo` (the listing) and `quiz demo NAME --help`.
DESCRIPTIONS: dict[str, dict[str, str]] = {
    "vanishing": {
        "en": "Gradient norms layer by layer through a deep MLP: how the activation and the init "
              "make them vanish, hold or explode.",
        "ko": "깊은 MLP에서 층별 기울기 크기: 활성화 함수와 초기화에 따라 기울기가 소실되는지, "
              "유지되는지, 폭발하는지 보여 줍니다.",
    },
    "sparsity": {
        "en": "Exact zeros per layer on random inputs (ReLU ≈ ½ at init) and the multiply-adds a "
              "zero-skipping kernel could skip in the next layer.",
        "ko": "랜덤 입력에서 층별로 정확히 0인 출력의 비율(초기화 직후 ReLU ≈ ½)과, 0을 건너뛰는 "
              "커널이 다음 층에서 생략할 수 있는 곱셈-덧셈의 비율.",
    },
    "dying": {
        "en": "Train a small MLP with SGD: the share of dead units over training for relu vs "
              "leaky_relu and elu, and the exactly-zero gradients of a dead ReLU unit.",
        "ko": "작은 MLP를 SGD로 학습하면서 relu와 leaky_relu·elu의 죽은 유닛 비율을 비교하고, "
              "죽은 ReLU 유닛의 기울기가 정확히 0임을 확인합니다.",
    },
    "zigzag": {
        "en": "One unit fed all-positive (sigmoid) vs zero-centred (tanh) inputs: same-sign weight "
              "updates, the zig-zag weight path and the steps to converge (LeCun et al. 1998, §4.3).",
        "ko": "입력이 모두 양수(sigmoid 출력)인 유닛과 0 중심(tanh 출력)인 유닛: 부호가 같은 가중치 "
              "업데이트, 지그재그 경로, 수렴까지의 스텝 수(LeCun et al. 1998, §4.3).",
    },
    "kink": {
        "en": "ReLU at 0: one-sided derivatives, the central difference (0.5), the subgradient "
              "[0, 1], what frameworks use, and how rarely z is exactly 0.",
        "ko": "0에서의 ReLU: 좌·우 미분, 중앙 차분(0.5), 서브그래디언트 [0, 1], 프레임워크가 쓰는 "
              "값, 그리고 z가 정확히 0이 되는 일이 얼마나 드문지.",
    },
    "saturation": {
        "en": "Derivatives of sigmoid, tanh (or any activation) at |x| = 0, 2, 5, 10, 20, and "
              "where |f′| falls below 1e-2, 1e-4 and 1e-8.",
        "ko": "|x| = 0, 2, 5, 10, 20에서 sigmoid·tanh(또는 지정한 활성화 함수)의 도함수와, "
              "|f′|가 1e-2, 1e-4, 1e-8 아래로 떨어지는 지점.",
    },
}

# One runnable example per demo (the listing, --help epilogs and the README use these).
EXAMPLES: dict[str, str] = {
    "vanishing": "vanishing --depth 20 --activations sigmoid,relu --init he",
    "sparsity": "sparsity --activations relu,gelu --depth 3",
    "dying": "dying --lr 0.1 --bias 0",
    "zigzag": "zigzag --lr 1",
    "kink": "kink --activations relu,leaky_relu,relu6",
    "saturation": "saturation --activations sigmoid,tanh,gelu",
}

# The options each demo takes a value for (flags such as --json are not command-line content
# for `see.demo`). A test checks this table against the `quiz demo` commands.
DEMO_OPTIONS: dict[str, tuple[str, ...]] = {
    "vanishing": ("--depth", "--width", "--batch", "--activations", "--init", "--every",
                  "--seed", "--lang"),
    "sparsity": ("--depth", "--width", "--batch", "--activations", "--init", "--seed", "--lang"),
    "dying": ("--lr", "--bias", "--steps", "--width", "--activations", "--every", "--seed",
              "--lang"),
    "zigzag": ("--activations", "--lr", "--tol", "--max-steps", "--seed", "--lang"),
    "kink": ("--activations", "--samples", "--seed", "--lang"),
    "saturation": ("--activations", "--points", "--lang"),
}

_OPTION = re.compile(r"--[a-z][a-z0-9]*(-[a-z0-9]+)*")


class DemoLineError(ValueError):
    """A `see.demo` line that `quiz demo` would not accept; the message says what is expected."""


def parse_demo_line(line: str) -> tuple[str, tuple[tuple[str, str], ...]]:
    """'vanishing --depth 20' -> ('vanishing', (('--depth', '20'),)).

    The first word is a demo name; the rest are `--name value` pairs (a name in lower-case
    kebab case, a value that does not start with `--`). Raises DemoLineError."""
    words = line.split()
    if not words:
        raise DemoLineError("empty demo line; expected a demo name such as 'vanishing --depth 20'")
    name, rest = words[0], words[1:]
    if name not in DEMO_NAMES:
        from .errors import did_you_mean

        raise DemoLineError(
            f"unknown demo '{name}' (known: {', '.join(DEMO_NAMES)}).{did_you_mean(name, DEMO_NAMES)}"
        )
    options: list[tuple[str, str]] = []
    i = 0
    while i < len(rest):
        opt = rest[i]
        if not _OPTION.fullmatch(opt):
            raise DemoLineError(f"'{opt}' is not an option; expected --name value, e.g. --depth 20")
        if opt not in DEMO_OPTIONS[name]:
            from .errors import did_you_mean

            raise DemoLineError(f"'quiz demo {name}' has no option {opt} (options: "
                                f"{', '.join(DEMO_OPTIONS[name])}).{did_you_mean(opt, DEMO_OPTIONS[name])}")
        if i + 1 >= len(rest) or rest[i + 1].startswith("--"):
            raise DemoLineError(f"option {opt} has no value; expected {opt} VALUE")
        options.append((opt, rest[i + 1]))
        i += 2
    return name, tuple(options)
