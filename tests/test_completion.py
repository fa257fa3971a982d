"""Shell completion offers the values a command takes (issue 11, discoverability): activation
names, question ids, tags, languages and demos, through Click's completion protocol, without
importing the heavy modules and, once the cache is warm, without parsing YAML."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

HEAVY = ("numpy", "yaml", "fsrs", "uniplot", "sqlite3", "rich")

PROBE = """
import sys
from quizcli.cli import main
try:
    main()
except SystemExit:
    pass
sys.stderr.write('HEAVY=' + ','.join(m for m in %r if m in sys.modules))
""" % (HEAVY,)


def complete(line: str) -> tuple[list[str], list[str]]:
    """(the completions bash would offer for `line`, the heavy modules the run imported)."""
    words = line.split()
    cword = len(words) if line.endswith(" ") else len(words) - 1
    env = dict(os.environ, _QUIZ_COMPLETE="complete_bash", COMP_WORDS=line,
               COMP_CWORD=str(cword))
    p = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True,
                       env=env, timeout=60)
    heavy = p.stderr.rsplit("HEAVY=", 1)[-1].strip()
    return p.stdout.split(), [m for m in heavy.split(",") if m]


def test_explain_completes_activation_names():
    from quizcli.activations.names import CANONICAL

    offered, heavy = complete("quiz explain ")
    assert offered == list(CANONICAL)
    assert heavy == []
    assert complete("quiz explain leak")[0] == ["leaky_relu"]
    assert "silu" in complete("quiz explain relu --vs s")[0]


@pytest.mark.parametrize("line", ["quiz show relu-", "quiz ask --id relu-"])
def test_ids_complete_from_the_bank(line):
    offered, heavy = complete(line)
    assert "relu-vs-sigmoid" in offered and "relu-not-differentiable" in offered
    assert all(o.startswith("relu-") for o in offered)
    assert heavy == []


def test_ids_include_a_content_dir(tmp_path):
    (tmp_path / "my-own-question.md").write_text("---\nid: my-own-question\n---\n")
    offered, _ = complete(f"quiz show --content-dir {tmp_path} my-")
    assert offered == ["my-own-question"]


@pytest.mark.parametrize("line", ["quiz list --tag dro", "quiz ask --tag dro",
                                  "quiz export csv out.csv --tag dro"])
def test_tags_complete_and_a_warm_cache_parses_no_yaml(line):
    complete(line)  # warms the parse cache (QUIZ_CACHE_DIR is per test)
    offered, heavy = complete(line)
    assert offered == ["dropout"]
    assert heavy == []


@pytest.mark.parametrize("line", ["quiz list --lang ", "quiz explain relu --lang ",
                                  "quiz demo kink --lang "])
def test_lang_completes_ko_and_en(line):
    assert complete(line)[0] == ["ko", "en"]


def test_demo_names_and_activation_lists_complete():
    from quizcli.demos import registry

    offered, heavy = complete("quiz demo ")
    assert offered == list(registry.names())
    assert heavy == []
    offered, _ = complete("quiz demo vanishing --activations sigmoid,tan")
    assert offered == ["sigmoid,tanh", "sigmoid,tanhshrink"]


def test_commands_complete():
    assert complete("quiz a")[0] == ["ask"]
