"""The grader: language detection, normalisation, pattern order, scores, ratings, work caps."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quizcli import grading
from quizcli.bank.model import KeyPoint, Question
from quizcli.errors import DomainError, QuizError


def question(*points: KeyPoint, qid="q") -> Question:
    return Question(id=qid, title={"en": "Q?", "ko": "질문?"}, answer={"en": "A", "ko": "답"},
                    tags=("t",), difficulty=1, key_points=points)


def point(pid, en=(), ko=()) -> KeyPoint:
    return KeyPoint(pid, {"en": f"{pid} en", "ko": f"{pid} ko"}, {"en": tuple(en), "ko": tuple(ko)})


Q = question(point("vanish", en=[r"vanish"], ko=[r"기울기\s*소실", r"vanish"]),
             point("cheap", en=[r"cheap", r"\bexp\b"], ko=[r"연산\s*(이|은)?\s*(싸|빠르)"]),
             point("sparse", en=[r"spars"], ko=[r"희소"]))



# ------------------------------------------------------------------ language
@pytest.mark.parametrize("text,lang", [
    ("Sigmoid saturates, so gradients vanish.", "en"),
    ("기울기 소실 때문입니다.", "ko"),
    ("ReLU는 gradient vanishing 문제가 덜하고 sparse activation을 만들어요.", "ko"),
    ("The gradient vanishes (기울기 소실), so ReLU is preferred in deep networks.", "en"),
    ("", "en"),
    ("0.25 ** 20 = 9.1e-13", "en"),
])
def test_detect_lang(text, lang):
    assert grading.detect_lang(text) == lang


def test_detect_lang_default_for_text_without_letters():
    assert grading.detect_lang("1 + 1 = 2", default="ko") == "ko"
    assert grading.hangul_share("") == 0.0
    assert grading.hangul_share("가 a") == 0.5
    assert grading.hangul_share("relu는 gradient vanishing") == pytest.approx(1 / 3)
    assert grading.hangul_share("α 0.25 ≈") == 0.0


def test_korean_with_english_terms_matches_english_patterns_too():
    g = grading.grade(Q, "ReLU는 vanishing 문제를 줄이고 cheap합니다.")
    assert g.lang == "ko" and g.covered == ("vanish", "cheap") and g.missed == ("sparse",)
    by_kp = {m.key_point: m for m in g.matches}
    assert by_kp["vanish"].lang == "ko"  # found by a Korean-list pattern first
    assert by_kp["cheap"].lang == "en"  # only the English list has it


def test_english_answer_tries_english_patterns_first():
    g = grading.grade(Q, "It will vanish.")
    assert g.matches[0].lang == "en" and g.matches[0].pattern == "vanish"


# ------------------------------------------------------------------ normalisation
def test_full_width_case_and_spaces_are_normalised():
    g = grading.grade(Q, "ＶＡＮＩＳＨ and ＳＰＡＲＳＥ outputs; 기울기\n\n   소실")
    assert g.covered == ("vanish", "sparse")


def test_match_reports_phrase_offsets_and_context():
    g = grading.grade(Q, "Well.  Gradients VANISH quickly in deep sigmoid nets, you see.")
    m = g.matches[0]
    text = grading.prepare("Well.  Gradients VANISH quickly in deep sigmoid nets, you see.")
    assert (m.key_point, m.phrase, text[m.start:m.end]) == ("vanish", "vanish", "vanish")
    assert "gradients vanish quickly" in m.context


# ------------------------------------------------------------------ scores and ratings
@pytest.mark.parametrize("score,rating", [(1.0, 4), (0.9, 4), (5 / 6, 3), (0.6, 3), (0.5, 2),
                                          (0.3, 2), (0.25, 1), (0.0, 1)])
def test_rating_thresholds(score, rating):
    assert grading.rating_for(score) == rating


def test_score_and_suggested_rating():
    g = grading.grade(Q, "vanish, cheap")
    assert g.score == pytest.approx(2 / 3) and g.suggested_rating == 3 and g.rating_name == "good"
    assert g.total == 3


def test_empty_and_whitespace_answers_cover_nothing():
    for text in ("", "   \n\t "):
        g = grading.grade(Q, text)
        assert g.covered == () and g.missed == ("vanish", "cheap", "sparse") and g.score == 0


def test_invalid_pattern_is_a_quiz_error_naming_question_and_key_point():
    bad = question(point("broken", en=[r"(unclosed"]), qid="bad-q")
    with pytest.raises(DomainError, match="bad-q.*broken"):
        grading.grade(bad, "anything")


def test_self_graded_checklist():
    g = grading.self_graded(Q, ["sparse", "vanish", "unknown"], "ko")
    assert g.covered == ("vanish", "sparse") and g.missed == ("cheap",) and g.lang == "ko"


# ------------------------------------------------------------------ properties
ASCII_WORDS = st.lists(st.sampled_from(["vanish", "cheap", "exp", "spars", "sparse", "the", "a",
                                        "relu", "gradient", "x", "0.25", "!", "(", "[bold]"]),
                       max_size=12)


@settings(max_examples=150, deadline=None)
@given(ASCII_WORDS)
def test_grade_ignores_case_width_and_spacing(words):
    text = " ".join(words)
    fullwidth = "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in text.upper())
    spaced = "\n\t  ".join(words)
    base = grading.grade(Q, text)
    assert grading.grade(Q, fullwidth).covered == base.covered
    assert grading.grade(Q, spaced).covered == base.covered


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_grade_partitions_the_key_points(text):
    g = grading.grade(Q, text)
    ids = [kp.id for kp in Q.key_points]
    assert set(g.covered).isdisjoint(g.missed)
    assert sorted(g.covered + g.missed) == sorted(ids)
    assert g.score == len(g.covered) / len(ids)
    assert [m.key_point for m in g.matches] == list(g.covered)
    assert g.lang in ("ko", "en") and 1 <= g.suggested_rating <= 4


# ------------------------------------------------------------------ work caps
def test_long_runs_are_split_so_unbounded_patterns_stay_linear():
    q = question(point("maxpeak", en=[r"max\w*\s*(derivative|slope)?\s*(of|is)\s*1(?![\d.])"]))
    text = "max" * 200_000  # 600 kB glued: quadratic backtracking without the split
    t = time.perf_counter()
    g = grading.grade(q, text)
    assert time.perf_counter() - t < 2.0
    assert g.covered == () and g.truncated


def test_split_does_not_change_normal_text():
    text = "Sigmoid's derivative is at most 0.25 — gradients vanish over 20 layers."
    assert grading.prepare(text) == grading.normalize(text)


def test_truncation_is_reported_and_only_the_head_is_searched():
    head = "vanish " + "filler " * (grading.MAX_GRADED_CHARS // 7)
    g = grading.grade(Q, head + " sparse")
    assert g.truncated and g.covered == ("vanish",) and g.chars == grading.MAX_GRADED_CHARS


def test_one_megabyte_answers_grade_fast_on_every_question(bank, capsys):
    """The issue's bad input: a 1 MB answer graded quickly. Measured on every question of the
    bank with plain prose, Korean prose and each pattern's own first word glued together."""
    import re

    words = set()
    for q in bank.questions:
        for kp in q.key_points:
            for pats in kp.patterns.values():
                for p in pats:
                    m = re.match(r"[a-z가-힣]{2,}", p)
                    if m:
                        words.add(m.group(0))
            # claims: the first word of every form of every concept they name
            for concept in grading.question_concepts(q):
                for form in bank.lexicon.forms(concept):
                    m = re.match(r"[a-z가-힣]{2,}", form)
                    if m:
                        words.add(m.group(0))
    assert words
    glued = "".join(sorted(words))
    texts = {
        "english prose": ("the quick brown fox jumps over the lazy dog, gradients " * 20_000)[:1_000_000],
        "korean prose": ("기울기 소실은 깊은 신경망에서 역전파할 때 생기는 문제입니다 " * 40_000)[:1_000_000],
        "glued pattern words": (glued * (1_000_000 // len(glued) + 1))[:1_000_000],
    }
    worst = 0.0
    for name, text in texts.items():
        # the floor, measured in the same run (machines differ 3x, loaded ones more): what
        # any grader must do with the answer, normalising it once
        t = time.perf_counter()
        for _ in range(3):
            grading.prepare(text)
        floor = (time.perf_counter() - t) / 3
        t = time.perf_counter()
        for q in bank.questions:
            grading.grade(q, text)
        per_q = (time.perf_counter() - t) / len(bank.questions)
        worst = max(worst, per_q / floor)
        with capsys.disabled():
            print(f"\n1 MB answer, {name}: {per_q * 1000:.1f} ms per question "
                  f"({len(bank.questions)} questions), {per_q / floor:.1f}x normalising it")
    # today about 2.5x: grading reads a capped prefix, so it never rescans the megabyte
    assert worst < 10


def test_keyword_lists_earn_nothing_in_korean_too(bank):
    """Found by a new-user test: the Korean list credited two points ('희소성' ended the list
    check because 성 was read as a predicate)."""
    q = bank.get("relu-vs-sigmoid")
    for answer in ("vanishing gradients, sparsity, dying relu, He init",
                   "기울기 소실, 희소성, dying relu, He 초기화"):
        g = grading.grade(q, answer)
        assert g.covered == () and g.keyword_list, answer
    # a real Korean sentence with commas is not a list
    g = grading.grade(q, "ReLU는 양수 구간 도함수가 1이라 층을 거쳐도 기울기가 소실되지 않고, 계산이 빠르며, "
                         "음수 입력에서 정확히 0을 내서 희소합니다.")
    assert not g.keyword_list and "sparsity" in g.covered


def test_a_leaky_relu_sentence_is_not_relu_sparsity(bank):
    g = grading.grade(bank.get("relu-vs-sigmoid"),
                      "Leaky ReLU uses a small slope like 0.01 for negative inputs instead of 0, "
                      "so units never die: the gradient is never exactly zero.")
    assert "sparsity" not in g.covered


def test_a_list_a_predicate_introduces_is_a_claim_not_bare_keywords(bank):
    """Found by the English paraphrase set: the textbook sentence listed its three terms after
    'decomposes into', and the keyword-list rule voided them."""
    q = bank.get("overfitting-bias-variance")
    for answer in ("The expected error decomposes into bias squared, variance and irreducible noise.",
                   "Test error can be split into three parts: the squared bias, the variance, and noise."):
        g = grading.grade(q, answer)
        assert "decomposition" in g.covered and not g.keyword_list, answer
    g = grading.grade(q, "Bias, variance, noise.")
    assert g.covered == () and g.keyword_list
    # a modal verb puts a list forward as advice; "I'd say" still names keywords
    q = bank.get("class-imbalance")
    g = grading.grade(q, "You can also resample, oversampling the minority or undersampling the majority class.")
    assert "resampling" in g.covered and not g.keyword_list
    g = grading.grade(q, "I'd say resampling, oversampling the minority, undersampling the majority.")
    assert "resampling" not in g.covered and g.keyword_list


def test_nothing_negates_what_follows(bank):
    """'nothing really ends up exactly zero' does not say L2 makes weights exactly zero."""
    q = bank.get("l1-vs-l2")
    g = grading.grade(q, "L2's pull fades out near zero, so nothing really ends up exactly zero.")
    assert not g.misconceptions
    g = grading.grade(q, "L2 pushes the weights exactly to zero.")
    assert g.misconceptions


def test_non_negates_and_comma_while_contrasts(bank):
    """'non-convex' is not convex, and ', while' starts a contrasting clause: the correct
    comparison is credited, the swapped one is flagged."""
    q = bank.get("cross-entropy-vs-mse")
    g = grading.grade(q, "Cross-entropy is convex in the logits, while MSE on a sigmoid is non-convex.")
    assert "penalty-and-convexity" in g.covered and not g.misconceptions
    g = grading.grade(q, "Cross-entropy isn't convex, MSE is convex, so MSE is easier to optimize.")
    assert "penalty-and-convexity" not in g.covered and g.misconceptions


def test_while_contrasts_but_not_while_training(bank):
    q = bank.get("transformer-vs-rnn")
    g = grading.grade(q, "Attention is linear in the sequence length while RNNs are quadratic.")
    assert "cost" not in g.covered
    g = grading.grade(q, "Self-attention is quadratic in the sequence length, O(n²·d) per layer.")
    assert "cost" in g.covered
    # temporal 'while' keeps the clause whole
    q = bank.get("dropout")
    g = grading.grade(q, "Each neuron is randomly dropped with probability p while training.")
    assert "mechanism" in g.covered


def test_a_negator_stops_at_a_new_subject(bank):
    """'if a layer isn't useful it can just learn zero': the negation belongs to 'useful'."""
    q = bank.get("residual-connections")
    g = grading.grade(q, "You add the input back to the output of the block, so it's x plus F of x. "
                         "That way if a layer isn't useful it can just learn zero and pass the input through.")
    assert "residual-form" in g.covered
    clause = grading.read_answer(q, "If a layer isn't useful it can just learn zero.", bank.lexicon)[0]
    learned = [i for i, o in enumerate(clause.occurrences) if "learned" in o.concepts]
    assert learned and not clause.negated & set(learned)
    g = grading.grade(q, "The residual branch does not learn anything useful.")
    assert "residual-form" not in g.covered


def test_hedges_and_not_needed_void_the_claim(bank):
    q = bank.get("dropout")
    g = grading.grade(q, "I'm not sure dropout zeroes units at random, maybe it prunes weights permanently.")
    assert "mechanism" not in g.covered
    g = grading.grade(q, "I think dropout zeroes each unit at random with probability p during training.")
    assert "mechanism" in g.covered
    g = grading.grade(q, "You keep dropout on at inference, model.eval() doesn't matter.")
    assert "eval-mode" not in g.covered
    q = bank.get("attention-scaling")
    g = grading.grade(q, "Scaling isn't needed: the dot product's variance doesn't grow with the dimension.")
    assert "variance-grows" not in g.covered and g.misconceptions
    g = grading.grade(q, "The variance of q·k grows linearly with d_k, so we divide by √d_k.")
    assert {"variance-grows", "fix"} <= set(g.covered) and not g.misconceptions
