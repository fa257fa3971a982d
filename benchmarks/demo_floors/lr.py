"""Floor for `quiz demo lr`: every constant rate and the warm-up pair stepped together as one
(rows × 2) array, written as a plain NumPy loop (no result objects, no verdict strings)."""

import math

import numpy as np

NAME = "lr"
CASES = [{}, {"steps": 20000, "factors": (0.1, 0.3, 0.5, 0.7, 0.9, 0.99, 1.0, 1.01),
              "warmup": 1000}]


def floor(lambda_max=10.0, lambda_min=1.0, factors=(0.25, 0.9, 1.0, 1.1), steps=30, warmup=5,
          start_factor=1 / 3, peak=0.95):
    lam = np.array([lambda_min, lambda_max])
    crit = 2.0 / lambda_max
    peak_lr = peak * crit
    schedule = [peak_lr * (start_factor + (1 - start_factor) * min(t, warmup) / warmup)
                for t in range(steps)]
    rates = np.concatenate([np.array(factors) * crit, [0.0, peak_lr]])
    rows = len(rates)
    p = np.ones((rows, 2))
    limit2 = (1e6 * math.sqrt(2.0)) ** 2
    losses = np.full((steps + 1, rows), np.nan)
    ys = np.full((steps + 1, rows), np.nan)
    losses[0] = (p * p) @ (0.5 * lam)
    ys[0] = p[:, 1]
    stopped = np.zeros(rows, dtype=int)
    live = np.ones(rows, dtype=bool)
    np.seterr(over="ignore", invalid="ignore")
    for t in range(steps):
        rates[-2] = schedule[t]
        q = p - rates[:, None] * (lam * p)
        out = live & ~(np.einsum("ij,ij->i", q, q) <= limit2)
        if out.any():
            stopped[out] = t + 1
            live &= ~out
            if not live.any():
                break
            q[out] = p[out]
        p = q
        losses[t + 1] = (p * p) @ (0.5 * lam)
        ys[t + 1] = p[:, 1]
    for r in np.flatnonzero(stopped):
        losses[stopped[r]:, r] = np.nan
        ys[stopped[r]:, r] = np.nan
    every = next(m * 10 ** k for k in range(12) for m in (1, 2, 5) if steps / (m * 10 ** k) <= 16)
    shown = sorted({0, steps, *range(every, steps + 1, every)})
    out = []
    for r in range(rows):
        step_factor = (1 - rates[r] * lam).tolist()
        y = ys[np.isfinite(ys[:, r]), r]
        n = len(y) - 1
        s = np.sign(y)
        s = s[s != 0]
        rho = (abs(y[-1]) / abs(y[0])) ** (1 / n) if n and y[-1] != 0 else 0.0
        k = int(np.count_nonzero(np.isfinite(losses[:, r])))
        if k <= 300:
            chart = list(enumerate(losses[:k, r].tolist()))
        else:
            keep = np.unique(np.linspace(0, k - 1, 300).astype(int))
            chart = list(zip(keep.tolist(), losses[keep, r].tolist()))
        out.append((step_factor, rho, int(np.count_nonzero(s[1:] != s[:-1])), chart,
                    losses[shown, r].tolist()))
    early = losses[: warmup + 6, -2:].tolist()
    zero = np.flatnonzero(ys[:, -2] == 0)
    return out, early, schedule[: warmup + 5], zero[:1].tolist()
