"""The activation registry: one object per activation (see `functions.py`).

    >>> from quizcli.activations import get
    >>> float(get("Leaky-ReLU").df(0.0))
    0.01
"""

from __future__ import annotations

from ..errors import UnknownActivation as _UnknownActivationError
from ..errors import did_you_mean
from .base import Activation, Kink, Properties
from .functions import ACTIVATIONS
from .names import CANONICAL, canonical_name, closest_names

__all__ = ["Activation", "Kink", "Properties", "ACTIVATIONS", "get", "all_activations",
           "UnknownActivation"]

_REGISTRY: dict[str, Activation] = {a.name: a for a in ACTIVATIONS}


class UnknownActivation(_UnknownActivationError):
    """A name that is no activation's name or alias (a DomainError: one line, exit 2)."""

    def __init__(self, name: str):
        self.suggestions = closest_names(name)
        super().__init__(name, CANONICAL,
                         f"Unknown activation '{name}'.{did_you_mean(name, near=self.suggestions)} "
                         f"(quiz explain lists all {len(CANONICAL)})")


def get(name: str) -> Activation:
    """Look up an activation by any accepted spelling or alias."""
    canonical = canonical_name(name)
    if canonical is None:
        raise UnknownActivation(name)
    return _REGISTRY[canonical]


def all_activations() -> tuple[Activation, ...]:
    return ACTIVATIONS
