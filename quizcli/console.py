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
    return Console(
        width=width,
        stderr=stderr,
        markup=False,  # content may contain [brackets]; styles come from Text objects
        emoji=False,
        highlight=False,
        _environ=environ,
    )


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
            on_broken_pipe = quiet_broken_pipe

        _CONSOLE = QuietPipeConsole
    return _CONSOLE


_ASCII_CONSOLE = None


def _ascii_console_class():
    global _ASCII_CONSOLE
    if _ASCII_CONSOLE is None:
        base = _console_class()

        class AsciiConsole(base):  # type: ignore[misc, valid-type]
            def print(self, *objects, **kwargs):
                return super().print(*(asciify(o) for o in objects), **kwargs)

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
