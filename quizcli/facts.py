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


_SHAPE_FUNCTIONS = {"conv_out": conv_out, "conv_params": conv_params, "softmax": softmax,
                    "logsumexp": logsumexp, "floor": math.floor, "ceil": math.ceil,
                    "round": round, "abs": abs, "min": min, "max": max}

_LIGHT_FUNCTIONS = {**_SHAPE_FUNCTIONS, "exp": math.exp, "log": math.log, "sqrt": math.sqrt,
                    "erf": math.erf, "tanh": math.tanh}

FUNCTION_NAMES = ("f", "const", "df", "max_df", "argmax_df", "min_f", "argmin_f", "sat", "gain",
                  "exp", "log", "sqrt", "erf", "tanh", *_SHAPE_FUNCTIONS)
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
    if abs(b) > MAX_EXPONENT:
        raise ValueError(f"exponent {b:g} is larger than {MAX_EXPONENT}")
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


def evaluate(expr: str, names: "Mapping[str, float] | None" = None) -> float:
    """The value of a fact expression; FactError with a readable reason otherwise.

    `names`: variables the expression may use (a number question's parameters and steps);
    they shadow the constants pi and e."""
    try:
        tree = ast.parse(expr, mode="eval")
    except SyntaxError as exc:
        raise FactError(f"cannot parse expression {expr!r}: {exc.msg}") from None
    variables = dict(_CONSTANTS, **(names or {}))

    def walk(node):
        if isinstance(node, ast.Expression):
            return walk(node.body)
        if isinstance(node, ast.Constant) and isinstance(node.value, (int, float, str)):
            return node.value
        if isinstance(node, ast.Name) and node.id in variables:
            return variables[node.id]
        if isinstance(node, ast.Name):
            known = ", ".join(sorted(variables))
            raise FactError(f"unknown name {node.id!r} (known: {known})")
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Pow):
            return _power(walk(node.left), walk(node.right))
        if isinstance(node, ast.BinOp) and type(node.op) in _BINARY:
            return _BINARY[type(node.op)](walk(node.left), walk(node.right))
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
            return fn(*[walk(a) for a in node.args])
        raise FactError(f"{ast.dump(node)[:40]}… is not allowed in a fact expression")

    try:
        value = walk(tree)
    except (LookupError, TypeError, ZeroDivisionError, OverflowError, ValueError) as exc:
        if _engine_error(exc):
            raise FactError(str(exc)) from None
        if isinstance(exc, LookupError):
            raise
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
