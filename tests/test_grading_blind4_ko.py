"""Korean paraphrase families and false-credit guards added by the blind-4 Korean tuner (b4ko):
for each miss fixed on the tune half, answers of our own that state the same key point in other
words (must be covered) and near misses (a bare keyword, a negated or swapped claim: must not be
covered), graded against the built-in bank and lexicon."""

from __future__ import annotations

import pytest

from quizcli import grading



CASES = [
    # he-init: fan_in written in Korean words, 2/fan_in and its square root
    ("he-init", "가중치의 분산을 2/이전 층 노드 수로 맞춰서 초기화합니다.", "variance-formula", True),
    ("he-init", "weight를 2/앞 레이어의 뉴런 개수의 제곱근으로 스케일링해서 초기화해요.", "variance-formula", True),
    ("he-init", "입력 노드 수 분의 2를 분산으로 두고 가중치를 뽑습니다.", "variance-formula", True),
    ("he-init", "가중치는 루트(2/n) 크기로 초기화한다.", "variance-formula", True),
    ("he-init", "He 초기화는 가중치의 분산을 2/n의 제곱근으로 둔다.", "variance-formula", False),
    ("he-init", "He 초기화는 이전 층의 노드 수를 고려해서 가중치를 정한다.", "variance-formula", False),
    # rmsprop-adagrad: per-parameter learning rates said with 별/마다/각
    ("rmsprop-adagrad", "Adagrad는 parameter마다 learning rate를 따로 조절합니다.", "per-parameter-scaling", True),
    ("rmsprop-adagrad", "각 가중치의 학습률이 지금까지의 gradient 크기에 따라 서로 다르게 적용돼요.", "per-parameter-scaling", True),
    ("rmsprop-adagrad", "weight 별로 step 크기를 다르게 가져갑니다.", "per-parameter-scaling", True),
    ("rmsprop-adagrad", "Adagrad는 모든 파라미터에 같은 learning rate를 씁니다.", "per-parameter-scaling", False),
    # rmsprop: new gradients weigh more, old ones fade
    ("rmsprop-adagrad", "RMSProp은 새로운 기울기를 더 크게 반영해서 학습률이 0으로 가지 않아요.", "rmsprop-ema", True),
    ("rmsprop-adagrad", "RMSprop은 과거 gradient의 영향을 점점 줄여서 학습률이 죽지 않습니다.", "rmsprop-ema", True),
    ("rmsprop-adagrad", "RMSprop은 최신 gradient 위주로 분모를 계산합니다.", "rmsprop-ema", True),
    ("rmsprop-adagrad", "Adagrad는 과거 기울기를 모두 더해 둡니다.", "rmsprop-ema", False),
    ("rmsprop-adagrad", "RMSprop도 Adagrad처럼 기울기 제곱을 처음부터 전부 누적합니다.", "rmsprop-ema", False),
    # precision-recall-f1: formulas in LaTeX are definitions, not the threshold trade-off
    ("precision-recall-f1", "Precision: \\frac{TP}{TP + FP} → 양성으로 예측한 것 중 실제 양성인 비율", "threshold-tradeoff", False),
    ("precision-recall-f1", "정밀도는 \\frac{tp}{fp+tp}이고 재현율은 \\frac{tp}{tp+fn}입니다.", "definitions", True),
    ("precision-recall-f1", "Precision = \\frac{TP}{TP+FP} and recall = \\frac{TP}{TP+FN}.", "definitions", True),
    ("precision-recall-f1", "정밀도는 \\frac{tp}{tp+fn}이고 재현율은 \\frac{tp}{tp+fp}입니다.", "definitions", False),
    # precision-recall-f1: "don't look at accuracy" with the all-negative example
    ("precision-recall-f1", "클래스가 불균형할 땐 accuracy를 보면 안 돼요, 전부 음성으로 찍어도 99% 나오거든요.", "accuracy-trap", True),
    ("precision-recall-f1", "불균형 데이터에서 정확도만 믿으면 안 되는 게, 다 음성이라고 해도 정확도가 높게 나와요.", "accuracy-trap", True),
    ("precision-recall-f1", "데이터가 불균형해도 정확도만 보면 돼요, 전부 음성이라고 하는 모델은 없으니까요.", "accuracy-trap", False),
    ("precision-recall-f1", "불균형 데이터에서는 전부 음성이라고 예측하는 모델이 자주 나옵니다.", "accuracy-trap", False),
    # dropout: 끝나다 / -게끔 are not 끄다 (a stem ending in an open syllable takes only ending finals)
    ("dropout", "훈련이 끝나고 모델을 테스트할 때는 구조를 고정해서 씁니다.", "eval-mode", False),
    ("dropout", "추론할 때는 드롭아웃을 끕니다.", "eval-mode", True),
    ("dropout", "테스트 시에는 dropout을 끈 상태로 예측해요.", "eval-mode", True),
    # gradient-accumulation: the small batch run, the large batch it amounts to, dividing the loss
    ("gradient-accumulation", "작은 배치로 4번 돌리고 grad를 누적하면 배치를 4배로 키운 것과 같아요.", "effective-batch", True),
    ("gradient-accumulation", "마이크로배치로 여러 번 backward해서 기울기를 쌓으면 가상의 큰 배치가 됩니다.", "effective-batch", True),
    ("gradient-accumulation", "배치 크기가 2배 커지면 메모리도 두 배로 듭니다.", "effective-batch", False),
    ("gradient-accumulation", "loss를 accumulation_steps로 나눠줘야 해요.", "scale-loss", True),
    ("gradient-accumulation", "각 step의 loss를 나눠서 gradient 크기를 일정하게 맞춥니다.", "scale-loss", True),
    ("gradient-accumulation", "loss는 나누지 않아도 gradient 크기는 같아요.", "scale-loss", False),
    ("gradient-accumulation", "손실은 따로 나눌 필요 없이 그대로 더하면 돼요.", "scale-loss", False),
    ("gradient-accumulation", "BN은 작은 배치 통계로 정규화되니까 큰 배치와 완전히 같진 않아요.", "not-identical", True),
    # batch-normalization (santurkar): the loss surface under other names, made smooth
    ("batch-normalization", "실제로는 ICS보다 optimization surface를 매끄럽게 만들어서 학습이 잘 되는 거라고 합니다.", "santurkar", True),
    ("batch-normalization", "BN의 진짜 효과는 손실 곡면을 부드럽게 만드는 데 있다는 연구가 있어요.", "santurkar", True),
    ("batch-normalization", "BN은 최적화 지형을 바꾼다고들 하는데 잘 모르겠어요.", "santurkar", False),
    # data-leakage: a "contamination" heading carries the leakage to the line under it
    ("data-leakage", "(2) Train/Test Contamination (훈련/테스트 혼입)\n데이터 분할 전에 스케일링 같은 전처리를 하면 발생", "preprocessing", True),
    ("data-leakage", "테스트 데이터 오염: 분할 전에 전체 데이터로 정규화 통계를 계산하는 경우", "preprocessing", True),
    ("data-leakage", "Train/Test Contamination이라는 용어도 있습니다.", "preprocessing", False),
    # sgd-minibatch-vs-batch: batch size 1 wastes the GPU's parallelism
    ("sgd-minibatch-vs-batch", "배치 크기가 1이면 GPU의 병렬 처리를 못 쓰니까 자원 낭비예요.", "updates-and-hardware", True),
    ("sgd-minibatch-vs-batch", "샘플을 하나씩 넣으면 GPU가 놀게 되어 병렬성을 활용하지 못합니다.", "updates-and-hardware", True),
    ("sgd-minibatch-vs-batch", "하나씩 넣으면 메모리 낭비가 적다.", "updates-and-hardware", False),
    # early-stopping: error rising against the previous epoch stops training
    ("early-stopping", "이전 epoch에 비해 오차가 증가하면 학습을 멈추는 방법입니다.", "procedure", True),
    ("early-stopping", "매 에폭 loss를 보고 직전 에폭보다 loss가 올라가면 학습을 중단합니다.", "procedure", True),
    ("early-stopping", "에폭이 늘어날수록 training error가 증가하면 학습을 멈춥니다.", "procedure", False),
    ("early-stopping", "에폭이 늘어나면 오차가 증가할 수 있습니다.", "procedure", False),
    # self-attention-qkv: the input times W_Q, W_K, W_V
    ("self-attention-qkv", "입력 X를 가중치 Wq, Wk, Wv와 내적해서 각각 query, key, value를 만듭니다.", "projections", True),
    ("self-attention-qkv", "X에 W_Q, W_K, W_V 행렬을 곱해서 Q, K, V를 얻어요.", "projections", True),
    ("self-attention-qkv", "Query, Key, Value가 있습니다.", "projections", False),
    ("self-attention-qkv", "Q와 K를 내적해서 점수를 구합니다.", "projections", False),
    # layer-normalization: same computation in train and test, no running statistics
    ("layer-normalization", "LN은 BN과 달리 train과 test 시 모두 동일하게 작동합니다.", "batch-independent", True),
    ("layer-normalization", "LN은 running mean, running std를 따로 저장하지 않는다.", "batch-independent", True),
    ("layer-normalization", "학습과 테스트 때 똑같이 계산되니 이동 평균을 쓸 필요가 없어요.", "batch-independent", True),
    ("layer-normalization", "BN은 running mean을 저장해 두었다가 추론에 씁니다.", "batch-independent", False),
    # dropout (why-it-works): training exponentially many sub-networks at once
    ("dropout", "n개의 뉴런에 dropout을 쓰면 2^n 개의 신경망을 동시에 학습하는 것과 같습니다.", "why-it-works", True),
    ("dropout", "가중치를 공유하는 수많은 부분 네트워크를 한꺼번에 학습하는 셈이에요.", "why-it-works", True),
    ("dropout", "Dropout effectively trains 2^n thinned networks simultaneously.", "why-it-works", True),
    ("dropout", "dropout은 2^n개의 subnetwork를 동시에 train하는 효과가 있어요.", "why-it-works", True),
    ("dropout", "드롭아웃을 쓰면 모든 뉴런을 동시에 학습합니다.", "why-it-works", False),
    # softmax-numerical-stability: subtracting the max from the logits, stated with its invariance
    ("softmax-numerical-stability", "로짓에서 최댓값을 빼도 결과는 안 바뀌어요, 분자 분모에서 약분되니까요.", "subtract-max", True),
    ("softmax-numerical-stability", "logit의 max를 빼고 exp를 취해서 분모가 overflow되지 않게 합니다.", "subtract-max", True),
    ("softmax-numerical-stability", "로짓에서 최솟값을 빼면 안정해집니다.", "subtract-max", False),
    # a comma list of remedies whose first items are left out of a plain run is still a list
    ("vanishing-gradient-remedies", "ReLU, He 초기화, 배치 정규화, residual, LSTM.", "initialization", False),
    ("vanishing-gradient-remedies", "Sigmoid 대신 ReLU, Xavier 초기화, layer norm, skip connection, GRU.", "initialization", False),
    ("vanishing-gradient-remedies", "He 초기화는 층마다 분산을 보존해서 기울기 소실을 막습니다.", "initialization", True),
    ("vanishing-gradient-remedies", "ReLU, GELU 같은 활성화 함수를 쓰고, He 초기화는 분산을 유지합니다.", "initialization", True),
    # a "what is X?" line is a heading; a -지만 line that names nothing passes its subject on
    ("l1-vs-l2", "**L2 정규화란?**\n- 가중치를 0 근처로 줄이지만\n정확히 0으로 만들지는 않음", "l2-proportional", True),
    ("l1-vs-l2", "L2 정칙화란 무엇인가?\n- 특징: 가중치를 0에 가깝게 만들지만\n정확히 0은 아님", "l2-proportional", True),
    ("l1-vs-l2", "What is L2 regularization?\n- weights get small but never exactly zero", "l2-proportional", True),
    ("l1-vs-l2", "**L1 정규화란?**\n- 가중치를 0에 가깝게 만들지만\n정확히 0은 아님", "l2-proportional", False),
    ("l1-vs-l2", "L2 정규화를 왜 쓸까?\n- 특징: 가중치를 0에 가깝게 만들지만\n정확히 0은 아님", "l2-proportional", False),
    # multi-head-attention (split): the embedding width divided among the heads
    ("multi-head-attention", "N-head attention의 경우 임베딩 벡터를 N개로 나눈다.", "split", True),
    ("multi-head-attention", "멀티헤드는 embedding vector를 head 개수로 쪼개서 각각 어텐션을 계산합니다.", "split", True),
    ("multi-head-attention", "head를 여러 개 만들어 임베딩 벡터를 그대로 복사해 씁니다.", "split", False),
    ("multi-head-attention", "head를 여러 개 두면 성능이 좋아집니다.", "split", False),
]


@pytest.mark.parametrize("qid, answer, point, expected", CASES)
def test_blind4_ko_paraphrases(bank, qid, answer, point, expected):
    got = grading.grade(bank.get(qid), answer, lexicon=bank.lexicon)
    assert (point in got.covered) is expected, (got.covered, [m.key_point for m in got.misconceptions])


@pytest.mark.parametrize("text, found", [
    ("드롭아웃을 끕니다", True), ("드롭아웃을 끈다", True), ("드롭아웃 끔", True), ("드롭아웃을 끄고", True),
    ("훈련이 끝나고", False), ("끝까지 학습", False),
])
def test_open_syllable_form_takes_only_ending_finals(text, found):
    """A Hangul form ending in an open syllable (a verb stem: 끄) matches the finals of its
    endings (ㄴ ㄹ ㅁ ㅂ ㅆ), not a final that makes another word (끝)."""
    from quizcli.grading.lexicon import Lexicon, to_match_text

    lex = Lexicon({"off": {"ko": ["끄"]}})
    assert bool(lex.occurrences(to_match_text(text))) is found


MISCONCEPTIONS = [
    ("gradient-accumulation", "손실은 따로 나눌 필요 없이 그대로 더하면 돼요.", "scale-loss", True),
    ("gradient-accumulation", "loss는 나누지 말고 그냥 누적하세요.", "scale-loss", True),
    ("gradient-accumulation", "loss를 나누지 않고 그대로 더하면 gradient가 k배가 됩니다.", "scale-loss", False),
    ("gradient-accumulation", "loss를 나누지 않으면 학습률을 k배 올린 셈이에요.", "scale-loss", False),
    ("softmax-numerical-stability", "log-softmax는 굳이 계산 안 해도 돼요, softmax에 log 취하면 똑같으니까.", "log-softmax", True),
    ("softmax-numerical-stability", "You don't have to compute log softmax on its own, log(softmax) is the same.", "log-softmax", True),
    ("softmax-numerical-stability", "log-softmax는 수학적으로 log(softmax)와 같지만 따로 계산해야 overflow나 nan이 안 생깁니다.", "log-softmax", False),
]


@pytest.mark.parametrize("qid, answer, point, expected", MISCONCEPTIONS)
def test_blind4_ko_misconceptions(bank, qid, answer, point, expected):
    got = grading.grade(bank.get(qid), answer, lexicon=bank.lexicon)
    assert (point in [m.key_point for m in got.misconceptions]) is expected, got.covered
