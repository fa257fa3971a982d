"""Issue 17, item 4: a content file's regular expressions cannot hang grading or lint.

Catastrophic patterns are refused statically (QZ029) and dropped at load; whatever slips past
meets a wall-clock budget that ends in one line and exit 2."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from quizcli import grading
from quizcli.bank.loader import load_bank
from quizcli.budget import time_budget
from quizcli.errors import OverBudget
from quizcli.textmatch import backtracking_risk

FIXTURE = Path(__file__).parent / "fixtures" / "lint" / "QZ036-unbounded-repetition" / "sample-question.md"


@pytest.mark.parametrize("pattern", [
    "alpha|(a|a){1,60}$", "(a+)+$", "(ab|a)*x", r"(?:\w{1,9}){1,60}",
])
def test_exponential_patterns_are_recognised(pattern):
    assert backtracking_risk(pattern)


@pytest.mark.parametrize("pattern", [
    "relu|sigmoid", r"(?:vanish|explod)\w{0,6}", "(?:a|b)+", r"(\w{1,12}\s*){0,3}",
    r"(?:[^.!?;]|\.(?=\d)){0,120}", r"기울기(?:가|이)?\s?.{0,20}소실",
])
def test_ordinary_patterns_are_not(pattern):
    assert backtracking_risk(pattern) is None


def _hostile_bank(tmp_path, monkeypatch, pattern: str):
    d = tmp_path / "content"
    d.mkdir()
    text = FIXTURE.read_text(encoding="utf-8").replace(
        "match: ['sparse']", "match: ['sparse', '" + pattern + "']")
    assert pattern in text
    (d / "sample-question.md").write_text(text, encoding="utf-8")
    monkeypatch.setenv("QUIZ_CONTENT_PATH", str(d))
    return d


def test_a_refused_pattern_never_runs_and_grading_is_fast(tmp_path, monkeypatch, cli):
    _hostile_bank(tmp_path, monkeypatch, "alpha|(a|a){1,60}$")
    t = time.monotonic()
    r = cli("ask", "--id", "sample-question", "--answer", "a" * 40 + "!", "--json")
    assert time.monotonic() - t < 10
    # the file is refused with one line naming the pattern: no hang, no traceback
    assert r.exit_code == 2, r
    assert "QZ029" in r.stderr and "Traceback" not in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1
    r = cli("lint", str(tmp_path / "content"))
    assert r.exit_code != 0 and "QZ029" in r.stdout


def test_the_budget_stops_a_runaway_regex():
    import re

    t = time.monotonic()
    with pytest.raises(OverBudget):
        with time_budget(0.3, "too slow"):
            re.search(r"(a|a){1,60}$", "a" * 40 + "!")
    assert time.monotonic() - t < 5


def test_grading_a_pattern_that_slips_past_ends_in_over_budget(monkeypatch):
    """A user's regex key point whose pattern escaped the static check (here it is built
    directly, not loaded) still ends in OverBudget, not a hang."""
    import dataclasses

    from quizcli.bank.model import KeyPoint

    q = load_bank().get("relu-vs-sigmoid")
    slow = KeyPoint("slow", {"en": "x", "ko": "x"}, {"en": ("(a|a){1,60}$",), "ko": ()})
    hostile = dataclasses.replace(q, key_points=(slow,))
    monkeypatch.setattr(grading, "REGEX_BUDGET_S", 0.3)
    t = time.monotonic()
    with pytest.raises(OverBudget):
        grading.grade(hostile, "a" * 40 + "!")
    assert time.monotonic() - t < 5


def test_a_long_repetitive_answer_grades_in_moments():
    """A 21 KB answer repeating two concepts of a three-slot claim ran past 120 s (n^3 search)."""
    q = load_bank().get("momentum-nesterov")
    answer = "momentum accumulates velocity " * 700
    t = time.monotonic()
    result = grading.grade(q, answer)
    assert time.monotonic() - t < 10
    assert result.score < 0.5  # the gradient is never named: the first key point is not covered
