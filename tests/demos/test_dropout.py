"""`quiz demo dropout`: inverted dropout keeps the mean (formula 1), the variance is
x²·p/(1−p), the unscaled version mismatches eval by 1/(1−p); CLI; oracle against
torch.nn.functional.dropout."""

from __future__ import annotations

import dataclasses
import json
import math
import time

import numpy as np
import pytest

from quizcli.demos.dropout import compute as C
from quizcli.errors import InvalidValue, OverBudget


@pytest.fixture(scope="module")
def default():
    return C.run()


def test_inverted_dropout_keeps_the_mean_within_its_standard_error(default):
    for row in default.rows:
        assert row.scale == 1 / (1 - row.p)
        assert abs(row.mean_ratio - 1) < 4 * row.mean_se, row
        # the keep share is Binomial(draws·units, 1−p)
        se = math.sqrt(row.p * (1 - row.p) / (default.draws * default.units))
        assert abs(row.kept - (1 - row.p)) < 4 * se, row


def test_variance_and_second_moment_follow_the_formulas(default):
    for row in default.rows:
        assert row.var_formula == pytest.approx(row.p / (1 - row.p))
        assert row.var_ratio == pytest.approx(row.var_formula, rel=0.05, abs=1e-12), row
        assert row.second_moment_ratio == pytest.approx(1 / (1 - row.p), rel=0.03), row


def test_without_scaling_the_mean_is_1_minus_p_and_eval_feeds_more(default):
    for row in default.rows:
        assert row.unscaled_ratio == pytest.approx(1 - row.p, rel=0.03)
        assert row.eval_over_train_unscaled == pytest.approx(1 / (1 - row.p), rel=0.03)
        assert row.unscaled_ratio * row.scale == pytest.approx(row.mean_ratio, rel=1e-12)


def test_the_stats_are_the_sample_moments_of_the_dropped_activations():
    x = C.activations(2, 16)
    keep = C.masks(2, 0.3, 500, 16)
    y = C.dropout(x, keep, 0.3)
    r = C.run(p=(0.3,), draws=500, units=16, seed=2).rows[0]
    assert r.mean_ratio == pytest.approx(y.mean(axis=0).sum() / x.sum(), rel=1e-12)
    assert r.var_ratio == pytest.approx((y.var(axis=0) / x**2).mean(), rel=1e-12)
    assert r.second_moment_ratio == pytest.approx((y**2).mean(axis=0).sum() / (x**2).sum(),
                                                  rel=1e-12)
    assert np.array_equal(C.dropout(x, keep, 0.3, training=False), x)


def test_p_zero_drops_nothing():
    r = C.run(p=(0.0,), draws=100, units=4).rows[0]
    assert r.kept == 1 and r.mean_ratio == pytest.approx(1) and r.var_ratio == 0


def test_options_are_checked():
    assert C.check_p((0.5, 0.1, 0.5)) == (0.1, 0.5)
    for bad in ((-0.1,), (1.0,), (math.nan,), tuple(i / 10 for i in range(9))):
        with pytest.raises(InvalidValue, match="--p"):
            C.check_p(bad)
    with pytest.raises(InvalidValue, match="--draws"):
        C.run(draws=10)
    with pytest.raises(InvalidValue, match="--units"):
        C.run(units=0)
    with pytest.raises(OverBudget, match="limit"):
        C.run(draws=1_000_000, units=10_000)


def test_default_run_is_under_a_second():
    start = time.perf_counter()
    C.run()
    assert time.perf_counter() - start < 1.0


def test_facts_hook_quantities():
    assert C.FACTS["scale"](0.5) == 2 and C.FACTS["scale"](0.2) == pytest.approx(1.25)
    assert C.FACTS["variance"](0.5) == 1 and C.FACTS["unscaled_mean"](0.2) == pytest.approx(0.8)


# --- CLI ---------------------------------------------------------------------------------

def test_cli_json_and_both_languages(cli):
    data = json.loads(cli("demo", "dropout", "--p", "0.5,0.2", "--json").stdout)
    assert data["demo"] == "dropout" and [r["p"] for r in data["rows"]] == [0.2, 0.5]
    row = C.run(p=(0.2, 0.5)).row(0.5)
    from quizcli.render.numbers import fmt

    en = cli("demo", "dropout", "--p", "0.5,0.2").stdout
    ko = cli("demo", "dropout", "--p", "0.5,0.2", "--lang", "ko").stdout
    assert f"the next layer gets {fmt(row.eval_over_train_unscaled, 3)} times" in en
    assert f"다음 층이 학습 때의 {fmt(row.eval_over_train_unscaled, 3)}배" in ko


def test_conclusion_follows_the_numbers(default):
    from quizcli.demos.dropout.render import conclusion

    lines = conclusion(default, "en")
    assert "at p = 0.8" in lines[1] and f"{default.row(0.8).var_ratio:.3g}" in lines[1]
    shifted = tuple(dataclasses.replace(r, mean_ratio=1.2) for r in default.rows)
    assert "1.2 of the eval value" in conclusion(dataclasses.replace(default, rows=shifted),
                                                   "en")[0]
    assert conclusion(C.run(p=(0.0,), draws=100), "ko") == [
        "p = 0이면 아무것도 버리지 않으므로 학습과 평가가 같은 함수입니다."]


@pytest.mark.parametrize("args, fragment", [
    (["--p", "1"], "--p"), (["--p", "-0.1"], "--p"), (["--p", "x"], "--p"),
    (["--draws", "99"], "--draws"), (["--units", "0"], "--units"),
    (["--draws", "1000000", "--units", "10000"], "limit"),
])
def test_cli_bad_input_is_one_line_exit_2(cli, args, fragment):
    r = cli("demo", "dropout", *args)
    assert r.exit_code == 2 and fragment in r.stderr and len(r.stderr.splitlines()) == 1, r


# --- oracle ------------------------------------------------------------------------------

@pytest.mark.oracle
@pytest.mark.parametrize("p", [0.1, 0.5, 0.8])
def test_oracle_torch_dropout_has_the_same_scaling_and_statistics(p):
    torch = pytest.importorskip("torch")
    import torch.nn.functional as F

    draws, units = 20_000, 64
    ours = C.run(p=(p,), draws=draws, units=units).rows[0]
    x = C.activations(0, units)
    torch.manual_seed(0)
    y = F.dropout(torch.from_numpy(x).expand(draws, units), p=p, training=True).numpy()
    kept = y != 0
    # the same keep-scaling, exactly: every kept value is x/(1−p) as ours computes it
    assert np.array_equal(y[kept], C.dropout(x, kept, p)[kept])
    # statistics: torch's draws and ours agree within 4 standard errors of their difference
    mean_ratio = y.mean(axis=0).sum() / x.sum()
    assert abs(mean_ratio - ours.mean_ratio) < 4 * math.sqrt(2) * ours.mean_se
    var_ratio = (y.var(axis=0) / x**2).mean()
    # Var of a sample variance of scaled Bernoullis, pooled over the units: loose, 5%
    assert var_ratio == pytest.approx(ours.var_ratio, rel=0.05)
    assert kept.mean() == pytest.approx(ours.kept, abs=4 * math.sqrt(2 * p * (1 - p) / (draws * units)))
    # eval mode: the identity in both
    assert np.array_equal(F.dropout(torch.from_numpy(x), p=p, training=False).numpy(),
                          C.dropout(x, kept[0], p, training=False))
