"""Round-2 English tuning (issue 10): for each class of miss found on the released held halves
of blind sets 2 and 3, two or more paraphrases of our own that must be credited and near-misses
(a bare keyword, a negated or swapped claim) that must not. Graded against the built-in bank
and lexicon, so a case fails when a form or claim it relies on goes away."""

from __future__ import annotations

import pytest

from quizcli import grading
from quizcli.bank.loader import load_bank


@pytest.fixture(scope="module")
def bank():
    return load_bank()


# (question id, answer, key point, covered?)
CASES = [
    # why-nonlinearity/linear-collapse: "without activations, stacked linear layers learn a linear function"
    ("why-nonlinearity", "If you drop the activations, a deep stack of dense layers only learns a linear function of its input.", "linear-collapse", True),
    ("why-nonlinearity", "Without any non-linear activation between them, ten linear layers give you a linear map, no better than one.", "linear-collapse", True),
    ("why-nonlinearity", "Stacking more linear layers increases the model's expressive power.", "linear-collapse", False),
    ("why-nonlinearity", "If we don't use activation functions the network runs faster.", "linear-collapse", False),
    # early-stopping/procedure: stop where the validation error is lowest
    ("early-stopping", "You halt training at the epoch where the loss on the validation set bottoms out.", "procedure", True),
    ("early-stopping", "Keep the weights from the point where held-out loss reached its minimum and stop there.", "procedure", True),
    ("early-stopping", "Stop training when the training error is at its minimum.", "procedure", False),
    # early-stopping/why-regularizes: denying that it limits capacity is a misconception
    ("early-stopping", "Stopping early limits the effective capacity because the weights cannot travel far from their initialization.", "why-regularizes", True),
    ("early-stopping", "Early stopping acts as a regularizer: the weights don't get far from init, which limits capacity.", "why-regularizes", True),
    ("early-stopping", "Early stopping does not restrict capacity at all; it is only about compute, you stop when you are bored.", "why-regularizes", False),
]

# (question id, answer, key point whose misconception must be reported)
MISCONCEPTIONS = [
    ("early-stopping", "Early stopping does not restrict capacity at all; it is only about compute.", "why-regularizes"),
    ("early-stopping", "Early stopping isn't regularization, just a way to save GPU hours.", "why-regularizes"),
]


@pytest.mark.parametrize("qid, answer, point, covered", CASES)
def test_round2_case(bank, qid, answer, point, covered):
    got = grading.grade(bank.get(qid), answer, lexicon=bank.lexicon).covered
    assert (point in got) is covered, got


@pytest.mark.parametrize("qid, answer, point", MISCONCEPTIONS)
def test_round2_misconception(bank, qid, answer, point):
    g = grading.grade(bank.get(qid), answer, lexicon=bank.lexicon)
    assert point in [m.key_point for m in g.misconceptions]
    assert point not in g.covered
