"""Escape sequences and bidi overrides from content, paths and arguments never reach the
terminal raw: error lines, problem lines and --json output (issue 17, item 2)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from quizcli.safe_text import escape

TITLE = "\x1b]0;pwned\x07"  # OSC 0: set the window title
CLIPBOARD = "\x1b]52;c;ZXZpbA==\x07"  # OSC 52: write the clipboard
CLEAR = "\x1b[2J"  # CSI 2 J: clear the screen
CSI8 = "\x9b"  # the one-byte C1 CSI
RLO = "\u202e"  # right-to-left override
HOSTILE = f"a{TITLE}b{CLEAR}c{CLIPBOARD}d{CSI8}e{RLO}f\x7fg\u2066h"
RAW = ["\x1b", "\x07", "\x9b", "\u202e", "\x7f", "\u2066"]  # none may be printed as is


def _clean(*texts: str) -> None:
    for text in texts:
        for ch in RAW:
            assert ch not in text, (hex(ord(ch)), text[:300])


def test_escape_shows_every_unsafe_character():
    out = escape(HOSTILE)
    _clean(out)
    assert out == ("a\\x1b]0;pwned\\x07b\\x1b[2Jc\\x1b]52;c;ZXZpbA==\\x07d\\x9be\\u202ef"
                   "\\x7fg\\u2066h")
    assert escape("섹션 ## ko\tand\nnewline, [brackets]") == "섹션 ## ko\tand\nnewline, [brackets]"
    assert escape("lone \ud800 surrogate") == "lone \\ud800 surrogate"


@pytest.mark.parametrize("code", [*range(0, 9), *range(11, 32), *range(0x7f, 0xa0),
                                  *range(0x202a, 0x202f), *range(0x2066, 0x206a)])
def test_json_escaping_keeps_the_data(code):
    s = f"x{chr(code)}y{HOSTILE}"
    doc = escape(json.dumps({"k": s, s: [s]}, ensure_ascii=False), json=True)
    _clean(doc)
    assert chr(code) not in doc
    assert json.loads(doc) == {"k": s, s: [s]}


def _dup_key_file(tmp_path: Path) -> Path:
    d = tmp_path / "content"
    d.mkdir()
    yaml_key = _yaml(HOSTILE)
    (d / "dup.md").write_text(f'---\nid: dup\ntitle:\n  en: x\n  ko: y\n  "{yaml_key}": 1\n'
                              f'  "{yaml_key}": 2\n---\n', encoding="utf-8")
    return d


@pytest.mark.parametrize("args", [["show", "dup"], ["list"], ["ask", "--id", "dup", "--answer", "x"],
                                  ["lint"], ["lint", "--json"]])
def test_a_duplicate_key_with_escapes_is_shown_escaped(tmp_path, cli, args):
    d = _dup_key_file(tmp_path)
    extra = [str(d)] if args[0] == "lint" else ["--content-dir", str(d)]
    r = cli(*args, *extra)
    assert r.exit_code == {"list": 0, "lint": 1}.get(args[0], 2)  # list shows the rest
    _clean(r.stdout, r.stderr)
    shown = r.stdout + r.stderr
    assert "QZ008" in shown
    if "--json" in args:
        messages = [p["message"] for p in json.loads(r.stdout)["problems"]]
        assert any(HOSTILE in m for m in messages)  # the data itself is unchanged
    else:
        assert "\\x1b]0;pwned\\x07" in shown and "\\u202e" in shown


def test_a_directory_name_with_escapes_is_shown_escaped(tmp_path, cli):
    d = tmp_path / f"dir{TITLE}{RLO}"
    d.mkdir()
    (d / "sub").mkdir()
    for args in (["list", "--content-dir", str(d)], ["list", "--content-dir", str(d / "missing")],
                 ["lint", str(d)], ["lint", str(d), "--json"]):
        r = cli(*args)
        assert r.exit_code in (0, 1, 2), args
        _clean(r.stdout, r.stderr)
        assert "dir\\x1b]0;pwned\\x07\\u202e" in r.stdout + r.stderr or \
            "dir\\u001b]0;pwned\\u0007\\u202e" in r.stdout, (args, r)


@pytest.mark.parametrize("args", [["show", HOSTILE], ["explain", HOSTILE], ["demo", HOSTILE],
                                  ["list", f"--{HOSTILE}"], ["list", "--tag", HOSTILE],
                                  [HOSTILE], ["ask", "--id", HOSTILE, "--answer", "x"]])
def test_an_argument_with_escapes_is_echoed_escaped(cli, args):
    r = cli(*args)
    assert r.exit_code in (0, 1, 2)
    _clean(r.stdout, r.stderr)
    assert r.stderr.count("\n") <= 1 or r.exit_code == 0


def _yaml(text: str) -> str:
    return text.replace("\x1b", "\\e").replace("\x07", "\\a").replace(CSI8, "\\x9b") \
        .replace(RLO, "\\u202e").replace("\x7f", "\\x7f").replace("\u2066", "\\u2066")


@pytest.mark.parametrize("args", [["show", "hostile-title", "--json"], ["list", "--json"]])
def test_json_output_escapes_c1_and_bidi(tmp_path, cli, args):
    from quizcli.paths import builtin_content_dir

    core = builtin_content_dir() / "questions" / "activations" / "leaky-relu.md"
    d = tmp_path / "mine"
    d.mkdir()
    text = core.read_text(encoding="utf-8").replace("id: leaky-relu", "id: hostile-title") \
        .replace('en: "What is Leaky ReLU, and why use it?"', f'en: "Leaky {_yaml(HOSTILE)}"')
    (d / "hostile-title.md").write_text(text, encoding="utf-8")
    r = cli(*args, "--content-dir", str(d))
    assert r.exit_code == 0, r
    _clean(r.stdout, r.stderr)
    assert "\\u001b]0;pwned\\u0007" in r.stdout and "\\u009b" in r.stdout
    assert f"Leaky {HOSTILE}" in _strings(json.loads(r.stdout))  # the data is unchanged


def _strings(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        value = [*value, *value.values()]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []
