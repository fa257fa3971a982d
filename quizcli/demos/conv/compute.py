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


@dataclass(frozen=True)
class LayerSpec:
    token: str  # as written, lower-case
    kind: str  # conv | maxpool | avgpool
    k: int
    s: int
    p: int
    d: int
    c: int | None  # output channels (conv); None: keep the input's


@dataclass(frozen=True)
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


@dataclass(frozen=True)
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
    if not isinstance(text, str) or not text.strip():
        raise InvalidValue(f"--layers needs at least one layer: {USAGE}.")
    tokens = [t.strip().lower() for t in text.split(",")]
    if len(tokens) > MAX_LAYERS:
        raise InvalidValue(f"--layers takes at most {MAX_LAYERS} layers; got {len(tokens)}.")
    out = []
    for i, tok in enumerate(tokens, 1):
        where = f"--layers: '{tok}' (layer {i})"
        if not tok:
            raise InvalidValue(f"--layers: layer {i} is empty (two commas in a row?); {USAGE}.")
        m = _TOKEN.fullmatch(tok)
        if not m:
            raise InvalidValue(f"{where} is not a layer: {USAGE}.")
        kind = KINDS[m.group(1)]
        mods: dict[str, int] = {}
        for key, value in _MOD.findall(m.group(3)):
            if key in mods:
                raise InvalidValue(f"{where} sets '{key}' twice.")
            mods[key] = int(value)
        k = int(m.group(2))
        s = mods.get("s", 1 if kind == "conv" else k)
        p, d, c = mods.get("p", 0), mods.get("d", 1), mods.get("c")
        for name, value, lo, hi in (("kernel", k, 1, MAX_SMALL), ("stride s", s, 1, MAX_SMALL),
                                    ("dilation d", d, 1, MAX_SMALL), ("padding p", p, 0, MAX_PAD)):
            if not lo <= value <= hi:
                raise InvalidValue(f"{where}: {name} must be {lo} … {hi}; got {value}.")
        if c is not None:
            if kind != "conv":
                raise InvalidValue(f"{where}: a pool keeps its input channels; 'c' is for conv.")
            if not 1 <= c <= MAX_CHANNELS:
                raise InvalidValue(f"{where}: channels c must be 1 … {MAX_CHANNELS}; got {c}.")
        if kind == "avgpool" and "d" in mods:
            raise InvalidValue(f"{where}: avgpool has no dilation (PyTorch's AvgPool2d).")
        if kind != "conv" and 2 * p > d * (k - 1) + 1:
            raise InvalidValue(f"{where}: a pool's padding must be at most half its kernel "
                               f"(PyTorch); got p{p} for kernel {d * (k - 1) + 1}.")
        out.append(LayerSpec(tok, kind, k, s, p, d, c))
    return tuple(out)


def out_size(n: int, k: int, s: int = 1, p: int = 0, d: int = 1) -> int:
    """⌊(n + 2p − d(k − 1) − 1)/s⌋ + 1 (may be < 1: the kernel does not fit)."""
    return (n + 2 * p - d * (k - 1) - 1) // s + 1


def run(input: int = DEFAULT_INPUT, channels: int = DEFAULT_CHANNELS,
        layers: str = DEFAULT_LAYERS) -> ConvResult:
    if not 1 <= input <= MAX_INPUT:
        raise InvalidValue(f"--input must be an integer 1 … {MAX_INPUT}; got {input}.")
    if not 1 <= channels <= MAX_CHANNELS:
        raise InvalidValue(f"--channels must be an integer 1 … {MAX_CHANNELS}; got {channels}.")
    specs = parse_layers(layers)
    n, c, r, j = input, channels, 1, 1
    rows = []
    for i, L in enumerate(specs, 1):
        k_eff = L.d * (L.k - 1) + 1
        m = out_size(n, L.k, L.s, L.p, L.d)
        if m < 1:
            raise InvalidValue(f"--layers: '{L.token}' (layer {i}) needs an input of at least "
                               f"{k_eff - 2 * L.p} pixels with padding {L.p}, but gets {n}×{n}.")
        if L.kind == "conv":
            c_out = L.c if L.c is not None else c
            weights = c_out * c * L.k * L.k
            params, macs = weights + c_out, m * m * weights
        else:
            c_out, params, macs = c, 0, 0
        r, j = r + (k_eff - 1) * j, j * L.s
        rows.append(ConvLayer(i, L.token, L.kind, L.k, L.s, L.p, L.d, n, m, c, c_out, params,
                              macs, r, j))
        n, c = m, c_out
    return ConvResult("conv", input, channels, ",".join(L.token for L in specs), tuple(rows), n, c,
                      sum(x.params for x in rows), sum(x.macs for x in rows), r, j)


# Numbers a question may quote, for `facts: demo('conv', QUANTITY, …)`; `layers` in the grammar
# above, e.g. demo('conv', 'rf', 'conv3,conv3') = 5.
FACTS = {
    "out": lambda n, layers: run(int(n), 1, layers).size_out,
    "params": lambda channels, layers: run(MAX_INPUT, int(channels), layers).params,
    "macs": lambda n, channels, layers: run(int(n), int(channels), layers).macs,
    "rf": lambda layers: run(MAX_INPUT, 1, layers).receptive_field,
    "jump": lambda layers: run(MAX_INPUT, 1, layers).jump,
}
