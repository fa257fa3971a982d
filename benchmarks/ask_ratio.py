"""Scripted grading time against a floor: `quiz ask --id … --answer … --json` of this build vs
another build (issue 10: "within 1.3× of today's"), interleaved runs, medians.

    python benchmarks/ask_ratio.py BASE_QUIZ NEW_QUIZ [--runs 31]

BASE_QUIZ / NEW_QUIZ: `quiz` executables of two wheel installs (bytecode compiled at install, as
users get it), e.g. the pre-claims revision 53ecd15 and this one:

    pip wheel --no-deps . -w /tmp/new && python -m venv /tmp/vnew && /tmp/vnew/bin/pip install /tmp/new/*.whl
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

ANSWERS = [
    ("relu-vs-sigmoid", "Sigmoid saturates so gradients vanish through many layers; ReLU is cheap "
                        "and gives sparse outputs, but units can die."),
    ("relu-vs-sigmoid", "sigmoid는 도함수가 최대 0.25라서 층이 깊어지면 기울기가 소실됩니다. ReLU는 양수에서 기울기가 1이고 "
                        "계산이 싸지만 dying ReLU 문제가 있습니다."),
    ("he-init", "He init draws weights with variance 2/fan_in because ReLU zeroes half the inputs."),
]


def run(quiz: str, qid: str, answer: str, home: str) -> float:
    env = dict(os.environ, QUIZ_HOME=home, TERM="dumb", NO_COLOR="1")
    t0 = time.perf_counter()
    subprocess.run([quiz, "ask", "--id", qid, "--answer", answer, "--json"], env=env,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return time.perf_counter() - t0


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("base")
    p.add_argument("new")
    p.add_argument("--runs", type=int, default=31)
    a = p.parse_args(argv)
    with tempfile.TemporaryDirectory() as hb, tempfile.TemporaryDirectory() as hn:
        for quiz, home in ((a.base, hb), (a.new, hn)):  # warm caches (parse, lexicon)
            for qid, ans in ANSWERS:
                run(quiz, qid, ans, home)
        ratios = []
        for qid, ans in ANSWERS:
            base, new = [], []
            for _ in range(a.runs):  # interleaved: load changes hit both alike
                base.append(run(a.base, qid, ans, hb))
                new.append(run(a.new, qid, ans, hn))
            mb, mn = statistics.median(base), statistics.median(new)
            ratios.append(mn / mb)
            print(f"{qid:16} {ans[:28]!r:32} base {mb * 1000:6.1f} ms  new {mn * 1000:6.1f} ms  "
                  f"ratio {mn / mb:.2f}×  ({a.runs} runs each, medians)")
    print(f"median ratio {statistics.median(ratios):.2f}×")
    return 0


if __name__ == "__main__":
    sys.exit(main())
