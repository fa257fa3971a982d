"""`quiz demo sparsity`: how many outputs are exactly 0, layer by layer, at initialization.

A random MLP (square layers, no biases, --init weights) on symmetric inputs x ~ N(0, 1);
every activation runs on the same inputs and weights (float32). Per layer: the share of
outputs that are exactly 0.0, the share of units that are 0 for every input in the batch,
and the share of the next layer's multiply-adds a zero-skipping kernel could skip (a zero
input h_j makes the whole row j of W_{l+1} unnecessary: the same share). A dense matmul
multiplies the zeros anyway.

Expected for ReLU in layer 1: each z_ij = x_i · w_j is symmetric about 0 and, for j ≠ j′ or
i ≠ i′, pairwise independent in sign, so the zero share is ½ ± 0.5/√N (N = batch × width):
Glorot, Bordes & Bengio 2011 §3.2. Deeper layers are ½ only on average over weights: their
inputs are non-negative, so each unit's sign depends on w_j · mean(h) (wider spread).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from ...errors import InvalidValue
from .. import common
from ..vanishing.compute import Init, parse_init

DEFAULT_DEPTH = 5
DEFAULT_WIDTH = 256
DEFAULT_BATCH = 256
DEFAULT_ACTIVATIONS = ("relu", "leaky_relu", "gelu", "tanh")
DEFAULT_INIT = "he"
MAX_DEPTH = 1000


@dataclass(frozen=True)
class SparsityLayer:
    layer: int
    zero_share: float  # outputs exactly 0.0
    never_active: float  # units 0 for every input of the batch
    skippable_next: float  # multiply-adds of layer+1 a zero-skipping kernel could skip


@dataclass(frozen=True)
class SparsityRun:
    activation: str
    exact_zeros: bool  # the registry's property: f is exactly 0 on a set of positive measure
    layers: tuple[SparsityLayer, ...]
    mean_zero_share: float


@dataclass(frozen=True)
class SparsityResult:
    demo: str
    depth: int
    width: int
    batch: int
    init: Init
    seed: int
    samples_per_layer: int  # N = batch × width
    band: float  # 3/√N: the tolerance around ½ for relu's first layer
    runs: tuple[SparsityRun, ...]
    cited_by: tuple[str, ...] = ()


def run(depth: int = DEFAULT_DEPTH, width: int = DEFAULT_WIDTH, batch: int = DEFAULT_BATCH,
        activations: str | tuple[str, ...] = DEFAULT_ACTIVATIONS, init: str = DEFAULT_INIT,
        seed: int = common.DEFAULT_SEED) -> SparsityResult:
    if not 1 <= depth <= MAX_DEPTH:
        raise InvalidValue(f"--depth must be an integer from 1 to {MAX_DEPTH}; got {depth}.")
    if width < 1:
        raise InvalidValue(f"--units must be an integer ≥ 1; got {width}.")
    if batch < 1:
        raise InvalidValue(f"--batch must be an integer ≥ 1; got {batch}.")
    acts = common.parse_activations(activations)
    ini = parse_init(init, width)
    item = 4
    common.check_memory(
        (4 * batch * width + 2 * width * width) * item,
        f"batch {batch} × {width} units, float32",
        "Lower --units or --batch.",
    )
    common.check_work(float(depth) * len(acts) * batch * width * width,
                      f"{depth} layers × {len(acts)} activations × batch {batch} × ({width} units)²",
                      "Lower --depth, --units or --batch.")
    x = common.rng(seed, 21).standard_normal((batch, width), dtype=np.float32)
    hs = [x] * len(acts)
    per_act: list[list[SparsityLayer]] = [[] for _ in acts]
    for l in range(1, depth + 1):
        g = common.rng(seed, 22, l)
        if ini.distribution == "uniform":
            a = ini.std * math.sqrt(3.0)
            w = (g.random((width, width), dtype=np.float32) * np.float32(2 * a) - np.float32(a))
        else:
            w = g.standard_normal((width, width), dtype=np.float32) * np.float32(ini.std)
        for i, act in enumerate(acts):
            h = act.f(hs[i] @ w)
            zero = h == 0.0
            share = float(zero.mean())
            per_act[i].append(SparsityLayer(l, share, float(zero.all(axis=0).mean()), share))
            hs[i] = h
    runs = tuple(
        SparsityRun(act.name, act.properties.exact_zeros, tuple(layers),
                    float(np.mean([s.zero_share for s in layers])))
        for act, layers in zip(acts, per_act)
    )
    n = batch * width
    return SparsityResult("sparsity", depth, width, batch, ini, seed, n, 3.0 / math.sqrt(n), runs)
