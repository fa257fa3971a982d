"""`quiz demo kink`: what "ReLU is not differentiable at 0" means, in numbers.

For every kink of every chosen activation (registry `kinks`): the one-sided difference
quotients with h = 2⁻²⁰ (exact for piecewise-linear functions), the central difference
(f(x+h) − f(x−h)) / 2h, the interval between the one-sided slopes (the subgradients at a
convex kink such as ReLU's), and the value the registry — PyTorch's autograd — uses there.

Then the count that makes the choice almost irrelevant in practice: how many float32
pre-activations of a random ReLU network (He init, N(0, 1) inputs) are exactly 0 among N.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from ...errors import InvalidValue
from .. import common

DEFAULT_ACTIVATIONS = ("relu",)
DEFAULT_SAMPLES = 1_000_000
MAX_SAMPLES = 100_000_000
STEP = 2.0**-20  # exact in binary: the difference quotients of a piecewise-linear f are exact
NET_WIDTH = 256
NET_DEPTH = 4
CHUNK_ROWS = 2048


@dataclass(frozen=True)
class KinkRow:
    activation: str
    x: float
    value: float
    left: float  # (f(x) − f(x − h)) / h
    right: float  # (f(x + h) − f(x)) / h
    central: float  # (f(x + h) − f(x − h)) / 2h
    step: float  # h
    interval: tuple[float, float]  # between the one-sided slopes
    convex: bool  # left ≤ right: the interval is the subdifferential
    convention: float  # f′(x) in the registry = PyTorch autograd


@dataclass(frozen=True)
class Convention:
    framework: str
    call: str
    value: float
    key: str  # the renderer's note, if any, is looked up by this key


# ReLU'(0) in the frameworks: measured with PyTorch 2.13 (shared/reference/facts.md).
RELU_CONVENTIONS = (
    Convention("PyTorch", "torch.relu(x) / F.relu(x)", 0.0, "relu"),
    Convention("PyTorch", "x.clamp(min=0)", 1.0, "clamp"),
    Convention("PyTorch", "torch.maximum(x, torch.zeros_like(x))", 0.5, "maximum"),
    Convention("TensorFlow", "tf.nn.relu (ReluGrad)", 0.0, "tf"),
    Convention("JAX", "jax.nn.relu", 0.0, "jax"),
)


@dataclass(frozen=True)
class ZeroCount:
    samples: int  # pre-activations looked at
    exact_zero_pre: int  # z == 0.0 exactly
    exact_zero_post: int  # relu(z) == 0.0 (z ≤ 0): the ordinary zeros of sparsity
    dtype: str
    width: int
    depth: int
    seed: int


@dataclass(frozen=True)
class KinkResult:
    demo: str
    rows: tuple[KinkRow, ...]
    smooth: tuple[str, ...]  # chosen activations with no kink
    conventions: tuple[Convention, ...]  # shown when relu is among the activations
    zeros: ZeroCount
    cited_by: tuple[str, ...] = ()


def _row(act, k) -> KinkRow:
    x0 = np.float64(k.x)
    h = np.float64(STEP)
    pts = np.array([x0 - h, x0, x0 + h])
    f = act.f(pts)
    left = float((f[1] - f[0]) / h)
    right = float((f[2] - f[1]) / h)
    central = float((f[2] - f[0]) / (2 * h))
    lo, hi = sorted((left, right))
    return KinkRow(act.name, float(k.x), float(f[1]), left, right, central, float(h), (lo, hi),
                   left <= right, float(act.df(x0)))


def count_zeros(samples: int, seed: int) -> ZeroCount:
    if not 1 <= samples <= MAX_SAMPLES:
        raise InvalidValue(f"--samples must be between 1 and {MAX_SAMPLES:,}; got {samples}.")
    from ... import activations

    relu = activations.get("relu")
    per_row = NET_WIDTH * NET_DEPTH
    rows = math.ceil(samples / per_row)
    g = common.rng(seed, 11)
    std = np.float32(math.sqrt(2.0 / NET_WIDTH))
    ws = [g.standard_normal((NET_WIDTH, NET_WIDTH), dtype=np.float32) * std
          for _ in range(NET_DEPTH)]
    left = samples
    pre = post = 0
    done = 0
    while done < rows:
        r = min(CHUNK_ROWS, rows - done)
        h = common.rng(seed, 12, done).standard_normal((r, NET_WIDTH), dtype=np.float32)
        for w in ws:
            z = h @ w
            take = min(left, z.size)
            flat = z.reshape(-1)[:take]
            pre += int(np.count_nonzero(flat == 0.0))
            h = relu.f(z)
            post += int(np.count_nonzero(h.reshape(-1)[:take] == 0.0))
            left -= take
            if left == 0:
                break
        done += r
    return ZeroCount(samples, pre, post, "float32", NET_WIDTH, NET_DEPTH, seed)


def run(activations: str | tuple[str, ...] = DEFAULT_ACTIVATIONS, samples: int = DEFAULT_SAMPLES,
        seed: int = common.DEFAULT_SEED) -> KinkResult:
    acts = common.parse_activations(activations)
    rows, smooth = [], []
    for act in acts:
        if not act.kinks:
            smooth.append(act.name)
        rows.extend(_row(act, k) for k in act.kinks)
    conventions = RELU_CONVENTIONS if any(a.name == "relu" for a in acts) else ()
    return KinkResult("kink", tuple(rows), tuple(smooth), conventions, count_zeros(samples, seed))
