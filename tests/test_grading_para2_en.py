"""English paraphrases and misconceptions of the activation / gradient-flow questions (issue 10,
dev set para2-en): sentences written by meaning, not copied from the model answers, each with the
key point an examiner would credit (or the misconception it states). Each case names one point,
so a lexicon form or claim that stops matching, or starts crediting a wrong claim, fails here."""

from __future__ import annotations

import pytest

from quizcli import grading



def _grade(bank, qid, text):
    return grading.grade(bank.get(qid), text, lexicon=bank.lexicon)


COVERED = [
    ("relu-not-differentiable", "subgradient",
     "But backprop only needs a subgradient, and any number between 0 and 1 is a valid one."),
    ("relu-not-differentiable", "measure-zero",
     "You basically never land exactly on zero with real numbers, so whatever you pick doesn't matter."),
    ("exploding-gradients-clipping", "norm-vs-value",
     "Clipping every entry on its own messes up the direction of the gradient."),
    ("exploding-gradients-clipping", "clip-by-norm",
     "If the norm exceeds the max, divide the gradient by its norm and multiply by the max."),
    ("softmax-vs-sigmoid-output", "softmax-exclusive",
     "Softmax if it's one out of many, like picking which digit it is."),
    ("leaky-relu", "definition", "Leaky ReLU is f(x) = x when x > 0 and 0.01x otherwise."),
    ("zero-initialization", "symmetry",
     "With any constant every neuron stays a copy of the others forever."),
    ("lstm-gating", "additive-cell-state",
     "The LSTM has this separate memory line where stuff just gets added on."),
    ("why-nonlinearity", "linear-collapse",
     "Without activations, the whole network is just one big matrix multiplication."),
    ("why-nonlinearity", "depth-useless",
     "Those matrices multiply out into one matrix, so a hundred layers is the same as one."),
    ("he-init", "variance-formula", "He init draws weights with a variance of 2 divided by fan_in."),
    ("rnn-vanishing-gradients", "long-term-dependencies",
     "The model kind of forgets what happened early in the sequence."),
    ("sigmoid-derivative-bound-depth", "derivative-formula",
     "The derivative is sigma times one minus sigma."),
    ("softmax-numerical-stability", "subtract-max", "Take the max out first, then exp."),
    ("softmax-numerical-stability", "shift-invariance",
     "Softmax doesn't change if you shift all the logits by the same amount."),
    ("softmax-cross-entropy-gradient", "result", "What's left is p minus y."),
    ("elu", "negative-saturation",
     "The negative part curves smoothly down towards minus one instead of being flat at zero."),
    ("detect-vanishing-gradients", "update-ratio",
     "Compare how big each update is relative to the weights."),
]


@pytest.mark.parametrize("qid, point, text", COVERED)
def test_paraphrase_covers_its_point(bank, qid, point, text):
    assert point in _grade(bank, qid, text).covered


MISCONCEPTIONS = [
    ("dying-relu-detect", "measure-activation-rate",
     "Just run a single batch and count the fraction of neurons that output zero."),
    ("softmax-cross-entropy-gradient", "softmax-jacobian",
     "The softmax Jacobian is diagonal, so you can differentiate element by element."),
    ("rnn-vanishing-gradients", "spectral-condition",
     "If the largest eigenvalue of the weight matrix is greater than 1 the gradient vanishes."),
    ("softmax-numerical-stability", "shift-invariance",
     "Subtracting the max would change the probabilities."),
    ("detect-vanishing-gradients", "per-layer-grad-norms",
     "Just check that the gradient of the last layer isn't zero."),
    ("relu-vs-sigmoid", "vanishing-gradient",
     "Sigmoid's derivative is at least 0.25 everywhere, so it's not a problem."),
    ("zero-initialization", "symmetry",
     "Zero init is fine with Adam, because Adam's per-parameter learning rates break the symmetry."),
    ("lstm-gating", "sigmoid-gates", "The LSTM gates use tanh to output values between 0 and 1."),
    ("softmax-vs-sigmoid-output", "sigmoid-independent",
     "For multi-label classification you should use softmax, because the probabilities sum to one."),
]


@pytest.mark.parametrize("qid, point, text", MISCONCEPTIONS)
def test_wrong_claim_is_flagged_not_credited(bank, qid, point, text):
    g = _grade(bank, qid, text)
    assert point in [m.key_point for m in g.misconceptions]
    assert point not in g.covered


NOT_COVERED = [
    # a wrong claim, or a sentence about something else, that uses the point's words
    ("exploding-gradients-clipping", "clip-by-norm",
     "You clip each gradient element to [-c, c], which keeps the direction the same."),
    ("exploding-gradients-clipping", "norm-vs-value",
     "You notice it when the loss jumps, and usually the logged gradient norm shoots up."),
    ("leaky-relu", "no-exact-zeros", "Leaky ReLU is a variant that doesn't zero out negative inputs."),
    ("lstm-gating", "forget-gate-derivative",
     "LSTMs completely solve vanishing gradients because the forget gate is always 1."),
    ("relu-vs-sigmoid", "compute-cost", "ReLU is popular because it trains faster than sigmoid."),
    ("why-nonlinearity", "universal-approximation",
     "Any nonlinear function works, even x squared, and deeper networks are better."),
    ("elu", "cost-and-variants",
     "Its gradient on the negative side is never exactly zero, so units rarely die."),
    ("elu", "definition", "ELU is slower than ReLU because of the exponential."),
]


@pytest.mark.parametrize("qid, point, text", NOT_COVERED)
def test_words_without_the_claim_do_not_cover(bank, qid, point, text):
    assert point not in _grade(bank, qid, text).covered
