"""A wall-clock budget for work that content can make run away: the regular expressions of
`match`/`reject` rubrics, written by anyone who adds a question file.

Python's regex engine checks for signals while it backtracks, so an interval timer (SIGALRM)
stops even a catastrophic pattern. The timer only exists in the main thread of a Unix process;
elsewhere `time_budget` is a no-op and the static check (lint QZ029, refused at load) is the
defence. Domain code: raises `OverBudget`, never prints.
"""

from __future__ import annotations

import signal
import threading
from contextlib import contextmanager
from typing import Iterator

from .errors import OverBudget


class _Expired(Exception):
    pass


def _available() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextmanager
def time_budget(seconds: float, message: str) -> Iterator[None]:
    """Run the block for at most `seconds` of wall-clock time, else raise OverBudget(message).
    Nested budgets: the inner one is ignored when an outer timer is already running."""
    if not _available() or signal.getitimer(signal.ITIMER_REAL)[0] > 0:
        yield
        return

    def expire(signum, frame):  # noqa: ARG001
        raise _Expired

    previous = signal.signal(signal.SIGALRM, expire)
    try:
        signal.setitimer(signal.ITIMER_REAL, seconds)
        try:
            yield
        except _Expired:
            raise OverBudget(message) from None
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
    finally:
        signal.signal(signal.SIGALRM, previous)
