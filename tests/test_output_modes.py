"""Output modes on a real terminal: --ascii is ASCII through and through, and charts without
colour (NO_COLOR, pipes) tell their series apart by marker (issue 11, Output)."""

from __future__ import annotations

import os
import sys

import pytest

from quizcli.console import to_ascii

COMMANDS = [
    ["explain", "relu"], ["explain", "sigmoid", "--vs", "relu"], ["explain", "gelu"],
    ["explain"], ["demo"], ["demo", "vanishing", "--depth", "8"], ["demo", "sparsity"],
    ["demo", "dying", "--steps", "50"], ["demo", "zigzag"], ["demo", "kink"],
    ["demo", "saturation"], ["list"], ["show", "relu-vs-sigmoid"], ["show", "he-init"],
    ["stats"], ["lint", "--codes"],
    ["ask", "--id", "relu-vs-sigmoid", "--answer", "sigmoid saturates, gradients vanish"],
]


def _hangul(ch: str) -> bool:
    return "\uac00" <= ch <= "\ud7a3" or "\u1100" <= ch <= "\u11ff" or "\u3130" <= ch <= "\u318f"


@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_ascii_output_is_ascii(cli, args):
    cli("ask", "--id", "leaky-relu", "--answer", "small slope", "--rate", "good")  # stats has rows
    r = cli(*args, "--ascii")
    assert r.exit_code == 0, r
    assert len(r.stdout.splitlines()) >= 3
    bad = sorted({c for c in r.stdout + r.stderr if not c.isascii()})
    assert not bad, bad


@pytest.mark.parametrize("args", [["explain", "relu"], ["show", "relu-vs-sigmoid"],
                                  ["demo", "kink"], ["list", "--tag", "relu"]], ids=" ".join)
def test_ascii_in_korean_keeps_only_hangul(cli, args):
    r = cli(*args, "--ascii", "--lang", "ko")
    assert r.exit_code == 0, r
    assert any(_hangul(c) for c in r.stdout)
    bad = sorted({c for c in r.stdout + r.stderr if not c.isascii() and not _hangul(c)})
    assert not bad, bad


def test_ascii_flag_does_not_leak_into_the_next_command(cli):
    assert cli("explain", "relu", "--ascii").stdout.isascii()
    assert "′" in cli("explain", "relu").stdout


@pytest.mark.parametrize("text,expected", [
    ("f′(x) → 0 as x → −∞", "f'(x) -> 0 as x -> -inf"),
    ("e⁻ˣ and x² ≤ 0.25", "e^-x and x^2 <= 0.25"),
    ("θ₁ ≈ ½", "theta_1 ~ 1/2"),
    ("σ′(x) = σ(x)(1 − σ(x))", "sigma'(x) = sigma(x)(1 - sigma(x))"),
    ("기울기 소실 → ReLU", "기울기 소실 -> ReLU"),
])
def test_to_ascii(text, expected):
    assert to_ascii(text) == expected


def _on_a_terminal(args, env):
    pexpect = pytest.importorskip("pexpect")
    child = pexpect.spawn(sys.executable, ["-m", "quizcli", *args], env=env, encoding="utf-8",
                          dimensions=(50, 100), timeout=60)
    out = child.read()
    child.close()
    assert child.exitstatus == 0, out
    return out


def test_no_color_on_a_real_terminal_gives_each_series_its_own_marker(tmp_path):
    env = dict(os.environ, NO_COLOR="1", TERM="xterm-256color", COLUMNS="100",
               QUIZ_HOME=str(tmp_path / "h"))
    out = _on_a_terminal(["explain", "sigmoid", "--vs", "relu"], env)
    import re

    params = [p for seq in re.findall(r"\x1b\[([0-9;]*)m", out) for p in seq.split(";") if p]
    assert not [p for p in params if 30 <= int(p) <= 38 or 90 <= int(p) <= 97]  # no colour
    out = re.sub(r"\x1b\[[0-9;]*m", "", out).replace("\r", "")
    chart = out[out.index("┌"):]
    legend = [ln for ln in chart.splitlines() if "sigmoid(x)" in ln][0].split()
    markers = [legend[i] for i in range(0, len(legend), 2)]
    assert len(markers) == 4 and len(set(markers)) == 4, legend  # four series, four markers
    assert not any("\u2800" <= c <= "\u28ff" for c in chart)  # no braille
    body = "".join(chart.splitlines()[1:-3])
    for marker in markers:
        assert marker[0] in body


def test_colour_on_a_real_terminal_keeps_braille(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    env.update(TERM="xterm-256color", COLUMNS="100", QUIZ_HOME=str(tmp_path / "h"))
    out = _on_a_terminal(["explain", "sigmoid", "--vs", "relu"], env)
    assert any("\u2800" <= c <= "\u28ff" for c in out)
