"""The demos there are: every subpackage of quizcli.demos whose `__init__` defines `SPEC`.

No central list: a new demo is a new package (and its tests). Discovery imports only the
packages' light `__init__` modules (no NumPy), so help, completion and the linter can use it.

    >>> from quizcli.demos import registry
    >>> registry.get("vanishing").name
    'vanishing'
"""

from __future__ import annotations

from .spec import DemoSpec

_SPECS: tuple[DemoSpec, ...] | None = None


def _discover() -> tuple[DemoSpec, ...]:
    """Import each subpackage of quizcli.demos and collect its SPEC."""
    import importlib
    import pkgutil

    from .. import demos

    found = []
    for info in pkgutil.iter_modules(demos.__path__):
        if not info.ispkg:
            continue
        module = importlib.import_module(f"{demos.__name__}.{info.name}")
        spec = getattr(module, "SPEC", None)
        if isinstance(spec, DemoSpec):
            found.append(spec)
    return tuple(found)


def specs() -> tuple[DemoSpec, ...]:
    """Every demo, in listing order (order, then name)."""
    global _SPECS
    if _SPECS is None:
        _SPECS = tuple(sorted(_discover(), key=lambda s: (s.order, s.name)))
    return _SPECS


def names() -> tuple[str, ...]:
    return tuple(s.name for s in specs())


def get(name: str) -> DemoSpec:
    """The spec of demo `name`; UnknownDemo (with the closest names) otherwise."""
    for spec in specs():
        if spec.name == name:
            return spec
    from ..errors import UnknownDemo, did_you_mean

    known = names()
    raise UnknownDemo(name, known, f"Unknown demo '{name}'. Demos: {', '.join(known)}."
                                   f"{did_you_mean(name, known)}")


def reset() -> None:
    """Forget the discovered specs (tests that add a demo package call this)."""
    global _SPECS
    _SPECS = None
