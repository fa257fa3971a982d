"""`quiz demo dying`: dead units appear while a small MLP trains with plain SGD.

Toy regression: x ∈ R⁴ ~ N(0, 1) (N_TRAIN points), y = sin(2x₁) + x₂·x₃ − 0.5x₄ + noise.
Model: x → f(x W₁ + b₁) → f(h₁ W₂ + b₂) → h₂ w₃ + b₃, He-initialised weights, hidden biases
started at --bias (a negative shift pushes units towards dying), mini-batch SGD on the mean
squared error with --lr for --steps steps, float64. Every activation trains from the same
weights, data and mini-batch order.

A hidden unit is *dead* when its pre-activation is ≤ 0 for every training input. For ReLU its
incoming weights and bias then get exactly zero gradient from every mini-batch, so it stays
dead unless the layer below changes its inputs; leaky_relu and elu units in the same state
still get a gradient (0.01× and eˣ×) and can come back. At the end the demo computes the full
gradient and reports the largest |∂L/∂w| over the dead units' incoming weights and biases.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from ...activations.base import Activation
from ...errors import InvalidValue
from .. import common

DEFAULT_ACTIVATIONS = ("relu", "leaky_relu", "elu")
DEFAULT_LR = 0.02
DEFAULT_BIAS = -2.0  # leaves about 8% of layer-1 and half of layer-2 ReLU units dead at step 0
DEFAULT_STEPS = 1000
DEFAULT_WIDTH = 64
N_TRAIN = 512
BATCH = 32
IN_DIM = 4
MAX_STEPS = 100_000
MAX_WIDTH = 4096


@dataclass(frozen=True)
class DyingPoint:
    step: int
    dead: float  # share of hidden units dead (both layers together)
    dead_layer1: float
    dead_layer2: float
    loss: float  # training MSE on all N_TRAIN points


@dataclass(frozen=True)
class DyingRun:
    activation: str
    history: tuple[DyingPoint, ...]
    dead_start: float
    dead_end: float
    dead_units_end: int  # count, both layers
    units: int  # hidden units, both layers
    dead_grad_max: float | None  # max |∂L/∂(w, b)| into the dead units at the end; None: none dead
    revived_layer1: int  # units dead at some checkpoint and alive at the end, layer 1
    revived_layer2: int  # … layer 2 (its inputs change as layer 1 trains)
    diverged_at: int | None  # the loss became non-finite at this step


@dataclass(frozen=True)
class DyingResult:
    demo: str
    lr: float
    bias: float
    steps: int
    width: int
    every: int
    seed: int
    n_train: int
    batch: int
    runs: tuple[DyingRun, ...]
    cited_by: tuple[str, ...] = ()


def _data(seed: int):
    g = common.rng(seed, 31)
    x = g.standard_normal((N_TRAIN, IN_DIM))
    y = np.sin(2 * x[:, 0]) + x[:, 1] * x[:, 2] - 0.5 * x[:, 3] + 0.1 * g.standard_normal(N_TRAIN)
    return x, y[:, None]


def _init(seed: int, width: int, bias: float):
    g = common.rng(seed, 32)
    w1 = g.standard_normal((IN_DIM, width)) * math.sqrt(2.0 / IN_DIM)
    w2 = g.standard_normal((width, width)) * math.sqrt(2.0 / width)
    w3 = g.standard_normal((width, 1)) * math.sqrt(1.0 / width)
    return [w1, np.full(width, float(bias)), w2, np.full(width, float(bias)), w3, np.zeros(1)]


def _forward(p, act: Activation, x):
    w1, b1, w2, b2, w3, b3 = p
    z1 = x @ w1 + b1
    h1 = act.f(z1)
    z2 = h1 @ w2 + b2
    h2 = act.f(z2)
    out = h2 @ w3 + b3
    return z1, h1, z2, h2, out


def _grads(p, act: Activation, x, y):
    w1, b1, w2, b2, w3, b3 = p
    z1, h1, z2, h2, out = _forward(p, act, x)
    n = len(x)
    d_out = 2.0 * (out - y) / n  # ∂ mean((out − y)²) / ∂out
    g_w3 = h2.T @ d_out
    g_b3 = d_out.sum(0)
    d2 = (d_out @ w3.T) * act.df(z2)
    g_w2 = h1.T @ d2
    g_b2 = d2.sum(0)
    d1 = (d2 @ w2.T) * act.df(z1)
    g_w1 = x.T @ d1
    g_b1 = d1.sum(0)
    return [g_w1, g_b1, g_w2, g_b2, g_w3, g_b3], z1, z2, out


def _dead(z):
    return np.all(z <= 0, axis=0)


def long_run(steps: int = DEFAULT_STEPS, activations=DEFAULT_ACTIVATIONS, **_) -> bool:
    """Worth a progress bar (a few seconds or more)?"""
    n_acts = len(activations) if not isinstance(activations, str) else len(activations.split(","))
    return steps * max(1, n_acts) >= 3000


def run(lr: float = DEFAULT_LR, bias: float = DEFAULT_BIAS, steps: int = DEFAULT_STEPS,
        width: int = DEFAULT_WIDTH, activations: str | tuple[str, ...] = DEFAULT_ACTIVATIONS,
        every: int | None = None, seed: int = common.DEFAULT_SEED,
        progress: common.Progress = None) -> DyingResult:
    if not (math.isfinite(lr) and 0 < lr <= 10):
        raise InvalidValue(f"--lr must be a number with 0 < lr ≤ 10; got {lr}.")
    if not (math.isfinite(bias) and -10 <= bias <= 10):
        raise InvalidValue(f"--bias must be a number between -10 and 10; got {bias}.")
    if not 1 <= steps <= MAX_STEPS:
        raise InvalidValue(f"--steps must be an integer from 1 to {MAX_STEPS:,}; got {steps}.")
    if not 1 <= width <= MAX_WIDTH:
        raise InvalidValue(f"--units must be an integer from 1 to {MAX_WIDTH}; got {width}.")
    if every is not None and not 1 <= every <= steps:
        raise InvalidValue(f"--every must be between 1 and --steps ({steps}); got {every}.")
    acts = common.parse_activations(activations)
    step_every = every or max(1, steps // 20)
    # forward and backward of two hidden layers per step, plus a dead-unit count over the
    # training set every `step_every` steps
    per_pass = IN_DIM * width + width * width + width
    common.check_work(len(acts) * (3.0 * steps * BATCH + (steps / step_every + 1) * N_TRAIN) * per_pass,
                      f"{steps} steps × {len(acts)} activations × {width} units",
                      "Lower --units or --steps.")
    x, y = _data(seed)
    order = common.rng(seed, 33)
    batches = [order.permutation(N_TRAIN)[:BATCH] for _ in range(steps)]
    runs = []
    total = steps * len(acts)
    with np.errstate(over="ignore", invalid="ignore", divide="ignore", under="ignore"):
        for i, act in enumerate(acts):
            runs.append(_train(act, x, y, batches, lr, bias, steps, width, step_every, seed,
                               progress, i * steps, total))
    if progress is not None:
        progress(total, total)
    return DyingResult("dying", lr, bias, steps, width, step_every, seed, N_TRAIN, BATCH, tuple(runs))


def _snapshot(p, act, x, y, step):
    z1, _, z2, _, out = _forward(p, act, x)
    d1, d2 = _dead(z1), _dead(z2)
    loss = float(np.mean((out - y) ** 2))
    point = DyingPoint(step, float((d1.sum() + d2.sum()) / (d1.size + d2.size)),
                       float(d1.mean()), float(d2.mean()), loss)
    return point, np.concatenate([d1, d2])


def _train(act, x, y, batches, lr, bias, steps, width, every, seed, progress, done, total):
    p = _init(seed, width, bias)
    history = []
    ever_dead = np.zeros(2 * width, dtype=bool)
    diverged = None
    point, dead = _snapshot(p, act, x, y, 0)
    history.append(point)
    ever_dead |= dead
    for step in range(1, steps + 1):
        idx = batches[step - 1]
        grads, *_ = _grads(p, act, x[idx], y[idx])
        for param, grad in zip(p, grads):
            param -= lr * grad
        if step % every == 0 or step == steps:
            point, dead = _snapshot(p, act, x, y, step)
            if not math.isfinite(point.loss):
                diverged = step
                history.append(point)
                break
            history.append(point)
            ever_dead |= dead
        if progress is not None and step % 200 == 0:
            progress(done + step, total)
    # the full-batch gradient into the units that are dead now
    grads, z1, z2, _ = _grads(p, act, x, y)
    d1, d2 = _dead(z1), _dead(z2)
    dead_now = np.concatenate([d1, d2])
    if diverged is not None:
        dead_now = np.zeros_like(dead_now)
    if dead_now.any():
        g_w1, g_b1, g_w2, g_b2 = grads[:4]
        parts = [np.abs(g_w1[:, d1]).ravel(), np.abs(g_b1[d1]), np.abs(g_w2[:, d2]).ravel(),
                 np.abs(g_b2[d2])]
        dead_grad_max = float(max(float(a.max()) if a.size else 0.0 for a in parts))
    else:
        dead_grad_max = None
    back = ever_dead & ~dead_now if diverged is None else np.zeros_like(ever_dead)
    return DyingRun(
        activation=act.name, history=tuple(history), dead_start=history[0].dead,
        dead_end=history[-1].dead, dead_units_end=int(dead_now.sum()), units=2 * width,
        dead_grad_max=dead_grad_max, revived_layer1=int(back[:width].sum()),
        revived_layer2=int(back[width:].sum()), diverged_at=diverged,
    )
