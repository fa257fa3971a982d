"""sparsity, dying, zigzag, kink and saturation against shared/reference/facts.md and the
papers it cites (Glorot et al. 2011, CS231n, LeCun et al. 1998), plus closed forms."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quizcli import activations
from quizcli.demos import dying, kink, saturation, sparsity, zigzag
from quizcli.errors import InvalidValue

# --- sparsity ----------------------------------------------------------------------------


@pytest.mark.parametrize("seed", range(5))
def test_relu_layer1_zero_share_is_half_within_3_over_sqrt_n(seed):
    r = sparsity.run(activations="relu", seed=seed)
    n = r.samples_per_layer
    assert n == 256 * 256 and r.band == pytest.approx(3 / math.sqrt(n))
    assert abs(r.runs[0].layers[0].zero_share - 0.5) <= 3 / math.sqrt(n)


def test_relu_deeper_layers_average_half_over_seeds():
    shares = [s.zero_share for seed in range(8)
              for s in sparsity.run(activations="relu", seed=seed).runs[0].layers[1:]]
    assert abs(np.mean(shares) - 0.5) < 0.01


def test_activations_without_exact_zeros_have_none_and_skip_share_equals_zero_share():
    r = sparsity.run(activations="relu,leaky_relu,tanh,sigmoid,elu", depth=3, width=64, batch=64)
    by = {x.activation: x for x in r.runs}
    for name in ("leaky_relu", "tanh", "sigmoid", "elu"):
        assert by[name].mean_zero_share == 0.0 and not by[name].exact_zeros
    assert by["relu"].exact_zeros
    for layer in by["relu"].layers:
        assert layer.skippable_next == layer.zero_share
        assert 0 <= layer.never_active <= layer.zero_share


# --- dying -------------------------------------------------------------------------------


def test_a_dead_relu_unit_gets_exactly_zero_gradient_and_layer1_never_revives():
    r = dying.run()
    relu = next(x for x in r.runs if x.activation == "relu")
    assert relu.dead_units_end > 0
    assert relu.dead_grad_max == 0.0  # exactly, not approximately
    assert relu.revived_layer1 == 0  # its inputs are the data: nothing can change them
    # layer-1 dead share never decreases for relu
    l1 = [p.dead_layer1 for p in relu.history]
    assert all(b >= a for a, b in zip(l1, l1[1:]))


def test_inactive_leaky_and_elu_units_still_get_a_gradient():
    r = dying.run()
    for x in r.runs:
        if x.activation in ("leaky_relu", "elu") and x.dead_units_end:
            assert x.dead_grad_max > 0


def test_a_larger_learning_rate_kills_more_relu_units():
    # CS231n: with a too-high learning rate a large share of a ReLU network can die
    low = [dying.run(lr=0.01, bias=0.0, activations="relu", seed=s).runs[0].dead_end for s in range(3)]
    high = [dying.run(lr=0.1, bias=0.0, activations="relu", seed=s).runs[0].dead_end for s in range(3)]
    assert np.mean(high) > np.mean(low) + 0.1, (low, high)


def test_divergence_is_reported_not_hidden():
    r = dying.run(lr=5.0, bias=0.0, activations="relu", steps=200)
    assert r.runs[0].diverged_at is not None and r.runs[0].dead_grad_max is None


# --- zigzag ------------------------------------------------------------------------------


def test_all_positive_inputs_force_same_sign_updates():
    r = zigzag.run()
    sig, tanh = r.runs
    assert sig.all_positive and sig.same_sign_share == 1.0  # exactly: a_i > 0 ⇒ signs agree
    assert not tanh.all_positive and 0.35 < tanh.same_sign_share < 0.65
    assert sig.condition_number > 5 * tanh.condition_number


def test_positive_inputs_need_more_steps_on_average_even_at_their_best_learning_rate():
    runs = [zigzag.run(seed=s).runs for s in range(4)]
    steps = np.array([[r.steps_to_tol for r in pair] for pair in runs], dtype=float)
    best = np.array([[r.best_steps for r in pair] for pair in runs], dtype=float)
    assert steps[:, 0].mean() > 5 * steps[:, 1].mean()
    assert best[:, 0].mean() > 1.5 * best[:, 1].mean()
    ratios = np.array([[r.path_ratio for r in pair] for pair in runs])
    assert ratios[:, 0].mean() > ratios[:, 1].mean()


def test_zigzag_reaches_the_target():
    for run in zigzag.run().runs:
        assert run.final_distance <= zigzag.DEFAULT_TOL
        assert run.path[-1] == pytest.approx(zigzag.W_TARGET, abs=0.05)


# --- kink --------------------------------------------------------------------------------


def test_relu_kink_numbers_exactly():
    r = kink.run()
    (row,) = r.rows
    assert (row.x, row.value, row.left, row.right) == (0.0, 0.0, 0.0, 1.0)
    assert row.central == 0.5 and row.interval == (0.0, 1.0) and row.convex
    assert row.convention == 0.0  # PyTorch, TensorFlow, JAX
    conv = {c.key: c.value for c in r.conventions}
    assert conv == {"relu": 0.0, "clamp": 1.0, "maximum": 0.5, "tf": 0.0, "jax": 0.0}


def test_exact_zero_pre_activations_are_absent_among_a_million_float32_samples():
    z = kink.run().zeros
    assert z.samples == 1_000_000 and z.dtype == "float32"
    assert z.exact_zero_pre == 0
    assert abs(z.exact_zero_post / z.samples - 0.5) < 0.03  # ReLU outputs: about half are 0


# facts.md "Derivative at the kinks" table: (activation, x) -> autograd derivative
KINK_FACTS = {("relu", 0): 0.0, ("leaky_relu", 0): 0.01, ("prelu", 0): 0.25, ("relu6", 0): 0.0,
              ("relu6", 6): 0.0, ("hardtanh", -1): 0.0, ("hardtanh", 1): 0.0,
              ("hardsigmoid", -3): 0.0, ("hardsigmoid", 3): 0.0, ("hardswish", -3): 0.0,
              ("hardswish", 3): 1.0, ("elu", 0): 1.0, ("celu", 0): 1.0,
              ("selu", 0): 1.7580993408473766}


def test_every_kink_in_facts_md():
    r = kink.run(activations=",".join(sorted({a for a, _ in KINK_FACTS})), samples=10)
    got = {(row.activation, row.x): row for row in r.rows}
    for key, derivative in KINK_FACTS.items():
        row = got[(key[0], float(key[1]))]
        assert row.convention == pytest.approx(derivative, rel=1e-12)
        lo, hi = sorted((row.left, row.right))
        assert row.interval == (lo, hi)
        assert row.central == pytest.approx((row.left + row.right) / 2, abs=1e-5)
    assert got[("relu6", 6.0)].convex is False  # concave kink: a Clarke subgradient


def test_smooth_activations_are_listed_as_having_no_kink():
    r = kink.run(activations="sigmoid,gelu,relu", samples=10)
    assert r.smooth == ("sigmoid", "gelu") and len(r.rows) == 1


# --- saturation --------------------------------------------------------------------------


def test_sigmoid_and_tanh_derivatives_match_closed_forms():
    r = saturation.run()
    sig, tanh = r.rows
    for i, x in enumerate(r.points):
        e = math.exp(-x)
        assert sig.df_pos[i] == pytest.approx(e / (1 + e) ** 2, rel=1e-12)
        e2 = math.exp(-2 * x)  # sech²x, without 1 − tanh²x's cancellation
        assert tanh.df_pos[i] == pytest.approx(4 * e2 / (1 + e2) ** 2, rel=1e-12)
    assert sig.df_pos[0] == 0.25 and tanh.df_pos[0] == 1.0
    assert sig.symmetric and tanh.symmetric and sig.saturates == "both"


@settings(max_examples=25, deadline=None)
@given(name=st.sampled_from(["sigmoid", "tanh", "gelu", "silu", "softplus", "elu", "softsign"]),
       eps_i=st.integers(0, 2), t=st.floats(1e-6, 50.0))
def test_beyond_the_threshold_the_derivative_stays_below_eps(name, eps_i, t):
    r = saturation.run(activations=name)
    th = r.rows[0].thresholds[eps_i]
    act = activations.get(name)
    if th.right is not None:
        assert abs(float(act.df(np.float64(th.right + t)))) < th.eps
    if th.left is not None:
        assert abs(float(act.df(np.float64(-th.left - t)))) < th.eps


def test_saturation_points_option():
    r = saturation.run(points=(10.0, 0.0, 2.0, 2.0))
    assert r.points == (0.0, 2.0, 10.0)
    with pytest.raises(InvalidValue, match="--points"):
        saturation.run(points=(-1.0,))
    with pytest.raises(InvalidValue, match="--points"):
        saturation.run(points=tuple(float(i) for i in range(saturation.MAX_POINTS + 1)))
