"""`quiz demo dropout`: inverted dropout, measured over many random masks.

A layer of `units` fixed, positive activations x (0.5 + |N(0, 1)|, so every ratio below is
defined). For each drop probability p, `draws` masks m ~ Bernoulli(1 − p) per unit (a unit is
kept when a uniform draw is ≥ p; one random stream per p). Inverted dropout, as
torch.nn.functional.dropout computes it in training: y = x · m · 1/(1 − p); in eval mode
y = x. From the keep counts k_u (the share of draws that kept unit u), per unit:

- mean over draws of y_u = x_u · k_u/(1 − p)            (expected: x_u, the eval value)
- variance over draws of y_u = x_u² · k_u(1 − k_u)/(1 − p)²   (expected: x_u² · p/(1 − p))
- E[y_u²] = x_u² · k_u/(1 − p)²                          (expected: x_u²/(1 − p): the second
  moment is not kept, the variance shift of Li et al. 2019)
- without the scaling, y = x · m: the mean is x_u · k_u   (expected: (1 − p) · x_u), so eval,
  which passes x whole, feeds the next layer 1/(1 − p) times what it saw in training.

These are the exact sample mean and (population) variance of the drawn y, computed from the
counts. Srivastava et al. 2014 scale the weights by 1 − p at test time instead; inverted
dropout moves that factor into training so eval is the identity.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Sequence

import numpy as np

from ...errors import InvalidValue, OverBudget
from .. import common

DEFAULT_P = (0.1, 0.2, 0.5, 0.8)
DEFAULT_DRAWS = 10_000
DEFAULT_UNITS = 64
MAX_P = 0.99
MAX_PS = 8
MIN_DRAWS, MAX_DRAWS = 100, 1_000_000
MAX_UNITS = 10_000
MAX_WORK = 40_000_000  # uniform draws in one run: well under a second

_STREAM_X, _STREAM_MASK = 1, 2


@dataclass(frozen=True)
class DropoutRow:
    p: float
    scale: float  # 1/(1 − p)
    kept: float  # measured share of kept units (expected 1 − p)
    mean_ratio: float  # Σ mean(y_u) / Σ x_u, inverted dropout (expected 1)
    mean_se: float  # its standard error, from p, draws and x
    worst_unit: float  # max over units of |mean(y_u)/x_u − 1|
    var_ratio: float  # mean over units of Var(y_u)/x_u² (expected p/(1 − p))
    var_formula: float  # p/(1 − p)
    second_moment_ratio: float  # Σ E[y_u²] / Σ x_u² (expected 1/(1 − p); eval: 1)
    unscaled_ratio: float  # Σ mean(x_u m_u) / Σ x_u without the scaling (expected 1 − p)
    eval_over_train_unscaled: float  # what eval feeds the next layer / what training did


@dataclass(frozen=True)
class DropoutResult:
    demo: str
    draws: int
    units: int
    seed: int
    x_mean: float  # mean activation of the layer
    rows: tuple[DropoutRow, ...]
    cited_by: tuple[str, ...] = ()

    def row(self, p: float) -> DropoutRow:
        return next(r for r in self.rows if r.p == p)


def check_p(ps: Sequence[float] | str | None) -> tuple[float, ...]:
    """Drop probabilities 0 … MAX_P, sorted, each once, 1 … MAX_PS of them."""
    if ps is None:
        return DEFAULT_P
    return common.number_list(ps, "--p", "drop probabilities", "0.1,0.5", 0.0, MAX_P, MAX_PS)


def validate(draws: int, units: int, ps: tuple[float, ...]) -> None:
    if not MIN_DRAWS <= draws <= MAX_DRAWS:
        raise InvalidValue(f"--draws must be an integer {MIN_DRAWS} … {MAX_DRAWS}; got {draws}.")
    if not 1 <= units <= MAX_UNITS:
        raise InvalidValue(f"--units must be an integer 1 … {MAX_UNITS}; got {units}.")
    work = draws * units * len(ps)
    if work > MAX_WORK:
        raise OverBudget(f"--draws {draws} × --units {units} × {len(ps)} value(s) of --p is "
                         f"{work:.3g} random draws; the limit is {MAX_WORK:.0e} (about a "
                         f"second). Lower --draws or --units.")


def activations(seed: int, units: int) -> np.ndarray:
    """The layer's fixed activations x: 0.5 + |N(0, 1)|."""
    return 0.5 + np.abs(common.rng(seed, _STREAM_X).standard_normal(units))


def masks(seed: int, p: float, draws: int, units: int) -> np.ndarray:
    """draws × units booleans, True = kept (probability 1 − p), from p's own stream."""
    g = common.rng(seed, _STREAM_MASK, int(round(p * 1_000_000)))
    return g.random((draws, units)) >= p


def dropout(x: np.ndarray, keep: np.ndarray, p: float, training: bool = True) -> np.ndarray:
    """Inverted dropout of x with the given keep mask (torch.nn.functional.dropout's rule)."""
    if not training:
        return x
    return x * (keep * (1.0 / (1.0 - p)))


def run(p: Sequence[float] | str | None = None, draws: int = DEFAULT_DRAWS, units: int = DEFAULT_UNITS,
        seed: int = common.DEFAULT_SEED) -> DropoutResult:
    ps = check_p(p)
    validate(draws, units, ps)
    x = activations(seed, units)
    x2 = x * x
    sx, sx2 = x.sum(), x2.sum()
    rows = []
    for q in ps:
        k = np.count_nonzero(masks(seed, q, draws, units), axis=0) / draws  # keep share per unit
        scale = 1.0 / (1.0 - q)
        unit_mean = scale * k  # mean(y_u)/x_u
        rows.append(DropoutRow(
            p=q, scale=scale, kept=float(k.mean()),
            mean_ratio=float(x @ unit_mean / sx),
            mean_se=float(math.sqrt(q / (1.0 - q) * sx2 / draws) / sx),
            worst_unit=float(np.abs(unit_mean - 1.0).max()),
            var_ratio=float((scale * scale * k * (1.0 - k)).mean()),
            var_formula=q / (1.0 - q),
            second_moment_ratio=float(x2 @ (scale * unit_mean) / sx2),
            unscaled_ratio=float(x @ k / sx),
            eval_over_train_unscaled=float(sx / (x @ k)) if k.any() else math.inf,
        ))
    return DropoutResult("dropout", draws, units, seed, float(x.mean()), tuple(rows))


# Numbers a question may quote, for `facts: demo('dropout', QUANTITY, p)`.
FACTS = {
    "scale": lambda p: 1.0 / (1.0 - p),  # the factor on kept units in training
    "variance": lambda p: p / (1.0 - p),  # Var(y)/x² in training
    "second_moment": lambda p: 1.0 / (1.0 - p),  # E[y²]/x², train over eval
    "unscaled_mean": lambda p: 1.0 - p,  # E[y]/x without the scaling
    "eval_mismatch": lambda p: 1.0 / (1.0 - p),  # eval / train mean without the scaling
}
