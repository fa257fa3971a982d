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


def _label_axes(plot: str, width: int, x_min, x_max, y_min, y_max) -> str:
    """Tick labels at the ends of both pinned axes, and at 0 when 0 is inside: y on the right
    of the frame, x on a line under it (uniplot's layout)."""
    from .numbers import fmt

    lines = plot.split("\n")
    try:
        top = next(i for i, line in enumerate(lines) if "┌" in line)
        bottom = next(i for i, line in enumerate(lines) if "└" in line)
    except StopIteration:
        return plot
    rows = bottom - top - 1
    y_ticks = {top + 1: y_max, bottom - 1: y_min}
    if y_min < 0 < y_max and rows > 2:  # the row uniplot draws the y = 0 grid line in
        y_ticks.setdefault(top + 1 + min(rows - 1, int(y_max / (y_max - y_min) * rows)), 0.0)
    for i, value in y_ticks.items():
        lines[i] += " " + fmt(value, 3)
    axis = [" "] * (width + 2)

    def put(value, align):
        text = fmt(value, 3)
        col = 1 + min(width - 1, int((value - x_min) / (x_max - x_min) * width))
        start = {"left": col, "right": col - len(text) + 1, "centre": col - len(text) // 2}[align]
        start = max(0, min(start, len(axis) - len(text)))
        if all(c == " " for c in axis[max(0, start - 1):start + len(text) + 1]):
            axis[start:start + len(text)] = list(text)

    put(x_min, "left")
    put(x_max, "right")
    if x_min < 0 < x_max:
        put(0.0, "centre")
    lines.insert(bottom + 1, "".join(axis).rstrip())
    return "\n".join(lines)


def colour_on(console) -> bool:
    """Will this console show colours? Not on a pipe or a dumb terminal (no colour system),
    and not under NO_COLOR, which Rich honours while keeping its colour system."""
    return console.color_system is not None and not getattr(console, "no_color", False)


def line_chart(xs, series, *, x_min, x_max, y_min, y_max, width=60, height=14,
               ascii_frame=False, y_as_log=False, color=True, markers=None):
    """A Rich Text of the chart. `series` is [(label, ys)] sharing `xs`, or
    [(label, xs, ys)] with x values of their own (paths such as a weight trajectory).

    Pass color=colour_on(console). Without colour (False, or NO_COLOR set) several series
    are told apart by their markers: each draws with its own ASCII character (uniplot's
    braille has one glyph for all). ascii_frame: ASCII throughout, frame, markers, legend.
    `markers`: one character per series for the ASCII character set, e.g. the initials of
    the series, instead of uniplot's + x o * ~ ."""
    import os

    from rich.text import Text

    color = bool(color) and not os.environ.get("NO_COLOR")

    xs_list = [list(s[1]) if len(s) == 3 else list(xs) for s in series]
    ys_list = [list(s[-1]) for s in series]
    plot = _import_plot_to_string()(
        ys_list,
        xs=xs_list,
        lines=True,
        # without colour, braille series all look alike: ASCII gives each its own character
        character_set="ascii" if ascii_frame or (not color and len(series) > 1) else "braille",
        width=max(10, width),
        height=height,
        x_min=x_min,
        x_max=x_max,
        y_min=y_min,
        y_max=y_max,
        y_as_log=y_as_log,
        legend_labels=[s[0] for s in series],
        color=bool(color),
        **({"force_ascii_characters": list(markers)} if markers else {}),
        # uniplot's own tick search calls np.unique, which imports numpy.ma: ~9 ms of a
        # ~130 ms `quiz explain`. The axes are pinned anyway, so we print their ends.
        x_labels=False,
        y_labels=False,
    )
    if isinstance(plot, list):
        plot = "\n".join(plot)
    plot = _label_axes(plot, max(10, width), x_min, x_max, y_min, y_max)
    if ascii_frame:
        plot = plot.translate(_ASCII_FRAME)
    return Text.from_ansi(plot) if color else Text(plot)
