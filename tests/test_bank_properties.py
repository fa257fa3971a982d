"""Property tests of the loader: no input makes it raise, and valid questions round-trip."""

from __future__ import annotations

import re
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quizcli.bank.codes import CODES
from quizcli.bank.lint import check_question
from quizcli.bank.loader import parse_draft, parse_file
from quizcli.bank.model import Question

SETTINGS = settings(max_examples=150, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture])


def _check_result(q, problems):
    assert all(p.code in CODES for p in problems)
    for p in problems:
        line = p.format()
        assert f" {p.code} " in line and "\n" not in p.code
        assert p.line is None or p.line >= 1
    if q is None:
        assert any(p.is_error for p in problems), [p.format() for p in problems]
    else:
        assert isinstance(q, Question)
        assert not any(p.is_error for p in problems)


@SETTINGS
@given(data=st.binary(max_size=400))
def test_arbitrary_bytes_never_raise(tmp_path, data):
    path = tmp_path / "x.md"
    path.write_bytes(data)
    _check_result(*parse_file(path, builtin=False))


FRAGMENTS = ["---\n", "id: x\n", "title:\n", "  ko: a\n", "  en: b\n", "\t", "tags: [a, b]\n",
             "tags: \n", "- a\n", "key_points:\n", "  - id: k\n", "    ko: {text: t, match: [m]}\n",
             "    en: {text: t, match: ['(']}\n", "difficulty: 2\n", "difficulty: 7\n",
             "sources: [s]\n", "## ko\n", "## en\n", "## other\n", "```\n", "text\n", "&a [1]\n",
             "*a\n", "{", "}", "[", "]", ": ", "'", '"', "\\", "é", "\x00", "\r\n", "\ufeff",
             "see: {explain: [relu], demo: ['x --y']}\n", "facts: [{expr: '1+', value: 1}]\n",
             "follow_ups: [x]\n", "!!python/name:os.system\n", "? [a]\n: b\n", "<<: *a\n"]


@SETTINGS
@given(parts=st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=12)), max_size=40))
def test_front_matter_like_text_never_raises(tmp_path, parts):
    path = tmp_path / "x.md"
    path.write_text("".join(parts), encoding="utf-8", errors="surrogatepass")
    _check_result(*parse_file(path, builtin=False))
    parser = parse_draft(path, builtin=False, lint=True)  # lint's draft path too
    if parser.question is not None and not any(p.is_error for p in parser.problems):
        assert all(p.code in CODES for p in check_question(parser))


# --------------------------------------------------------------------------- round trip

slug = st.from_regex(r"[a-z][a-z0-9]{0,6}(-[a-z0-9]{1,5}){0,2}", fullmatch=True)
# titles and texts: any printable text, including Rich markup and Hangul
free_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp"),
                           blacklist_characters="\x85\ufeff"),
    min_size=1, max_size=40,
).filter(lambda s: s.strip()) | st.sampled_from(["[bold]x[/]", "[link=https://e.com]l[/link]",
                                                 "sigmoid 대신 ReLU?", "a: b # c", "- x", "'q\""])
word = st.from_regex(r"[a-z가-힣]{3,8}", fullmatch=True)


@st.composite
def questions(draw):
    qid = draw(slug)
    kp_ids = draw(st.lists(slug, min_size=3, max_size=5, unique=True))
    answers = {}
    key_points = []
    words = {lang: draw(st.lists(word, min_size=len(kp_ids), max_size=len(kp_ids), unique=True))
             for lang in ("ko", "en")}
    for lang in ("ko", "en"):
        filler = draw(st.lists(word, max_size=6))
        sentences = [f"{w} {' '.join(filler)}." for w in words[lang]]
        answers[lang] = "\n\n".join(sentences)
    for i, kid in enumerate(kp_ids):
        key_points.append({
            "id": kid,
            "ko": {"text": draw(free_text), "match": [re.escape(words["ko"][i])]},
            "en": {"text": draw(free_text), "match": [re.escape(words["en"][i])]},
        })
    return {
        "id": qid,
        "title": {"ko": draw(free_text), "en": draw(free_text)},
        "tags": draw(st.lists(slug, min_size=1, max_size=4, unique=True)),
        "difficulty": draw(st.integers(1, 3)),
        "follow_ups": draw(st.lists(slug, max_size=3, unique=True)),
        "related": draw(st.lists(slug, max_size=3, unique=True)),
        "key_points": key_points,
        "sources": draw(st.lists(free_text, min_size=1, max_size=3, unique=True)),
    }, answers


@SETTINGS
@given(case=questions())
def test_valid_questions_round_trip(tmp_path, case):
    fields, answers = case
    front = yaml.safe_dump(fields, allow_unicode=True, sort_keys=False, width=1000)
    path = tmp_path / f"{fields['id']}.md"
    path.write_text(f"---\n{front}---\n## ko\n\n{answers['ko']}\n\n## en\n\n{answers['en']}\n",
                    encoding="utf-8")
    q, problems = parse_file(path, builtin=False)
    assert problems == [], [p.format() for p in problems]
    assert q.id == fields["id"]
    assert q.title == fields["title"]
    assert list(q.tags) == fields["tags"] and q.difficulty == fields["difficulty"]
    assert list(q.follow_ups) == fields["follow_ups"] and list(q.related) == fields["related"]
    assert list(q.sources) == fields["sources"]
    assert q.answer == answers
    for kp, want in zip(q.key_points, fields["key_points"], strict=True):
        assert kp.id == want["id"]
        assert kp.text == {"ko": want["ko"]["text"], "en": want["en"]["text"]}
        assert kp.patterns == {"ko": tuple(want["ko"]["match"]), "en": tuple(want["en"]["match"])}
    # the rubric passes its own answer, so lint's per-file checks are silent too
    parser = parse_draft(path, builtin=False, lint=True)
    assert parser.problems == [] and check_question(parser) == []


def test_round_trip_strategy_is_not_vacuous(tmp_path):
    """A hand-made instance through the same path: keeps the property test honest."""
    fields = {"id": "x-y", "title": {"ko": "[bold]질문[/]", "en": "Q?"}, "tags": ["t"],
              "difficulty": 2, "follow_ups": [], "related": [],
              "key_points": [{"id": f"k{i}", "ko": {"text": "t", "match": [w]},
                              "en": {"text": "t", "match": [w]}} for i, w in
                             enumerate(["abc", "def", "ghi"])],
              "sources": ["s"]}
    path = Path(tmp_path) / "x-y.md"
    path.write_text("---\n" + yaml.safe_dump(fields, allow_unicode=True)
                    + "---\n## ko\n\nabc def ghi\n\n## en\n\nabc def\n", encoding="utf-8")
    parser = parse_draft(path, builtin=False, lint=True)
    assert parser.problems == []
    assert [p.code for p in check_question(parser)] == ["QZ031"]  # 'ghi' missing in en
    assert parser.question.title["ko"] == "[bold]질문[/]"
