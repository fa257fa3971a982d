"""Floor for `quiz demo optimizers`: the same six runs, Adam's first rows and the three decay
runs, written as plain NumPy loops with local variables (no Hyper, no state dicts, no result
objects)."""

import math

import numpy as np

NAME = "optimizers"
CASES = [{}, {"problem": "rosenbrock"}, {"condition": 1000.0, "steps": 5000}]


def _grad(problem, kappa):
    if problem == "quadratic":
        h = np.array([1.0, kappa])
        c = np.array([1.0, 1.0])
        return lambda p: h * (p - c)

    def g(p):
        x, y = p
        r = y - x * x
        return np.array([-2.0 * (1.0 - x) - 400.0 * x * r, 200.0 * r])

    return g


def _loop(kind, lr, mu, wd, grad, p0, steps, tol, stop=True, rows=None):
    d0 = math.hypot(p0[0] - 1.0, p0[1] - 1.0)
    path = np.empty((steps + 1, 2))
    path[0] = p0
    p = p0
    buf = sq = m = v = None
    k, reached = steps, None
    for t in range(1, steps + 1):
        g = grad(p)
        if kind in ("sgd", "momentum", "nesterov"):
            if mu:
                buf = g.copy() if buf is None else mu * buf + g
                g = g + mu * buf if kind == "nesterov" else buf
            p = p - lr * g
        elif kind == "rmsprop":
            sq = 0.01 * g * g if sq is None else 0.99 * sq + 0.01 * g * g
            p = p - lr * g / (np.sqrt(sq) + 1e-8)
        else:
            if wd and kind == "adamw":
                p = p * (1.0 - lr * wd)
            elif wd:
                g = g + wd * p
            m = 0.1 * g if m is None else m + 0.1 * (g - m)
            v = 0.001 * g * g if v is None else 0.999 * v + 0.001 * g * g
            bc1, bc2 = 1.0 - 0.9 ** t, math.sqrt(1.0 - 0.999 ** t)
            p = p - (lr / bc1) * m / (np.sqrt(v) / bc2 + 1e-8)
            if rows is not None and t <= 5:
                mh, vh = m[0] / bc1, v[0] / bc2 ** 2
                rows.append((t, g[0], m[0], v[0], mh, vh, lr * mh / (math.sqrt(vh) + 1e-8),
                             lr * m[0] / (math.sqrt(v[0]) + 1e-8)))
        d = math.hypot(p[0] - 1.0, p[1] - 1.0)
        if not d <= 1e6 * d0:
            k = t - 1
            break
        path[t] = p
        if reached is None and d <= tol * d0:
            reached = t
            if stop:
                k = t
                break
    return path[: k + 1], reached, v


def floor(problem="quadratic", steps=2000, tol=1e-3, condition=100.0, momentum=0.9,
          weight_decay=0.01):
    grad = _grad(problem, condition)
    p0 = np.array([-4.0, 1.5] if problem == "quadratic" else [-1.2, 1.0])
    if problem == "quadratic":
        lo, hi = 1.0, condition
    else:
        lo, hi = np.linalg.eigvalsh(np.array([[802.0, -400.0], [-400.0, 200.0]]))
    adaptive = 0.1
    lrs = {"sgd": 2 / (lo + hi), "momentum": 1 / hi, "nesterov": 1 / hi,
           "rmsprop": 0.1 if problem == "quadratic" else 0.01, "adam": adaptive,
           "adamw": adaptive}
    out, rows = {}, []
    for kind, lr in lrs.items():
        mu = momentum if kind in ("momentum", "nesterov") else 0.0
        path, reached, _ = _loop(kind, lr, mu, weight_decay if kind == "adamw" else 0.0, grad,
                                 p0, steps, tol, rows=rows if kind == "adam" else None)
        r = path[:, 1] - 1.0 if problem == "quadratic" else path[:, 1] - path[:, 0] ** 2
        s = np.sign(r)
        s = s[s != 0]
        keep = np.unique(np.linspace(0, len(path) - 1, min(300, len(path))).astype(int))
        out[kind] = (reached, int(np.count_nonzero(s[1:] != s[:-1])),
                     float(np.abs(np.diff(r)).sum() / abs(r[0])), path[keep].tolist())
    ends = []
    for kind, wd in (("adam", 0.0), ("adam", weight_decay), ("adamw", weight_decay)):
        path, _, v = _loop(kind, adaptive, 0.0, wd, grad, p0, steps, tol, stop=False)
        ends.append((path[-1], v))
    sqrt_v_hat = np.sqrt(ends[1][1] / (1 - 0.999 ** steps))
    return out, rows, ends, adaptive * weight_decay / (sqrt_v_hat + 1e-8)
