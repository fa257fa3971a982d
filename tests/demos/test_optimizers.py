"""`quiz demo optimizers`: the update rules against closed forms and against torch.optim (oracle),
the zig-zag and decay numbers, the conclusions drawn from the run, the CLI and bad input."""

from __future__ import annotations

import json
import math
import time

import numpy as np
import pytest

from quizcli import facts
from quizcli.demos.optimizers import compute as C
from quizcli.errors import DomainError, InvalidValue

# --- closed forms ------------------------------------------------------------------------


def _gd_steps_closed_form(lr, kappa, tol, limit):
    """Gradient descent on ½(x−1)² + ½κ(y−1)² from (−4, 1.5): x−1 = −5(1−lr)^t,
    y−1 = 0.5(1−lr·κ)^t."""
    d0 = math.hypot(5.0, 0.5)
    for t in range(1, limit + 1):
        if math.hypot(5.0 * (1 - lr) ** t, 0.5 * (1 - lr * kappa) ** t) <= tol * d0:
            return t
    return None


@pytest.mark.parametrize("kappa", [10.0, 100.0, 1000.0])
def test_sgd_steps_match_the_closed_form_and_its_steep_coordinate_flips_every_step(kappa):
    r = C.run(optimizers="sgd", condition=kappa, steps=20000)
    sgd = r.runs[0]
    assert sgd.lr == pytest.approx(2 / (1 + kappa))
    assert sgd.steps_to_tol == _gd_steps_closed_form(sgd.lr, kappa, 1e-3, 20000)
    # 1 − lr·κ = −(κ−1)/(κ+1) < 0: y − 1 changes sign at every step
    assert sgd.sign_changes == sgd.steps_run == sgd.steps_to_tol


def test_sgd_at_lr_one_over_lambda_max_lands_on_the_steep_axis_in_one_step_no_zigzag():
    r = C.run(optimizers="sgd", lr=0.01, condition=100)
    assert r.runs[0].sign_changes == 0
    assert r.runs[0].steps_to_tol == _gd_steps_closed_form(0.01, 100, 1e-3, 2000)


def test_momentum_damps_the_zigzag_and_converges_in_fewer_steps_than_sgd():
    by = {x.name: x for x in C.run().runs}
    sgd, mom, nes = by["sgd"], by["momentum"], by["nesterov"]
    assert mom.sign_changes / mom.steps_run < 0.5 * sgd.sign_changes / sgd.steps_run
    assert mom.steep_travel < sgd.steep_travel / 3
    assert mom.steps_to_tol < sgd.steps_to_tol
    assert nes.sign_changes < mom.sign_changes


def test_defaults_follow_the_hessian_at_the_minimum():
    lo, hi = C.hessian_eigs("rosenbrock", 0)
    assert (lo, hi) == pytest.approx((0.39936, 1001.6), rel=1e-4)  # [[802, −400], [−400, 200]]
    assert C.default_lr("sgd", "rosenbrock") == pytest.approx(2 / (lo + hi))
    assert C.default_lr("nesterov", "quadratic", 50.0) == pytest.approx(1 / 50)


def test_rosenbrock_gradient_is_the_derivative_of_its_loss():
    g = C._gradient("rosenbrock", 0)
    for x, y in [(-1.2, 1.0), (0.3, -0.7), (2.0, 3.5)]:
        h = 1e-6
        num = [(C.loss("rosenbrock", 0, x + h, y) - C.loss("rosenbrock", 0, x - h, y)) / (2 * h),
               (C.loss("rosenbrock", 0, x, y + h) - C.loss("rosenbrock", 0, x, y - h)) / (2 * h)]
        np.testing.assert_allclose(g(np.array([x, y])), num, rtol=1e-6)


def test_adam_bias_rows_are_the_first_moments_of_the_gradient():
    r = C.run(optimizers="adam")
    first = r.bias[0]
    assert first.m == pytest.approx(0.1 * first.g) and first.v == pytest.approx(0.001 * first.g ** 2)
    assert first.m_hat == pytest.approx(first.g) and first.v_hat == pytest.approx(first.g ** 2)
    assert abs(first.step_corrected) == pytest.approx(0.1, rel=1e-6)  # lr·sign(g)
    assert r.bias_first_ratio == pytest.approx(0.1 / math.sqrt(0.001), rel=1e-6)
    assert len(r.bias) == C.BIAS_ROWS
    for a, b in zip(r.bias, r.bias[1:]):  # m_t = β1·m_{t−1} + (1−β1)·g_t
        assert b.m == pytest.approx(0.9 * a.m + 0.1 * b.g)


@pytest.mark.parametrize("wd", [0.01, 0.1])
def test_adam_l2_ends_at_the_l2_minimum_and_adamw_decays_every_coordinate_alike(wd):
    d = C.run(optimizers="adam,adamw", weight_decay=wd).decay
    kappa = 100.0
    assert d.l2_minimum == pytest.approx((1 / (1 + wd), kappa / (kappa + wd)))
    assert d.adam_l2_end == pytest.approx(d.l2_minimum, abs=1e-6)
    assert d.adam_end == pytest.approx((1.0, 1.0), abs=1e-6)
    assert d.adamw_decay_per_step == pytest.approx(0.1 * wd)
    # L2 goes through 1/√v̂: the coordinate with the larger gradients is decayed less
    ratio = d.l2_decay_per_step[0] / d.l2_decay_per_step[1]
    assert ratio == pytest.approx(d.sqrt_v_hat[1] / d.sqrt_v_hat[0], rel=1e-6)
    assert d.sqrt_v_hat[1] > d.sqrt_v_hat[0] and ratio > 1


def test_divergence_stops_at_the_step_it_passes_the_bound_and_reports_finite_numbers():
    r = C.run(optimizers="sgd,adam", lr=5.0)
    sgd = r.runs[0]
    assert sgd.diverged_at is not None and sgd.steps_to_tol is None
    d0 = math.hypot(5.0, 0.5)
    # one more step of gradient descent would pass DIVERGE × d0; every kept point is within it
    assert all(math.hypot(x - 1, y - 1) <= C.DIVERGE * d0 for x, y in sgd.path)
    assert sgd.steps_run == sgd.diverged_at - 1
    assert math.isfinite(sgd.final_distance) and math.isfinite(sgd.final_loss)


def test_runs_are_deterministic_and_seed_is_only_reported():
    a, b = C.run(seed=0), C.run(seed=7)
    assert [x.path for x in a.runs] == [x.path for x in b.runs] and b.seed == 7


def test_default_run_computes_in_well_under_a_second():
    C.run()
    start = time.perf_counter()
    C.run()
    assert time.perf_counter() - start < 1.0


@pytest.mark.parametrize("kw, fragment", [
    (dict(problem="rosenbrok"), "Did you mean: rosenbrock"),
    (dict(optimizers="sgd,adamm"), "Did you mean: adam"),
    (dict(optimizers=" , "), "at least one"),
    (dict(steps=0), "--steps"), (dict(steps=C.MAX_STEPS + 1), "--steps"),
    (dict(lr=0.0), "--lr"), (dict(lr=-1.0), "--lr"), (dict(lr=math.nan), "--lr"),
    (dict(lr=11.0), "--lr"), (dict(tol=0.0), "--tol"), (dict(tol=1.0), "--tol"),
    (dict(tol=math.inf), "--tol"), (dict(condition=0.5), "--condition"),
    (dict(condition=math.nan), "--condition"), (dict(momentum=1.0), "--momentum"),
    (dict(momentum=-0.1), "--momentum"), (dict(weight_decay=-0.1), "--weight-decay"),
    (dict(weight_decay=math.nan), "--weight-decay"),
])
def test_bad_arguments_raise_a_domain_error(kw, fragment):
    with pytest.raises(DomainError, match=fragment):
        C.run(**kw)


def test_aliases_and_order_of_optimizers():
    assert C.parse_optimizers("NAG, heavy-ball,sgd,nag") == ("nesterov", "momentum", "sgd")


# --- conclusions, computed ---------------------------------------------------------------


def test_conclusions_follow_the_numbers_in_both_languages():
    from quizcli.demos.optimizers.render import conclusions

    r = C.run()
    by = {x.name: x for x in r.runs}
    fastest = min((x for x in r.runs if x.steps_to_tol), key=lambda x: x.steps_to_tol)
    en, ko = conclusions(r, "en"), conclusions(r, "ko")
    assert fastest.label in en[0] and str(fastest.steps_to_tol) in en[0]
    assert str(fastest.steps_to_tol) in ko[0] and "허용 오차" in ko[0]
    zig_en = next(line for line in en if line.startswith("Zig-zag"))
    assert "damped" in zig_en and str(by["sgd"].sign_changes) in zig_en
    assert any("지그재그를 줄였습니다" in line for line in ko)
    assert any("3.16×" in line for line in en) and any("3.16배" in line for line in ko)
    # a setting where momentum does not damp it: the conclusion says so
    r2 = C.run(problem="rosenbrock")
    b2 = {x.name: x for x in r2.runs}
    pa = b2["sgd"].sign_changes / b2["sgd"].steps_run
    pb = b2["momentum"].sign_changes / b2["momentum"].steps_run
    zig2 = next(line for line in conclusions(r2, "en") if line.startswith("Zig-zag"))
    assert ("did not damp" in zig2) == (pb >= pa)
    missed = [x.label for x in r2.runs if not x.steps_to_tol]
    assert missed and all(name in " ".join(conclusions(r2, "en")) for name in missed)


def test_a_diverging_run_is_reported_without_inf_or_nan(cli):
    out = cli("demo", "optimizers", "--optimizers", "sgd,momentum", "--lr", "5")
    assert out.exit_code == 0
    assert "diverged" in out.stdout
    assert "nan" not in out.stdout.lower() and "inf" not in out.stdout.lower().replace("info", "")


# --- CLI ---------------------------------------------------------------------------------


def test_cli_runs_in_both_languages_with_a_chart_marker_per_series(cli):
    out = cli("demo", "optimizers")
    assert out.exit_code == 0
    for label in ("SGD", "SGD+momentum", "Nesterov", "RMSprop", "Adam", "AdamW", "Conclusion"):
        assert label in out.stdout
    # colour is off in tests (NO_COLOR): each series has its own marker in the legend
    for marker, label in (("ss", "SGD"), ("mm", "SGD+momentum"), ("nn", "Nesterov"),
                          ("rr", "RMSprop"), ("aa", "Adam"), ("ww", "AdamW")):
        assert f"{marker} {label}" in out.stdout
    ko = cli("demo", "optimizers", "--lang", "ko", "--problem", "rosenbrock", "--ascii")
    assert ko.exit_code == 0 and "결론" in ko.stdout and "옵티마이저" in ko.stdout
    assert "╭" not in ko.stdout


def test_cli_json_has_the_numbers(cli):
    out = cli("demo", "optimizers", "--json", "--optimizers", "sgd,adam", "--condition", "10")
    data = json.loads(out.stdout)
    assert data["demo"] == "optimizers" and data["condition"] == 10.0
    assert [r["name"] for r in data["runs"]] == ["sgd", "adam"]
    assert data["runs"][0]["steps_to_tol"] == _gd_steps_closed_form(2 / 11, 10, 1e-3, 2000)
    assert len(data["bias"]) == C.BIAS_ROWS and data["decay"]["weight_decay"] == 0.01


@pytest.mark.parametrize("args", [
    ["--problem", "banana"], ["--optimizers", "sgd,adamm"], ["--steps", "0"],
    ["--steps", "20001"], ["--steps", "2.5"], ["--lr", "0"], ["--lr", "nan"], ["--lr", "x"],
    ["--tol", "1"], ["--condition", "0"], ["--condition", "inf"], ["--momentum", "1"],
    ["--weight-decay", "2"], ["--width", "5"],
])
def test_bad_input_is_one_line_and_exit_2(cli, args):
    out = cli("demo", "optimizers", *args)
    assert out.exit_code == 2, out
    lines = [ln for ln in out.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1 and "Traceback" not in out.stderr, out.stderr


# --- facts -------------------------------------------------------------------------------


def test_facts_quantities():
    assert facts.evaluate("demo('optimizers', 'adam_first_step_ratio')") == pytest.approx(
        0.1 / math.sqrt(0.001), rel=1e-9)
    assert facts.evaluate("demo('optimizers', 'adam_first_step_ratio', 0.8, 0.99)") == pytest.approx(
        0.2 / math.sqrt(0.01), rel=1e-9)
    assert facts.evaluate("demo('optimizers', 'ema_of_constant', 0.999, 1000)") == pytest.approx(
        1 - 0.999 ** 1000, rel=1e-9)
    assert facts.evaluate("demo('optimizers', 'momentum_gain', 0.9)") == pytest.approx(10, rel=1e-9)
    assert facts.evaluate("demo('optimizers', 'adamw_decay_per_step', 0.001, 0.01)") == pytest.approx(
        1e-5, rel=1e-9)
    sgd = C.run(optimizers="sgd").runs[0].steps_to_tol
    assert facts.evaluate("demo('optimizers', 'steps_to_tol', 'sgd')") == sgd
    with pytest.raises(facts.FactError, match="beta"):
        facts.evaluate("demo('optimizers', 'ema_of_constant', 1.5, 10)")
    with pytest.raises(facts.FactError, match="steps"):
        facts.evaluate("demo('optimizers', 'ema_of_constant', 0.9, 10**9)")


# --- oracle: torch.optim, step by step ---------------------------------------------------

ORACLE_CASES = [
    ("SGD", {"lr": 0.01}),
    ("SGD", {"lr": 0.02, "weight_decay": 0.1}),
    ("SGD", {"lr": 0.01, "momentum": 0.9}),
    ("SGD", {"lr": 0.02, "momentum": 0.5, "dampening": 0.1, "weight_decay": 0.01}),
    ("SGD", {"lr": 0.01, "momentum": 0.9, "nesterov": True}),
    ("SGD", {"lr": 0.01, "momentum": 0.7, "nesterov": True, "weight_decay": 0.05}),
    ("RMSprop", {}),
    ("RMSprop", {"lr": 0.003, "alpha": 0.9, "eps": 1e-6, "weight_decay": 0.1}),
    ("RMSprop", {"lr": 0.001, "momentum": 0.5, "centered": True}),
    ("Adam", {}),
    ("Adam", {"lr": 0.01, "betas": (0.8, 0.99), "eps": 1e-6}),
    ("Adam", {"lr": 0.01, "weight_decay": 0.1}),
    ("AdamW", {}),
    ("AdamW", {"lr": 0.01, "betas": (0.85, 0.995), "eps": 1e-7, "weight_decay": 0.3}),
]


def _ours(kind: str, kw: dict):
    kw = dict(kw)
    if kind == "SGD":
        return C.sgd_step, C.Hyper(**kw)
    if kind == "RMSprop":
        return C.rmsprop_step, C.Hyper(**{"lr": 0.01, **kw})
    if kind == "Adam":
        return C.adam_step, C.Hyper(**{"lr": 1e-3, **kw})
    return C.adam_step, C.Hyper(**{"lr": 1e-3, "weight_decay": 0.01, **kw}, decoupled=True)


def _objective(n: int, seed: int):
    """A smooth non-quadratic loss: ½ pᵀAp + 0.05 Σ p⁴ + bᵀp (A positive definite, κ ≈ 50)."""
    rng = np.random.default_rng(seed)
    q, _ = np.linalg.qr(rng.standard_normal((n, n)))
    a = q @ np.diag(np.geomspace(1, 50, n)) @ q.T
    b = rng.standard_normal(n)
    return a, b, rng.standard_normal(n) * 2


@pytest.mark.oracle
@pytest.mark.parametrize("kind, kw", ORACLE_CASES, ids=[f"{k}-{i}" for i, (k, _) in enumerate(ORACLE_CASES)])
def test_update_rules_match_torch_optim_for_100_steps(kind, kw):
    torch = pytest.importorskip("torch", reason="the oracle extra (torch==2.13.0) is not installed")
    a, b, p0 = _objective(6, seed=sum(map(ord, kind)) + len(kw))

    t = torch.tensor(p0, dtype=torch.float64, requires_grad=True)
    at, bt = torch.tensor(a), torch.tensor(b)
    opt = getattr(torch.optim, kind)([t], **kw)
    rule, h = _ours(kind, kw)
    p, state = p0.copy(), {}
    for step in range(100):
        opt.zero_grad()
        loss = 0.5 * t @ at @ t + 0.05 * (t ** 4).sum() + bt @ t
        loss.backward()
        opt.step()
        g = a @ p + 0.2 * p ** 3 + b
        p = rule(p, g, state, h)
        np.testing.assert_allclose(p, t.detach().numpy(), rtol=1e-6, atol=1e-12,
                                   err_msg=f"{kind} {kw} step {step + 1}")
    # a run that went somewhere (not a comparison of two infinities or of no movement)
    assert np.all(np.isfinite(p)) and np.linalg.norm(p - p0) > 0.05


@pytest.mark.oracle
def test_torch_defaults_are_the_rules_defaults():
    torch = pytest.importorskip("torch", reason="the oracle extra (torch==2.13.0) is not installed")
    w = [torch.zeros(1, requires_grad=True)]
    adam = torch.optim.Adam(w).defaults
    adamw = torch.optim.AdamW(w).defaults
    rms = torch.optim.RMSprop(w).defaults
    h = C.Hyper(1.0)
    assert adam["betas"] == h.betas and adam["eps"] == h.eps and adam["weight_decay"] == 0
    assert adamw["weight_decay"] == C.DEFAULT_WEIGHT_DECAY
    assert rms["alpha"] == h.alpha and rms["eps"] == h.eps


@pytest.mark.oracle
def test_adam_with_decoupled_weight_decay_is_adamw():
    torch = pytest.importorskip("torch", reason="the oracle extra (torch==2.13.0) is not installed")
    a, b, p0 = _objective(4, seed=3)
    t = torch.tensor(p0, requires_grad=True)
    opt = torch.optim.Adam([t], lr=0.01, weight_decay=0.2, decoupled_weight_decay=True)
    h = C.Hyper(0.01, weight_decay=0.2, decoupled=True)
    p, state = p0.copy(), {}
    for _ in range(100):
        opt.zero_grad()
        (0.5 * t @ torch.tensor(a) @ t + 0.05 * (t ** 4).sum() + torch.tensor(b) @ t).backward()
        opt.step()
        p = C.adam_step(p, a @ p + 0.2 * p ** 3 + b, state, h)
    np.testing.assert_allclose(p, t.detach().numpy(), rtol=1e-6, atol=1e-12)
