"""Messages of `quiz progress optimize`, `quiz config` and `quiz export`, and the scheduling
part of `quiz stats` (true retention, workload forecast, leeches' missed points): data in,
text out."""

from __future__ import annotations

from ..console import literal
from ..i18n import Catalog

S = Catalog({
    # quiz progress optimize
    "opt_data": {
        "en": "{reviews} answers → {items} reviews on a later day ({skipped} question(s) answered "
              "on one day only, not usable); fitted on the earliest {train}, judged on the latest {test}.",
        "ko": "답변 {reviews}개 → 다른 날에 한 복습 {items}개(하루에만 답한 질문 {skipped}개는 쓸 수 "
              "없음). 앞선 {train}개로 맞추고 가장 최근 {test}개로 평가했습니다.",
    },
    "opt_row": {"en": "{name:<22} log loss {ll:.4f}   RMSE (bins) {rmse:.4f}",
                "ko": "{name}: log loss {ll:.4f} · RMSE(구간) {rmse:.4f}"},
    "opt_old_default": {"en": "defaults (in use)", "ko": "기본값(사용 중)"},
    "opt_old_fitted": {"en": "your parameters (in use)", "ko": "내 파라미터(사용 중)"},
    "opt_new": {"en": "new fit", "ko": "새로 맞춘 값"},
    "opt_adopted": {
        "en": "Adopted: the new parameters predict your recent answers better. Refitted on all "
              "{items} reviews, saved with today's date, and every schedule rebuilt from the log.",
        "ko": "적용했습니다: 새 파라미터가 최근 답변을 더 잘 예측합니다. 복습 {items}개 전체로 다시 "
              "맞춰 오늘 날짜와 함께 저장하고, 기록으로 모든 복습 일정을 다시 계산했습니다.",
    },
    "opt_kept": {
        "en": "Kept the parameters in use: the new fit does not predict your recent answers better "
              "on both measures. Nothing was changed.",
        "ko": "지금 파라미터를 유지합니다: 새로 맞춘 값이 두 지표 모두에서 최근 답변을 더 잘 예측하지는 "
              "못합니다. 아무것도 바꾸지 않았습니다.",
    },
    "opt_dry": {"en": "Dry run: would {verb}; nothing was saved.",
                "ko": "시험 실행: {verb}. 저장하지 않았습니다."},
    "opt_dry_adopt": {"en": "adopt the new parameters", "ko": "새 파라미터를 적용할 것입니다"},
    "opt_dry_keep": {"en": "keep the parameters in use", "ko": "지금 파라미터를 유지할 것입니다"},
    # quiz config
    "config_set": {"en": "{name} = {value} (was {old}); rebuilt {cards} schedule(s) from the log.",
                   "ko": "{name} = {value} (이전 {old}). 기록으로 복습 일정 {cards}개를 다시 계산했습니다."},
    "config_row": {"en": "{name} = {value}{default}", "ko": "{name} = {value}{default}"},
    "config_default": {"en": "  (default)", "ko": "  (기본값)"},
    "config_params": {"en": "FSRS parameters: fitted {at} from {n} answers",
                      "ko": "FSRS 파라미터: {at}에 답변 {n}개로 맞춤"},
    "config_params_default": {"en": "FSRS parameters: fsrs defaults (quiz progress optimize fits yours)",
                              "ko": "FSRS 파라미터: fsrs 기본값 (quiz progress optimize로 내 값을 맞출 수 있음)"},
    # quiz export
    "exported_anki": {
        "en": "Wrote {n} notes ({which}) to {path} — import it in Anki (File → Import). Importing "
              "it again updates the same notes. Your quiz review history does not carry over.",
        "ko": "노트 {n}개({which})를 {path}에 썼습니다 — Anki의 파일 → 가져오기로 여세요. 다시 "
              "가져오면 같은 노트가 갱신됩니다. quiz의 복습 기록은 옮겨지지 않습니다.",
    },
    "exported_csv": {"en": "Wrote {n} rows to {path}.", "ko": "{path}에 {n}행을 썼습니다."},
    # quiz stats
    "true_retention": {
        "en": "True retention (reviews of due cards passed, Anki's definition): {young} young, "
              "{mature} mature, {all} in all",
        "ko": "실제 기억 유지율(복습할 때가 된 질문을 기억해 낸 비율, Anki 기준): 초기(간격 21일 "
              "미만) {young}, 숙련 {mature}, 전체 {all}",
    },
    "true_retention_none": {"en": "–", "ko": "–"},
    "forecast": {
        "en": "Forecast, next 30 days with {new} new questions a day: about {cur} reviews at "
              "retention {r} (at {lo}: {lo_n} · at {hi}: {hi_n}); busiest day about {peak}",
        "ko": "앞으로 30일 예상 복습(하루 새 질문 {new}개 기준): 유지율 {r}에서 약 {cur}번 "
              "({lo}: {lo_n}번 · {hi}: {hi_n}번), 가장 많은 날 약 {peak}번",
    },
    "leech_points": {"en": "  keeps missing: {points}", "ko": "  자꾸 빠뜨리는 포인트: {points}"},
    "leech_see": {"en": "  see: {commands}", "ko": "  직접 보기: {commands}"},
    "leech_suspended": {"en": "  suspended (quiz progress unsuspend {qid})",
                        "ko": "  보류 중 (되돌리기: quiz progress unsuspend {qid})"},
    "leech_suspend_hint": {"en": "  set it aside: quiz progress suspend {qid}",
                           "ko": "  잠시 빼 두기: quiz progress suspend {qid}"},
    # quiz progress suspend / unsuspend
    "suspended": {
        "en": "Suspended {n} question(s): {ids}. quiz ask leaves them out of its schedule "
              "(quiz ask --id still asks them); their answers and schedules are kept.",
        "ko": "질문 {n}개를 보류했습니다: {ids}. quiz ask의 복습 일정에서 빠집니다(quiz ask --id로는 "
              "계속 풀 수 있음). 답변 기록과 일정은 그대로입니다.",
    },
    "suspended_none": {"en": "Nothing new to suspend{what}.", "ko": "새로 보류할 질문이 없습니다{what}."},
    "suspended_none_leeches": {"en": " (no leech that is not suspended already)",
                               "ko": " (아직 보류하지 않은 거머리 카드가 없음)"},
    "unsuspended": {"en": "Back in the schedule: {n} question(s){ids}.",
                    "ko": "복습 일정으로 되돌린 질문 {n}개{ids}."},
})


def pct(share) -> str:
    return S("true_retention_none", "en") if share is None else f"{round(share * 100):d}%"


def say(console, text: str) -> None:
    from rich.text import Text

    console.print(Text(literal(text)), soft_wrap=True)


def render_optimize(console, result, lang: str) -> None:
    say(console, S("opt_data", lang, reviews=result.reviews, items=result.items,
                   skipped=result.skipped_questions, train=result.train_items,
                   test=result.test_items))
    old_name = S("opt_old_default" if result.default_parameters else "opt_old_fitted", lang)
    say(console, S("opt_row", lang, name=old_name, ll=result.old.log_loss,
                   rmse=result.old.rmse_bins))
    say(console, S("opt_row", lang, name=S("opt_new", lang), ll=result.new.log_loss,
                   rmse=result.new.rmse_bins))
    if result.dry_run:
        say(console, S("opt_dry", lang,
                       verb=S("opt_dry_adopt" if result.adopted else "opt_dry_keep", lang)))
    elif result.adopted:
        say(console, S("opt_adopted", lang, items=result.items))
    else:
        say(console, S("opt_kept", lang))


def schedule_lines(report, lang: str) -> list:
    """True retention and the workload forecast, for the stats headline."""
    from rich.text import Text

    lines = []
    tr = report.true_retention
    if tr is not None:
        t = tr.all_time
        lines.append(Text(S("true_retention", lang, young=pct(t.young.share),
                            mature=pct(t.mature.share), all=pct(t.all.share))))
    w = report.workload
    if w is not None:
        def n(f):  # an expected count: whole reviews read better (--json keeps the decimals)
            return f"{round(f.total):,}"

        lines.append(Text(S("forecast", lang, cur=n(w.current), r=f"{w.current.retention:g}",
                            lo=f"{w.lower.retention:g}", lo_n=n(w.lower),
                            hi=f"{w.higher.retention:g}", hi_n=n(w.higher),
                            peak=f"{round(w.current.peak):,}", new=f"{w.new_per_day:g}")))
    return lines


def leech_details(cell, leech, lang: str) -> None:
    """Append to a leech's table cell the key points it keeps missing and where to see them."""
    points = getattr(leech, "missed_points", None) or []
    if points:
        def text(p):
            if p.text:
                value = p.text.get(lang) or next(iter(p.text.values()), "")
                return f"{p.key_point_id} ({p.missed}×) — {value}"
            return f"{p.key_point_id} ({p.missed}×)"

        cell.append("\n" + literal(S("leech_points", lang,
                                     points="; ".join(text(p) for p in points))))
    see = getattr(leech, "see_also", None) or []
    if see:
        cell.append("\n" + literal(S("leech_see", lang, commands=" · ".join(see))), style="dim")
    key = "leech_suspended" if getattr(leech, "suspended", False) else "leech_suspend_hint"
    cell.append("\n" + literal(S(key, lang, qid=leech.question_id)), style="dim")
