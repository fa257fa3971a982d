"""`quiz demo attention`: Var(q·k) = d, what it does to softmax without 1/√d (Vaswani et al.
2017, sec. 3.2.1), the Jacobian formula, the CLI, and the oracle against
torch.nn.functional.scaled_dot_product_attention."""

from __future__ import annotations

import dataclasses
import json
import math
import time

import numpy as np
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from quizcli.demos.attention import compute as C
from quizcli.errors import InvalidValue, OverBudget


@pytest.fixture(scope="module")
def default():
    return C.run()


def test_logit_variance_is_d_unscaled_and_1_with_one_over_sqrt_d(default):
    for d in default.dims:
        raw, scaled = default.row(d, False), default.row(d, True)
        # 128 × 32 logits: the sample variance is within ±15% of its expectation
        assert raw.logit_var == pytest.approx(d, rel=0.15), d
        assert scaled.logit_var == pytest.approx(1.0, rel=0.15), d
        assert scaled.scale == pytest.approx(1 / math.sqrt(d))
        # the same draws: scaling divides the variance by exactly d
        assert scaled.logit_var == pytest.approx(raw.logit_var / d, rel=1e-12)


def test_without_scaling_softmax_saturates_and_its_jacobian_collapses(default):
    raw = [default.row(d, False) for d in default.dims]
    assert [r.max_weight for r in raw] == sorted(r.max_weight for r in raw)
    assert [r.entropy for r in raw] == sorted((r.entropy for r in raw), reverse=True)
    top = raw[-1]  # d = 1024
    assert top.max_weight > 0.9 and top.entropy_share < 0.1
    assert top.jacobian_norm < default.row(1024, True).jacobian_norm / 3


def test_with_scaling_the_softmax_does_not_depend_on_d(default):
    scaled = [default.row(d, True) for d in default.dims]
    assert max(r.max_weight for r in scaled) - min(r.max_weight for r in scaled) < 0.05
    assert max(r.jacobian_norm for r in scaled) - min(r.jacobian_norm for r in scaled) < 0.03
    assert all(r.entropy_share > 0.8 for r in scaled)


def _exact_stats(values):
    """Softmax entropy and ‖diag(p) − ppᵀ‖_F in 150-digit decimals (the reference; logits ±60
    give weights down to e^-120 ≈ 1e-52 next to 1 − 1e-52). A local context: the process-wide
    decimal precision stays as other code expects it."""
    from decimal import Decimal, localcontext

    with localcontext() as ctx:
        ctx.prec = 150
        top = max(values)
        e = [(Decimal(v) - Decimal(top)).exp() for v in values]
        total = sum(e)
        p = [x / total for x in e]
        sq = sum((p[i] * ((1 if i == j else 0) - p[j])) ** 2 for i in range(len(p))
                 for j in range(len(p)))
        entropy = -sum(x * x.ln() for x in p if x > 0)
        return float(entropy), float(sq.sqrt())


@settings(max_examples=60, deadline=None)
@given(st.lists(st.floats(-60, 60), min_size=2, max_size=12))
@example([41.00937987289153, -58.0])  # a 50-digit reference lost digits here: 1 − (1 − 1e-43)
def test_jacobian_norm_and_entropy_match_exact_arithmetic(values):
    _, top, entropy, norm = C._stats(np.array([values]), len(values))
    exact_entropy, exact_norm = _exact_stats(values)
    assert norm == pytest.approx(exact_norm, rel=1e-9, abs=1e-300)
    assert entropy == pytest.approx(exact_entropy, rel=1e-9, abs=1e-300)
    assert top == pytest.approx(C.softmax(np.array([values])).max(), rel=1e-12)


def test_uniform_softmax_reference_values():
    n = 32
    _, top, entropy, norm = C._stats(np.zeros((1, n)), n)
    r = C.run(dims=(4,), keys=n)
    assert top == pytest.approx(r.uniform_max_weight) == pytest.approx(1 / n)
    assert entropy == pytest.approx(r.uniform_entropy) == pytest.approx(math.log(n))
    assert norm == pytest.approx(r.uniform_jacobian_norm)


def test_a_dimension_gets_the_same_numbers_whatever_else_runs():
    alone = C.run(dims=(64,), seed=3).row(64, False)
    together = C.run(dims=(4, 64, 256), seed=3).row(64, False)
    assert alone == together
    assert C.run(dims=(64,), seed=4).row(64, False) != alone


def test_dims_and_budget_are_checked():
    assert C.check_dims((1024, 4, 4.0)) == (4, 1024)
    for bad in ((0,), (3.5,), (5000,), tuple(range(1, 14)), ("x",)):
        with pytest.raises(InvalidValue, match="--dims"):
            C.check_dims(bad)
    with pytest.raises(InvalidValue, match="--keys"):
        C.run(keys=1)
    with pytest.raises(InvalidValue, match="--queries"):
        C.run(queries=0)
    with pytest.raises(OverBudget, match="limit"):
        C.run(dims=(4096,), keys=4096, queries=10)


def test_default_run_is_under_a_second():
    start = time.perf_counter()
    C.run()
    assert time.perf_counter() - start < 1.0


def test_facts_hook_quantities():
    assert C.FACTS["scale"](64) == pytest.approx(0.125)
    assert C.FACTS["logit_std"](64) == pytest.approx(8) and C.FACTS["logit_std"](64, 1) == 1
    assert C.FACTS["logit_var"](256) == 256 and C.FACTS["logit_var"](256, 1) == 1
    assert C.FACTS["max_weight"](1024) == pytest.approx(C.run().row(1024, False).max_weight)


# --- CLI ---------------------------------------------------------------------------------

def test_cli_json_and_both_languages(cli):
    data = json.loads(cli("demo", "attention", "--dims", "16,256", "--json").stdout)
    assert data["demo"] == "attention" and data["dims"] == [16, 256]
    assert [(r["d"], r["scaled"]) for r in data["rows"]] == [(16, False), (16, True),
                                                             (256, False), (256, True)]
    en = cli("demo", "attention", "--dims", "16,256").stdout
    ko = cli("demo", "attention", "--dims", "16,256", "--lang", "ko").stdout
    top = C.run(dims=(16, 256)).row(256, False)
    from quizcli.render.numbers import fmt

    assert f"largest weight averages {fmt(top.max_weight, 3)}" in en
    assert f"가장 큰 가중치는 평균 {fmt(top.max_weight, 3)}" in ko
    assert "Conclusion" in en and "결론" in ko


def test_conclusion_follows_the_numbers(default):
    from quizcli.demos.attention.render import conclusion

    lines = conclusion(default, "en")
    assert "nearly collapsed onto one key" in lines[1] and "times smaller" in lines[2]
    # a run where the unscaled softmax were still soft and its Jacobian larger
    soft = tuple(dataclasses.replace(r, max_weight=0.2, jacobian_norm=0.5) if not r.scaled else r
                 for r in default.rows)
    lines = conclusion(dataclasses.replace(default, rows=soft), "en")
    assert "still spread out" in lines[1] and "does not yet cost gradient" in lines[2]


def test_cli_chart_has_a_marker_per_series_without_colour(cli):
    out = cli("demo", "attention", "--ascii").stdout
    legend = next(line for line in out.splitlines() if "c = 1/√d" in line and "c = 1 " in line)
    markers = [w for w in legend.split() if len(set(w)) == 1 and w.isascii() and not w.isalnum()]
    assert len(set(markers)) == 2, legend


@pytest.mark.parametrize("args, fragment", [
    (["--dims", "0"], "--dims"), (["--dims", "3.5"], "--dims"), (["--dims", "x"], "--dims"),
    (["--keys", "1"], "--keys"), (["--queries", "0"], "--queries"),
    (["--queries", "10000", "--keys", "4096"], "limit"), (["--seed", "-1"], "--seed"),
])
def test_cli_bad_input_is_one_line_exit_2(cli, args, fragment):
    r = cli("demo", "attention", *args)
    assert r.exit_code == 2 and fragment in r.stderr and len(r.stderr.splitlines()) == 1, r


# --- oracle ------------------------------------------------------------------------------

@pytest.mark.oracle
@pytest.mark.parametrize("d", [4, 64, 1024])
@pytest.mark.parametrize("scaled", [False, True])
def test_oracle_weights_and_output_match_torch_sdpa(d, scaled):
    torch = pytest.importorskip("torch")
    import torch.nn.functional as F

    q, k = C.inputs(0, d, 16, 32)
    v = np.random.default_rng(9).standard_normal((16, 32, 8))
    scale = 1 / math.sqrt(d) if scaled else 1.0
    ours = C.attend(q, k, v, scale)
    tq, tk, tv = (torch.from_numpy(a) for a in (q[:, None, :], k, v))
    # scale=None is torch's default, 1/√d; scale=1.0 is the unscaled dot product
    theirs = F.scaled_dot_product_attention(tq, tk, tv, scale=None if scaled else 1.0)
    np.testing.assert_allclose(ours, theirs[:, 0, :].numpy(), rtol=1e-9, atol=1e-12)
    # the weights themselves: sdpa with V = identity returns them
    eye = torch.eye(32, dtype=torch.float64).expand(16, 32, 32)
    w = F.scaled_dot_product_attention(tq, tk, eye, scale=None if scaled else 1.0)[:, 0, :]
    np.testing.assert_allclose(C.weights(q, k, scale), w.numpy(), rtol=1e-9, atol=1e-12)
