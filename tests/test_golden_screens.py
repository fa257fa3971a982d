"""Rendered screens at 40, 60 and 100 columns (issue 11, Output): every table keeps its
numbers whole at every width >= 40, no line is wider than the terminal, and the screens are
compared with golden files. Regenerate after an intended change with
QUIZ_UPDATE_GOLDEN=1 pytest tests/test_golden_screens.py, and read the diff."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

GOLDEN = Path(__file__).parent / "golden"
WIDTHS = (40, 60, 100)
NOW = "2026-03-02T09:00:00Z"

SCREENS = {
    "list": ["list", "--tag", "relu"],
    "show": ["show", "relu-vs-sigmoid"],
    "stats": ["stats"],
    "explain_relu": ["explain", "relu"],
    "demo_vanishing": ["demo", "vanishing", "--depth", "12"],
    "demo_saturation": ["demo", "saturation"],
}


def _history(cli):
    for qid, rating, answer in (("relu-vs-sigmoid", "good", "sigmoid saturates, gradients vanish"),
                                ("leaky-relu", "again", "no idea"),
                                ("he-init", "hard", "variance 2 over fan in")):
        r = cli("ask", "--id", qid, "--answer", answer, "--rate", rating, env={"QUIZ_NOW": NOW})
        assert r.exit_code == 0, r


def _screen(cli, quiz_home, name, width, history=True):
    if name == "stats" and history:
        _history(cli)
    env = {"COLUMNS": str(width), "TERMINAL_WIDTH": str(width), "QUIZ_NOW": NOW,
           "QUIZ_FSRS_FUZZ": "0"}
    r = cli(*SCREENS[name], env=env)
    assert r.exit_code == 0, r
    return r.stdout.replace(str(quiz_home), "HOME")


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", list(SCREENS))
def test_golden_screen(cli, quiz_home, name, width):
    out = _screen(cli, quiz_home, name, width)
    path = GOLDEN / f"{name}_w{width}.txt"
    if os.environ.get("QUIZ_UPDATE_GOLDEN"):
        path.write_text(out, encoding="utf-8")
    assert out == path.read_text(encoding="utf-8")


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", list(SCREENS))
def test_no_line_is_wider_than_the_terminal_and_nothing_is_cut(cli, quiz_home, name, width):
    from rich.cells import cell_len

    lines = _screen(cli, quiz_home, name, width).splitlines()
    wide = [ln for ln in lines if cell_len(ln) > width and not ln.startswith("Data: ")]
    assert not wide, wide
    cut = [ln for ln in lines if re.search(r"\w…\s*[│|]", ln)]  # a cell ending in an ellipsis
    assert not cut, cut


@pytest.mark.parametrize("width", WIDTHS)
def test_vanishing_numbers_are_whole_at_every_width(cli, width):
    from quizcli.render.demos import ratio_text

    data = json.loads(cli("demo", "vanishing", "--depth", "12", "--json").stdout)
    out = cli("demo", "vanishing", "--depth", "12",
              env={"COLUMNS": str(width), "TERMINAL_WIDTH": str(width)}).stdout
    cells = {w for line in out.splitlines() for w in re.split(r"[\s│]+", line) if w}
    for run in data["runs"]:
        first = ratio_text(run["log10_rel"][0])
        assert first in cells, (run["activation"], first)


@pytest.mark.parametrize("width", WIDTHS)
def test_stats_mastery_keeps_percent_and_answered(cli, quiz_home, width):
    _history(cli)
    data = json.loads(cli("stats", "--json", env={"QUIZ_NOW": NOW}).stdout)
    out = _screen(cli, quiz_home, "stats", width, history=False)
    for row in data["mastery"]:
        line = next(ln for ln in out.splitlines() if re.search(rf"(^|[│|])\s*{re.escape(row['tag'])}\s", ln)
                    and "%" in ln)
        assert f"{round(100 * row['mastery'])}%" in line, line


def test_prose_is_capped_for_reading_on_wide_terminals(cli):
    out = cli("explain", "relu", env={"COLUMNS": "200", "TERMINAL_WIDTH": "200"}).stdout
    assert max(len(ln) for ln in out.splitlines()) <= 100
    assert max(len(ln) for ln in cli("explain", "relu", "--width", "160").stdout.splitlines()) > 100


def test_wrapped_lines_keep_their_indent_and_formulas_stay_whole(cli):
    out = cli("demo", "vanishing", "--depth", "12", env={"COLUMNS": "40", "TERMINAL_WIDTH": "40"}).stdout
    lines = out.splitlines()
    start = next(i for i, ln in enumerate(lines) if ln.startswith("  sigmoid′ ≤ 0.25"))
    assert lines[start + 1].startswith("  ") and lines[start + 1].strip()
    kink = cli("explain", "relu", env={"COLUMNS": "40", "TERMINAL_WIDTH": "40"}).stdout
    sub = kink.splitlines()
    i = next(i for i, ln in enumerate(sub) if ln.startswith("  Any value in"))
    assert sub[i + 1].startswith("  ")
    assert "[0, 1]" in kink  # a bracketed expression is never split


def test_wrap_keeps_short_expressions_whole():
    from rich.text import Text

    from quizcli.console import wrap_prose

    text = Text("Weights drawn from N(0, 1) scaled by √(2/fan_in) keep the variance at 1 here")
    for width in range(20, 40):
        wrapped = wrap_prose(text, width)
        lines = wrapped.plain.split("\n") if wrapped is not None else [text.plain]
        assert any("N(0, 1)" in ln for ln in lines), (width, lines)
        assert all(len(ln) <= width for ln in lines), (width, lines)
