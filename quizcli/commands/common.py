"""Options, parameter types and wiring shared by the commands.

Parameter types (ActivationList, Range, Points, Init, …) turn command-line text into typed
values at the CLI edge: domain functions receive tuples and floats, never raw option strings;
a bad value is a QuizError naming the option and what it accepts (one line, exit 2).

Commands that read the question bank (list, show, lint, ask):

    content_dirs: Optional[List[Path]] = content_dir_option()
    ...
    bank = open_bank(content_dirs, lang)

Imports only Typer at module level.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Optional

import typer
from typer._click.types import FLOAT, INT, ParamType

from ..errors import QuizError

if TYPE_CHECKING:  # pragma: no cover
    from ..bank.loader import Bank

CONTENT_DIR_HELP = ("Also load the questions (*.md) under DIR; repeatable. "
                    "QUIZ_CONTENT_PATH adds more (separated by ':', ';' on Windows).")

MAX_LOAD_PROBLEMS_SHOWN = 10


def content_dir_option():
    """A fresh `--content-dir DIR` option (repeatable; the directory must exist)."""
    return typer.Option(None, "--content-dir", metavar="DIR", help=CONTENT_DIR_HELP,
                        exists=True, file_okay=False, dir_okay=True, readable=True)


def lang_option(what: str = "the text", note: str = ""):
    from .. import completion

    return typer.Option(None, "--lang", metavar="ko|en", autocompletion=completion.languages,
                        help=f"Language of {what} (default: QUIZ_LANG, locale, en)."
                             + (f" {note}" if note else ""))


def tag_option():
    """A fresh `--tag/-t TAG` option (repeatable: questions with any of the tags)."""
    from .. import completion

    return typer.Option(None, "--tag", "-t", metavar="TAG", autocompletion=completion.tags,
                        help="Only questions with this tag (repeatable: any of them).")


def home_option():
    return typer.Option(None, "--home", metavar="DIR",
                        help="Quiz home with your progress (default: QUIZ_HOME, else the "
                             "platform data dir).")


def ascii_callback(value: bool) -> bool:
    """--ascii: every console made from now on writes ASCII only (quizcli.console)."""
    from ..console import set_ascii

    set_ascii(value)
    return value


def ascii_option(what: str = ""):
    """`what` is kept for callers that named it; every --ascii makes the whole output ASCII."""
    return typer.Option(False, "--ascii", callback=ascii_callback,
                        help="ASCII output only: borders, marks and symbols (for terminals "
                             "that draw box characters wide or lack the fonts).")


def width_option():
    return typer.Option(None, "--width", metavar="COLS", click_type=Bounded(INT, 40, 400),
                        help="Output width in columns, 40 to 400 (default: the terminal's, "
                             "at most 100).")


def json_option(what: str = "the data"):
    return typer.Option(False, "--json", help=f"Print {what} as JSON.")


def open_bank(content_dirs: Optional[Iterable[Path]], lang: str, *, lazy: bool = False) -> "Bank":
    """Load the bank (through the parsed-content cache); report load errors (skipped files,
    unknown ids) on stderr, one line each. lazy=True parses only the questions asked for by
    id, for scripted one-question runs over large banks."""
    from ..bank.cache import LazyBank, load_bank
    from ..render.bank import render_load_problems

    if lazy:
        return LazyBank(content_dirs or ())
    bank = load_bank(content_dirs or ())
    if bank.errors:
        render_load_problems(bank.errors, lang, limit=MAX_LOAD_PROBLEMS_SHOWN)
    return bank


# --- parameter types ------------------------------------------------------------------------



def _flag(param, default: str) -> str:
    opts = [o for o in getattr(param, "opts", ()) if o.startswith("--")]
    return opts[0] if opts else default


class ActivationList(ParamType):
    """'sigmoid, Leaky-ReLU,swish' -> ('sigmoid', 'leaky_relu', 'silu'): canonical names, in
    order, each once. Names and aliases are checked against the light name table."""

    name = "activations"

    def convert(self, value, param, ctx):
        from ..activations.names import CANONICAL, canonical_name, closest_names
        from ..errors import did_you_mean

        option = _flag(param, "--activations")
        raw = value.split(",") if isinstance(value, str) else list(value)
        names = [n.strip() for n in raw if n.strip()]
        if not names:
            raise QuizError(f"{option} needs at least one activation name, e.g. {option} sigmoid,relu.")
        out: list[str] = []
        for name in names:
            canonical = canonical_name(name)
            if canonical is None:
                raise QuizError(f"{option}: Unknown activation '{name}'."
                                f"{did_you_mean(name, near=closest_names(name))} "
                                f"(quiz explain lists all {len(CANONICAL)})")
            if canonical not in out:
                out.append(canonical)
        return tuple(out)


class Range(ParamType):
    """'A:B' -> (A, B): two finite numbers, A < B, at most `max_width` apart."""

    name = "range"

    def __init__(self, max_width: float = 1e6):
        self.max_width = max_width

    def convert(self, value, param, ctx):
        if value is None or isinstance(value, tuple):
            return value
        option, text = _flag(param, "--range"), str(value)
        usage = f"{option} takes A:B with two finite numbers, A < B (e.g. -6:6); got '{text}'."
        parts = text.split(":")
        if len(parts) != 2:
            raise QuizError(usage)
        try:
            lo, hi = float(parts[0]), float(parts[1])
        except ValueError:
            raise QuizError(usage) from None
        if not (math.isfinite(lo) and math.isfinite(hi)):
            raise QuizError(f"{option} needs finite numbers (e.g. -20:20); got '{text}'.")
        if lo >= hi:
            raise QuizError(f"{option} needs A < B (e.g. -6:6); got '{text}'.")
        if hi - lo > self.max_width:
            raise QuizError(f"{option} is at most {self.max_width:g} wide so the chart stays "
                            f"readable; got '{text}'.")
        return lo, hi


class Points(ParamType):
    """'3,0,-2' -> (-2.0, 0.0, 3.0): finite numbers (within [lo, hi] when given), sorted, each
    once, 1 to `max_count` of them."""

    name = "points"

    def __init__(self, lo: float | None = None, hi: float | None = None, max_count: int = 50,
                 example: str = "-2,0,0.5,3"):
        self.lo, self.hi, self.max_count, self.example = lo, hi, max_count, example

    def convert(self, value, param, ctx):
        if value is None or isinstance(value, tuple):
            return value
        option = _flag(param, "--points")
        values = []
        for raw in str(value).split(","):
            raw = raw.strip()
            try:
                v = float(raw)
            except ValueError:
                raise QuizError(f"{option} takes comma-separated finite numbers "
                                f"(e.g. {self.example}); '{raw}' is not one.") from None
            if not math.isfinite(v):
                raise QuizError(f"{option} takes finite numbers only; got '{raw}'.")
            if (self.lo is not None and v < self.lo) or (self.hi is not None and v > self.hi):
                lo = "" if self.lo is None else f"{self.lo:g} ≤ "
                hi = "" if self.hi is None else f" ≤ {self.hi:g}"
                raise QuizError(f"{option} takes values {lo}x{hi} (e.g. {self.example}); "
                                f"got '{raw}'.")
            values.append(v)
        if not values or len(values) > self.max_count:
            raise QuizError(f"{option} takes 1 to {self.max_count} numbers; got {len(values)}.")
        return tuple(sorted(set(values)))


class Init(ParamType):
    """A weight initialisation: lecun, he, xavier (and their aliases) or normal:STD. Kept as
    text, normalised; the demo resolves it against the layer width (it needs fan_in)."""

    name = "init"

    def convert(self, value, param, ctx):
        return value.strip() if isinstance(value, str) else value


class Choice(ParamType):
    """One of a fixed set of words; the error lists them and the closest one."""

    name = "choice"

    def __init__(self, choices):
        self.choices = tuple(choices)

    def convert(self, value, param, ctx):
        if value in self.choices:
            return value
        from ..errors import did_you_mean

        raise QuizError(f"{_flag(param, '--option')} takes one of {', '.join(self.choices)}; "
                        f"got '{value}'.{did_you_mean(str(value), self.choices)}")


class Bounded(ParamType):
    """An int or a float within [lo, hi] (inclusive), with an error that names the option."""

    def __init__(self, base, lo=None, hi=None):
        self.base, self.lo, self.hi = base, lo, hi
        self.name = base.name

    def convert(self, value, param, ctx):
        v = self.base.convert(value, param, ctx)
        if v is None:
            return v
        if (self.lo is not None and v < self.lo) or (self.hi is not None and v > self.hi):
            lo = "" if self.lo is None else f"{self.lo:g} ≤ "
            hi = "" if self.hi is None else f" ≤ {self.hi:g}"
            raise QuizError(f"{_flag(param, '--option')} takes {lo}{self.name}{hi}; got {value}.")
        return v


def for_option(kind: str, *, lo=None, hi=None, choices=(), example=None):
    """The ParamType of a demo option type (see quizcli.demos.spec). `example`: a valid value
    for error messages (a demo passes its default)."""
    if kind == "int":
        return INT if lo is None and hi is None else Bounded(INT, lo, hi)
    if kind == "float":
        return FLOAT if lo is None and hi is None else Bounded(FLOAT, lo, hi)
    if kind == "activations":
        return ActivationList()
    if kind == "init":
        return Init()
    if kind == "floats":
        return Points(lo, hi, example=example or "0,2,5,10,20")
    if kind == "choice":
        return Choice(choices)
    if kind == "str":
        return None
    raise ValueError(f"unknown option type {kind!r}")
