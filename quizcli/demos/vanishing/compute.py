"""`quiz demo vanishing`: gradient norms, layer by layer, through a deep random MLP.

The network: x (batch × width, N(0, 1)) → z_l = h_{l-1} W_l → h_l = f(z_l), l = 1 … depth,
square layers, no biases, weights from --init. The loss is a fixed random read-out
L = Σ g ⊙ h_L (g ~ N(0, 1)), so ∂L/∂h_L = g and every change of scale below layer L comes
from backpropagation alone. The gradient "layer l receives" is δ_l = ∂L/∂z_l (∂L/∂W_l is
h_{l-1}ᵀ δ_l), and its norm is the Frobenius norm over the batch.

Backward: δ_L = g ⊙ f′(z_L), δ_l = (δ_{l+1} W_{l+1}ᵀ) ⊙ f′(z_l). After each layer δ is rescaled
to norm 1 and log10 of the norm is accumulated, so a depth of 10,000 still gives a finite
power of ten for every layer (1e-3012, never 0). For positively homogeneous activations
(f(cx) = c·f(x): relu, leaky_relu, prelu, identity) the forward pass is rescaled too; that
changes no derivative. Other activations run at their true scale.

Every activation runs on the same x, g and weights (all of them stacked, one matmul per layer),
in float32 with log10 sums in float64. Memory: all f′(z_l) are kept when they fit in
COMFORT_BYTES; beyond that the forward pass keeps checkpoints every `segment` layers and each
segment is recomputed during the backward pass (about one extra forward pass). Weights are
drawn per block of BLOCK layers from their own random stream, so they are the same whatever
the memory plan or the list of activations.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

from ...activations import analysis
from ...activations.base import Activation
from ...errors import InvalidValue, did_you_mean
from .. import common

DEFAULT_DEPTH = 20
DEFAULT_WIDTH = 64
DEFAULT_BATCH = 128
DEFAULT_ACTIVATIONS = ("sigmoid", "tanh", "relu", "leaky_relu")
DEFAULT_INIT = "lecun"  # Var W = 1/fan_in: the setting of the numbers in facts.md
INIT_CHOICES = ("lecun", "he", "xavier", "normal:STD")
INIT_ALIASES = {"kaiming": "he", "glorot": "xavier", "lecun_normal": "lecun",
                "he_normal": "he", "kaiming_normal": "he", "glorot_uniform": "xavier",
                "xavier_uniform": "xavier"}
MIN_STD, MAX_STD = 1e-6, 100.0
MAX_DEPTH = 100_000
BLOCK = 8  # layers per weight draw
COMFORT_BYTES = 256 << 20  # keep every f′(z_l) (no recomputation) up to this much memory
DTYPE = np.float32
MAX_ROWS = 25  # table rows when --every is not given
# The forward pass is checked for overflow and rescaled every few layers, not every layer:
# between checks a signal can grow or shrink by at most (gain·max f′)^RESCALE_EVERY, which
# float32 holds for every allowed std (MIN_STD … MAX_STD).
RESCALE_EVERY = 4

# stream ids for common.rng(seed, stream, …)
_STREAM_X, _STREAM_G, _STREAM_W = 1, 2, 3


@dataclass(frozen=True)
class Init:
    name: str  # lecun | he | xavier | normal
    label: str  # as the user wrote it, normalised: "lecun", "normal:0.2"
    std: float  # standard deviation of each weight
    distribution: str  # normal | uniform
    gain: float  # std·√width: the factor a layer's weights apply to a gradient's norm


def parse_init(text: str, width: int) -> Init:
    raw = text.strip().lower().replace("-", "_")
    name = INIT_ALIASES.get(raw, raw)
    n = float(width)
    if name == "lecun":
        std, dist = math.sqrt(1.0 / n), "normal"
    elif name == "he":
        std, dist = math.sqrt(2.0 / n), "normal"
    elif name == "xavier":
        std, dist = math.sqrt(2.0 / (n + n)), "uniform"  # U[±√(6/(fan_in+fan_out))]
    elif name.startswith("normal"):
        value = name.partition(":")[2]
        try:
            std = float(value)
        except ValueError:
            raise InvalidValue(
                f"--init normal needs a standard deviation, e.g. normal:0.05; got '{text}'."
            ) from None
        if not (math.isfinite(std) and MIN_STD <= std <= MAX_STD):
            raise InvalidValue(f"--init normal:STD needs 1e-6 ≤ STD ≤ {MAX_STD:g}; got '{text}'.")
        name, dist = "normal", "normal"
    else:
        allowed = ", ".join(INIT_CHOICES)
        raise InvalidValue(f"Unknown --init '{text}'. Allowed: {allowed} (e.g. normal:0.05)."
                           f"{did_you_mean(raw, ('lecun', 'he', 'xavier', 'normal', *INIT_ALIASES))}")
    label = f"normal:{std:g}" if name == "normal" else name
    return Init(name, label, std, dist, std * math.sqrt(n))


@dataclass(frozen=True)
class Plan:
    """How the run uses memory: `segment` layers of f′(z) are held at once."""

    segment: int
    checkpoints: int
    recompute: bool
    keep_weights: bool
    bytes: int


def plan(depth: int, width: int, batch: int, n_acts: int) -> Plan:
    """The cheapest plan that fits; OverBudget with the estimate when none does."""
    item = np.dtype(DTYPE).itemsize
    stack = n_acts * batch * width * item  # one (activations × batch × width) tensor
    weight = width * width * item
    work = 6 * stack + 2 * batch * width * item + 2 * BLOCK * weight
    everything = depth * (stack + weight) + work
    if everything <= COMFORT_BYTES:
        return Plan(depth, 1, False, True, everything)
    # checkpoints every S layers (a multiple of BLOCK); S ≈ √depth minimises the sum
    best = None
    s_opt = math.sqrt(depth * stack / (stack + weight))
    for s in {max(BLOCK, int(round(s_opt / BLOCK)) * BLOCK), max(BLOCK, int(s_opt // BLOCK) * BLOCK),
              max(BLOCK, int(math.ceil(s_opt / BLOCK)) * BLOCK)}:
        s = min(s, depth)
        total = math.ceil(depth / s) * stack + s * (stack + weight) + work
        if best is None or total < best[1]:
            best = (s, total)
    s, total = best
    keep = total + depth * weight <= COMFORT_BYTES
    need = total + (depth * weight if keep else 0)
    common.check_memory(
        need,
        f"depth {depth} × {width} units × batch {batch} × {n_acts} activation(s), float32, "
        f"with checkpoints every {s} layers; one {width}×{width} weight matrix alone is "
        f"{common.format_bytes(weight)}",
        "Lower --units or --batch, or use fewer --activations.",
    )
    return Plan(s, math.ceil(depth / s), True, keep, int(need))


@dataclass(frozen=True)
class VanishingRun:
    activation: str
    max_df: float  # the activation's derivative bound per layer (0.25 for sigmoid)
    log10_bound: float  # (depth−1)·log10(max_df): the most the activations alone allow
    rms_df: float  # measured: RMS of f′(z_l) over units and batch, geometric mean over layers
    weight_gain: float  # std·√width
    predicted_per_layer: float  # weight_gain · rms_df
    per_layer: float  # measured: (‖δ_1‖/‖δ_L‖)^(1/(L−1)); nan when undefined
    log10_ratio: float  # log10(‖δ_1‖/‖δ_L‖); -inf when a gradient became exactly 0
    verdict: str  # vanishes | holds | explodes | zero | overflow
    log10_norm: tuple[float, ...]  # log10 ‖δ_l‖ at the reported layers
    log10_rel: tuple[float, ...]  # log10(‖δ_l‖ / ‖δ_L‖) at the reported layers
    zero_below: int | None  # the gradient is exactly 0 from this layer down (None: never)
    overflow_at: int | None  # the forward pass left float32's range at this layer
    rescaled_forward: bool
    _log10_all: tuple[float, ...] = field(default=(), repr=False)  # every layer (charts)


@dataclass(frozen=True)
class VanishingResult:
    demo: str
    depth: int
    width: int
    batch: int
    init: Init
    seed: int
    every: int
    dtype: str
    layers: tuple[int, ...]  # the layers reported in log10_norm / log10_rel
    runs: tuple[VanishingRun, ...]
    plan: Plan
    cited_by: tuple[str, ...] = ()


def auto_every(depth: int) -> int:
    step = 1
    for k in range(0, 12):
        for m in (1, 2, 5):
            step = m * 10**k
            if depth / step <= MAX_ROWS - 1:
                return step
    return step


def reported_layers(depth: int, every: int) -> tuple[int, ...]:
    return tuple(sorted({1, depth, *range(every, depth + 1, every)}))


def validate(depth: int, width: int, batch: int, every: int | None) -> None:
    if depth < 2:
        raise InvalidValue(f"--depth must be an integer ≥ 2 (a ratio needs two layers); got {depth}.")
    if depth > MAX_DEPTH:
        raise InvalidValue(f"--depth is at most {MAX_DEPTH:,} (depth 10,000 takes a few seconds at "
                           f"width 64); got {depth:,}.")
    if width < 1:
        raise InvalidValue(f"--units must be an integer ≥ 1; got {width}.")
    if batch < 1:
        raise InvalidValue(f"--batch must be an integer ≥ 1; got {batch}.")
    if every is not None and not (1 <= every <= depth):
        raise InvalidValue(f"--every must be between 1 and --depth ({depth}); got {every}.")


def _background_ok() -> bool:
    """Draw weights on a second thread only when BLAS runs on one thread (`quiz demo` arranges
    it, see quizcli.demos.load_numpy): otherwise BLAS's own pool and the drawer fight over
    the cores and both slow down."""
    import os

    from .. import BLAS_THREAD_VARS, blas_one_thread

    if blas_one_thread:
        return True
    values = [os.environ.get(v) for v in BLAS_THREAD_VARS]
    return "1" in values and all(v in (None, "", "1") for v in values)


class _Weights:
    """W_1 … W_L drawn block by block from independent streams.

    When the plan keeps every weight, a background thread draws the blocks in order while the
    main thread computes (NumPy's generators release the GIL while they fill an array), so the
    ~8 ns per normal number mostly overlaps with the matmuls. Otherwise blocks are redrawn on
    demand and only the latest is cached."""

    def __init__(self, seed: int, init: Init, width: int, depth: int, keep: bool):
        self.seed, self.init, self.width, self.depth, self.keep = seed, init, width, depth, keep
        self.blocks = math.ceil(depth / BLOCK)
        self._kept: list[np.ndarray | None] = [None] * self.blocks
        self._last: tuple[int, np.ndarray] | None = None
        self._thread = None
        if keep and self.blocks > 4 and _background_ok():
            import threading

            self._ready = [threading.Event() for _ in range(self.blocks)]
            self._stop = threading.Event()
            self._error: BaseException | None = None
            self._thread = threading.Thread(target=self._produce, name="quiz-weights", daemon=True)
            self._thread.start()

    def _produce(self) -> None:
        try:
            for b in range(self.blocks):
                if self._stop.is_set():
                    return
                self._kept[b] = self._draw(b)
                self._ready[b].set()
        except BaseException as exc:  # pragma: no cover  (MemoryError): re-raised by block()
            self._error = exc
            for event in self._ready:
                event.set()

    def close(self) -> None:
        if self._thread is not None:
            self._stop.set()
            self._thread.join()

    def _draw(self, b: int) -> np.ndarray:
        n = self.width
        count = min(BLOCK, self.depth - b * BLOCK)
        g = common.rng(self.seed, _STREAM_W, b)
        if self.init.distribution == "uniform":
            a = self.init.std * math.sqrt(3.0)
            w = g.random((count, n, n), dtype=DTYPE)
            w *= DTYPE(2 * a)
            w -= DTYPE(a)
        else:
            w = g.standard_normal((count, n, n), dtype=DTYPE)
            w *= DTYPE(self.init.std)
        return w

    def block(self, b: int) -> np.ndarray:
        if self._thread is not None:
            self._ready[b].wait()
            if self._error is not None:
                raise self._error
        w = self._kept[b]
        if w is not None:
            return w
        if self._last is not None and self._last[0] == b:
            return self._last[1]
        w = self._draw(b)
        if self.keep:
            self._kept[b] = w
        else:
            self._last = (b, w)
        return w

    def layer(self, l: int) -> np.ndarray:  # 1-based
        b, i = divmod(l - 1, BLOCK)
        return self.block(b)[i]

    def segment(self, lo: int, hi: int) -> list[np.ndarray]:
        """W_lo … W_hi (1-based, inclusive), held together while a segment is processed."""
        return [self.layer(l) for l in range(lo, hi + 1)]


def long_run(depth: int = DEFAULT_DEPTH, width: int = DEFAULT_WIDTH, batch: int = DEFAULT_BATCH,
             activations=DEFAULT_ACTIVATIONS, **_) -> bool:
    """Worth a progress bar (a few seconds or more)?"""
    n_acts = len(activations) if not isinstance(activations, str) else len(activations.split(","))
    return depth * max(1, n_acts) * batch * width * width >= 2e9


def run(depth: int = DEFAULT_DEPTH, width: int = DEFAULT_WIDTH, batch: int = DEFAULT_BATCH,
        activations: str | tuple[str, ...] = DEFAULT_ACTIVATIONS, init: str = DEFAULT_INIT,
        every: int | None = None, seed: int = common.DEFAULT_SEED,
        progress: common.Progress = None) -> VanishingResult:
    validate(depth, width, batch, every)
    acts = common.parse_activations(activations)
    ini = parse_init(init, width)
    the_plan = plan(depth, width, batch, len(acts))
    # forward and backward products per layer and activation: a run that fits in memory can
    # still take minutes
    common.check_work(2.0 * depth * len(acts) * batch * width * width,
                      f"{depth} layers × {len(acts)} activations × batch {batch} × ({width} units)²",
                      "Lower --depth, --units or --batch.")
    step = every if every is not None else auto_every(depth)
    layers = reported_layers(depth, step)

    weights = _Weights(seed, ini, width, depth, the_plan.keep_weights)
    try:
        log10_all, ms_df, overflow = _forward_backward(acts, depth, width, batch, weights, seed,
                                                       the_plan, progress)
    finally:
        weights.close()
    runs = tuple(_summarise(a, i, log10_all[i], ms_df[i], overflow[i], ini, layers)
                 for i, a in enumerate(acts))
    return VanishingResult("vanishing", depth, width, batch, ini, seed, step, np.dtype(DTYPE).name,
                           layers, runs, the_plan)


def _forward_backward(acts: tuple[Activation, ...], depth: int, width: int, batch: int,
                      weights: _Weights, seed: int, the_plan: Plan, progress: common.Progress):
    """log10 ‖δ_l‖ (A × L), mean square of f′(z_l) (A × L), first overflow layer per activation."""
    A, B, n, L = len(acts), batch, width, depth
    homog = np.array([common.is_positively_homogeneous(a) for a in acts])
    has_homog = bool(homog.any())
    x = common.rng(seed, _STREAM_X).standard_normal((B, n), dtype=DTYPE)
    g = common.rng(seed, _STREAM_G).standard_normal((B, n), dtype=DTYPE)

    S = the_plan.segment
    starts = list(range(1, L + 1, S))  # first layer of each segment
    last_start = starts[-1]
    total_units = L + (L - (L - last_start + 1)) + L  # forward, recomputation, backward
    done = 0

    h = np.empty((A, B, n), dtype=DTYPE)
    h[:] = x
    z = np.empty((A, B, n), dtype=DTYPE)
    fp = np.empty((min(S, L), A, B, n), dtype=DTYPE)  # f′(z_l) of the segment being processed
    ms_df = np.zeros((A, L))
    overflow = np.full(A, -1)
    checkpoints: dict[int, np.ndarray] = {}
    errstate = np.errstate(over="ignore", invalid="ignore", divide="ignore", under="ignore")

    flat_h = h.reshape(A, B * n)
    scale = np.ones(A, dtype=DTYPE)

    def check(l: int) -> None:
        """Overflow check, and RMS 1 again for the positively homogeneous activations."""
        sq = _sum_squares(flat_h)
        bad = ~np.isfinite(sq)
        if bad.any():
            overflow[bad & (overflow < 0)] = l
            h[bad] = 0.0
        if has_homog:
            ok = homog & (sq > 0) & ~bad
            scale[ok] = np.sqrt((B * n) / sq[ok])
            h[...] *= scale[:, None, None]
            scale[ok] = 1.0

    def forward_segment(start: int, stop: int, keep_df: bool, ws=None) -> None:
        nonlocal done
        h2, z2 = h.reshape(A * B, n), z.reshape(A * B, n)
        for l in range(start, stop + 1):
            np.matmul(h2, weights.layer(l) if ws is None else ws[l - start], out=z2)
            for a, act in enumerate(acts):
                za = z[a]
                if keep_df:
                    fp[l - start, a] = act.df(za)
                h[a] = act.f(za)
            if l % RESCALE_EVERY == 0 or l == L:
                check(l)
            if keep_df:
                f = fp[l - start]
                ms_df[:, l - 1] = np.einsum("abn,abn->a", f, f) / (B * n)
            if progress is not None and l % 64 == 0:
                progress(done + l - start + 1, total_units)
        done += stop - start + 1

    with errstate:
        # forward: checkpoints at the start of every segment; f′ kept for the last one
        for start in starts:
            stop = min(start + S - 1, L)
            if start != last_start:
                checkpoints[start] = h.copy()
            forward_segment(start, stop, keep_df=(start == last_start))

        # backward, segment by segment from the top, recomputing all but the last
        log10_norm = np.full((A, L), -np.inf)
        bufs = [np.empty((A, B, n), dtype=DTYPE) for _ in range(2)]
        d, t = bufs  # δ of the layer above, δ being computed
        acc = np.zeros(A)  # log10 of the scale δ is currently stored at
        w_above = None
        for start in reversed(starts):
            stop = min(start + S - 1, L)
            seg_w = weights.segment(start, stop)  # each block drawn once for both passes
            if start != last_start:
                h[:] = checkpoints.pop(start)
                forward_segment(start, stop, keep_df=True, ws=seg_w)
            for l in range(stop, start - 1, -1):
                if l == L:
                    np.multiply(g, fp[l - start], out=t)
                else:
                    w_next = seg_w[l + 1 - start] if l + 1 <= stop else w_above
                    np.matmul(d.reshape(A * B, n), w_next.T, out=t.reshape(A * B, n))
                    t *= fp[l - start]
                sq = _sum_squares(t.reshape(A, B * n))
                log10_norm[:, l - 1] = acc + 0.5 * np.log10(sq)
                if l % RESCALE_EVERY == 0 or l == 1:
                    # back to norm 1 (a zero gradient stays exactly zero)
                    acc = log10_norm[:, l - 1].copy()
                    inv = np.zeros(A, dtype=DTYPE)
                    np.divide(1.0, np.sqrt(sq), out=inv, where=sq > 0)
                    t *= inv[:, None, None]
                    acc[sq == 0] = -np.inf
                d, t = t, d
                done += 1
                if progress is not None and l % 64 == 0:
                    progress(done, total_units)
            w_above = seg_w[0]
        if progress is not None:
            progress(total_units, total_units)
    return log10_norm, ms_df, overflow


def _sum_squares(flat: np.ndarray) -> np.ndarray:
    """Row sums of squares: float32 (fast), redone in float64 for rows whose float32 sum
    overflowed although every element is finite (values near 1e20 square past float32)."""
    sq = np.einsum("ij,ij->i", flat, flat)
    over = ~np.isfinite(sq)
    if over.any():
        sq = sq.astype(np.float64)
        sq[over] = np.einsum("ij,ij->i", flat[over], flat[over], dtype=np.float64)
    return sq


def _summarise(act: Activation, i: int, log10_all: np.ndarray, ms_df: np.ndarray,
               overflow_at: int, ini: Init, layers: tuple[int, ...]) -> VanishingRun:
    L = len(log10_all)
    max_df = float(analysis.max_derivative(act).value)
    log10_bound = (L - 1) * common.log10_or_neg_inf(max_df)
    top = float(log10_all[-1])
    with np.errstate(divide="ignore", invalid="ignore"):
        rel = log10_all - top
        ms = ms_df[: L - 1]
        rms_df = float(10 ** np.mean(0.5 * np.log10(ms))) if np.all(ms > 0) else 0.0
    zero = np.flatnonzero(np.isneginf(log10_all))
    zero_below = int(zero.max()) + 1 if zero.size else None
    overflow = int(overflow_at) if overflow_at > 0 else None
    if overflow is None and np.isnan(log10_all).any():  # non-finite f′ although h stayed finite
        overflow = int(np.flatnonzero(np.isnan(log10_all)).max()) + 1
    if overflow is not None:
        rel = np.full(L, math.nan)
        log10_all = np.full(L, math.nan)
    log10_ratio = float(rel[0])
    if overflow is not None:
        verdict, per_layer = "overflow", math.nan
    elif zero_below is not None:
        verdict, per_layer = "zero", 0.0
    else:
        per_layer = 10 ** (log10_ratio / (L - 1))
        # "holds" needs both: about 1 per layer and within ×10 overall (×0.991 per layer is
        # 1e-40 over 10,000 layers)
        if per_layer < 0.95 or log10_ratio < -1:
            verdict = "vanishes"
        elif per_layer > 1.05 or log10_ratio > 1:
            verdict = "explodes"
        else:
            verdict = "holds"
    idx = [l - 1 for l in layers]
    return VanishingRun(
        activation=act.name, max_df=max_df, log10_bound=log10_bound, rms_df=rms_df,
        weight_gain=ini.gain, predicted_per_layer=ini.gain * rms_df, per_layer=per_layer,
        log10_ratio=log10_ratio, verdict=verdict,
        log10_norm=tuple(float(log10_all[k]) for k in idx),
        log10_rel=tuple(float(rel[k]) for k in idx),
        zero_below=zero_below, overflow_at=overflow,
        rescaled_forward=bool(common.is_positively_homogeneous(act)),
        _log10_all=tuple(rel.tolist()),
    )
