"""English cases for the misses fixed on the tune half of blind set 4 (issue 10): for each
fix, answers of our own that state the key point in other words (and must be credited) and
near-misses that must not be (a bare keyword, the negated or swapped claim). Written by
meaning, not copied from the blind answers, so that a fix which only learned one sentence
fails here."""

from __future__ import annotations

import pytest

from quizcli import grading
from quizcli.bank.loader import load_bank


@pytest.fixture(scope="module")
def bank():
    return load_bank()


def _grade(bank, qid, text):
    return grading.grade(bank.get(qid), text, lexicon=bank.lexicon)


CASES = [
    # depth without non-linearity adds nothing: "buys you nothing" and its family
    ("why-nonlinearity", "depth-useless",
     "Take the activations away and extra layers buy you nothing at all.", True),
    ("why-nonlinearity", "depth-useless",
     "With purely linear units, going deeper gives you nothing new: stacking layers brings no extra power.", True),
    ("why-nonlinearity", "depth-useless",
     "Depth is what buys you expressive power in a network.", False),
    # "preventing it from reaching zero": an end state kept out of reach is negated
    ("l1-vs-l2", "l2-proportional",
     "The L2 pull shrinks as the weight gets small, which keeps it from ever becoming exactly zero.", True),
    ("l1-vs-l2", "l2-proportional",
     "Under L2 the shrinkage weakens near the origin, which stops the weights from hitting exactly zero.", True),
    ("l1-vs-l2", "l2-proportional",
     "L2 regularization drives most weights to exactly zero.", False),
    # a bullet under a line that introduces it with a colon takes one slot from that line
    ("batch-normalization", "mechanics",
     "Batch norm normalizes every layer's inputs with:\n"
     "- the mean over the mini-batch\n- the variance over the mini-batch", True),
    ("batch-normalization", "mechanics",
     "Here is how the normalization step works:\n"
     "- compute the average and the variance of each feature across the current mini-batch\n"
     "- subtract and divide, then scale by gamma and shift by beta", True),
    ("batch-normalization", "mechanics",
     "Things I remember:\n- the mean\n- mini-batch\n- it helps training", False),
    ("batch-normalization", "mechanics",
     "What I know about batch normalization in general:\n- each mini-batch has a mean", False),
    # AdaGrad: rare features move a lot (said as movement, not as "learning rate")
    ("rmsprop-adagrad", "sparse-features",
     "Weights tied to rare words get much larger updates when they finally show up.", True),
    ("rmsprop-adagrad", "sparse-features",
     "A sparse feature that is seldom seen moves a lot whenever its gradient is non-zero.", True),
    ("rmsprop-adagrad", "sparse-features",
     "Frequent features move aggressively while the others barely change.", False),
    # AdaGrad: each parameter's rate comes from its own gradient history
    ("rmsprop-adagrad", "per-parameter-scaling",
     "AdaGrad sets the step of every weight from the history of its gradients.", True),
    ("rmsprop-adagrad", "per-parameter-scaling",
     "In AdaGrad every parameter's learning rate is shaped by its own past gradients.", True),
    ("rmsprop-adagrad", "per-parameter-scaling",
     "AdaGrad updates each parameter with the gradient.", False),
    # RMSprop: a decaying average instead of AdaGrad's sum, without naming RMSprop again
    ("rmsprop-adagrad", "rmsprop-ema",
     "RMSprop fixes that.\nIt keeps an exponentially weighted average of squared gradients rather than the running sum.", True),
    ("rmsprop-adagrad", "rmsprop-ema",
     "The fix: take a moving average of the squared gradients instead of accumulating them forever.", True),
    ("rmsprop-adagrad", "rmsprop-ema",
     "AdaGrad keeps the sum of squared gradients, not a moving average.", False),
    # MSE's gradient carries sigma prime, spelled out in words
    ("cross-entropy-vs-mse", "mse-vanishes",
     "With MSE the gradient picks up a sigmoid derivative factor, and that is tiny once the unit saturates.", True),
    ("cross-entropy-vs-mse", "mse-vanishes",
     "The MSE gradient is scaled by sigma prime, so a saturated wrong output barely learns.", True),
    ("cross-entropy-vs-mse", "mse-vanishes",
     "MSE is for regression and the sigmoid is for classification.", False),
]


@pytest.mark.parametrize("qid, point, text, expected", CASES)
def test_blind4_en_class(bank, qid, point, text, expected):
    assert (point in _grade(bank, qid, text).covered) is expected
