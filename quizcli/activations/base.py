"""The shape of one activation: function, derivative, formulas, kinks and properties.

NumPy is imported here on purpose: this module is only reached from commands that compute
(`explain`, `demo`, `lint`), never from `quiz --help`. Small records are NamedTuples: a
frozen dataclass costs ~0.4 ms to create at import, and `quiz explain` pays for every one.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, NamedTuple

import numpy as np

ArrayFn = Callable[[np.ndarray], np.ndarray]


class Kink(NamedTuple):
    """A point where the derivative jumps; `derivative` is what PyTorch's autograd returns."""

    x: float
    value: float
    derivative: float
    left: float  # one-sided derivatives, for teaching the subgradient
    right: float


class Properties(NamedTuple):
    zero_centered: bool
    monotonic: bool
    bounded_below: bool
    bounded_above: bool
    smooth: bool
    saturates: str  # where f' -> 0: "both", "left" (x -> -inf), "right" or "none"
    exact_zeros: bool  # outputs exactly 0 on a set of positive measure


@dataclass(frozen=True)
class Activation:
    name: str
    formula: str
    derivative_formula: str
    value_range: tuple[float, float, bool, bool]  # (low, high, low closed, high closed)
    properties: Properties
    _f: ArrayFn
    _df: ArrayFn
    params: dict[str, float] = field(default_factory=dict)
    kinks: tuple[Kink, ...] = ()
    compute_in_float64: bool = False  # for functions with no float32 kernel (erf)

    @property
    def entry(self):
        """The catalog entry: aliases, explain text, gain, oracle call (catalog.py)."""
        from .catalog import BY_NAME

        return BY_NAME[self.name]

    @property
    def aliases(self) -> tuple[str, ...]:
        return self.entry.aliases

    def _apply(self, fn: ArrayFn, x) -> np.ndarray:
        arr = np.asarray(x)
        if arr.dtype not in (np.float32, np.float64):
            arr = arr.astype(np.float64)
        dtype = arr.dtype
        work = arr.astype(np.float64) if self.compute_in_float64 else arr
        out = fn(work)
        return np.asarray(out, dtype=dtype)

    def f(self, x) -> np.ndarray:
        """The activation, vectorised, in the input's float dtype."""
        return self._apply(self._f, x)

    def df(self, x) -> np.ndarray:
        """The analytic derivative; at kinks the value PyTorch's autograd uses."""
        return self._apply(self._df, x)

    def range_text(self, ascii_only: bool = False) -> str:
        low, high, low_closed, high_closed = self.value_range
        inf = "inf" if ascii_only else "∞"

        def num(v: float) -> str:
            if np.isinf(v):
                return ("-" if v < 0 else "") + inf
            return f"{v:g}"

        return f"{'[' if low_closed else '('}{num(low)}, {num(high)}{']' if high_closed else ')'}"
