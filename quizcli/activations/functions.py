"""Every activation the tutor knows, as one object each (function and derivative side by side).

Numerical rules followed throughout, so that any finite input (±1e300 in float64, ±3e38 in
float32) gives a finite result with no overflow or invalid-value warning:
- each branch of a piecewise function only ever sees inputs clipped to its own domain
  (np.where evaluates both branches);
- exponentials only of non-positive numbers; sigmoid-like terms from e = exp(-|x|);
- log-space forms for softplus and log-sigmoid.
Definitions and defaults are PyTorch's (torch.nn.functional); derivatives at kinks are what
its autograd returns (table in shared/reference/facts.md, checked by the oracle tests).
"""

from __future__ import annotations

import math

import numpy as np

from .base import Activation, Kink, Properties

SELU_ALPHA = 1.6732632423543772848170429916717
SELU_SCALE = 1.0507009873554804934193349852946
LEAKY_SLOPE = 0.01
PRELU_INIT = 0.25
SOFTPLUS_THRESHOLD = 20.0
GELU_TANH_COEF = 0.044715
SQRT_2_OVER_PI = math.sqrt(2.0 / math.pi)
INV_SQRT_2PI = 1.0 / math.sqrt(2.0 * math.pi)

_erfc = np.frompyfunc(math.erfc, 1, 1)


def _sigmoid(x):
    e = np.exp(-np.abs(x))
    return np.where(x >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def _dsigmoid(x):
    # σ'(x) = e / (1 + e)^2 with e = exp(-|x|): symmetric, and keeps tiny values instead of
    # the 0 that σ(1 - σ) rounds to once σ == 1.
    e = np.exp(-np.abs(x))
    return e / ((1.0 + e) * (1.0 + e))


def _sech2(u):
    e1 = np.exp(-np.abs(u))  # squared rather than exp(-2|u|): 2|u| overflows float32
    e = e1 * e1
    return 4.0 * e / ((1.0 + e) * (1.0 + e))


def _softplus_exact(x):
    return np.logaddexp(np.zeros_like(x), x)


def _ones(x):
    return np.ones_like(x)


def _phi_cdf(x):
    return np.asarray(0.5 * _erfc(-np.asarray(x) / math.sqrt(2.0)), dtype=np.float64)


def _phi_pdf(x):
    xc = np.clip(x, -40.0, 40.0)  # beyond ±40 the density is 0 in float64
    return INV_SQRT_2PI * np.exp(-0.5 * xc * xc)


# --- the definitions ---------------------------------------------------------------------

def _relu_like(slope):
    def f(x):
        return np.where(x > 0, x, slope * x)

    def df(x):
        return np.where(x > 0, 1.0, slope).astype(x.dtype)

    return f, df


def _elu(x, alpha=1.0):
    return np.where(x > 0, x, alpha * np.expm1(np.minimum(x, 0)))


def _delu(x, alpha=1.0):
    return np.where(x > 0, 1.0, alpha * np.exp(np.minimum(x, 0))).astype(x.dtype)


def _celu(x, alpha=1.0):
    return np.maximum(x, 0) + np.minimum(0, alpha * np.expm1(np.minimum(x, 0) / alpha))


def _dcelu(x, alpha=1.0):
    return np.where(x > 0, 1.0, np.exp(np.minimum(x, 0) / alpha)).astype(x.dtype)


def _gelu(x):
    return x * _phi_cdf(x)


def _dgelu(x):
    xc = np.clip(x, -40.0, 40.0)
    return _phi_cdf(x) + xc * _phi_pdf(x)


def _gelu_tanh_inner(xc):
    return SQRT_2_OVER_PI * (xc + GELU_TANH_COEF * xc * xc * xc)


def _gelu_tanh(x):
    # tanh saturates to exactly ±1 long before |x| = 100, so clipping the inner argument
    # changes nothing but keeps x³ from overflowing.
    t = np.tanh(_gelu_tanh_inner(np.clip(x, -100.0, 100.0)))
    return 0.5 * x * (1.0 + t)


def _dgelu_tanh(x):
    xc = np.clip(x, -100.0, 100.0)
    u = _gelu_tanh_inner(xc)
    t = np.tanh(u)
    du = SQRT_2_OVER_PI * (1.0 + 3.0 * GELU_TANH_COEF * xc * xc)
    return 0.5 * (1.0 + t) + 0.5 * xc * _sech2(u) * du


def _silu(x):
    return x * _sigmoid(x)


def _dsilu(x):
    return _sigmoid(x) + x * _dsigmoid(x)


def _mish(x):
    return x * np.tanh(_softplus_exact(x))


def _dmish(x):
    sp = _softplus_exact(x)
    return np.tanh(sp) + x * _sech2(sp) * _sigmoid(x)


def _softplus(x):
    # PyTorch: x itself above the threshold, log1p(exp(x)) below it.
    return np.where(x > SOFTPLUS_THRESHOLD, x, np.log1p(np.exp(np.minimum(x, SOFTPLUS_THRESHOLD))))


def _dsoftplus(x):
    return np.where(x > SOFTPLUS_THRESHOLD, 1.0, _sigmoid(x)).astype(x.dtype)


def _softsign(x):
    return x / (1.0 + np.abs(x))


def _dsoftsign(x):
    d = 1.0 / (1.0 + np.abs(x))
    return d * d


def _hardsigmoid(x):
    return np.clip(x / 6.0 + 0.5, 0.0, 1.0)


def _dhardsigmoid(x):
    return np.where((x > -3) & (x < 3), 1.0 / 6.0, 0.0).astype(x.dtype)


def _hardswish(x):
    xc = np.clip(x, -3.0, 3.0)
    return np.where(x <= -3, 0.0 * x, np.where(x >= 3, x, xc * (xc + 3.0) / 6.0))


def _dhardswish(x):
    xc = np.clip(x, -3.0, 3.0)
    return np.where(x <= -3, 0.0, np.where(x < 3, xc / 3.0 + 0.5, 1.0)).astype(x.dtype)


def _logsigmoid(x):
    return -np.logaddexp(np.zeros_like(x), -x)


def _tanhshrink(x):
    return x - np.tanh(x)


def _dtanhshrink(x):
    t = np.tanh(x)
    return t * t


# --- the registry entries ----------------------------------------------------------------

def _props(**kw) -> Properties:
    return Properties(**kw)


_relu_f = lambda x: np.where(x > 0, x, 0.0 * x)  # noqa: E731  (0*x keeps the dtype)
_relu_df = lambda x: (x > 0).astype(x.dtype)  # noqa: E731
_leaky_f, _leaky_df = _relu_like(LEAKY_SLOPE)
_prelu_f, _prelu_df = _relu_like(PRELU_INIT)
SELU_LAMBDA_ALPHA = SELU_SCALE * SELU_ALPHA

# The mathematics of each catalog entry (catalog.py holds its aliases, text, gain and oracle
# call), in catalog order.
ACTIVATIONS: tuple[Activation, ...] = (
    Activation(
        name="sigmoid",
        formula="σ(x) = 1 / (1 + e^(−x))",
        derivative_formula="σ′(x) = σ(x)(1 − σ(x))",
        value_range=(0.0, 1.0, False, False),
        properties=_props(zero_centered=False, monotonic=True, bounded_below=True,
                          bounded_above=True, smooth=True, saturates="both", exact_zeros=False),
        _f=_sigmoid, _df=_dsigmoid,
    ),
    Activation(
        name="tanh",
        formula="tanh(x) = (e^x − e^(−x)) / (e^x + e^(−x)) = 2σ(2x) − 1",
        derivative_formula="tanh′(x) = 1 − tanh²(x)",
        value_range=(-1.0, 1.0, False, False),
        properties=_props(zero_centered=True, monotonic=True, bounded_below=True,
                          bounded_above=True, smooth=True, saturates="both", exact_zeros=False),
        _f=np.tanh, _df=lambda x: _sech2(x),
    ),
    Activation(
        name="relu",
        formula="ReLU(x) = max(0, x)",
        derivative_formula="ReLU′(x) = 1 if x > 0 else 0   (0 at x = 0)",
        value_range=(0.0, math.inf, True, False),
        properties=_props(zero_centered=False, monotonic=True, bounded_below=True,
                          bounded_above=False, smooth=False, saturates="left", exact_zeros=True),
        _f=_relu_f, _df=_relu_df,
        kinks=(Kink(0.0, 0.0, 0.0, 0.0, 1.0),),
    ),
    Activation(
        name="leaky_relu",
        formula="LeakyReLU(x) = x if x > 0 else 0.01·x",
        derivative_formula="LeakyReLU′(x) = 1 if x > 0 else 0.01",
        value_range=(-math.inf, math.inf, False, False),
        properties=_props(zero_centered=False, monotonic=True, bounded_below=False,
                          bounded_above=False, smooth=False, saturates="none", exact_zeros=False),
        _f=_leaky_f, _df=_leaky_df, params={"negative_slope": LEAKY_SLOPE},
        kinks=(Kink(0.0, 0.0, LEAKY_SLOPE, LEAKY_SLOPE, 1.0),),
    ),
    Activation(
        name="prelu",
        formula="PReLU(x) = x if x > 0 else a·x   (a learned, init 0.25)",
        derivative_formula="PReLU′(x) = 1 if x > 0 else a",
        value_range=(-math.inf, math.inf, False, False),
        properties=_props(zero_centered=False, monotonic=True, bounded_below=False,
                          bounded_above=False, smooth=False, saturates="none", exact_zeros=False),
        _f=_prelu_f, _df=_prelu_df, params={"a": PRELU_INIT},
        kinks=(Kink(0.0, 0.0, PRELU_INIT, PRELU_INIT, 1.0),),
    ),
    Activation(
        name="relu6",
        formula="ReLU6(x) = min(max(0, x), 6)",
        derivative_formula="ReLU6′(x) = 1 if 0 < x < 6 else 0",
        value_range=(0.0, 6.0, True, True),
        properties=_props(zero_centered=False, monotonic=True, bounded_below=True,
                          bounded_above=True, smooth=False, saturates="both", exact_zeros=True),
        _f=lambda x: np.clip(x, 0.0, 6.0), _df=lambda x: ((x > 0) & (x < 6)).astype(x.dtype),
        kinks=(Kink(0.0, 0.0, 0.0, 0.0, 1.0), Kink(6.0, 6.0, 0.0, 1.0, 0.0)),
    ),
    Activation(
        name="elu",
        formula="ELU(x) = x if x > 0 else α(e^x − 1)   (α = 1)",
        derivative_formula="ELU′(x) = 1 if x > 0 else α·e^x",
        value_range=(-1.0, math.inf, False, False),
        properties=_props(zero_centered=False, monotonic=True, bounded_below=True,
                          bounded_above=False, smooth=False, saturates="left", exact_zeros=False),
        _f=_elu, _df=_delu, params={"alpha": 1.0},
        kinks=(Kink(0.0, 0.0, 1.0, 1.0, 1.0),),
    ),
    Activation(
        name="selu",
        formula="SELU(x) = λ·(x if x > 0 else α(e^x − 1))   (λ ≈ 1.0507, α ≈ 1.6733)",
        derivative_formula="SELU′(x) = λ if x > 0 else λα·e^x   (λα at x = 0)",
        value_range=(-SELU_LAMBDA_ALPHA, math.inf, False, False),
        properties=_props(zero_centered=False, monotonic=True, bounded_below=True,
                          bounded_above=False, smooth=False, saturates="left", exact_zeros=False),
        _f=lambda x: SELU_SCALE * _elu(x, SELU_ALPHA),
        _df=lambda x: (SELU_SCALE * _delu(x, SELU_ALPHA)).astype(x.dtype),
        params={"alpha": SELU_ALPHA, "scale": SELU_SCALE},
        kinks=(Kink(0.0, 0.0, SELU_LAMBDA_ALPHA, SELU_LAMBDA_ALPHA, SELU_SCALE),),
    ),
    Activation(
        name="celu",
        formula="CELU(x) = max(0, x) + min(0, α(e^(x/α) − 1))   (α = 1)",
        derivative_formula="CELU′(x) = 1 if x > 0 else e^(x/α)",
        value_range=(-1.0, math.inf, False, False),
        properties=_props(zero_centered=False, monotonic=True, bounded_below=True,
                          bounded_above=False, smooth=False, saturates="left", exact_zeros=False),
        _f=_celu, _df=_dcelu, params={"alpha": 1.0},
        kinks=(Kink(0.0, 0.0, 1.0, 1.0, 1.0),),
    ),
    Activation(
        name="gelu",
        formula="GELU(x) = x·Φ(x) = x·½(1 + erf(x/√2))",
        derivative_formula="GELU′(x) = Φ(x) + x·φ(x)",
        value_range=(-0.16997120747990369, math.inf, True, False),
        properties=_props(zero_centered=False, monotonic=False, bounded_below=True,
                          bounded_above=False, smooth=True, saturates="left", exact_zeros=False),
        _f=_gelu, _df=_dgelu, compute_in_float64=True,
    ),
    Activation(
        name="gelu_tanh",
        formula="GELU≈(x) = ½x(1 + tanh(√(2/π)(x + 0.044715x³)))",
        derivative_formula="½(1 + t) + ½x(1 − t²)·√(2/π)(1 + 0.134145x²),  t = tanh(…)",
        value_range=(-0.17004075057125406, math.inf, True, False),
        properties=_props(zero_centered=False, monotonic=False, bounded_below=True,
                          bounded_above=False, smooth=True, saturates="left", exact_zeros=False),
        _f=_gelu_tanh, _df=_dgelu_tanh,
    ),
    Activation(
        name="silu",
        formula="SiLU(x) = x·σ(x)",
        derivative_formula="SiLU′(x) = σ(x)(1 + x(1 − σ(x)))",
        value_range=(-0.27846454276107374, math.inf, True, False),
        properties=_props(zero_centered=False, monotonic=False, bounded_below=True,
                          bounded_above=False, smooth=True, saturates="left", exact_zeros=False),
        _f=_silu, _df=_dsilu,
    ),
    Activation(
        name="mish",
        formula="Mish(x) = x·tanh(softplus(x))",
        derivative_formula="Mish′(x) = tanh(sp) + x·sech²(sp)·σ(x),  sp = softplus(x)",
        value_range=(-0.30884341301725043, math.inf, True, False),
        properties=_props(zero_centered=False, monotonic=False, bounded_below=True,
                          bounded_above=False, smooth=True, saturates="left", exact_zeros=False),
        _f=_mish, _df=_dmish,
    ),
    Activation(
        name="softplus",
        formula="softplus(x) = log(1 + e^x)   (x itself for x > 20)",
        derivative_formula="softplus′(x) = σ(x)",
        value_range=(0.0, math.inf, False, False),
        properties=_props(zero_centered=False, monotonic=True, bounded_below=True,
                          bounded_above=False, smooth=True, saturates="left", exact_zeros=False),
        _f=_softplus, _df=_dsoftplus, params={"beta": 1.0, "threshold": SOFTPLUS_THRESHOLD},
    ),
    Activation(
        name="softsign",
        formula="softsign(x) = x / (1 + |x|)",
        derivative_formula="softsign′(x) = 1 / (1 + |x|)²",
        value_range=(-1.0, 1.0, False, False),
        properties=_props(zero_centered=True, monotonic=True, bounded_below=True,
                          bounded_above=True, smooth=False, saturates="both", exact_zeros=False),
        _f=_softsign, _df=_dsoftsign,
    ),
    Activation(
        name="hardtanh",
        formula="hardtanh(x) = min(max(x, −1), 1)",
        derivative_formula="hardtanh′(x) = 1 if −1 < x < 1 else 0",
        value_range=(-1.0, 1.0, True, True),
        properties=_props(zero_centered=True, monotonic=True, bounded_below=True,
                          bounded_above=True, smooth=False, saturates="both", exact_zeros=False),
        _f=lambda x: np.clip(x, -1.0, 1.0), _df=lambda x: ((x > -1) & (x < 1)).astype(x.dtype),
        kinks=(Kink(-1.0, -1.0, 0.0, 0.0, 1.0), Kink(1.0, 1.0, 0.0, 1.0, 0.0)),
    ),
    Activation(
        name="hardsigmoid",
        formula="hardsigmoid(x) = 0 if x ≤ −3, 1 if x ≥ 3, else x/6 + ½",
        derivative_formula="hardsigmoid′(x) = 1/6 if −3 < x < 3 else 0",
        value_range=(0.0, 1.0, True, True),
        properties=_props(zero_centered=False, monotonic=True, bounded_below=True,
                          bounded_above=True, smooth=False, saturates="both", exact_zeros=True),
        _f=_hardsigmoid, _df=_dhardsigmoid,
        kinks=(Kink(-3.0, 0.0, 0.0, 0.0, 1 / 6), Kink(3.0, 1.0, 0.0, 1 / 6, 0.0)),
    ),
    Activation(
        name="hardswish",
        formula="hardswish(x) = 0 if x ≤ −3, x if x ≥ 3, else x(x + 3)/6",
        derivative_formula="hardswish′(x) = 0 if x ≤ −3, 1 if x ≥ 3, else x/3 + ½",
        value_range=(-0.375, math.inf, True, False),
        properties=_props(zero_centered=False, monotonic=False, bounded_below=True,
                          bounded_above=False, smooth=False, saturates="left", exact_zeros=True),
        _f=_hardswish, _df=_dhardswish,
        kinks=(Kink(-3.0, 0.0, 0.0, 0.0, -0.5), Kink(3.0, 3.0, 1.0, 1.5, 1.0)),
    ),
    Activation(
        name="logsigmoid",
        formula="logsigmoid(x) = log σ(x) = −softplus(−x)",
        derivative_formula="logsigmoid′(x) = 1 − σ(x) = σ(−x)",
        value_range=(-math.inf, 0.0, False, False),
        properties=_props(zero_centered=False, monotonic=True, bounded_below=False,
                          bounded_above=True, smooth=True, saturates="right", exact_zeros=False),
        _f=_logsigmoid, _df=lambda x: _sigmoid(-x),
    ),
    Activation(
        name="tanhshrink",
        formula="tanhshrink(x) = x − tanh(x)",
        derivative_formula="tanhshrink′(x) = tanh²(x)",
        value_range=(-math.inf, math.inf, False, False),
        properties=_props(zero_centered=True, monotonic=True, bounded_below=False,
                          bounded_above=False, smooth=True, saturates="none", exact_zeros=False),
        _f=_tanhshrink, _df=_dtanhshrink,
    ),
    Activation(
        name="identity",
        formula="f(x) = x",
        derivative_formula="f′(x) = 1",
        value_range=(-math.inf, math.inf, False, False),
        properties=_props(zero_centered=True, monotonic=True, bounded_below=False,
                          bounded_above=False, smooth=True, saturates="none", exact_zeros=False),
        _f=lambda x: x.copy(), _df=_ones,
    ),
)
