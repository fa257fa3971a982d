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
