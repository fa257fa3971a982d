"""Rich rendering of `quiz demo` results: a table, a chart where a picture says more, and a
conclusion whose numbers come from this run. Data in, text out; nothing is computed here
beyond formatting."""

from __future__ import annotations

import math

from ..console import box_style, literal
from ..i18n import Catalog
from .numbers import fmt, power_of_ten

T = Catalog({
    # common
    "conclusion": {"en": "Conclusion", "ko": "결론"},
    "cited_by": {"en": "Questions that cite this demo: {ids}  (quiz show ID)",
                 "ko": "이 데모를 인용하는 질문: {ids}  (quiz show ID)"},
    "cited_none": {"en": "No question cites this demo yet.",
                   "ko": "아직 이 데모를 인용하는 질문이 없습니다."},
    "activation": {"en": "activation", "ko": "활성화 함수"},
    "layer": {"en": "layer", "ko": "층"},
    "step": {"en": "step", "ko": "스텝"},
    "never": {"en": "never", "ko": "없음"},
    "yes": {"en": "yes", "ko": "예"},
    "no": {"en": "no", "ko": "아니오"},
    # listing
    "list_title": {"en": "Demos ({n}) — quiz demo NAME [OPTIONS]",
                   "ko": "데모 ({n}개) — quiz demo 이름 [옵션]"},
    "list_name": {"en": "demo", "ko": "데모"},
    "list_what": {"en": "what it shows", "ko": "보여 주는 것"},
    "list_cited": {"en": "questions", "ko": "질문 수"},
    "list_footer": {
        "en": "quiz demo NAME --help shows the options and an example; each demo ends with the "
              "questions that cite it. Try: quiz demo {example}",
        "ko": "quiz demo 이름 --help로 옵션과 예시를 볼 수 있고, 각 데모 끝에 그 데모를 인용하는 "
              "질문이 나옵니다. 예: quiz demo {example}",
    },
    # vanishing
    "van_title": {
        "en": "Vanishing gradients: depth {depth}, width {width}, batch {batch}, {init} init "
              "(weight std {std}, gain {gain}), seed {seed}, {dtype}",
        "ko": "기울기 소실: 깊이 {depth}, 너비 {width}, 배치 {batch}, {init} 초기화"
              "(가중치 표준편차 {std}, 게인 {gain}), 시드 {seed}, {dtype}",
    },
    "van_table": {"en": "‖∂L/∂z_l‖ relative to the last layer (layer {L} = 1)",
                  "ko": "마지막 층 대비 ‖∂L/∂z_l‖ ({L}층 = 1)"},
    "van_summary": {"en": "Per activation", "ko": "활성화 함수별 요약"},
    "van_bound": {"en": "max f′", "ko": "f′ 최댓값"},
    "van_rms": {"en": "rms f′", "ko": "f′ RMS"},
    "van_expected": {"en": "expected/layer", "ko": "예상 층당 배율"},
    "van_measured": {"en": "measured/layer", "ko": "측정 층당 배율"},
    "van_ratio": {"en": "layer 1/{L}", "ko": "1층/{L}층"},
    "van_bound_total": {"en": "max f′^{n}", "ko": "f′ 최댓값^{n}"},
    "van_caption": {
        "en": "max f′: the activation's bound per layer. rms f′: measured over every unit, input "
              "and layer. expected/layer = rms f′ × weight gain. max f′^{n}: the most the "
              "activations alone let through {n} layers.",
        "ko": "f′ 최댓값: 활성화 함수가 층마다 허용하는 상한. f′ RMS: 모든 유닛·입력·층에서 측정한 값. "
              "예상 층당 배율 = f′ RMS × 가중치 게인. f′ 최댓값^{n}: 활성화 함수만으로 {n}개 층을 "
              "지날 때 남을 수 있는 최대 비율.",
    },
    "van_chart": {"en": "log10(‖∂L/∂z_l‖ / ‖∂L/∂z_{L}‖) by layer l",
                  "ko": "층 l별 log10(‖∂L/∂z_l‖ / ‖∂L/∂z_{L}‖)"},
    "van_vanishes": {
        "en": "With {act} ({init} init), layer 1 receives {ratio} of the gradient layer {L} "
              "receives: ×{factor} per layer.",
        "ko": "{act}({init} 초기화)에서는 1층이 받는 기울기가 {L}층의 {ratio}배입니다. "
              "층마다 ×{factor}씩 줄어듭니다.",
    },
    "van_holds": {
        "en": "With {act} ({init} init), the gradient holds: layer 1 receives {ratio} of what "
              "layer {L} receives (×{factor} per layer).",
        "ko": "{act}({init} 초기화)에서는 기울기가 유지됩니다. 1층이 받는 기울기는 {L}층의 "
              "{ratio}배입니다(층당 ×{factor}).",
    },
    "van_explodes": {
        "en": "With {act} ({init} init), the gradient explodes: layer 1 receives {ratio} times "
              "what layer {L} receives (×{factor} per layer).",
        "ko": "{act}({init} 초기화)에서는 기울기가 폭발합니다. 1층이 받는 기울기가 {L}층의 "
              "{ratio}배입니다(층당 ×{factor}).",
    },
    "van_zero": {
        "en": "With {act} ({init} init), the gradient is exactly 0 from layer {k} down: f′ was 0 "
              "for every unit and input there, or the product underflowed float32.",
        "ko": "{act}({init} 초기화)에서는 {k}층부터 아래로 기울기가 정확히 0입니다. 그 층의 모든 "
              "유닛과 입력에서 f′가 0이었거나, 곱이 float32 범위 아래로 언더플로했습니다.",
    },
    "van_overflow": {
        "en": "With {act} ({init} init), the forward pass overflowed float32 by layer {k}: the "
              "activations grew without bound, so no gradient is reported.",
        "ko": "{act}({init} 초기화)에서는 순전파가 {k}층 무렵 float32 범위를 넘었습니다. "
              "활성값이 끝없이 커져서 기울기는 보고하지 않습니다.",
    },
    "van_why": {"en": "  Per layer ≈ rms {act}′ {rms} × weight gain {gain} = {expected}.",
                "ko": "  층당 배율 ≈ {act}′ RMS {rms} × 가중치 게인 {gain} = {expected}."},
    "van_gap": {
        "en": "  The gap to the measured ×{measured} is finite width: each layer multiplies the norm "
              "by a random factor, and the mean of its log is below the log of its mean "
              "(width {width}).",
        "ko": "  측정값(×{measured})이 예상보다 작은 것은 유한한 너비 때문입니다. 층마다 노름에 "
              "곱해지는 배율이 확률변수라서, 그 로그의 평균이 평균의 로그보다 작습니다(너비 {width}).",
    },
    "van_bound_line": {
        "en": "  {act}′ ≤ {max_df} everywhere, so the activations alone allow at most "
              "{max_df}^{n} = {bound} over {n} layers.",
        "ko": "  {act}′는 어디서나 {max_df} 이하라서, 활성화 함수만으로도 {n}개 층을 지나면 "
              "최대 {max_df}^{n} = {bound}배만 남습니다.",
    },
    "van_tip_he": {
        "en": "Tip: --init he sets the weight gain to √2 ≈ 1.41, which cancels relu′'s rms of "
              "1/√2 ≈ 0.71 (He et al. 2015): quiz demo vanishing --activations relu --init he",
        "ko": "팁: --init he는 가중치 게인을 √2 ≈ 1.41로 만들어 relu′의 RMS 1/√2 ≈ 0.71을 "
              "상쇄합니다(He et al. 2015): quiz demo vanishing --activations relu --init he",
    },
    "van_definition": {
        "en": "Gradient at layer l: ‖∂L/∂z_l‖ over the batch (∂L/∂W_l = h_(l−1)ᵀ ∂L/∂z_l), "
              "for a fixed random read-out L = Σ g ⊙ h_L.",
        "ko": "l층의 기울기: 배치 전체에 대한 ‖∂L/∂z_l‖ (∂L/∂W_l = h_(l−1)ᵀ ∂L/∂z_l), "
              "손실은 고정된 랜덤 선형 읽기 L = Σ g ⊙ h_L.",
    },
    # sparsity
    "sp_title": {
        "en": "Exact zeros at initialization: depth {depth}, width {width}, batch {batch} "
              "(N = {n} outputs per layer), {init} init, seed {seed}",
        "ko": "초기화 직후의 정확한 0: 깊이 {depth}, 너비 {width}, 배치 {batch} "
              "(층당 출력 N = {n}개), {init} 초기화, 시드 {seed}",
    },
    "sp_table": {"en": "Share of outputs that are exactly 0.0", "ko": "정확히 0.0인 출력의 비율"},
    "sp_zeros": {"en": "{act}", "ko": "{act}"},
    "sp_always": {"en": "{act}: dead on batch", "ko": "{act}: 배치 전체 0"},
    "sp_exact": {
        "en": "{act}: {first} of layer-1 outputs are exactly 0 (expected ½ ± 3/√N = ±{band}), "
              "{mean} on average over {depth} layers. A zero-skipping kernel could skip that "
              "share of the next layer's multiply-adds; a dense matmul (BLAS, cuBLAS) "
              "multiplies the zeros anyway.",
        "ko": "{act}: 1층 출력의 {first}가 정확히 0입니다(기댓값 ½ ± 3/√N = ±{band}). {depth}개 "
              "층 평균은 {mean}입니다. 0을 건너뛰는 커널이라면 다음 층 곱셈-덧셈 중 그만큼을 "
              "생략할 수 있지만, 일반 밀집 행렬곱(BLAS, cuBLAS)은 0도 그대로 곱합니다.",
    },
    "sp_dead": {
        "en": "  {share} of layer-{layer} units are 0 for all {batch} inputs (dead on this batch).",
        "ko": "  {layer}층 유닛의 {share}는 입력 {batch}개 모두에서 0입니다(이 배치에서는 죽은 유닛).",
    },
    "sp_none": {
        "en": "{acts}: no exact zeros ({mean} on average): small outputs are still not 0, so "
              "there is nothing to skip.",
        "ko": "{acts}: 정확히 0인 출력이 없습니다(평균 {mean}). 작은 값이어도 0은 아니라서 "
              "건너뛸 것이 없습니다.",
    },
    "sp_deeper": {
        "en": "Deeper layers scatter more around ½: their inputs are ≥ 0, so each unit's sign "
              "depends on w·mean(h), not on the input alone.",
        "ko": "깊은 층일수록 ½ 주변으로 더 흩어집니다. 입력이 0 이상이라 각 유닛의 부호가 "
              "입력보다 w·mean(h)에 좌우되기 때문입니다.",
    },
    # dying
    "dy_title": {
        "en": "Dying units during SGD: lr {lr}, hidden biases start at {bias}, {steps} steps, "
              "2 hidden layers × {width} units, batches of {batch} from {n} points, seed {seed}",
        "ko": "SGD 학습 중 죽는 유닛: 학습률 {lr}, 은닉층 편향 초기값 {bias}, {steps} 스텝, "
              "은닉층 2개 × 유닛 {width}개, 데이터 {n}개에서 뽑은 배치 {batch}, 시드 {seed}",
    },
    "dy_table": {
        "en": "Dead units (pre-activation ≤ 0 for every training input): layer 1 / layer 2",
        "ko": "죽은 유닛(모든 학습 입력에서 사전 활성값 ≤ 0): 1층 / 2층",
    },
    "dy_summary": {"en": "Per activation", "ko": "활성화 함수별 요약"},
    "dy_start": {"en": "dead, step 0", "ko": "시작 시 죽음"},
    "dy_end": {"en": "dead, end", "ko": "끝날 때 죽음"},
    "dy_back": {"en": "back L1/L2", "ko": "부활 1층/2층"},
    "dy_grad": {"en": "max |∂L/∂w| dead", "ko": "죽은 유닛 |∂L/∂w| 최댓값"},
    "dy_loss": {"en": "final loss", "ko": "최종 손실"},
    "dy_chart": {"en": "Share of dead hidden units by step", "ko": "스텝별 죽은 은닉 유닛 비율"},
    "dy_zero": {
        "en": "{act}: {end} of hidden units are dead after {steps} steps ({start} at step 0). "
              "Their incoming gradient is exactly 0 (max |∂L/∂w| = 0), so they cannot learn "
              "their way back: {back1} layer-1 units came back (their inputs are the data), "
              "{back2} layer-2 units came back only because layer 1 changed their inputs.",
        "ko": "{act}: {steps} 스텝 후 은닉 유닛의 {end}가 죽어 있습니다(0 스텝에서는 {start}). "
              "이 유닛들로 들어오는 기울기는 정확히 0이라(|∂L/∂w| 최댓값 = 0) 학습으로는 "
              "되살아나지 못합니다. 1층에서 되살아난 유닛은 {back1}개(입력이 데이터 그대로이므로), "
              "2층에서는 {back2}개인데, 이는 1층이 바뀌면서 입력이 달라졌기 때문입니다.",
    },
    "dy_leak": {
        "en": "{act}: {end} of hidden units are inactive on every input after {steps} steps "
              "({start} at step 0), but their incoming gradient is not 0 (up to {g}), so they "
              "can still come back ({back} did).",
        "ko": "{act}: {steps} 스텝 후 은닉 유닛의 {end}가 모든 입력에서 비활성입니다(0 스텝에서는 "
              "{start}). 하지만 들어오는 기울기가 0이 아니라서(최대 {g}) 다시 살아날 수 있습니다"
              "(실제로 {back}개가 돌아왔습니다).",
    },
    "dy_none": {"en": "{act}: no dead units after {steps} steps ({start} at step 0).",
                "ko": "{act}: {steps} 스텝 후 죽은 유닛이 없습니다(0 스텝에서는 {start})."},
    "dy_diverged": {
        "en": "{act}: training diverged at step {k} (the loss became inf or nan); lower --lr.",
        "ko": "{act}: {k} 스텝에서 학습이 발산했습니다(손실이 inf 또는 nan). --lr을 낮춰 보세요.",
    },
    "dy_tip": {
        "en": "Try a larger learning rate or a more negative bias: quiz demo dying --lr 0.1 --bias 0",
        "ko": "학습률을 키우거나 편향을 더 음수로 바꿔 보세요: quiz demo dying --lr 0.1 --bias 0",
    },
    # zigzag
    "zz_title": {
        "en": "Zig-zag (LeCun et al. 1998, §4.3): one linear unit, inputs a = f(u) with "
              "u ~ N(0, I₂), target w* = ({t0}, {t1}), online SGD from w = (0, 0), lr {lr}, "
              "tolerance {tol} of ‖w*‖, seed {seed}",
        "ko": "지그재그(LeCun et al. 1998, §4.3): 선형 유닛 하나, 입력 a = f(u) (u ~ N(0, I₂)), "
              "목표 w* = ({t0}, {t1}), w = (0, 0)에서 시작하는 온라인 SGD, 학습률 {lr}, "
              "허용 오차 ‖w*‖의 {tol}, 시드 {seed}",
    },
    "zz_inputs": {"en": "f", "ko": "f"},
    "zz_mean": {"en": "mean a", "ko": "a 평균"},
    "zz_pos": {"en": "a > 0", "ko": "a > 0"},
    "zz_same": {"en": "same sign", "ko": "같은 부호"},
    "zz_cond": {"en": "cond", "ko": "조건수"},
    "zz_steps": {"en": "steps", "ko": "스텝"},
    "zz_path": {"en": "path ratio", "ko": "경로 비"},
    "zz_best": {"en": "best lr: steps", "ko": "최적 학습률: 스텝"},
    "zz_caption": {
        "en": "same sign: updates whose two components share a sign. cond: λmax/λmin of "
              "E[a aᵀ]. path ratio: path length / straight distance.",
        "ko": "같은 부호: 두 성분의 부호가 같은 업데이트의 비율. 조건수: E[a aᵀ]의 λmax/λmin. "
              "경로 비: 경로 길이 / 직선 거리.",
    },
    "zz_more": {"en": "> {n}", "ko": "> {n}"},
    "zz_chart": {"en": "Weight path: w₁ across, w₂ up; the target is ({t0}, {t1})",
                 "ko": "가중치 경로: 가로 w₁, 세로 w₂, 목표는 ({t0}, {t1})"},
    "zz_all_pos": {
        "en": "{act} outputs are all positive, so every update moved w₁ and w₂ the same way "
              "({same} same-sign): reaching w* = ({t0}, {t1}), which needs w₁ up and w₂ down, "
              "took {steps} steps along a path {ratio}× the straight line.",
        "ko": "{act} 출력은 모두 양수라서 모든 업데이트가 w₁과 w₂를 같은 방향으로 움직였습니다"
              "(같은 부호 {same}). w₁은 올리고 w₂는 내려야 하는 w* = ({t0}, {t1})까지 {steps} "
              "스텝이 걸렸고, 경로는 직선 거리의 {ratio}배였습니다.",
    },
    "zz_centred": {
        "en": "{act} outputs are zero-centred (mean {mean}): only {same} of the updates were "
              "same-sign, and w* was reached in {steps} steps along a path {ratio}× the "
              "straight line.",
        "ko": "{act} 출력은 0 중심(평균 {mean})이라 같은 부호 업데이트가 {same}뿐이었고, "
              "{steps} 스텝 만에 직선 거리의 {ratio}배인 경로로 w*에 닿았습니다.",
    },
    "zz_other": {
        "en": "{act} outputs (mean {mean}): {same} same-sign updates, {steps} steps, a path "
              "{ratio}× the straight line.",
        "ko": "{act} 출력(평균 {mean}): 같은 부호 업데이트 {same}, {steps} 스텝, 경로는 직선 "
              "거리의 {ratio}배.",
    },
    "zz_diverged": {
        "en": "{act}: diverged at step {k} (the learning rate is too large for these inputs).",
        "ko": "{act}: {k} 스텝에서 발산했습니다(이 입력에 비해 학습률이 너무 큽니다).",
    },
    "zz_best_line": {
        "en": "Each at its own best learning rate from {grid}: {pairs}.",
        "ko": "각자 {grid} 중 가장 좋은 학습률로는: {pairs}.",
    },
    "zz_pair": {"en": "{act} {steps} steps (lr {lr})", "ko": "{act} {steps} 스텝(학습률 {lr})"},
    "zz_why": {
        "en": "What slows the all-positive case is the condition number of E[a aᵀ] ({conds}): "
              "the mean of a makes one direction steep and the other flat. LeCun et al.: make "
              "inputs zero-mean, and use 1.7159·tanh(2x/3) in hidden layers (§4.4).",
        "ko": "양수 입력이 느린 근본 원인은 E[a aᵀ]의 조건수({conds})입니다. a의 평균 때문에 한 "
              "방향은 가파르고 다른 방향은 평평해집니다. LeCun et al.의 처방: 입력을 평균 0으로 "
              "맞추고, 은닉층 활성화 함수로는 1.7159·tanh(2x/3) (§4.4).",
    },
    # kink
    "kk_title": {
        "en": "Kinks: one-sided slopes with h = 2⁻²⁰ (exact for piecewise-linear functions)",
        "ko": "꺾인 점(kink): h = 2⁻²⁰로 잰 좌·우 기울기(구간별 선형 함수에서는 정확한 값)",
    },
    "kk_left": {"en": "left", "ko": "왼쪽"},
    "kk_right": {"en": "right", "ko": "오른쪽"},
    "kk_central": {"en": "central", "ko": "중앙 차분"},
    "kk_sub": {"en": "subgradients", "ko": "서브그래디언트"},
    "kk_clarke": {"en": "{interval} (Clarke)", "ko": "{interval} (Clarke)"},
    "kk_autograd": {"en": "autograd", "ko": "자동 미분"},
    "kk_caption": {
        "en": "left/right: (f(x) − f(x−h))/h and (f(x+h) − f(x))/h; central: (f(x+h) − f(x−h))/2h; "
              "autograd: the f′(x) PyTorch uses.",
        "ko": "왼쪽/오른쪽: (f(x) − f(x−h))/h, (f(x+h) − f(x))/h; 중앙 차분: (f(x+h) − f(x−h))/2h; "
              "자동 미분: PyTorch가 쓰는 f′(x).",
    },
    "kk_fw_title": {
        "en": "ReLU′(0) in the frameworks (PyTorch measured with 2.13; TensorFlow and JAX as "
              "documented)",
        "ko": "프레임워크별 ReLU′(0) (PyTorch는 2.13에서 측정, TensorFlow와 JAX는 문서 기준)",
    },
    "kk_framework": {"en": "framework", "ko": "프레임워크"},
    "kk_call": {"en": "call", "ko": "호출"},
    "kk_value": {"en": "ReLU′(0)", "ko": "ReLU′(0)"},
    "kk_note": {"en": "note", "ko": "비고"},
    "kk_note_jax": {"en": "0.5 before 2020 (jax PR #2342)", "ko": "2020년 이전에는 0.5 (jax PR #2342)"},
    "kk_note_maximum": {"en": "the gradient is split between the two equal arguments",
                        "ko": "두 인자가 같으면 기울기를 반씩 나눔"},
    "kk_note_clamp": {"en": "the boundary counts as inside the range",
                      "ko": "경계값을 범위 안으로 취급"},
    "kk_zeros": {
        "en": "Among {n} float32 pre-activations z of a random {depth}-layer ReLU network "
              "(width {width}, He init, N(0, 1) inputs), {pre} are exactly 0; {post} ({share}) "
              "of its ReLU outputs are exactly 0 (z < 0).",
        "ko": "랜덤 {depth}층 ReLU 네트워크(너비 {width}, He 초기화, N(0, 1) 입력)의 float32 "
              "사전 활성값 z {n}개 중 정확히 0인 것은 {pre}개입니다. 반면 ReLU 출력은 {post}개"
              "({share})가 정확히 0입니다(z < 0).",
    },
    "kk_relu": {
        "en": "ReLU is not differentiable at 0: its one-sided slopes are {left} and {right}. "
              "Every value in [{lo}, {hi}] is a subgradient there; the central difference gives "
              "{central}; PyTorch, TensorFlow and JAX use {conv}. With {pre} exact zeros among "
              "{n} pre-activations the choice almost never matters. Backward through ReLU is a "
              "mask: pass the upstream gradient where z > 0, zero elsewhere.",
        "ko": "ReLU는 0에서 미분할 수 없습니다. 왼쪽 기울기는 {left}, 오른쪽 기울기는 {right}로 "
              "서로 다릅니다. [{lo}, {hi}] 사이의 모든 값이 그 점의 서브그래디언트이고, 중앙 차분은 "
              "{central}, PyTorch·TensorFlow·JAX가 쓰는 값은 {conv}입니다. 사전 활성값 {n}개 중 "
              "정확히 0인 것이 {pre}개이므로 이 선택이 결과를 바꾸는 일은 거의 없습니다. ReLU의 "
              "역전파는 마스크입니다: z > 0인 곳에서만 위에서 온 기울기를 통과시키고 나머지는 "
              "0으로 만듭니다.",
    },
    "kk_row": {
        "en": "{act} at x = {x}: slopes {left} (left) and {right} (right), central difference "
              "{central}; autograd uses {conv}.",
        "ko": "{act}의 x = {x}: 왼쪽 기울기 {left}, 오른쪽 기울기 {right}, 중앙 차분 {central}; "
              "자동 미분이 쓰는 값은 {conv}입니다.",
    },
    "kk_smooth": {"en": "{acts}: smooth, no kink (f′ is continuous everywhere).",
                  "ko": "{acts}: 매끄러운 함수라 꺾인 점이 없습니다(f′가 모든 점에서 연속)."},
    # saturation
    "st_title": {"en": "Saturation: f′ at |x| = {points}", "ko": "포화: |x| = {points}에서의 f′"},
    "st_thresholds": {"en": "Where |f′| stays below eps", "ko": "|f′|가 eps 아래에 머무는 구간"},
    "st_row": {"en": "f′(x) at x =", "ko": "x별 f′(x)"},
    "st_sym": {"en": "|x| > {a}", "ko": "|x| > {a}"},
    "st_left": {"en": "x < {a}", "ko": "x < {a}"},
    "st_right": {"en": "x > {a}", "ko": "x > {a}"},
    "st_both": {"en": "x < {l} or x > {r}", "ko": "x < {l} 또는 x > {r}"},
    "st_both_sat": {
        "en": "{act}′({x}) = {v}, 1/{inv} of its peak {peak}: a unit whose input sits at "
              "|z| = {x} passes almost no gradient back. |{act}′| < 1e-4 once {where}.",
        "ko": "{act}′({x}) = {v}로 최댓값 {peak}의 1/{inv}입니다. 입력이 |z| = {x}에 있는 "
              "유닛은 기울기를 거의 전달하지 못합니다. {where}이면 |{act}′| < 1e-4입니다.",
    },
    "st_exact_zero": {
        "en": "{act}′({x}) = 0 exactly: the gradient stops there. |{act}′| < 1e-4 once {where}.",
        "ko": "{act}′({x}) = 0(정확히)이라 기울기가 그 지점에서 끊깁니다. {where}이면 |{act}′| < 1e-4입니다.",
    },
    "st_one_side": {
        "en": "{act}′({xs}) = {vs} but {act}′({xo}) = {vo}: it saturates only for {side} inputs "
              "(|f′| < 1e-4 for {where}).",
        "ko": "{act}′({xs}) = {vs}이지만 {act}′({xo}) = {vo}입니다. {side} 입력 쪽에서만 "
              "포화됩니다({where}에서 |f′| < 1e-4).",
    },
    "st_negative": {"en": "negative", "ko": "음수"},
    "st_positive": {"en": "positive", "ko": "양수"},
    "st_none": {"en": "{act}′ does not fall below 1e-2 on either side: it does not saturate.",
                "ko": "{act}′는 양쪽 어디서도 1e-2 아래로 떨어지지 않습니다. 포화되지 않습니다."},
})


GAP_MIN_DEPTH = 200  # below this a 1% gap between expected and measured is mostly one seed's noise


# --- helpers -----------------------------------------------------------------------------

def _pct(x: float) -> str:
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "—"
    return f"{100 * x:.1f}%"


def ratio_text(log10_value: float) -> str:
    """10^x, readable: 0.707 near 1, 1.09e-12 when small, 1e-6312 when float would underflow."""
    if log10_value is None or math.isnan(log10_value):
        return "—"
    if math.isinf(log10_value):
        return "0" if log10_value < 0 else "inf"
    if -4 < log10_value < 4:
        return fmt(10 ** log10_value, 3)
    return power_of_ten(log10_value)


def _chart_width(console) -> int:
    return max(20, min(72, (console.width or 80) - 12))


def _print_lines(console, lines) -> None:
    from rich.text import Text

    for line in lines:
        console.print(Text(line))


def _title(console, text: str) -> None:
    from rich.text import Text

    console.print(Text(text, style="bold"))


def _cited(console, ids, lang: str) -> None:
    from rich.text import Text

    text = T("cited_by", lang, ids=", ".join(ids)) if ids else T("cited_none", lang)
    console.print(Text(literal(text), style="dim"))


def _table(title: str | None, ascii_only: bool):
    """A table whose title is printed as its own line by _print_table: a Rich table title
    wraps to the table's width, which breaks narrow tables into ragged two-line titles."""
    from rich.table import Table

    table = Table(box=box_style(ascii_only))
    table._quiz_title = title  # type: ignore[attr-defined]
    return table


def _print_table(console, table) -> None:
    title = getattr(table, "_quiz_title", None)
    if title:
        _title(console, title)
    console.print(table)


def _chart(console, xs, series, *, y_min=None, y_max=None, ascii_only=False, x_min=None,
           x_max=None):
    from .chart import line_chart

    finite = [v for _, ys in series for v in ys if v is not None and math.isfinite(v)]
    if not finite or not xs:
        return
    lo = min(finite) if y_min is None else y_min
    hi = max(finite) if y_max is None else y_max
    if hi <= lo:
        hi = lo + 1.0
    pad = 0.05 * (hi - lo)
    console.print(line_chart(xs, series, x_min=min(xs) if x_min is None else x_min,
                             x_max=max(xs) if x_max is None else x_max,
                             y_min=lo - (pad if y_min is None else 0),
                             y_max=hi + (pad if y_max is None else 0),
                             width=_chart_width(console), ascii_frame=ascii_only))


# --- listing -----------------------------------------------------------------------------

def render_listing(console, rows, lang: str, ascii_only: bool = False) -> None:
    table = _table(T("list_title", lang, n=len(rows)), ascii_only)
    table.add_column(T("list_name", lang), style="bold", no_wrap=True)
    table.add_column(T("list_what", lang))
    table.add_column(T("list_cited", lang), justify="right")
    for row in rows:
        table.add_row(row["name"], row["description"], str(len(row["cited_by"])))
    _print_table(console, table)
    console.print(_dim(T("list_footer", lang, example=rows[0]["example"] if rows else "")))


# --- vanishing ---------------------------------------------------------------------------

def render_vanishing(console, r, lang: str, ascii_only: bool = False) -> None:
    L = r.depth
    _title(console, T("van_title", lang, depth=r.depth, width=r.width, batch=r.batch,
                      init=r.init.label, std=fmt(r.init.std, 4), gain=fmt(r.init.gain, 3),
                      seed=r.seed, dtype=r.dtype))
    table = _table(T("van_table", lang, L=L), ascii_only)
    table.add_column(T("layer", lang), justify="right")
    for run in r.runs:
        table.add_column(run.activation, justify="right")
    for i, layer in enumerate(r.layers):
        table.add_row(str(layer), *[ratio_text(run.log10_rel[i]) for run in r.runs])
    _print_table(console, table)

    n = L - 1
    summary = _table(T("van_summary", lang), ascii_only)
    summary.caption = T("van_caption", lang, n=n)
    summary.caption_justify = "left"
    for key in ("activation", "van_bound", "van_rms", "van_expected", "van_measured"):
        summary.add_column(T(key, lang), justify="left" if key == "activation" else "right")
    summary.add_column(T("van_ratio", lang, L=L), justify="right")
    summary.add_column(T("van_bound_total", lang, n=n), justify="right")
    for run in r.runs:
        summary.add_row(run.activation, fmt(run.max_df, 4), fmt(run.rms_df, 3),
                        fmt(run.predicted_per_layer, 3),
                        "—" if math.isnan(run.per_layer) else fmt(run.per_layer, 3),
                        ratio_text(run.log10_ratio), ratio_text(run.log10_bound))
    _print_table(console, summary)

    _title(console, T("van_chart", lang, L=L))
    series = []
    step = max(1, math.ceil(L / 600))
    xs = list(range(1, L + 1, step))
    if xs[-1] != L:
        xs.append(L)
    for run in r.runs:
        values = run._log10_all
        ys = [values[x - 1] for x in xs]
        if all(math.isfinite(v) for v in ys):
            series.append((run.activation, ys))
    if series:
        _chart(console, xs, series, ascii_only=ascii_only, x_min=1, x_max=L)

    _title(console, T("conclusion", lang))
    lines = []
    for run in r.runs:
        common = dict(act=run.activation, init=r.init.label, L=L)
        if run.verdict == "overflow":
            lines.append(T("van_overflow", lang, k=run.overflow_at, **common))
            continue
        if run.verdict == "zero":
            lines.append(T("van_zero", lang, k=run.zero_below, **common))
            continue
        lines.append(T(f"van_{run.verdict}", lang, ratio=ratio_text(run.log10_ratio),
                       factor=fmt(run.per_layer, 3), **common))
        lines.append(T("van_why", lang, act=run.activation, rms=fmt(run.rms_df, 3),
                       gain=fmt(run.weight_gain, 3), expected=fmt(run.predicted_per_layer, 3)))
        if (r.depth >= GAP_MIN_DEPTH and run.per_layer < run.predicted_per_layer * 0.995):
            lines.append(T("van_gap", lang, measured=fmt(run.per_layer, 3), width=r.width))
        if run.max_df < 1:
            lines.append(T("van_bound_line", lang, act=run.activation, max_df=fmt(run.max_df, 4),
                           n=n, bound=ratio_text(run.log10_bound)))
    if r.init.name != "he" and any(run.activation == "relu" and run.verdict == "vanishes"
                                   for run in r.runs):
        lines.append(T("van_tip_he", lang))
    _print_lines(console, lines)
    console.print(_dim(T("van_definition", lang)))
    _cited(console, r.cited_by, lang)


def _dim(text: str):
    from rich.text import Text

    return Text(text, style="dim")


# --- sparsity ----------------------------------------------------------------------------

def render_sparsity(console, r, lang: str, ascii_only: bool = False) -> None:
    _title(console, T("sp_title", lang, depth=r.depth, width=r.width, batch=r.batch,
                      n=f"{r.samples_per_layer:,}", init=r.init.label, seed=r.seed))
    table = _table(T("sp_table", lang), ascii_only)
    table.add_column(T("layer", lang), justify="right")
    for run in r.runs:
        table.add_column(T("sp_zeros", lang, act=run.activation), justify="right")
        if run.exact_zeros:
            table.add_column(T("sp_always", lang, act=run.activation), justify="right")
    for i in range(r.depth):
        cells = []
        for run in r.runs:
            cells.append(_pct(run.layers[i].zero_share))
            if run.exact_zeros:
                cells.append(_pct(run.layers[i].never_active))
        table.add_row(str(i + 1), *cells)
    _print_table(console, table)

    _title(console, T("conclusion", lang))
    lines = []
    without = []
    for run in r.runs:
        if run.mean_zero_share > 0:
            lines.append(T("sp_exact", lang, act=run.activation, first=_pct(run.layers[0].zero_share),
                           band=_pct(r.band), mean=_pct(run.mean_zero_share), depth=r.depth))
            worst = max(run.layers, key=lambda s: s.never_active)
            if worst.never_active > 0:
                lines.append(T("sp_dead", lang, share=_pct(worst.never_active), layer=worst.layer,
                               batch=r.batch))
        else:
            without.append(run)
    if without:
        mean = sum(x.mean_zero_share for x in without) / len(without)
        lines.append(T("sp_none", lang, acts=", ".join(x.activation for x in without),
                       mean=_pct(mean)))
    if r.depth > 1 and any(run.mean_zero_share > 0 for run in r.runs):
        lines.append(T("sp_deeper", lang))
    _print_lines(console, lines)
    _cited(console, r.cited_by, lang)


# --- dying -------------------------------------------------------------------------------

def render_dying(console, r, lang: str, ascii_only: bool = False) -> None:
    _title(console, T("dy_title", lang, lr=fmt(r.lr), bias=fmt(r.bias), steps=r.steps,
                      width=r.width, batch=r.batch, n=r.n_train, seed=r.seed))
    table = _table(T("dy_table", lang), ascii_only)
    table.add_column(T("step", lang), justify="right")
    for run in r.runs:
        table.add_column(run.activation, justify="right")
    steps = sorted({p.step for run in r.runs for p in run.history})
    for s in steps:
        cells = []
        for run in r.runs:
            point = next((p for p in run.history if p.step == s), None)
            cells.append("—" if point is None else
                         f"{_pct(point.dead_layer1)} / {_pct(point.dead_layer2)}")
        table.add_row(str(s), *cells)
    _print_table(console, table)

    summary = _table(T("dy_summary", lang), ascii_only)
    for key in ("activation", "dy_start", "dy_end", "dy_back", "dy_grad", "dy_loss"):
        summary.add_column(T(key, lang), justify="left" if key == "activation" else "right")
    for run in r.runs:
        summary.add_row(run.activation, _pct(run.dead_start),
                        "—" if run.diverged_at else _pct(run.dead_end),
                        f"{run.revived_layer1} / {run.revived_layer2}",
                        "—" if run.dead_grad_max is None else fmt(run.dead_grad_max, 3),
                        "—" if run.diverged_at else fmt(run.history[-1].loss, 4))
    _print_table(console, summary)

    series = [(run.activation, [p.dead for p in run.history]) for run in r.runs
              if not run.diverged_at]
    if series and any(v > 0 for _, ys in series for v in ys):
        _title(console, T("dy_chart", lang))
        xs = [p.step for p in next(run for run in r.runs if not run.diverged_at).history]
        _chart(console, xs, series, y_min=0.0,
               y_max=max(0.05, max(v for _, ys in series for v in ys)), ascii_only=ascii_only)

    _title(console, T("conclusion", lang))
    lines = []
    for run in r.runs:
        common = dict(act=run.activation, steps=r.steps, start=_pct(run.dead_start),
                      end=_pct(run.dead_end))
        if run.diverged_at:
            lines.append(T("dy_diverged", lang, act=run.activation, k=run.diverged_at))
        elif run.dead_grad_max is None:
            lines.append(T("dy_none", lang, **common))
        elif run.dead_grad_max == 0.0:
            lines.append(T("dy_zero", lang, back1=run.revived_layer1, back2=run.revived_layer2,
                           **common))
        else:
            lines.append(T("dy_leak", lang, g=fmt(run.dead_grad_max, 2),
                           back=run.revived_layer1 + run.revived_layer2, **common))
    if all(run.dead_end == 0 and not run.diverged_at for run in r.runs):
        lines.append(T("dy_tip", lang))
    _print_lines(console, lines)
    _cited(console, r.cited_by, lang)


# --- zigzag ------------------------------------------------------------------------------

def render_zigzag(console, r, lang: str, ascii_only: bool = False) -> None:
    t0, t1 = (fmt(v) for v in r.target)
    _title(console, T("zz_title", lang, t0=t0, t1=t1, lr=fmt(r.lr), tol=_pct(r.tol), seed=r.seed))

    def steps_text(run):
        if run.diverged_at:
            return "—"
        return str(run.steps_to_tol) if run.steps_to_tol else T("zz_more", lang, n=r.max_steps)

    table = _table(None, ascii_only)
    for key in ("zz_inputs", "zz_mean", "zz_pos", "zz_same", "zz_cond", "zz_steps", "zz_path",
                "zz_best"):
        table.add_column(T(key, lang), justify="left" if key == "zz_inputs" else "right",
                         no_wrap=key in ("zz_inputs", "zz_mean"))
    table.caption = T("zz_caption", lang)
    table.caption_justify = "left"
    for run in r.runs:
        mean = _pair(run.input_mean)
        best = "—" if run.best_steps is None else f"{fmt(run.best_lr)}: {run.best_steps}"
        table.add_row(run.activation, mean, T("yes" if run.all_positive else "no", lang),
                      _pct(run.same_sign_share), fmt(run.condition_number, 3), steps_text(run),
                      fmt(run.path_ratio, 3), best)
    _print_table(console, table)

    paths = [run for run in r.runs if not run.diverged_at and len(run.path) > 1]
    if paths:
        from .chart import line_chart

        _title(console, T("zz_chart", lang, t0=t0, t1=t1))
        xs_all = [p[0] for run in paths for p in run.path] + [r.target[0]]
        ys_all = [p[1] for run in paths for p in run.path] + [r.target[1]]
        x_lo, x_hi = min(xs_all), max(xs_all)
        y_lo, y_hi = min(ys_all), max(ys_all)
        pad_x = 0.05 * ((x_hi - x_lo) or 1.0)
        pad_y = 0.05 * ((y_hi - y_lo) or 1.0)
        console.print(_xy_chart(line_chart, paths, x_lo - pad_x, x_hi + pad_x, y_lo - pad_y,
                                y_hi + pad_y, _chart_width(console), ascii_only))

    _title(console, T("conclusion", lang))
    lines = []
    for run in r.runs:
        common = dict(act=run.activation, same=_pct(run.same_sign_share), steps=steps_text(run),
                      ratio=fmt(run.path_ratio, 3), t0=t0, t1=t1,
                      mean=_pair(run.input_mean))
        if run.diverged_at:
            lines.append(T("zz_diverged", lang, act=run.activation, k=run.diverged_at))
        elif run.all_positive:
            lines.append(T("zz_all_pos", lang, **common))
        elif max(abs(m) for m in run.input_mean) < 0.1:
            lines.append(T("zz_centred", lang, **common))
        else:
            lines.append(T("zz_other", lang, **common))
    pairs = [T("zz_pair", lang, act=run.activation, steps=run.best_steps, lr=fmt(run.best_lr))
             for run in r.runs if run.best_steps is not None]
    if len(pairs) > 1:
        from ..demos.zigzag import LR_GRID

        lines.append(T("zz_best_line", lang, grid="{" + ", ".join(fmt(v) for v in LR_GRID) + "}",
                       pairs=", ".join(pairs)))
    if any(run.all_positive for run in r.runs):
        conds = ", ".join(f"{run.activation} {fmt(run.condition_number, 3)}" for run in r.runs)
        lines.append(T("zz_why", lang, conds=conds))
    _print_lines(console, lines)
    _cited(console, r.cited_by, lang)


def _pair(v) -> str:
    return f"({v[0]:.2f}, {v[1]:.2f})".replace("-0.00", "0.00")


def _xy_chart(line_chart, runs, x_min, x_max, y_min, y_max, width, ascii_only):
    # each path is a series with x values of its own
    series = [(run.activation, [p[0] for p in run.path], [p[1] for p in run.path]) for run in runs]
    return line_chart(None, series, x_min=x_min, x_max=x_max, y_min=y_min, y_max=y_max,
                      width=width, ascii_frame=ascii_only)


# --- kink --------------------------------------------------------------------------------

def render_kink(console, r, lang: str, ascii_only: bool = False) -> None:
    lines = []
    if r.rows:
        table = _table(T("kk_title", lang), ascii_only)
        for key in ("activation", "x", "f(x)", "kk_left", "kk_right", "kk_central", "kk_sub",
                    "kk_autograd"):
            label = key if key in ("x", "f(x)") else T(key, lang)
            table.add_column(label, justify="left" if key == "activation" else "right")
        for row in r.rows:
            interval = f"[{fmt(row.interval[0])}, {fmt(row.interval[1])}]"
            if not row.convex:
                interval = T("kk_clarke", lang, interval=interval)
            table.add_row(row.activation, fmt(row.x), fmt(row.value), fmt(row.left),
                          fmt(row.right), fmt(row.central), interval, fmt(row.convention))
        table.caption = T("kk_caption", lang)
        table.caption_justify = "left"
        _print_table(console, table)
    if r.conventions:
        fw = _table(T("kk_fw_title", lang), ascii_only)
        for key in ("kk_framework", "kk_call", "kk_value", "kk_note"):
            fw.add_column(T(key, lang), justify="right" if key == "kk_value" else "left")
        for c in r.conventions:
            note_key = f"kk_note_{c.key}"
            note = T(note_key, lang) if note_key in T.strings else ""
            fw.add_row(c.framework, c.call, fmt(c.value), note)
        _print_table(console, fw)
    z = r.zeros
    _print_lines(console, [T("kk_zeros", lang, n=f"{z.samples:,}", depth=z.depth, width=z.width,
                             pre=f"{z.exact_zero_pre:,}", post=f"{z.exact_zero_post:,}",
                             share=_pct(z.exact_zero_post / z.samples))])

    _title(console, T("conclusion", lang))
    for row in r.rows:
        if row.activation == "relu" and row.x == 0:
            lines.append(T("kk_relu", lang, left=fmt(row.left), right=fmt(row.right),
                           lo=fmt(row.interval[0]), hi=fmt(row.interval[1]),
                           central=fmt(row.central), conv=fmt(row.convention),
                           pre=f"{z.exact_zero_pre:,}", n=f"{z.samples:,}"))
        else:
            lines.append(T("kk_row", lang, act=row.activation, x=fmt(row.x), left=fmt(row.left),
                           right=fmt(row.right), central=fmt(row.central),
                           conv=fmt(row.convention)))
    if r.smooth:
        lines.append(T("kk_smooth", lang, acts=", ".join(r.smooth)))
    _print_lines(console, lines)
    _cited(console, r.cited_by, lang)


# --- saturation --------------------------------------------------------------------------

def _neg(a: float) -> str:
    return "0" if a == 0 else "-" + fmt(a, 3)


def _eps(e: float) -> str:
    return f"{e:.0e}".replace("e-0", "e-")


def _threshold_text(th, lang: str) -> str:
    left, right = th.left, th.right
    if left is None and right is None:
        return T("never", lang)
    if left is not None and right is not None:
        if abs(left - right) < 1e-9:
            return T("st_sym", lang, a=fmt(right, 3))
        return T("st_both", lang, l=_neg(left), r=fmt(right, 3))
    if left is not None:
        return T("st_left", lang, a=_neg(left))
    return T("st_right", lang, a=fmt(right, 3))


def render_saturation(console, r, lang: str, ascii_only: bool = False) -> None:
    _title(console, T("st_title", lang, points=", ".join(fmt(p) for p in r.points)))
    table = _table(None, ascii_only)
    table.add_column(T("st_row", lang), no_wrap=True)
    for p in r.points:
        table.add_column(f"±{fmt(p)}" if p else "0", justify="right")
    for row in r.rows:
        if row.symmetric:
            table.add_row(f"{row.activation}′(±x)", *[fmt(v, 3) for v in row.df_pos])
        else:
            table.add_row(f"{row.activation}′(-x)", *[fmt(v, 3) for v in row.df_neg])
            table.add_row(f"{row.activation}′(+x)", *[fmt(v, 3) for v in row.df_pos])
    _print_table(console, table)

    ths = _table(T("st_thresholds", lang), ascii_only)
    ths.add_column(T("activation", lang))
    for eps in r.epsilons:
        ths.add_column(f"|f′| < {_eps(eps)}", justify="right")
    for row in r.rows:
        ths.add_row(row.activation, *[_threshold_text(t, lang) for t in row.thresholds])
    _print_table(console, ths)

    _title(console, T("conclusion", lang))
    lines = []
    for row in r.rows:
        th4 = next((t for t in row.thresholds if t.eps == 1e-4), row.thresholds[0])
        where = _threshold_text(th4, lang)
        i = _point_index(r.points)
        x = fmt(r.points[i])
        if row.saturates == "both" or (th4.left is not None and th4.right is not None):
            v = row.df_pos[i] if abs(row.df_pos[i]) >= abs(row.df_neg[i]) else row.df_neg[i]
            if v == 0:
                lines.append(T("st_exact_zero", lang, act=row.activation, x=x, where=where))
            else:
                lines.append(T("st_both_sat", lang, act=row.activation, x=x, v=fmt(v, 3),
                               inv=f"{row.peak / abs(v):,.0f}", peak=fmt(row.peak, 4),
                               where=where))
        elif th4.left is not None or th4.right is not None:
            neg_side = th4.left is not None
            xs_, xo_ = (f"−{x}", f"+{x}") if neg_side else (f"+{x}", f"−{x}")
            vs, vo = (row.df_neg[i], row.df_pos[i]) if neg_side else (row.df_pos[i], row.df_neg[i])
            lines.append(T("st_one_side", lang, act=row.activation, xs=xs_, vs=fmt(vs, 3),
                           xo=xo_, vo=fmt(vo, 3),
                           side=T("st_negative" if neg_side else "st_positive", lang),
                           where=where))
        else:
            lines.append(T("st_none", lang, act=row.activation))
    _print_lines(console, lines)
    _cited(console, r.cited_by, lang)


def _point_index(points) -> int:
    """The |x| the conclusion quotes: 10 when shown, else the largest point."""
    for i, p in enumerate(points):
        if p == 10:
            return i
    return len(points) - 1
