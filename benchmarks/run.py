"""Rerunnable performance figures for quizcli, each a ratio against a floor measured in the
same run (absolute times on a shared machine mean little).

    python benchmarks/run.py            # all figures, 9 runs each, table + benchmarks/results/latest.json
    python benchmarks/run.py --runs 15 --only help,explain

Method: one warm-up of each command, then the command and its floor alternate, N runs each;
the figure is median(command) / median(floor). Uses the `quiz` next to this Python
(the project's venv) and plain subprocesses; nothing outside the project.

Run it with the Python of a venv made by the README's first command (`pip install .`): a wheel
install has compiled bytecode, as users get it. An editable install in an environment with
PYTHONDONTWRITEBYTECODE=1 recompiles quizcli's sources on every run (~10 ms), which the
floors do not pay; the script warns when it sees that.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
PY = sys.executable
QUIZ = str(Path(PY).with_name("quiz"))
ANSWER = ("ReLU avoids the vanishing gradient because its derivative is 1 for positive inputs, "
          "while sigmoid's derivative is at most 0.25.")


def _env(home: str) -> dict:
    env = dict(os.environ)
    env.update({"QUIZ_HOME": home, "QUIZ_CACHE_DIR": home + "-cache", "COLUMNS": "100", "NO_COLOR": "1", "TERM": "dumb",
                "QUIZ_LANG": "en"})
    return env


def wall(cmd: list[str], env: dict) -> tuple[float, int]:
    """Wall-clock seconds and peak RSS (KiB) of one run of cmd."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed with {proc.returncode}: {proc.stderr.read().decode()[-400:]}")
    return elapsed, usage.ru_maxrss


def paired(cmd: list[str], floor: list[str], runs: int, env: dict) -> dict:
    wall(cmd, env), wall(floor, env)  # warm-up: page cache, .pyc files, content cache
    a, b, rss = [], [], []
    for _ in range(runs):
        t, m = wall(cmd, env)
        a.append(t)
        rss.append(m)
        b.append(wall(floor, env)[0])
    return {"median_s": statistics.median(a), "floor_median_s": statistics.median(b),
            "ratio": statistics.median(a) / statistics.median(b), "peak_rss_mib": max(rss) / 1024,
            "runs": runs}


def write_bank(directory: Path, count: int) -> None:
    """`count` valid generated questions (the format of content/README.md)."""
    directory.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        qid = f"generated-{i:05d}"
        (directory / f"{qid}.md").write_text(f"""---
id: {qid}
title:
  ko: "생성된 질문 {i}: 기울기 소실이란 무엇인가요?"
  en: "Generated question {i}: what is a vanishing gradient?"
tags: [generated, gradients]
difficulty: {1 + i % 3}
key_points:
  - id: product
    ko: {{text: "역전파에서 작은 값이 곱해진다", match: ["곱해"]}}
    en: {{text: "backprop multiplies small factors", match: ["multipl"]}}
  - id: depth
    ko: {{text: "층이 깊을수록 심해진다", match: ["깊"]}}
    en: {{text: "it worsens with depth", match: ["depth|deep"]}}
  - id: remedy
    ko: {{text: "ReLU와 He 초기화로 완화한다", match: ["he\\\\s*초기화"]}}
    en: {{text: "ReLU and He init mitigate it", match: ["he init"]}}
sources: ["generated for the benchmark"]
---
## ko

역전파에서 작은 값이 곱해지므로 층이 깊을수록 기울기가 작아집니다. ReLU와 He 초기화로 완화합니다.

## en

Backprop multiplies small factors, so gradients shrink with depth. ReLU and He init mitigate it.
""", encoding="utf-8")


def figure_help(runs, env):
    return paired([QUIZ, "--help"], [PY, str(HERE / "floor_typer_app.py"), "--help"], runs, env)


def figure_explain(runs, env):
    return paired([QUIZ, "explain", "relu"], [PY, str(HERE / "floor_table.py")], runs, env)


def figure_large_bank(runs, env, tmp: Path):
    bank = tmp / "bank"
    write_bank(bank, 10_000)
    ask = [QUIZ, "ask", "--id", "relu-vs-sigmoid", "--answer", ANSWER, "--json"]
    return paired(ask + ["--content-dir", str(bank)], ask, runs, env)


def figure_vanishing_compute(runs, env):
    """In-process: the engine's vanishing demo vs the same MLP written directly in NumPy."""
    code = (HERE / "vanishing_floor.py").read_text(encoding="utf-8")
    out = subprocess.run([PY, "-c", code, str(runs)], capture_output=True, text=True, env=env,
                         check=True)
    return json.loads(out.stdout)


def figure_deep_vanishing(runs, env):
    cmd = [QUIZ, "demo", "vanishing", "--depth", "10000", "--json"]
    wall(cmd, env)
    times = [wall(cmd, env)[0] for _ in range(max(3, runs // 2))]
    return {"median_s": statistics.median(times), "runs": len(times)}


FIGURES = {
    "help": ("quiz --help vs a one-command Typer app --help", "ratio", 1.15),
    "explain": ("quiz explain relu vs typer+rich+numpy printing one table", "ratio", 1.3),
    "bank": ("quiz ask --answer --json with 10,000 extra questions vs built-in bank", "ratio", 1.3),
    "vanishing": ("demo vanishing depth 50 width 256 compute vs plain NumPy", "ratio", 1.1),
    "memory": ("peak RSS of quiz explain relu (MiB)", "peak_rss_mib", 80.0),
    "deep": ("quiz demo vanishing --depth 10000 wall time (s)", "median_s", 3.0),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--only", default=",".join(FIGURES))
    parser.add_argument("--json", default=str(HERE / "results" / "latest.json"))
    args = parser.parse_args()
    if not Path(QUIZ).exists():
        raise SystemExit(f"no quiz next to {PY}: install the project into this venv first")
    probe = subprocess.run([PY, "-c", "import quizcli, pathlib; "
                            "print(pathlib.Path(quizcli.__file__).parent / '__pycache__')"],
                           capture_output=True, text=True, check=True).stdout.strip()
    if not Path(probe).is_dir():
        print(f"warning: {probe} does not exist: quizcli is recompiled on every run; "
              "measure a wheel install (pip install .) for figures users see", file=sys.stderr)
    tmp = Path(tempfile.mkdtemp(prefix="quiz-bench-"))
    env = _env(str(tmp / "home"))
    results = {}
    try:
        for key in args.only.split(","):
            if key == "help":
                results[key] = figure_help(args.runs, env)
            elif key == "explain":
                results[key] = figure_explain(args.runs, env)
            elif key == "bank":
                results[key] = figure_large_bank(args.runs, env, tmp)
            elif key == "vanishing":
                results[key] = figure_vanishing_compute(args.runs, env)
            elif key == "memory":
                results[key] = results.get("explain") or figure_explain(args.runs, env)
            elif key == "deep":
                results[key] = figure_deep_vanishing(args.runs, env)
            else:
                raise SystemExit(f"unknown figure {key!r}; choose from {', '.join(FIGURES)}")
            print(f"measured {key}", file=sys.stderr)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    rows = []
    print(f"\nquizcli benchmarks — Python {platform.python_version()}, {platform.machine()}, "
          f"{os.cpu_count()} cores, {args.runs} runs, medians\n")
    print(f"{'figure':<66} {'value':>9} {'target':>8}  ok")
    for key, data in results.items():
        label, metric, target = FIGURES[key]
        value = data[metric]
        ok = value <= target
        rows.append({"figure": key, "label": label, "metric": metric, "value": value,
                     "target": target, "ok": ok, **data})
        print(f"{label:<66} {value:>9.3f} {target:>8.2f}  {'yes' if ok else 'NO'}")
    out = Path(args.json)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps({"python": platform.python_version(), "machine": platform.machine(),
                               "cpus": os.cpu_count(), "figures": rows}, indent=2) + "\n")
    print(f"\nwrote {out}")


if __name__ == "__main__":
    main()
