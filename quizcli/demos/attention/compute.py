"""`quiz demo attention`: softmax(q·k) of random vectors as the head dimension d grows.

For every d: `queries` queries q and, per query, `keys` keys k, all with independent N(0, 1)
entries (float64, one random stream per d, so a d gives the same numbers whatever else runs).
The logits are s_j = c · q·k_j with c = 1 (unscaled) or c = 1/√d (Vaswani et al. 2017,
sec. 3.2.1: Var(q·k) = d for unit-variance entries, so c = 1/√d brings the logits back to
variance 1). Per query the softmax p = softmax(s) gives:

- the largest weight max_j p_j (1/keys for a uniform softmax, 1 for one-hot),
- the entropy −Σ p_j log p_j in nats (log keys when uniform, 0 when one-hot),
- the Frobenius norm of the softmax Jacobian J = diag(p) − p pᵀ, the matrix every gradient
  from the attention output back to the logits (and so to q and k) is multiplied by:
  ‖J‖²_F = Σ p_j² − 2 Σ p_j³ + (Σ p_j²)², about 1/√keys when uniform and 0 when one-hot.

Each figure is the mean over the queries; the logit variance is measured over all of them.
`weights` is the attention rule itself (softmax(c · q Kᵀ)); the oracle test checks it and
`attend` against torch.nn.functional.scaled_dot_product_attention.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Sequence

import numpy as np

from ...errors import InvalidValue, OverBudget
from .. import common

DEFAULT_DIMS = (4, 16, 64, 256, 1024)
DEFAULT_KEYS = 32
DEFAULT_QUERIES = 128
MAX_DIM = 4096
MAX_DIMS = 12
MAX_KEYS = 4096
MAX_QUERIES = 10_000
# queries × keys × Σ d numbers are drawn: 2e7 (160 MB of float64 at most) stays under a second
MAX_WORK = 20_000_000

_STREAM = 1


@dataclass(frozen=True)
class AttentionRow:
    d: int
    scaled: bool
    scale: float  # c: 1 or 1/√d
    logit_var: float  # measured Var(c · q·k)
    theory_var: float  # c² · d
    max_weight: float  # mean over queries of max_j p_j
    entropy: float  # mean entropy of p, nats
    entropy_share: float  # entropy / log(keys): 1 uniform, 0 one-hot
    jacobian_norm: float  # mean ‖diag(p) − p pᵀ‖_F


@dataclass(frozen=True)
class AttentionResult:
    demo: str
    dims: tuple[int, ...]
    keys: int
    queries: int
    seed: int
    rows: tuple[AttentionRow, ...]  # for each d: unscaled, then scaled
    uniform_max_weight: float  # 1/keys
    uniform_entropy: float  # log(keys)
    uniform_jacobian_norm: float  # √(keys − 1)/keys
    cited_by: tuple[str, ...] = ()

    def row(self, d: int, scaled: bool) -> AttentionRow:
        return next(r for r in self.rows if r.d == d and r.scaled == scaled)


def check_dims(dims: Sequence[float] | str | None) -> tuple[int, ...]:
    """Whole numbers 1 … MAX_DIM, sorted, each once, 1 … MAX_DIMS of them."""
    if dims is None:
        return DEFAULT_DIMS
    return common.number_list(dims, "--dims", "dimensions", "4,64,1024", 1, MAX_DIM, MAX_DIMS,
                              whole=True)


def validate(keys: int, queries: int, dims: tuple[int, ...]) -> None:
    if not 2 <= keys <= MAX_KEYS:
        raise InvalidValue(f"--keys must be an integer 2 … {MAX_KEYS}; got {keys}.")
    if not 1 <= queries <= MAX_QUERIES:
        raise InvalidValue(f"--queries must be an integer 1 … {MAX_QUERIES}; got {queries}.")
    work = queries * keys * sum(dims)
    if work > MAX_WORK:
        raise OverBudget(f"--queries {queries} × --keys {keys} × the sum of --dims ({sum(dims)}) "
                         f"is {work:.3g} random numbers; the limit is {MAX_WORK:.0e} (about a "
                         f"second). Lower --queries or --keys.")


def inputs(seed: int, d: int, queries: int, keys: int) -> tuple[np.ndarray, np.ndarray]:
    """q (queries × d) and K (queries × keys × d), N(0, 1), from the stream of this d."""
    g = common.rng(seed, _STREAM, d)
    q = g.standard_normal((queries, d))
    k = g.standard_normal((queries, keys, d))
    return q, k


def logits(q: np.ndarray, k: np.ndarray) -> np.ndarray:
    """q·k_j for every query and its keys: (queries × keys)."""
    return np.matmul(k, q[:, :, None])[:, :, 0]


def softmax(s: np.ndarray) -> np.ndarray:
    """Row-wise softmax, max subtracted (never overflows)."""
    e = np.exp(s - s.max(axis=-1, keepdims=True))
    e /= e.sum(axis=-1, keepdims=True)
    return e


def weights(q: np.ndarray, k: np.ndarray, scale: float) -> np.ndarray:
    """Attention weights softmax(scale · q Kᵀ) per query."""
    return softmax(scale * logits(q, k))


def attend(q: np.ndarray, k: np.ndarray, v: np.ndarray, scale: float) -> np.ndarray:
    """The attention output Σ_j p_j v_j per query: (queries × d_v)."""
    return np.matmul(weights(q, k, scale)[:, None, :], v)[:, 0, :]


def _stats(s: np.ndarray, keys: int) -> tuple[float, float, float, float]:
    """(logit variance, mean max weight, mean entropy, mean Jacobian norm) of logits s.

    Written around the largest logit so that a nearly one-hot softmax keeps its small numbers:
    with z = s − max s, e_j = exp(z_j) for the other keys and δ = Σ e_j, the largest weight is
    1/(1 + δ), 1 − that weight is δ/(1 + δ) (never 1 − 0.99999…), the entropy is
    log(1 + δ) − Σ p_j z_j, and ‖J‖²_F = Σ_i p_i²(1 − p_i)² + Σ_{i≠j} p_i² p_j² splits the
    same way."""
    top = s.argmax(axis=1)[:, None]
    z = s - np.take_along_axis(s, top, axis=1)
    e = np.exp(z)
    np.put_along_axis(e, top, 0.0, axis=1)
    delta = e.sum(axis=1)
    total = 1.0 + delta
    p = e / total[:, None]  # the other weights (0 at the largest)
    m = 1.0 / total  # the largest weight
    entropy = np.log1p(delta) - np.einsum("ij,ij->i", p, z)
    p2 = p * p
    rest2 = p2.sum(axis=1)  # Σ p_j² over the others
    diag = (m * delta / total) ** 2 + np.einsum("ij,ij->i", p2, (1.0 - p) ** 2)
    off = 2.0 * m * m * rest2 + rest2 * rest2 - np.einsum("ij,ij->i", p2, p2)
    jac = np.sqrt(diag + off)
    return float(s.var()), float(m.mean()), float(entropy.mean()), float(jac.mean())


def run(dims: Sequence[float] | str | None = None, keys: int = DEFAULT_KEYS,
        queries: int = DEFAULT_QUERIES, seed: int = common.DEFAULT_SEED) -> AttentionResult:
    ds = check_dims(dims)
    validate(keys, queries, ds)
    rows = []
    log_n = math.log(keys)
    for d in ds:
        q, k = inputs(seed, d, queries, keys)
        s = logits(q, k)
        for scaled in (False, True):
            c = 1.0 / math.sqrt(d) if scaled else 1.0
            var, top, ent, jac = _stats(s * c if scaled else s, keys)
            rows.append(AttentionRow(d, scaled, c, var, c * c * d, top, ent, ent / log_n, jac))
    return AttentionResult("attention", ds, keys, queries, seed, tuple(rows), 1.0 / keys, log_n,
                           math.sqrt(keys - 1) / keys)


def _fact_row(d, scaled, keys=DEFAULT_KEYS, queries=DEFAULT_QUERIES, seed=0) -> AttentionRow:
    return run(dims=(d,), keys=int(keys), queries=int(queries), seed=int(seed)).row(int(d), bool(scaled))


# Numbers a question may quote, for `facts: demo('attention', QUANTITY, …)`.
FACTS = {
    "scale": lambda d: 1.0 / math.sqrt(d),  # the factor on q·k
    "logit_var": lambda d, scaled=0: float(d) / (d if scaled else 1),  # theory: d, or 1 scaled
    "logit_std": lambda d, scaled=0: math.sqrt(d) / (math.sqrt(d) if scaled else 1),
    "max_weight": lambda d, scaled=0, *rest: _fact_row(d, scaled, *rest).max_weight,
    "entropy_share": lambda d, scaled=0, *rest: _fact_row(d, scaled, *rest).entropy_share,
    "jacobian_norm": lambda d, scaled=0, *rest: _fact_row(d, scaled, *rest).jacobian_norm,
}
