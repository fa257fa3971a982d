"""Korean paraphrase families and false-credit guards added by the round-2 Korean tuner (r2ko,
issue 10): for each miss fixed on the released held halves of blind sets 2 and 3, answers of
our own that state the same key point in other words (must be covered) and near misses (a bare
keyword, a negated or swapped claim: must not be covered), graded against the built-in bank and
lexicon."""

from __future__ import annotations

import pytest

from quizcli import grading



CASES = [
    # gru-vs-lstm/two-gates: the GRU left implicit; update + reset gate set against LSTM's, the
    # cell state merged into the hidden state or removed
    ("gru-vs-lstm", "LSTM의 게이트 세 개 대신 update gate와 reset gate만 씁니다.", "two-gates", True),
    ("gru-vs-lstm", "셀 상태와 은닉 상태를 하나로 합쳤어요.", "two-gates", True),
    ("gru-vs-lstm", "별도의 cell state를 없애고 output gate도 뺐습니다.", "two-gates", True),
    ("gru-vs-lstm", "업데이트 게이트가 있습니다.", "two-gates", False),
    ("gru-vs-lstm", "셀 상태는 제거하지 않고 그대로 둡니다.", "two-gates", False),
    # gru-vs-lstm/params: fewer parameters or cheaper compute, the GRU left implicit or LSTM as
    # the thing compared with
    ("gru-vs-lstm", "LSTM보다 파라미터 수가 적어 학습이 빠릅니다.", "params", True),
    ("gru-vs-lstm", "LSTM에 비해 구조가 단순해서 계산량이 낮아요.", "params", True),
    ("gru-vs-lstm", "구조가 단순하고 파라미터가 적어요.", "params", False),
    ("gru-vs-lstm", "Compared to LSTM it needs fewer parameters.", "params", True),
    ("gru-vs-lstm", "LSTM은 파라미터가 더 적습니다.", "params", False),
    ("gru-vs-lstm", "파라미터 수는 LSTM과 같습니다.", "params", False),
    # gru-vs-lstm/interpolation: the update gate sets the ratio of old and new state
    ("gru-vs-lstm", "업데이트 게이트는 이전 상태와 새 상태를 어떤 비율로 조합할지 결정한다.", "interpolation", True),
    ("gru-vs-lstm", "z가 과거 은닉 상태와 후보 상태의 비중을 정합니다.", "interpolation", True),
    ("gru-vs-lstm", "update gate는 새 정보를 얼마나 반영할지 결정한다.", "interpolation", False),
    # leaky-relu/fixes-dying: the negative side keeps (살리다/유지) its gradient, or backprop
    # passes alpha times the gradient, without naming dying ReLU
    ("leaky-relu", "역전파할 때도 음수 쪽에 알파만큼의 gradient를 줍니다.", "fixes-dying", True),
    ("leaky-relu", "음수 입력에서도 기울기를 살려서 뉴런이 계속 학습돼요.", "fixes-dying", True),
    ("leaky-relu", "음수 쪽에서도 gradient를 유지해서 가중치가 업데이트됩니다.", "fixes-dying", True),
    ("leaky-relu", "Leaky ReLU도 음수 입력의 기울기를 살리지 못한다.", "fixes-dying", False),
    ("leaky-relu", "알파는 보통 0.01입니다.", "fixes-dying", False),
    # why-nonlinearity/depth-useless: stacked layers are the same as one layer
    ("why-nonlinearity", "활성화 함수가 선형이면 레이어를 10개 쌓아도 레이어 하나짜리 모델과 똑같아요.", "depth-useless", True),
    ("why-nonlinearity", "선형 함수만 쓰면 깊은 네트워크도 결국 단층 퍼셉트론과 다를 바 없다.", "depth-useless", True),
    ("why-nonlinearity", "층을 여러 개 쌓아도 1층 신경망과 동일하다.", "depth-useless", True),
    ("why-nonlinearity", "층을 많이 쌓으면 1층 모델과 같지 않다.", "depth-useless", False),
    ("why-nonlinearity", "1층 신경망은 XOR를 못 푼다.", "depth-useless", False),
    # pooling-types/downsample: the map's size or spatial dimensions reduced (줄/축소/감소)
    ("pooling-types", "풀링은 피처 맵의 크기나 차원을 줄이는 과정입니다.", "downsample", True),
    ("pooling-types", "풀링을 하면 feature map의 사이즈가 줄어듭니다.", "downsample", True),
    ("pooling-types", "pooling은 맵의 크기를 축소해서 연산량을 줄인다.", "downsample", True),
    ("pooling-types", "풀링을 해도 피처 맵의 크기는 줄지 않는다.", "downsample", False),
    ("pooling-types", "풀링 종류에는 max와 average가 있다.", "downsample", False),
    # positional-encoding/why-needed: "unlike RNN, the Transformer does not process in order"
    ("positional-encoding", "RNN과 달리 트랜스포머는 문장을 순차적으로 처리하지 않는다.", "why-needed", True),
    ("positional-encoding", "Transformer는 토큰을 순서대로 처리하지 않고 한꺼번에 보기 때문에 순서를 모른다.", "why-needed", True),
    ("positional-encoding", "트랜스포머는 순차적으로 처리하지 않아서 빠르다.", "why-needed", False),
    ("positional-encoding", "트랜스포머도 문장을 순서대로 처리한다.", "why-needed", False),
    # backprop-chain-rule: a Korean demonstrative (이 과정에서, 여기서) picks up the clause before
    ("backprop-chain-rule", "역전파는 출력층부터 기울기를 거꾸로 계산한다. 이 과정에서 chain rule이 이용된다.", "chain-rule", True),
    ("backprop-chain-rule", "역전파는 출력 쪽에서부터 gradient를 구해 나간다. 여기서 연쇄 법칙을 쓴다.", "chain-rule", True),
    ("backprop-chain-rule", "나는 수학을 좋아한다. 이 과정에서 chain rule이 나온다.", "chain-rule", False),
    ("backprop-chain-rule", "chain rule은 고등학교 때 배웠다. 이 과정에서 많이 힘들었다.", "chain-rule", False),
    # backprop-chain-rule/local-times-upstream: the gradient passed back from the next layer
    ("backprop-chain-rule", "각 층에서는 뒤에서 전달된 기울기에 자기 국소 기울기를 곱해서 앞으로 넘깁니다.", "local-times-upstream", True),
    ("backprop-chain-rule", "다음 층의 gradient에 현재 층의 local gradient를 곱한다.", "local-times-upstream", True),
    ("backprop-chain-rule", "기울기를 곱한다.", "local-times-upstream", False),

    # residual-connections/residual-form: the block's formula with any arguments ("f(x; W)": a
    # semicolon inside brackets ends no sentence)
    ("residual-connections", "Residual Block의 출력은 [ y = f(x; W) + x ] 입니다.", "residual-form", True),
    ("residual-connections", "잔차 블록은 H(x) = F(x) + x 로 계산합니다.", "residual-form", True),
    ("residual-connections", "ResNet block은 y = x + F(x, {W_i})로 출력을 만들어요.", "residual-form", True),
    ("residual-connections", "층의 출력은 y = f(x) + b 입니다.", "residual-form", False),
    ("residual-connections", "잔차 블록을 씁니다.", "residual-form", False),
    # exploding-gradients-clipping/placement: after backward, before the step (step 전, 업데이트하기 전)
    ("exploding-gradients-clipping", "# 그라디언트 클리핑 적용 (backward 후, step 전)", "placement", True),
    ("exploding-gradients-clipping", "loss.backward()로 기울기를 구한 다음, 가중치를 업데이트하기 전에 clip_grad_norm_을 호출합니다.", "placement", True),
    ("exploding-gradients-clipping", "역전파가 끝나고 optimizer가 step하기 전에 클리핑해야 해요.", "placement", True),
    ("exploding-gradients-clipping", "backward 전에 클리핑합니다.", "placement", False),
    ("exploding-gradients-clipping", "클리핑은 step 후에 합니다.", "placement", False),
    # knowledge-distillation/soft-targets: the teacher's soft targets used with the hard labels;
    # "A뿐만 아니라 B" (not only) negates nothing
    ("knowledge-distillation", "지식 증류에서는 Hard Label뿐만 아니라 Teacher 모델이 예측한 Soft Target을 함께 사용한다.", "soft-targets", True),
    ("knowledge-distillation", "정답 label과 함께 teacher의 soft target도 loss에 넣어요.", "soft-targets", True),
    ("knowledge-distillation", "학생 모델은 정답 레이블만 아니라 교사의 soft target도 학습한다.", "soft-targets", True),
    ("knowledge-distillation", "soft target은 쓰지 않고 teacher 없이 label만 씁니다.", "soft-targets", False),
    ("knowledge-distillation", "teacher, soft target, label", "soft-targets", False),

    # l1-vs-l2/l1-sparse: "상관이 없다/관계가 없다" (unrelated) negates the pair
    ("l1-vs-l2", "희소성은 L1이랑은 별 상관이 없어요.", "l1-sparse", False),
    ("l1-vs-l2", "L1은 sparsity와 관계가 없습니다.", "l1-sparse", False),
    ("l1-vs-l2", "L1 규제는 희소성과 관련이 깊다.", "l1-sparse", True),
    ("l1-vs-l2", "L1 규제는 가중치를 0으로 만들어 희소한 해를 만든다.", "l1-sparse", True),

    # softmax-vs-sigmoid-output: "K를 2로 놓으면 … 환원/같아진다", and 소프트 맥스 with a space
    ("softmax-vs-sigmoid-output", "softmax함수에서 K를 2로 놓으면 sigmoid함수로 환원이 된다.", "two-class-equivalence", True),
    ("softmax-vs-sigmoid-output", "클래스가 2개일 때 소프트맥스는 시그모이드와 같아집니다.", "two-class-equivalence", True),
    ("softmax-vs-sigmoid-output", "softmax와 sigmoid는 다르다.", "two-class-equivalence", False),
    ("softmax-vs-sigmoid-output", "클래스가 2개일 때는 시그모이드를 씁니다.", "two-class-equivalence", False),
    ("softmax-vs-sigmoid-output", "소프트 맥스는 다중클래스 분류에 사용된다.", "softmax-exclusive", True),
    ("softmax-vs-sigmoid-output", "소프트 맥스를 씁니다.", "softmax-exclusive", False),
    # vanishing-gradient-remedies/initialization: proper init alone eases vanishing gradients
    ("vanishing-gradient-remedies", "가중치 초기화만 적절히 해도 기울기 소실 문제 완화 가능", "initialization", True),
    ("vanishing-gradient-remedies", "초기값을 잘 잡으면 vanishing gradient를 줄일 수 있습니다.", "initialization", True),
    ("vanishing-gradient-remedies", "초기화로는 기울기 소실을 막을 수 없다.", "initialization", False),
    ("vanishing-gradient-remedies", "초기화, ReLU, 배치 정규화", "initialization", False),

    # conv-vs-mlp/locality: "가까운 픽셀만 본다/참고한다" (only, with the verb of looking)
    ("conv-vs-mlp", "- 지역적으로 가까운 픽셀만 본다.", "locality", True),
    ("conv-vs-mlp", "각 뉴런은 주변 픽셀만 참고해서 출력을 만든다.", "locality", True),
    ("conv-vs-mlp", "합성곱은 이미지의 좁은 영역만 봐요.", "locality", True),
    ("conv-vs-mlp", "MLP는 모든 픽셀을 한 번에 본다.", "locality", False),
    ("conv-vs-mlp", "가까운 픽셀만 보는 것은 아니다.", "locality", False),

    # batch-normalization/why-it-helps: a belief since dropped ("…인 줄 알았지만") and "the effect
    # and ICS reduction are unrelated" state no ICS claim
    ("batch-normalization", "초기에는 BN이 ICS를 줄여서 성능이 좋아진 줄 알았지만 후속 연구에서 반박되었다.", "why-it-helps", False),
    ("batch-normalization", "BN의 효과는 ICS 감소와 별 상관이 없다.", "why-it-helps", False),
    ("batch-normalization", "BN의 효과와 internal covariate shift의 감소는 관계가 없다는 결과가 나왔다.", "why-it-helps", False),
    ("batch-normalization", "BN은 internal covariate shift를 줄여서 학습을 안정시킨다.", "why-it-helps", True),

    # zero-centered-zigzag/about-inputs: "0 이상의 값만" (non-negative) with or without the space
    ("zero-centered-zigzag", "ReLU는 항상 0이상의 값을 출력하기 때문에 활성화값의 평균이 0보다 커 zero-centered하지 않다.", "about-inputs", True),
    ("zero-centered-zigzag", "시그모이드 출력은 0 이상 값만 나와서 다음 층 입력이 모두 양수예요.", "about-inputs", True),
    ("zero-centered-zigzag", "ReLU 출력은 음수도 나온다.", "about-inputs", False),
    # saddle-points-local-minima/minima-good: local minima about as good as the global one
    ("saddle-points-local-minima", "고차원에서 local minima가 생겨도 이는 global minimum과 거의 유사한 수준의 에러 값을 갖는다.", "minima-good", True),
    ("saddle-points-local-minima", "지역 최솟값도 전역 최솟값과 손실이 별 차이가 없습니다.", "minima-good", True),
    ("saddle-points-local-minima", "local minimum은 global minimum보다 훨씬 나쁘다.", "minima-good", False),

    # dropout/mechanism: units switched off (끄다) at random
    ("dropout", "드롭아웃은 학습 때 뉴런을 랜덤으로 꺼요.", "mechanism", True),
    ("dropout", "학습 중에 확률 p로 유닛을 끕니다.", "mechanism", True),
    ("dropout", "드롭아웃은 뉴런을 끄지 않는다.", "mechanism", False),
    ("dropout", "뉴런을 끄는 기법이다.", "mechanism", False),

]


@pytest.mark.parametrize("qid, answer, point, expected", CASES)
def test_round2_ko_cases(bank, qid, answer, point, expected):
    got = grading.grade(bank.get(qid), answer, lexicon=bank.lexicon)
    assert (point in got.covered) is expected, (got.covered, [m.key_point for m in got.misconceptions])


HEADINGS = [
    # a bullet that only names a term heads the Korean statements under it (notes flattened
    # from a nested list); a bullet list of bare terms states nothing
    ("pooling-types", "- Max Pooling\n- 2x2 창을 돌면서 가장 큰 값을 꺼내는 방법이다.", "max-vs-average", True),
    ("pooling-types", "- 맥스 풀링\n- 각 영역에서 최댓값만 남긴다.", "max-vs-average", True),
    ("pooling-types", "- Max Pooling\n- Average Pooling\n- Global Average Pooling", "max-vs-average", False),
    ("pooling-types", "- Max Pooling\n- 최댓값", "max-vs-average", False),
    ("gru-vs-lstm", "- 업데이트 게이트 (z)\n- 이전 상태와 후보 상태를 섞는 비율을 정한다.", "interpolation", True),
    ("gru-vs-lstm", "- update gate\n- reset gate\n- 이전 상태", "interpolation", False),
]


@pytest.mark.parametrize("qid, answer, point, expected", HEADINGS)
def test_round2_ko_term_bullets(bank, qid, answer, point, expected):
    got = grading.grade(bank.get(qid), answer, lexicon=bank.lexicon)
    assert (point in got.covered) is expected, got.covered


MISCONCEPTIONS = [
    # dropout/eval-mode: keeping dropout on at inference is a misconception; the warning of what
    # happens when model.eval() is forgotten, and MC dropout, are not
    ("dropout", "eval 모드에서도 드롭아웃은 켜 둬야 합니다.", "eval-mode", True),
    ("dropout", "추론할 때도 드롭아웃을 켜놓은 채로 예측해야 해요.", "eval-mode", True),
    ("dropout", "At inference you should keep dropout on.", "eval-mode", True),
    ("dropout", "추론 전에 model.eval()을 호출하지 않으면 드롭아웃이 켜진 채로 남아 예측이 매번 달라집니다.", "eval-mode", False),
    ("dropout", "학습 때는 드롭아웃을 켜 두고, 추론 때는 model.eval()로 끕니다.", "eval-mode", False),
    ("dropout", "불확실성을 추정하려고 추론 때도 드롭아웃을 켜 두는 MC dropout도 있습니다.", "eval-mode", False),
    # attention-scaling/fix: "d_k의 루트값", "dk에 루트를 씌운 값" is √d_k, not d_k
    ("attention-scaling", "QK를 내적해준 후 d_k의 루트값으로 나눠준 후 softmax 취해줍니다.", "fix", False),
    ("attention-scaling", "점수를 dk에 루트를 씌운 값으로 나눕니다.", "fix", False),
    ("attention-scaling", "점수를 d_k로 나눠서 정규화합니다.", "fix", True),
]


@pytest.mark.parametrize("qid, answer, point, expected", MISCONCEPTIONS)
def test_round2_ko_misconceptions(bank, qid, answer, point, expected):
    got = grading.grade(bank.get(qid), answer, lexicon=bank.lexicon)
    assert (point in [m.key_point for m in got.misconceptions]) is expected, got.covered
    if expected:
        assert point not in got.covered
