"""Evaluate the `facts` expressions of question files against the activation engine.

An expression is restricted arithmetic parsed with `ast` (never `eval`): numbers, + - * / **,
parentheses, the engine functions below and a few `math` functions. See content/README.md.
"""

from __future__ import annotations

import ast
import math
import operator
from decimal import Decimal


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


FUNCTION_NAMES = ("f", "const", "df", "max_df", "argmax_df", "min_f", "argmin_f", "sat", "gain",
                  "exp", "log", "sqrt", "erf", "tanh")
_CONSTANTS = {"pi": math.pi, "e": math.e}
_BINARY = {ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul,
           ast.Div: operator.truediv, ast.Pow: operator.pow}
_UNARY = {ast.USub: operator.neg, ast.UAdd: operator.pos}


def evaluate(expr: str) -> float:
    """The value of a fact expression; FactError with a readable reason otherwise."""
    from .activations import UnknownActivation
    from .activations.analysis import NoSuchValue

    try:
        tree = ast.parse(expr, mode="eval")
    except SyntaxError as exc:
        raise FactError(f"cannot parse expression {expr!r}: {exc.msg}") from None
    functions = _engine_functions()

    def walk(node):
        if isinstance(node, ast.Expression):
            return walk(node.body)
        if isinstance(node, ast.Constant) and isinstance(node.value, (int, float, str)):
            return node.value
        if isinstance(node, ast.Name) and node.id in _CONSTANTS:
            return _CONSTANTS[node.id]
        if isinstance(node, ast.BinOp) and type(node.op) in _BINARY:
            return _BINARY[type(node.op)](walk(node.left), walk(node.right))
        if isinstance(node, ast.UnaryOp) and type(node.op) in _UNARY:
            return _UNARY[type(node.op)](walk(node.operand))
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and not node.keywords:
            if node.func.id not in functions:
                raise FactError(
                    f"unknown function {node.func.id!r} (allowed: {', '.join(FUNCTION_NAMES)})"
                )
            return functions[node.func.id](*[walk(a) for a in node.args])
        raise FactError(f"{ast.dump(node)[:40]}… is not allowed in a fact expression")

    try:
        value = walk(tree)
    except (UnknownActivation, NoSuchValue) as exc:
        raise FactError(str(exc)) from None
    except (TypeError, ZeroDivisionError, OverflowError, ValueError) as exc:
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
