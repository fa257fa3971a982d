"""English cases for the misses fixed on the tune half of blind set 4 (issue 10): for each
fix, answers of our own that state the key point in other words (and must be credited) and
near-misses that must not be (a bare keyword, the negated or swapped claim). Written by
meaning, not copied from the blind answers, so that a fix which only learned one sentence
fails here."""

from __future__ import annotations

import pytest

from quizcli import grading



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
    # "X was not the issue / to blame" negates X; "struggled to learn" negates learn
    ("residual-connections", "degradation",
     "Adding layers to a plain net raised its training error, and overfitting was not the cause.", True),
    ("residual-connections", "degradation",
     "A 56-layer plain network trained worse than a 20-layer one; overfitting is not to blame, since even training accuracy dropped.", True),
    ("residual-connections", "degradation",
     "Deeper plain networks got worse because they overfit the training data.", False),
    ("residual-connections", "residual-form",
     "Plain deep stacks struggle to learn even an identity mapping.", False),
    ("residual-connections", "residual-form",
     "The block learns only a residual F(x) and adds the input back, so the identity is easy.", True),
    # early stopping: the validation loss rising / getting worse is the signal to stop
    ("early-stopping", "procedure",
     "As soon as the loss on held-out data starts creeping up, you halt and keep the earlier weights.", True),
    ("early-stopping", "procedure",
     "When validation error gets worse for a few epochs in a row, training is stopped.", True),
    ("early-stopping", "procedure", "Training loss rises, so you stop.", False),
    ("early-stopping", "procedure", "The validation loss rises but you keep training anyway.", False),
    # one-hot vectors: all equally far apart
    ("embeddings", "one-hot-limits",
     "Every pair of words sits at the same distance apart, so cat is as far from dog as from car.", True),
    ("embeddings", "one-hot-limits",
     "With that encoding all the vectors are equally far apart and perpendicular, which says nothing about meaning.", True),
    ("embeddings", "one-hot-limits", "In an embedding space the vectors are all equally far apart.", False),
    ("embeddings", "one-hot-limits", "Similar words end up close and different words far apart.", False),
    # the scaled dot-product formula states the scores
    ("self-attention-qkv", "scores", "The weights are softmax(Q Kᵀ / sqrt(d)), one row per query.", True),
    ("self-attention-qkv", "scores", "out = softmax(QK^T/√d_k) · V", True),
    ("self-attention-qkv", "scores", "You apply a softmax to the values.", False),
    # fine-tuning: a low learning rate; the new layers on top; general features carry over
    ("transfer-learning-fine-tuning", "small-lr-head-first",
     "When you unfreeze the backbone, use a much lower learning rate than from scratch.", True),
    ("transfer-learning-fine-tuning", "small-lr-head-first",
     "Fine-tune the whole thing with a low LR so the pretrained features survive.", True),
    ("transfer-learning-fine-tuning", "small-lr-head-first",
     "Fine-tuning needs a learning rate of its own.", False),
    ("transfer-learning-fine-tuning", "data-and-domain",
     "With only a few hundred images, freeze the pretrained network and fit just the new top layers.", True),
    ("transfer-learning-fine-tuning", "general-to-specific",
     "Edge and texture detectors carry over to almost any vision task.", True),
    ("transfer-learning-fine-tuning", "general-to-specific",
     "Generic low-level features transfer well between tasks.", True),
    ("transfer-learning-fine-tuning", "general-to-specific",
     "High-level features transfer well to any task.", False),
    # imbalance: accuracy is the wrong yardstick
    ("class-imbalance", "metrics-first",
     "With 99% negatives, plain accuracy is a poor indicator of how good the model is.", True),
    ("class-imbalance", "metrics-first",
     "Accuracy can't be trusted when one class dominates.", True),
    ("class-imbalance", "metrics-first", "Accuracy is the right metric here.", False),
    ("class-imbalance", "metrics-first", "Accuracy isn't a bad metric for balanced data.", False),
    # a comma splice with a new pronoun subject is a clause of its own (so the denominator in
    # the second half no longer voids the first half's claim), not after an if-clause
    ("softmax-numerical-stability", "subtract-max",
     "Shift the logits down by their maximum, this doesn't change the output because numerator and denominator scale alike.", True),
    ("softmax-numerical-stability", "subtract-max",
     "Subtract the max before exponentiating, it is harmless since the factor cancels between numerator and denominator.", True),
    ("softmax-numerical-stability", "subtract-max",
     "Subtract the max from the denominator only, it keeps the sum small.", False),
    # softmax's shift invariance as an identity
    ("softmax-numerical-stability", "shift-invariance",
     "Note that softmax(x) = softmax(x - c) for any constant c.", True),
    ("softmax-numerical-stability", "shift-invariance",
     "Because softmax(z) = softmax(z − max z), nothing changes.", True),
    ("softmax-numerical-stability", "shift-invariance", "softmax(z) = exp(z) / sum(exp(z))", False),
    # mini-batches: vectorised, so faster than one-example SGD
    ("sgd-minibatch-vs-batch", "updates-and-hardware",
     "Compared with pure SGD, a batch of 64 can be vectorized on the GPU, so each epoch runs much faster.", True),
    ("sgd-minibatch-vs-batch", "updates-and-hardware",
     "Unlike single-sample SGD, it exploits parallel hardware efficiently.", True),
    ("sgd-minibatch-vs-batch", "updates-and-hardware", "Mini-batches are faster than SGD.", False),
    # the parts of one thing named in a row are no keyword list: W_Q, W_K, W_V
    ("self-attention-qkv", "projections",
     "Each token's embedding is multiplied by three weight matrices (W_Q, W_K, W_V, all learned).", True),
    ("self-attention-qkv", "projections",
     "The input goes through W_Q, W_K and W_V, which are learned like any other weights.", True),
    ("self-attention-qkv", "projections", "W_Q, W_K, W_V.", False),
    ("self-attention-qkv", "projections", "Query, key, value, softmax, learned.", False),
    ("residual-connections", "degradation",
     "Stacking more layers on a plain net raised the training error, and overfitting has nothing to do with it.", True),
    ("residual-connections", "degradation",
     "The 56-layer plain net had worse training error than the 20-layer one, so overfitting is ruled out.", True),
    ("early-stopping", "procedure",
     "With the rise of large models people stop using a validation set.", False),
    ("early-stopping", "procedure",
     "Problems arise when we stop on the validation set.", False),
]


@pytest.mark.parametrize("qid, point, text, expected", CASES)
def test_blind4_en_class(bank, qid, point, text, expected):
    assert (point in _grade(bank, qid, text).covered) is expected


@pytest.mark.parametrize("sentence, parts", [
    ("subtract the max, it doesn't change the result", 2),
    ("scale the inputs, this keeps them in range", 2),
    ("if a unit only gets negative inputs, it does nothing", 1),
    ("when the loss rises, it is time to stop", 1),
    ("weights that it does not use, and so on", 1),
])
def test_comma_splice_starts_a_clause(sentence, parts):
    from quizcli.grading.claims import _n, split_clauses

    assert len(split_clauses(_n(sentence))) == parts
