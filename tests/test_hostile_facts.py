"""Fact expressions and values cannot hang or crash a bank command (issue 17, items 5, 8)."""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

import pytest

from quizcli import facts
from quizcli.paths import builtin_content_dir

CORE = builtin_content_dir() / "questions" / "activations" / "leaky-relu.md"


@pytest.mark.parametrize("expr", [
    "10**10**10", "2**2**2**2**2**2", "9" * 400, "(10**400)", "exp(1000)", "(-8)**0.5",
    "-" * 300 + "1", "(" * 300 + "1" + ")" * 300, "[" * 190 + "1" + "]" * 190, "+".join(["df('relu', 1)"] * 25),
    "sat('tanh', 1e-300) * " * 30 + "1", "'relu' * 3", "1e308 * 10", "2 ** 1e6",
])
def test_a_hostile_expression_is_a_fact_error_at_once(expr):
    start = time.perf_counter()
    with pytest.raises(facts.FactError):
        facts.evaluate(expr)
    assert time.perf_counter() - start < 2.0


def test_bounds_leave_ordinary_expressions_alone():
    assert facts.evaluate("1 / df('leaky_relu', -1)") == pytest.approx(100)
    assert facts.evaluate("2 ** 0.5 * gain('relu') / 2") == pytest.approx(1.0, rel=1e-3)
    assert facts.evaluate("max_df('sigmoid')") == pytest.approx(0.25)


def _question(d: Path, qid: str, *, value: str = "100", expr: str = "1 / df('leaky_relu', -1)") -> None:
    text = CORE.read_text(encoding="utf-8").replace("id: leaky-relu", f"id: {qid}")
    old = """{expr: "1 / df('leaky_relu', -1)", value: 100}"""
    assert old in text
    text = text.replace(old, "{expr: %s, value: %s}" % (json.dumps(expr), value))
    (d / f"{qid}.md").write_text(text, encoding="utf-8")


@pytest.fixture
def content(tmp_path) -> Path:
    d = tmp_path / "mine"
    d.mkdir()
    _question(d, "fine-question")
    _question(d, "huge-value", value="9" * 400)
    _question(d, "huge-tol", value="100, tol: " + "9" * 400)
    return d


def test_a_400_digit_value_is_qz012_and_the_file_is_skipped(content, cli):
    r = cli("list", "--json", "--content-dir", str(content))
    assert r.exit_code == 0
    ids = [q["id"] for q in json.loads(r.stdout)]
    assert "fine-question" in ids and "huge-value" not in ids and "huge-tol" not in ids
    assert "Traceback" not in r.stderr
    lines = [ln for ln in r.stderr.splitlines() if "QZ012" in ln]
    assert len(lines) == 2
    assert any("huge-value.md" in ln and re.search(r"facts\[\d+\]\.value", ln)
               and "400 digits" in ln for ln in lines)
    assert any("huge-tol.md" in ln and re.search(r"facts\[\d+\]\.tol", ln) for ln in lines)


@pytest.mark.parametrize("args", [["show", "huge-value"], ["ask", "--id", "huge-value", "--answer", "x"]])
def test_show_and_ask_name_the_problem(content, cli, args):
    r = cli(*args, "--content-dir", str(content))
    assert r.exit_code == 2
    assert "QZ012" in r.stderr.splitlines()[-1] and "Traceback" not in r.stderr


def test_lint_reports_the_value_and_the_unbounded_expression(content, cli):
    _question(content, "tower", expr="2**2**2**2**2**2")
    start = time.perf_counter()
    r = cli("lint", str(content))
    assert time.perf_counter() - start < 20
    assert r.exit_code == 1
    assert "huge-value.md" in r.stdout and "QZ012" in r.stdout
    tower = [ln for ln in r.stdout.splitlines() if "tower.md" in ln]
    assert any("QZ060" in ln and "too large" in ln for ln in tower), tower
