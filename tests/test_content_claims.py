"""Numbers the question bank states that the `facts` engine cannot express (issue 12, section 1).

Each test measures the claim independently (NumPy, or PyTorch as an oracle) and checks that the
answer still states it, so a later edit of either side fails here.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from quizcli import activations

QUESTIONS = Path(__file__).resolve().parents[1] / "content" / "questions"


def _answer(rel: str) -> str:
    return (QUESTIONS / rel).read_text(encoding="utf-8")


def _relu_mlp_ratios(var: float, seed: int, depth: int = 20, width: int = 256, batch: int = 128):
    """(‖δ_1‖/‖δ_L‖, ‖∂L/∂W_1‖/‖∂L/∂W_L‖) of a bias-free ReLU MLP with Var(W) = var/fan_in."""
    relu = activations.get("relu")
    rng = np.random.default_rng(seed)
    h = [rng.standard_normal((batch, width))]
    ws, zs = [], []
    for _ in range(depth):
        w = rng.standard_normal((width, width)) * np.sqrt(var / width)
        z = h[-1] @ w
        ws.append(w)
        zs.append(z)
        h.append(relu.f(z))
    deltas = [None] * depth
    deltas[-1] = rng.standard_normal((batch, width)) * relu.df(zs[-1])
    for layer in range(depth - 2, -1, -1):
        deltas[layer] = (deltas[layer + 1] @ ws[layer + 1].T) * relu.df(zs[layer])
    weight_grads = [h[layer].T @ deltas[layer] for layer in range(depth)]
    norm = np.linalg.norm
    return (norm(deltas[0]) / norm(deltas[-1]),
            norm(weight_grads[0]) / norm(weight_grads[-1]))


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_delta_vanishes_but_param_grad_does_not_under_lecun_init(seed):
    """Finding 7: with Var(W) = 1/fan_in the δ ratio is ~1.5e-3, the weight-gradient ratio ~1."""
    delta_ratio, weight_ratio = _relu_mlp_ratios(1.0, seed)
    assert 1.0e-3 < delta_ratio < 2.5e-3
    assert 0.75 < weight_ratio < 1.3
    he_delta, he_weight = _relu_mlp_ratios(2.0, seed)
    assert 0.7 < he_delta < 1.4
    # ReLU is positively homogeneous: the weight-gradient ratio does not see the init scale.
    assert he_weight == pytest.approx(weight_ratio, rel=1e-9)
    text = _answer("training/detect-vanishing-gradients.md")
    assert "1.5e-3" in text and "0.8~1.2" in text and "0.8–1.2" in text


def test_relu_halves_the_gradient_second_moment():
    """Finding 3: E[ReLU′(z)²] = 1/2 for symmetric z, which He init's factor 2 compensates."""
    relu = activations.get("relu")
    z = np.random.default_rng(0).standard_normal(1_000_000)
    second_moment = float(np.mean(relu.df(z) ** 2))
    assert second_moment == pytest.approx(0.5, abs=3e-3)
    assert "second moment" in _answer("training/vanishing-vs-exploding.md")
    assert "제곱 평균" in _answer("training/vanishing-gradient-remedies.md")


def test_sigmoid_layer_can_explode_when_weights_are_large():
    """Finding 5: ‖Wᵀdiag(σ′)‖ > 1 is possible once σ_max(W) > 1/max σ′ = 4."""
    sig = activations.get("sigmoid")
    rng = np.random.default_rng(0)
    q, _ = np.linalg.qr(rng.standard_normal((64, 64)))
    w = 6.0 * q  # every singular value 6 > 4
    z = rng.standard_normal(64) * 0.1  # near 0, where σ′ ≈ 0.25
    jac = w.T @ np.diag(sig.df(z))
    assert np.linalg.norm(jac, 2) > 1.0
    assert "σ_max(W) > 4" in _answer("activations/sigmoid-derivative-bound-depth.md")


def test_adam_largely_cancels_a_constant_clipping_factor():
    """Finding 12: scaling every gradient by c < 1 slows SGD by c, but barely changes Adam."""
    torch = pytest.importorskip("torch", reason="the oracle extra (torch==2.13.0) is not installed")
    grads = torch.randn(50, 10, generator=torch.Generator().manual_seed(0), dtype=torch.float64)

    def final(opt_cls, scale, **kw):
        p = torch.zeros(10, dtype=torch.float64, requires_grad=True)
        opt = opt_cls([p], lr=1e-2, **kw)
        for g in grads:
            p.grad = g * scale
            opt.step()
        return p.detach()

    sgd_full, sgd_clipped = final(torch.optim.SGD, 1.0), final(torch.optim.SGD, 0.1)
    assert torch.allclose(sgd_clipped, 0.1 * sgd_full)
    adam_full, adam_clipped = final(torch.optim.Adam, 1.0), final(torch.optim.Adam, 0.1)
    assert torch.allclose(adam_clipped, adam_full, rtol=1e-4, atol=1e-8)
    assert "Adam" in _answer("training/exploding-gradients-clipping.md")


def test_attention_overtakes_the_linear_layers_only_past_about_6d():
    """Fact review: per token a block's projections and 4d-wide MLP cost 12d² multiply-adds against
    2n·d for attention, so attention dominates once n > ~6d, not once n > d (measured FLOPs)."""
    torch = pytest.importorskip("torch", reason="the oracle extra (torch==2.13.0) is not installed")
    from torch.utils.flop_counter import FlopCounterMode

    d, heads = 64, 4
    layer = torch.nn.TransformerEncoderLayer(d, heads, dim_feedforward=4 * d, dropout=0.0,
                                             batch_first=True)
    attn = layer.self_attn

    def block(x):  # the layer's own weights, attention written out so every matmul is counted
        n = x.shape[1]
        qkv = torch.nn.functional.linear(x, attn.in_proj_weight, attn.in_proj_bias)
        q, k, v = qkv.view(1, n, 3, heads, d // heads).permute(2, 0, 3, 1, 4)
        weights = torch.softmax(q @ k.transpose(-1, -2) / (d // heads) ** 0.5, dim=-1)
        y = x + attn.out_proj((weights @ v).transpose(1, 2).reshape(1, n, d))
        return y + layer.linear2(torch.relu(layer.linear1(y)))

    def flops(n):
        with FlopCounterMode(display=False) as counter:
            block(torch.randn(1, n, d))
        return counter.get_total_flops()

    n1, n2 = 64, 128
    linear, quadratic = np.linalg.solve(np.array([[n1, n1**2], [n2, n2**2]], dtype=float),
                                        [flops(n1), flops(n2)])
    crossover = linear / quadratic
    assert 5.5 * d < crossover < 6.5 * d
    text = _answer("attention/attention-complexity.md")
    assert "about 6d" in text and "약 6배" in text


def test_fp16_keeps_subnormals_below_the_smallest_normal_and_flushes_below_2_pow_minus_24():
    """Fact review: values under fp16's smallest normal (6.1e-5) are subnormal, not zero; only
    values below about 2^-24 ≈ 6.0e-8 underflow to zero."""
    torch = pytest.importorskip("torch", reason="the oracle extra (torch==2.13.0) is not installed")
    half = torch.float16
    assert torch.finfo(half).tiny == pytest.approx(6.1e-5, rel=1e-2)
    assert torch.tensor(1e-6, dtype=half).item() != 0.0          # subnormal, still non-zero
    assert torch.tensor(2.0**-24, dtype=half).item() == 2.0**-24  # the smallest subnormal
    assert torch.tensor(2.0**-26, dtype=half).item() == 0.0       # below it: zero
    text = _answer("systems/mixed-precision.md")
    assert "2^-24 ≈ 6.0e-8" in text and "subnormal" in text


def test_sigmoid_rounds_to_one_at_17_in_float32_and_37_in_float64():
    """logits-based-losses.md: the thresholds where σ(x) == 1.0 exactly, so log(1 − σ) = −inf."""
    for dtype, first in ((np.float32, 17), (np.float64, 37)):
        xs = np.arange(1, 60, dtype=dtype)
        sig = (1 / (1 + np.exp(-xs))).astype(dtype)
        assert int(xs[np.argmax(sig == 1.0)]) == first
    text = _answer("training/logits-based-losses.md")
    assert "x = 17 (37 in float64)" in text


def test_torch_cosine_annealing_default_eta_min_is_zero():
    """lr-schedules.md: 'half of η_max at mid-training' needs η_min = 0, PyTorch's default."""
    torch = pytest.importorskip("torch", reason="the oracle extra (torch==2.13.0) is not installed")
    import inspect

    from quizcli.constants import const

    default = inspect.signature(torch.optim.lr_scheduler.CosineAnnealingLR).parameters["eta_min"]
    assert default.default == const("torch.cosine.eta_min") == 0.0
    p = torch.zeros(1, requires_grad=True)
    opt = torch.optim.SGD([p], lr=1.0)
    sched = torch.optim.lr_scheduler.CosineAnnealingLR(opt, T_max=10)
    for _ in range(5):
        opt.step()
        sched.step()
    assert opt.param_groups[0]["lr"] == pytest.approx(0.5)
    assert "η_min = 0 (PyTorch's default)" in _answer("optimization/lr-schedules.md")


def _code_blocks(rel: str) -> list[str]:
    """The ```python blocks of an answer, ko section first, then en."""
    import re

    return re.findall(r"```python\n(.*?)```", _answer(rel), flags=re.S)


def test_the_numpy_mlp_backprop_in_the_answer_passes_a_gradient_check():
    """relu-mlp-backprop-numpy.md says its code passes a centred-difference check below 1e-7."""
    blocks = _code_blocks("training/relu-mlp-backprop-numpy.md")
    assert len(blocks) == 2  # the ko and the en answer each show the code (comments translated)
    for block in blocks:
        _gradient_check(block)
    assert "1e-7" in _answer("training/relu-mlp-backprop-numpy.md")


def _gradient_check(block: str) -> None:
    ns: dict = {}
    exec(block, ns)  # noqa: S102 - our own content, run to check what it claims
    rng = np.random.default_rng(0)
    n, d, h, c = 5, 4, 6, 3
    x, y = rng.standard_normal((n, d)), rng.integers(0, c, n)
    params = [rng.standard_normal((d, h)), rng.standard_normal(h),
              rng.standard_normal((h, c)), rng.standard_normal(c)]
    _, grads = ns["forward_backward"](x, y, *params)
    eps = 1e-5
    for p, g in zip(params, grads):
        num = np.zeros_like(p)
        for i in np.ndindex(p.shape):
            old = p[i]
            p[i] = old + eps
            up = ns["forward_backward"](x, y, *params)[0]
            p[i] = old - eps
            down = ns["forward_backward"](x, y, *params)[0]
            p[i] = old
            num[i] = (up - down) / (2 * eps)
        rel = np.abs(num - g) / np.maximum(1e-8, np.abs(num) + np.abs(g))
        assert rel.max() < 1e-7


def test_the_numpy_dropout_in_the_answer_keeps_the_mean_and_reuses_the_mask():
    """dropout-numpy.md: inverted scaling keeps E[output] = x; backward multiplies by the same mask."""
    blocks = _code_blocks("regularization/dropout-numpy.md")
    assert len(blocks) == 2
    for block in blocks:
        _check_dropout(block)


def _check_dropout(block: str) -> None:
    ns: dict = {}
    exec(block, ns)  # noqa: S102 - our own content, run to check what it claims
    rng = np.random.default_rng(0)
    x = np.ones(1_000_000)
    for p, scale in ((0.5, 2.0), (0.2, 1.25)):
        out, mask = ns["dropout_forward"](x, p, True, rng)
        assert out.mean() == pytest.approx(1.0, abs=5e-3)
        assert set(np.unique(mask)) == {0.0, scale}
        assert np.array_equal(ns["dropout_backward"](np.ones_like(x), mask), mask)
    same, none = ns["dropout_forward"](x, 0.5, False, rng)
    assert same is x and none is None
