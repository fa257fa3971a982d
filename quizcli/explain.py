"""`quiz explain`: everything it shows, computed as plain data (the renderer only prints)."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

from . import activations
from .activations import analysis
from .activations.base import Activation
from .errors import InvalidValue

DEFAULT_RANGE = (-6.0, 6.0)
SATURATION_EPS = (1e-2,)
CHART_SAMPLES = 401


@dataclass
class KinkInfo:
    x: float
    value: float
    derivative: float  # what PyTorch's autograd uses
    left_derivative: float
    right_derivative: float


@dataclass
class SaturationInfo:
    eps: float
    left: float | None  # |f'| < eps for x < -left; None: never on that side
    right: float | None


@dataclass
class ActivationReport:
    name: str
    aliases: tuple[str, ...]
    formula: str
    derivative_formula: str
    params: dict[str, float]
    value_range: tuple[float, float, bool, bool]
    properties: dict[str, object]
    kinks: tuple[KinkInfo, ...]
    max_derivative: float
    max_derivative_where: tuple[tuple[float, float], ...]
    saturation: tuple[SaturationInfo, ...]
    xs: tuple[float, ...]
    values: tuple[float, ...]
    derivatives: tuple[float, ...]
    description: str = ""
    typical_use: str = ""


@dataclass
class Chart:
    x_min: float
    x_max: float
    y_min: float
    y_max: float
    xs: list[float]
    series: list[tuple[str, list[float]]]  # (label, ys)


@dataclass
class ExplainResult:
    lang: str
    range: tuple[float, float]
    reports: tuple[ActivationReport, ...]  # one, or two with --vs
    chart: Chart = field(repr=False)
    comparison: dict[str, tuple[float, float]] = field(default_factory=dict)


def _nice_points(lo: float, hi: float) -> list[float]:
    if (lo, hi) == DEFAULT_RANGE:
        return [-6.0, -4.0, -2.0, -1.0, -0.5, 0.0, 0.5, 1.0, 2.0, 4.0, 6.0]
    return [float(f"{v:.4g}") for v in np.linspace(lo, hi, 9)]


def default_points(acts: list[Activation], lo: float, hi: float) -> list[float]:
    points = set(_nice_points(lo, hi))
    for act in acts:
        points.update(k.x for k in act.kinks if lo <= k.x <= hi)
    return sorted(points)


def _report(act: Activation, xs: list[float], lang: str) -> ActivationReport:
    from .activations.descriptions import DESCRIPTIONS

    grid = np.asarray(xs, dtype=np.float64)
    peak = analysis.max_derivative(act)
    sat = tuple(
        SaturationInfo(eps, s.left, s.right)
        for eps in SATURATION_EPS
        for s in [analysis.saturation(act, eps)]
    )
    props = act.properties._asdict()
    text = DESCRIPTIONS.get(act.name, {})
    return ActivationReport(
        name=act.name,
        aliases=act.aliases,
        formula=act.formula,
        derivative_formula=act.derivative_formula,
        params=dict(act.params),
        value_range=act.value_range,
        properties=props,
        kinks=tuple(KinkInfo(k.x, k.value, k.derivative, k.left, k.right) for k in act.kinks),
        max_derivative=peak.value,
        max_derivative_where=peak.where,
        saturation=sat,
        xs=tuple(xs),
        values=tuple(act.f(grid).tolist()),
        derivatives=tuple(act.df(grid).tolist()),
        description=text.get(lang, ""),
        typical_use=text.get(f"use_{lang}", ""),
    )


def _chart(acts: list[Activation], lo: float, hi: float, lang: str) -> Chart:
    xs = np.linspace(lo, hi, CHART_SAMPLES)
    series = []
    for act in acts:
        series.append((f"{act.name}(x)", act.f(xs).tolist()))
        series.append((f"{act.name}′(x)", act.df(xs).tolist()))
    all_y = np.concatenate([np.asarray(ys) for _, ys in series])
    y_lo, y_hi = float(all_y.min()), float(all_y.max())
    if len(acts) > 1:
        # comparing: keep the smaller function readable (sigmoid's (0, 1) next to ReLU's
        # 0..6 would be a flat line); the larger one runs off the top, its table has the values
        spans = [float(np.ptp(np.concatenate([ys for _, ys in series[i:i + 2]])))
                 for i in range(0, len(series), 2)]
        cap = max(2.0, 2.0 * min(spans))
        y_lo, y_hi = max(y_lo, -cap), min(y_hi, cap)
    pad = 0.05 * (y_hi - y_lo or 1.0)
    return Chart(lo, hi, y_lo - pad, y_hi + pad, xs.tolist(), series)


def explain(name: str, vs: str | None = None, range_: tuple[float, float] | None = None,
            points: tuple[float, ...] | None = None, lang: str = "en") -> ExplainResult:
    """Everything `quiz explain NAME` shows. `range_` is (lo, hi) with lo < hi (default
    -6:6), `points` the x values of the table (default: a nice grid plus the kinks); the
    command line parses both (quizcli.commands.common). UnknownActivation for a bad name."""
    acts = [activations.get(name)] + ([activations.get(vs)] if vs else [])
    lo, hi = range_ if range_ is not None else DEFAULT_RANGE
    if not (math.isfinite(lo) and math.isfinite(hi) and lo < hi):
        raise InvalidValue(f"The x range needs two finite numbers lo < hi; got {lo}:{hi}.")
    points = list(points) if points else default_points(acts, lo, hi)
    reports = tuple(_report(a, points, lang) for a in acts)
    comparison = {}
    if len(reports) == 2:
        a, b = reports
        comparison["max_derivative"] = (a.max_derivative, b.max_derivative)
    return ExplainResult(lang, (lo, hi), reports, _chart(acts, lo, hi, lang), comparison)


@dataclass
class ListingRow:
    name: str
    aliases: tuple[str, ...]
    formula: str
    range: tuple[float, float, bool, bool]
    typical_use: str


def listing(lang: str) -> list[ListingRow]:
    from .activations.descriptions import DESCRIPTIONS

    return [
        ListingRow(a.name, a.aliases, a.formula, a.value_range,
                   DESCRIPTIONS.get(a.name, {}).get(f"use_{lang}", ""))
        for a in activations.all_activations()
    ]
