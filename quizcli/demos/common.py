"""What every demo shares: activation lists, seeded random streams, memory estimates."""

from __future__ import annotations

import math
from typing import Callable, Optional, Sequence

import numpy as np

from .. import activations
from ..activations.base import Activation
from ..errors import InvalidValue, OverBudget

DEFAULT_SEED = 0
# The most memory a demo may plan to use. Above it the demo refuses with the estimate
# before allocating anything (a laptop must stay usable while a demo runs).
MEMORY_LIMIT_BYTES = 1 << 30

# The most arithmetic a demo may plan: multiply-adds of its matrix products, estimated from the
# options before any work. 5e10 is a few seconds of NumPy on a laptop (issue 17: `dying --width
# 4096` once ran 241 s and `sparsity --depth 1000 --width 2000 --batch 2000` 14 minutes).
WORK_LIMIT_MACS = 5e10

Progress = Optional[Callable[[int, int], None]]  # (done, total) work units


def parse_activations(text: str | Sequence[str], option: str = "--activations") -> tuple[Activation, ...]:
    """'sigmoid, Leaky-ReLU,swish' -> registry objects, in order, duplicates dropped.
    An unknown name raises UnknownActivation with the registry's closest names."""
    raw = text.split(",") if isinstance(text, str) else list(text)
    names = [n.strip() for n in raw if n.strip()]
    if not names:
        raise InvalidValue(f"{option} needs at least one activation name, e.g. {option} sigmoid,relu.")
    acts: list[Activation] = []
    for name in names:
        act = activations.get(name)
        if act not in acts:
            acts.append(act)
    return tuple(acts)


def rng(seed: int, *stream: int) -> np.random.Generator:
    """An independent random stream per (seed, purpose, index…): the weights of layer block 7
    are the same whichever activations or options a run uses."""
    if seed < 0:
        raise InvalidValue(f"--seed must be a non-negative integer; got {seed}.")
    return np.random.default_rng([seed, *stream])


def format_bytes(n: float) -> str:
    for unit, size in (("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)):
        if n >= size:
            return f"{n / size:.1f} {unit}"
    return f"{int(n)} B"


def check_memory(needed: float, what: str, advice: str) -> None:
    """Refuse before allocating: 'needs about 3.2 GiB (…); the limit is 1.0 GiB. <advice>'."""
    if needed > MEMORY_LIMIT_BYTES:
        raise OverBudget(
            f"This run needs about {format_bytes(needed)} of memory ({what}); the limit is "
            f"{format_bytes(MEMORY_LIMIT_BYTES)}. {advice}"
        )


def is_positively_homogeneous(act: Activation) -> bool:
    """f(c·x) == c·f(x) for c > 0 (relu, leaky_relu, prelu, identity): then a forward pass can
    be rescaled per layer without changing any derivative. Checked numerically, exactly (powers
    of two scale floats without rounding)."""
    x = np.linspace(-5.0, 5.0, 41)
    fx = act.f(x)
    for c in (2.0**-20, 2.0**20):
        if not np.array_equal(act.f(c * x), c * fx):
            return False
    return True


def log10_or_neg_inf(x: float) -> float:
    return math.log10(x) if x > 0 else -math.inf


def check_work(multiply_adds: float, what: str, advice: str) -> None:
    """Refuse before computing: 'needs about 4.8e12 multiply-adds (…); the limit is 5e10 …'."""
    if multiply_adds > WORK_LIMIT_MACS:
        raise OverBudget(
            f"This run needs about {multiply_adds:.1e} multiply-adds ({what}), more than the "
            f"{WORK_LIMIT_MACS:.0e} a demo may use (a few seconds). {advice}"
        )


def number_list(value, option: str, what: str, example: str, lo: float, hi: float,
                most: int, whole: bool = False) -> tuple:
    """A comma-separated option ('4,64,1024') or a sequence -> its numbers sorted, each once;
    every one within [lo, hi] (whole numbers if `whole`), 1 … `most` of them. Bad input is one
    InvalidValue line naming the option, what it takes and an example."""
    raw = value.split(",") if isinstance(value, str) else list(value)
    kind = "whole numbers" if whole else what
    takes = f"{option} takes {kind} {lo:g} … {hi:g} (e.g. {example})"
    out = set()
    for v in raw:
        try:
            x = float(v)
        except (TypeError, ValueError):
            raise InvalidValue(f"{takes}; '{str(v).strip()}' is not a number.") from None
        if not (math.isfinite(x) and lo <= x <= hi and (not whole or x == int(x))):
            raise InvalidValue(f"{takes}; got {x:g}.")
        out.add(int(x) if whole else x)
    if not 1 <= len(out) <= most:
        raise InvalidValue(f"{option} takes 1 to {most} {what}; got {len(out)}.")
    return tuple(sorted(out))
