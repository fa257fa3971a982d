"""Issue 17, item 7: a demo refuses, in one line and at once, a run that would take minutes."""

from __future__ import annotations

import time

import pytest

from quizcli.demos import common
from quizcli.errors import OverBudget


@pytest.mark.parametrize("args", [
    ("dying", "--units", "4096"),  # 241 s before
    ("sparsity", "--depth", "1000", "--units", "2000", "--batch", "2000"),  # ~14 min before
    ("vanishing", "--depth", "100000"),
])
def test_long_runs_are_refused_before_any_work(cli, args):
    t = time.monotonic()
    r = cli("demo", *args)
    assert time.monotonic() - t < 10
    assert r.exit_code == 2, r
    assert r.stdout == ""
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and "multiply-adds" in lines[0] and "Lower --" in lines[0]


def test_the_budget_is_a_bound_not_a_guess():
    common.check_work(common.WORK_LIMIT_MACS, "at the limit", "")
    with pytest.raises(OverBudget):
        common.check_work(common.WORK_LIMIT_MACS * 1.01, "just above", "")


def test_default_runs_are_far_inside_the_budget(cli):
    for name in ("dying", "sparsity", "vanishing"):
        assert cli("demo", name, "--json").exit_code == 0
