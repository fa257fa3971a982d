"""The activation engine: derivatives, kinks, closed-form facts and numerical stability."""

from __future__ import annotations

import math
import warnings

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quizcli import activations
from quizcli.activations import analysis, names
from quizcli.activations.functions import SELU_ALPHA, SELU_SCALE

ALL = activations.all_activations()
ALL_NAMES = [a.name for a in ALL]


def test_one_function_row_per_catalog_entry_in_catalog_order():
    from quizcli.activations.catalog import CATALOG
    from quizcli.activations.descriptions import DESCRIPTIONS

    assert [a.name for a in ALL] == [e.name for e in CATALOG]
    for e in CATALOG:
        assert set(e.text) == {"en", "ko", "use_en", "use_ko"} and all(e.text.values()), e.name
        assert DESCRIPTIONS[e.name] is e.text
    assert analysis._GAINS == {e.name: e.gain for e in CATALOG if e.gain is not None}


def test_readme_counts_the_catalog():
    import re
    from pathlib import Path

    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    counts = re.findall(r"lists all (?:<!-- gen: count activations -->)?(\d+)(?:<!-- /gen -->)? activations", readme)
    assert counts and all(int(n) == len(names.CANONICAL) for n in counts)


def test_registry_matches_light_name_table():
    # names.py must list exactly the registry (it serves completion without NumPy)
    assert tuple(ALL_NAMES) == names.CANONICAL
    for act in ALL:
        for alias in act.aliases:
            assert names.ALIASES[alias] == act.name
    assert set(names.ALIASES) == {al for a in ALL for al in a.aliases}


@pytest.mark.parametrize("spelling,expected", [
    ("leaky-relu", "leaky_relu"), ("LeakyReLU", "leaky_relu"), ("swish", "silu"),
    ("Leaky ReLU", "leaky_relu"), ("GELU", "gelu"), ("gelu-tanh", "gelu_tanh"), ("ReLU6", "relu6"),
])
def test_spellings_users_type_resolve(spelling, expected):
    assert activations.get(spelling).name == expected


def test_unknown_name_suggests_the_closest():
    with pytest.raises(activations.UnknownActivation) as err:
        activations.get("rleu")
    assert err.value.suggestions[0] == "relu"
    assert "Did you mean: relu" in str(err.value)


def _kink_points(act):
    return [k.x for k in act.kinks]


@pytest.mark.parametrize("act", ALL, ids=ALL_NAMES)
@settings(max_examples=60, deadline=None)
@given(x=st.floats(min_value=-30, max_value=30, allow_nan=False))
def test_derivative_matches_central_difference(act, x):
    # away from kinks (and PyTorch's softplus threshold switch at 20)
    switch_points = _kink_points(act) + ([20.0] if act.name == "softplus" else [])
    if any(abs(x - k) < 1e-4 for k in switch_points):
        return
    h = 1e-6 * max(1.0, abs(x))
    numeric = (float(act.f(x + h)) - float(act.f(x - h))) / (2 * h)
    analytic = float(act.df(x))
    assert analytic == pytest.approx(numeric, rel=1e-5, abs=1e-6)


# (function, point, value, derivative): shared/reference/facts.md, measured with PyTorch 2.13.0
KINK_TABLE = [
    ("relu", 0, 0, 0), ("leaky_relu", 0, 0, 0.01), ("prelu", 0, 0, 0.25),
    ("relu6", 0, 0, 0), ("relu6", 6, 6, 0), ("hardtanh", -1, -1, 0), ("hardtanh", 1, 1, 0),
    ("hardsigmoid", -3, 0, 0), ("hardsigmoid", 3, 1, 0), ("hardswish", -3, 0, 0),
    ("hardswish", 3, 3, 1), ("elu", 0, 0, 1), ("celu", 0, 0, 1),
    ("selu", 0, 0, 1.7580993408473766), ("gelu", 0, 0, 0.5), ("silu", 0, 0, 0.5),
    ("softplus", 0, math.log(2), 0.5), ("mish", 0, 0, 0.6),
]


@pytest.mark.parametrize("name,x,value,derivative", KINK_TABLE)
def test_kink_table_follows_pytorch(name, x, value, derivative):
    act = activations.get(name)
    assert float(act.f(float(x))) == pytest.approx(value, abs=1e-15)
    assert float(act.df(float(x))) == pytest.approx(derivative, rel=1e-15, abs=1e-15)


@pytest.mark.parametrize("act", [a for a in ALL if a.kinks], ids=[a.name for a in ALL if a.kinks])
def test_declared_kinks_agree_with_the_functions(act):
    for k in act.kinks:
        assert float(act.f(k.x)) == pytest.approx(k.value, abs=1e-15)
        assert float(act.df(k.x)) == pytest.approx(k.derivative, abs=1e-15)
        h = 1e-7
        left = (float(act.f(k.x)) - float(act.f(k.x - h))) / h
        right = (float(act.f(k.x + h)) - float(act.f(k.x))) / h
        assert left == pytest.approx(k.left, abs=1e-5)
        assert right == pytest.approx(k.right, abs=1e-5)


def test_sigmoid_derivative_peak_and_depth_products():
    peak = analysis.max_derivative("sigmoid")
    assert peak.value == pytest.approx(0.25, abs=1e-15)
    assert peak.at == 0.0
    assert peak.value ** 20 == pytest.approx(9.094947e-13, rel=1e-6)
    assert peak.value ** 10 == pytest.approx(9.536743e-7, rel=1e-6)
    tanh_peak = analysis.max_derivative("tanh")
    assert (tanh_peak.value, tanh_peak.at) == (1.0, 0.0)


@settings(max_examples=200, deadline=None)
@given(x=st.floats(min_value=-700, max_value=700, allow_nan=False))
def test_tanh_is_a_rescaled_sigmoid(x):
    sig, tanh = activations.get("sigmoid"), activations.get("tanh")
    assert float(tanh.f(x)) == pytest.approx(2 * float(sig.f(2 * x)) - 1, abs=4e-16)


def test_selu_constants():
    assert SELU_SCALE * SELU_ALPHA == pytest.approx(1.7580993408473768, rel=1e-15)
    assert float(activations.get("selu").df(0.0)) == pytest.approx(1.7580993408473766, rel=1e-15)


@pytest.mark.parametrize("name,value,at", [
    ("gelu", -0.169971, -0.751792), ("silu", -0.278465, -1.278465), ("mish", -0.308843, -1.192431),
])
def test_minima_of_smooth_relus(name, value, at):
    m = analysis.minimum(name)
    assert m.value == pytest.approx(value, abs=5e-7)
    assert m.at == pytest.approx(at, abs=5e-7)


def test_mish_slope_at_zero_is_tanh_ln2():
    assert float(activations.get("mish").df(0.0)) == pytest.approx(math.tanh(math.log(2)), abs=1e-15)
    assert math.tanh(math.log(2)) == pytest.approx(0.6, abs=1e-15)


def test_gelu_tanh_approximation_error_on_the_documented_interval():
    xs = np.linspace(-10, 10, 200_001)
    diff = np.abs(activations.get("gelu").f(xs) - activations.get("gelu_tanh").f(xs)).max()
    assert diff == pytest.approx(4.7e-4, abs=0.05e-4)


def test_sigmoid_saturation_point():
    s = analysis.saturation("sigmoid", 1e-2)
    # σ'(a) = 0.01  <=>  σ(a) = (1 + √0.96)/2
    exact = math.log((1 + math.sqrt(0.96)) / (1 - math.sqrt(0.96)))
    assert s.left == pytest.approx(exact, abs=1e-9) and s.right == pytest.approx(exact, abs=1e-9)
    assert analysis.saturation("relu", 1e-2).right is None


def test_gains_follow_calculate_gain():
    assert analysis.gain("relu") == pytest.approx(math.sqrt(2))
    assert analysis.gain("tanh") == pytest.approx(5 / 3)
    assert analysis.gain("selu") == 0.75
    assert analysis.gain("leaky_relu") == pytest.approx(math.sqrt(2 / (1 + 0.01**2)))
    with pytest.raises(analysis.NoSuchValue):
        analysis.gain("mish")


def test_gaussian_expectations():
    # For z ~ N(0,1): P(relu(z) = 0) = 1/2, E[relu] = 1/sqrt(2π), E[σ] = 0.5, E[σ'] ≈ 0.2066
    z = np.linspace(-12, 12, 480_001)
    w = np.exp(-z * z / 2) / math.sqrt(2 * math.pi) * (z[1] - z[0])
    assert float((activations.get("relu").f(z) * w).sum()) == pytest.approx(1 / math.sqrt(2 * math.pi), abs=1e-6)
    assert float((activations.get("sigmoid").f(z) * w).sum()) == pytest.approx(0.5, abs=1e-9)
    assert float((activations.get("sigmoid").df(z) * w).sum()) == pytest.approx(0.2066, abs=5e-5)


@pytest.mark.parametrize("act", ALL, ids=ALL_NAMES)
@pytest.mark.parametrize("dtype,big", [(np.float64, 1e300), (np.float32, 3e38)])
def test_stable_for_every_finite_input(act, dtype, big):
    x = np.array([-big, -1e30, -1e10, -800, -710, -40, -37, -17, -3, -1, -1e-30, 0, 1e-30,
                  1, 3, 6, 17, 20, 37, 40, 710, 800, 1e10, 1e30, big], dtype=dtype)
    x = x[np.isfinite(x)]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with np.errstate(over="raise", invalid="raise", divide="raise"):
            y, d = act.f(x), act.df(x)
    assert y.dtype == dtype and d.dtype == dtype
    assert np.all(np.isfinite(y)) and np.all(np.isfinite(d))


@settings(max_examples=300, deadline=None)
@given(x=st.floats(min_value=-1e300, max_value=1e300))
def test_no_nan_anywhere_on_the_float64_line(x):
    # ±1e300 is the documented domain: SELU scales by 1.0507, so 1.7e308 honestly overflows
    with np.errstate(over="raise", invalid="raise", divide="raise"):
        for act in ALL:
            assert math.isfinite(float(act.f(x))) and math.isfinite(float(act.df(x)))


def test_log_space_where_naive_formulas_fail():
    # σ rounds to 1.0 at x = 37 (float64) and 17 (float32); log σ must not become 0 or -inf
    ls = activations.get("logsigmoid")
    assert float(ls.f(-800.0)) == -800.0
    assert float(ls.f(40.0)) == pytest.approx(-math.exp(-40), rel=1e-12)
    assert float(activations.get("sigmoid").f(np.float32(17))) == 1.0
    assert float(activations.get("softplus").f(-800.0)) == 0.0
    assert float(activations.get("sigmoid").df(40.0)) == pytest.approx(math.exp(-40), rel=1e-12)


@pytest.mark.parametrize("act", ALL, ids=ALL_NAMES)
def test_declared_properties_hold_numerically(act):
    xs = np.linspace(-50, 50, 20_001)
    y, d = act.f(xs), act.df(xs)
    p = act.properties
    assert p.monotonic == bool(np.all(d >= 0))
    low, high, low_closed, high_closed = act.value_range
    assert np.all(y >= low - 1e-9) and np.all(y <= high + 1e-9)
    assert p.bounded_below == math.isfinite(low) and p.bounded_above == math.isfinite(high)
    if low_closed:  # an attained minimum is declared to the last digit
        assert analysis.minimum(act).value == pytest.approx(low, abs=1e-12) if not p.monotonic \
            else y.min() == low
    # mathematically exact zeros, not float underflow far in a tail
    near = act.f(np.linspace(-5, 5, 2_001))
    assert p.exact_zeros == bool(np.count_nonzero(near == 0) > 10)
    left_flat, right_flat = abs(float(d[0])) < 1e-3, abs(float(d[-1])) < 1e-3
    expected = {(True, True): "both", (True, False): "left", (False, True): "right",
                (False, False): "none"}[(left_flat, right_flat)]
    assert p.saturates == expected



def test_fact_constants_come_from_the_documented_table():
    from quizcli import facts
    from quizcli.constants import CONSTANTS

    for name, (value, source) in CONSTANTS.items():
        assert facts.evaluate(f"const('{name}')") == value and source.strip()
    with pytest.raises(facts.FactError, match="did you mean torch.batchnorm.eps"):
        facts.evaluate("const('torch.batchnorm.epz')")
