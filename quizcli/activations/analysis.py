"""Numbers about an activation that answers quote: derivative peak, minimum, saturation.

All found numerically on a dense grid and then refined, so the same code serves every
activation, including ones with no closed form for these numbers (GELU's minimum).
"""

from __future__ import annotations

import math
from typing import NamedTuple

import numpy as np

from . import Activation, get
from .catalog import CATALOG

GRID_LIMIT = 60.0
_GRID = np.linspace(-GRID_LIMIT, GRID_LIMIT, 24_001)  # step 5e-3, refined below
_GOLDEN = (math.sqrt(5.0) - 1.0) / 2.0

# torch.nn.init.calculate_gain, for the activations it defines (from the catalog).
_GAINS = {e.name: e.gain for e in CATALOG if e.gain is not None}


class NoSuchValue(ValueError):
    """The quantity does not exist for this activation (e.g. the minimum of ReLU)."""


class Extremum(NamedTuple):
    value: float
    # Where it is attained: one (lo, hi) run per region; lo == hi for a single point;
    # ±inf when the run reaches the end of the real line.
    where: tuple[tuple[float, float], ...]

    @property
    def at(self) -> float:
        lo, hi = self.where[0]
        if lo != hi:
            raise NoSuchValue(f"attained on the interval ({lo:g}, {hi:g}), not at one point")
        return lo


class Saturation(NamedTuple):
    eps: float
    left: float | None  # |f'| < eps for all x < -left; None: never on that side
    right: float | None  # |f'| < eps for all x > right

    @property
    def both(self) -> float | None:
        if self.left is None or self.right is None:
            return None
        return max(self.left, self.right)


def _resolve(act: Activation | str) -> Activation:
    return act if isinstance(act, Activation) else get(act)


def _scalar(fn, x: float) -> float:
    return float(fn(np.float64(x)))


def _golden_max(fn, lo: float, hi: float, iters: int = 80) -> float:
    a, b = lo, hi
    c, d = b - _GOLDEN * (b - a), a + _GOLDEN * (b - a)
    fc, fd = _scalar(fn, c), _scalar(fn, d)
    for _ in range(iters):
        if fc >= fd:
            b, d, fd = d, c, fc
            c = b - _GOLDEN * (b - a)
            fc = _scalar(fn, c)
        else:
            a, c, fc = c, d, fd
            d = a + _GOLDEN * (b - a)
            fd = _scalar(fn, d)
    return (a + b) / 2.0


def _runs(mask: np.ndarray) -> list[tuple[int, int]]:
    idx = np.flatnonzero(mask)
    if idx.size == 0:
        return []
    breaks = np.flatnonzero(np.diff(idx) > 1)
    starts = np.concatenate(([idx[0]], idx[breaks + 1]))
    ends = np.concatenate((idx[breaks], [idx[-1]]))
    return list(zip(starts.tolist(), ends.tolist()))


def _extremum(fn, sign: float) -> Extremum:
    """Maximum of sign*fn over the real line, with the runs where it is attained."""
    values = sign * fn(_GRID)
    best = float(values.max())
    tol = 1e-12 * max(1.0, abs(best))
    step = float(_GRID[1] - _GRID[0])
    last = len(_GRID) - 1
    where = []
    for start, end in _runs(values >= best - tol):
        if end - start <= 2 and 0 < start and end < last:
            # an isolated peak: refine between the neighbouring grid points
            centre = float(_GRID[(start + end) // 2])
            x = _golden_max(lambda t: sign * fn(t), centre - 2 * step, centre + 2 * step)
            at_centre, at_x = sign * _scalar(fn, centre), sign * _scalar(fn, x)
            if at_centre >= at_x - 1e-14 * max(1.0, abs(at_x)):
                x = centre  # exact peaks such as x = 0 stay exact (not 1e-8 off by rounding)
            best = sign * _scalar(fn, x)
            where.append((x + 0.0, x + 0.0))
        else:
            # a plateau: its ends found by bisection, open to ±inf at the grid's edges
            def on_top(t: float) -> bool:
                return sign * _scalar(fn, t) >= best - tol

            lo = -math.inf if start == 0 else _edge(on_top, float(_GRID[start - 1]), float(_GRID[start]))
            hi = math.inf if end == last else _edge(on_top, float(_GRID[end + 1]), float(_GRID[end]))
            where.append((lo, hi))
    return Extremum(sign * best, tuple(where))


def _edge(inside, outside: float, inner: float) -> float:
    """Bisect the boundary between a point off the plateau and one on it."""
    for _ in range(60):
        mid = (outside + inner) / 2.0
        if inside(mid):
            inner = mid
        else:
            outside = mid
    return round(inner, 9) + 0.0  # kinks sit on round numbers; + 0.0 turns -0.0 into 0.0


def max_derivative(act: Activation | str) -> Extremum:
    return _extremum(_resolve(act).df, 1.0)


def minimum(act: Activation | str) -> Extremum:
    a = _resolve(act)
    ext = _extremum(a.f, -1.0)
    if any(math.isinf(lo) or math.isinf(hi) for lo, hi in ext.where) or not a.properties.bounded_below:
        raise NoSuchValue(f"{a.name} has no minimum (it decreases towards −∞ or an asymptote)")
    return ext


def saturation(act: Activation | str, eps: float) -> Saturation:
    a = _resolve(act)

    def side(sign: float) -> float | None:
        ts = np.concatenate((np.linspace(0.0, 100.0, 10_001), np.geomspace(100.0, 1e6, 401)[1:]))
        big = np.abs(a.df(sign * ts)) >= eps
        if big[-1]:
            return None
        hits = np.flatnonzero(big)
        if hits.size == 0:
            return 0.0
        lo, hi = float(ts[hits[-1]]), float(ts[hits[-1] + 1])
        for _ in range(60):  # bisection: |f'(sign*lo)| >= eps > |f'(sign*hi)|
            mid = (lo + hi) / 2.0
            if abs(_scalar(a.df, sign * mid)) >= eps:
                lo = mid
            else:
                hi = mid
        return hi

    return Saturation(eps, side(-1.0), side(1.0))


def gain(act: Activation | str) -> float:
    a = _resolve(act)
    if a.name not in _GAINS:
        raise NoSuchValue(
            f"torch.nn.init.calculate_gain has no gain for {a.name} "
            f"(defined for: {', '.join(sorted(_GAINS))})"
        )
    return _GAINS[a.name]
