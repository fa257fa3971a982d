"""Activation names and aliases as plain data, importable without NumPy.

Shell completion and error messages need the names; they must not pay for NumPy. A test
checks that this table matches the registry in `functions.py`.
"""

from __future__ import annotations

import re

CANONICAL: tuple[str, ...] = (
    "sigmoid", "tanh", "relu", "leaky_relu", "prelu", "relu6", "elu", "selu", "celu",
    "gelu", "gelu_tanh", "silu", "mish", "softplus", "softsign", "hardtanh", "hardsigmoid",
    "hardswish", "logsigmoid", "tanhshrink", "identity",
)

ALIASES: dict[str, str] = {
    "logistic": "sigmoid", "sigma": "sigmoid", "hyperbolic_tangent": "tanh",
    "rectifier": "relu", "lrelu": "leaky_relu", "parametric_relu": "prelu",
    "gelu_exact": "gelu", "gelu_approx": "gelu_tanh", "approximate_gelu": "gelu_tanh",
    "swish": "silu", "smooth_relu": "softplus", "hard_sigmoid": "hardsigmoid",
    "hard_swish": "hardswish", "log_sigmoid": "logsigmoid", "linear": "identity",
    "none": "identity",
}


def squash(name: str) -> str:
    """The spelling-insensitive key: 'Leaky-ReLU', 'leaky_relu' and 'LeakyReLU' all agree."""
    return re.sub(r"[^a-z0-9]", "", name.casefold())


_BY_KEY: dict[str, str] = {squash(n): n for n in CANONICAL}
_BY_KEY.update({squash(a): target for a, target in ALIASES.items()})


def canonical_name(name: str) -> str | None:
    """The registry name a user's spelling refers to, or None."""
    return _BY_KEY.get(squash(name))


def closest_names(name: str, limit: int = 3) -> list[str]:
    """Registry names closest to an unknown spelling, best first (for 'Did you mean')."""
    import difflib

    keys = difflib.get_close_matches(squash(name), list(_BY_KEY), n=limit * 2, cutoff=0.5)
    seen: list[str] = []
    for key in keys:
        target = _BY_KEY[key]
        if target not in seen:
            seen.append(target)
    return seen[:limit]
