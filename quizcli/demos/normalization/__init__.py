"""`quiz demo normalization`: activation statistics layer by layer with and without
BatchNorm/LayerNorm, train vs eval mode, and BatchNorm with small batches (compute.py has the
method; render.py the tables, chart and conclusion)."""

from __future__ import annotations

from ..spec import DemoSpec, Option, compute_names

_SUMMARY = {
    "en": "Activation mean and std layer by layer in a deep ReLU MLP with no normalization, "
          "BatchNorm or LayerNorm; BatchNorm's running statistics in eval mode; and what "
          "batches of 2 do to it.",
    "ko": "깊은 ReLU MLP에서 정규화 없음, BatchNorm, LayerNorm일 때 층별 활성값의 평균과 "
          "표준편차, 평가 모드에서 BatchNorm의 이동 통계, 그리고 배치 크기 2가 BatchNorm에 "
          "미치는 영향을 보여 줍니다.",
}

SPEC = DemoSpec(
    name="normalization",
    summary=_SUMMARY,
    help={
        "en": _SUMMARY["en"] + " BatchNorm follows torch.nn.BatchNorm1d: batch statistics in "
              "training, running_mean/running_var updated with momentum 0.1 (running_var from "
              "the unbiased variance), eps 1e-5.",
        "ko": _SUMMARY["ko"] + " BatchNorm은 torch.nn.BatchNorm1d와 같습니다. 학습 때는 배치 "
              "통계를 쓰고, running_mean/running_var는 momentum 0.1로 갱신하며(running_var는 "
              "불편 분산), eps는 1e-5입니다.",
    },
    examples=("quiz demo normalization --depth 20 --steps 10",),
    options=(
        Option("depth", "int", 10, {"en": "Layers, 2 … 100.", "ko": "층 수, 2 … 100."},
               min=2, max=100, metavar="L"),
        Option("units", "int", 64, {"en": "Units per layer, 2 … 1024.",
                                    "ko": "층당 유닛 수, 2 … 1024."},
               min=2, max=1024, metavar="N"),
        Option("batch", "int", 32,
               {"en": "Training batch size, 2 … 4096 (BatchNorm needs 2 samples per feature).",
                "ko": "학습 배치 크기, 2 … 4096 (BatchNorm은 특성마다 샘플이 2개 이상 "
                      "필요합니다)."},
               min=2, max=4096, metavar="B"),
        Option("steps", "int", 100,
               {"en": "Training forward passes that update the running statistics, 1 … 10000 "
                      "(steps × batch × depth × units² is at most 2e9).",
                "ko": "이동 통계를 갱신하는 학습 모드 순전파 횟수, 1 … 10000 "
                      "(스텝 × 배치 × 깊이 × 유닛²은 최대 2e9)."},
               min=1, max=10_000, metavar="S"),
        Option("momentum", "float", 0.1,
               {"en": "BatchNorm momentum, 0.001 … 1 (PyTorch: 0.1; new = (1 − m)·old + m·batch).",
                "ko": "BatchNorm momentum, 0.001 … 1 (PyTorch 기본값 0.1, "
                      "새 값 = (1 − m)·이전 값 + m·배치 값)."},
               min=0.001, max=1.0, metavar="M"),
        Option("eps", "float", 1e-5,
               {"en": "Added to the variance, 1e-12 … 1 (PyTorch: 1e-5).",
                "ko": "분산에 더하는 값, 1e-12 … 1 (PyTorch 기본값 1e-5)."},
               min=1e-12, max=1.0, metavar="EPS"),
    ),
    compute="quizcli.demos.normalization.compute:run",
    render="quizcli.demos.normalization.render:render",
    order=110,
)


__getattr__ = compute_names(__name__)
