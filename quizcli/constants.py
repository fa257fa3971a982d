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
    # --- syllabus writer B block (cnn, attention, sequence, normalization, systems, generative,
    # compression); values checked with torch 2.13 where a class or finfo holds them
    "bert.max_position_embeddings": (512, "Devlin et al. 2019, BERT (NAACL), sec. A.2: sequences of at most 512 tokens; bert-base config.json max_position_embeddings=512"),
    "clip.temperature.init": (0.07, "Radford et al. 2021, CLIP (ICML), sec. 2.5: learnable temperature initialised to the equivalent of 0.07"),
    "gpt2.d_model": (768, "Radford et al. 2019, GPT-2, Table 2 (smallest model d_model 768); gpt2 config.json n_embd=768"),
    "gpt2.n_ctx": (1024, "Radford et al. 2019, Language Models are Unsupervised Multitask Learners, sec. 2.3: context size 1024 tokens"),
    "gpt2.vocab_size": (50257, "Radford et al. 2019, GPT-2, sec. 2.2: vocabulary of 50,257 tokens"),
    "llama.7b.d_head": (128, "Touvron et al. 2023, LLaMA, Table 2: dimension 4096 / 32 heads; Llama 2 7B config.json hidden_size=4096, num_attention_heads=32"),
    "llama.7b.heads": (32, "Touvron et al. 2023, LLaMA, Table 2 (7B: 32 heads); Llama 2 7B config.json num_attention_heads=32"),
    "llama.7b.layers": (32, "Touvron et al. 2023, LLaMA, Table 2 (7B: 32 layers); Llama 2 7B config.json num_hidden_layers=32"),
    "llama2.70b.kv_heads": (8, "Touvron et al. 2023, Llama 2 (arXiv:2307.09288), sec. 2.2 (GQA for 34B/70B); Llama-2-70b config.json num_key_value_heads=8"),
    "moco.temperature": (0.07, "He et al. 2020, Momentum Contrast (CVPR), sec. 3.1/4: InfoNCE temperature tau = 0.07"),
    "torch.finfo.bfloat16.eps": (0.0078125, "torch.finfo(torch.bfloat16).eps = 2**-7 (7 explicit mantissa bits)"),
    "torch.finfo.bfloat16.max": (3.3895313892515355e38, "torch.finfo(torch.bfloat16).max (8 exponent bits, like float32)"),
    "torch.finfo.float16.eps": (0.0009765625, "torch.finfo(torch.float16).eps = 2**-10 (IEEE 754 binary16)"),
    "torch.finfo.float16.max": (65504.0, "torch.finfo(torch.float16).max (IEEE 754 binary16)"),
    "torch.finfo.float16.tiny": (6.103515625e-05, "torch.finfo(torch.float16).tiny = 2**-14, smallest normal"),
    "torch.finfo.float32.max": (3.4028234663852886e38, "torch.finfo(torch.float32).max (IEEE 754 binary32)"),
    "torch.gradscaler.backoff_factor": (0.5, "torch.amp.GradScaler: backoff_factor=0.5"),
    "torch.gradscaler.growth_factor": (2.0, "torch.amp.GradScaler: growth_factor=2.0"),
    "torch.gradscaler.growth_interval": (2000, "torch.amp.GradScaler: growth_interval=2000"),
    "torch.gradscaler.init_scale": (65536.0, "torch.amp.GradScaler: init_scale=65536.0 (2**16)"),
    "torch.groupnorm.eps": (1e-5, "torch.nn.GroupNorm: eps=1e-05"),
    "torch.instancenorm.momentum": (0.1, "torch.nn.InstanceNorm2d: momentum=0.1, track_running_stats=False by default"),
    "vaswani2017.d_k": (64, "Vaswani et al. 2017, Attention Is All You Need, sec. 3.2.2: d_k = d_v = d_model/h = 64"),
    "vaswani2017.d_model": (512, "Vaswani et al. 2017, Attention Is All You Need, sec. 3.1: d_model = 512 (base model)"),
    "vaswani2017.heads": (8, "Vaswani et al. 2017, Attention Is All You Need, sec. 3.2.2: h = 8 parallel heads"),
    "vaswani2017.pe_base": (10000, "Vaswani et al. 2017, Attention Is All You Need, sec. 3.5: PE(pos, 2i) = sin(pos / 10000^(2i/d_model))"),
    "wu_he2018.groups": (32, "Wu & He 2018, Group Normalization (ECCV), sec. 3.1/4: G = 32 by default"),
    "zero2020.adam_mixed.bytes_per_param": (16, "Rajbhandari et al. 2020, ZeRO (SC20), sec. 3.1: mixed-precision Adam holds 2+2+K bytes per parameter, K = 12"),
}


def const(name: str) -> float:
    """The value of a documented constant; KeyError names the unknown one."""
    try:
        return float(CONSTANTS[name][0])
    except KeyError:
        raise KeyError(name) from None
