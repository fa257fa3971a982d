"""Floor for `quiz demo attention`: the same draws and softmax statistics written directly in
NumPy (no dataclasses, no validation). See benchmarks/demo_ratios.py."""

import math

import numpy as np

NAME = "attention"
CASES = [{}, {"dims": (64, 1024), "keys": 256, "queries": 64}]


def floor(dims=(4, 16, 64, 256, 1024), keys=32, queries=128, seed=0):
    out = []
    for d in sorted(set(int(x) for x in dims)):
        g = np.random.default_rng([seed, 1, d])
        q = g.standard_normal((queries, d))
        k = g.standard_normal((queries, keys, d))
        s = np.matmul(k, q[:, :, None])[:, :, 0]
        for c in (1.0, 1.0 / math.sqrt(d)):
            t = s * c if c != 1.0 else s
            top = t.argmax(axis=1)[:, None]
            z = t - np.take_along_axis(t, top, axis=1)
            e = np.exp(z)
            np.put_along_axis(e, top, 0.0, axis=1)
            delta = e.sum(axis=1)
            total = 1.0 + delta
            p = e / total[:, None]
            m = 1.0 / total
            entropy = np.log1p(delta) - np.einsum("ij,ij->i", p, z)
            p2 = p * p
            rest2 = p2.sum(axis=1)
            diag = (m * delta / total) ** 2 + np.einsum("ij,ij->i", p2, (1.0 - p) ** 2)
            off = 2.0 * m * m * rest2 + rest2 * rest2 - np.einsum("ij,ij->i", p2, p2)
            out.append((t.var(), m.mean(), entropy.mean(), np.sqrt(diag + off).mean()))
    return out
