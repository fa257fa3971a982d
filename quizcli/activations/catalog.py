"""The activation catalog: one entry per activation function, as plain data (no NumPy).

An entry holds what is not the mathematics: the name, its aliases, the bilingual text of
`quiz explain` (a description and a typical use), the gain torch.nn.init.calculate_gain gives
it (where defined) and the PyTorch call the oracle tests compare against. Everything else
derives from here: the light name table (names.CANONICAL, names.ALIASES, in this order),
descriptions.DESCRIPTIONS and analysis.gain. The function, its derivative, formulas and
properties are the matching row in functions.py (a test checks the two agree one to one).

Adding an activation: one Entry here, one row in functions.py, and its tests.
"""

from __future__ import annotations

import math
from typing import NamedTuple


class Entry(NamedTuple):
    name: str
    aliases: tuple[str, ...]
    text: dict[str, str]  # "en", "ko": the description; "use_en", "use_ko": typical use
    gain: float | None = None  # torch.nn.init.calculate_gain, where it defines one
    torch: str = ""  # the oracle's call: "torch.NAME" or "F.NAME" (torch.nn.functional)
    torch_kwargs: tuple[tuple[str, object], ...] = ()  # keyword arguments of that call


CATALOG: tuple[Entry, ...] = (
    Entry(
        name="sigmoid", aliases=("logistic", "sigma"), gain=1.0, torch="torch.sigmoid",
        text={
            "en": (
                "The logistic sigmoid σ(x) = 1/(1 + e⁻ˣ) squashes any input into (0, "
                "1), so its output reads as a probability. Its derivative σ(x)(1 − "
                "σ(x)) peaks at only 0.25 at x = 0 and tends to 0 on both sides "
                "(saturation), so backpropagating through many sigmoid layers "
                "multiplies small factors and gradients vanish: over 20 layers the "
                "activation factors alone are at most 0.25²⁰ ≈ 9.1e-13. Its outputs are "
                "always positive, not zero-centred, so the gradients of the weights "
                "feeding one unit in the next layer all share a sign and updates "
                "zig-zag (LeCun et al. 1998). Today it is used for binary outputs and "
                "for LSTM/GRU gates, rarely in hidden layers."
            ),
            "ko": (
                "시그모이드(sigmoid) σ(x) = 1/(1 + e⁻ˣ)는 "
                "입력을 (0, 1) 구간으로 압축하는 활성화 함수라 출력을 "
                "확률로 해석할 수 있다. 도함수 σ(x)(1 − σ(x))는 "
                "x = 0에서 최댓값이 0.25에 불과하고 |x|가 커지면 "
                "양쪽 모두 0으로 포화(saturation)되므로, 역전파에서 "
                "층마다 이 값이 곱해지면 기울기 소실(vanishing "
                "gradient)이 생긴다(20층이면 활성화 함수 항만으로도 "
                "최대 0.25²⁰ ≈ 9.1e-13). 출력이 항상 양수라 "
                "zero-centered가 아니어서 다음 층 한 뉴런으로 "
                "들어오는 가중치들의 기울기가 모두 같은 부호를 갖게 되고, "
                "업데이트가 지그재그(zig-zag)로 진행된다(LeCun et "
                "al. 1998). 그래서 요즘은 은닉층보다는 이진 분류 "
                "출력층과 LSTM/GRU의 게이트에 주로 쓴다."
            ),
            "use_en": "binary outputs, LSTM/GRU gates",
            "use_ko": "이진 분류 출력, LSTM 게이트",
        },
    ),
    Entry(
        name="tanh", aliases=("hyperbolic_tangent",), gain=5.0 / 3.0, torch="torch.tanh",
        text={
            "en": (
                "tanh(x) maps inputs into (−1, 1) and is a rescaled sigmoid, tanh(x) = "
                "2σ(2x) − 1. It is zero-centred and its derivative 1 − tanh²(x) peaks "
                "at 1 at x = 0 instead of 0.25, which makes optimisation easier than "
                "with sigmoid. It still saturates on both sides (the derivative tends "
                "to 0 as |x| grows), so it mitigates vanishing gradients rather than "
                "solving them. It is the standard nonlinearity inside vanilla RNN and "
                "LSTM cells and is used for outputs that must lie in (−1, 1), such as a "
                "GAN generator's images."
            ),
            "ko": (
                "tanh(x)는 입력을 (−1, 1)로 보내는 함수로, "
                "tanh(x) = 2σ(2x) − 1이라 시그모이드를 늘리고 "
                "평행이동한 것과 같다. 출력이 0을 중심으로 "
                "분포하고(zero-centered) 도함수 1 − "
                "tanh²(x)의 최댓값이 0.25가 아니라 1(x = "
                "0)이어서 시그모이드보다 학습이 수월하다. 하지만 |x|가 "
                "커지면 여전히 양쪽에서 포화되어 도함수가 0으로 가므로, "
                "기울기 소실을 해결했다기보다 완화한 것이다. 기본 RNN과 "
                "LSTM 셀 내부의 표준 비선형 함수이고, GAN 생성기의 "
                "이미지 출력처럼 값이 (−1, 1) 범위여야 하는 출력층에도 "
                "쓴다."
            ),
            "use_en": "RNN/LSTM cells, outputs in (−1, 1)",
            "use_ko": "RNN/LSTM, (−1, 1) 출력",
        },
    ),
    Entry(
        name="relu", aliases=("rectifier",), gain=math.sqrt(2.0), torch="F.relu",
        text={
            "en": (
                "ReLU(x) = max(0, x) passes positive inputs unchanged and outputs exact "
                "zeros for negative ones, so about half the units of a freshly "
                "initialised layer output exactly 0 (sparsity). Its derivative is 1 "
                "where the pre-activation is positive and 0 where it is negative; at "
                "exactly 0 it is undefined and any value between 0 and 1 is a valid "
                "subgradient, but PyTorch, TensorFlow and JAX all use ReLU'(0) = 0, so "
                "backward is simply a mask that passes the upstream gradient where z > "
                "0. It does not saturate for positive inputs, which mitigates but does "
                "not eliminate vanishing gradients (He init, Var(W) = 2/fan_in, keeps "
                "the gradient scale), and a unit whose pre-activation is ≤ 0 for every "
                "input gets no gradient at all and is dead (dying ReLU). It is the "
                "default hidden activation of CNNs and MLPs."
            ),
            "ko": (
                "ReLU(x) = max(0, x)는 양수 입력은 그대로 "
                "통과시키고 음수 입력은 정확히 0으로 만드는 활성화 함수라, "
                "초기화 직후 한 층의 뉴런 중 약 절반이 정확히 0을 "
                "출력한다(희소성, sparsity). 도함수는 사전 "
                "활성화(pre-activation)가 양수면 1, 음수면 "
                "0이고, 정확히 0에서는 미분이 정의되지 않아 0과 1 사이 "
                "어떤 값이든 서브그래디언트(subgradient)가 될 수 "
                "있는데 PyTorch·TensorFlow·JAX 모두 "
                "ReLU'(0) = 0을 쓰므로 역전파는 z > 0인 곳에만 "
                "위에서 온 기울기를 흘려보내는 마스크가 된다. 양수 구간에서 "
                "포화되지 않아 기울기 소실을 완화하지만 없애지는 못하며(기울기 "
                "크기를 유지하려면 He 초기화, Var(W) = "
                "2/fan_in이 필요하다), 모든 입력에서 사전 활성화가 0 "
                "이하인 뉴런은 기울기를 전혀 받지 못해 더 이상 학습되지 않는 "
                "죽은 ReLU(dying ReLU)가 된다. CNN과 MLP "
                "은닉층의 기본 활성화 함수다."
            ),
            "use_en": "default hidden activation for CNNs, MLPs",
            "use_ko": "CNN·MLP 은닉층 기본값",
        },
    ),
    Entry(
        name="leaky_relu", aliases=("lrelu",),
        gain=math.sqrt(2.0 / (1.0 + 0.01**2)), torch="F.leaky_relu",
        text={
            "en": (
                "Leaky ReLU is max(αx, x) with a small fixed slope α for negative "
                "inputs; PyTorch's default negative_slope is 0.01, the value used by "
                "Maas, Hannun & Ng (2013). Because the derivative is α rather than 0 "
                "for x < 0, a unit pushed into the negative region still receives "
                "gradient and can recover, which mitigates dying ReLU (it does not "
                "rule it out: at α = 0.01 that gradient is small). PyTorch uses the negative-side slope at the "
                "kink (derivative 0.01 at x = 0), and the price is that outputs are no "
                "longer exact zeros, so there is no true sparsity. It is a drop-in ReLU "
                "replacement when dead units are a problem, and GAN discriminators "
                "often use it with α = 0.2."
            ),
            "ko": (
                "Leaky ReLU는 음수 입력에 작은 고정 기울기 α를 주는 "
                "max(αx, x)로, PyTorch 기본값 "
                "negative_slope = 0.01은 Maas, "
                "Hannun & Ng(2013)가 쓴 값이다. x < 0에서도 "
                "도함수가 0이 아니라 α이므로 음수 영역에 빠진 뉴런도 "
                "기울기를 받아 되살아날 수 있고, 그래서 뉴런이 죽는 "
                "문제(dying ReLU)가 줄어든다. 다만 α = 0.01이면 그 기울기가 "
                "작아서 이 문제가 완전히 없어지지는 않는다. 꺾이는 점 x = 0에서 PyTorch는 음수 "
                "쪽 기울기를 써서 도함수가 0.01이며, 대신 출력이 정확히 "
                "0이 되지 않아 진짜 희소성은 잃는다. 죽은 뉴런이 문제일 때 "
                "ReLU 대신 바로 바꿔 쓸 수 있고, GAN "
                "판별자(discriminator)에서는 α = 0.2로 흔히 "
                "쓴다."
            ),
            "use_en": "ReLU replacement against dead units; GANs",
            "use_ko": "dying ReLU 대책, GAN",
        },
    ),
    Entry(
        name="prelu", aliases=("parametric_relu",),
        torch="F.prelu", torch_kwargs=(("weight", 0.25),),
        text={
            "en": (
                "PReLU (parametric ReLU) has the shape of Leaky ReLU, but the negative "
                "slope a is a learned parameter (one value shared by the layer by "
                "default in PyTorch, or one per channel), initialised at 0.25 as in He "
                "et al. (2015). The derivative with respect to the input is 1 for x > 0 "
                "and a for x < 0, and PyTorch uses a at the kink (0.25 at x = 0 at "
                "initialisation); a itself receives x times the upstream gradient from "
                "every negative input, so the network learns how leaky each channel "
                "should be. Like Leaky ReLU it never outputs exact zeros and its units "
                "cannot die, and He et al. do not apply weight decay to a because it "
                "would push a toward 0, i.e. back toward ReLU. It was introduced "
                "together with He init to train very deep ImageNet CNNs and is used in "
                "vision models as a learnable ReLU alternative."
            ),
            "ko": (
                "PReLU(parametric ReLU)는 Leaky "
                "ReLU와 모양은 같지만 음수 구간 기울기 a를 학습하는 "
                "파라미터로 두며(PyTorch 기본은 층 전체가 값 하나를 "
                "공유하고, 채널별로 둘 수도 있다), He et "
                "al.(2015)처럼 0.25로 초기화한다. 입력에 대한 "
                "도함수는 x > 0이면 1, x < 0이면 a이고 꺾이는 "
                "점에서 PyTorch는 a(초깃값 기준 x = 0에서 "
                "0.25)를 쓰며, a 자체는 음수 입력마다 x × (위에서 "
                "온 기울기)를 받아 채널별로 얼마나 새게(leaky) 할지를 "
                "네트워크가 스스로 정한다. Leaky ReLU처럼 출력이 "
                "정확히 0이 되지 않아 죽은 뉴런이 없고, a에 weight "
                "decay를 걸면 a가 0 쪽으로, 즉 ReLU 쪽으로 "
                "끌려가므로 He et al.은 a에 weight decay를 "
                "적용하지 않았다. He 초기화와 함께 매우 깊은 "
                "ImageNet CNN을 학습하려고 제안됐고, 비전 모델에서 "
                "학습 가능한 ReLU 대안으로 쓴다."
            ),
            "use_en": "CNNs with a learned negative slope",
            "use_ko": "음수 기울기를 학습하는 CNN",
        },
    ),
    Entry(
        name="relu6", aliases=(), torch="F.relu6",
        text={
            "en": (
                "ReLU6 clamps its input to the range 0 to 6, min(max(0, x), 6), so it "
                "behaves like ReLU but also caps large activations. Its derivative is 1 "
                "for 0 < x < 6 and 0 outside, so it saturates hard above 6, and PyTorch "
                "uses 0 at both kinks (x = 0 and x = 6). MobileNet chose it because a "
                "small, fixed output range is robust in low-precision (quantised) "
                "computation. It is used in MobileNetV1/V2 and other mobile CNNs, and "
                "relu6(x + 3)/6 is the building block of hardsigmoid and hardswish."
            ),
            "ko": (
                "ReLU6는 입력을 0과 6 사이로 자르는 min(max(0, "
                "x), 6)으로, ReLU처럼 동작하되 큰 활성값에 상한을 "
                "둔다. 도함수는 0 < x < 6에서 1, 그 밖에서 0이라 "
                "6을 넘으면 완전히 포화되고, PyTorch는 두 꺾이는 "
                "점(x = 0, x = 6) 모두에서 0을 쓴다. 출력 범위가 "
                "작고 고정되어 있어 저정밀도(양자화) 연산에서 견고하다는 "
                "이유로 MobileNet이 채택했다. "
                "MobileNetV1/V2 같은 모바일 CNN에 쓰이고, "
                "relu6(x + 3)/6은 hardsigmoid와 "
                "hardswish의 기본 블록이기도 하다."
            ),
            "use_en": "mobile, quantised CNNs (MobileNet)",
            "use_ko": "MobileNet, 양자화 CNN",
        },
    ),
    Entry(
        name="elu", aliases=(), torch="F.elu",
        text={
            "en": (
                "ELU (Clevert et al. 2016) is x for x > 0 and α(eˣ − 1) otherwise, with "
                "α = 1 by default, so negative inputs give smooth negative outputs that "
                "saturate at −α. The negative outputs push mean activations toward "
                "zero, and the derivative is 1 for x > 0 and αeˣ (= f(x) + α) for x < "
                "0, so it never drops exactly to 0 for finite x but does saturate for "
                "very negative inputs. With α = 1 both one-sided derivatives equal 1 at "
                "the origin and PyTorch returns 1 at x = 0; there are no exact zeros, "
                "hence no dead units but no sparsity either. It is used as a smooth "
                "ReLU alternative in CNNs and MLPs, at the cost of an exponential."
            ),
            "ko": (
                "ELU(Clevert et al. 2016)는 x > 0이면 "
                "x, 아니면 α(eˣ − 1)이고 기본값은 α = 1이라, "
                "음수 입력에서는 −α로 부드럽게 포화되는 음수 출력을 낸다. "
                "음수 출력 덕분에 활성값 평균이 0에 가까워지고, 도함수는 x "
                "> 0에서 1, x < 0에서 αeˣ(= f(x) + α)라 "
                "유한한 x에서 정확히 0이 되지는 않지만 아주 큰 음수 "
                "입력에서는 포화된다. α = 1이면 원점에서 좌·우 미분계수가 "
                "모두 1로 같고 PyTorch도 x = 0에서 1을 쓰며, "
                "정확한 0 출력이 없으므로 죽은 뉴런도 없지만 희소성도 없다. "
                "CNN과 MLP에서 ReLU의 매끄러운 대안으로 쓰지만 지수 "
                "함수 때문에 ReLU보다 계산이 비싸다."
            ),
            "use_en": "smooth ReLU alternative in CNNs, MLPs",
            "use_ko": "CNN·MLP의 ReLU 대안",
        },
    ),
    Entry(
        name="selu", aliases=(), gain=3.0 / 4.0, torch="F.selu",
        text={
            "en": (
                "SELU is λ·ELU with fixed constants λ ≈ 1.0507 and α ≈ 1.6733 "
                "(Klambauer et al. 2017), chosen so that, with LeCun-normal init "
                "(Var(W) = 1/fan_in) and standardised inputs, activations of a fully "
                "connected net converge to mean 0 and variance 1 layer after layer "
                "(self-normalising). Its derivative is λ ≈ 1.0507 for x > 0 and λαeˣ "
                "for x < 0, so the negative side saturates at −λα ≈ −1.758; the "
                "derivative jumps at 0, where PyTorch returns λα ≈ 1.758. The property "
                "holds only with the full recipe: LeCun-normal init (in PyTorch, "
                "kaiming_normal_ with nonlinearity='linear', not calculate_gain('selu') "
                "= 3/4) and AlphaDropout instead of Dropout, and then deep MLPs train "
                "without batch normalisation. It is used in deep self-normalising MLPs "
                "(SNNs), rarely in CNNs or Transformers."
            ),
            "ko": (
                "SELU는 λ·ELU 꼴에 상수 λ ≈ 1.0507, α ≈ "
                "1.6733을 고정한 함수로(Klambauer et al. "
                "2017), LeCun normal 초기화(Var(W) = "
                "1/fan_in)와 표준화된 입력을 쓰면 완전연결 신경망에서 "
                "층을 지날수록 활성값이 평균 0, 분산 1로 "
                "수렴하도록(self-normalizing) 설계됐다. 도함수는 "
                "x > 0에서 λ ≈ 1.0507, x < 0에서 λαeˣ라 "
                "음수 쪽은 −λα ≈ −1.758로 포화되고, 0에서 도함수가 "
                "불연속인데 PyTorch는 x = 0에서 λα ≈ 1.758을 "
                "쓴다. 이 성질은 LeCun normal "
                "초기화(PyTorch에서는 "
                "calculate_gain('selu') = 3/4가 아니라 "
                "kaiming_normal_에 "
                "nonlinearity='linear')와 Dropout 대신 "
                "AlphaDropout을 함께 써야 유지되며, 그러면 배치 "
                "정규화 없이도 깊은 MLP를 학습할 수 있다. 주로 깊은 "
                "완전연결 신경망(SNN)에 쓰고, CNN이나 "
                "Transformer에서는 드물다."
            ),
            "use_en": "deep self-normalising MLPs (SNNs)",
            "use_ko": "깊은 MLP(자기 정규화)",
        },
    ),
    Entry(
        name="celu", aliases=(), torch="F.celu",
        text={
            "en": (
                "CELU is max(0, x) + min(0, α(e^{x/α} − 1)), a reparametrised ELU "
                "proposed by Barron (2017) that is continuously differentiable for "
                "every α; with PyTorch's default α = 1 it is identical to ELU. Its "
                "derivative is 1 for x > 0 and e^{x/α} for x < 0, so the two sides meet "
                "at 1 (PyTorch returns 1 at x = 0) and the negative side saturates "
                "toward −α. Like ELU it has no exact zeros and keeps mean activations "
                "near zero; it is seldom used in practice, mainly when α is tuned away "
                "from 1."
            ),
            "ko": (
                "CELU는 max(0, x) + min(0, α(e^{x/α} "
                "− 1))로, Barron(2017)이 ELU를 다시 "
                "매개변수화해 어떤 α에서도 연속 미분 가능하게 만든 함수이며 "
                "PyTorch 기본값 α = 1에서는 ELU와 똑같다. "
                "도함수는 x > 0에서 1, x < 0에서 e^{x/α}라 "
                "0에서 양쪽이 1로 만나고(PyTorch도 x = 0에서 "
                "1), 음수 쪽은 −α로 포화된다. ELU처럼 정확한 0 "
                "출력이 없고 활성값 평균을 0 가까이 유지해 주지만, "
                "실무에서는 드물고 α를 1이 아닌 값으로 조정할 때 주로 "
                "쓴다."
            ),
            "use_en": "ELU variant when tuning α",
            "use_ko": "α를 조정하는 ELU 변형",
        },
    ),
    Entry(
        name="gelu", aliases=("gelu_exact",), torch="F.gelu",
        text={
            "en": (
                "GELU (Hendrycks & Gimpel 2016) is x·Φ(x), where Φ is the standard "
                "normal CDF: each input is weighted by the probability that a standard "
                "Gaussian falls below it, giving a smooth, non-monotonic curve with a "
                "minimum of ≈ −0.170 at x ≈ −0.752. Its derivative Φ(x) + xφ(x) is 0.5 "
                "at x = 0, peaks at ≈ 1.129 at x = √2 ≈ 1.414 and is slightly negative "
                "for x < −0.752; it tends to 0 for very negative inputs and to 1 for "
                "large positive ones. There is no kink and there are no exact zeros, so "
                "small negative inputs still pass some gradient. It is the standard "
                "feed-forward activation of Transformers such as BERT, GPT and ViT, and "
                "nn.GELU() computes this exact erf form by default."
            ),
            "ko": (
                "GELU(Hendrycks & Gimpel 2016)는 "
                "x·Φ(x)(Φ는 표준정규분포의 CDF)로, 입력을 '표준정규 "
                "변수가 그 값보다 작을 확률'로 가중한 매끄럽고 "
                "비단조(non-monotonic)인 곡선이며 x ≈ "
                "−0.752에서 최솟값 ≈ −0.170을 갖는다. 도함수 "
                "Φ(x) + xφ(x)는 x = 0에서 0.5, x = √2 "
                "≈ 1.414에서 최대 ≈ 1.129이고 x < "
                "−0.752에서는 약간 음수이며, 큰 음수 입력에서는 0으로, "
                "큰 양수 입력에서는 1로 간다. 꺾이는 점도 정확한 0 출력도 "
                "없어서 작은 음수 입력도 기울기를 조금은 전달한다. BERT, "
                "GPT, ViT 같은 Transformer 피드포워드 층의 "
                "표준 활성화 함수이고, PyTorch nn.GELU()의 "
                "기본값이 바로 이 erf 정확식이다."
            ),
            "use_en": "Transformer feed-forward layers (BERT, GPT, ViT)",
            "use_ko": "BERT·GPT·ViT의 FFN",
        },
    ),
    Entry(
        name="gelu_tanh", aliases=("gelu_approx", "approximate_gelu"),
        torch="F.gelu", torch_kwargs=(("approximate", "tanh"),),
        text={
            "en": (
                "This is GELU's tanh approximation, 0.5x(1 + tanh(√(2/π)(x + "
                "0.044715x³))), available in PyTorch as nn.GELU(approximate='tanh') and "
                "the default of JAX's jax.nn.gelu. It differs from exact GELU by at "
                "most ≈ 4.7e-4 on −10 ≤ x ≤ 10, so its gradients behave the same way: "
                "smooth, 0.5 at x = 0, slightly negative below the minimum near x ≈ "
                "−0.75, no exact zeros. It was proposed as a cheaper approximation than "
                "erf and used in the original GPT-2 code; when porting weights between "
                "frameworks, run the model with the form it was trained with to "
                "reproduce its outputs exactly."
            ),
            "ko": (
                "GELU의 tanh 근사식 0.5x(1 + "
                "tanh(√(2/π)(x + 0.044715x³)))로, "
                "PyTorch에서는 "
                "nn.GELU(approximate='tanh')로 쓰고 "
                "JAX에서는 jax.nn.gelu의 기본값이다. −10 ≤ x "
                "≤ 10에서 정확한 GELU와의 차이가 최대 ≈ 4.7e-4에 "
                "불과해 기울기 특성도 같다: 매끄럽고, x = 0에서 도함수가 "
                "0.5, x ≈ −0.75 부근 최솟값보다 왼쪽에서는 도함수가 "
                "약간 음수이며, 정확한 0 출력이 없다. erf보다 계산이 싼 "
                "근사로 제안되어 GPT-2 원본 코드 등에서 쓰였으므로, "
                "프레임워크 간에 가중치를 옮길 때는 학습 때와 같은 식을 써야 "
                "출력이 정확히 재현된다."
            ),
            "use_en": "GPT-2-style and JAX models",
            "use_ko": "GPT-2 계열, JAX 모델",
        },
    ),
    Entry(
        name="silu", aliases=("swish",), torch="F.silu",
        text={
            "en": (
                "SiLU, x·σ(x), is also called Swish (Elfwing et al. 2018; Ramachandran "
                "et al. 2017, with β = 1); it is a smooth, non-monotonic, ReLU-like "
                "curve with a minimum of ≈ −0.278 at x ≈ −1.278. Its derivative σ(x)(1 "
                "+ x(1 − σ(x))) is 0.5 at x = 0, peaks at ≈ 1.100 and is slightly "
                "negative for x < −1.278; it tends to 0 for very negative inputs "
                "(one-sided saturation) and to 1 for large positive ones. It is "
                "unbounded above and bounded below, with no kink and no exact zeros. It "
                "is used in EfficientNet, YOLO-family detectors and, as the gate of "
                "SwiGLU, in the feed-forward blocks of LLMs such as LLaMA."
            ),
            "ko": (
                "SiLU는 x·σ(x)로 Swish(β = 1)라고도 "
                "부르며(Elfwing et al. 2018; "
                "Ramachandran et al. 2017), ReLU와 "
                "닮았지만 매끄럽고 비단조(non-monotonic)인 곡선으로 "
                "x ≈ −1.278에서 최솟값 ≈ −0.278을 갖는다. "
                "도함수 σ(x)(1 + x(1 − σ(x)))는 x = 0에서 "
                "0.5, 최대 ≈ 1.100이고 x < −1.278에서는 약간 "
                "음수이며, 큰 음수 입력에서는 0으로(한쪽 포화), 큰 양수 "
                "입력에서는 1로 간다. 위로는 유계가 아니고 아래로는 "
                "유계이며, 꺾이는 점도 정확한 0 출력도 없다. "
                "EfficientNet, YOLO 계열 검출기, 그리고 "
                "LLaMA 같은 LLM의 피드포워드 블록(SwiGLU의 "
                "게이트)에 쓰인다."
            ),
            "use_en": "EfficientNet, YOLO, SwiGLU in LLMs",
            "use_ko": "EfficientNet, SwiGLU",
        },
    ),
    Entry(
        name="mish", aliases=(), torch="F.mish",
        text={
            "en": (
                "Mish (Misra 2019) is x·tanh(softplus(x)), a smooth, non-monotonic "
                "curve similar to SiLU, unbounded above and bounded below, with a "
                "minimum of ≈ −0.309 at x ≈ −1.192. Its derivative is 0.6 (= tanh(ln "
                "2)) at x = 0, slightly exceeds 1 for moderate positive x, and tends to "
                "1 for large x and to 0 for very negative x; there is no kink and there "
                "are no exact zeros. It costs more than ReLU or SiLU (exp, log and tanh "
                "per element) and is best known from the YOLOv4 backbone."
            ),
            "ko": (
                "Mish(Misra 2019)는 "
                "x·tanh(softplus(x))로, SiLU와 비슷하게 "
                "매끄럽고 비단조인 곡선이며 위로는 유계가 아니고 아래로는 "
                "유계라 x ≈ −1.192에서 최솟값 ≈ −0.309를 "
                "갖는다. 도함수는 x = 0에서 0.6(= tanh(ln "
                "2))이고, 적당한 양수 구간에서 1을 살짝 넘었다가 큰 "
                "양수에서는 1로, 큰 음수에서는 0으로 가며, 꺾이는 점도 "
                "정확한 0 출력도 없다. 원소마다 exp, log, tanh를 "
                "계산해야 해서 ReLU나 SiLU보다 비싸고, YOLOv4 "
                "백본에 쓰인 것으로 가장 잘 알려져 있다."
            ),
            "use_en": "YOLOv4-style detection backbones",
            "use_ko": "YOLOv4 계열 백본",
        },
    ),
    Entry(
        name="softplus", aliases=("smooth_relu",), torch="F.softplus",
        text={
            "en": (
                "Softplus, log(1 + eˣ), is a smooth, always-positive approximation of "
                "ReLU (softplus(0) = ln 2 ≈ 0.693); PyTorch's defaults are β = 1 and "
                "threshold = 20, and it returns x itself when x > 20 to avoid overflow. "
                "Its derivative is exactly the sigmoid σ(x): 0.5 at x = 0 and strictly "
                "between 0 and 1 everywhere, so there is no kink, no exact zero and no "
                "dead unit, but it saturates toward 0 for very negative inputs. As a "
                "hidden activation it is rarely better than ReLU; it is mainly used to "
                "keep an output positive, such as a predicted standard deviation or "
                "scale, and inside Mish and log σ(x) = −softplus(−x)."
            ),
            "ko": (
                "Softplus는 log(1 + eˣ)로, 항상 양수인 "
                "ReLU의 매끄러운 근사다(softplus(0) = ln 2 "
                "≈ 0.693). PyTorch 기본값은 β = 1, "
                "threshold = 20이고, x > 20이면 오버플로를 "
                "피하려고 x를 그대로 반환한다. 도함수가 정확히 시그모이드 "
                "σ(x)라 x = 0에서 0.5이고 어디서나 0과 1 사이에 "
                "있으므로 꺾이는 점도, 정확한 0 출력도, 죽은 뉴런도 없지만 "
                "큰 음수 입력에서는 0으로 포화된다. 은닉층 활성화 함수로는 "
                "ReLU보다 나은 경우가 드물고, 표준편차나 스케일처럼 "
                "양수여야 하는 출력을 만들 때, 그리고 Mish와 log "
                "σ(x) = −softplus(−x) 안에서 주로 쓴다."
            ),
            "use_en": "positive outputs (std, scale); smooth ReLU",
            "use_ko": "양수 출력(표준편차 등)",
        },
    ),
    Entry(
        name="softsign", aliases=(), torch="F.softsign",
        text={
            "en": (
                "Softsign, x/(1 + |x|), maps inputs into (−1, 1) and is zero-centred "
                "like tanh, but it approaches ±1 polynomially rather than "
                "exponentially. Its derivative 1/(1 + |x|)² is 1 at x = 0 and decays "
                "like 1/x², so it saturates more slowly than tanh, whose derivative "
                "decays exponentially; the derivative is continuous at 0 and the only "
                "zero output is at x = 0. Glorot & Bengio (2010) found softsign units "
                "saturate less than tanh units, but in practice it is rare, a cheap "
                "tanh substitute without exp."
            ),
            "ko": (
                "Softsign은 x/(1 + |x|)로, tanh처럼 "
                "(−1, 1) 범위에 zero-centered이지만 ±1에 "
                "지수적으로가 아니라 다항식 속도로 다가간다. 도함수 1/(1 "
                "+ |x|)²는 x = 0에서 1이고 1/x²처럼 줄어들어, "
                "도함수가 지수적으로 줄어드는 tanh보다 천천히 포화된다. "
                "도함수는 0에서도 연속이고, 0을 출력하는 곳은 x = "
                "0뿐이다. Glorot & Bengio(2010)는 "
                "softsign 뉴런이 tanh보다 덜 포화된다고 보고했지만, "
                "실무에서는 exp 없이 쓰는 값싼 tanh 대용으로 드물게 "
                "쓰인다."
            ),
            "use_en": "rare; cheap tanh alternative",
            "use_ko": "드묾, 값싼 tanh 대용",
        },
    ),
    Entry(
        name="hardtanh", aliases=(), torch="F.hardtanh",
        text={
            "en": (
                "Hardtanh clamps its input between −1 and 1, clamp(x, −1, 1) (PyTorch "
                "defaults min_val = −1, max_val = 1), a piecewise-linear stand-in for "
                "tanh without exponentials. Its derivative is 1 strictly inside (−1, 1) "
                "and 0 outside, and PyTorch uses 0 at both kinks x = ±1, so saturated "
                "units pass no gradient at all (hard saturation). It is zero-centred "
                "and cheap, and is used in low-precision and binarised networks, where "
                "this clipped derivative is the straight-through estimator used to "
                "backpropagate through sign()."
            ),
            "ko": (
                "Hardtanh는 입력을 −1과 1 사이로 자르는 "
                "clamp(x, −1, 1)로(PyTorch 기본값 "
                "min_val = −1, max_val = 1), 지수 함수 "
                "없이 tanh를 흉내 내는 조각별 "
                "선형(piecewise-linear) 함수다. 도함수는 −1 "
                "< x < 1에서 1, 그 밖에서 0이고 PyTorch는 두 "
                "꺾이는 점 x = ±1에서 0을 쓰므로, 포화된 뉴런은 "
                "기울기를 전혀 전달하지 않는다(hard saturation). "
                "zero-centered이고 계산이 싸서 저정밀도·이진화 "
                "신경망에 쓰이며, 이진화 신경망에서 sign 함수를 역전파할 "
                "때 쓰는 straight-through "
                "estimator(STE)가 바로 이 잘린 도함수다."
            ),
            "use_en": "cheap bounded activation; binarised networks",
            "use_ko": "이진화·저정밀도 신경망",
        },
    ),
    Entry(
        name="hardsigmoid", aliases=("hard_sigmoid",), torch="F.hardsigmoid",
        text={
            "en": (
                "Hardsigmoid is 0 for x ≤ −3, 1 for x ≥ 3 and x/6 + 1/2 in between "
                "(equivalently relu6(x + 3)/6), a piecewise-linear approximation of the "
                "sigmoid in the form used by MobileNetV3 (Howard et al. 2019). Its "
                "derivative is a constant 1/6 on −3 < x < 3 and 0 outside, with PyTorch "
                "returning 0 at both kinks, so it saturates hard, and like the sigmoid "
                "it is not zero-centred. It avoids exp, which makes it cheap on mobile "
                "hardware and friendly to quantisation, and it serves as the gate in "
                "MobileNetV3's squeeze-and-excitation blocks."
            ),
            "ko": (
                "Hardsigmoid는 x ≤ −3이면 0, x ≥ 3이면 "
                "1, 그 사이에서는 x/6 + 1/2(= relu6(x + "
                "3)/6)인 시그모이드의 조각별 "
                "선형(piecewise-linear) 근사로, "
                "MobileNetV3(Howard et al. 2019)에서 "
                "쓴 형태다. 도함수는 −3 < x < 3에서 상수 1/6, 그 "
                "밖에서 0이고 PyTorch는 두 꺾이는 점에서 0을 쓰므로 "
                "구간 밖에서는 완전히 포화되며, 시그모이드처럼 "
                "zero-centered도 아니다. exp가 없어 모바일 "
                "하드웨어에서 싸고 양자화에도 유리하며, MobileNetV3의 "
                "squeeze-and-excitation 블록에서 게이트로 "
                "쓴다."
            ),
            "use_en": "MobileNetV3 squeeze-and-excitation gates",
            "use_ko": "MobileNetV3 SE 게이트",
        },
    ),
    Entry(
        name="hardswish", aliases=("hard_swish",), torch="F.hardswish",
        text={
            "en": (
                "Hardswish is x·relu6(x + 3)/6: 0 for x ≤ −3, x for x ≥ 3 and x(x + "
                "3)/6 in between, i.e. x times the piecewise-linear hardsigmoid, "
                "introduced in MobileNetV3 (Howard et al. 2019) as a cheap "
                "approximation of SiLU/Swish, with a minimum of −0.375 at x = −1.5. Its "
                "derivative (2x + 3)/6 runs from −0.5 to 1.5 on −3 < x < 3 and is 0 "
                "below and 1 above, so it jumps at both ends; PyTorch returns 0 at x = "
                "−3 and 1 at x = 3. Inputs below −3 give exact zeros and zero gradient, "
                "as with ReLU. It is used in the deeper layers of MobileNetV3 and other "
                "mobile models, keeping most of Swish's benefit without exp."
            ),
            "ko": (
                "Hardswish는 x·relu6(x + 3)/6, 즉 x ≤ "
                "−3이면 0, x ≥ 3이면 x, 그 사이에서는 x(x + "
                "3)/6이다. 조각별 선형인 hardsigmoid에 x를 곱해 "
                "SiLU(Swish)를 싸게 근사한 "
                "MobileNetV3(Howard et al. 2019)의 "
                "활성화 함수로, x = −1.5에서 최솟값 −0.375를 "
                "갖는다. 도함수는 −3 < x < 3에서 (2x + "
                "3)/6으로 −0.5부터 1.5까지 변하고 그 아래는 0, "
                "위는 1이라 양 끝에서 불연속이며, PyTorch는 x = "
                "−3에서 0, x = 3에서 1을 쓴다. x < −3에서는 "
                "ReLU처럼 정확한 0 출력과 0 기울기가 나오고, "
                "MobileNetV3의 깊은 층 등 모바일 모델에서 exp "
                "없이 Swish의 이점을 대부분 살리려고 쓴다."
            ),
            "use_en": "MobileNetV3 and other mobile CNNs",
            "use_ko": "MobileNetV3, 모바일 CNN",
        },
    ),
    Entry(
        name="logsigmoid", aliases=("log_sigmoid",), torch="F.logsigmoid",
        text={
            "en": (
                "LogSigmoid is log σ(x) = −softplus(−x), with outputs in (−∞, 0); "
                "PyTorch computes it in this log-space form because σ(x) rounds to "
                "exactly 1 at x = 17 in float32, so a naive log(sigmoid(x)) loses all "
                "precision for large x and returns −inf once σ underflows for very "
                "negative x. Its derivative is 1 − σ(x) = σ(−x), always between 0 and "
                "1: close to 1 for very negative x (where log σ(x) ≈ x) and saturating "
                "to 0 for large positive x. It is rarely a hidden activation; it "
                "appears in losses such as binary cross-entropy with logits, word2vec "
                "negative sampling and DPO."
            ),
            "ko": (
                "LogSigmoid는 log σ(x) = "
                "−softplus(−x)로 출력 범위는 (−∞, 0)이다. "
                "float32에서 σ(x)는 x = 17이면 정확히 1로 "
                "반올림되므로 log(sigmoid(x))를 그대로 계산하면 큰 "
                "x에서 정밀도를 모두 잃고, 아주 큰 음수 x에서는 σ가 "
                "0으로 언더플로해 −inf가 나오기 때문에 PyTorch는 이 "
                "로그 공간 형태로 계산한다. 도함수는 1 − σ(x) = "
                "σ(−x)로 항상 0과 1 사이이며, 큰 음수 x에서는 1에 "
                "가깝고(log σ(x) ≈ x) 큰 양수 x에서는 0으로 "
                "포화된다. 은닉층에는 거의 쓰지 않고, 로짓을 받는 이진 교차 "
                "엔트로피(BCE with logits), word2vec의 "
                "네거티브 샘플링, DPO 같은 손실 함수 안에 등장한다."
            ),
            "use_en": "log-likelihood losses (BCE, word2vec, DPO)",
            "use_ko": "손실 함수(BCE, DPO 등)",
        },
    ),
    Entry(
        name="tanhshrink", aliases=(), torch="F.tanhshrink",
        text={
            "en": (
                "Tanhshrink is x − tanh(x): nearly flat around 0 (it behaves like x³/3 "
                "there) and close to x − sign(x) for large |x|, so it shrinks small "
                "inputs toward zero while letting large ones through. Its derivative is "
                "tanh²(x), which is 0 at x = 0, always below 1 and tends to 1 for large "
                "|x|, so it does not saturate for large inputs but passes almost no "
                "gradient near zero. It is smooth and odd, outputs 0 only at x = 0, and "
                "is rarely used outside experiments with smooth shrinkage functions."
            ),
            "ko": (
                "Tanhshrink는 x − tanh(x)로, 0 근처에서는 "
                "x³/3처럼 거의 평평하고 |x|가 크면 x − "
                "sign(x)에 가까워져 작은 입력은 0 쪽으로 줄이고 큰 "
                "입력은 통과시킨다. 도함수는 tanh²(x)로 x = 0에서 "
                "0이고 항상 1보다 작으며 |x|가 커지면 1로 가므로, 큰 "
                "입력에서는 포화되지 않지만 0 근처에서는 기울기가 거의 흐르지 "
                "않는다. 매끄러운 홀함수이고 x = 0에서만 0을 출력하며, "
                "매끄러운 축소(shrinkage) 함수를 시험해 보는 경우 "
                "말고는 거의 쓰지 않는다."
            ),
            "use_en": "rare; smooth shrinkage of small inputs",
            "use_ko": "드묾, 작은 입력 축소",
        },
    ),
    Entry(
        name="identity", aliases=("linear", "none"), gain=1.0, torch="torch.positive",
        text={
            "en": (
                "The identity f(x) = x (nn.Identity) is no activation at all: its "
                "derivative is 1 everywhere, so nothing saturates or is zeroed and "
                "gradients pass through unchanged. A stack of layers with only identity "
                "activations collapses into a single linear map, so it belongs only "
                "where linearity is wanted. It is the output activation for regression "
                "(with MSE) and for logits whose softmax or sigmoid is applied inside "
                "the loss, and nn.Identity is a handy placeholder when removing a layer "
                "such as a classifier head."
            ),
            "ko": (
                "항등 함수 f(x) = x(nn.Identity)는 사실상 "
                "활성화 함수가 없는 것과 같아서, 도함수가 어디서나 1이고 "
                "포화도 0 출력도 없이 기울기가 그대로 전달된다. 항등 "
                "활성화만 쓴 층을 여러 개 쌓으면 하나의 선형 변환으로 "
                "합쳐지므로, 선형성이 필요한 자리에만 쓴다. 회귀 "
                "출력층(MSE와 함께)과 softmax나 sigmoid를 손실 "
                "함수 안에서 적용하는 로짓 출력에 쓰고, 분류 헤드를 떼어낼 "
                "때처럼 층을 비워 두는 자리표시자로도 편리하다."
            ),
            "use_en": "regression outputs, logits, layer placeholder",
            "use_ko": "회귀 출력, 로짓",
        },
    ),
)

BY_NAME: dict[str, Entry] = {e.name: e for e in CATALOG}
