"""`quiz demo normalization`: activation statistics through a deep ReLU MLP with and without
normalization, BatchNorm's running statistics, and BatchNorm with small batches.

The network: z_l = h_{l−1} W_l, h_l = relu(N(z_l)), l = 1 … depth, square layers, no biases,
W_l ~ N(0, 1/units) (the same weights for every variant), N one of
- none: the identity;
- BatchNorm (torch.nn.BatchNorm1d, weight 1, bias 0): in training y = (z − μ_B)/√(σ²_B + eps)
  with the batch mean and biased variance per feature, and running_mean ← (1 − m)·running_mean
  + m·μ_B, running_var ← (1 − m)·running_var + m·σ²_B·B/(B − 1) (PyTorch stores the unbiased
  variance; running stats start at 0 and 1); in eval y = (z − running_mean)/√(running_var + eps);
- LayerNorm (torch.nn.LayerNorm(units), weight 1, bias 0): each sample normalized over its own
  features, biased variance, the same in training and eval.
Inputs have N(3, 2²) features (not centred, not unit scale). BatchNorm runs `steps` training
forward passes (fresh batches) to fill its running statistics, as model.train() does before
model.eval(); then one held-out batch goes through every variant, and BatchNorm in both modes.
Statistics are the mean and standard deviation of h_l over the batch and the units.

Small batches: the first layer's pre-activations z = xW_1 have exactly known population
statistics (mean 3·Σ_i W_ij, variance 4·Σ_i W_ij²). One probe sample is normalized inside
SMALL_REPEATS batches of each size B, with B − 1 fresh companions each time: how much its
BatchNorm output moves with its companions (std over the batches), and how far it is from the
eval-mode output with the population statistics (RMS), averaged over features. At B = 2 the
output of every feature is ±1/√(1 + eps/σ²_B) whatever the value: only the sign survives.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from ...errors import InvalidValue, OverBudget
from .. import common

DEFAULT_DEPTH = 10
DEFAULT_UNITS = 64
DEFAULT_BATCH = 32
DEFAULT_STEPS = 100
MOMENTUM = 0.1  # torch.nn.BatchNorm1d's default
EPS = 1e-5  # torch.nn.BatchNorm1d's and LayerNorm's default
INPUT_MEAN, INPUT_STD = 3.0, 2.0
SMALL_BATCHES = (2, 4, 8, 16, 64)
SMALL_REPEATS = 200
MAX_WORK = 2e9  # steps × batch × depth × units² multiply-adds: about a second

_STREAM_TRAIN, _STREAM_HELD, _STREAM_W, _STREAM_SMALL, _STREAM_PROBE = 1, 2, 3, 4, 5
KINDS = ("none", "batch", "layer")


@dataclass(frozen=True)
class LayerStats:
    mean: tuple[float, ...]  # per layer, of h_l = relu(N(z_l))
    std: tuple[float, ...]


@dataclass(frozen=True)
class SmallBatchRow:
    batch: int
    bn_noise: float  # std of the probe's BatchNorm output across batches (RMS over features)
    bn_mismatch: float  # RMS of train-mode output − eval-mode output (population statistics)
    bn_abs: float  # mean |BatchNorm output| of the probe (1 at B = 2, up to eps)
    ln_noise: float  # the same for LayerNorm (0: it never looks at the batch)


@dataclass(frozen=True)
class NormalizationResult:
    demo: str
    depth: int
    units: int
    batch: int
    steps: int
    momentum: float
    eps: float
    seed: int
    input_mean: float
    input_std: float
    none: LayerStats
    batchnorm: LayerStats  # training mode on the held-out batch (its own batch statistics)
    batchnorm_eval: LayerStats  # eval mode, running statistics
    layernorm: LayerStats
    init_share: float  # (1 − momentum)^steps: the weight the initial 0/1 still has
    running_mean_error: float  # layer 1: RMS of running_mean − population mean, in population std
    running_var_ratio: float  # layer 1: mean of running_var / population variance
    small: tuple[SmallBatchRow, ...]
    cited_by: tuple[str, ...] = ()


# --- the layers (torch.nn.BatchNorm1d / LayerNorm forward, weight 1, bias 0) -------------

def batch_norm_train(z: np.ndarray, running_mean: np.ndarray, running_var: np.ndarray,
                     momentum: float = MOMENTUM, eps: float = EPS):
    """(output, new running_mean, new running_var) for one batch in training mode."""
    n = z.shape[0]
    if n < 2:
        raise InvalidValue("BatchNorm in training mode needs at least 2 samples per feature.")
    mu = z.mean(axis=0)
    d = z - mu
    var = np.einsum("ij,ij->j", d, d) / n
    y = d / np.sqrt(var + eps)
    new_mean = (1.0 - momentum) * running_mean + momentum * mu
    new_var = (1.0 - momentum) * running_var + momentum * var * (n / (n - 1))
    return y, new_mean, new_var


def batch_norm_eval(z: np.ndarray, running_mean: np.ndarray, running_var: np.ndarray,
                    eps: float = EPS) -> np.ndarray:
    return (z - running_mean) / np.sqrt(running_var + eps)


def layer_norm(z: np.ndarray, eps: float = EPS) -> np.ndarray:
    mu = z.mean(axis=-1, keepdims=True)
    d = z - mu
    var = (d * d).mean(axis=-1, keepdims=True)
    return d / np.sqrt(var + eps)


def relu(z: np.ndarray) -> np.ndarray:
    return np.maximum(z, 0.0)


# --- inputs ------------------------------------------------------------------------------

def weights(seed: int, depth: int, units: int) -> list[np.ndarray]:
    g = common.rng(seed, _STREAM_W)
    return list(g.standard_normal((depth, units, units)) / math.sqrt(units))


def data(seed: int, stream: int, index: int, batch: int, units: int) -> np.ndarray:
    g = common.rng(seed, stream, index)
    return INPUT_MEAN + INPUT_STD * g.standard_normal((batch, units))


def train_batches(seed: int, steps: int, batch: int, units: int):
    """The training batches, in order (step 1 … steps)."""
    return (data(seed, _STREAM_TRAIN, s, batch, units) for s in range(1, steps + 1))


def held_out(seed: int, batch: int, units: int) -> np.ndarray:
    return data(seed, _STREAM_HELD, 0, batch, units)


def validate(depth: int, units: int, batch: int, steps: int, momentum: float, eps: float) -> None:
    for name, value, lo, hi in (("--depth", depth, 2, 100), ("--units", units, 2, 1024),
                                ("--batch", batch, 2, 4096), ("--steps", steps, 1, 10_000)):
        if not lo <= value <= hi:
            raise InvalidValue(f"{name} must be an integer {lo} … {hi}; got {value}.")
    if not (math.isfinite(momentum) and 0.001 <= momentum <= 1.0):
        raise InvalidValue(f"--momentum must be 0.001 … 1; got {momentum:g}.")
    if not (math.isfinite(eps) and 1e-12 <= eps <= 1.0):
        raise InvalidValue(f"--eps must be 1e-12 … 1; got {eps:g}.")
    work = steps * batch * depth * units * units
    if work > MAX_WORK:
        raise OverBudget(f"--steps {steps} × --batch {batch} × --depth {depth} × --units {units}² "
                         f"is {work:.3g} multiply-adds; the limit is {MAX_WORK:.0e} (about a "
                         f"second). Lower --steps or --batch.")


# --- the runs ----------------------------------------------------------------------------

def train_running_stats(ws, batches, momentum: float = MOMENTUM, eps: float = EPS):
    """Running (mean, var) per layer after BatchNorm forward passes in training mode."""
    units = ws[0].shape[0]
    stats = [(np.zeros(units), np.ones(units)) for _ in ws]
    for x in batches:
        h = x
        for l, w in enumerate(ws):
            y, rm, rv = batch_norm_train(h @ w, *stats[l], momentum, eps)
            stats[l] = (rm, rv)
            h = relu(y)
    return stats


def forward(ws, x, kind: str, *, running=None, eps: float = EPS) -> list[np.ndarray]:
    """h_1 … h_L for one batch. kind: none | layer | batch (training mode, batch statistics,
    running stats untouched) | batch_eval (with `running`)."""
    out, h = [], x
    for l, w in enumerate(ws):
        z = h @ w
        if kind == "batch":
            mu = z.mean(axis=0)
            y = (z - mu) / np.sqrt(z.var(axis=0) + eps)
        elif kind == "batch_eval":
            y = batch_norm_eval(z, *running[l], eps)
        elif kind == "layer":
            y = layer_norm(z, eps)
        else:
            y = z
        h = relu(y)
        out.append(h)
    return out


def _layer_stats(hs) -> LayerStats:
    return LayerStats(tuple(float(h.mean()) for h in hs), tuple(float(h.std()) for h in hs))


def small_batches(seed: int, w1: np.ndarray, eps: float = EPS,
                  sizes: tuple[int, ...] = SMALL_BATCHES,
                  repeats: int = SMALL_REPEATS) -> tuple[SmallBatchRow, ...]:
    units = w1.shape[0]
    pop_mean = INPUT_MEAN * w1.sum(axis=0)
    pop_var = INPUT_STD**2 * (w1 * w1).sum(axis=0)
    probe = data(seed, _STREAM_PROBE, 0, 1, units) @ w1  # 1 × units
    eval_out = (probe[0] - pop_mean) / np.sqrt(pop_var + eps)
    ln_probe = layer_norm(probe, eps)[0]
    rows = []
    for b in sizes:
        z = data(seed, _STREAM_SMALL, b, repeats * (b - 1), units) @ w1
        z = np.concatenate([np.broadcast_to(probe, (repeats, 1, units)),
                            z.reshape(repeats, b - 1, units)], axis=1)  # probe first
        mu = z.mean(axis=1)
        var = z.var(axis=1)
        out = (z[:, 0, :] - mu) / np.sqrt(var + eps)  # repeats × units
        ln = layer_norm(z[:, 0, :], eps)
        rows.append(SmallBatchRow(
            batch=b,
            bn_noise=float(np.sqrt(out.var(axis=0).mean())),
            bn_mismatch=float(np.sqrt(((out - eval_out) ** 2).mean())),
            bn_abs=float(np.abs(out).mean()),
            ln_noise=float(np.sqrt(((ln - ln_probe) ** 2).mean())),
        ))
    return tuple(rows)


def run(depth: int = DEFAULT_DEPTH, units: int = DEFAULT_UNITS, batch: int = DEFAULT_BATCH,
        steps: int = DEFAULT_STEPS, momentum: float = MOMENTUM, eps: float = EPS,
        seed: int = common.DEFAULT_SEED) -> NormalizationResult:
    validate(depth, units, batch, steps, momentum, eps)
    ws = weights(seed, depth, units)
    running = train_running_stats(ws, train_batches(seed, steps, batch, units), momentum, eps)
    x = held_out(seed, batch, units)
    w1 = ws[0]
    pop_mean = INPUT_MEAN * w1.sum(axis=0)
    pop_var = INPUT_STD**2 * (w1 * w1).sum(axis=0)
    rm, rv = running[0]
    return NormalizationResult(
        demo="normalization", depth=depth, units=units, batch=batch, steps=steps,
        momentum=momentum, eps=eps, seed=seed, input_mean=INPUT_MEAN, input_std=INPUT_STD,
        none=_layer_stats(forward(ws, x, "none", eps=eps)),
        batchnorm=_layer_stats(forward(ws, x, "batch", eps=eps)),
        batchnorm_eval=_layer_stats(forward(ws, x, "batch_eval", running=running, eps=eps)),
        layernorm=_layer_stats(forward(ws, x, "layer", eps=eps)),
        init_share=(1.0 - momentum) ** steps,
        running_mean_error=float(np.sqrt((((rm - pop_mean) ** 2) / pop_var).mean())),
        running_var_ratio=float((rv / pop_var).mean()),
        small=small_batches(seed, w1, eps),
    )


# Numbers a question may quote, for `facts: demo('normalization', QUANTITY, …)`.
FACTS = {
    "momentum": lambda: MOMENTUM,
    "eps": lambda: EPS,
    "init_share": lambda steps, momentum=MOMENTUM: (1.0 - momentum) ** steps,
    "unbiased": lambda n: n / (n - 1),  # running_var's factor on the batch variance
    "pair_output": lambda: 1.0,  # |BatchNorm output| of a batch of 2 (eps → 0)
}
