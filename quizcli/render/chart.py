"""Terminal line charts with uniplot (braille markers: narrow on every terminal)."""

from __future__ import annotations

_ASCII_FRAME = str.maketrans({"┌": "+", "┐": "+", "└": "+", "┘": "+", "─": "-", "│": "|",
                              "▔": "-", "▁": "_"})


def _import_plot_to_string():
    """uniplot imports readchar at module level for its interactive mode, and readchar pulls
    in importlib.metadata: ~14 ms of a ~130 ms `quiz explain`. We never use interactive mode,
    so a placeholder stands in for readchar while uniplot imports, and is removed after, so
    the real readchar still imports normally for anyone who asks for it."""
    import sys
    import types

    if "uniplot.uniplot" not in sys.modules and "readchar" not in sys.modules:
        placeholder = types.ModuleType("readchar")
        placeholder.readkey = None  # type: ignore[attr-defined]
        placeholder.key = None  # type: ignore[attr-defined]
        sys.modules["readchar"] = placeholder
        try:
            from uniplot import plot_to_string
        finally:
            del sys.modules["readchar"]
        return plot_to_string
    from uniplot import plot_to_string

    return plot_to_string


def line_chart(xs, series, *, x_min, x_max, y_min, y_max, width=60, height=14,
               ascii_frame=False, y_as_log=False, color=True):
    """A Rich Text of the chart. `series` is [(label, ys)] sharing `xs`, or
    [(label, xs, ys)] with x values of their own (paths such as a weight trajectory).

    color=False (pass `console.color_system is not None`) skips the ANSI round trip; with
    colour on, Rich still drops it for NO_COLOR and pipes because the string goes through
    Text.from_ansi."""
    from rich.text import Text

    xs_list = [list(s[1]) if len(s) == 3 else list(xs) for s in series]
    ys_list = [list(s[-1]) for s in series]
    plot = _import_plot_to_string()(
        ys_list,
        xs=xs_list,
        lines=True,
        character_set="braille",
        width=max(10, width),
        height=height,
        x_min=x_min,
        x_max=x_max,
        y_min=y_min,
        y_max=y_max,
        y_as_log=y_as_log,
        legend_labels=[s[0] for s in series],
        color=bool(color),
    )
    if isinstance(plot, list):
        plot = "\n".join(plot)
    if ascii_frame:
        plot = plot.translate(_ASCII_FRAME)
    return Text.from_ansi(plot) if color else Text(plot)
