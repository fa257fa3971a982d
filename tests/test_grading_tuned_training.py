"""Paraphrase families and false-credit guards added by the blind-3 tuner (b3x) for the
training, attention, generative and evaluation questions: each case is a way people state (or
misstate) a key point, graded against the built-in bank and lexicon."""

from __future__ import annotations

import pytest

from quizcli import grading



COVERS = [
    ("adam-bias-correction", "It initializes m0 = 0 and v0 = 0; at step 1 the EMA is dominated by the zero initialization.", "zero-init-bias"),
    ("adam-bias-correction", "m, v가 zero로 init되니까 초반엔 bias가 0 쪽으로 생겨요.", "zero-init-bias"),
    ("adam-bias-correction", "So m_t is always a fraction (1 - \\beta_1^t) of the true value.", "correction-factor"),
    ("adam-bias-correction", "보정을 안 하면 v가 너무 작아서 첫 스텝이 3배 넘게 커집니다.", "v-matters-more"),
    ("autoencoder-vs-vae", "오토 인코더의 학습 목표는 입력과 디코더가 생성한 출력 사이의 차이를 최소화하는 것입니다.", "autoencoder"),
    ("autoencoder-vs-vae", "A vanilla autoencoder's latent space is not continuous, so you can't just sample a random point and decode it.", "no-sampling"),
    ("batchnorm-train-eval", "Only use moving mean and moving variance while doing inference.", "eval-mode"),
    ("batchnorm-train-eval", "model.eval()을 호출하지 않으면 추론 결과가 배치에 따라 달라집니다.", "pitfalls"),
    ("causal-masking", "Position i is blocked from attending to positions j > i (future positions).", "mechanism"),
    ("causal-masking", "마스크가 없으면 학습 시 모델이 정답인 다음 토큰을 미리 보고 베낄 수 있습니다.", "no-leak"),
    ("embeddings", "Each word is mapped to one vector, allowing similar words to have similar vector representations.", "dense-similarity"),
    ("gan-basics", "생성자 G는 다음 식의 최솟값으로 파라미터를 업데이트하는 것을 목표로 합니다.", "minimax"),
    ("hyperparameter-search", "그리드 서치는 각 하이퍼파라미터마다 3개 값밖에 보지 못합니다.", "grid-wastes"),
    ("kv-cache", "The KV cache stores these projections after the first forward pass and reuses them for subsequent tokens.", "what"),
    ("label-smoothing", "Label smoothing replaces the hard one with a slightly lower value and spreads the remaining mass evenly across the other classes.", "target-formula"),
    ("lr-warmup", "Adaptive optimizers like Adam also have noisy moment estimates in the first steps.", "adam-variance"),
    ("one-by-one-conv", "1x1 컨볼루션은 feature map을 weighted sum 하는 것이다.", "channel-mixing"),
    ("positional-encoding", "RNN을 사용하지 않기 때문에 입력을 순차적으로 받지 않고 한 번에 사용한다.", "why-needed"),
    ("rmsprop-adagrad", "G_t가 계속 커지면 분모가 점점 무한대에 가까워지게 되어 업데이트가 되지 않는다.", "adagrad-decay"),
    ("roc-auc-vs-pr-auc", "AU ROC looks at TPR and FPR while AU PR looks at PPV and TPR.", "axes"),
    ("sgd-minibatch-vs-batch", "이 방법은 같은 시간에 더 많은 step을 갈 수 있다.", "updates-and-hardware"),
    ("train-val-test-split", "You don't tune on the test set: if you keep checking it while picking hyperparameters you overfit to it.", "test-reuse"),
]

NOT_COVERED = [
    ("hyperparameter-search", "Bayesian optimization heavily outperforms Grid Search and Random Search.", "random-better"),
    ("kv-cache", "For a 70B-parameter model at 128K context, the KV cache can exceed 30 GB per request.", "example"),
    ("gan-basics", "판별자: 진짜와 가짜를 구별하는 모델", "minimax"),
    ("gan-basics", "In practice the generator maximizes log D(G(z)) instead of minimizing log(1 - D(G(z))).", "minimax"),
    ("sgd-minibatch-vs-batch", "이 방법은 batch gradient descent 보다 다소 부정확할 수는 있다.", "exact-vs-estimate"),
    ("rmsprop-adagrad", "In RMSprop the denominator does not grow without bound, so the learning rate stays usable.", "adagrad-decay"),
    ("one-by-one-conv", "일반적인 선형 함수인 fully connected 레이어와 달리, 1x1 컨볼루션 레이어는 비선형성을 추가한다.", "nonlinearity"),
    ("label-smoothing", "Label smoothing reduces overfitting and distributes attention.", "target-formula"),
]


@pytest.mark.parametrize("qid, answer, point", COVERS)
def test_paraphrase_covers_the_point(bank, qid, answer, point):
    assert point in grading.grade(bank.get(qid), answer, lexicon=bank.lexicon).covered


@pytest.mark.parametrize("qid, answer, point", NOT_COVERED)
def test_no_false_credit(bank, qid, answer, point):
    assert point not in grading.grade(bank.get(qid), answer, lexicon=bank.lexicon).covered


def test_unlike_a_linear_fc_layer_is_the_one_by_one_misconception(bank):
    g = grading.grade(bank.get("one-by-one-conv"),
                      "Unlike a linear fully connected layer, a 1×1 convolution adds non-linearity.",
                      lexicon=bank.lexicon)
    assert [m.key_point for m in g.misconceptions] == ["nonlinearity"]
