"""Activation names and aliases as plain data, importable without NumPy.

Shell completion and error messages need the names; they must not pay for NumPy. The names
come from the catalog (catalog.py); a test checks that functions.py has one row per entry.
"""

from __future__ import annotations

import re

from .catalog import CATALOG

# Derived from the catalog (quizcli/activations/catalog.py), in its order.
CANONICAL: tuple[str, ...] = tuple(e.name for e in CATALOG)
ALIASES: dict[str, str] = {alias: e.name for e in CATALOG for alias in e.aliases}


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
