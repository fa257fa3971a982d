"""`quiz demo lr`: gradient descent below, at and above 2/λmax against the closed form
(1 − lr·λ)^t, verdicts read from the run, the stop at the bound (no inf/nan), the warm-up
against torch's LinearLR (oracle), the CLI and bad input."""

from __future__ import annotations

import json
import math
import time

import numpy as np
import pytest

from quizcli import facts
from quizcli.demos.lr import compute as C
from quizcli.errors import DomainError


def _loss_closed_form(lr, lmin, lmax, t):
    """f after t steps from (1, 1): ½(λmin(1 − lr·λmin)^{2t} + λmax(1 − lr·λmax)^{2t})."""
    return 0.5 * (lmin * (1 - lr * lmin) ** (2 * t) + lmax * (1 - lr * lmax) ** (2 * t))


def test_default_verdicts_below_at_and_above_two_over_lambda_max():
    r = C.run()
    assert r.critical_lr == pytest.approx(0.2)
    assert [x.factor for x in r.runs] == [0.25, 0.9, 1.0, 1.1]
    assert [x.verdict for x in r.runs] == ["converges", "converges-oscillating", "oscillates",
                                          "diverges"]
    for run in r.runs:
        assert run.step_factors == pytest.approx((1 - run.lr * 1.0, 1 - run.lr * 10.0))
        assert run.rho == pytest.approx(abs(1 - run.lr * 10.0), rel=1e-9)
        for i, step in enumerate(r.shown_steps):
            assert run.loss[i] == pytest.approx(_loss_closed_form(run.lr, 1.0, 10.0, step),
                                                rel=1e-9)
    # 1 − lr·λmax < 0 flips the sign of y at every step; > 0 never
    assert r.runs[0].sign_changes == 0 and r.runs[1].sign_changes == r.steps


@pytest.mark.parametrize("lmax, lmin, factor, verdict", [
    (4.0, 1.0, 0.999, "converges-oscillating"), (4.0, 1.0, 1.001, "diverges"),
    (100.0, 0.5, 0.4, "converges"), (2.0, 2.0, 1.0, "oscillates"), (7.0, 0.1, 0.6, "converges-oscillating"),
])
def test_the_boundary_sits_at_two_over_lambda_max_for_any_curvature(lmax, lmin, factor, verdict):
    r = C.run(lambda_max=lmax, lambda_min=lmin, factors=(factor,), steps=3000, warmup=0)
    assert r.runs[0].verdict == verdict and r.runs[0].lr == pytest.approx(2 * factor / lmax)


def test_divergence_stops_at_the_step_that_passes_the_bound():
    r = C.run(factors=(3.0,), steps=100, warmup=0)
    run = r.runs[0]
    # |y_t| = 5^t: the first t with ‖p_t‖ > 1e6·√2 (x shrinks): 5^t > 1.41e6 → t = 9
    first = next(t for t in range(1, 100) if math.hypot((1 - 0.6) ** t, 5.0 ** t) > C.BOUND * math.sqrt(2))
    assert run.stopped_at == first == 9 and run.verdict == "diverges"
    assert run.steps_run == first - 1
    assert run.final_loss == pytest.approx(_loss_closed_form(0.6, 1.0, 10.0, first - 1))
    shown = dict(zip(r.shown_steps, run.loss))
    assert all(v is None for s, v in shown.items() if s >= first)
    assert all(v is not None and math.isfinite(v) for s, v in shown.items() if s < first)


def test_a_blown_up_run_prints_no_inf_or_nan(cli):
    out = cli("demo", "lr", "--factors", "0.5,10", "--steps", "20000", "--peak", "10",
              "--warmup", "100")
    assert out.exit_code == 0, out
    assert "stopped at" in out.stdout
    low = out.stdout.lower()
    assert "nan" not in low and " inf" not in low and "inf " not in low
    data = json.loads(cli("demo", "lr", "--factors", "10", "--json", "--steps", "50").stdout)
    assert data["runs"][0]["stopped_at"] and "NaN" not in json.dumps(data)


def test_warmup_schedule_and_its_effect():
    r = C.run()
    w = r.warmup
    peak = 0.95 * 0.2
    expected = [peak * (1 / 3 + (2 / 3) * min(t, 5) / 5) for t in range(len(w.lrs))]
    assert w.lrs == pytest.approx(expected)
    # steps with lr·λmax < 1 do not cross the valley: fewer sign changes, lower early loss
    assert w.below_one_steps == sum(1 for lr in w.lrs[:5] if lr * 10 < 1) == 2
    assert w.sign_changes_warm < w.sign_changes_const == 5
    assert w.loss_at_warmup[0] < w.loss_at_warmup[1]
    # after the warm-up each coordinate is the product of its step factors
    y5 = np.prod([1 - lr * 10 for lr in w.lrs[:5]])
    x5 = np.prod([1 - lr * 1 for lr in w.lrs[:5]])
    assert w.loss_at_warmup[0] == pytest.approx(0.5 * (x5 ** 2 + 10 * y5 ** 2), rel=1e-9)


def test_warmup_above_the_bound_only_delays_the_blow_up():
    r = C.run(peak=1.4, warmup=30, steps=200)
    w = r.warmup
    assert w.stopped_const and w.stopped_warm and w.stopped_warm > w.stopped_const
    from quizcli.demos.lr.render import conclusions

    text = " ".join(conclusions(r, "en"))
    assert f"stopped at step {w.stopped_warm} instead of {w.stopped_const}" in text
    assert f"{w.stopped_warm} 스텝에서 중단" in " ".join(conclusions(r, "ko"))


def test_conclusions_name_the_measured_verdicts_in_both_languages():
    from quizcli.demos.lr.render import conclusions

    r = C.run(factors=(0.3, 1.0, 1.3))
    en, ko = conclusions(r, "en"), conclusions(r, "ko")
    boundary = next(line for line in en if line.startswith("Measured boundary"))
    assert "0.06 converged, 0.2 oscillated and 0.26 diverged" in boundary
    assert any("수렴한 학습률 0.06, 진동한 학습률 0.2, 발산한 학습률 0.26" in line for line in ko)
    r2 = C.run(factors=(0.3,))  # nothing oscillates or diverges: the line says so
    line = next(x for x in conclusions(r2, "en") if x.startswith("Measured boundary"))
    assert "none oscillated and none diverged" in line


def test_default_run_is_fast_and_the_largest_run_stays_bounded():
    C.run()
    start = time.perf_counter()
    C.run()
    assert time.perf_counter() - start < 1.0
    start = time.perf_counter()
    C.run(steps=C.MAX_STEPS, factors=(0.1, 0.3, 0.5, 0.7, 0.9, 0.99, 1.0, 1.01),
          warmup=C.MAX_STEPS)
    assert time.perf_counter() - start < 5.0


@pytest.mark.parametrize("kw, fragment", [
    (dict(lambda_max=0.0), "--lambda-max"), (dict(lambda_max=math.inf), "--lambda-max"),
    (dict(lambda_max=2e6), "--lambda-max"), (dict(lambda_min=0.0), "--lambda-min"),
    (dict(lambda_min=20.0), "--lambda-min"), (dict(factors=()), "--factors"),
    (dict(factors=(0.0,)), "--factors"), (dict(factors=(11.0,)), "--factors"),
    (dict(factors=tuple(range(1, 10))), "--factors"), (dict(steps=0), "--steps"),
    (dict(steps=C.MAX_STEPS + 1), "--steps"), (dict(warmup=-1), "--warmup"),
    (dict(warmup=31), "--warmup"), (dict(start_factor=0.0), "--start-factor"),
    (dict(start_factor=1.5), "--start-factor"), (dict(peak=0.0), "--peak"),
    (dict(peak=math.nan), "--peak"),
])
def test_bad_arguments_raise_a_domain_error(kw, fragment):
    with pytest.raises(DomainError, match=fragment):
        C.run(**kw)


@pytest.mark.parametrize("args", [
    ["--lambda-max", "0"], ["--lambda-max", "nan"], ["--lambda-min", "20"],
    ["--factors", "0.5,x"], ["--factors", "0"], ["--factors", "11"], ["--steps", "0"],
    ["--steps", "20001"], ["--warmup", "-1"], ["--warmup", "40"], ["--start-factor", "0"],
    ["--start-factor", "2"], ["--peak", "0"], ["--peak", "11"], ["--width", "5"],
])
def test_bad_input_is_one_line_and_exit_2(cli, args):
    out = cli("demo", "lr", *args)
    assert out.exit_code == 2, out
    lines = [ln for ln in out.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1 and "Traceback" not in out.stderr, out.stderr


def test_cli_tables_chart_and_conclusion_in_both_languages(cli):
    out = cli("demo", "lr")
    assert out.exit_code == 0
    for word in ("converges", "oscillates", "diverges", "Linear warm-up", "Conclusion",
                 "lr 0.05", "lr 0.22"):
        assert word in out.stdout, word
    ko = cli("demo", "lr", "--lang", "ko", "--ascii")
    assert "결론" in ko.stdout and "워밍업" in ko.stdout and "╭" not in ko.stdout
    data = json.loads(cli("demo", "lr", "--json", "--factors", "0.5,1.5").stdout)
    assert [run["verdict"] for run in data["runs"]] == ["converges", "diverges"]
    assert "_chart" not in data["runs"][0] and data["shown_steps"][0] == 0


def test_facts_quantities():
    assert facts.evaluate("demo('lr', 'critical_lr', 10)") == pytest.approx(0.2, rel=1e-12)
    assert facts.evaluate("demo('lr', 'critical_lr', 3)") == pytest.approx(2 / 3, rel=1e-12)
    assert facts.evaluate("demo('lr', 'step_factor', 0.3, 10)") == pytest.approx(-2.0)
    assert facts.evaluate("demo('lr', 'warmup_lr', 0, 5, 0.1)") == pytest.approx(0.1 / 3)
    assert facts.evaluate("demo('lr', 'warmup_lr', 7, 5, 0.1)") == pytest.approx(0.1)
    with pytest.raises(facts.FactError, match="lambda_max"):
        facts.evaluate("demo('lr', 'critical_lr', 0)")


# --- oracle: torch's SGD and LinearLR ----------------------------------------------------


@pytest.mark.oracle
@pytest.mark.parametrize("warmup, start_factor, peak", [(5, 1 / 3, 0.95), (12, 0.1, 0.7),
                                                         (3, 0.5, 1.05)])
def test_warmup_matches_torch_linear_lr_and_sgd_step_by_step(warmup, start_factor, peak):
    torch = pytest.importorskip("torch", reason="the oracle extra (torch==2.13.0) is not installed")
    steps = 40
    r = C.run(warmup=warmup, start_factor=start_factor, peak=peak, steps=steps, factors=(1.0,))
    lam = torch.tensor([1.0, 10.0], dtype=torch.float64)
    p = torch.tensor([1.0, 1.0], dtype=torch.float64, requires_grad=True)
    opt = torch.optim.SGD([p], lr=peak * 0.2)
    sched = torch.optim.lr_scheduler.LinearLR(opt, start_factor=start_factor, total_iters=warmup)
    lrs, losses = [], []
    for _ in range(steps):
        lrs.append(opt.param_groups[0]["lr"])
        opt.zero_grad()
        loss = 0.5 * (lam * p * p).sum()
        losses.append(loss.item())
        loss.backward()
        opt.step()
        sched.step()
    losses.append(0.5 * (lam * p * p).sum().item())
    w = r.warmup
    np.testing.assert_allclose(w.lrs, lrs[: len(w.lrs)], rtol=1e-12)
    np.testing.assert_allclose(w.early_warm, losses[: len(w.early_warm)], rtol=1e-9)
    shown = dict(zip(r.shown_steps, w.loss_warm))
    for step, value in shown.items():
        assert value == pytest.approx(losses[step], rel=1e-9)


@pytest.mark.oracle
def test_constant_rates_match_torch_sgd():
    torch = pytest.importorskip("torch", reason="the oracle extra (torch==2.13.0) is not installed")
    r = C.run(factors=(0.3, 0.9, 1.0, 1.2), steps=60, warmup=0)
    lam = torch.tensor([1.0, 10.0], dtype=torch.float64)
    for run in r.runs:
        p = torch.tensor([1.0, 1.0], dtype=torch.float64, requires_grad=True)
        opt = torch.optim.SGD([p], lr=run.lr)
        losses, dists = [], []
        for _ in range(60):
            opt.zero_grad()
            loss = 0.5 * (lam * p * p).sum()
            losses.append(loss.item())
            loss.backward()
            opt.step()
            dists.append(float(p.detach().norm()))
        losses.append(0.5 * (lam * p * p).sum().item())
        for step, value in zip(r.shown_steps, run.loss):
            if run.stopped_at and step >= run.stopped_at:
                assert value is None
                continue
            assert value == pytest.approx(losses[step], rel=1e-9), (run.factor, step)
        # the stop is the first step torch's iterate passes the bound
        past = [t + 1 for t, d in enumerate(dists) if d > C.BOUND * math.sqrt(2)]
        assert run.stopped_at == (past[0] if past else None)


def test_a_warmup_step_at_lr_one_over_lambda_max_zeroes_y_and_the_conclusion_says_so():
    from quizcli.demos.lr.render import conclusions

    # start_factor × peak = 1/3 × 1.5 × 2/λmax = 1/λmax: the first step sets y to exactly 0
    r = C.run(peak=1.5, warmup=30, steps=200)
    w = r.warmup
    assert w.zeroed_warm == 1 and w.stopped_warm is None and w.stopped_const
    text = " ".join(conclusions(r, "en"))
    assert "y became exactly 0 at step 1" in text and f"stopped at step {w.stopped_const}" in text
    assert "nan" not in text


# --- a bounded fuzz over both new demos' options: exit 0 or 2, one line on error ---------

FUZZ_WORDS = ["", "0", "-1", "1", "2", "0.5", "1.5", "10", "11", "20001", "1e400", "-1e400",
              "nan", "inf", "-inf", "0x10", "x", "1,2", "0.5,,1", ",", "sgd,adam", "adamw",
              "rosenbrock", "quadratic", "\x1b[2J", "한국어", "1e-300", "9" * 40]


def _demo_options(name):
    from quizcli.demos import registry

    return [o.flag for o in registry.get(name).options if o.takes_value]


@pytest.mark.parametrize("demo", ["optimizers", "lr"])
def test_fuzzed_options_end_in_exit_0_or_2_never_a_traceback(cli, demo):
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    flags = _demo_options(demo)

    @settings(max_examples=25, deadline=None, derandomize=True,
              suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(st.lists(st.tuples(st.sampled_from(flags), st.sampled_from(FUZZ_WORDS)),
                    min_size=1, max_size=3))
    def check(pairs):
        args = [a for pair in pairs for a in pair]
        start = time.perf_counter()
        out = cli("demo", demo, *args, "--json")
        assert time.perf_counter() - start < 10, args
        assert out.exit_code in (0, 2), (args, out)
        if out.exit_code == 2:
            lines = [ln for ln in out.stderr.splitlines() if ln.strip()]
            assert len(lines) == 1 and "Traceback" not in out.stderr, (args, out.stderr)
            assert "\x1b" not in out.stderr
        else:
            json.loads(out.stdout)

    check()
