"""`demo(name, quantity, *args)` in a question's `facts`: a number a demo computes, looked up in
the demo's `FACTS` table through the registry (so a new demo package adds its quantities with no
change to quizcli/facts.py)."""

from __future__ import annotations

import sys
import textwrap

import pytest

from quizcli import facts
from quizcli.demos import registry

INIT = '''
from quizcli.demos.spec import DemoSpec

SPEC = DemoSpec(
    name="square", summary={"en": "Squares.", "ko": "제곱."}, help={"en": "Squares.", "ko": "제곱."},
    examples=("quiz demo square",), options=(),
    compute="quizcli.demos.square.compute:run", render="quizcli.demos.square.render:render",
    order=1001,
)
'''
COMPUTE = '''
from quizcli.errors import InvalidValue

CALLS = []


def run(seed=0):
    return None


def _square(x):
    CALLS.append(x)
    if x < 0:
        raise InvalidValue("x must be >= 0")
    return x * x


def _named(name):
    return {"one": 1.0, "two": 2.0}[name] if name in ("one", "two") else float("nan")


FACTS = {"square": _square, "named": _named}
'''


@pytest.fixture
def square_demo(tmp_path, monkeypatch):
    import quizcli.demos as demos

    pkg = tmp_path / "square"
    pkg.mkdir()
    (pkg / "__init__.py").write_text(textwrap.dedent(INIT), encoding="utf-8")
    (pkg / "compute.py").write_text(textwrap.dedent(COMPUTE), encoding="utf-8")
    (pkg / "render.py").write_text("def render(*a, **k):\n    pass\n", encoding="utf-8")
    monkeypatch.setattr(demos, "__path__", [*demos.__path__, str(tmp_path)])
    monkeypatch.setattr(facts, "_DEMO_CACHE", {})
    registry.reset()
    yield "square"
    registry.reset()
    for name in [m for m in sys.modules if m.startswith("quizcli.demos.square")]:
        del sys.modules[name]


def test_demo_calls_the_compute_modules_facts_table(square_demo):
    assert facts.evaluate("demo('square', 'square', 3)") == 9.0
    assert facts.evaluate("demo('square', 'square', 1.5) + 1") == 3.25
    assert facts.evaluate("demo('square', 'named', 'two')") == 2.0
    ok, actual, _ = facts.check("demo('square', 'square', 4)", 16.0)
    assert ok and actual == 16.0


def test_results_are_cached_per_call(square_demo):
    facts.evaluate("demo('square', 'square', 5)")
    facts.evaluate("demo('square', 'square', 5) * 2")
    calls = sys.modules["quizcli.demos.square.compute"].CALLS
    assert calls.count(5) == 1


@pytest.mark.parametrize("expr, fragment", [
    ("demo('sqaure', 'square', 2)", "Did you mean: square"),
    ("demo('square', 'sqare', 2)", "Did you mean: square"),
    ("demo('square', 'cube', 2)", "known: named, square"),
    ("demo('square', 'square', -1)", "x must be >= 0"),
    ("demo('square', 'square')", "wrong arguments"),
    ("demo('square', 'named', 'three')", "finite"),
    ("demo(1, 'square')", "in quotes"),
])
def test_unknown_demo_quantity_or_bad_arguments_are_fact_errors(square_demo, expr, fragment):
    with pytest.raises(facts.FactError) as err:
        facts.evaluate(expr)
    assert fragment in str(err.value)


def test_a_demo_without_facts_says_so():
    with pytest.raises(facts.FactError) as err:
        facts.evaluate("demo('kink', 'anything')")
    assert "no quantity 'anything'" in str(err.value)


def test_demo_is_a_reserved_function_name():
    assert "demo" in facts.FUNCTION_NAMES


def test_lint_checks_a_demo_fact_against_the_demo(cli, tmp_path):
    """A question stating a demo's number: right passes, wrong is QZ061, unknown is QZ060."""
    import json
    import re
    from pathlib import Path

    src = Path(__file__).parents[1] / "fixtures" / "lint" / "QZ061-fact-mismatch"
    (fixture,) = [p for p in src.iterdir() if p.suffix == ".md"]
    text = fixture.read_text(encoding="utf-8")
    for expr, value, code in (("demo('optimizers', 'adam_first_step_ratio')", "3.16", None),
                              ("demo('optimizers', 'adam_first_step_ratio')", "3.5", "QZ061"),
                              ("demo('optimizers', 'adam_first_stp_ratio')", "3.16", "QZ060")):
        fact = f'facts:\n  - {{expr: "{expr}", value: {value}}}\n'
        doc = re.sub(r"facts:\n(  - .*\n)+", lambda _m: fact, text, count=1)
        assert fact in doc
        d = tmp_path / f"{code}-{value}"
        d.mkdir()
        (d / fixture.name).write_text(doc, encoding="utf-8")
        data = json.loads(cli("lint", d, "--json").stdout)
        errors = [p for p in data["problems"] if p["severity"] == "error"]
        assert [p["code"] for p in errors] == ([] if code is None else [code]), errors
        if code == "QZ060":
            assert "Did you mean: adam_first_step_ratio" in errors[0]["message"]


def test_content_readme_lists_every_demo_quantity():
    import importlib
    from pathlib import Path

    text = (Path(__file__).parents[2] / "content" / "README.md").read_text(encoding="utf-8")
    for spec in registry.specs():
        module = importlib.import_module(spec.compute.partition(":")[0])
        for quantity in getattr(module, "FACTS", {}):
            assert f"`{quantity}`" in text and f"`{spec.name}`" in text, (spec.name, quantity)
