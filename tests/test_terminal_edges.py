"""Terminal edges: unusable widths and readers that leave early (issue 17, items 16, 17)."""

from __future__ import annotations

import os
import shlex
import subprocess
import sys

import pytest


@pytest.mark.parametrize("columns", ["0", "1", "5"])
@pytest.mark.parametrize("args", [["list"], ["show", "relu-vs-sigmoid"], ["explain", "relu"],
                                  ["ask", "--id", "relu-vs-sigmoid", "--answer", "relu", "--rate", "good"]])
def test_unusable_columns_mean_the_default_width(cli, columns, args):
    r = cli(*args, env={"COLUMNS": columns, "TERMINAL_WIDTH": columns})
    assert r.exit_code == 0, r
    lines = [ln for ln in r.stdout.splitlines() if ln.strip()]
    assert len(lines) >= 3
    assert max(len(ln) for ln in lines) >= 40  # not one character per line


PIPED = ["list", "show relu-vs-sigmoid", "explain relu", "stats", "demo vanishing --depth 20",
         "list --json", "demo", "demo saturation", "explain", "--help", "explain --help",
         "demo vanishing --help", "progress"]


@pytest.mark.parametrize("command", PIPED)
def test_a_reader_that_leaves_early_is_exit_0_under_pipefail(command, tmp_path):
    """`quiz list | head -n 1`; here a reader that leaves before quiz writes (`| true`), so
    the write always meets a closed pipe."""
    env = dict(os.environ, QUIZ_HOME=str(tmp_path / "home"))
    quiz = f"{shlex.quote(sys.executable)} -m quizcli"
    p = subprocess.run(["bash", "-c", f"set -o pipefail; {quiz} {command} | true"],
                       capture_output=True, text=True, timeout=60, env=env)
    assert p.returncode == 0, p
    assert "Traceback" not in p.stderr and "Exception ignored" not in p.stderr


@pytest.mark.parametrize("command", ["explain relu", "list", "stats", "show relu-vs-sigmoid",
                                     "demo vanishing --depth 20", "--help"])
def test_head_n_1_is_exit_0_under_pipefail(command, tmp_path):
    """The issue's own command: the reader takes one line and leaves while quiz still writes."""
    env = dict(os.environ, QUIZ_HOME=str(tmp_path / "home"), COLUMNS="100")
    quiz = f"{shlex.quote(sys.executable)} -m quizcli"
    p = subprocess.run(["bash", "-c", f"set -o pipefail; {quiz} {command} | head -n 1"],
                       capture_output=True, text=True, timeout=60, env=env)
    assert p.returncode == 0, p
    assert len(p.stdout.splitlines()) == 1
    assert p.stderr == ""


@pytest.mark.parametrize("args", [[], ["progress"]])
def test_a_group_without_a_subcommand_shows_its_help_and_exits_0(cli, args):
    r = cli(*args)
    assert r.exit_code == 0, r
    assert "Usage" in r.stdout and "Commands" in r.stdout
    assert r.stderr == ""


@pytest.mark.parametrize("typo,suggestion", [("aks", "ask"), ("expalin", "explain"),
                                             ("stat", "stats"), ("lsit", "list")])
def test_a_mistyped_command_gets_the_closest_one(cli, typo, suggestion):
    r = cli(typo)
    assert r.exit_code == 2
    assert f"Did you mean: {suggestion}" in r.stderr
    assert r.stderr.count("\n") == 1
