"""`quiz demo lr`: gradient descent on a quadratic at learning rates below, at and above
2/λmax, and a linear warm-up.

The problem: f(p) = ½(λmin·x² + λmax·y²) from p₀ = (1, 1), minimum (0, 0). One gradient step
multiplies each coordinate by (1 − lr·λ): below 2/λmax every factor is inside (−1, 1) and the
run converges (oscillating, with sign flips, once lr > 1/λmax); at exactly 2/λmax the steep
coordinate's factor is −1 and it oscillates for ever at the same amplitude; above, |1 − lr·λmax|
> 1 and the loss grows geometrically (LeCun, Bottou, Orr & Müller 1998, "Efficient BackProp"
§5: a learning rate above twice the optimal 1/λ diverges; Goodfellow, Bengio & Courville 2016
§4.3). The learning rates are given as multiples of 2/λmax (`--factors`).

The verdict of each run is read from the run, not from the formula: the per-step amplitude
ratio of the steep coordinate, ρ = (|y_T|/|y_0|)^(1/T), and its sign changes: converges
(ρ < 1, no sign change), converges-oscillating (ρ < 1 with sign changes), oscillates
(|ρ − 1| ≤ RHO_TOL), diverges (ρ > 1). A run stops at the first step whose distance to the
minimum passes BOUND × the start's; that step is reported and nothing past it is computed, so
no inf or nan is ever printed.

Warm-up: the learning rate of step t (0-based) is peak·(s + (1 − s)·min(t, W)/W), the schedule
of torch.optim.lr_scheduler.LinearLR(start_factor=s, total_iters=W) (s = 1/3, W = 5 are its
defaults; Goyal et al. 2017 §2.2 warm up linearly over 5 epochs). The same gradient descent
runs with and without it at the peak learning rate `--peak` (a multiple of 2/λmax).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

from ...errors import InvalidValue

DEFAULT_LAMBDA_MAX = 10.0
DEFAULT_LAMBDA_MIN = 1.0
DEFAULT_FACTORS = (0.25, 0.9, 1.0, 1.1)
DEFAULT_STEPS = 30
DEFAULT_WARMUP = 5
DEFAULT_START_FACTOR = 1 / 3
DEFAULT_PEAK = 0.95
MAX_STEPS = 20_000  # every run steps together: about 0.3 s at the limit
CHART_POINTS = 300
EARLY_EXTRA = 5  # the warm-up table runs this many steps past the warm-up
MAX_LAMBDA = 1e6
MAX_FACTOR = 10.0
BOUND = 1e6  # stop once ‖p‖ passes BOUND × ‖p₀‖
RHO_TOL = 1e-6
START = (1.0, 1.0)
MAX_FACTORS = 8


@dataclass(frozen=True)
class LrRun:
    factor: float  # lr / (2/λmax)
    lr: float
    step_factors: tuple[float, float]  # (1 − lr·λmin, 1 − lr·λmax), measured from one step
    verdict: str  # converges | converges-oscillating | oscillates | diverges
    rho: float  # per-step amplitude ratio of the steep coordinate over the steps run
    sign_changes: int  # of the steep coordinate y
    stopped_at: int | None  # the step whose distance passed BOUND × the start's
    steps_run: int
    loss: tuple[float | None, ...]  # f at the reported steps (None after a stop)
    final_loss: float  # f at the last step run
    _chart: tuple = field(default=(), repr=False)  # (step, f) for the chart, not in --json


@dataclass(frozen=True)
class WarmupRun:
    warmup: int
    start_factor: float
    peak_factor: float
    peak_lr: float
    lrs: tuple[float, ...]  # learning rate of updates 1 … warmup + EARLY_EXTRA (LinearLR's)
    loss_warm: tuple[float | None, ...]  # f at the reported steps, with warm-up
    loss_const: tuple[float | None, ...]  # f at the reported steps, at the peak rate throughout
    loss_at_warmup: tuple[float, float]  # f after `warmup` steps: (warm-up, constant)
    final_loss: tuple[float, float]  # f at the last step each ran
    sign_changes_warm: int  # of y during the first `warmup` steps
    sign_changes_const: int
    stopped_warm: int | None
    stopped_const: int | None
    below_one_steps: int  # warm-up steps with lr·λmax < 1 (no overshoot across the valley)
    zeroed_warm: int | None  # the first step at which y became exactly 0 with warm-up
    early_warm: tuple[float | None, ...]  # f at steps 0 … warmup + EARLY_EXTRA, with warm-up
    early_const: tuple[float | None, ...]  # the same at the peak rate throughout
    _chart_warm: tuple = field(default=(), repr=False)
    _chart_const: tuple = field(default=(), repr=False)


@dataclass(frozen=True)
class LrResult:
    demo: str
    lambda_min: float
    lambda_max: float
    critical_lr: float  # 2/λmax
    steps: int
    every: int  # the loss table shows steps 0, every, 2·every, … and the last
    shown_steps: tuple[int, ...]
    seed: int
    runs: tuple[LrRun, ...]
    warmup: WarmupRun | None
    cited_by: tuple[str, ...] = ()


def validate(lambda_max: float, lambda_min: float, factors, steps: int, warmup: int,
             start_factor: float, peak: float) -> tuple[float, ...]:
    if not (math.isfinite(lambda_max) and 0 < lambda_max <= MAX_LAMBDA):
        raise InvalidValue(f"--lambda-max must be a number with 0 < λmax ≤ {MAX_LAMBDA:g}; "
                           f"got {lambda_max}.")
    if not (math.isfinite(lambda_min) and 0 < lambda_min <= lambda_max):
        raise InvalidValue(f"--lambda-min must be a number with 0 < λmin ≤ λmax ({lambda_max:g}); "
                           f"got {lambda_min}.")
    fs = tuple(float(f) for f in ((factors,) if isinstance(factors, (int, float)) else factors))
    if not 1 <= len(fs) <= MAX_FACTORS:
        raise InvalidValue(f"--factors takes 1 to {MAX_FACTORS} numbers; got {len(fs)}.")
    for f in fs:
        if not (math.isfinite(f) and 0 < f <= MAX_FACTOR):
            raise InvalidValue(f"--factors: each is a multiple of 2/λmax with 0 < f ≤ "
                               f"{MAX_FACTOR:g}; got {f}.")
    if not 1 <= steps <= MAX_STEPS:
        raise InvalidValue(f"--steps must be an integer from 1 to {MAX_STEPS:,}; got {steps}.")
    if not 0 <= warmup <= steps:
        raise InvalidValue(f"--warmup must be an integer from 0 (none) to --steps ({steps}); "
                           f"got {warmup}.")
    if not (math.isfinite(start_factor) and 0 < start_factor <= 1):
        raise InvalidValue(f"--start-factor must be a number with 0 < s ≤ 1; got {start_factor}.")
    if not (math.isfinite(peak) and 0 < peak <= MAX_FACTOR):
        raise InvalidValue(f"--peak must be a multiple of 2/λmax with 0 < peak ≤ {MAX_FACTOR:g}; "
                           f"got {peak}.")
    return tuple(sorted(set(fs)))


def gd_step(p: np.ndarray, lam: np.ndarray, lr: float) -> np.ndarray:
    """One step of gradient descent on ½ Σ λ_i p_i²: p − lr·∇f = p − lr·λ·p."""
    return p - lr * (lam * p)


def linear_warmup(step: int, warmup: int, start_factor: float) -> float:
    """The multiplier LinearLR applies at `step` (0-based: the rate of the (step+1)-th update)."""
    if warmup == 0:
        return 1.0
    return start_factor + (1.0 - start_factor) * min(step, warmup) / warmup


def _descend(lam: np.ndarray, lrs, steps: int):
    """Every run at once: row i steps with learning rate lrs(t)[i] at (0-based) step t.
    Returns loss and y per step (steps+1 × rows; nan after a row stopped) and the step at which
    each row passed the bound (0: never). A stopped row is frozen at its last point."""
    rows = len(lrs(0))
    p = np.tile(np.array(START), (rows, 1))
    limit2 = (BOUND * math.hypot(*START)) ** 2
    half = 0.5 * lam
    losses = np.full((steps + 1, rows), np.nan)
    ys = np.full((steps + 1, rows), np.nan)
    losses[0] = (p * p) @ half
    ys[0] = p[:, 1]
    stopped = np.zeros(rows, dtype=np.int64)
    live = np.ones(rows, dtype=bool)
    with np.errstate(over="ignore", invalid="ignore"):
        for t in range(1, steps + 1):
            q = gd_step(p, lam, lrs(t - 1)[:, None])
            out = live & ~(np.einsum("ij,ij->i", q, q) <= limit2)
            if out.any():
                stopped[out] = t
                live &= ~out
                if not live.any():
                    break
                q[out] = p[out]  # frozen; its numbers from `stopped` on are blanked below
            p = q
            losses[t] = (p * p) @ half
            ys[t] = p[:, 1]
    for row in np.flatnonzero(stopped):
        losses[stopped[row]:, row] = np.nan
        ys[stopped[row]:, row] = np.nan
    return losses, ys, stopped


def _sign_changes(ys: np.ndarray) -> int:
    """Sign changes along a run's finite prefix (zeros skipped)."""
    s = np.sign(ys)
    s = s[s != 0]
    return int(np.count_nonzero(s[1:] != s[:-1]))


def run(lambda_max: float = DEFAULT_LAMBDA_MAX, lambda_min: float = DEFAULT_LAMBDA_MIN,
        factors=DEFAULT_FACTORS, steps: int = DEFAULT_STEPS, warmup: int = DEFAULT_WARMUP,
        start_factor: float = DEFAULT_START_FACTOR, peak: float = DEFAULT_PEAK,
        seed: int = 0) -> LrResult:
    """The problem is deterministic: `seed` is accepted (and reported) for the common option."""
    fs = validate(lambda_max, lambda_min, factors, steps, warmup, start_factor, peak)
    lam = np.array([lambda_min, lambda_max])
    critical = 2.0 / lambda_max
    constant = np.array(fs) * critical
    peak_lr = peak * critical
    # rows: each factor's constant rate, then (with warm-up) the schedule and its peak rate
    schedule = np.array([peak_lr * linear_warmup(t, warmup, start_factor) for t in range(steps)])
    if warmup > 0:
        rates = np.concatenate([constant, [0.0, peak_lr]])

        def lrs(t):
            rates[-2] = schedule[t]
            return rates
    else:
        def lrs(t):
            return constant
    losses, ys, stopped = _descend(lam, lrs, steps)
    every = auto_every(steps)
    shown = list(reported_steps(steps, every))
    # what one step multiplies each coordinate by, measured by taking it from (1, 1)
    one = gd_step(np.ones((len(fs), 2)), lam, constant[:, None]).tolist()
    runs = []
    for i, f in enumerate(fs):
        runs.append(_classify(f, float(constant[i]), tuple(one[i]), losses[:, i], ys[:, i],
                              int(stopped[i]) or None, shown))
    warm = None
    if warmup > 0:
        warm = _warmup(lam, warmup, start_factor, peak, peak_lr, schedule, losses[:, -2:],
                       ys[:, -2:], stopped[-2:], shown)
    return LrResult("lr", lambda_min, lambda_max, critical, steps, every, tuple(shown), seed,
                    tuple(runs), warm)


def _shown(losses: np.ndarray, shown: list[int]) -> tuple[float | None, ...]:
    """Loss at the reported steps; None once the run stopped."""
    return tuple(None if v != v else v for v in losses[shown].tolist())  # v != v: nan


def _finite(values: np.ndarray) -> np.ndarray:
    return values[np.isfinite(values)]


def _first_zero(ys: np.ndarray) -> int | None:
    zero = np.flatnonzero(ys == 0)
    return int(zero[0]) if zero.size else None


def _plain(values: np.ndarray) -> tuple[float | None, ...]:
    return tuple(None if v != v else v for v in values.tolist())


def _chart_points(losses: np.ndarray) -> tuple:
    n = int(np.count_nonzero(np.isfinite(losses)))  # finite from step 0 to the stop
    if n <= CHART_POINTS:
        return tuple(enumerate(losses[:n].tolist()))
    keep = np.unique(np.linspace(0, n - 1, CHART_POINTS).astype(int))
    return tuple(zip(keep.tolist(), losses[keep].tolist()))


def _classify(f, lr, step_factors, losses, ys, stopped, shown) -> LrRun:
    n = (stopped - 1) if stopped else len(ys) - 1  # the steps run (finite up to here)
    y = ys[: n + 1]
    changes = _sign_changes(y)
    y0, yn = float(y[0]), float(y[n])
    rho = (abs(yn) / abs(y0)) ** (1.0 / n) if n and yn != 0 else (0.0 if n else 1.0)
    if stopped is not None or rho > 1 + RHO_TOL:
        verdict = "diverges"
    elif rho >= 1 - RHO_TOL:
        verdict = "oscillates"
    else:
        verdict = "converges-oscillating" if changes else "converges"
    return LrRun(factor=f, lr=lr, step_factors=step_factors, verdict=verdict, rho=rho,
                 sign_changes=changes, stopped_at=stopped, steps_run=n,
                 loss=_shown(losses, shown), final_loss=float(losses[n]),
                 _chart=_chart_points(losses))


def _warmup(lam, warmup, start_factor, peak, peak_lr, schedule, losses, ys, stopped,
            shown) -> WarmupRun:
    below = int(np.count_nonzero(schedule[:warmup] * lam[1] < 1.0))
    return WarmupRun(
        warmup=warmup, start_factor=start_factor, peak_factor=peak, peak_lr=peak_lr,
        lrs=tuple(float(v) for v in schedule[: warmup + EARLY_EXTRA]),
        zeroed_warm=_first_zero(ys[:, 0]),
        early_warm=_plain(losses[: warmup + EARLY_EXTRA + 1, 0]),
        early_const=_plain(losses[: warmup + EARLY_EXTRA + 1, 1]),
        loss_warm=_shown(losses[:, 0], shown), loss_const=_shown(losses[:, 1], shown),
        loss_at_warmup=(float(losses[warmup, 0]), float(losses[warmup, 1])),
        final_loss=(float(losses[np.isfinite(losses[:, 0]), 0][-1]),
                    float(losses[np.isfinite(losses[:, 1]), 1][-1])),
        sign_changes_warm=_sign_changes(_finite(ys[: warmup + 1, 0])),
        sign_changes_const=_sign_changes(_finite(ys[: warmup + 1, 1])),
        stopped_warm=int(stopped[0]) or None, stopped_const=int(stopped[1]) or None,
        below_one_steps=below, _chart_warm=_chart_points(losses[:, 0]),
        _chart_const=_chart_points(losses[:, 1]))


def auto_every(steps: int, rows: int = 16) -> int:
    for k in range(0, 12):
        for m in (1, 2, 5):
            step = m * 10 ** k
            if steps / step <= rows:
                return step
    return 10 ** 12


def reported_steps(steps_run: int, every: int) -> tuple[int, ...]:
    return tuple(sorted({0, steps_run, *range(every, steps_run + 1, every)}))


# --- numbers a question's facts may cite: demo('lr', NAME, …) ------------------------------

def _critical_lr(lambda_max: float) -> float:
    """The largest learning rate at which one gradient step does not grow the steep coordinate,
    found by bisection on the step itself (|1 − lr·λmax| ≤ 1): 2/λmax."""
    if not (math.isfinite(lambda_max) and 0 < lambda_max <= MAX_LAMBDA):
        raise InvalidValue(f"lambda_max must be in (0, {MAX_LAMBDA:g}]; got {lambda_max:g}")
    lam = np.array([lambda_max])
    lo, hi = 0.0, 4.0 / lambda_max
    for _ in range(200):
        mid = 0.5 * (lo + hi)
        if abs(gd_step(np.ones(1), lam, mid)[0]) <= 1.0:
            lo = mid
        else:
            hi = mid
        if hi - lo <= 1e-15 * hi:
            break
    return lo


def _step_factor(lr: float, lam: float) -> float:
    """What one gradient step multiplies a coordinate of curvature λ by: 1 − lr·λ."""
    return float(gd_step(np.ones(1), np.array([float(lam)]), float(lr))[0])


def _warmup_lr(step: float, warmup: float = DEFAULT_WARMUP, peak: float = 1.0,
               start_factor: float = DEFAULT_START_FACTOR) -> float:
    """The learning rate of a 0-based step under the linear warm-up (LinearLR's schedule)."""
    if step != int(step) or step < 0 or warmup != int(warmup) or warmup < 0:
        raise InvalidValue("step and warmup are whole numbers ≥ 0")
    if not 0 < start_factor <= 1:
        raise InvalidValue(f"start_factor must be in (0, 1]; got {start_factor:g}")
    return peak * linear_warmup(int(step), int(warmup), start_factor)


FACTS = {
    "critical_lr": _critical_lr,
    "step_factor": _step_factor,
    "warmup_lr": _warmup_lr,
}
