"""How well the grader agrees with an examiner, on the four questions of the source post.

tests/data/graded_answers.yaml: 40 answers labelled by meaning before the grader existed; the
content authors then tuned the rubric patterns on them, so agreement there is the fitted figure.
tests/data/graded_answers_heldout.yaml: 24 answers written afterwards without reading the tuned
patterns: the generalisation figure. tests/data/graded_answers_blind.yaml: 32 answers (en, ko and
mixed) written and labelled without seeing the rubric; nothing is tuned on its texts, only its
per-language figures are read. All are printed (pytest -s, or see the report)."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest
import yaml

from quizcli import grading

DATA = Path(__file__).parent / "data"
CORE = ("relu-vs-sigmoid", "relu-not-differentiable", "leaky-relu", "tanh-vs-sigmoid")



def _load(name):
    return yaml.safe_load((DATA / name).read_text(encoding="utf-8"))


def measure(bank, items):
    """Micro-averaged precision and recall over (answer, key point) pairs, per language."""
    counts = defaultdict(lambda: [0, 0, 0])  # tp, fp, fn
    disagreements = []
    for item in items:
        g = grading.grade(bank.get(item["question"]), item["answer"])
        pred, gold = set(g.covered), set(item["covers"])
        c = counts[item["lang"]]
        c[0] += len(pred & gold)
        c[1] += len(pred - gold)
        c[2] += len(gold - pred)
        if pred != gold:
            disagreements.append((item["id"], sorted(pred - gold), sorted(gold - pred)))
    figures = {}
    for lang, (tp, fp, fn) in sorted(counts.items()):
        figures[lang] = (tp / (tp + fp) if tp + fp else 1.0, tp / (tp + fn) if tp + fn else 1.0,
                         tp, fp, fn)
    return figures, disagreements


def _print(title, figures, disagreements, capsys):
    with capsys.disabled():
        print(f"\n{title}")
        for lang, (p, r, tp, fp, fn) in figures.items():
            print(f"  {lang}: precision {p:.3f}  recall {r:.3f}  (tp {tp}, fp {fp}, fn {fn})")
        for item_id, fp, fn in disagreements:
            print(f"  {item_id}: false positives {fp}, missed {fn}")


def test_labelled_data_is_well_formed(bank):
    for name in ("graded_answers.yaml", "graded_answers_heldout.yaml"):
        items = _load(name)
        ids = [i["id"] for i in items]
        assert len(ids) == len(set(ids))
        for item in items:
            q = bank.get(item["question"])
            assert item["question"] in CORE and item["lang"] in ("ko", "en")
            assert set(item["covers"]) <= {kp.id for kp in q.key_points}, item["id"]
    first = _load("graded_answers.yaml")
    assert len(first) >= 30
    assert {i["lang"] for i in first} == {"ko", "en"}
    assert {i["question"] for i in first} == set(CORE)


def test_answer_language_is_detected_as_labelled():
    for name in ("graded_answers.yaml", "graded_answers_heldout.yaml"):
        for item in _load(name):
            assert grading.detect_lang(item["answer"]) == item["lang"], item["id"]


def test_precision_and_recall_per_language(bank, capsys):
    figures, disagreements = measure(bank, _load("graded_answers.yaml"))
    _print("graded_answers.yaml (40 answers; the rubric was tuned on these):", figures,
           disagreements, capsys)
    assert set(figures) == {"ko", "en"}
    for lang, (precision, recall, *_rest) in figures.items():
        assert precision >= 0.9, (lang, precision)
        assert recall >= 0.9, (lang, recall)


def test_held_out_figures(bank, capsys):
    """Not tuned on: the floor is what the rubric measured when this set was written
    (en P 0.941 R 0.667, ko P 0.944 R 0.895), so a pattern change that loses ground fails
    here. Raise the floors when the rubric improves."""
    figures, disagreements = measure(bank, _load("graded_answers_heldout.yaml"))
    _print("graded_answers_heldout.yaml (24 answers, not tuned on):", figures, disagreements,
           capsys)
    floors = {"en": (0.94, 0.66), "ko": (0.94, 0.89)}
    for lang, (precision, recall, *_rest) in figures.items():
        assert precision >= floors[lang][0], (lang, precision)
        assert recall >= floors[lang][1], (lang, recall)


@pytest.mark.parametrize("qid", CORE)
@pytest.mark.parametrize("lang", ["ko", "en"])
def test_model_answer_covers_every_key_point(bank, qid, lang):
    q = bank.get(qid)
    g = grading.grade(q, q.answer[lang])
    assert g.missed == () and g.lang == lang and g.suggested_rating == 4


@pytest.mark.parametrize("qid", CORE)
@pytest.mark.parametrize("text", ["", "I don't know.", "잘 모르겠습니다.",
                                  "I would use a transformer with attention and a big dataset.",
                                  "파이썬으로 웹 서버를 만들고 데이터베이스에 저장합니다."])
def test_empty_or_off_topic_answers_cover_nothing(bank, qid, text):
    assert grading.grade(bank.get(qid), text).covered == ()


@pytest.mark.parametrize("text", ["Sigmoid saturates, so gradients vanish.",
                                  "Sigmoid's derivative is at most 0.25.",
                                  "시그모이드는 포화되어서 층이 깊어지면 기울기가 소실됩니다."])
def test_only_vanishing_gradient(bank, text):
    assert grading.grade(bank.get("relu-vs-sigmoid"), text).covered == ("vanishing-gradient",)


@pytest.mark.parametrize("text", [
    "vanishing gradient", "기울기 소실",
    # the grading issue's keyword list: names, not claims
    "I don't know, maybe something about vanishing gradients and sparsity and dying relu and "
    "He init and cheap compute and zero centered.",
    "기울기 소실, 희소성, dying relu, He 초기화, 연산 비용",
    # lists whose items carry words no claim uses (issue 10's "list interrupted" weak spot)
    "Reasons: vanishing gradient problem, sparse activations, computational efficiency, dying "
    "neurons.",
    "기울기 소실 해결, 희소한 활성화, 빠른 계산 속도, 죽은 뉴런 문제",
    "Keywords: sigmoid saturation, vanishing gradients, sparse outputs, cheap compute, AdamW",
    # negated claims
    "Sigmoid does not saturate, and its gradients don't vanish.",
])
def test_names_lists_and_negated_claims_cover_nothing(bank, text):
    assert grading.grade(bank.get("relu-vs-sigmoid"), text).covered == ()


@pytest.mark.parametrize("text", [
    "ReLU는 계산이 빠르고, 기울기 소실이 적고, 음수에서 0을 내서 희소합니다.",
    "Sigmoid saturates, so gradients vanish; ReLU is cheap, and it outputs exact zeros, which "
    "gives sparsity.",
])
def test_comma_separated_claims_are_not_a_keyword_list(bank, text):
    """Commas between clauses with verbs, a formula's commas inside brackets and Q/K/V are not
    list separators."""
    g = grading.grade(bank.get("relu-vs-sigmoid"), text)
    assert not g.keyword_list and {"sparsity", "compute-cost"} <= set(g.covered)


def test_brackets_and_short_slashes_do_not_make_a_list(bank):
    g = grading.grade(bank.get("he-init"), "수식: W∼N(0, 2/n_in) 또는 W∼Uniform(−√(6/n_in), √(6/n_in))")
    assert not g.keyword_list
    g = grading.grade(bank.get("kv-cache"), "When generating the next token, only compute Q/K/V "
                      "for the new token and attend to the cached K/V from previous tokens.")
    assert not g.keyword_list and "what" in g.covered


def test_the_issue_examples_are_graded_as_claims(bank):
    q = bank.get("relu-vs-sigmoid")
    g = grading.grade(q, "ReLU completely solves the vanishing gradient problem, so you never "
                         "need careful initialization.")
    assert g.covered == () and [m.key_point for m in g.misconceptions] == ["mitigates-not-abolishes"]
    g = grading.grade(bank.get("relu-not-differentiable"),
                      "ReLU is not differentiable at 0, so the subgradient at 0 is 0.5, autograd "
                      "approximates it.")
    assert "subgradient" not in g.covered


def test_blind_set_is_well_formed(bank):
    items = _load("graded_answers_blind.yaml")
    ids = [i["id"] for i in items]
    assert len(items) == 32 and len(ids) == len(set(ids))
    for item in items:
        q = bank.get(item["question"])
        assert item["question"] in CORE and item["lang"] in ("ko", "en", "mixed")
        assert set(item["covers"]) <= {kp.id for kp in q.key_points}, item["id"]


def test_blind_figures(bank, capsys):
    """The blind set was labelled by meaning: a wrong claim about a point does not cover it.
    Before reject patterns (misconceptions) the rubric measured en P 0.667 R 0.750, ko P 0.833
    R 0.952, mixed P 0.812 R 0.867: most false positives were the post's misconceptions stated
    with the right keywords. The floors are what it measured after the reject patterns of the
    four core questions were written from post-errata.md (not from these answers): en P 0.783
    R 0.750, ko P 0.909 R 0.952, mixed P 0.812 R 0.867. Then 140 paraphrase patterns were
    added from general knowledge of how candidates talk, without opening this file, and it was
    measured once: en P 0.828 R 1.000, ko and mixed unchanged. Raise them when the rubric
    improves; write a fresh blind set before tuning on this one."""
    figures, _disagreements = measure(bank, _load("graded_answers_blind.yaml"))
    # the disagreements are not printed: nobody tunes patterns on the blind answers
    _print("graded_answers_blind.yaml (32 answers, blind; per-language figures only):", figures,
           [], capsys)
    assert set(figures) == {"en", "ko", "mixed"}
    # claim rubrics (issue 10), measured once after the conversion: en P 0.821 R 0.958, ko P 0.952
    # R 0.952, mixed P 0.882 R 1.000
    floors = {"en": (0.82, 0.95), "ko": (0.95, 0.95), "mixed": (0.88, 1.0)}
    for lang, (precision, recall, *_rest) in figures.items():
        assert precision >= floors[lang][0], (lang, precision)
        assert recall >= floors[lang][1], (lang, recall)


def test_korean_bare_an_before_a_verb_negates_the_noun_before_it():
    """"초기화는 신경 안 써도 된다" (no need to care about initialization) is pre-verbal
    negation of the noun phrase: it does not say that initialization matters. But 거의 안 (barely)
    and 0.25밖에 안 (only) are not negations."""
    from quizcli.grading.claims import analyse, parse_claim, find_claim
    from quizcli.grading.lexicon import Lexicon
    from quizcli.textmatch import normalize

    lex = Lexicon({"init": {"ko": ["초기화"]}, "matters": {"ko": ["신경", "중요"]},
                   "gradient": {"ko": ["기울기"]}, "vanish": {"ko": ["사라지"]}})

    def holds(claim, text):
        return find_claim(parse_claim(claim), analyse([normalize(text)], lex)) is not None

    assert holds("init + matters", "초기화는 신경 써야 합니다.")
    assert not holds("init + matters", "초기화는 신경 안 써도 됩니다.")
    assert not holds("init + matters", "초기화는 신경 못 씁니다.")
    assert holds("init + matters", "초기화는 거의 안 바뀌어도 신경 써야 합니다.")
    # 안 directly before a concept negates that concept, not the subject before it
    assert holds("gradient + !vanish", "기울기가 안 사라집니다.")
    assert not holds("gradient + vanish", "기울기가 안 사라집니다.")


def test_a_clause_that_refers_back_takes_one_slot_from_the_clause_before():
    """"Sigmoid saturates. This makes the gradients vanish.": the second sentence's subject is
    the first one's claim. One slot may come from the clause before when the clause starts with
    a pronoun or a consequence marker (it, this, so, 그래서, 이 때문에); never two slots, never
    for a misconception, never without such a marker."""
    from quizcli.grading.claims import analyse, parse_claim, find_claim
    from quizcli.grading.lexicon import Lexicon
    from quizcli.textmatch import normalize

    lex = Lexicon({"sigmoid": {"en": ["sigmoid"], "ko": ["시그모이드"]},
                   "saturate": {"en": ["saturat"], "ko": ["포화"]},
                   "gradient": {"en": ["gradient"], "ko": ["기울기"]},
                   "vanish": {"en": ["vanish"], "ko": ["소실"]}})

    def hit(claim, text, strict=False):
        return find_claim(parse_claim(claim), analyse([normalize(text)], lex), strict=strict)

    for text in ("Sigmoid saturates. This makes the gradients vanish.",
                 "Sigmoid saturates, so the gradients vanish.",
                 "시그모이드는 포화됩니다. 그래서 기울기가 소실됩니다.",
                 "시그모이드는 포화됩니다. 이 때문에 기울기가 소실됩니다."):
        h = hit("saturate + gradient + vanish", text)
        assert h is not None, text
        assert len(h.phrases) == 3
    assert hit("saturate + gradient + vanish", "Sigmoid saturates. The gradients vanish.") is None
    assert hit("sigmoid + saturate + gradient + vanish",
               "Sigmoid is old. This makes the gradients vanish.") is None
    assert hit("saturate + gradient + vanish",
               "Sigmoid saturates. This makes the gradients vanish.", strict=True) is None
    # the clause before must state it: a negated one lends nothing
    assert hit("saturate + gradient + vanish",
               "Sigmoid does not saturate. This makes the gradients vanish.") is None


@pytest.mark.parametrize("name, size", [("graded_answers_blind2.yaml", 159),
                                        ("graded_answers_blind3.yaml", 169),
                                        ("graded_answers_blind4.yaml", 172)])
def test_blind_sets_are_well_formed(bank, name, size):
    """Frozen sets: their size, unique ids, real answers with a source, labels that name the
    question's own key points (never one point both covered and contradicted), and a split
    that gives each half both languages."""
    items = _load(name)
    assert len(items) == size and len({i["id"] for i in items}) == size
    halves = {"tune": set(), "held": set()}
    for item in items:
        ids = {kp.id for kp in bank.get(item["question"]).key_points}
        covers, contradicts = set(item["covers"]), set(item["contradicts"])
        assert covers <= ids and contradicts <= ids and not covers & contradicts, item["id"]
        assert item["lang"] in ("ko", "en") and item["answer"].strip(), item["id"]
        assert item["source"] and (item["style"] != "real" or item["source"] != "imitation")
        halves[item["split"]].add(item["lang"])
    assert halves == {"tune": {"ko", "en"}, "held": {"ko", "en"}}


def test_sentence_and_clause_edges_found_by_the_blind3_tuners():
    """"w.r.t." does not end a sentence; "-지만," with a comma still ends a clause; a bullet line
    "- So …" / "- 즉, …" refers back like a sentence that starts with "So"."""
    from quizcli.grading.claims import analyse, split_clauses, split_sentences, _n
    from quizcli.grading.lexicon import Lexicon
    from quizcli.textmatch import normalize

    assert split_sentences(["the gradient w.r.t. the weights is small. then"]) == [
        "the gradient w.r.t. the weights is small.", "then"]
    assert len(split_clauses(_n("l2는 볼록하지만, 0으로 만들지는 않는다"))) == 2
    lex = Lexicon({"sigmoid": {"en": ["sigmoid"]}, "gradient": {"en": ["gradient"]}})
    clauses = analyse([normalize("- Sigmoid saturates"), normalize("- So the gradient fades")], lex)
    assert clauses[1].antecedent is clauses[0]


def test_korean_reading_edges_found_by_the_paraphrase_tuners():
    """Two bare names are a list; a negation reaches past 효과는/-지는; a denial ("…라는 건 틀린
    말이에요") is not the candidate's claim, but "착각하면 안 되고" (do not confuse) is; 근데 starts
    a new clause."""
    from quizcli.grading.claims import analyse, parse_claim, find_claim, split_clauses, _n
    from quizcli.grading.lexicon import Lexicon
    from quizcli.textmatch import normalize

    lex = Lexicon({"xor": {"en": ["xor"]}, "uat": {"ko": ["보편 근사"]},
                   "relu": {"en": ["relu"], "ko": ["렐루"]}, "sparse": {"ko": ["희소"]},
                   "zero": {"ko": ["0으로"]}, "pull": {"ko": ["당기"]},
                   "training-error": {"en": ["training error"]}, "low": {"en": ["low"]}})

    def read(text):
        return analyse([normalize(text)], lex)

    assert read("XOR, 보편 근사 정리.")[0].listed
    assert not read("Training error low, validation error high.")[0].listed
    c = read("0으로 당기는 효과는 없지만 빠르다")[0]
    assert {o.text for i, o in enumerate(c.occurrences) if i in c.negated} == {_n("당기")}
    assert find_claim(parse_claim("relu + sparse"), read("렐루가 희소하다는 건 틀린 말이에요.")) is None
    assert find_claim(parse_claim("relu + sparse"), read("렐루는 희소하다는 점을 착각하면 안 됩니다.")) is not None
    assert len(split_clauses(_n("렐루는 희소합니다 근데 느려요"))) == 2


def _rival_lexicon():
    from quizcli.grading.lexicon import Lexicon

    return Lexicon({
        "l1": {"en": ["l1"], "ko": ["l1"], "contrast": ["l2"]},
        "l2": {"en": ["l2"], "ko": ["l2"]},
        "laplace": {"en": ["laplace"], "ko": ["라플라스"]},
        "sparse": {"en": ["sparse", "exactly zero"], "ko": ["희소", "정확히 0"]},
        "prior": {"en": ["prior"], "ko": ["prior", "사전 분포"]},
        "sigmoid": {"en": ["sigmoid"], "ko": ["sigmoid"], "contrast": ["tanh"]},
        "tanh": {"en": ["tanh"], "ko": ["tanh"]},
        "zero-centred": {"en": ["zero-centred", "zero-centered"], "ko": ["zero-centered"]},
        "high": {"en": ["high"], "ko": ["높"]},
        "training-error": {"en": ["training loss"], "ko": ["학습 손실"], "contrast": ["validation-error"]},
        "validation-error": {"en": ["validation loss"], "ko": ["검증 손실"]},
    })


def _holds(lex, claim, text, strict=False):
    from quizcli.grading.claims import analyse, find_claim, parse_claim
    from quizcli.textmatch import normalize

    lines = [normalize(line) for line in text.splitlines() if line.strip()]
    return find_claim(parse_claim(claim), analyse(lines, lex), strict=strict,
                      rivals=lex.contrast) is not None


def test_rival_subjects_own_what_follows_them():
    """Swapped statements in one clause are not credited ("L2 is Laplace and L1 …"): with
    `contrast:` in the lexicon, a predicate belongs to the nearest subject before it."""
    lex = _rival_lexicon()
    assert lex.contrast["l2"] == {"l1"}  # declared on one side, symmetric
    assert _holds(lex, "l1 + laplace + prior", "L1 corresponds to a Laplace prior and L2 to a Gaussian prior.")
    assert not _holds(lex, "l1 + laplace + prior", "L2 corresponds to a Laplace prior and L1 to a Gaussian prior.")
    assert not _holds(lex, "l1 + laplace", "L2는 라플라스 prior, L1은 가우시안 prior에 해당합니다.")
    assert _holds(lex, "l1 + laplace", "L1은 라플라스 prior, L2는 가우시안 prior에 해당합니다.")
    # a misconception is not found in a correct answer that names both
    assert not _holds(lex, "l2 + sparse", "L1 gives sparse weights and L2 just small weights.", strict=True)
    assert _holds(lex, "l2 + sparse", "L2 gives sparse weights.", strict=True)
    # the thing compared with is no subject; coordinated subjects share the predicate
    assert _holds(lex, "tanh + zero-centred", "Unlike sigmoid, tanh is zero-centred.")
    assert _holds(lex, "tanh + zero-centred", "Compared with sigmoid, tanh is zero-centred.")
    assert _holds(lex, "tanh + zero-centred", "sigmoid와 달리 tanh는 zero-centered입니다.")
    assert not _holds(lex, "sigmoid + zero-centred", "Tanh is zero-centred, sigmoid is not.")
    assert _holds(lex, "training-error + high", "The training loss and the validation loss are both high.")
    # a subject attached after its predicate by a preposition owns it
    assert _holds(lex, "l1 + sparse", "L2 is smooth and weights become exactly zero with L1.")
    assert not _holds(lex, "l1 + sparse", "L2 makes weights exactly zero and L1 does not.")
    # without the table the same engine credits the swap: the rule, not the claims, decides
    from quizcli.grading.lexicon import Lexicon
    plain = Lexicon({k: {lang: lex.concepts[k][lang] for lang in ("en", "ko")} for k in lex.concepts})
    assert _holds(plain, "l1 + laplace + prior", "L2 corresponds to a Laplace prior and L1 to a Gaussian prior.")


def test_a_clause_with_a_rival_subject_does_not_borrow_the_subject_before():
    lex = _rival_lexicon()
    assert _holds(lex, "l1 + sparse", "L1 penalises absolute values. So it makes weights exactly zero.")
    assert not _holds(lex, "l1 + sparse", "L1 shrinks weights a little, while L2 makes them exactly zero.")


def test_lines_under_a_heading_are_about_it():
    """Study notes: a numbered or colon-ended short line is the subject of the lines under it."""
    lex = _rival_lexicon()
    notes = "1. L2 Regularization (Ridge)\n- 가중치를 작게 만든다.\n2. L1 Regularization (Lasso)\n- 가중치를 정확히 0으로 만든다."
    assert _holds(lex, "l1 + sparse", notes)
    assert not _holds(lex, "l2 + sparse", notes, strict=True)
    assert _holds(lex, "l1 + sparse", "L1:\n- many weights become exactly zero")
    # a heading lends to the lines under it only: not to a line before it, and a rival's
    # heading takes over
    assert not _holds(lex, "l1 + sparse", "- many weights become exactly zero\nL1:")
    assert not _holds(lex, "l1 + sparse", "L1:\n- a penalty\nL2:\n- many weights become exactly zero")
    # a long line ending in a colon is a sentence, not a heading
    assert not _holds(lex, "l1 + sparse", "Here is what I remember about l1 and regularization in general:\n"
                                          "- many weights become exactly zero")


def test_rarely_and_seldom_negate():
    lex = _rival_lexicon()
    assert not _holds(lex, "l2 + sparse", "L2 shrinks weights but rarely makes them exactly zero.", strict=True)
    assert not _holds(lex, "l2 + sparse", "L2 seldom gives sparse weights.")


def test_a_sentence_corrected_by_the_next_is_not_the_candidates_claim():
    lex = _rival_lexicon()
    assert not _holds(lex, "l1 + laplace", "I read that L1 is a Laplace prior. But actually that's not true.")
    assert not _holds(lex, "l1 + laplace", "L1은 라플라스 prior라고 이해했습니다. 하지만 실제로는 그렇지 않다고 합니다.")
    # "but in practice" that adds a point, and "actually" without a contrast word, correct nothing
    assert _holds(lex, "l1 + laplace", "L1은 라플라스 prior입니다. 근데 실제로는 L2를 더 많이 써요.")
    assert _holds(lex, "l1 + laplace", "L1 is a Laplace prior. Actually that is why it gives sparse weights.")
