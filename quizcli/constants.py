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
    # --- syllabus writer A block (optimization, regularization, evaluation, practice)
    "adam.paper.beta1": (0.9, "Kingma & Ba 2015, Adam (ICLR), Algorithm 1: beta1=0.9"),
    "adam.paper.beta2": (0.999, "Kingma & Ba 2015, Adam (ICLR), Algorithm 1: beta2=0.999"),
    "adam.paper.eps": (1e-8, "Kingma & Ba 2015, Adam (ICLR), Algorithm 1: epsilon=1e-8"),
    "adam.paper.lr": (0.001, "Kingma & Ba 2015, Adam (ICLR), Algorithm 1: alpha=0.001"),
    "bert.finetune.lr_max": (5e-5, "Devlin et al. 2019, BERT (NAACL), Appendix A.3: fine-tuning learning rate (Adam) among 5e-5, 3e-5, 2e-5"),
    "bert.finetune.lr_min": (2e-5, "Devlin et al. 2019, BERT (NAACL), Appendix A.3: fine-tuning learning rate (Adam) among 5e-5, 3e-5, 2e-5"),
    "cs231n.update_ratio": (1e-3, "CS231n course notes, Neural Networks Part 3: ratio of update magnitude to weight magnitude should be around 1e-3"),
    "dropout.paper.p_retain_hidden": (0.5, "Srivastava et al. 2014, Dropout (JMLR) §1 and Appendix A.4: retain probability p=0.5 for hidden units"),
    "dropout.paper.p_retain_input": (0.8, "Srivastava et al. 2014, Dropout (JMLR) §1 and Appendix A.4: retain probability 0.8 for input units"),
    "focal.paper.alpha": (0.25, "Lin et al. 2017, Focal Loss for Dense Object Detection (ICCV) §5.1: alpha=0.25 with gamma=2 works best"),
    "focal.paper.gamma": (2.0, "Lin et al. 2017, Focal Loss for Dense Object Detection (ICCV) §5.1: gamma=2"),
    "focal.paper.prior_pi": (0.01, "Lin et al. 2017, Focal Loss for Dense Object Detection (ICCV) §4.1: classifier bias init so p=pi=0.01"),
    "goyal.base_batch": (256, "Goyal et al. 2017, Accurate, Large Minibatch SGD (arXiv:1706.02677) §5.1: lr = 0.1*k*n/256"),
    "goyal.base_lr": (0.1, "Goyal et al. 2017, Accurate, Large Minibatch SGD (arXiv:1706.02677) §5.1: lr = 0.1*k*n/256"),
    "goyal.max_batch": (8192, "Goyal et al. 2017, Accurate, Large Minibatch SGD (arXiv:1706.02677): ResNet-50 with minibatch 8192"),
    "goyal.warmup_epochs": (5, "Goyal et al. 2017, Accurate, Large Minibatch SGD (arXiv:1706.02677) §2.2: gradual warmup over 5 epochs"),
    "gpt3.adam.beta2": (0.95, "Brown et al. 2020, Language Models are Few-Shot Learners, Appendix B: Adam with beta1=0.9, beta2=0.95, eps=1e-8"),
    "inception.label_smoothing": (0.1, "Szegedy et al. 2016, Rethinking the Inception Architecture (CVPR) §7: epsilon=0.1 with K=1000"),
    "rmsprop.hinton.rho": (0.9, "Hinton, Srivastava & Swersky 2012, Neural Networks for Machine Learning, Lecture 6e: MeanSquare = 0.9 MeanSquare + 0.1 grad^2"),
    "torch.adagrad.eps": (1e-10, "torch.optim.Adagrad: eps=1e-10"),
    "torch.adagrad.lr": (0.01, "torch.optim.Adagrad: lr=0.01"),
    "torch.adam.beta1": (0.9, "torch.optim.Adam: betas=(0.9, 0.999)"),
    "torch.adam.beta2": (0.999, "torch.optim.Adam: betas=(0.9, 0.999)"),
    "torch.adam.eps": (1e-8, "torch.optim.Adam: eps=1e-08"),
    "torch.adam.lr": (0.001, "torch.optim.Adam: lr=0.001"),
    "torch.adam.weight_decay": (0.0, "torch.optim.Adam: weight_decay=0"),
    "torch.adamw.weight_decay": (0.01, "torch.optim.AdamW: weight_decay=0.01"),
    "torch.crossentropy.label_smoothing": (0.0, "torch.nn.CrossEntropyLoss: label_smoothing=0.0"),
    "torch.onecycle.pct_start": (0.3, "torch.optim.lr_scheduler.OneCycleLR: pct_start=0.3"),
    "torch.plateau.factor": (0.1, "torch.optim.lr_scheduler.ReduceLROnPlateau: factor=0.1"),
    "torch.plateau.patience": (10, "torch.optim.lr_scheduler.ReduceLROnPlateau: patience=10"),
    "torch.rmsprop.alpha": (0.99, "torch.optim.RMSprop: alpha=0.99"),
    "torch.rmsprop.eps": (1e-8, "torch.optim.RMSprop: eps=1e-08"),
    "torch.rmsprop.lr": (0.01, "torch.optim.RMSprop: lr=0.01"),
    "torch.sgd.lr": (0.001, "torch.optim.SGD (torch 2.13): lr=0.001"),
    "torch.sgd.momentum": (0.0, "torch.optim.SGD: momentum=0"),
    "transformer.warmup_steps": (4000, "Vaswani et al. 2017, Attention Is All You Need (NeurIPS) §5.3: warmup_steps=4000"),
    "ulmfit.lr_factor": (2.6, "Howard & Ruder 2018, Universal Language Model Fine-tuning (ACL) §3.2: lr of layer l-1 = lr of layer l / 2.6"),
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
    # --- independent factual review (issue 12): values the answers state, each with its source
    "bert.finetune.warmup_proportion": (0.1, "google-research/bert run_classifier.py: flag warmup_proportion=0.1 (linear warm-up over 10% of fine-tuning steps); the paper's A.2 warm-up of 10,000 steps is for pre-training"),
    "cs231n.dead_relu_fraction": (0.4, "CS231n course notes, Neural Networks Part 1 (ReLU cons): with a high learning rate as much as 40% of a network can be dead"),
    "glorot2011.sparsity.cifar10": (0.72, "Glorot, Bordes & Bengio 2011, Deep Sparse Rectifier Neural Networks (AISTATS) sec. 4.1: average exact sparsity 72.0% on CIFAR-10"),
    "glorot2011.sparsity.init": (0.5, "Glorot, Bordes & Bengio 2011, Deep Sparse Rectifier Neural Networks (AISTATS) sec. 3.2: about 50% of hidden units output exact zeros after uniform random init"),
    "glorot2011.sparsity.mnist": (0.834, "Glorot, Bordes & Bengio 2011, Deep Sparse Rectifier Neural Networks (AISTATS) sec. 4.1: average exact sparsity 83.4% on MNIST"),
    "he2016.cifar.iter_drop1": (32000, "He, Zhang, Ren & Sun 2016, Deep Residual Learning (CVPR) sec. 4.2: CIFAR-10 lr 0.1, divided by 10 at 32k and 48k iterations"),
    "he2016.cifar.iter_drop2": (48000, "He, Zhang, Ren & Sun 2016, Deep Residual Learning (CVPR) sec. 4.2: CIFAR-10 lr 0.1, divided by 10 at 32k and 48k iterations"),
    "he2016.cifar.iter_total": (64000, "He, Zhang, Ren & Sun 2016, Deep Residual Learning (CVPR) sec. 4.2: training terminated at 64k iterations"),
    "he2016.plain.deep": (56, "He, Zhang, Ren & Sun 2016, Deep Residual Learning (CVPR) Fig. 1: a plain 56-layer net has higher training error than a 20-layer one on CIFAR-10"),
    "he2016.plain.shallow": (20, "He, Zhang, Ren & Sun 2016, Deep Residual Learning (CVPR) Fig. 1: 20-layer and 56-layer plain nets on CIFAR-10"),
    "he2016b.preact.depth": (1001, "He, Zhang, Ren & Sun 2016, Identity Mappings in Deep Residual Networks (ECCV) sec. 4: a 1001-layer pre-activation ResNet on CIFAR"),
    "jozefowicz2015.forget_bias": (1.0, "Jozefowicz, Zaremba & Sutskever 2015, An Empirical Exploration of Recurrent Network Architectures (ICML): initialise the LSTM forget-gate bias to 1"),
    "he2016.imagenet.lr": (0.1, "He, Zhang, Ren & Sun 2016, Deep Residual Learning (CVPR) sec. 3.4: lr starts from 0.1 and is divided by 10 when the error plateaus"),
    "ieee754.binary16.min_subnormal": (5.960464477539063e-08, "IEEE 754 binary16: smallest subnormal 2**-24; Micikevicius et al. 2018, Mixed Precision Training (ICLR) sec. 3.2: gradients below 2**-24 become zero in fp16"),
    "keras2.hard_sigmoid.slope": (0.2, "Keras 2 documentation, keras.activations.hard_sigmoid: 0 if x < -2.5, 1 if x > 2.5, else 0.2 * x + 0.5"),
    "mishkin.caffenet128.bn_after_relu": (0.499, "ducha-aiki/caffenet-benchmark batchnorm.md (Mishkin, Sergievskiy & Matas), 'BN -- before or after ReLU?': CaffeNet-128 top-1 accuracy 0.499 with BN after ReLU"),
    "mishkin.caffenet128.bn_before_relu": (0.474, "ducha-aiki/caffenet-benchmark batchnorm.md (Mishkin, Sergievskiy & Matas), 'BN -- before or after ReLU?': CaffeNet-128 top-1 accuracy 0.474 with BN before ReLU, as in the paper"),
    "mishkin.googlenet128.bn_after_relu": (0.596, "ducha-aiki/caffenet-benchmark batchnorm.md, BN-arch-init: GoogLeNet-128 with BN after ReLU (LSUV init) top-1 accuracy 0.596"),
    "mishkin.googlenet128.bn_before_relu": (0.607, "ducha-aiki/caffenet-benchmark batchnorm.md, BN-arch-init: GoogLeNet-128 with BN before ReLU + scale/bias (orthogonal init) top-1 accuracy 0.607"),
    "ramachandran2017.swish_gain.max": (0.9, "Ramachandran, Zoph & Le 2017, Searching for Activation Functions, abstract: Swish improves ImageNet top-1 by 0.9% for Mobile NASNet-A"),
    "ramachandran2017.swish_gain.min": (0.6, "Ramachandran, Zoph & Le 2017, Searching for Activation Functions, abstract: Swish improves ImageNet top-1 by 0.6% for Inception-ResNet-v2"),
    "torch.cosine.eta_min": (0.0, "torch.optim.lr_scheduler.CosineAnnealingLR: eta_min=0.0"),
}


def const(name: str) -> float:
    """The value of a documented constant; KeyError names the unknown one."""
    try:
        return float(CONSTANTS[name][0])
    except KeyError:
        raise KeyError(name) from None
