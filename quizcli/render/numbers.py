"""Number formatting shared by every renderer."""

from __future__ import annotations

import math


def fmt(value: float, digits: int = 6) -> str:
    """Compact and exact enough to quote: 0.25, 1.75810, 9.09495e-13, 0 (never -0)."""
    value = float(value)
    if value == 0:
        return "0"
    if math.isinf(value):
        return "inf" if value > 0 else "-inf"
    if math.isnan(value):
        return "nan"
    if abs(value) < 1e-4 or abs(value) >= 1e7:
        return f"{value:.{max(1, digits - 2)}e}".replace("e-0", "e-").replace("e+0", "e+")
    return f"{value:.{digits}g}"


def power_of_ten(log10_value: float) -> str:
    """A number given by its log10, printed even when float would underflow: 1e-3012."""
    if not math.isfinite(log10_value):
        return "0" if log10_value < 0 else "inf"
    exponent = math.floor(log10_value)
    mantissa = 10 ** (log10_value - exponent)
    if mantissa >= 9.995:
        mantissa, exponent = 1.0, exponent + 1
    return f"{mantissa:.2f}e{exponent:+d}".replace("e+", "e+").replace(".00e", "e")
