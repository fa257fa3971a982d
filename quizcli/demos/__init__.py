"""Live demos behind the answers (`quiz demo NAME`). One package per demo,
`quizcli/demos/<name>/`: `__init__.py` (light) defines `SPEC` (quizcli.demos.spec.DemoSpec),
`compute.py` is pure NumPy and returns a dataclass (never prints), `render.py` shows it.
`registry.py` finds the packages; `quiz demo`, its help, the linter's `see.demo` check and
`quiz ask`'s see-also demos are built from the specs (quizcli/commands/demo.py). What every
demo shares: `common.py` (activation lists, seeded streams, memory limits), `citations.py`.

This package module itself imports nothing heavy: `load_numpy` runs before NumPy is imported.
"""

from __future__ import annotations

import os
import sys

BLAS_THREAD_VARS = ("OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")
# Above this width BLAS's own threads pay for themselves; below it they cost more than they
# save, and collapse when the cores are busy (measured here: a 512×64 @ 64×64 float32 matmul
# takes 35 µs on one thread, 19 µs on two when idle, up to 800 µs on two when another process
# runs).
ONE_THREAD_MAX_WIDTH = 1024

blas_one_thread = False  # set when load_numpy made BLAS single-threaded in this process


def load_numpy(width: int = 0) -> None:
    """Import NumPy with a single-threaded BLAS for the small matrices demos multiply, unless
    NumPy is already loaded, the user chose a thread count, or the matrices are large. The
    environment is restored right after (BLAS reads it once, at load)."""
    global blas_one_thread
    if "numpy" in sys.modules or width > ONE_THREAD_MAX_WIDTH:
        return
    if any(os.environ.get(v) for v in BLAS_THREAD_VARS):
        blas_one_thread = all(os.environ.get(v) in (None, "", "1") for v in BLAS_THREAD_VARS)
        return
    saved = {v: os.environ.get(v) for v in BLAS_THREAD_VARS}
    try:
        for v in BLAS_THREAD_VARS:
            os.environ[v] = "1"
        import numpy  # noqa: F401

        blas_one_thread = True
    finally:
        for v, old in saved.items():
            if old is None:
                os.environ.pop(v, None)
            else:
                os.environ[v] = old
