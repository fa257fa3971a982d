"""Figure 4 of issue 7: `quiz demo vanishing --depth 50 --units 256` compute vs the same forward
and backward written directly in NumPy, in one process, alternating, median of N runs after a
warm-up. Prints one JSON object (ratio = engine median / floor median).

    python benchmarks/vanishing_floor.py 9

Both sides run with NumPy loaded the way `quiz demo` loads it (quizcli.demos.load_numpy: a
single-threaded BLAS for matrices up to 1024 wide), so the ratio compares like with like.
Four activations (sigmoid, tanh, relu, leaky_relu), batch 128, Var W = 1/fan_in, float32,
per-layer gradient norms ‖∂L/∂z_l‖ for L = Σ g ⊙ h_L. The floor uses the textbook formulas
(1/(1 + e⁻ᶻ), tanh, max(z, 0), where) with no rescaling; `registry_floor` is the same loop with
the engine's activation functions, to separate the demo's own cost from the activations'.
"""

import json
import statistics
import sys
import time

from quizcli.demos import load_numpy

L, N, B = 50, 256, 128
ACTS = ("sigmoid", "tanh", "relu", "leaky_relu")

load_numpy(N)
import numpy as np  # noqa: E402


def _weights(seed):
    rng = np.random.default_rng(seed)
    std = np.float32((1.0 / N) ** 0.5)
    ws = [rng.standard_normal((N, N), dtype=np.float32) * std for _ in range(L)]
    x = rng.standard_normal((B, N), dtype=np.float32)
    g = rng.standard_normal((B, N), dtype=np.float32)
    return ws, x, g


def _backward(ws, g, dfs):
    d = g * dfs[-1]
    norms = [np.linalg.norm(d)]
    for layer in range(L - 2, -1, -1):
        d = (d @ ws[layer + 1].T) * dfs[layer]
        norms.append(np.linalg.norm(d))
    return norms[::-1]


def plain(seed=0):
    ws, x, g = _weights(seed)
    out = {}
    for name in ACTS:
        h, dfs = x, []
        for w in ws:
            z = h @ w
            if name == "sigmoid":
                h = 1.0 / (1.0 + np.exp(-z))
                dfs.append(h * (1.0 - h))
            elif name == "tanh":
                h = np.tanh(z)
                dfs.append(1.0 - h * h)
            elif name == "relu":
                h = np.maximum(z, 0)
                dfs.append((z > 0).astype(np.float32))
            else:
                h = np.where(z > 0, z, np.float32(0.01) * z)
                dfs.append(np.where(z > 0, np.float32(1), np.float32(0.01)))
        out[name] = _backward(ws, g, dfs)
    return out


def registry_floor(seed=0):
    from quizcli import activations

    ws, x, g = _weights(seed)
    out = {}
    for name in ACTS:
        act = activations.get(name)
        h, dfs = x, []
        for w in ws:
            z = h @ w
            h = act.f(z)
            dfs.append(act.df(z))
        out[name] = _backward(ws, g, dfs)
    return out


def engine():
    from quizcli.demos import vanishing

    return vanishing.run(depth=L, width=N, batch=B, activations=ACTS)


def main(runs: int) -> None:
    with np.errstate(all="ignore"):  # the plain floor underflows to 0 for sigmoid: no rescaling
        fns = {"engine": engine, "floor": plain, "registry_floor": registry_floor}
        for fn in fns.values():
            fn()  # warm-up
        times = {k: [] for k in fns}
        for _ in range(runs):
            for key, fn in fns.items():
                t = time.perf_counter()
                fn()
                times[key].append(time.perf_counter() - t)
    med = {k: statistics.median(v) for k, v in times.items()}
    print(json.dumps({
        "median_s": med["engine"], "floor_median_s": med["floor"],
        "registry_floor_median_s": med["registry_floor"],
        "ratio": med["engine"] / med["floor"],
        "ratio_vs_registry_floor": med["engine"] / med["registry_floor"],
        "runs": runs,
    }))


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 9)
