"""The activation registry: one object per activation (see `functions.py`).

    >>> from quizcli.activations import get
    >>> float(get("Leaky-ReLU").df(0.0))
    0.01
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..errors import UnknownActivation as _UnknownActivationError
from ..errors import did_you_mean
from .names import CANONICAL, canonical_name, closest_names

if TYPE_CHECKING:  # pragma: no cover
    from .base import Activation

__all__ = ["Activation", "Kink", "Properties", "ACTIVATIONS", "get", "all_activations",
           "UnknownActivation"]

# Light on purpose: importing the package (or its light `names`/`catalog` modules, as the
# command line's parameter types do) must not import NumPy; `quiz demo` first chooses the
# BLAS threading (quizcli.demos.load_numpy). The mathematics loads on first use.
_REGISTRY: dict[str, "Activation"] = {}


def __getattr__(name: str):
    if name in ("Activation", "Kink", "Properties"):
        from . import base

        return getattr(base, name)
    if name == "ACTIVATIONS":
        return all_activations()
    raise AttributeError(name)


class UnknownActivation(_UnknownActivationError):
    """A name that is no activation's name or alias (a DomainError: one line, exit 2)."""

    def __init__(self, name: str):
        self.suggestions = closest_names(name)
        super().__init__(name, CANONICAL,
                         f"Unknown activation '{name}'.{did_you_mean(name, near=self.suggestions)} "
                         f"(quiz explain lists all {len(CANONICAL)})")


def get(name: str) -> "Activation":
    """Look up an activation by any accepted spelling or alias."""
    canonical = canonical_name(name)
    if canonical is None:
        raise UnknownActivation(name)
    if not _REGISTRY:
        _REGISTRY.update((a.name, a) for a in all_activations())
    return _REGISTRY[canonical]


def all_activations() -> tuple["Activation", ...]:
    from .functions import ACTIVATIONS

    return ACTIVATIONS
