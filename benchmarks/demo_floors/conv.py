"""Floor for `quiz demo conv`: the same layer string parsed and the same integer formulas,
written directly (no dataclasses, no validation). See benchmarks/demo_ratios.py."""

import re

NAME = "conv"
CASES = [{}, {"input": 224, "channels": 3,
              "layers": "conv7s2p3c64,pool3s2p1," + ",".join(["conv3p1c64"] * 16)
                        + ",conv3s2p1c128," + ",".join(["conv3p1c128"] * 14)}]

_TOKEN = re.compile(r"(conv|maxpool|avgpool|pool)(\d+)((?:[spdc]\d+)*)")
_MOD = re.compile(r"([spdc])(\d+)")


def floor(input=224, channels=3, layers="conv7s2p3c64,pool3s2p1,conv3p1,conv3p1"):
    n, c, r, j, params, macs, rows = input, channels, 1, 1, 0, 0, []
    for tok in layers.lower().split(","):
        m = _TOKEN.fullmatch(tok.strip())
        kind, k = m.group(1), int(m.group(2))
        mods = {key: int(v) for key, v in _MOD.findall(m.group(3))}
        s = mods.get("s", 1 if kind == "conv" else k)
        p, d = mods.get("p", 0), mods.get("d", 1)
        k_eff = d * (k - 1) + 1
        out = (n + 2 * p - k_eff) // s + 1
        if kind == "conv":
            co = mods.get("c", c)
            w = co * c * k * k
            params += w + co
            macs += out * out * w
        else:
            co = c
        r, j = r + (k_eff - 1) * j, j * s
        rows.append((tok, kind, k, s, p, d, n, out, c, co, w + co if kind == "conv" else 0,
                     out * out * w if kind == "conv" else 0, r, j))
        n, c = out, co
    return rows, params, macs
