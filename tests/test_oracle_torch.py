"""Oracle: values and derivatives against PyTorch autograd (the `oracle` extra).

Skips, with the reason, only when torch is not installed; CI installs the extra so it runs.
"""

from __future__ import annotations

import numpy as np
import pytest

from quizcli import activations

torch = pytest.importorskip("torch", reason="the oracle extra (torch==2.13.0) is not installed")
F = torch.nn.functional

pytestmark = pytest.mark.oracle


def _torch_fn(name):
    """The PyTorch call the catalog names for this activation ("torch.x" / "F.x" and its
    keyword arguments; float arguments become float64 tensors, e.g. PReLU's weight)."""
    entry = activations.get(name).entry
    module, _, attr = entry.torch.partition(".")
    fn = getattr(torch if module == "torch" else F, attr)
    kwargs = {k: torch.tensor([v], dtype=torch.float64) if isinstance(v, float) else v
              for k, v in entry.torch_kwargs}
    return lambda t: fn(t, **kwargs)


def test_every_activation_names_its_torch_call():
    for act in activations.all_activations():
        assert act.entry.torch.startswith(("torch.", "F.")), act.name


def _grid(act):
    base = np.concatenate([np.linspace(-25, 25, 2001), [-800.0, -40.0, 40.0, 800.0]])
    kinks = [k.x for k in act.kinks] + ([20.0] if act.name == "softplus" else [])
    return np.unique(np.concatenate([base, kinks]))


@pytest.mark.parametrize("act", activations.all_activations(), ids=lambda a: a.name)
def test_values_and_derivatives_match_autograd(act):
    xs = _grid(act)
    t = torch.tensor(xs, dtype=torch.float64, requires_grad=True)
    y = _torch_fn(act.name)(t)
    y.sum().backward()
    np.testing.assert_allclose(act.f(xs), y.detach().numpy(), rtol=1e-12, atol=1e-14)
    # torch's float64 hardsigmoid backward uses 1/6 rounded to float32 (0.16666667163…);
    # we keep the exact 1/6, so that one kernel gets float32's relative tolerance
    rtol = 3e-8 if act.name == "hardsigmoid" else 1e-12
    np.testing.assert_allclose(act.df(xs), t.grad.numpy(), rtol=rtol, atol=1e-14)


@pytest.mark.parametrize("act", [a for a in activations.all_activations() if a.kinks],
                         ids=lambda a: a.name)
def test_kink_derivatives_are_autograds(act):
    for kink in act.kinks:
        t = torch.tensor([kink.x], dtype=torch.float64, requires_grad=True)
        _torch_fn(act.name)(t).sum().backward()
        assert kink.derivative == t.grad.item()


def test_relu_contrasts_quoted_in_answers():
    # clamp(min=0) has gradient 1 at 0 and maximum(x, 0) has 0.5, while relu has 0
    x = torch.zeros(1, dtype=torch.float64, requires_grad=True)
    x.clamp(min=0).sum().backward()
    assert x.grad.item() == 1.0
    x.grad = None
    torch.maximum(x, torch.zeros(1, dtype=torch.float64)).sum().backward()
    assert x.grad.item() == 0.5
    assert float(activations.get("relu").df(0.0)) == 0.0


def test_catalog_gains_are_torchs_calculate_gain():
    for act in activations.all_activations():
        gain = act.entry.gain
        if gain is None:
            continue
        for spelling in (act.name, *act.aliases):
            try:
                expected = torch.nn.init.calculate_gain(spelling)
            except ValueError:
                continue
            assert gain == pytest.approx(expected, rel=1e-12), act.name
            break
        else:
            pytest.fail(f"calculate_gain knows no spelling of {act.name}")
