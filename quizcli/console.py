"""Rich consoles and safe text. Consoles are built inside commands, never at import time,
because Rich reads COLUMNS/NO_COLOR when a Console is created."""

from __future__ import annotations

from .safe_text import escape


def literal(text: str) -> str:
    """Content as typed: control characters (ANSI escapes included) shown as \\x1b etc.

    Rich markup is not interpreted because consoles are made with markup=False and content
    goes into Text objects; escape bytes must still never reach the terminal raw."""
    return escape(text)


def markdown(text: str):
    """Content Markdown as printed: literal (see above), and links shown as "text (target)"
    instead of terminal hyperlinks, so a link can never show one address and open another."""
    from rich.markdown import Markdown

    return Markdown(literal(text), hyperlinks=False)


MIN_COLUMNS = 20  # COLUMNS below this (0 printed nothing at all) means: the default width


def make_console(width: int | None = None, stderr: bool = False):
    import os

    Console = _ascii_console_class() if ascii_on() else _console_class()
    environ = os.environ
    columns = environ.get("COLUMNS", "").strip()
    if width is None and columns.isdigit() and int(columns) < MIN_COLUMNS:
        environ = {k: v for k, v in environ.items() if k != "COLUMNS"}
    console = Console(
        width=width,
        stderr=stderr,
        markup=False,  # content may contain [brackets]; styles come from Text objects
        emoji=False,
        highlight=False,
        _environ=environ,
    )
    if width is None and console.width > MAX_COLUMNS:
        console.width = MAX_COLUMNS  # --width N still gives N
    return console


_CONSOLE = None


def quiet_broken_pipe(console) -> None:
    """Rich's Console.on_broken_pipe, but exit 0: the reader left (`quiz list | head -n 1`),
    which is not an error, as the app's BrokenPipeError handler says too."""
    import os
    import sys

    console.quiet = True
    try:  # later writes and the interpreter's final flush go nowhere
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, (sys.stderr if console.stderr else sys.stdout).fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass
    raise SystemExit(0)


def _console_class():
    """Rich's Console, but a reader that leaves (`quiz list | head -n 1`) ends the run with
    exit 0, as the app's BrokenPipeError handler does, instead of Rich's SystemExit(1)."""
    global _CONSOLE
    if _CONSOLE is None:
        from rich.console import Console

        class QuietPipeConsole(Console):
            """Also fits what it prints to its width: tables keep their numbers whole,
            prose lines break between words (not inside `N(0, 1)`) and keep their indent."""

            on_broken_pipe = quiet_broken_pipe

            def print(self, *objects, **kwargs):
                if ascii_on():
                    objects = tuple(asciify(o) for o in objects)
                if not kwargs.get("soft_wrap") and not kwargs.get("width"):
                    objects = tuple(fit(self, o) for o in objects)
                return super().print(*objects, **kwargs)

        _CONSOLE = QuietPipeConsole
    return _CONSOLE


_ASCII_CONSOLE = None


def _ascii_console_class():
    global _ASCII_CONSOLE
    if _ASCII_CONSOLE is None:
        base = _console_class()

        class AsciiConsole(base):  # type: ignore[misc, valid-type]
            def render_str(self, text, **kwargs):
                return super().render_str(to_ascii(text), **kwargs)

            def _render_buffer(self, buffer):
                return _ascii_cells(super()._render_buffer(buffer))

        _ASCII_CONSOLE = AsciiConsole
    return _ASCII_CONSOLE


def box_style(ascii_only: bool):
    from rich import box

    return box.ASCII if ascii_only or ascii_on() else box.ROUNDED


# --- --ascii: every character of the output in ASCII -------------------------------------
#
# The --ascii option (commands/common.ascii_option, the demo and lint options) sets this flag
# through its callback, and every console made after it writes ASCII only: content is
# transliterated before layout (so tables measure what they print: ′ -> ', → -> ->, ≤ -> <=,
# σ -> sigma, e⁻ˣ -> e^-x), and what is left after layout (Rich's own bullets and rules) is
# swapped one character for one. Hangul stays: with --lang ko the text is Korean.

_ASCII = {"on": False}


def set_ascii(on: bool) -> None:
    _ASCII["on"] = bool(on)


def ascii_on() -> bool:
    return _ASCII["on"]


_WORDS = {
    "′": "'", "″": "''", "‘": "'", "’": "'", "“": '"', "”": '"', "→": "->", "←": "<-",
    "↔": "<->", "⇒": "=>", "−": "-", "–": "-", "—": "--", "…": "...", "∞": "inf",
    "≤": "<=", "≥": ">=", "≈": "~", "≠": "!=", "±": "+/-", "×": "x", "·": "*", "÷": "/",
    "‖": "||", "∂": "d", "√": "sqrt", "∑": "sum", "Σ": "Sum", "∏": "prod", "∇": "grad",
    "∈": " in ", "⊙": "(.)", "∘": "o", "½": "1/2", "¼": "1/4", "¾": "3/4", "§": "S",
    "°": " deg", "✓": "+", "✗": "x", "✔": "+", "✘": "x", "•": "*", "★": "*", "‰": "/1000",
    "α": "alpha", "β": "beta", "γ": "gamma", "δ": "delta", "Δ": "Delta", "ε": "eps",
    "ϵ": "eps", "ζ": "zeta", "η": "eta", "θ": "theta", "κ": "kappa", "λ": "lambda",
    "μ": "mu", "ν": "nu", "ξ": "xi", "π": "pi", "ρ": "rho", "σ": "sigma", "τ": "tau",
    "φ": "phi", "Φ": "Phi", "χ": "chi", "ψ": "psi", "ω": "omega", "Ω": "Omega",
    "\u00a0": " ", "\u202f": " ", "\u2009": " ", "\u2011": "-",
}
_SUPER = dict(zip("⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ⁿⁱˣᵀᵗᵏ", "0123456789+-=()nixTtk"))
_SUB = dict(zip("₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎ₐₑₒₓₙᵢⱼₖₗₘₜ", "0123456789+-=()aeoxnijklmt"))
# after layout, one cell for one cell: box drawing, blocks, braille, bullets
_CELLS = str.maketrans({**{c: "-" for c in "─━┄┈╌═▔"}, **{c: "|" for c in "│┃┆┊╎║"},
                        **{c: "+" for c in "┌┐└┘├┤┬┴┼╭╮╰╯╔╗╚╝╠╣╦╩╬"}, "▁": "_",
                        "█": "#", "▒": ":", "░": ".", "▓": "#", "•": "*", "⣿": "#", "…": "."})


def _is_hangul(ch: str) -> bool:
    return "\uac00" <= ch <= "\ud7a3" or "\u1100" <= ch <= "\u11ff" or "\u3130" <= ch <= "\u318f"


def to_ascii(text: str) -> str:
    """`text` in ASCII (Hangul kept): f′(x) -> f'(x), x → −∞ -> x -> -inf, e⁻ˣ -> e^-x."""
    if text.isascii():
        return text
    import re
    import unicodedata

    text = re.sub(f"[{''.join(_SUPER)}]+", lambda m: "^" + "".join(_SUPER[c] for c in m[0]), text)
    text = re.sub(f"[{''.join(_SUB)}]+", lambda m: "_" + "".join(_SUB[c] for c in m[0]), text)
    out = []
    for ch in text:
        if ch.isascii() or _is_hangul(ch):
            out.append(ch)
        elif ch in _WORDS:
            out.append(_WORDS[ch])
        else:
            plain = "".join(c for c in unicodedata.normalize("NFKD", ch) if c.isascii())
            out.append(plain or (ch if ch in _CELLS_KEYS else "?"))
    return "".join(out)


_CELLS_KEYS = frozenset(chr(k) for k in _CELLS)


def _ascii_text(text):
    """A Rich Text transliterated piece by piece, each piece keeping its styles."""
    from rich.text import Span

    if text.plain.isascii():
        return text
    bounds = sorted({s.start for s in text.spans} | {s.end for s in text.spans}
                    - {0, len(text.plain)})
    new = text.blank_copy()
    for piece in text.divide(bounds):
        plain = to_ascii(piece.plain)
        piece_text = text.blank_copy(plain)
        piece_text.spans[:] = [Span(0, len(plain), s.style) for s in piece.spans]
        new.append_text(piece_text)
    return new


def asciify(obj):
    """A renderable whose text is ASCII: Text, str, Table, Panel, Group, Padding, Markdown."""
    from rich.console import Group
    from rich.markdown import Markdown
    from rich.padding import Padding
    from rich.panel import Panel
    from rich.table import Table
    from rich.text import Text

    if isinstance(obj, str):
        return to_ascii(obj)
    if isinstance(obj, Text):
        return _ascii_text(obj)
    if isinstance(obj, Table):
        for column in obj.columns:
            column.header = asciify(column.header)
            column.footer = asciify(column.footer)
            column._cells = [asciify(cell) for cell in column._cells]
        obj.title, obj.caption = asciify(obj.title), asciify(obj.caption)
        return obj
    if isinstance(obj, Panel):
        obj.renderable = asciify(obj.renderable)
        obj.title, obj.subtitle = asciify(obj.title), asciify(obj.subtitle)
        return obj
    if isinstance(obj, Group):
        obj._renderables = [asciify(r) for r in obj._renderables]
        return obj
    if isinstance(obj, Padding):
        obj.renderable = asciify(obj.renderable)
        return obj
    if isinstance(obj, Markdown):
        return Markdown(to_ascii(obj.markup), code_theme=obj.code_theme, justify=obj.justify,
                        style=obj.style, hyperlinks=obj.hyperlinks,
                        inline_code_lexer=obj.inline_code_lexer,
                        inline_code_theme=obj.inline_code_theme)
    return obj


def _ascii_cells(text: str) -> str:
    out = text.translate(_CELLS)
    if out.isascii():
        return out
    return "".join(c if c.isascii() or _is_hangul(c) else "?" for c in out)


# --- fitting the terminal: tables keep their numbers, prose keeps its indent -------------

MAX_COLUMNS = 100  # prose beyond this is hard to read: wider terminals get 100 columns


def droppable(column) -> None:
    """Mark a Rich table column as the first to go when the table does not fit."""
    column._quiz_droppable = True  # type: ignore[attr-defined]


def _measure(console, renderable, width: int) -> int:
    """The narrowest `renderable` can be without breaking a word (measured unbounded: Rich
    clamps a measurement to the width it is given)."""
    from rich.measure import Measurement

    return Measurement.get(console, console.options.update_width(max(width, 1000)),
                           renderable).minimum


def _copy_table(table, indices, **overrides):
    from rich.table import Table

    new = Table(box=overrides.get("box", table.box), show_header=table.show_header,
                header_style=table.header_style,
                show_edge=overrides.get("show_edge", table.show_edge),
                show_lines=table.show_lines, padding=overrides.get("padding", table.padding),
                title=table.title if overrides.get("keep_title", True) else None,
                title_justify=table.title_justify, title_style=table.title_style,
                expand=table.expand, style=table.style, row_styles=table.row_styles)
    for i in indices:
        c = table.columns[i]
        new.add_column(c.header, justify=c.justify, style=c.style, header_style=c.header_style,
                       no_wrap=c.no_wrap, min_width=c.min_width, max_width=c.max_width,
                       ratio=c.ratio, overflow="fold" if c.overflow == "ellipsis" else c.overflow,
                       vertical=c.vertical)
    rows = table.row_count
    for r in range(rows):
        cells = []
        for i in indices:
            column_cells = table.columns[i]._cells
            cells.append(column_cells[r] if r < len(column_cells) else "")
        new.add_row(*cells, style=table.rows[r].style if r < len(table.rows) else None,
                    end_section=table.rows[r].end_section if r < len(table.rows) else False)
    return new


def _stacked(table):
    """Each row as a block: its first cell, then `header  value` lines, values wrapping in
    their own column (nothing is cut: the numbers stay whole)."""
    from rich.table import Table
    from rich.text import Text

    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True, style="dim")
    grid.add_column(overflow="fold")
    headers = [c.header for c in table.columns]
    for r in range(table.row_count):
        cells = [c._cells[r] if r < len(c._cells) else "" for c in table.columns]
        first = cells[0] if not isinstance(cells[0], str) else Text(cells[0], style="bold")
        grid.add_row(first, "")
        for header, cell in zip(headers[1:], cells[1:]):
            grid.add_row(f"  {header}" if isinstance(header, str) else header, cell)
    return grid


def _settle(console, table, width: int):
    """Column widths for a table that fits: each column at least its longest word or number
    (Rich's own collapse shrinks the widest column below that and breaks words), the rest
    shared in proportion to what each column could use."""
    options = console.options.update_width(1000)
    measured = [table._measure_column(console, options, c) for c in table.columns]
    available = width - table._extra_width
    mins = [m.minimum for m in measured]
    maxs = [max(m.maximum, m.minimum) for m in measured]
    if sum(maxs) <= available or sum(mins) > available:
        return table
    spare, wants = available - sum(mins), [b - a for a, b in zip(mins, maxs)]
    extra = [0] * len(wants)
    pending = sorted(range(len(wants)), key=lambda i: wants[i])
    while pending:  # water-filling: a column that wants little gets all of it
        share = spare // len(pending)
        i = pending[0]
        if wants[i] <= share:
            extra[i] = wants[i]
            spare -= wants[i]
            pending.pop(0)
            continue
        for n, i in enumerate(pending):
            extra[i] = share + (1 if n < spare - share * len(pending) else 0)
        break
    widths = [a + e for a, e in zip(mins, extra)]
    for column, w in zip(table.columns, widths):
        column.width = max(1, w - table._get_padding_width(column._index))
        column.ratio = None
    return table


def fit_table(console, table, width: int):
    """`table` if it fits `width` without breaking a word or a number; else the same table
    without its droppable columns, then with light borders, then split into tables of the
    columns that fit side by side (the first column repeated in each), and as a last resort
    one block per row."""
    from rich import box as boxes
    from rich.console import Group

    if not table.columns or not table.show_header or table.box is None:
        return table
    if _measure(console, table, width) <= width:
        return _settle(console, table, width)
    keep = [i for i, c in enumerate(table.columns) if not getattr(c, "_quiz_droppable", False)]
    if len(keep) < len(table.columns):
        table = _copy_table(table, keep)
        if _measure(console, table, width) <= width:
            return _settle(console, table, width)
    compact = {"box": boxes.ASCII if table.box in (boxes.ASCII, boxes.ASCII2) else
               boxes.SIMPLE_HEAD, "padding": (0, 1), "show_edge": False}
    candidate = _copy_table(table, range(len(table.columns)), **compact)
    if _measure(console, candidate, width) <= width:
        return _settle(console, candidate, width)
    groups: list[list[int]] = []
    for i in range(1, len(table.columns)):
        trial = (groups[-1] + [i]) if groups else [0, i]
        if groups and _measure(console, _copy_table(table, trial, **compact), width) <= width:
            groups[-1] = trial
        elif _measure(console, _copy_table(table, [0, i], **compact), width) <= width:
            groups.append([0, i])
        else:
            return _stacked(table)
    parts = [_settle(console, _copy_table(table, g, keep_title=(n == 0), **compact), width)
             for n, g in enumerate(groups)]
    return Group(*parts)


def _break_points(plain: str) -> list[int]:
    """Offsets of spaces where a line may break: not inside a short bracketed expression
    (`N(0, 1)`, `[0, 1]`) and not next to an operator (`x = 0`, `a ≤ b`)."""
    import re

    protected = [False] * len(plain)
    for m in re.finditer(r"[\w′'.]*\([^()\n]{0,24}\)|\[[^\[\]\n]{0,24}\]", plain):
        for i in range(m.start(), m.end()):
            protected[i] = True
    points = []
    operators = set("=<>≤≥≈×+−/→~≠")
    for i, ch in enumerate(plain):
        if ch != " " or protected[i]:
            continue
        before = plain[i - 1] if i else ""
        after = plain[i + 1] if i + 1 < len(plain) else ""
        after2 = plain[i + 2] if i + 2 < len(plain) else " "
        if before in operators or (after in operators and after2 == " "):
            continue
        points.append(i)
    return points


def wrap_prose(text, width: int):
    """A one-paragraph Text broken into lines of at most `width` cells at the allowed break
    points; continuation lines keep the first line's indentation. Styles are kept."""
    from rich.cells import cell_len
    from rich.text import Text

    plain = text.plain
    if "\n" in plain or cell_len(plain) <= width or width < 20:
        return None
    indent = len(plain) - len(plain.lstrip(" "))
    if indent > width // 2:
        indent = 0
    allowed = frozenset(_break_points(plain))
    cuts, start, col_limit = [], 0, width
    last_ok = None
    pos_cells = 0
    for i, ch in enumerate(plain):
        pos_cells += cell_len(ch)
        if i in allowed:
            last_ok = i
        if pos_cells > col_limit and i > start:
            cut = last_ok if last_ok is not None and last_ok > start else None
            if cut is None:  # no allowed break: take any space, else hard-break
                space = plain.rfind(" ", start, i)
                cut = space if space > start + indent else i
            cuts.append(cut)
            start = cut + 1 if plain[cut] == " " else cut
            pos_cells = indent + cell_len(plain[start:i + 1])
            col_limit = width
            last_ok = None
    if not cuts:
        return None
    pieces, prev = [], 0
    for cut in cuts:
        pieces.append(text[prev:cut])
        prev = cut + 1 if plain[cut] == " " else cut
    pieces.append(text[prev:])
    out = Text(end=text.end, style=text.style)
    for n, piece in enumerate(pieces):
        if n:
            out.append("\n" + " " * indent)
        out.append_text(piece)
    out.no_wrap = True
    out.overflow = "fold"
    return out


def fit(console, obj):
    """What print() shows of `obj` at this console's width (tables and prose lines)."""
    from rich.table import Table
    from rich.text import Text

    width = console.width
    if isinstance(obj, Table):
        return fit_table(console, obj, width)
    if isinstance(obj, Text) and not obj.no_wrap:
        wrapped = wrap_prose(obj, width)
        return obj if wrapped is None else wrapped
    return obj
