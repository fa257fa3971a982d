"""Round-2 English tuning (issue 10): for each class of miss found on the released held halves
of blind sets 2 and 3, two or more paraphrases of our own that must be credited and near-misses
(a bare keyword, a negated or swapped claim) that must not. Graded against the built-in bank
and lexicon, so a case fails when a form or claim it relies on goes away."""

from __future__ import annotations

import pytest

from quizcli import grading



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
    # adam-optimizer/two-moments: "first- and second-order moments/momentums"
    ("adam-optimizer", "Adam keeps first- and second-order moment estimates of the gradient.", "two-moments", True),
    ("adam-optimizer", "It combines the 1st and 2nd order momentums of the gradients.", "two-moments", True),
    ("adam-optimizer", "Adam uses second-order derivatives of the loss.", "two-moments", False),
    # dropout/mechanism: "turns off each neuron with probability p"
    ("dropout", "At every step each unit is switched off at random with probability p.", "mechanism", True),
    ("dropout", "During training every neuron is turned off with a probability of 0.5.", "mechanism", True),
    ("dropout", "Dropout switches off the whole layer at test time.", "mechanism", False),
    # class-imbalance/resampling: over/undersample or reweight sampling so the data is balanced
    ("class-imbalance", "Use a WeightedRandomSampler so each batch is roughly balanced between the classes.", "resampling", True),
    ("class-imbalance", "You can undersample the big class until you have a balanced dataset.", "resampling", True),
    ("class-imbalance", "Oversampling, undersampling, balanced data.", "resampling", False),
    ("class-imbalance", "A balanced dataset is easier to learn from.", "resampling", False),
    # gru-vs-lstm: no output gate / no cell state; the update gate decides keep vs let in
    ("gru-vs-lstm", "A GRU has no output gate and no separate cell state; the hidden state is exposed directly.", "two-gates", True),
    ("gru-vs-lstm", "GRUs don't have a cell state, only the hidden state.", "two-gates", True),
    ("gru-vs-lstm", "The GRU has an output gate like the LSTM.", "two-gates", False),
    ("gru-vs-lstm", "The update gate determines both how much information to keep from the last state and how much to let in.", "interpolation", True),
    ("gru-vs-lstm", "In a GRU the update gate z_t controls how much of the previous hidden state is kept and how much of the candidate is written.", "interpolation", True),
    ("gru-vs-lstm", "The update gate is a sigmoid.", "interpolation", False),
    # self-attention-qkv/projections: Q, K, V come from the input through learned linear maps
    ("self-attention-qkv", "The queries, keys and values come from multiplying each token embedding by three learned weight matrices.", "projections", True),
    ("self-attention-qkv", "Each input vector goes through a separate linear layer to produce its query, its key and its value.", "projections", True),
    ("self-attention-qkv", "The output of attention goes through a linear layer.", "projections", False),
    # transfer-learning-fine-tuning/small-lr-head-first: the pretrained part gets a small learning rate
    ("transfer-learning-fine-tuning", "Train the pretrained backbone with a learning rate ten times smaller than the one you use for the new layers.", "small-lr-head-first", True),
    ("transfer-learning-fine-tuning", "The pre-trained weights should only be nudged, so use a low learning rate for them.", "small-lr-head-first", True),
    ("transfer-learning-fine-tuning", "Use a smaller learning rate when the dataset is small.", "small-lr-head-first", False),
    # residual-connections/residual-form: the block's equation written out
    ("residual-connections", "Each block outputs y = F(x) + x, so the stacked layers only have to model the residual F.", "residual-form", True),
    ("residual-connections", "A ResNet block computes x_{l+1} = x_l + F(x_l, W_l).", "residual-form", True),
    ("residual-connections", "y = F(x) + b in a normal block, ResNet adds skip connections.", "residual-form", False),
    ("residual-connections", "ResNets use skip connections.", "residual-form", False),
    # train-val-test-split/cross-validation: the k-fold procedure without the name
    ("train-val-test-split", "Split the data into k equal parts, train on k-1 of them and validate on the remaining one, then average the k scores.", "cross-validation", True),
    ("train-val-test-split", "You rotate which chunk is held out: train on the other folds, evaluate on the held-out fold.", "cross-validation", True),
    ("train-val-test-split", "Train on the training set and test on the test set, five folds.", "cross-validation", False),
    ("train-val-test-split", "We train the model and evaluate on the test set, the rest is validation.", "cross-validation", False),
    # causal-masking/no-leak: the future is hidden, so nothing leaks
    ("causal-masking", "Because the later positions are masked out, no information from the future can leak into the prediction.", "no-leak", True),
    ("causal-masking", "Future tokens are blocked, so the model cannot peek at the answer while training.", "no-leak", True),
    ("causal-masking", "Future tokens are hidden.", "no-leak", False),
    # dying-relu-detect/other-signals: inspect per-unit gradients
    ("dying-relu-detect", "Log each unit's gradient over a few batches; a unit whose gradient is always zero is dead.", "other-signals", True),
    ("dying-relu-detect", "Extract the gradients per neuron and see if they never update.", "other-signals", True),
    ("dying-relu-detect", "Check the gradient norm of the whole model.", "other-signals", False),
    ("dying-relu-detect", "Gradients are zero per unit.", "other-signals", False),
    ("dying-relu-detect", "Dead units have zero gradient, I would check the learning rate.", "other-signals", False),
    # xavier-init/variance-formula: the formula said in words
    ("xavier-init", "The weight variance is two divided by the sum of fan in and fan out.", "variance-formula", True),
    ("xavier-init", "Its variance comes out as 2 over n_in plus n_out.", "variance-formula", True),
    ("xavier-init", "Var(W) is one over the average of fan-in and fan-out.", "variance-formula", True),
    ("xavier-init", "The standard deviation is sqrt of 2 over fan_in plus fan_out.", "variance-formula", False),
    ("xavier-init", "Xavier uses fan_in and fan_out.", "variance-formula", False),
    # softplus/derivative-sigmoid: the verb "differentiate"
    ("softplus", "Take the derivative of softplus and you land on the logistic sigmoid.", "derivative-sigmoid", True),
    ("softplus", "If you differentiate it you get exactly the sigmoid.", "derivative-sigmoid", True),
    ("softplus", "Softplus is a smooth version of the sigmoid.", "derivative-sigmoid", False),
    ("softplus", "Softplus is differentiable, unlike the sigmoid.", "derivative-sigmoid", False),
    # attention-scaling: "the variance doesn't depend on d_k" / "√d_k is a convention" are misconceptions
    ("attention-scaling", "The variance of q·k grows with d_k, so we divide by √d_k to bring the variance back to 1.", "fix", True),
    ("attention-scaling", "Dividing by √d_k keeps the variance of the scores at 1 regardless of the dimension.", "fix", True),
    ("attention-scaling", "The variance of q·k doesn't depend on d_k at all, so the √d_k is basically a convention from the paper.", "fix", False),
    ("attention-scaling", "The dot product's variance is not a function of the dimension.", "variance-grows", False),
    # sgd-minibatch-vs-batch/exact-vs-estimate: unbiased but noisy; "biased" is a misconception
    ("sgd-minibatch-vs-batch", "The mini-batch gradient is an unbiased but noisy estimate of the full gradient.", "exact-vs-estimate", True),
    ("sgd-minibatch-vs-batch", "SGD's gradient is right in expectation but each step is noisy.", "exact-vs-estimate", True),
    ("sgd-minibatch-vs-batch", "The mini-batch gradient is a biased estimate, so use the biggest batch you can.", "exact-vs-estimate", False),
    # batch-normalization/mechanics: "standardizes each layer's inputs over the mini-batch"
    ("batch-normalization", "BN standardizes every feature with the statistics of the current batch and then applies a learned scale and shift.", "mechanics", True),
    ("batch-normalization", "Batch norm normalizes the activations of a layer across the current mini-batch.", "mechanics", True),
    ("batch-normalization", "Batch normalization works on mini-batches of layer inputs.", "mechanics", False),
    ("batch-normalization", "Batch normalization helps training of deep networks.", "mechanics", False),
    # relu-vs-sigmoid/mitigates-not-abolishes: hedged statements stay credited
    ("relu-vs-sigmoid", "ReLU reduces vanishing gradients but doesn't solve it completely; init still matters.", "mitigates-not-abolishes", True),
    ("relu-vs-sigmoid", "If we use ReLU it solves this vanishing gradient problem.", "mitigates-not-abolishes", False),
    # lr-schedules/step-decay: StepLR / "every few epochs"
    ("lr-schedules", "Use StepLR: it multiplies the learning rate by gamma after a set number of epochs.", "step-decay", True),
    ("lr-schedules", "Cut the learning rate by 10x every few epochs.", "step-decay", True),
    ("lr-schedules", "The learning rate decays every epoch.", "step-decay", False),
    # detect-vanishing-gradients/loss-symptoms: "the loss goes flat", "the first layers barely update"
    ("detect-vanishing-gradients", "Training loss levels off early and barely moves.", "loss-symptoms", True),
    ("detect-vanishing-gradients", "The early layers hardly learn anything while the later ones do.", "loss-symptoms", True),
    ("detect-vanishing-gradients", "The loss goes to NaN.", "loss-symptoms", False),
    ("detect-vanishing-gradients", "The layers are updating.", "loss-symptoms", False),
    # knowledge-distillation/soft-targets: the teacher's output probabilities carry more than the label
    ("knowledge-distillation", "The student is trained to match the teacher's softmax outputs, which carry more information than the hard label.", "soft-targets", True),
    ("knowledge-distillation", "Dark knowledge: the small probabilities on wrong classes tell you which classes are close.", "soft-targets", True),
    ("knowledge-distillation", "The student learns from labels.", "soft-targets", False),
    ("knowledge-distillation", "The teacher outputs probabilities.", "soft-targets", False),
]

# (question id, answer, key point whose misconception must be reported)
MISCONCEPTIONS = [
    ("early-stopping", "Early stopping does not restrict capacity at all; it is only about compute.", "why-regularizes"),
    ("early-stopping", "Early stopping isn't regularization, just a way to save GPU hours.", "why-regularizes"),
    ("attention-scaling", "Scaling by sqrt(d_k) is an arbitrary choice; it just keeps the numbers pretty.", "fix"),
    ("attention-scaling", "The dot product's variance is not a function of the dimension.", "variance-grows"),
    ("sgd-minibatch-vs-batch", "SGD gives you a skewed gradient compared to full batch.", "exact-vs-estimate"),
    ("relu-vs-sigmoid", "If we use ReLU it solves this vanishing gradient problem.", "mitigates-not-abolishes"),
    ("relu-vs-sigmoid", "Switching to ReLU resolves the vanishing gradient issue for good.", "mitigates-not-abolishes"),
    ("relu-vs-sigmoid", "ReLU fixes the problem of vanishing gradients entirely.", "mitigates-not-abolishes"),
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
