"""`quiz demo dropout`: inverted dropout keeps the expected activation; what goes wrong
without the 1/(1−p) scaling (compute.py has the method; render.py the table and conclusion)."""

from __future__ import annotations

from ..spec import DemoSpec, Option, compute_names

_SUMMARY = {
    "en": "Inverted dropout over many random masks: the mean matches eval mode, the variance "
          "matches x²·p/(1−p), and without the 1/(1−p) scaling eval sees larger inputs than "
          "training did.",
    "ko": "여러 번 뽑은 랜덤 마스크로 본 역 드롭아웃(inverted dropout): 평균은 평가 모드와 같고 "
          "분산은 x²·p/(1−p)이며, 1/(1−p) 스케일링이 없으면 평가 때 입력이 학습 때보다 커집니다.",
}

SPEC = DemoSpec(
    name="dropout",
    summary=_SUMMARY,
    help=_SUMMARY,
    examples=("quiz demo dropout --p 0.1,0.5 --draws 20000",),
    options=(
        # parsed by compute.check_p (with its own message and example)
        Option("p", "str", "0.1,0.2,0.5,0.8",
               {"en": "Drop probabilities, comma-separated, 0 ≤ p ≤ 0.99 (at most 8).",
                "ko": "드롭 확률, 쉼표로 구분, 0 ≤ p ≤ 0.99 (최대 8개)."},
               metavar="P,P,…"),
        Option("draws", "int", 10_000,
               {"en": "Random masks per p, 100 … 1000000 (draws × units × number of p is at "
                      "most 4e7).",
                "ko": "p마다 뽑을 랜덤 마스크 수, 100 … 1000000 (마스크 수 × 유닛 수 × p 개수는 "
                      "최대 4e7)."},
               min=100, max=1_000_000, metavar="N"),
        Option("units", "int", 64,
               {"en": "Units in the layer, 1 … 10000 (their activations are fixed, positive).",
                "ko": "층의 유닛 수, 1 … 10000 (활성값은 고정된 양수)."},
               min=1, max=10_000, metavar="U"),
    ),
    compute="quizcli.demos.dropout.compute:run",
    render="quizcli.demos.dropout.render:render",
    order=100,
)


__getattr__ = compute_names(__name__)
