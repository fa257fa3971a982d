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
               ascii_frame=False, y_as_log=False):
    """A Rich Text of the chart. `series` is [(label, ys)]; colours are dropped by Rich for
    NO_COLOR, TERM=dumb and pipes because the ANSI string goes through Text.from_ansi."""
    from rich.text import Text

    plot = _import_plot_to_string()(
        [list(ys) for _, ys in series],
        xs=[list(xs) for _ in series],
        lines=True,
        character_set="braille",
        width=max(10, width),
        height=height,
        x_min=x_min,
        x_max=x_max,
        y_min=y_min,
        y_max=y_max,
        y_as_log=y_as_log,
        legend_labels=[label for label, _ in series],
        color=True,
    )
    if isinstance(plot, list):
        plot = "\n".join(plot)
    if ascii_frame:
        plot = plot.translate(_ASCII_FRAME)
    return Text.from_ansi(plot)
