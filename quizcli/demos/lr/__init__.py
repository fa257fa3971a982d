"""`quiz demo lr`: gradient descent on a quadratic at learning rates below, at and above
2/λmax (converge, oscillate, diverge), and a linear warm-up (compute.py has the method and its
sources; render.py the tables, chart and conclusion)."""

from __future__ import annotations

from ..spec import DemoSpec, Option, compute_names

_SUMMARY = {
    "en": "Gradient descent on a quadratic at learning rates below, at and above 2/λmax: "
          "converge, oscillate, diverge, step by step; and what a linear warm-up changes.",
    "ko": "이차 함수에서 학습률이 2/λmax보다 작을 때, 같을 때, 클 때의 경사 하강: 수렴, 진동, "
          "발산을 스텝마다 보여 주고, 선형 워밍업이 무엇을 바꾸는지 보여 줍니다.",
}

SPEC = DemoSpec(
    name="lr",
    summary=_SUMMARY,
    help=_SUMMARY,
    examples=("quiz demo lr --factors 0.5,1,1.5 --steps 50",
              "quiz demo lr --peak 1.2 --warmup 20 --steps 100"),
    options=(
        Option("lambda_max", "float", 10.0,
               {"en": "Largest curvature λmax of f = ½(λmin·x² + λmax·y²) (0 < λmax ≤ 1e6).",
                "ko": "f = ½(λmin·x² + λmax·y²)의 가장 큰 곡률 λmax(0 < λmax ≤ 1e6)."},
               max=1e6, metavar="L"),
        Option("lambda_min", "float", 1.0,
               {"en": "Smallest curvature λmin (0 < λmin ≤ λmax).",
                "ko": "가장 작은 곡률 λmin(0 < λmin ≤ λmax)."}, metavar="L"),
        Option("factors", "floats", (0.25, 0.9, 1.0, 1.1),
               {"en": "Learning rates as multiples of 2/λmax, comma-separated (1 to 8 of them, "
                      "each 0 < f ≤ 10).",
                "ko": "2/λmax의 몇 배인지로 적은 학습률, 쉼표로 구분(1~8개, 각각 0 < f ≤ 10)."},
               max=10, metavar="F,F,…"),
        Option("steps", "int", 30,
               {"en": "Gradient steps per learning rate (1 … 20000).",
                "ko": "학습률마다 밟을 경사 하강 스텝 수(1 … 20000)."},
               min=1, max=20000, metavar="N"),
        Option("warmup", "int", 5,
               {"en": "Linear warm-up steps, as torch's LinearLR(total_iters=W) (0: no warm-up "
                      "section; at most --steps).",
                "ko": "선형 워밍업 스텝 수, torch LinearLR(total_iters=W)와 같음(0이면 워밍업 "
                      "비교를 생략, 최대 --steps)."},
               min=0, max=20000, metavar="W"),
        Option("start_factor", "float", 1 / 3,
               {"en": "Warm-up starts at S × the peak rate (0 < S ≤ 1; LinearLR's default 1/3).",
                "ko": "워밍업 시작 학습률은 최대 학습률의 S배(0 < S ≤ 1, LinearLR 기본값 1/3)."},
               max=1, metavar="S"),
        Option("peak", "float", 0.95,
               {"en": "The rate warm-up climbs to, as a multiple of 2/λmax (0 < P ≤ 10).",
                "ko": "워밍업이 도달할 학습률, 2/λmax의 몇 배인지(0 < P ≤ 10)."},
               max=10, metavar="P"),
    ),
    compute="quizcli.demos.lr.compute:run",
    render="quizcli.demos.lr.render:render",
    order=75,
)


__getattr__ = compute_names(__name__)
