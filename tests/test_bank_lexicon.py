"""The bank's lexicon: discovered per content root (content/lexicon/ for the built-in bank,
DIR/lexicon/ for a content directory), loaded lazily, passed to grading by `quiz ask`
(scripted, lazy bank, and interactive), and linted with lines (QZ090-QZ092)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from quizcli import kinds
from quizcli.bank import lexicons
from quizcli.bank.cache import LazyBank
from quizcli.bank.lint import lint
from quizcli.bank.loader import load_bank

FIXTURES = Path(__file__).parent / "fixtures" / "lint"

LEXICON = """\
frobnicate:
  en: [frobnicat]
  ko: [프로브닉]
widget:
  en: [widget]
  ko: [위젯]
spin:
  en: [spin]
  ko: [회전]
glow:
  en: [glow]
  ko: [빛나]
"""

QUESTION = """\
---
id: widget-question
title:
  ko: "위젯은 무엇을 하나요?"
  en: "What does a widget do?"
tags: [widgets]
difficulty: 1
key_points:
  - id: frobnicates
    ko: {text: "위젯은 프로브닉한다."}
    en: {text: "A widget frobnicates."}
    claims: ["widget + frobnicate"]
  - id: spins
    ko: {text: "위젯은 회전한다."}
    en: {text: "A widget spins."}
    claims: ["widget + spin"]
  - id: glows
    ko: {text: "위젯은 빛난다."}
    en: {text: "A widget glows."}
    claims: ["widget + glow"]
sources:
  - "The widget manual"
---
## ko

위젯은 프로브닉합니다. 위젯은 회전합니다. 위젯은 빛납니다.

## en

The widget frobnicates. The widget spins. The widget glows.
"""


def content_dir(tmp_path: Path, lexicon: str = LEXICON) -> Path:
    d = tmp_path / "mine"
    (d / "lexicon").mkdir(parents=True)
    (d / "widget-question.md").write_text(QUESTION, encoding="utf-8")
    (d / "lexicon" / "widgets.yaml").write_text(lexicon, encoding="utf-8")
    return d


def test_lexicon_dirs_of_the_roots():
    bank = load_bank(use_env=False)
    (root,) = bank.roots
    assert lexicons.lexicon_dir(root.path, True) == root.path.parent / "lexicon"
    assert lexicons.lexicon_dir(Path("/x/mine"), False) == Path("/x/mine/lexicon")


def test_bank_lexicon_is_loaded_once_on_first_use(tmp_path):
    bank = load_bank([content_dir(tmp_path)], use_env=False)
    assert "lexicon" not in vars(bank)  # not loaded by load_bank
    lex = bank.lexicon
    assert "gradient" in lex and "frobnicate" in lex  # built-in and the directory's own
    assert bank.lexicon is lex


def test_lazy_bank_lexicon_without_the_full_load(tmp_path):
    bank = LazyBank([content_dir(tmp_path)])
    assert "widget" in bank.lexicon and "vanish" in bank.lexicon
    assert bank._full is None


def test_a_pattern_rubric_never_loads_the_lexicon():
    from quizcli.bank.loader import parse_file

    q, _ = parse_file(FIXTURES / "QZ060-bad-fact-expression" / "sample-question.md")
    assert not any(kp.claims for kp in q.key_points)

    def boom():
        raise AssertionError("the lexicon was loaded for a question without claims")

    g = kinds.grade(q, "ReLU is max(0, x); negative inputs give sparse outputs.", "en", boom)
    assert g.covered == ("definition", "sparsity")


def test_ask_grades_claims_with_the_directory_lexicon(cli, tmp_path):
    d = content_dir(tmp_path)
    r = cli("ask", "--id", "widget-question", "--answer", "A widget frobnicates and it spins.",
            "--json", "--content-dir", d)
    assert r.exit_code == 0, r
    data = json.loads(r.stdout)
    assert data["covered"] == ["frobnicates", "spins"] and data["missed"] == ["glows"]
    ko = json.loads(cli("ask", "--id", "widget-question", "--answer", "위젯은 빛납니다.",
                        "--json", "--content-dir", d).stdout)
    assert ko["lang"] == "ko" and ko["covered"] == ["glows"]


def test_ask_without_the_concepts_covers_nothing(cli, tmp_path):
    d = content_dir(tmp_path, LEXICON.replace("frobnicat]", "zzz]"))
    data = json.loads(cli("ask", "--id", "widget-question", "--answer", "A widget frobnicates.",
                          "--json", "--content-dir", d).stdout)
    assert "frobnicates" not in data["covered"]


def test_interactive_session_grades_with_the_bank_lexicon(cli, tmp_path):
    d = content_dir(tmp_path)
    r = cli("ask", "--id", "widget-question", "--interactive", "--content-dir", d,
            "--home", str(tmp_path / "home"), "--width", "100",
            input="The widget glows.\n\n\n")
    assert r.exit_code == 0, r
    assert "Covered 1 of 3" in r.stdout


def test_a_content_directory_lints_clean_with_its_own_and_the_builtin_concepts(tmp_path):
    d = content_dir(tmp_path)
    q = d / "widget-question.md"
    q.write_text(QUESTION.replace('["widget + glow"]', '["widget + glow|gradient"]'),
                 encoding="utf-8")
    report = lint([d], use_env=False)  # the built-in bank (and its lexicon) as context
    assert [p.format() for p in report.problems] == []


def test_a_concept_gathers_forms_from_several_files_and_roots(tmp_path):
    d = content_dir(tmp_path)
    (d / "lexicon" / "more.yaml").write_text("spin:\n  en: [twirl]\ngradient:\n  en: [zorp]\n",
                                             encoding="utf-8")
    lex = load_bank([d], use_env=False).lexicon
    assert set(lex.forms("spin")) >= {"spin", "twirl", "회전"}
    assert "zorp" in lex.forms("gradient") and "기울기" in lex.forms("gradient")
    report = lint([d], use_env=False)
    assert not any(p.code.startswith("QZ09") for p in report.problems), report.problems


def test_lexicon_problems_carry_their_lines(tmp_path):
    d = content_dir(tmp_path, LEXICON + "Bad_Id:\n  en: [x]\nempty:\n  en: []\nspin:\n  en: [twirl]\n")
    report = lint([d], include_builtin=False, use_env=False)
    got = sorted((p.code, p.line) for p in report.problems if p.path.endswith("widgets.yaml"))
    assert got == [("QZ090", 13), ("QZ090", 16), ("QZ091", 17)], [p.format() for p in report.problems]


def test_a_lexicon_written_ahead_of_claims_is_not_unused(tmp_path):
    d = tmp_path / "plain"
    (d / "lexicon").mkdir(parents=True)
    (d / "lexicon" / "w.yaml").write_text(LEXICON, encoding="utf-8")
    src = (FIXTURES / "pass" / "facts-with-tolerance")
    for f in src.glob("*.md"):
        (d / f.name).write_text(f.read_text(encoding="utf-8"), encoding="utf-8")
    report = lint([d], include_builtin=False, use_env=False)
    assert "QZ092" not in {p.code for p in report.problems}


def test_the_merged_lexicon_is_cached_and_a_damaged_cache_is_ignored(tmp_path):
    """Grading reads the concepts from one JSON cache file keyed by the YAML files' stamps
    (parsing ~100 KB of YAML was most of `quiz ask --answer`'s time)."""
    from quizcli.bank.lexicons import _cache_file, load_lexicons
    from quizcli.paths import builtin_content_dir

    src = builtin_content_dir() / "lexicon"
    root = tmp_path / "cache"
    fresh = load_lexicons([src]).lexicon.concepts
    first = load_lexicons([src], cache_root=root).lexicon.concepts
    assert _cache_file(root).exists() and first == fresh
    assert load_lexicons([src], cache_root=root).lexicon.concepts == fresh  # from the cache
    _cache_file(root).write_text('{"key": 1, "concepts": {"x": 5}}', encoding="utf-8")
    assert load_lexicons([src], cache_root=root).lexicon.concepts == fresh
    _cache_file(root).write_text("not json", encoding="utf-8")
    assert load_lexicons([src], cache_root=root).lexicon.concepts == fresh
