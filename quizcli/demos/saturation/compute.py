"""`quiz demo saturation`: how small f′ gets away from 0, and from where on it is tiny.

For each activation: f′(+x) and f′(−x) at |x| = 0, 2, 5, 10, 20 (float64, the registry's
analytic derivative), and for eps = 1e-2, 1e-4, 1e-8 the point beyond which |f′| < eps on each
side (quizcli.activations.analysis.saturation; None when that side never gets there).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Sequence

import numpy as np

from ...activations import analysis
from ...errors import InvalidValue
from .. import common

DEFAULT_ACTIVATIONS = ("sigmoid", "tanh")
DEFAULT_POINTS = (0.0, 2.0, 5.0, 10.0, 20.0)
EPSILONS = (1e-2, 1e-4, 1e-8)
MAX_POINTS = 20


@dataclass(frozen=True)
class Threshold:
    eps: float
    left: float | None  # |f′(x)| < eps for every x < −left; None: never on that side
    right: float | None  # |f′(x)| < eps for every x > right


@dataclass(frozen=True)
class SaturationRow:
    activation: str
    points: tuple[float, ...]  # |x|
    df_pos: tuple[float, ...]  # f′(+|x|)
    df_neg: tuple[float, ...]  # f′(−|x|)
    symmetric: bool  # |f′(x)| == |f′(−x)| at every point shown
    peak: float  # max f′ (for the "fraction of the peak" sentence)
    thresholds: tuple[Threshold, ...]
    saturates: str  # the registry's property: both | left | right | none


@dataclass(frozen=True)
class SaturationResult:
    demo: str
    points: tuple[float, ...]
    epsilons: tuple[float, ...]
    rows: tuple[SaturationRow, ...]
    cited_by: tuple[str, ...] = ()


def check_points(points: Sequence[float] | None) -> tuple[float, ...]:
    """The |x| of the table (default 0, 2, 5, 10, 20), sorted, each once; InvalidValue for a
    value outside 0 … 1e6 or more than MAX_POINTS values."""
    if points is None:
        return DEFAULT_POINTS
    values = [float(v) for v in points]
    for v in values:
        if not math.isfinite(v) or v < 0 or v > 1e6:
            raise InvalidValue(f"--points takes values 0 ≤ |x| ≤ 1e6 (e.g. 0,2,5,10,20); got {v:g}.")
    if not values or len(values) > MAX_POINTS:
        raise InvalidValue(f"--points takes 1 to {MAX_POINTS} values; got {len(values)}.")
    return tuple(sorted(set(values)))


def run(activations: str | tuple[str, ...] = DEFAULT_ACTIVATIONS,
        points: Sequence[float] | None = None) -> SaturationResult:
    acts = common.parse_activations(activations)
    xs = check_points(points)
    grid = np.asarray(xs, dtype=np.float64)
    rows = []
    for act in acts:
        pos = act.df(grid)
        neg = act.df(-grid)
        ths = tuple(Threshold(eps, s.left, s.right)
                    for eps in EPSILONS for s in [analysis.saturation(act, eps)])
        rows.append(SaturationRow(
            activation=act.name, points=xs,
            df_pos=tuple(float(v) for v in pos), df_neg=tuple(float(v) for v in neg),
            symmetric=bool(np.array_equal(np.abs(pos), np.abs(neg))),
            peak=float(analysis.max_derivative(act).value),
            thresholds=ths, saturates=act.properties.saturates,
        ))
    return SaturationResult("saturation", xs, EPSILONS, tuple(rows))
