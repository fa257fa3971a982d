"""Floor for `quiz demo dropout`: the same masks and moments written directly in NumPy (no
dataclasses, no validation). See benchmarks/demo_ratios.py."""

import numpy as np

NAME = "dropout"
CASES = [{}, {"p": (0.5,), "draws": 100_000, "units": 256}]


def floor(p=(0.1, 0.2, 0.5, 0.8), draws=10_000, units=64, seed=0):
    x = 0.5 + np.abs(np.random.default_rng([seed, 1]).standard_normal(units))
    x2 = x * x
    sx, sx2 = x.sum(), x2.sum()
    out = []
    for q in sorted(set(p)):
        keep = np.random.default_rng([seed, 2, int(round(q * 1_000_000))]).random((draws, units)) >= q
        k = np.count_nonzero(keep, axis=0) / draws
        scale = 1.0 / (1.0 - q)
        unit_mean = scale * k
        out.append((k.mean(), x @ unit_mean / sx, np.abs(unit_mean - 1.0).max(),
                    (scale * scale * k * (1.0 - k)).mean(), x2 @ (scale * unit_mean) / sx2,
                    x @ k / sx))
    return out
