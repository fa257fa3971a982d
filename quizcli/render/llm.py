"""Rendering of the LLM grader (`quiz ask --grader llm|both`): the fallback line, the notes on
the model's reply, the two verdicts side by side, and the candidate's pick between them."""

from __future__ import annotations

import sys

from ..console import box_style, literal
from ..i18n import Catalog

T = Catalog({
    "waiting": {"en": "Asking the LLM grader ({model})… Ctrl-C grades with the rubric instead",
                "ko": "LLM 채점 중 ({model})… Ctrl-C를 누르면 루브릭으로 채점합니다"},
    "fallback": {"en": "LLM grader unavailable ({reason}): graded by the rubric.",
                 "ko": "LLM 채점을 쓸 수 없어 루브릭으로 채점했습니다 ({reason})."},
    "why_timeout": {"en": "no reply within {detail} s", "ko": "{detail}초 안에 응답 없음"},
    "why_refused": {"en": "connection refused by {detail}; is the server running?",
                    "ko": "{detail} 연결 거부, 서버가 실행 중인지 확인하세요"},
    "why_network": {"en": "network error: {detail}", "ko": "네트워크 오류: {detail}"},
    "why_http": {"en": "the server answered HTTP {detail}", "ko": "서버 응답 HTTP {detail}"},
    "why_malformed": {"en": "the reply is not usable JSON: {detail}",
                      "ko": "응답을 JSON으로 쓸 수 없음: {detail}"},
    "why_partial": {"en": "the reply was cut off before its JSON ended",
                    "ko": "응답이 JSON 중간에서 끊김"},
    "why_empty": {"en": "the answer is empty", "ko": "답변이 비어 있음"},
    "why_interrupted": {"en": "stopped with Ctrl-C", "ko": "Ctrl-C로 중단"},
    "m_no_content": {"en": "no message content", "ko": "메시지 내용 없음"},
    "m_empty_reply": {"en": "an empty reply", "ko": "빈 응답"},
    "m_not_json": {"en": "not JSON", "ko": "JSON이 아님"},
    "m_body_not_json": {"en": "the response body is not JSON", "ko": "응답 본문이 JSON이 아님"},
    "m_no_list": {"en": "no key_points list", "ko": "key_points 목록 없음"},
    "m_bad_item": {"en": "an item is not an object", "ko": "항목이 객체가 아님"},
    "m_no_key_points": {"en": "it names none of the key points", "ko": "핵심 포인트를 하나도 다루지 않음"},
    "decided": {"en": "Graded by the LLM ({model}).", "ko": "LLM({model})이 채점했습니다."},
    "note_unknown_id": {"en": "LLM note: ignored unknown key point '{kp}'.",
                        "ko": "LLM 참고: 없는 핵심 포인트 '{kp}'는 무시했습니다."},
    "note_unverified_quote": {
        "en": "LLM note: {kp} not credited: its quote is not in your answer (“{detail}”).",
        "ko": "LLM 참고: {kp}는 인정하지 않았습니다. 인용한 문구가 답변에 없습니다 (“{detail}”)."},
    "note_not_returned": {"en": "LLM note: no verdict for {kp}: counted as missed.",
                          "ko": "LLM 참고: {kp}에 대한 판정이 없어 놓친 것으로 계산했습니다."},
    "note_bad_verdict": {"en": "LLM note: {kp} had an unknown verdict '{detail}': counted as missed.",
                         "ko": "LLM 참고: {kp}의 판정 '{detail}'을 알 수 없어 놓친 것으로 계산했습니다."},
    "agree": {"en": "The rubric and the LLM ({model}) agree.",
              "ko": "루브릭과 LLM({model})의 판정이 같습니다."},
    "differ": {"en": "The graders differ on {n} key point(s):",
               "ko": "두 채점기의 판정이 핵심 포인트 {n}개에서 다릅니다:"},
    "col_kp": {"en": "key point", "ko": "핵심 포인트"},
    "col_rubric": {"en": "rubric", "ko": "루브릭"},
    "col_llm": {"en": "LLM", "ko": "LLM"},
    "totals": {"en": "{c} of {t} · suggested {r}", "ko": "{t}개 중 {c}개 · 추천 {r}"},
    "v_covered": {"en": "covered", "ko": "포함"},
    "v_missed": {"en": "missed", "ko": "놓침"},
    "v_contradicted": {"en": "contradicted", "ko": "틀림"},
    "pick": {"en": "Which verdict counts? [r rubric · l LLM, Enter = rubric]: ",
             "ko": "어느 판정을 쓸까요? [r 루브릭 · l LLM, Enter = 루브릭]: "},
    "bad_pick": {"en": "Type r (rubric) or l (LLM), or press Enter for the rubric.",
                 "ko": "r(루브릭)이나 l(LLM)을 입력하거나 Enter로 루브릭을 고르세요."},
})

_PICKS = {"r": "rubric", "rubric": "rubric", "루브릭": "rubric", "1": "rubric",
          "l": "llm", "llm": "llm", "2": "llm"}


def fallback_line(failure, lang: str) -> str:
    detail = failure.detail
    if failure.code == "malformed":
        detail = T(f"m_{detail}", lang) if f"m_{detail}" in T.strings else detail
    return T("fallback", lang, reason=T(f"why_{failure.code}", lang, detail=detail))


def note_lines(notes, lang: str) -> list[str]:
    """One line per note; the key points the reply left out share one line."""
    left_out = [n.key_point for n in notes if n.kind == "not_returned"]
    lines = [T(f"note_{n.kind}", lang, kp=literal(n.key_point), detail=literal(n.detail))
             for n in notes if n.kind != "not_returned"]
    if left_out:
        lines.append(T("note_not_returned", lang, kp=literal(", ".join(left_out)), detail=""))
    return lines


def verdict_of(grade, kp_id: str) -> str:
    if any(m.key_point == kp_id for m in grade.misconceptions):
        return "contradicted"
    return "covered" if kp_id in grade.covered else "missed"


def differences(question, rubric, llm) -> list[str]:
    return [kp.id for kp in question.key_points if verdict_of(rubric, kp.id) != verdict_of(llm, kp.id)]


def comparison(question, rubric, verdict, lang: str, ascii_only: bool):
    """The key points where the two graders differ, side by side, with each grader's totals;
    one line when they agree."""
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    from .ask import rating_name

    llm = verdict.grade
    differ = differences(question, rubric, llm)
    if not differ:
        return Text(T("agree", lang, model=literal(verdict.model)), style="dim")
    table = Table(box=box_style(ascii_only), show_edge=True)
    table.add_column(T("col_kp", lang), overflow="fold")
    table.add_column(T("col_rubric", lang), overflow="fold")
    table.add_column(f"{T('col_llm', lang)} ({literal(verdict.model)})", overflow="fold")
    quotes = {m.key_point: m.phrase for m in (*llm.matches, *llm.misconceptions)}
    rubric_phrases = {m.key_point: m.phrase for m in (*rubric.matches, *rubric.misconceptions)}

    def cell(grade, kp, phrases):
        v = verdict_of(grade, kp)
        text = Text(T(f"v_{v}", lang), style={"covered": "green", "missed": "red",
                                               "contradicted": "red bold"}[v])
        if kp in phrases and v != "missed":
            text.append(f"\n“{literal(phrases[kp])}”", style="dim")
        return text

    for kp in differ:
        table.add_row(Text(literal(kp), style="bold"), cell(rubric, kp, rubric_phrases),
                      cell(llm, kp, quotes))
    total = rubric.total
    table.add_section()
    table.add_row(Text(""), Text(T("totals", lang, c=len(rubric.covered), t=total,
                                   r=rating_name(rubric.suggested_rating, lang)), style="dim"),
                  Text(T("totals", lang, c=len(llm.covered), t=total,
                         r=rating_name(llm.suggested_rating, lang)), style="dim"))
    return Group(Text(T("differ", lang, n=len(differ)), style="bold"), table)


def pick_verdict(console, lang: str, echo: bool) -> str:
    """Ask which verdict counts: 'rubric' or 'llm'. Enter, EOF and Ctrl-C keep the rubric
    (the session goes on; Ctrl-C at the rating prompt still ends it)."""
    from rich.text import Text

    from ..streams import flush_typeahead

    out = console.file
    flush_typeahead(sys.stdin)  # a menu takes only what is typed after it
    while True:
        out.flush()
        try:
            line = input(T("pick", lang))
        except (EOFError, KeyboardInterrupt):
            out.write("\n")
            out.flush()
            return "rubric"
        if echo:
            out.write(literal(line) + "\n")
        word = line.strip().casefold()
        if not word:
            return "rubric"
        if word in _PICKS:
            return _PICKS[word]
        console.print(Text(T("bad_pick", lang), style="yellow"))
