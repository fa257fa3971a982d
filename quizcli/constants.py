"""Documented constants that answers state and the engine does not compute (framework defaults,
paper values), each with its source, for `facts` entries: `const('torch.adam.beta1')`.

One table, one line per constant: name -> (value, source). Names are dotted, lower case:
`<framework or paper>.<thing>.<parameter>`. Lint (QZ060) rejects an unknown name, so a fact can
only cite a constant someone wrote down here with its source. Keep entries sorted within a block.
"""

from __future__ import annotations

CONSTANTS: dict[str, tuple[float, str]] = {
    # --- PyTorch defaults (torch 2.13 documentation of each class)
    "torch.batchnorm.eps": (1e-5, "torch.nn.BatchNorm1d/2d: eps=1e-05"),
    "torch.batchnorm.momentum": (0.1, "torch.nn.BatchNorm1d/2d: momentum=0.1"),
    "torch.dropout.p": (0.5, "torch.nn.Dropout: p=0.5"),
    "torch.layernorm.eps": (1e-5, "torch.nn.LayerNorm: eps=1e-05"),
    "torch.leaky_relu.negative_slope": (0.01, "torch.nn.LeakyReLU: negative_slope=0.01"),
    "torch.prelu.init": (0.25, "torch.nn.PReLU: init=0.25"),
}


def const(name: str) -> float:
    """The value of a documented constant; KeyError names the unknown one."""
    try:
        return float(CONSTANTS[name][0])
    except KeyError:
        raise KeyError(name) from None
