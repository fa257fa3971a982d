"""`quiz demo normalization`: BatchNorm/LayerNorm keep activation statistics fixed where a plain
ReLU MLP drifts; running statistics as PyTorch keeps them (momentum 0.1, eps 1e-5, unbiased
running_var); batches of 2; CLI; oracle against torch.nn.BatchNorm1d and LayerNorm to 1e-6."""

from __future__ import annotations

import dataclasses
import json
import math
import time

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quizcli.demos.normalization import compute as C
from quizcli.errors import InvalidValue, OverBudget


@pytest.fixture(scope="module")
def default():
    return C.run()


def test_without_normalization_the_scale_drifts_and_with_it_it_holds(default):
    none = default.none.std
    assert none[-1] < none[0] / 10  # relu with Var W = 1/fan_in: ≈ ×1/√2 per layer
    for stats in (default.batchnorm, default.layernorm):
        # relu of a standardized variable: mean φ(0) = 0.399, std √(1/2 − 1/(2π)) = 0.584
        assert all(abs(m - 0.399) < 0.03 for m in stats.mean), stats.mean
        assert all(abs(s - 0.584) < 0.07 for s in stats.std), stats.std


@settings(max_examples=40, deadline=None)
@given(st.integers(2, 40), st.integers(1, 6), st.floats(-5, 5), st.floats(0.1, 10))
def test_batch_norm_train_normalizes_and_updates_like_the_formula(n, f, mean, scale):
    z = mean + scale * np.random.default_rng(n * 7 + f).standard_normal((n, f))
    rm, rv = np.full(f, 0.5), np.full(f, 2.0)
    y, rm2, rv2 = C.batch_norm_train(z, rm, rv, 0.1, 1e-5)
    var = z.var(axis=0)
    assert np.allclose(y.mean(axis=0), 0, atol=1e-9)
    assert np.allclose(y.var(axis=0), var / (var + 1e-5), rtol=1e-9)
    assert np.allclose(rm2, 0.9 * 0.5 + 0.1 * z.mean(axis=0), rtol=1e-12)
    assert np.allclose(rv2, 0.9 * 2.0 + 0.1 * z.var(axis=0, ddof=1), rtol=1e-12)  # unbiased


def test_a_batch_of_two_normalizes_every_feature_to_plus_or_minus_one():
    z = np.array([[3.0, -1.0, 100.0], [5.0, 2.0, 100.5]])
    y, _, _ = C.batch_norm_train(z, np.zeros(3), np.ones(3), eps=0.0 + 1e-12)
    assert np.allclose(np.abs(y), 1.0, atol=1e-6)
    with pytest.raises(InvalidValue, match="at least 2"):
        C.batch_norm_train(z[:1], np.zeros(3), np.ones(3))


def test_running_statistics_forget_their_start_as_1_minus_m_to_the_steps():
    few, many = C.run(steps=5), C.run(steps=200)
    assert few.init_share == pytest.approx(0.9**5) and many.init_share == pytest.approx(0.9**200)
    assert few.running_mean_error > 0.5 > 0.1 > many.running_mean_error
    assert abs(many.running_var_ratio - 1) < 0.1 < abs(few.running_var_ratio - 1)
    # stale running statistics: eval mode far from training
    assert abs(few.batchnorm_eval.std[-1] / few.batchnorm.std[-1] - 1) > 0.5


def test_small_batches_make_batchnorm_noisy_and_layernorm_does_not_care(default):
    rows = default.small
    assert [r.batch for r in rows] == list(C.SMALL_BATCHES)
    assert [r.bn_noise for r in rows] == sorted((r.bn_noise for r in rows), reverse=True)
    assert [r.bn_mismatch for r in rows] == sorted((r.bn_mismatch for r in rows), reverse=True)
    assert rows[0].bn_abs == pytest.approx(1.0, abs=2e-3)  # ±1 up to eps
    assert rows[0].bn_mismatch > 4 * rows[-1].bn_mismatch
    assert all(r.ln_noise == 0 for r in rows)


def test_options_and_budget_are_checked():
    for kw, flag in (({"depth": 1}, "--depth"), ({"units": 1}, "--units"), ({"batch": 1}, "--batch"),
                     ({"steps": 0}, "--steps"), ({"momentum": 0.0}, "--momentum"),
                     ({"eps": 0.0}, "--eps"), ({"momentum": math.nan}, "--momentum")):
        with pytest.raises(InvalidValue, match=flag):
            C.run(**kw)
    with pytest.raises(OverBudget, match="limit"):
        C.run(steps=10_000, batch=4096)


def test_default_run_is_under_a_second():
    start = time.perf_counter()
    C.run()
    assert time.perf_counter() - start < 1.0


def test_facts_hook_quantities():
    assert C.FACTS["momentum"]() == 0.1 and C.FACTS["eps"]() == 1e-5
    assert C.FACTS["init_share"](10) == pytest.approx(0.349, abs=5e-4)
    assert C.FACTS["unbiased"](32) == pytest.approx(32 / 31)


# --- CLI ---------------------------------------------------------------------------------

def test_cli_json_and_both_languages(cli):
    data = json.loads(cli("demo", "normalization", "--depth", "4", "--json").stdout)
    assert data["demo"] == "normalization" and len(data["batchnorm"]["std"]) == 4
    assert data["momentum"] == 0.1 and data["eps"] == 1e-5
    en = cli("demo", "normalization", "--steps", "10").stdout
    ko = cli("demo", "normalization", "--steps", "10", "--lang", "ko").stdout
    assert "(1 − 0.1)^10 = 0.349" in en and "(1 − 0.1)^10 = 0.349" in ko
    assert "Too few steps" in en and "스텝이 너무 적어" in ko


def test_conclusion_follows_the_numbers(default):
    from quizcli.demos.normalization.render import conclusion

    matched = dataclasses.replace(default, batchnorm_eval=default.batchnorm)
    assert "So eval mode matches training" in conclusion(matched, "en")[2]
    # batch 32, 100 steps: the running statistics are fresh, yet eval drifts from training
    off = conclusion(default, "en")[2]
    assert "does not match" in off and "In training each layer saw" in off
    # with batches of 128 the same network's eval mode matches its training mode
    assert "So eval mode matches training" in conclusion(C.run(batch=128), "en")[2]


@pytest.mark.parametrize("args, fragment", [
    (["--depth", "1"], "--depth"), (["--batch", "1"], "--batch"), (["--steps", "0"], "--steps"),
    (["--momentum", "0"], "--momentum"), (["--eps", "2"], "--eps"), (["--units", "x"], "--units"),
    (["--steps", "10000", "--batch", "4096"], "limit"),
])
def test_cli_bad_input_is_one_line_exit_2(cli, args, fragment):
    r = cli("demo", "normalization", *args)
    assert r.exit_code == 2 and fragment in r.stderr and len(r.stderr.splitlines()) == 1, r


# --- oracle ------------------------------------------------------------------------------

def _torch_net(torch, ws, norm, momentum, eps):
    layers = []
    for w in ws:
        lin = torch.nn.Linear(w.shape[0], w.shape[1], bias=False, dtype=torch.float64)
        with torch.no_grad():
            lin.weight.copy_(torch.from_numpy(w.T))
        layers.append(lin)
        if norm == "batch":
            layers.append(torch.nn.BatchNorm1d(w.shape[1], eps=eps, momentum=momentum,
                                               dtype=torch.float64))
        elif norm == "layer":
            layers.append(torch.nn.LayerNorm(w.shape[1], eps=eps, dtype=torch.float64))
        layers.append(torch.nn.ReLU())
    return torch.nn.Sequential(*layers)


@pytest.mark.oracle
@pytest.mark.parametrize("kw", [{}, {"steps": 7, "batch": 5, "momentum": 0.3, "eps": 1e-3},
                                {"depth": 3, "units": 17, "batch": 2}])
def test_oracle_batchnorm1d_running_stats_and_both_modes_match_torch(kw):
    torch = pytest.importorskip("torch")
    torch.set_num_threads(1)  # small matrices: threads only add overhead on a busy machine
    r = C.run(**kw)
    ws = C.weights(r.seed, r.depth, r.units)
    net = _torch_net(torch, ws, "batch", r.momentum, r.eps)
    net.train()
    with torch.no_grad():
        for x in C.train_batches(r.seed, r.steps, r.batch, r.units):
            net(torch.from_numpy(x))
    ours = C.train_running_stats(ws, C.train_batches(r.seed, r.steps, r.batch, r.units),
                                 r.momentum, r.eps)
    bns = [m for m in net if isinstance(m, torch.nn.BatchNorm1d)]
    for (rm, rv), bn in zip(ours, bns):
        np.testing.assert_allclose(rm, bn.running_mean.numpy(), rtol=1e-6, atol=1e-6)
        np.testing.assert_allclose(rv, bn.running_var.numpy(), rtol=1e-6, atol=1e-6)
    x = torch.from_numpy(C.held_out(r.seed, r.batch, r.units))
    with torch.no_grad():
        net.eval()
        eval_out = net(x).numpy()
        net.train()  # batch statistics (this also updates the running stats, compared above)
        train_out = net(x).numpy()
    ours_eval = C.forward(ws, x.numpy(), "batch_eval", running=ours, eps=r.eps)[-1]
    ours_train = C.forward(ws, x.numpy(), "batch", eps=r.eps)[-1]
    np.testing.assert_allclose(ours_train, train_out, rtol=1e-6, atol=1e-6)
    np.testing.assert_allclose(ours_eval, eval_out, rtol=1e-6, atol=1e-6)
    assert r.batchnorm_eval.std[-1] == pytest.approx(float(eval_out.std()), rel=1e-6)
    assert r.batchnorm.std[-1] == pytest.approx(float(train_out.std()), rel=1e-6)


@pytest.mark.oracle
def test_oracle_layernorm_and_the_plain_net_match_torch():
    torch = pytest.importorskip("torch")
    torch.set_num_threads(1)  # small matrices: threads only add overhead on a busy machine
    r = C.run(depth=6, units=32)
    ws = C.weights(r.seed, r.depth, r.units)
    x = C.held_out(r.seed, r.batch, r.units)
    for norm, stats in (("layer", r.layernorm), ("none", r.none)):
        net = _torch_net(torch, ws, norm, r.momentum, r.eps)
        with torch.no_grad():
            out = net(torch.from_numpy(x)).numpy()
        np.testing.assert_allclose(C.forward(ws, x, norm, eps=r.eps)[-1], out, rtol=1e-6, atol=1e-6)
        assert stats.mean[-1] == pytest.approx(float(out.mean()), rel=1e-6)
    z = np.random.default_rng(1).standard_normal((4, 9)) * 5 + 2
    ln = torch.nn.LayerNorm(9, eps=1e-5, dtype=torch.float64)
    with torch.no_grad():
        np.testing.assert_allclose(C.layer_norm(z), ln(torch.from_numpy(z)).numpy(),
                                   rtol=1e-6, atol=1e-6)
