"""Click parameter types: command-line text -> typed values, at the CLI edge.

Domain functions receive what these return (tuples of activation names, floats, …), never
raw option strings. A bad value is a QuizError naming the option and what it accepts (one
line, exit 2 at the app boundary). Light: no NumPy, no YAML.
"""

from __future__ import annotations

import math

from typer._click.types import FLOAT, INT, ParamType  # noqa: F401  (re-exported for builders)

from ..errors import QuizError


def _flag(param, default: str) -> str:
    opts = [o for o in getattr(param, "opts", ()) if o.startswith("--")]
    return opts[0] if opts else default


class ActivationList(ParamType):
    """'sigmoid, Leaky-ReLU,swish' -> ('sigmoid', 'leaky_relu', 'silu'): canonical names, in
    order, each once. Names and aliases are checked against the light name table."""

    name = "activations"

    def convert(self, value, param, ctx):
        from ..activations.names import canonical_name

        option = _flag(param, "--activations")
        raw = value.split(",") if isinstance(value, str) else list(value)
        names = [n.strip() for n in raw if n.strip()]
        if not names:
            raise QuizError(f"{option} needs at least one activation name, e.g. {option} sigmoid,relu.")
        out: list[str] = []
        for name in names:
            canonical = canonical_name(name)
            if canonical is None:
                from ..activations.names import CANONICAL, closest_names

                near = closest_names(name)
                hint = f" Did you mean: {', '.join(near)}?" if near else ""
                raise QuizError(f"{option}: Unknown activation '{name}'.{hint} "
                                f"(quiz explain lists all {len(CANONICAL)})")
            if canonical not in out:
                out.append(canonical)
        return tuple(out)


class Init(ParamType):
    """A weight initialisation: lecun, he, xavier (and their aliases) or normal:STD. Kept as
    text, normalised; the demo resolves it against the layer width (it needs fan_in)."""

    name = "init"

    def convert(self, value, param, ctx):
        return value.strip() if isinstance(value, str) else value


class Floats(ParamType):
    """'0,2,5' -> (0.0, 2.0, 5.0), each within [lo, hi] when given."""

    name = "floats"

    def __init__(self, lo: float | None = None, hi: float | None = None):
        self.lo, self.hi = lo, hi

    def convert(self, value, param, ctx):
        if value is None or isinstance(value, tuple):
            return value
        option = _flag(param, "--points")
        lo_text = "" if self.lo is None else f"{self.lo:g} ≤ "
        values = []
        for raw in str(value).split(","):
            raw = raw.strip()
            try:
                v = float(raw)
            except ValueError:
                raise QuizError(f"{option} takes comma-separated numbers (e.g. 0,2,5,10,20); "
                                f"'{raw}' is not a number.") from None
            if (not math.isfinite(v) or (self.lo is not None and v < self.lo)
                    or (self.hi is not None and v > self.hi)):
                hi_text = "" if self.hi is None else f" ≤ {self.hi:g}"
                raise QuizError(f"{option} takes finite values {lo_text}x{hi_text} "
                                f"(e.g. 0,2,5,10,20); got '{raw}'.")
            values.append(v)
        return tuple(values)


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


def for_option(kind: str, *, lo=None, hi=None, choices=()):
    """The ParamType of a demo option type (see quizcli.demos.spec)."""
    if kind == "int":
        return INT if lo is None and hi is None else Bounded(INT, lo, hi)
    if kind == "float":
        return FLOAT if lo is None and hi is None else Bounded(FLOAT, lo, hi)
    if kind == "activations":
        return ActivationList()
    if kind == "init":
        return Init()
    if kind == "floats":
        return Floats(lo, hi)
    if kind == "choice":
        return Choice(choices)
    if kind == "str":
        return None
    raise ValueError(f"unknown option type {kind!r}")
