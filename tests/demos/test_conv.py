"""`quiz demo conv`: the --layers grammar, output sizes, parameters, MACs and receptive fields
(Dumoulin & Visin 2016; Araujo et al. 2019), the CLI, and the oracle against torch.nn.Conv2d /
MaxPool2d / AvgPool2d shapes and sum(p.numel())."""

from __future__ import annotations

import dataclasses
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quizcli.demos.conv import compute as C
from quizcli.errors import InvalidValue


def test_resnet_stem_figures():
    r = C.run(input=224, channels=3, layers="conv7s2p3c64,pool3s2p1")
    conv, pool = r.layers
    assert (conv.size_out, conv.channels_out, pool.size_out) == (112, 64, 56)
    assert conv.params == 7 * 7 * 3 * 64 + 64 == 9472
    assert conv.macs == 112 * 112 * 64 * 3 * 7 * 7  # 118 M, the usual figure for ResNet's stem
    assert (pool.params, pool.macs) == (0, 0)
    assert (r.receptive_field, r.jump) == (11, 4)


def test_the_issue_example_with_pytorch_defaults():
    r = C.run(input=224, layers="conv7s2p3,pool3s2,conv3,conv3")
    # conv7s2p3 → 112; pool3s2 → 55; conv3 with padding 0 → 53 → 51
    assert [x.size_out for x in r.layers] == [112, 55, 53, 51]
    assert [x.channels_out for x in r.layers] == [3, 3, 3, 3]  # c defaults to the input's
    assert C.parse_layers("pool2")[0].s == 2 and C.parse_layers("conv3")[0].s == 1


def test_answers_quoted_in_the_bank():
    # conv-output-size-params and receptive-field state these
    assert C.run(input=227, layers="conv11s4c96").layers[0].size_out == 55
    assert C.run(input=227, layers="conv11s4c96").params == 34944
    assert C.run(input=32, channels=64, layers="conv3p1c128").params == 73856
    assert C.run(input=32, channels=64, layers="conv3p1c128").macs == 3 * 3 * 64 * 128 * 32 * 32
    assert C.FACTS["rf"]("conv3,conv3") == 5 and C.FACTS["rf"]("conv3,conv3,conv3") == 7
    assert C.FACTS["rf"](",".join(["conv3"] * 10)) == 21
    assert C.FACTS["out"](32, "conv3p1") == 32 and C.FACTS["params"](64, "conv3c128") == 73856


def test_dilation_widens_the_kernel_without_parameters():
    plain, dilated = C.run(input=64, layers="conv3"), C.run(input=64, layers="conv3d2")
    assert plain.params == dilated.params
    assert (plain.receptive_field, dilated.receptive_field) == (3, 5)
    assert dilated.size_out == 60


@settings(max_examples=200, deadline=None)
@given(n=st.integers(1, 300), k=st.integers(1, 9), s=st.integers(1, 4), p=st.integers(0, 4),
       d=st.integers(1, 3))
def test_output_size_counts_the_kernel_positions(n, k, s, p, d):
    # brute force: start positions i = 0, s, 2s, … of a kernel spanning d(k−1)+1 padded pixels
    span = d * (k - 1) + 1
    positions = len(range(0, n + 2 * p - span + 1, s))
    assert max(C.out_size(n, k, s, p, d), 0) == positions


@pytest.mark.parametrize("spec, fragment", [
    ("conv3x", "'conv3x' (layer 1) is not a layer"), ("conv3,,pool2", "layer 2 is empty"),
    ("pool3c5", "'c' is for conv"), ("conv0", "kernel must be"), ("conv3s2s2", "sets 's' twice"),
    ("conv3,conv99", "'conv99' (layer 2) needs an input"), ("avgpool3d2", "no dilation"),
    ("pool3p2", "at most half"), ("conv3c0", "channels c"), ("relu", "'relu' (layer 1)"),
    (",".join(["conv1"] * 65), "at most 64"), ("", "at least one layer"),
])
def test_bad_layer_specs_name_the_token(spec, fragment):
    with pytest.raises(InvalidValue, match=r"^--layers") as err:
        C.run(input=32, layers=spec)
    assert fragment in str(err.value)
    assert "\n" not in str(err.value)


def test_default_run_is_under_a_second():
    import time

    start = time.perf_counter()
    C.run()
    assert time.perf_counter() - start < 1.0


# --- CLI ---------------------------------------------------------------------------------

def test_cli_json_and_both_languages(cli):
    args = ("demo", "conv", "--input", "224", "--layers", "conv7s2p3,pool3s2,conv3,conv3")
    data = json.loads(cli(*args, "--json").stdout)
    assert data["size_out"] == 51 and data["receptive_field"] == 7 + 2 * 2 + 2 * 4 + 2 * 4
    en, ko = cli(*args).stdout, cli(*args, "--lang", "ko").stdout
    r = C.run(input=224, layers="conv7s2p3,pool3s2,conv3,conv3")
    assert f"One output unit sees {r.receptive_field}×{r.receptive_field}" in en
    assert f"입력의 {r.receptive_field}×{r.receptive_field} 픽셀" in ko
    assert f"{r.macs:,}" in en and f"{r.macs:,}" in ko


def test_conclusion_follows_the_numbers():
    from quizcli.demos.conv.render import conclusion

    r = C.run(input=16, layers="conv3c8,conv3c8,conv3c8,conv3c8,conv3c8,conv3c8,conv3c8")
    lines = conclusion(r, "en")
    assert "Layer 2 (conv3c8)" in lines[1]  # the first conv is cheap: 3 input channels
    assert all("wider than" not in x for x in lines)  # RF 15 < 16
    assert "No conv layer" in conclusion(C.run(input=16, layers="pool2"), "en")[1]
    big = dataclasses.replace(r, receptive_field=99)
    assert "wider than the 16-pixel input" in conclusion(big, "en")[-1]


@pytest.mark.parametrize("args, fragment", [
    (["--layers", "conv3x"], "'conv3x'"), (["--input", "0"], "--input"),
    (["--channels", "0"], "--channels"), (["--input", "5", "--layers", "conv7"], "'conv7'"),
])
def test_cli_bad_input_is_one_line_exit_2(cli, args, fragment):
    r = cli("demo", "conv", *args)
    assert r.exit_code == 2 and fragment in r.stderr and len(r.stderr.splitlines()) == 1, r


# --- oracle ------------------------------------------------------------------------------

def _torch_stack(torch, r, device):
    mods = []
    for x in r.layers:
        if x.kind == "conv":
            mods.append(torch.nn.Conv2d(x.channels_in, x.channels_out, x.k, stride=x.s,
                                        padding=x.p, dilation=x.d, device=device))
        elif x.kind == "maxpool":
            mods.append(torch.nn.MaxPool2d(x.k, stride=x.s, padding=x.p, dilation=x.d))
        else:
            mods.append(torch.nn.AvgPool2d(x.k, stride=x.s, padding=x.p))
    return mods


@pytest.mark.oracle
@pytest.mark.parametrize("n, c, spec", [
    (224, 3, C.DEFAULT_LAYERS), (224, 3, "conv7s2p3,pool3s2,conv3,conv3"),
    (227, 3, "conv11s4c96,pool3s2,conv5p2c256,pool3s2,conv3p1c384"),
    (37, 5, "conv3d2p1c7,avgpool2,maxpool3s1p1d1,conv1c11,conv5s3p4c2,pool2s1"),
])
def test_oracle_shapes_and_parameter_counts_match_torch(n, c, spec):
    torch = pytest.importorskip("torch")
    r = C.run(input=n, channels=c, layers=spec)
    x = torch.empty(1, c, n, n, device="meta")
    for ours, mod in zip(r.layers, _torch_stack(torch, r, "meta")):
        x = mod(x)
        assert tuple(x.shape) == (1, ours.channels_out, ours.size_out, ours.size_out), ours.token
        assert ours.params == sum(p.numel() for p in mod.parameters()), ours.token


@pytest.mark.oracle
@pytest.mark.parametrize("spec", ["conv3,conv3", "conv3s2,conv3d2,avgpool2,conv5", "conv7s2p3,avgpool3s2p1,conv3p1"])
def test_oracle_receptive_field_is_where_autograd_reaches(spec):
    torch = pytest.importorskip("torch")
    n = 96
    r = C.run(input=n, channels=1, layers=spec)
    x = torch.ones(1, 1, n, n, requires_grad=True)
    h = x
    for mod in _torch_stack(torch, r, "cpu"):
        if isinstance(mod, torch.nn.Conv2d):
            torch.nn.init.constant_(mod.weight, 1.0)  # every tap reaches
        h = mod(h)
    m = h.shape[-1]
    h[0, 0, m // 2, m // 2].backward()
    rows = (x.grad[0, 0].abs().sum(dim=1) > 0).nonzero().flatten()
    assert int(rows.max() - rows.min() + 1) == r.receptive_field
