"""textmatch (shared by grader and linter) and demo_names (shared by demos and linter)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quizcli.demo_names import DEMO_NAMES, DemoLineError, parse_demo_line
from quizcli.textmatch import matches, normalize, search


@pytest.mark.parametrize("raw, want", [
    ("ＲｅＬＵ　는", "relu 는"),            # full-width letters and ideographic space
    ("  Vanishing\n\tGRADIENT  ", "vanishing gradient"),
    ("Straße", "strasse"),                  # casefold, not lower
    ("기울기  소실", "기울기 소실"),
    ("", ""),
])
def test_normalize(raw, want):
    assert normalize(raw) == want


@given(st.text())
def test_normalize_is_idempotent_and_single_spaced(text):
    once = normalize(text)
    assert normalize(once) == once
    assert "  " not in once and once == once.strip()


def test_matches_and_search():
    assert matches([r"기울기\s*소실"], "ReLU는 기울기   소실을 완화한다")
    assert matches(["relu"], "ＲｅＬＵ")
    assert not matches(["dropout"], "ReLU")
    assert not matches([], "anything")
    found = search(["zzz", r"grad\w+"], normalize("The GRADIENT vanishes"))
    assert found is not None and found[0] == r"grad\w+" and found[1].group(0) == "gradient"


def test_demo_lines():
    assert parse_demo_line("vanishing --depth 20") == ("vanishing", (("--depth", "20"),))
    assert parse_demo_line("  sparsity  ") == ("sparsity", ())
    assert parse_demo_line("dying --lr 0.5 --bias -3") == ("dying", (("--lr", "0.5"), ("--bias", "-3")))
    assert {"vanishing", "sparsity", "dying", "zigzag", "kink", "saturation"} <= set(DEMO_NAMES)


@pytest.mark.parametrize("line, fragment", [
    ("", "empty demo line"),
    ("vanishng --depth 20", "Did you mean: vanishing"),
    ("vanishing depth 20", "'depth' is not an option"),
    ("vanishing --depth", "--depth has no value"),
    ("vanishing --depth --units 3", "--depth has no value"),
    ("vanishing --Depth 3", "'--Depth' is not an option"),
])
def test_demo_line_errors(line, fragment):
    with pytest.raises(DemoLineError) as err:
        parse_demo_line(line)
    assert fragment in str(err.value)
