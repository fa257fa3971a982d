"""`quiz demo vanishing` against shared/reference/facts.md ("Gradient flow through deep nets"),
plus the machinery that makes depth 10,000 possible (rescaling, checkpoints, weight streams).

Single seeds drift (facts.md says so): the facts are checked as averages over seeds with
tolerance bands, never as one run's digits.
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quizcli import activations
from quizcli.demos.vanishing import compute as V
from quizcli.errors import DomainError, OverBudget

SEEDS = range(4)


def _runs(seeds=SEEDS, **kw):
    """{activation: [VanishingRun per seed]}"""
    out: dict[str, list] = {}
    for seed in seeds:
        for run in V.run(seed=seed, **kw).runs:
            out.setdefault(run.activation, []).append(run)
    return out


# --- facts.md ----------------------------------------------------------------------------

def test_relu_he_keeps_the_gradient_per_layer_ratio_near_1():
    # facts: width 512, batch 256, depth 20: 0.999 measured
    runs = _runs(width=512, batch=256, activations="relu", init="he")["relu"]
    mean = np.mean([r.per_layer for r in runs])
    assert 0.98 <= mean <= 1.02, mean
    assert all(r.verdict == "holds" for r in runs)


def test_relu_with_var_1_over_fan_in_loses_1_over_sqrt2_per_layer():
    runs = _runs(width=256, activations="relu", init="lecun")["relu"]
    mean = np.mean([r.per_layer for r in runs])
    assert abs(mean - 1 / math.sqrt(2)) < 0.02, mean
    # and the prediction from the measured derivative agrees: rms relu′ = 1/√2, gain 1
    assert abs(np.mean([r.rms_df for r in runs]) - 1 / math.sqrt(2)) < 0.01


def test_sigmoid_with_var_1_over_fan_in_loses_about_1e_12_over_20_layers():
    runs = _runs(width=512, batch=256, activations="sigmoid", init="lecun")["sigmoid"]
    for r in runs:
        assert -12.5 < r.log10_ratio < -11.5, r.log10_ratio  # ≈ 1e-12
        assert abs(r.per_layer - 0.235) < 0.01  # ≈ 0.235 per layer
        assert r.per_layer <= 0.25  # the activation bound holds with unit-gain weights
        assert r.rms_df <= r.max_df == pytest.approx(0.25)


def test_sigmoid_derivative_bound_is_0_25_per_layer_and_0_25_to_the_19():
    r = V.run(activations="sigmoid").runs[0]
    assert r.max_df == pytest.approx(0.25, abs=1e-12)
    assert r.log10_bound == pytest.approx(19 * math.log10(0.25))
    assert 10**r.log10_bound == pytest.approx(0.25**19)  # 3.64e-12; 0.25**20 = 9.09e-13 in facts


def test_tanh_with_var_1_over_fan_in_keeps_about_0_2_over_20_layers():
    runs = _runs(width=256, activations="tanh", init="lecun")["tanh"]
    ratio = 10 ** np.mean([r.log10_ratio for r in runs])
    assert 0.12 < ratio < 0.3, ratio


def test_per_layer_factor_is_rms_derivative_times_weight_gain():
    for r in V.run(width=256, init="he").runs:
        assert r.weight_gain == pytest.approx(math.sqrt(2))
        assert r.per_layer == pytest.approx(r.predicted_per_layer, rel=0.03)


def test_default_init_is_lecun_and_xavier_equals_it_in_variance_for_square_layers():
    r = V.run()
    assert r.init.name == "lecun" and r.init.std == pytest.approx(1 / 8)
    assert V.parse_init("xavier", 64).std == pytest.approx(1 / 8)
    assert V.parse_init("xavier", 64).distribution == "uniform"
    assert V.parse_init("he", 64).std == pytest.approx(math.sqrt(2 / 64))
    assert V.parse_init("normal:0.2", 64).gain == pytest.approx(1.6)


# --- depth 10,000 ------------------------------------------------------------------------

def test_depth_10000_gives_a_finite_power_of_ten_for_every_layer():
    r = V.run(depth=10_000, batch=32, every=1)
    assert r.plan.recompute  # the checkpointed path, not the store-everything one
    for run in r.runs:
        assert len(run.log10_norm) == 10_000
        assert all(math.isfinite(v) for v in run.log10_norm), run.activation
        assert run.verdict != "zero"
    # tanh keeps ×0.99 per layer, but 0.99^9999 is no "holds": the verdict looks at both
    assert all(run.verdict == "vanishes" for run in r.runs), [x.verdict for x in r.runs]
    sig = next(x for x in r.runs if x.activation == "sigmoid")
    # ~0.235 per layer: about 1e-6290 over 9,999 layers, printed, never 0
    assert -6600 < sig.log10_ratio < -6000
    from quizcli.render.demos import ratio_text

    text = ratio_text(sig.log10_ratio)
    assert text.startswith(("1", "2", "3", "4", "5", "6", "7", "8", "9")) and "e-6" in text


def test_the_memory_plan_does_not_change_the_numbers(monkeypatch):
    kw = dict(depth=70, width=16, batch=8, activations="sigmoid,relu,tanh", seed=3, every=1)
    stored = V.run(**kw)
    assert not stored.plan.recompute
    monkeypatch.setattr(V, "COMFORT_BYTES", 1)  # checkpoints, weights redrawn per segment
    recomputed = V.run(**kw)
    assert recomputed.plan.recompute and not recomputed.plan.keep_weights
    for a, b in zip(stored.runs, recomputed.runs):
        assert a.log10_norm == b.log10_norm


def test_background_weight_drawing_gives_the_same_numbers(monkeypatch):
    kw = dict(depth=60, width=16, batch=8, activations="relu,sigmoid", seed=5, every=1)
    plain = V.run(**kw)
    monkeypatch.setattr(V, "_background_ok", lambda: True)
    threaded = V.run(**kw)
    assert [r.log10_norm for r in plain.runs] == [r.log10_norm for r in threaded.runs]


def test_an_activation_gets_the_same_numbers_whatever_else_runs_with_it():
    # same x, g and weights; only float32 rounding inside BLAS may differ with the stack height
    alone = V.run(activations="relu", seed=2).runs[0]
    together = next(r for r in V.run(activations="sigmoid,relu,gelu", seed=2).runs
                    if r.activation == "relu")
    assert np.allclose(alone.log10_norm, together.log10_norm, rtol=0, atol=1e-5)


def test_memory_refused_with_an_estimate_before_allocating():
    with pytest.raises(OverBudget, match=r"needs about [\d.]+ GiB .*limit is 1.0 GiB"):
        V.run(depth=50, width=40_000)


# --- edge cases --------------------------------------------------------------------------

def test_a_gradient_that_becomes_exactly_zero_is_reported_as_zero_not_vanishing():
    # hardtanh with std 10: |z| ≫ 1 everywhere, hardtanh′ = 0 for every unit
    r = V.run(activations="hardtanh", init="normal:10", depth=10).runs[0]
    assert r.verdict == "zero" and r.zero_below is not None
    assert r.log10_ratio == -math.inf


def test_a_forward_pass_that_overflows_float32_is_reported():
    r = V.run(activations="elu", init="normal:100", depth=60).runs[0]
    assert r.verdict == "overflow" and r.overflow_at is not None


def test_every_selects_first_last_and_multiples():
    r = V.run(depth=20, every=7)
    assert r.layers == (1, 7, 14, 20)
    assert V.run(depth=50).every == 5 and len(V.run(depth=50).layers) == 11
    assert V.reported_layers(10_000, V.auto_every(10_000))[-1] == 10_000
    assert len(V.reported_layers(10_000, V.auto_every(10_000))) <= V.MAX_ROWS


@pytest.mark.parametrize("kw, message", [
    (dict(depth=0), "--depth"), (dict(depth=-3), "--depth"), (dict(width=0), "--units"),
    (dict(batch=0), "--batch"), (dict(every=21), "--every"), (dict(every=0), "--every"),
    (dict(init="foo"), "--init"), (dict(init="normal:"), "--init"), (dict(init="normal:-1"), "--init"),
    (dict(activations="sigmoid,rellu"), "Did you mean: relu"), (dict(depth=10**6), "--depth"),
])
def test_bad_arguments_raise_a_domain_error(kw, message):
    with pytest.raises(DomainError, match=message):
        V.run(**kw)


# --- properties --------------------------------------------------------------------------

NAMES = [a.name for a in activations.all_activations() if a.name != "gelu"]  # gelu: slow erfc


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=st.sampled_from(NAMES), depth=st.integers(2, 12), width=st.integers(1, 12),
       batch=st.integers(1, 6), init=st.sampled_from(["lecun", "he", "xavier", "normal:0.3"]),
       seed=st.integers(0, 2**31))
def test_any_small_network_gives_consistent_numbers(name, depth, width, batch, init, seed):
    r = V.run(depth=depth, width=width, batch=batch, activations=name, init=init, seed=seed,
              every=1)
    run = r.runs[0]
    assert len(run.log10_norm) == depth and r.layers == tuple(range(1, depth + 1))
    assert run.rms_df <= abs(run.max_df) * (1 + 1e-6) + 1e-12 or run.max_df < 0
    if run.verdict in ("vanishes", "holds", "explodes"):
        assert run.log10_rel[-1] == 0.0
        assert all(math.isfinite(v) for v in run.log10_norm)
        assert run.per_layer == pytest.approx(10 ** (run.log10_ratio / (depth - 1)))
    else:
        assert run.verdict in ("zero", "overflow")


@settings(max_examples=30, deadline=None)
@given(st.sampled_from([n for a in activations.all_activations() for n in (a.name,) + a.aliases]),
       st.sampled_from([str.upper, str.lower, lambda s: s.replace("_", "-")]))
def test_every_registry_spelling_is_accepted(name, spell):
    from quizcli.demos.common import parse_activations

    assert parse_activations(spell(name))[0] is activations.get(name)


# --- the oracle: PyTorch autograd on the same network ------------------------------------

def test_gradient_norms_match_pytorch_autograd():
    torch = pytest.importorskip("torch", reason="the oracle extra (torch==2.13.0) is not installed")
    from quizcli.demos import common

    depth, width, batch, seed = 30, 24, 10, 7
    r = V.run(depth=depth, width=width, batch=batch, activations="sigmoid,tanh,relu,leaky_relu",
              seed=seed, every=1)
    ini = V.parse_init("lecun", width)
    weights = V._Weights(seed, ini, width, depth, keep=True)
    x = common.rng(seed, V._STREAM_X).standard_normal((batch, width), dtype=np.float32)
    g = common.rng(seed, V._STREAM_G).standard_normal((batch, width), dtype=np.float32)
    fns = {"sigmoid": torch.sigmoid, "tanh": torch.tanh, "relu": torch.relu,
           "leaky_relu": torch.nn.functional.leaky_relu}
    for run in r.runs:
        h = torch.tensor(x, dtype=torch.float64, requires_grad=True)
        zs = []
        for layer in range(1, depth + 1):
            z = h @ torch.tensor(weights.layer(layer), dtype=torch.float64)
            z.retain_grad()
            zs.append(z)
            h = fns[run.activation](z)
        (torch.tensor(g, dtype=torch.float64) * h).sum().backward()
        expected = [math.log10(float(z.grad.norm())) for z in zs]
        assert np.allclose(run.log10_norm, expected, atol=2e-3), run.activation
