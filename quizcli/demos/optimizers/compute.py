"""`quiz demo optimizers`: SGD, SGD + momentum, Nesterov, RMSprop, Adam and AdamW on a 2-D
problem, with the update rules written as PyTorch's `torch.optim` applies them.

Problems (minimum p* = (1, 1) in both):
- quadratic: f(p) = ½ Σ h_i (p_i − 1)², h = (1, κ) (`--condition` κ): the ill-conditioned
  valley; start (−4, 1.5), so both terms of f start equal (12.5 each at κ = 100). The steep
  coordinate is y.
- rosenbrock: f(x, y) = (1 − x)² + 100 (y − x²)², from (−1.2, 1) (Rosenbrock 1960; the usual
  start of the Moré, Garbow & Hillstrom 1981 test set). The steep quantity is the valley
  residual y − x².

Reported per optimizer: the steps until ‖p − p*‖ ≤ tol·‖p₀ − p*‖ (none within --steps, or the
step at which the distance passed DIVERGE times the start's: a divergence), the zig-zag as the
number of sign changes of the steep coordinate (residual) and its back-and-forth travel Σ|Δr|
over |r₀|, and the path (subsampled) for the chart.

Default learning rates (when --lr is not given), from the Hessian at the minimum (λmin, λmax):
SGD 2/(λmin + λmax), the best constant step for gradient descent on a quadratic (Polyak 1987,
§1.4); SGD + momentum and Nesterov 1/λmax with momentum 0.9; RMSprop, Adam and AdamW a step
size in parameter units (RMSprop 0.01 on rosenbrock, else 0.1; Adam/AdamW 0.1), since their
steps are normalised by the gradient's size.

Adam's bias correction: the first BIAS_ROWS steps of the Adam run, flat coordinate x: g, m, v,
m̂ = m/(1 − β1^t), v̂ = v/(1 − β2^t), and the step with and without the correction.

AdamW vs Adam + L2 (Loshchilov & Hutter 2019): both run --steps steps with Adam's learning rate
and --weight-decay λ. Adam + L2 adds λp to the gradient, which then goes through m̂/√v̂: the
decay each coordinate gets per step is lr·λ/(√v̂ + ε) (less where gradients were large). AdamW
multiplies p by (1 − lr·λ): every coordinate the same. On the quadratic, the L2 problem's own
minimum h_i/(h_i + λ) is reported too (where gradient descent on f + ½λ‖p‖² ends).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

from ...errors import InvalidValue, did_you_mean

OPTIMIZERS = ("sgd", "momentum", "nesterov", "rmsprop", "adam", "adamw")
LABELS = {"sgd": "SGD", "momentum": "SGD+momentum", "nesterov": "Nesterov",
          "rmsprop": "RMSprop", "adam": "Adam", "adamw": "AdamW"}
ALIASES = {"gd": "sgd", "sgd+momentum": "momentum", "sgd-momentum": "momentum",
           "heavy-ball": "momentum", "heavyball": "momentum", "polyak": "momentum",
           "nag": "nesterov", "rms": "rmsprop", "rms-prop": "rmsprop", "adam-w": "adamw"}
PROBLEMS = ("quadratic", "rosenbrock")
MINIMUM = (1.0, 1.0)
STARTS = {"quadratic": (-4.0, 1.5), "rosenbrock": (-1.2, 1.0)}

DEFAULT_PROBLEM = "quadratic"
DEFAULT_STEPS = 2000
MAX_STEPS = 20_000  # 6 optimizers × 20,000 steps of 2-D NumPy: about 1.5 s here
DEFAULT_TOL = 1e-3
DEFAULT_CONDITION = 100.0
MAX_CONDITION = 1e6
DEFAULT_MOMENTUM = 0.9
DEFAULT_WEIGHT_DECAY = 0.01  # torch.optim.AdamW's default
MAX_LR = 10.0
DIVERGE = 1e6  # a run whose distance to p* passes DIVERGE × the start's has diverged
PATH_POINTS = 300
BIAS_ROWS = 5

ADAPTIVE_LR = {"quadratic": {"rmsprop": 0.1, "adam": 0.1, "adamw": 0.1},
               "rosenbrock": {"rmsprop": 0.01, "adam": 0.1, "adamw": 0.1}}


# --- the update rules (torch.optim's single-tensor code paths, in NumPy) -----------------

@dataclass(frozen=True)
class Hyper:
    """One optimizer's hyperparameters, with torch.optim's names and defaults."""

    lr: float
    momentum: float = 0.0  # SGD; RMSprop
    dampening: float = 0.0  # SGD
    nesterov: bool = False  # SGD
    alpha: float = 0.99  # RMSprop
    centered: bool = False  # RMSprop
    betas: tuple[float, float] = (0.9, 0.999)  # Adam
    eps: float = 1e-8  # RMSprop, Adam
    weight_decay: float = 0.0  # L2 (added to the gradient), or decoupled for AdamW
    decoupled: bool = False  # AdamW: p ← p·(1 − lr·λ) before the Adam step


def sgd_step(p: np.ndarray, g: np.ndarray, state: dict, h: Hyper) -> np.ndarray:
    """torch.optim.SGD: g += λp; buf = g (first step) or μ·buf + (1 − dampening)·g;
    Nesterov: g += μ·buf, else g = buf; p −= lr·g. (`p`, `g` and the state's arrays are never
    changed in place: each step stores new arrays.)"""
    if h.weight_decay:
        g = g + h.weight_decay * p
    mu = h.momentum
    if mu:
        buf = state.get("buf")
        if buf is None:
            buf = state["buf"] = g.copy()
        else:
            buf = state["buf"] = mu * buf + (g if not h.dampening else (1.0 - h.dampening) * g)
        g = g + mu * buf if h.nesterov else buf
    return p - h.lr * g


def rmsprop_step(p: np.ndarray, g: np.ndarray, state: dict, h: Hyper) -> np.ndarray:
    """torch.optim.RMSprop: s = α·s + (1 − α)·g²; (centered: s − ḡ²); p −= lr·g/(√s + ε),
    or with momentum buf = μ·buf + g/(√s + ε), p −= lr·buf."""
    if h.weight_decay:
        g = g + h.weight_decay * p
    alpha = h.alpha
    sq = state.get("square_avg")
    if sq is None:
        sq = state["square_avg"] = (1.0 - alpha) * (g * g)
    else:
        sq = state["square_avg"] = alpha * sq + (1.0 - alpha) * (g * g)
    if h.centered:
        ga = state.get("grad_avg")
        if ga is None:
            ga = state["grad_avg"] = (1.0 - alpha) * g
        else:
            ga = state["grad_avg"] = ga + (1.0 - alpha) * (g - ga)
        avg = np.sqrt(sq - ga * ga) + h.eps
    else:
        avg = np.sqrt(sq) + h.eps
    if h.momentum:
        buf = state.get("buf")
        if buf is None:
            buf = state["buf"] = g / avg
        else:
            buf = state["buf"] = h.momentum * buf + g / avg
        return p - h.lr * buf
    return p - h.lr * (g / avg)


def adam_step(p: np.ndarray, g: np.ndarray, state: dict, h: Hyper) -> np.ndarray:
    """torch.optim.Adam / AdamW: m ← m + (1 − β1)(g − m); v ← β2·v + (1 − β2)·g²;
    p −= lr/(1 − β1^t) · m / (√v/√(1 − β2^t) + ε). Adam's weight_decay adds λp to g (L2);
    AdamW's multiplies p by (1 − lr·λ) first."""
    b1, b2 = h.betas
    lr = h.lr
    if h.weight_decay:
        if h.decoupled:
            p = p * (1.0 - lr * h.weight_decay)
        else:
            g = g + h.weight_decay * p
    t = state.get("step", 0) + 1
    m = state.get("exp_avg")
    if m is None:
        m = (1.0 - b1) * g
        v = (1.0 - b2) * (g * g)
    else:
        m = m + (1.0 - b1) * (g - m)
        v = b2 * state["exp_avg_sq"] + (1.0 - b2) * (g * g)
    state["step"], state["exp_avg"], state["exp_avg_sq"] = t, m, v
    return p - (lr / (1.0 - b1 ** t)) * m / (np.sqrt(v) / math.sqrt(1.0 - b2 ** t) + h.eps)


RULES = {"sgd": sgd_step, "momentum": sgd_step, "nesterov": sgd_step, "rmsprop": rmsprop_step,
         "adam": adam_step, "adamw": adam_step}


# --- problems -----------------------------------------------------------------------------

def curvature(problem: str, condition: float) -> np.ndarray:
    """The Hessian at the minimum."""
    if problem == "quadratic":
        return np.diag([1.0, condition])
    return np.array([[802.0, -400.0], [-400.0, 200.0]])  # Rosenbrock at (1, 1)


def hessian_eigs(problem: str, condition: float) -> tuple[float, float]:
    lo, hi = np.linalg.eigvalsh(curvature(problem, condition))
    return float(lo), float(hi)


def _gradient(problem: str, condition: float):
    if problem == "quadratic":
        h = np.array([1.0, condition])
        c = np.array(MINIMUM)
        return lambda p: h * (p - c)

    def rosenbrock(p):
        x, y = p
        r = y - x * x
        return np.array([-2.0 * (1.0 - x) - 400.0 * x * r, 200.0 * r])

    return rosenbrock


def loss(problem: str, condition: float, x: float, y: float) -> float:
    if problem == "quadratic":
        return 0.5 * ((x - 1.0) ** 2 + condition * (y - 1.0) ** 2)
    return (1.0 - x) ** 2 + 100.0 * (y - x * x) ** 2


def contour(problem: str, condition: float, level: float, n: int = 80) -> list[tuple[float, float]]:
    """Points on the level set f = level (a closed curve for the quadratic; both branches of
    the banana for Rosenbrock, joined at its ends)."""
    if problem == "quadratic":
        a, b = math.sqrt(2 * level), math.sqrt(2 * level / condition)
        return [(1 + a * math.cos(2 * math.pi * k / n), 1 + b * math.sin(2 * math.pi * k / n))
                for k in range(n + 1)]
    r = math.sqrt(level)
    xs = [1 - r + 2 * r * k / n for k in range(n + 1)]
    upper, lower = [], []
    for x in xs:
        w = math.sqrt(max(0.0, level - (1 - x) ** 2) / 100.0)
        upper.append((x, x * x + w))
        lower.append((x, x * x - w))
    return upper + lower[::-1] + [upper[0]]


# --- options ------------------------------------------------------------------------------

def parse_optimizers(text: str | tuple[str, ...]) -> tuple[str, ...]:
    raw = text.split(",") if isinstance(text, str) else list(text)
    names = [n.strip().lower().replace("_", "-") for n in raw if n.strip()]
    if not names:
        raise InvalidValue(f"--optimizers needs at least one name, e.g. --optimizers sgd,adam. "
                           f"Allowed: {', '.join(OPTIMIZERS)}.")
    out: list[str] = []
    for name in names:
        canonical = ALIASES.get(name, name)
        if canonical not in OPTIMIZERS:
            raise InvalidValue(f"--optimizers: unknown optimizer '{name}'. Allowed: "
                               f"{', '.join(OPTIMIZERS)}.{did_you_mean(name, OPTIMIZERS + tuple(ALIASES))}")
        if canonical not in out:
            out.append(canonical)
    return tuple(out)


def default_lr(name: str, problem: str, condition: float = DEFAULT_CONDITION) -> float:
    lo, hi = hessian_eigs(problem, condition)
    if name == "sgd":
        return 2.0 / (lo + hi)
    if name in ("momentum", "nesterov"):
        return 1.0 / hi
    return ADAPTIVE_LR[problem][name]


def hyper(name: str, lr: float, momentum: float = DEFAULT_MOMENTUM,
          weight_decay: float = DEFAULT_WEIGHT_DECAY) -> Hyper:
    if name == "momentum":
        return Hyper(lr, momentum=momentum)
    if name == "nesterov":
        return Hyper(lr, momentum=momentum, nesterov=True)
    if name == "adamw":
        return Hyper(lr, weight_decay=weight_decay, decoupled=True)
    return Hyper(lr)


def validate(problem: str, steps: int, lr: float | None, tol: float, condition: float,
             momentum: float, weight_decay: float) -> None:
    if problem not in PROBLEMS:
        raise InvalidValue(f"--problem takes one of {', '.join(PROBLEMS)}; got '{problem}'."
                           f"{did_you_mean(str(problem), PROBLEMS)}")
    if not 1 <= steps <= MAX_STEPS:
        raise InvalidValue(f"--steps must be an integer from 1 to {MAX_STEPS:,} (the most that "
                           f"runs in about a second); got {steps}.")
    if lr is not None and not (math.isfinite(lr) and 0 < lr <= MAX_LR):
        raise InvalidValue(f"--lr must be a number with 0 < lr ≤ {MAX_LR:g}; got {lr}.")
    if not (math.isfinite(tol) and 0 < tol < 1):
        raise InvalidValue(f"--tol must be a number with 0 < tol < 1 (a share of the start's "
                           f"distance to the minimum); got {tol}.")
    if not (math.isfinite(condition) and 1 <= condition <= MAX_CONDITION):
        raise InvalidValue(f"--condition must be a number from 1 to {MAX_CONDITION:g}; got {condition}.")
    if not (math.isfinite(momentum) and 0 <= momentum < 1):
        raise InvalidValue(f"--momentum must be a number with 0 ≤ momentum < 1; got {momentum}.")
    if not (math.isfinite(weight_decay) and 0 <= weight_decay <= 1):
        raise InvalidValue(f"--weight-decay must be a number from 0 to 1; got {weight_decay}.")


# --- results ------------------------------------------------------------------------------

@dataclass(frozen=True)
class OptimizerRun:
    name: str
    label: str
    lr: float
    lr_is_default: bool
    hyper: Hyper
    steps_to_tol: int | None  # None: not within --steps (or diverged)
    diverged_at: int | None  # the step whose distance passed DIVERGE × the start's
    steps_run: int
    final_distance: float  # ‖p − p*‖ / ‖p₀ − p*‖ at the last step run
    final_loss: float
    final_point: tuple[float, float]
    sign_changes: int  # of the steep coordinate (residual) over the steps run
    steep_travel: float  # Σ|Δr| / |r₀|: how far the steep coordinate went back and forth
    path: tuple[tuple[float, float], ...] = field(repr=False)


@dataclass(frozen=True)
class BiasRow:
    step: int
    g: float
    m: float
    v: float
    m_hat: float
    v_hat: float
    step_corrected: float  # lr·m̂/(√v̂ + ε)
    step_uncorrected: float  # lr·m/(√v + ε)


@dataclass(frozen=True)
class DecayCompare:
    lr: float
    weight_decay: float
    steps: int
    adam_end: tuple[float, float]  # no decay
    adam_l2_end: tuple[float, float]
    adamw_end: tuple[float, float]
    l2_minimum: tuple[float, float] | None  # argmin f + ½λ‖p‖² (quadratic only)
    sqrt_v_hat: tuple[float, float]  # Adam + L2, at the end
    l2_decay_per_step: tuple[float, float]  # lr·λ/(√v̂ + ε) per coordinate, at the end
    adamw_decay_per_step: float  # lr·λ, every coordinate


@dataclass(frozen=True)
class OptimizersResult:
    demo: str
    problem: str
    condition: float | None  # quadratic only
    hessian_eigs: tuple[float, float]  # at the minimum
    start: tuple[float, float]
    minimum: tuple[float, float]
    steps: int
    tol: float
    momentum: float
    weight_decay: float
    seed: int
    runs: tuple[OptimizerRun, ...]
    bias: tuple[BiasRow, ...]  # Adam's first steps (empty without adam in --optimizers)
    bias_first_ratio: float | None  # uncorrected / corrected first step
    decay: DecayCompare | None
    cited_by: tuple[str, ...] = ()


# --- running ------------------------------------------------------------------------------

def _descend(rule, h: Hyper, grad, p0: np.ndarray, steps: int, tol: float,
             stop_at_tol: bool = True, watch=None):
    """(p per step as an array (k+1 × 2), steps to tol or None, diverged step or None)."""
    c = np.array(MINIMUM)
    d0 = float(np.linalg.norm(p0 - c))
    goal, bound = tol * d0, DIVERGE * d0
    path = np.empty((steps + 1, 2))
    path[0] = p0
    p, state = p0, {}
    reached = diverged = None
    k = steps
    with np.errstate(over="ignore", invalid="ignore"):
        for t in range(1, steps + 1):
            g = grad(p)
            p = rule(p, g, state, h)
            if watch is not None:
                watch(t, g, state)
            d = math.hypot(p[0] - 1.0, p[1] - 1.0)
            if not d <= bound:  # also nan
                diverged, k = t, t - 1
                break
            path[t] = p
            if reached is None and d <= goal:
                reached = t
                if stop_at_tol:
                    k = t
                    break
    return path[: k + 1], reached, diverged, state


def run(problem: str = DEFAULT_PROBLEM, optimizers: str | tuple[str, ...] = OPTIMIZERS,
        steps: int = DEFAULT_STEPS, lr: float | None = None, tol: float = DEFAULT_TOL,
        condition: float = DEFAULT_CONDITION, momentum: float = DEFAULT_MOMENTUM,
        weight_decay: float = DEFAULT_WEIGHT_DECAY, seed: int = 0) -> OptimizersResult:
    """The problem is deterministic: `seed` is accepted (and reported) for the common option."""
    validate(problem, steps, lr, tol, condition, momentum, weight_decay)
    names = parse_optimizers(optimizers)
    kappa = condition if problem == "quadratic" else None
    grad = _gradient(problem, condition)
    p0 = np.array(STARTS[problem])
    runs = []
    bias: list[BiasRow] = []
    for name in names:
        rate = default_lr(name, problem, condition) if lr is None else lr
        h = hyper(name, rate, momentum, weight_decay)
        watch = None
        if name == "adam":
            watch = _bias_watcher(bias, h)
        path, reached, diverged, _ = _descend(RULES[name], h, grad, p0, steps, tol, watch=watch)
        runs.append(_summarise(name, rate, lr is None, h, path, reached, diverged, problem,
                               condition))
    ratio = bias[0].step_uncorrected / bias[0].step_corrected if bias and bias[0].step_corrected else None
    decay = None
    if "adam" in names or "adamw" in names:
        rate = default_lr("adam", problem, condition) if lr is None else lr
        decay = _decay_compare(problem, condition, grad, p0, rate, weight_decay, steps, tol)
    return OptimizersResult(
        demo="optimizers", problem=problem, condition=kappa,
        hessian_eigs=hessian_eigs(problem, condition), start=STARTS[problem], minimum=MINIMUM,
        steps=steps, tol=tol, momentum=momentum, weight_decay=weight_decay, seed=seed,
        runs=tuple(runs), bias=tuple(bias), bias_first_ratio=ratio, decay=decay)


def _bias_watcher(rows: list, h: Hyper):
    b1, b2 = h.betas

    def watch(t: int, g: np.ndarray, state: dict) -> None:
        if t > BIAS_ROWS:
            return
        m, v = float(state["exp_avg"][0]), float(state["exp_avg_sq"][0])
        m_hat, v_hat = m / (1 - b1 ** t), v / (1 - b2 ** t)
        rows.append(BiasRow(t, float(g[0]), m, v, m_hat, v_hat,
                            h.lr * m_hat / (math.sqrt(v_hat) + h.eps),
                            h.lr * m / (math.sqrt(v) + h.eps)))

    return watch


def _summarise(name, rate, is_default, h, path, reached, diverged, problem,
               condition) -> OptimizerRun:
    r = path[:, 1] - 1.0 if problem == "quadratic" else path[:, 1] - path[:, 0] ** 2
    signs = np.sign(r)
    nz = signs[signs != 0]
    changes = int(np.count_nonzero(nz[1:] != nz[:-1]))
    travel = float(np.abs(np.diff(r)).sum() / abs(r[0])) if r[0] else math.nan
    end = path[-1]
    c = np.array(MINIMUM)
    d0 = float(np.linalg.norm(path[0] - c))
    keep = np.unique(np.linspace(0, len(path) - 1, min(PATH_POINTS, len(path))).astype(int))
    return OptimizerRun(
        name=name, label=LABELS[name], lr=rate, lr_is_default=is_default, hyper=h,
        steps_to_tol=reached, diverged_at=diverged, steps_run=len(path) - 1,
        final_distance=float(np.linalg.norm(end - c) / d0),
        final_loss=loss(problem, condition, float(end[0]), float(end[1])),
        final_point=(float(end[0]), float(end[1])), sign_changes=changes, steep_travel=travel,
        path=tuple(map(tuple, path[keep].tolist())))


def _decay_compare(problem, condition, grad, p0, rate, wd, steps, tol) -> DecayCompare:
    plain = Hyper(rate)
    l2 = Hyper(rate, weight_decay=wd)
    decoupled = Hyper(rate, weight_decay=wd, decoupled=True)
    ends = []
    states = []
    for h in (plain, l2, decoupled):
        path, _, _, state = _descend(adam_step, h, grad, p0, steps, tol, stop_at_tol=False)
        ends.append((float(path[-1, 0]), float(path[-1, 1])))
        states.append(state)
    st = states[1]
    b2 = l2.betas[1]
    sqrt_v_hat = np.sqrt(st["exp_avg_sq"] / (1 - b2 ** st["step"]))
    per_step = rate * wd / (sqrt_v_hat + l2.eps)
    l2_min = None
    if problem == "quadratic":
        hh = np.array([1.0, condition])
        l2_min = tuple(float(v) for v in hh * np.array(MINIMUM) / (hh + wd))
    return DecayCompare(rate, wd, steps, ends[0], ends[1], ends[2], l2_min,
                        (float(sqrt_v_hat[0]), float(sqrt_v_hat[1])),
                        (float(per_step[0]), float(per_step[1])), rate * wd)


# --- numbers a question's facts may cite: demo('optimizers', NAME, …) ----------------------

def _steps_to_tol(optimizer: str, problem: str = DEFAULT_PROBLEM,
                  condition: float = DEFAULT_CONDITION, tol: float = DEFAULT_TOL) -> float:
    """Steps the optimizer (default learning rate) takes to reach tol; nan if it never does
    within DEFAULT_STEPS."""
    r = run(problem=problem, optimizers=optimizer, condition=condition, tol=tol)
    steps = r.runs[0].steps_to_tol
    return float(steps) if steps is not None else math.nan


def _adam_first_step_ratio(beta1: float = 0.9, beta2: float = 0.999) -> float:
    """How many times larger Adam's first step would be without bias correction (one step of
    the rule on a unit gradient, with and without the correction)."""
    _check_beta(beta1), _check_beta(beta2)
    h = Hyper(1.0, betas=(beta1, beta2), eps=0.0)
    state: dict = {}
    p1 = adam_step(np.zeros(1), np.ones(1), state, h)
    corrected = -float(p1[0])
    uncorrected = float(state["exp_avg"][0] / math.sqrt(state["exp_avg_sq"][0]))
    return uncorrected / corrected


def _ema_of_constant(beta: float, steps: float) -> float:
    """What an exponential moving average started at 0 holds after `steps` steps of a constant
    1 (Adam's m or v before bias correction): 1 − β^t, by running the update."""
    _check_beta(beta)
    if steps != int(steps) or not 1 <= steps <= 100_000:
        raise InvalidValue(f"steps must be a whole number from 1 to 100000; got {steps:g}")
    m = np.zeros(1)
    one = np.ones(1)
    for _ in range(int(steps)):
        m = m + (1.0 - beta) * (one - m)
    return float(m[0])


def _momentum_gain(momentum: float, steps: float = 1000) -> float:
    """The step SGD + momentum takes after `steps` steps of a constant gradient, over lr·g
    (→ 1/(1 − μ))."""
    if not (0 <= momentum < 1):
        raise InvalidValue(f"momentum must be in [0, 1); got {momentum:g}")
    if steps != int(steps) or not 1 <= steps <= 100_000:
        raise InvalidValue(f"steps must be a whole number from 1 to 100000; got {steps:g}")
    h = Hyper(1.0, momentum=momentum)
    p, state = np.zeros(1), {}
    for _ in range(int(steps)):
        before = p
        p = sgd_step(p, np.ones(1), state, h)
    return float(before[0] - p[0])


def _adamw_decay_per_step(lr: float = 1e-3, weight_decay: float = DEFAULT_WEIGHT_DECAY) -> float:
    """The share of a weight AdamW's decoupled decay removes in one step (zero gradient)."""
    h = Hyper(lr, weight_decay=weight_decay, decoupled=True)
    p = adam_step(np.ones(1), np.zeros(1), {}, h)
    return float(1.0 - p[0])


def _check_beta(beta: float) -> None:
    if not (0 <= beta < 1):
        raise InvalidValue(f"a beta must be in [0, 1); got {beta:g}")


FACTS = {
    "steps_to_tol": _steps_to_tol,
    "adam_first_step_ratio": _adam_first_step_ratio,
    "ema_of_constant": _ema_of_constant,
    "momentum_gain": _momentum_gain,
    "adamw_decay_per_step": _adamw_decay_per_step,
}
