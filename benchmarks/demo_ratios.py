"""Issue 14's benchmark: each demo's compute, run through the registry, against the same
computation written directly in NumPy (its "floor"), in one process, interleaved, median of
N runs after a warm-up. Prints a Markdown table (ratio = compute median / floor median).

    python benchmarks/demo_ratios.py                 # every floor, 9 runs each
    python benchmarks/demo_ratios.py --runs 15 --only optimizers,lr

A floor is a module benchmarks/demo_floors/<demo>.py defining
    NAME   the demo's registry name,
    CASES  a list of option dicts (each is timed; {} is the default run),
    floor(**options)  the same numbers in direct NumPy: no dataclasses, no validation, no
                      result objects, no rendering.
New demos add a floor module; this runner finds it. NumPy is loaded as `quiz demo` loads it
(quizcli.demos.load_numpy: single-threaded BLAS for small matrices), for both sides.
"""

from __future__ import annotations

import argparse
import importlib.util
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
FLOORS = HERE / "demo_floors"
MIN_RUNS = 7


def discover(only: set[str] | None = None) -> list:
    modules = []
    for path in sorted(FLOORS.glob("*.py")):
        if path.name.startswith("_"):
            continue
        spec = importlib.util.spec_from_file_location(f"demo_floors.{path.stem}", path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)  # type: ignore[union-attr]
        if only is None or module.NAME in only:
            modules.append(module)
    return modules


def _time(fn, kwargs) -> float:
    start = time.perf_counter()
    fn(**kwargs)
    return time.perf_counter() - start


def measure(module, runs: int) -> list[dict]:
    from quizcli.demos import registry
    from quizcli.demos.spec import load

    compute = load(registry.get(module.NAME).compute)
    rows = []
    for case in module.CASES:
        compute(**case), module.floor(**case)  # warm-up (imports, caches)
        ours, floor = [], []
        for i in range(runs):  # interleaved, alternating which goes first
            if i % 2:
                floor.append(_time(module.floor, case))
                ours.append(_time(compute, case))
            else:
                ours.append(_time(compute, case))
                floor.append(_time(module.floor, case))
        a, b = statistics.median(ours), statistics.median(floor)
        rows.append({"demo": module.NAME, "case": _case_text(case), "compute_ms": 1e3 * a,
                     "floor_ms": 1e3 * b, "ratio": a / b})
    return rows


def _case_text(case: dict) -> str:
    if not case:
        return "defaults"
    return " ".join(f"--{k.replace('_', '-')} {_value(v)}" for k, v in case.items())


def _value(v) -> str:
    return ",".join(str(x) for x in v) if isinstance(v, (tuple, list)) else str(v)


def table(rows: list[dict], runs: int) -> str:
    lines = [f"| demo | case | compute (ms) | floor (ms) | ratio |",
             "|---|---|---|---|---|"]
    for r in rows:
        lines.append(f"| `{r['demo']}` | `{r['case']}` | {r['compute_ms']:.2f} | "
                     f"{r['floor_ms']:.2f} | {r['ratio']:.2f}× |")
    return "\n".join(lines) + f"\n\nmedian of {runs} interleaved runs after a warm-up"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--only", default=None, help="comma-separated demo names")
    args = parser.parse_args(argv)
    if args.runs < MIN_RUNS:
        parser.error(f"--runs must be at least {MIN_RUNS}")
    sys.path.insert(0, str(HERE.parent))
    from quizcli.demos import load_numpy

    load_numpy()
    only = set(args.only.split(",")) if args.only else None
    rows = []
    for module in discover(only):
        rows.extend(measure(module, args.runs))
    print(table(rows, args.runs))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
