"""Evaluate the `facts` expressions of question files against the activation engine.

An expression is restricted arithmetic parsed with `ast` (never `eval`): numbers, + - * / **,
// and %, parentheses, the engine functions below, a few `math` functions and, for `number`
questions, the names of the drawn parameters (`evaluate(expr, names)`). See content/README.md.
"""

from __future__ import annotations

import ast
import math
import operator
from decimal import Decimal
from typing import Mapping


class FactError(ValueError):
    """The expression is malformed or names something the engine does not know."""


def _engine_functions() -> dict:
    import numpy as np

    from . import activations
    from .activations import analysis

    def f(name, x):
        return float(activations.get(name).f(np.float64(x)))

    def df(name, x):
        return float(activations.get(name).df(np.float64(x)))

    def sat(name, eps):
        both = analysis.saturation(name, eps).both
        if both is None:
            raise analysis.NoSuchValue(f"{name} does not saturate on both sides at {eps:g}")
        return both

    def const(name):
        from .constants import CONSTANTS

        if name not in CONSTANTS:
            from .errors import closest

            near = closest(str(name), CONSTANTS)
            hint = f" (did you mean {', '.join(near)}?)" if near else ""
            raise FactError(f"unknown constant {name!r}{hint}: add it to quizcli/constants.py "
                            "with its source")
        return float(CONSTANTS[name][0])

    return {
        **_SHAPE_FUNCTIONS,
        "f": f,
        "const": const,
        "df": df,
        "max_df": lambda name: analysis.max_derivative(name).value,
        "argmax_df": lambda name: analysis.max_derivative(name).at,
        "min_f": lambda name: analysis.minimum(name).value,
        "argmin_f": lambda name: analysis.minimum(name).at,
        "sat": sat,
        "gain": analysis.gain,
        "exp": math.exp,
        "log": math.log,
        "sqrt": math.sqrt,
        "erf": math.erf,
        "tanh": math.tanh,
    }


def conv_out(n, k, s=1, p=0, d=1):
    """Output size of a convolution (or pooling) along one axis: floor((n + 2p - d(k-1) - 1)/s) + 1."""
    for name, v in (("n", n), ("k", k), ("s", s), ("p", p), ("d", d)):
        if v != int(v) or v < (0 if name == "p" else 1):
            raise ValueError(f"conv_out: {name} = {v:g} must be a whole number "
                             f"{'>= 0' if name == 'p' else '>= 1'}")
    out = (int(n) + 2 * int(p) - int(d) * (int(k) - 1) - 1) // int(s) + 1
    if out < 1:
        raise ValueError(f"conv_out: kernel {k:g} does not fit input {n:g} with padding {p:g}")
    return out


def conv_params(cin, cout, k, bias=1, groups=1):
    """Learnable parameters of a k×k 2-D convolution: cout·(cin/groups)·k² weights, + cout biases."""
    if cin % groups or cout % groups:
        raise ValueError(f"conv_params: groups = {groups:g} must divide cin and cout")
    return cout * (cin // groups) * k * k + (cout if bias else 0)


def softmax(i, *logits):
    """The softmax probability of logits[i] (0-based), computed stably (max subtracted)."""
    if not logits or i != int(i) or not 0 <= i < len(logits):
        raise ValueError(f"softmax: index {i:g} is not one of the {len(logits)} logits")
    top = max(logits)
    exps = [math.exp(z - top) for z in logits]
    return exps[int(i)] / sum(exps)


def logsumexp(*xs):
    """log(sum(exp(x))), computed stably."""
    if not xs:
        raise ValueError("logsumexp: no values")
    top = max(xs)
    return top + math.log(sum(math.exp(x - top) for x in xs))


def demo(name, quantity, *args):
    """A number a demo computes: `FACTS[quantity](*args)` of demo `name`'s compute module.

    Each demo's compute module may define `FACTS: dict[str, callable]` (a quantity's name ->
    a function of plain numbers and names returning a float, bounded to well under a second).
    The module is found through the demo registry and imported only when a fact uses it, so
    lint runs NumPy demos only for the questions that cite them. Results are cached per call."""
    if not isinstance(name, str) or not isinstance(quantity, str):
        raise FactError("demo(…) takes a demo name and a quantity name in quotes, "
                        "e.g. demo('lr', 'critical_lr', 1.0)")
    for a in args:
        if not isinstance(a, (int, float, str)) or isinstance(a, bool):
            raise FactError(f"demo({name!r}, {quantity!r}, …): arguments are numbers or names")
    return _demo_cached(name, quantity, tuple(args))


_DEMO_CACHE: dict = {}


def _demo_cached(name: str, quantity: str, args: tuple) -> float:
    key = (name, quantity, args)
    if key in _DEMO_CACHE:
        return _DEMO_CACHE[key]
    import importlib

    from .demos import load_numpy, registry
    from .errors import DomainError, UnknownDemo, did_you_mean

    try:
        spec = registry.get(name)
    except UnknownDemo as exc:
        raise FactError(str(exc)) from None
    load_numpy()
    module = importlib.import_module(spec.compute.partition(":")[0])
    table = getattr(module, "FACTS", None) or {}
    if quantity not in table:
        known = ", ".join(sorted(table)) or "none"
        raise FactError(f"demo {name!r} has no quantity {quantity!r} (known: {known})."
                        f"{did_you_mean(quantity, table)}")
    try:
        value = float(table[quantity](*args))
    except DomainError as exc:  # a bad argument (unknown optimizer, value out of range)
        raise FactError(f"demo({name!r}, {quantity!r}, …): {exc}") from None
    except TypeError as exc:
        raise FactError(f"demo({name!r}, {quantity!r}, …): wrong arguments ({exc})") from None
    _DEMO_CACHE[key] = value
    return value


_SHAPE_FUNCTIONS = {"conv_out": conv_out, "conv_params": conv_params, "softmax": softmax,
                    "logsumexp": logsumexp, "floor": math.floor, "ceil": math.ceil,
                    "round": round, "abs": abs, "min": min, "max": max}

_LIGHT_FUNCTIONS = {**_SHAPE_FUNCTIONS, "demo": demo, "exp": math.exp, "log": math.log, "sqrt": math.sqrt,
                    "erf": math.erf, "tanh": math.tanh}

FUNCTION_NAMES = ("f", "const", "df", "max_df", "argmax_df", "min_f", "argmin_f", "sat", "gain",
                  "exp", "log", "sqrt", "erf", "tanh", "demo", *_SHAPE_FUNCTIONS)
_CONSTANTS = {"pi": math.pi, "e": math.e}
_BINARY = {ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul,
           ast.Div: operator.truediv, ast.Pow: operator.pow, ast.FloorDiv: operator.floordiv,
           ast.Mod: operator.mod}
MAX_EXPONENT = 64  # ** with a larger exponent is refused (2 ** 10 ** 9 would hang)
_FUNCTIONS: dict | None = None


def _functions() -> dict:
    global _FUNCTIONS
    if _FUNCTIONS is None:
        _FUNCTIONS = _engine_functions()
    return _FUNCTIONS


def _power(a, b):
    """a ** b; past MAX_EXPONENT in floating point, so 2 ** 10 ** 9 overflows at once instead of
    building a billion-digit integer."""
    if abs(b) > MAX_EXPONENT:
        return float(a) ** float(b)
    return operator.pow(a, b)
_UNARY = {ast.USub: operator.neg, ast.UAdd: operator.pos}


def _engine_error(exc: Exception) -> bool:
    """An unknown activation or a value the engine does not have (only possible once the
    engine functions were used, so their modules are loaded then)."""
    import sys

    acts = sys.modules.get(__package__ + ".activations")
    analysis = sys.modules.get(__package__ + ".activations.analysis")
    return bool((acts and isinstance(exc, acts.UnknownActivation))
                or (analysis and isinstance(exc, analysis.NoSuchValue)))


# Bounds on one expression's work: the text, its syntax tree and its engine calls are capped,
# and a power past MAX_EXPONENT is taken in floating point (so `10**10**10` overflows at once
# instead of building a billion-digit integer). Each engine call is itself bounded (a fixed
# grid), so one expression costs at most MAX_CALLS of them: a few milliseconds each.
MAX_EXPR_CHARS = 400
MAX_NODES = 200
MAX_CALLS = 20


def evaluate(expr: str, names: "Mapping[str, float] | None" = None) -> float:
    """The value of a fact expression; FactError with a readable reason otherwise.

    `names`: variables the expression may use (a number question's parameters and steps);
    they shadow the constants pi and e."""
    if len(expr) > MAX_EXPR_CHARS:
        raise FactError(f"expression is {len(expr)} characters; the limit is {MAX_EXPR_CHARS}")
    try:
        tree = ast.parse(expr, mode="eval")
    except SyntaxError as exc:
        raise FactError(f"cannot parse expression {expr!r}: {exc.msg}") from None
    except (RecursionError, MemoryError, ValueError):  # nesting too deep; NUL bytes
        raise FactError(f"cannot parse expression {expr!r}: nested too deeply") from None
    nodes = sum(1 for _ in ast.walk(tree))
    if nodes > MAX_NODES:
        raise FactError(f"expression has {nodes} parts; the limit is {MAX_NODES}")
    variables = dict(_CONSTANTS, **(names or {}))
    calls = 0

    def number(value):
        if isinstance(value, int) and abs(value) > 2 ** 1023:
            raise FactError(f"{str(value)[:12]}… is too large for a float")
        return value

    def walk(node):
        nonlocal calls
        if isinstance(node, ast.Expression):
            return walk(node.body)
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            return node.value
        if isinstance(node, ast.Constant) and type(node.value) in (int, float):
            return number(node.value)
        if isinstance(node, ast.Name) and node.id in variables:
            return variables[node.id]
        if isinstance(node, ast.Name):
            known = ", ".join(sorted(variables))
            raise FactError(f"unknown name {node.id!r} (known: {known})")
        if isinstance(node, ast.BinOp) and type(node.op) in _BINARY:
            left, right = walk(node.left), walk(node.right)
            if isinstance(left, str) or isinstance(right, str):
                raise FactError("arithmetic on a name: a name goes only into f(…), df(…), …")
            if isinstance(node.op, ast.Pow):
                result = _power(left, right)
            else:
                result = _BINARY[type(node.op)](left, right)
            if isinstance(result, complex):  # (-8) ** 0.5
                raise FactError(f"{ast.unparse(node)[:40]} is not a real number")
            return number(result)
        if isinstance(node, ast.UnaryOp) and type(node.op) in _UNARY:
            return _UNARY[type(node.op)](walk(node.operand))
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and not node.keywords:
            name = node.func.id
            fn = _LIGHT_FUNCTIONS.get(name)  # no NumPy for shapes and arithmetic
            if fn is None and name in FUNCTION_NAMES:
                fn = _functions()[name]
            if fn is None:
                raise FactError(
                    f"unknown function {name!r} (allowed: {', '.join(FUNCTION_NAMES)})"
                )
            calls += 1
            if calls > MAX_CALLS:
                raise FactError(f"more than {MAX_CALLS} function calls in one expression")
            return fn(*[walk(a) for a in node.args])
        raise FactError(f"{ast.dump(node)[:40]}… is not allowed in a fact expression")

    try:
        value = walk(tree)
    except FactError:
        raise
    except (LookupError, TypeError, ZeroDivisionError, OverflowError, ValueError,
            RecursionError) as exc:
        if _engine_error(exc):
            raise FactError(str(exc)) from None
        if isinstance(exc, LookupError):
            raise
        if isinstance(exc, OverflowError):
            raise FactError(f"{expr!r} is too large for a float") from None
        raise FactError(f"cannot evaluate {expr!r}: {exc}") from None
    if isinstance(value, str) or not math.isfinite(float(value)):
        raise FactError(f"{expr!r} does not evaluate to a finite number")
    return float(value)


def implied_tolerance(value: float) -> float:
    """Half a unit in the last digit of the value as written: 0.25 -> 0.005, 9.1e-13 -> 5e-15."""
    exponent = Decimal(repr(float(value))).as_tuple().exponent
    return 0.5 * 10.0 ** int(exponent)


def check(expr: str, value: float, tol: float | None = None) -> tuple[bool, float, float]:
    """(ok, engine value, tolerance used)."""
    actual = evaluate(expr)
    tolerance = implied_tolerance(value) if tol is None else float(tol)
    # a hair of slack for the decimal/binary round trip of the written value
    return abs(actual - float(value)) <= tolerance * (1 + 1e-9), actual, tolerance
