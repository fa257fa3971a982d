"""`quiz explain`: numbers, --vs, --json, the listing, bad input and one golden screen."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

GOLDEN = Path(__file__).parent / "golden"


def test_relu_table_has_the_kink_and_pytorch_derivative(cli):
    r = cli("explain", "relu", "--lang", "en")
    assert r.exit_code == 0, r
    assert "autograd uses f′(0) = 0" in r.stdout
    assert "Any value in [0, 1] is a valid subgradient" in r.stdout
    assert "max relu′ = 1 for x > 0" in r.stdout


def test_sigmoid_saturation_and_peak_in_numbers(cli):
    r = cli("explain", "sigmoid")
    assert "|sigmoid′(x)| < 0.01 for |x| > 4.58" in r.stdout
    assert "max sigmoid′ = 0.25 at x = 0" in r.stdout


def test_vs_compares_derivative_peaks(cli):
    r = cli("explain", "sigmoid", "--vs", "relu")
    assert r.exit_code == 0, r
    assert "sigmoid vs relu: max derivative 0.25 vs 1" in r.stdout
    assert "sigmoid′(x)" in r.stdout and "relu′(x)" in r.stdout


def test_json_has_all_numbers_and_no_prose(cli):
    r = cli("explain", "sigmoid", "--vs", "relu", "--json")
    assert r.exit_code == 0, r
    data = json.loads(r.stdout)
    sig, relu = data["reports"]
    assert sig["max_derivative"] == 0.25 and relu["max_derivative"] == 1.0
    assert data["comparison"]["max_derivative"] == [0.25, 1.0]
    i = sig["xs"].index(0.0)
    assert sig["values"][i] == 0.5 and sig["derivatives"][i] == 0.25
    assert relu["kinks"] == [{"x": 0.0, "value": 0.0, "derivative": 0.0,
                              "left_derivative": 0.0, "right_derivative": 1.0}]
    assert relu["value_range"] == [0.0, "inf", True, False]
    assert len(data["chart"]["xs"]) == 401


def test_gelu_json_minimum_region(cli):
    data = json.loads(cli("explain", "gelu", "--json", "--points", "-0.751792,0").stdout)
    report = data["reports"][0]
    assert report["values"][0] == pytest.approx(-0.169971, abs=1e-6)
    assert report["derivatives"][1] == 0.5


def test_points_and_range_options(cli):
    data = json.loads(cli("explain", "tanh", "--range", "-3:3", "--json").stdout)
    assert data["range"] == [-3.0, 3.0]
    assert min(data["reports"][0]["xs"]) == -3.0 and max(data["reports"][0]["xs"]) == 3.0
    data = json.loads(cli("explain", "relu6", "--points", "6,0,3", "--json").stdout)
    assert data["reports"][0]["xs"] == [0.0, 3.0, 6.0]
    assert data["reports"][0]["derivatives"] == [0.0, 1.0, 0.0]


def test_korean_output(cli):
    r = cli("explain", "relu", "--lang", "ko")
    assert r.exit_code == 0
    assert "자동 미분은 f′(0) = 0" in r.stdout and "서브그래디언트" in r.stdout


def test_listing_shows_every_activation(cli):
    from quizcli.activations.names import CANONICAL

    r = cli("explain", "--width", "200")
    assert r.exit_code == 0
    for name in CANONICAL:
        assert name in r.stdout
    rows = json.loads(cli("explain", "--json").stdout)
    assert [row["name"] for row in rows] == list(CANONICAL)
    assert all(row["typical_use"] for row in rows)


def test_ascii_mode_has_no_box_drawing(cli):
    out = cli("explain", "relu", "--ascii").stdout
    assert not set("─│┌┐└┘╭╮╰╯├┤┼") & set(out)


@pytest.mark.parametrize("args,needle", [
    (["explain", "rleu"], "Unknown activation 'rleu'. Did you mean: relu"),
    (["explain", "relu", "--vs", "sigmod"], "Did you mean: sigmoid"),
    (["explain", "relu", "--range", "3:1"], "--range needs A < B"),
    (["explain", "relu", "--range", "a:b"], "--range takes A:B"),
    (["explain", "relu", "--range", "0:inf"], "--range needs finite numbers"),
    (["explain", "relu", "--points", "x"], "--points takes comma-separated finite numbers"),
    (["explain", "relu", "--lang", "fr"], "Allowed: ko, en"),
    (["explain", "relu", "--width", "5"], "--width"),
    (["explain", "relu", "--bogus"], "No such option"),
])
def test_bad_input_is_one_line_and_exit_2(cli, args, needle):
    r = cli(*args)
    assert r.exit_code == 2, r
    assert needle in r.stderr
    assert r.stderr.count("\n") == 1 and "Traceback" not in r.stderr
    assert r.stdout == ""


def test_golden_relu_en(cli):
    """The rendered screen at a fixed width. Regenerate with QUIZ_UPDATE_GOLDEN=1."""
    out = cli("explain", "relu", "--lang", "en", "--width", "100").stdout
    path = GOLDEN / "explain_relu_en_w100.txt"
    if os.environ.get("QUIZ_UPDATE_GOLDEN"):
        path.write_text(out, encoding="utf-8")
    assert out == path.read_text(encoding="utf-8")


def test_chart_axis_labels_are_the_pinned_ends(cli):
    out = cli("explain", "relu", "--range", "-2:4", "--width", "100").stdout
    chart = out[out.index("┌"):]
    lines = chart.splitlines()
    x_axis = lines[next(i for i, l in enumerate(lines) if "└" in l) + 1]
    assert x_axis.split() == ["-2", "0", "4"]
    assert lines[1].rstrip().endswith(" 4.2")  # y max: relu(4) plus 5% of the 0..4 span
    assert x_axis.index("0") == pytest.approx(1 + (0 + 2) / 6 * (len(lines[0]) - 3), abs=1)


def test_vs_chart_keeps_the_smaller_function_readable(cli):
    # sigmoid lives in (0, 1); ReLU reaches 6 on the default range: the y axis is capped so
    # sigmoid is not a flat line (the values are all in the table)
    chart = json.loads(cli("explain", "sigmoid", "--vs", "relu", "--json").stdout)["chart"]
    assert chart["y_max"] <= 2.2 and chart["y_min"] >= -0.2
    single = json.loads(cli("explain", "relu", "--json").stdout)["chart"]
    assert single["y_max"] > 6


def test_missing_option_value_names_the_subcommand(cli):
    r = cli("explain", "relu", "--vs")
    assert r.exit_code == 2
    assert r.stderr.startswith("quiz explain: Option '--vs' requires an argument")


def test_without_colour_each_series_has_its_own_character(cli):
    # NO_COLOR (set for every test) and pipes: braille curves would all look alike
    out = cli("explain", "sigmoid", "--vs", "relu").stdout
    legend = [line for line in out.splitlines() if "sigmoid(x)" in line and "relu′(x)" in line][-1]
    import re

    markers = [m.split()[0] for m in re.split(r"\s{3,}", legend.strip())]
    assert len(markers) == 4 and len(set(markers)) == 4, legend
