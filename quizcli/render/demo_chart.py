"""A line chart for demos that compare a few series: coloured braille lines on a colour
terminal; without colour (NO_COLOR, a pipe, --ascii) each series gets its own ASCII marker, so
the legend still tells them apart."""

from __future__ import annotations

import math


def series_chart(console, xs, series, *, ascii_only: bool = False, y_min=None, y_max=None,
                 x_min=None, x_max=None, height: int = 12):
    """`series` is [(label, ys)] over the shared `xs`; non-finite values are left out of the
    y range. Prints nothing when there is nothing finite to draw."""
    from .chart import line_chart
    from .demos import chart_width

    finite = [v for _, ys in series for v in ys if v is not None and math.isfinite(v)]
    if not finite or not xs:
        return
    lo = min(finite) if y_min is None else y_min
    hi = max(finite) if y_max is None else y_max
    if hi <= lo:
        hi = lo + 1.0
    pad = 0.05 * (hi - lo)
    color = getattr(console, "color_system", None) is not None and not ascii_only
    console.print(line_chart(xs, series, x_min=min(xs) if x_min is None else x_min,
                             x_max=max(xs) if x_max is None else x_max,
                             y_min=lo - (pad if y_min is None else 0),
                             y_max=hi + (pad if y_max is None else 0),
                             width=chart_width(console), height=height,
                             ascii_frame=ascii_only, color=color))
