"""`quiz demo zigzag`: why all-positive inputs slow a unit down (LeCun et al. 1998, §4.3).

One linear unit y = w · a with two inputs a = f(u), u ~ N(0, I₂) (N_SAMPLES points), learns
the target weights W_TARGET = (2, −1) (noise-free, so w → W_TARGET exactly) by online SGD on
½(w · a − y)², one sample per step, from w = (0, 0), with --lr.

Each per-sample update is −lr · e · a (e = w · a − y). When every input is positive (sigmoid
outputs), both components of every update have the sign of −e: the weights can only move
together, up-right or down-left, and reach a target that needs one up and one down only by
zig-zagging. With zero-centred inputs (tanh outputs) about half the updates have mixed signs.
Reported: the share of same-sign updates, the weight path (a chart), its length over the
straight-line distance, the steps until ‖w − W_TARGET‖ ≤ tol·‖W_TARGET‖, and the condition
number of E[a aᵀ], the quantity behind the slow direction (LeCun et al.; their fix: zero-mean
inputs, and 1.7159·tanh(2x/3) in hidden layers, §4.4).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

import numpy as np

from ...errors import InvalidValue
from .. import common

DEFAULT_ACTIVATIONS = ("sigmoid", "tanh")
DEFAULT_LR = 0.5
DEFAULT_TOL = 0.01
DEFAULT_MAX_STEPS = 20_000
LIMIT_MAX_STEPS = 1_000_000
N_SAMPLES = 1000
W_TARGET = (2.0, -1.0)
PATH_POINTS = 400  # chart points kept per path
LR_GRID = (0.1, 0.2, 0.5, 1.0, 1.5, 2.0, 3.0)  # for "each at its own best learning rate"


@dataclass(frozen=True)
class ZigzagRun:
    activation: str
    input_mean: tuple[float, float]
    all_positive: bool  # every input component > 0
    condition_number: float  # λmax/λmin of E[a aᵀ]
    same_sign_share: float  # updates whose two components share a sign (zeros excluded)
    steps_to_tol: int | None  # None: not within --max-steps
    final_distance: float  # ‖w − W_TARGET‖ / ‖W_TARGET‖ at the end
    path_ratio: float  # path length / straight distance from start to end
    path: tuple[tuple[float, float], ...]  # the weights, subsampled for the chart
    diverged_at: int | None
    best_lr: float | None = None  # the LR_GRID value that reaches tol in the fewest steps
    best_steps: int | None = None


@dataclass(frozen=True)
class ZigzagResult:
    demo: str
    lr: float
    tol: float
    max_steps: int
    seed: int
    target: tuple[float, float]
    samples: int
    runs: tuple[ZigzagRun, ...]
    cited_by: tuple[str, ...] = ()


def run(activations: str | tuple[str, ...] = DEFAULT_ACTIVATIONS, lr: float = DEFAULT_LR,
        tol: float = DEFAULT_TOL, max_steps: int = DEFAULT_MAX_STEPS,
        seed: int = common.DEFAULT_SEED) -> ZigzagResult:
    if not (math.isfinite(lr) and 0 < lr <= 10):
        raise InvalidValue(f"--lr must be a number with 0 < lr ≤ 10; got {lr}.")
    if not (math.isfinite(tol) and 0 < tol < 1):
        raise InvalidValue(f"--tol must be a number with 0 < tol < 1 (a share of ‖w*‖); got {tol}.")
    if not 1 <= max_steps <= LIMIT_MAX_STEPS:
        raise InvalidValue(f"--max-steps must be an integer from 1 to {LIMIT_MAX_STEPS:,}; got {max_steps}.")
    acts = common.parse_activations(activations)
    u = common.rng(seed, 41).standard_normal((N_SAMPLES, 2))
    order = common.rng(seed, 42).integers(0, N_SAMPLES, size=max_steps)
    target = np.array(W_TARGET)
    runs = []
    with np.errstate(over="ignore", invalid="ignore"):
        for act in acts:
            a = act.f(u)
            main = _train(act.name, a, order, target, lr, tol, max_steps)
            best = None
            for grid_lr in LR_GRID:
                steps = main.steps_to_tol if grid_lr == lr else _steps_only(a, order, target, grid_lr, tol, max_steps)
                if steps is not None and (best is None or steps < best[1]):
                    best = (grid_lr, steps)
            runs.append(replace(main, best_lr=best[0] if best else None,
                                best_steps=best[1] if best else None))
    return ZigzagResult("zigzag", lr, tol, max_steps, seed, W_TARGET, N_SAMPLES, tuple(runs))


def _steps_only(a, order, target, lr, tol, max_steps) -> int | None:
    y = a @ target
    w0 = w1 = 0.0
    t0, t1 = float(target[0]), float(target[1])
    goal2 = (tol * math.hypot(t0, t1)) ** 2
    a0, a1 = a[:, 0].tolist(), a[:, 1].tolist()
    ys = y.tolist()
    for step, i in enumerate(order.tolist(), start=1):
        e = a0[i] * w0 + a1[i] * w1 - ys[i]
        w0 -= lr * e * a0[i]
        w1 -= lr * e * a1[i]
        if not (abs(w0) < 1e12 and abs(w1) < 1e12):
            return None
        if (w0 - t0) ** 2 + (w1 - t1) ** 2 <= goal2:
            return step
    return None


def _train(name, a, order, target, lr, tol, max_steps) -> ZigzagRun:
    from array import array

    y = (a @ target).tolist()
    eig = np.linalg.eigvalsh(a.T @ a / len(a))
    cond = float(eig[-1] / eig[0]) if eig[0] > 0 else math.inf
    a0, a1 = a[:, 0].tolist(), a[:, 1].tolist()
    t0, t1 = float(target[0]), float(target[1])
    goal2 = (tol * math.hypot(t0, t1)) ** 2
    w0 = w1 = 0.0
    xs, ys = array("d", [0.0]), array("d", [0.0])
    same = mixed = 0
    length = 0.0
    steps_to_tol = diverged = None
    for step, i in enumerate(order.tolist(), start=1):
        e = a0[i] * w0 + a1[i] * w1 - y[i]
        u0, u1 = -lr * e * a0[i], -lr * e * a1[i]  # this sample's update
        if u0 != 0 and u1 != 0:
            if (u0 > 0) == (u1 > 0):
                same += 1
            else:
                mixed += 1
        w0 += u0
        w1 += u1
        length += math.hypot(u0, u1)
        if not (abs(w0) < 1e12 and abs(w1) < 1e12):  # also catches nan
            diverged = step
            break
        xs.append(w0)
        ys.append(w1)
        if (w0 - t0) ** 2 + (w1 - t1) ** 2 <= goal2:
            steps_to_tol = step
            break
    end0, end1 = xs[-1], ys[-1]
    straight = math.hypot(end0, end1)
    keep = np.unique(np.linspace(0, len(xs) - 1, min(PATH_POINTS, len(xs))).astype(int))
    return ZigzagRun(
        activation=name,
        input_mean=(float(a[:, 0].mean()), float(a[:, 1].mean())),
        all_positive=bool(np.all(a > 0)),
        condition_number=cond,
        same_sign_share=same / (same + mixed) if same + mixed else math.nan,
        steps_to_tol=steps_to_tol,
        final_distance=math.hypot(end0 - t0, end1 - t1) / math.hypot(t0, t1),
        path_ratio=length / straight if straight > 0 else math.inf,
        path=tuple((xs[k], ys[k]) for k in keep.tolist()),
        diverged_at=diverged,
    )
