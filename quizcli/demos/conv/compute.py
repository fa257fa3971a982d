"""`quiz demo conv`: shapes, parameters, multiply–accumulates and receptive field of a stack of
2-D convolutions and poolings on a square input.

Grammar of --layers (one token per layer, comma-separated, case-insensitive, no spaces inside
a token):

    layer := ("conv" | "pool" | "maxpool" | "avgpool") K { "s" S | "p" P | "d" D | "c" C }

each modifier at most once, in any order. Defaults are PyTorch's: Conv2d stride 1, padding 0,
dilation 1, and C = the layer's input channels; MaxPool2d/AvgPool2d stride = K, padding 0,
dilation 1 (AvgPool2d has none: d is refused). Pools keep the channels (c is refused) and, as
in PyTorch, take padding at most half the effective kernel. Bounds: at most MAX_LAYERS layers,
1 ≤ K, S, D ≤ MAX_SMALL, 0 ≤ P ≤ MAX_PAD, 1 ≤ C ≤ MAX_CHANNELS.

Per layer (square maps, one image): with k_eff = d(k − 1) + 1,
- output size n_out = ⌊(n + 2p − k_eff)/s⌋ + 1 (Dumoulin & Visin 2016; torch.nn.Conv2d docs),
- conv parameters c_out·c_in·k² + c_out (weights and biases; pools have none),
- conv multiply–accumulates n_out²·c_out·c_in·k² (pools: 0; their k² comparisons or additions
  per output are not multiplies),
- receptive field r = r_prev + (k_eff − 1)·j_prev and jump j = j_prev·s, from r = j = 1 at the
  input (Araujo et al. 2019).
Every figure is exact integer arithmetic: no NumPy needed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

from ...errors import InvalidValue

DEFAULT_INPUT = 224
DEFAULT_CHANNELS = 3
DEFAULT_LAYERS = "conv7s2p3c64,pool3s2p1,conv3p1,conv3p1"
MAX_LAYERS = 64
MAX_SMALL = 1024  # kernel, stride, dilation
MAX_PAD = 4096
MAX_CHANNELS = 100_000
MAX_INPUT = 100_000

_TOKEN = re.compile(r"(conv|maxpool|avgpool|pool)(\d+)((?:[spdc]\d+)*)")
_MOD = re.compile(r"([spdc])(\d+)")
KINDS = {"conv": "conv", "pool": "maxpool", "maxpool": "maxpool", "avgpool": "avgpool"}
USAGE = ("convK, poolK or avgpoolK followed by sS, pP, dD, cC (e.g. conv7s2p3c64,pool3s2); "
         "quiz demo conv --help has the grammar")


class LayerSpec(NamedTuple):
    """One parsed token (a named tuple: cheap to build and to unpack)."""

    token: str  # as written, lower-case
    kind: str  # conv | maxpool | avgpool
    k: int
    s: int
    p: int
    d: int
    c: int | None  # output channels (conv); None: keep the input's


# slots, not frozen: a frozen dataclass's __init__ costs 5× more, and a conv stack's whole
# computation is a few microseconds per layer
@dataclass(slots=True)
class ConvLayer:
    index: int  # 1-based
    token: str
    kind: str
    k: int
    s: int
    p: int
    d: int
    size_in: int
    size_out: int
    channels_in: int
    channels_out: int
    params: int
    macs: int
    receptive_field: int  # of one output unit, in input pixels (per side)
    jump: int  # input pixels between neighbouring outputs


@dataclass(slots=True)
class ConvResult:
    demo: str
    input: int
    channels: int
    layers_spec: str
    layers: tuple[ConvLayer, ...]
    size_out: int
    channels_out: int
    params: int
    macs: int
    receptive_field: int
    jump: int
    cited_by: tuple[str, ...] = ()


def parse_layers(text: str) -> tuple[LayerSpec, ...]:
    """'conv7s2p3,pool3s2' -> LayerSpecs; InvalidValue naming the bad token otherwise."""
    return tuple(LayerSpec(*t) for t in _parse(text))


def _parse(text: str) -> list[tuple]:
    """parse_layers as plain (token, kind, k, s, p, d, c) tuples: run() unpacks them at once."""
    if not isinstance(text, str) or not text.strip():
        raise InvalidValue(f"--layers needs at least one layer: {USAGE}.")
    tokens = text.lower().split(",")
    if len(tokens) > MAX_LAYERS:
        raise InvalidValue(f"--layers takes at most {MAX_LAYERS} layers; got {len(tokens)}.")
    out = []
    for i, tok in enumerate(tokens, 1):
        tok = tok.strip()
        m = _TOKEN.fullmatch(tok)
        if m is None:
            if not tok:
                raise InvalidValue(f"--layers: layer {i} is empty (two commas in a row?); {USAGE}.")
            raise InvalidValue(f"--layers: '{tok}' (layer {i}) is not a layer: {USAGE}.")
        name, k, tail = m.groups()
        kind, k = KINDS[name], int(k)
        if tail:
            pairs = _MOD.findall(tail)
            mods = {key: int(value) for key, value in pairs}
            if len(mods) != len(pairs):
                twice = next(key for key, _ in pairs if sum(1 for x, _ in pairs if x == key) > 1)
                raise InvalidValue(f"--layers: '{tok}' (layer {i}) sets '{twice}' twice.")
            s = mods.get("s", 1 if kind == "conv" else k)
            p, d, c = mods.get("p", 0), mods.get("d", 1), mods.get("c")
        else:
            mods, s, p, d, c = None, (1 if kind == "conv" else k), 0, 1, None
        if not (1 <= k <= MAX_SMALL and 1 <= s <= MAX_SMALL and 1 <= d <= MAX_SMALL
                and p <= MAX_PAD) or (
                (c is not None and not 1 <= c <= MAX_CHANNELS) if kind == "conv" else
                (c is not None or 2 * p > d * (k - 1) + 1 or (mods and "d" in mods
                                                              and kind == "avgpool"))):
            _refuse(tok, i, kind, k, s, p, d, c, mods or {})
        out.append((tok, kind, k, s, p, d, c))
    return out


def _refuse(tok: str, i: int, kind: str, k: int, s: int, p: int, d: int, c, mods: dict):
    """The one-line reason a parsed token is refused (the slow path of parse_layers)."""
    where = f"--layers: '{tok}' (layer {i})"
    for name, value, lo, hi in (("kernel", k, 1, MAX_SMALL), ("stride s", s, 1, MAX_SMALL),
                                ("dilation d", d, 1, MAX_SMALL), ("padding p", p, 0, MAX_PAD)):
        if not lo <= value <= hi:
            raise InvalidValue(f"{where}: {name} must be {lo} … {hi}; got {value}.")
    if c is not None:
        if kind != "conv":
            raise InvalidValue(f"{where}: a pool keeps its input channels; 'c' is for conv.")
        raise InvalidValue(f"{where}: channels c must be 1 … {MAX_CHANNELS}; got {c}.")
    if kind == "avgpool" and "d" in mods:
        raise InvalidValue(f"{where}: avgpool has no dilation (PyTorch's AvgPool2d).")
    raise InvalidValue(f"{where}: a pool's padding must be at most half its kernel "
                       f"(PyTorch); got p{p} for kernel {d * (k - 1) + 1}.")


def out_size(n: int, k: int, s: int = 1, p: int = 0, d: int = 1) -> int:
    """⌊(n + 2p − d(k − 1) − 1)/s⌋ + 1 (may be < 1: the kernel does not fit)."""
    return (n + 2 * p - d * (k - 1) - 1) // s + 1


def run(input: int = DEFAULT_INPUT, channels: int = DEFAULT_CHANNELS,
        layers: str = DEFAULT_LAYERS) -> ConvResult:
    if not 1 <= input <= MAX_INPUT:
        raise InvalidValue(f"--input must be an integer 1 … {MAX_INPUT}; got {input}.")
    if not 1 <= channels <= MAX_CHANNELS:
        raise InvalidValue(f"--channels must be an integer 1 … {MAX_CHANNELS}; got {channels}.")
    specs = _parse(layers)
    n, c, r, j, total_params, total_macs = input, channels, 1, 1, 0, 0
    rows = []
    for i, (tok, kind, k, s, p, d, co) in enumerate(specs, 1):
        k_eff = d * (k - 1) + 1
        m = (n + 2 * p - k_eff) // s + 1  # out_size
        if m < 1:
            raise InvalidValue(f"--layers: '{tok}' (layer {i}) needs an input of at least "
                               f"{k_eff - 2 * p} pixels with padding {p}, but gets {n}×{n}.")
        if kind == "conv":
            c_out = c if co is None else co
            weights = c_out * c * k * k
            params, macs = weights + c_out, m * m * weights
            total_params += params
            total_macs += macs
        else:
            c_out, params, macs = c, 0, 0
        r, j = r + (k_eff - 1) * j, j * s
        rows.append(ConvLayer(i, tok, kind, k, s, p, d, n, m, c, c_out, params, macs, r, j))
        n, c = m, c_out
    return ConvResult("conv", input, channels, ",".join(x[0] for x in specs), tuple(rows), n,
                      c, total_params, total_macs, r, j)


# Numbers a question may quote, for `facts: demo('conv', QUANTITY, …)`; `layers` in the grammar
# above, e.g. demo('conv', 'rf', 'conv3,conv3') = 5.
FACTS = {
    "out": lambda n, layers: run(int(n), 1, layers).size_out,
    "params": lambda channels, layers: run(MAX_INPUT, int(channels), layers).params,
    "macs": lambda n, channels, layers: run(int(n), int(channels), layers).macs,
    "rf": lambda layers: run(MAX_INPUT, 1, layers).receptive_field,
    "jump": lambda layers: run(MAX_INPUT, 1, layers).jump,
}
