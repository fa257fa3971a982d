"""`quiz demo attention`: softmax(q·k) as the head dimension grows, with and without 1/√d
(compute.py has the method and its sources; render.py the table, chart and conclusion)."""

from __future__ import annotations

from ..spec import DemoSpec, Option, compute_names

_SUMMARY = {
    "en": "Attention scores q·k of random vectors as the head dimension d grows, with and "
          "without 1/√d: logit variance, largest weight, entropy and the softmax Jacobian.",
    "ko": "헤드 차원 d가 커질 때 랜덤 벡터의 어텐션 점수 q·k를 1/√d 스케일링 유무로 비교합니다. "
          "로짓 분산, 가장 큰 가중치, 엔트로피, softmax 야코비안 크기를 보여 줍니다.",
}

SPEC = DemoSpec(
    name="attention",
    summary=_SUMMARY,
    help={
        "en": _SUMMARY["en"] + " q and k have independent N(0, 1) entries, so Var(q·k) = d; "
              "dividing by √d brings it back to 1. Without it the softmax saturates to one key "
              "and its Jacobian, the gradient path to q and k, collapses.",
        "ko": _SUMMARY["ko"] + " q와 k의 원소는 서로 독립인 N(0, 1)이라 Var(q·k) = d이고, √d로 "
              "나누면 다시 1이 됩니다. 나누지 않으면 softmax가 한 키로 포화되어, q와 k로 가는 "
              "기울기 경로인 야코비안이 무너집니다.",
    },
    examples=("quiz demo attention --dims 4,64,1024 --keys 32",),
    options=(
        # parsed by compute.check_dims (whole numbers, with its own message and example)
        Option("dims", "str", "4,16,64,256,1024",
               {"en": "Head dimensions d to compare, comma-separated whole numbers "
                      "(1 … 4096, at most 12 of them).",
                "ko": "비교할 헤드 차원 d, 쉼표로 구분한 자연수(1 … 4096, 최대 12개)."},
               metavar="D,D,…"),
        Option("keys", "int", 32, {"en": "Keys per query (the softmax length), 2 … 4096.",
                                   "ko": "쿼리당 키 개수(softmax 길이), 2 … 4096."},
               min=2, max=4096, metavar="N"),
        Option("queries", "int", 128,
               {"en": "Random queries averaged over, 1 … 10000 (queries × keys × sum of dims is "
                      "at most 2e7).",
                "ko": "평균을 낼 랜덤 쿼리 수, 1 … 10000 (쿼리 × 키 × 차원 합은 최대 2e7)."},
               min=1, max=10000, metavar="Q"),
    ),
    compute="quizcli.demos.attention.compute:run",
    render="quizcli.demos.attention.render:render",
    order=90,
)


__getattr__ = compute_names(__name__)
