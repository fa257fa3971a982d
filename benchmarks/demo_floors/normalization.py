"""Floor for `quiz demo normalization`: the same MLP, BatchNorm running statistics, held-out
forward passes and small-batch probe written directly in NumPy (no dataclasses, no validation).
See benchmarks/demo_ratios.py."""

import math

import numpy as np

NAME = "normalization"
CASES = [{}, {"depth": 20, "units": 128, "batch": 32, "steps": 100}]


def _stats(hs):
    return [h.mean() for h in hs], [h.std() for h in hs]


def floor(depth=10, units=64, batch=32, steps=100, momentum=0.1, eps=1e-5, seed=0):
    ws = list(np.random.default_rng([seed, 3]).standard_normal((depth, units, units))
              / math.sqrt(units))
    rms = [np.zeros(units) for _ in ws]
    rvs = [np.ones(units) for _ in ws]
    for s in range(1, steps + 1):
        h = 3.0 + 2.0 * np.random.default_rng([seed, 1, s]).standard_normal((batch, units))
        for l, w in enumerate(ws):
            z = h @ w
            mu = z.mean(axis=0)
            d = z - mu
            var = np.einsum("ij,ij->j", d, d) / batch
            rms[l] = (1 - momentum) * rms[l] + momentum * mu
            rvs[l] = (1 - momentum) * rvs[l] + momentum * var * (batch / (batch - 1))
            h = np.maximum(d / np.sqrt(var + eps), 0.0)
    x = 3.0 + 2.0 * np.random.default_rng([seed, 2, 0]).standard_normal((batch, units))
    results = []
    for kind in ("none", "batch", "batch_eval", "layer"):
        h, hs = x, []
        for l, w in enumerate(ws):
            z = h @ w
            if kind == "batch":
                z = (z - z.mean(axis=0)) / np.sqrt(z.var(axis=0) + eps)
            elif kind == "batch_eval":
                z = (z - rms[l]) / np.sqrt(rvs[l] + eps)
            elif kind == "layer":
                dz = z - z.mean(axis=-1, keepdims=True)
                z = dz / np.sqrt((dz * dz).mean(axis=-1, keepdims=True) + eps)
            h = np.maximum(z, 0.0)
            hs.append(h)
        results.append(_stats(hs))
    w1 = ws[0]
    pop_mean, pop_var = 3.0 * w1.sum(axis=0), 4.0 * (w1 * w1).sum(axis=0)
    probe = (3.0 + 2.0 * np.random.default_rng([seed, 5, 0]).standard_normal((1, units))) @ w1
    eval_out = (probe[0] - pop_mean) / np.sqrt(pop_var + eps)
    small = []
    for b in (2, 4, 8, 16, 64):
        z = (3.0 + 2.0 * np.random.default_rng([seed, 4, b]).standard_normal((200 * (b - 1), units))) @ w1
        z = np.concatenate([np.broadcast_to(probe, (200, 1, units)), z.reshape(200, b - 1, units)], axis=1)
        out = (z[:, 0, :] - z.mean(axis=1)) / np.sqrt(z.var(axis=1) + eps)
        p0 = z[:, 0, :]
        dz = p0 - p0.mean(axis=-1, keepdims=True)
        ln = dz / np.sqrt((dz * dz).mean(axis=-1, keepdims=True) + eps)
        small.append((np.sqrt(out.var(axis=0).mean()), np.sqrt(((out - eval_out) ** 2).mean()),
                      np.abs(out).mean(), np.sqrt(((ln - ln[0]) ** 2).mean())))
    return results, rms, rvs, small
