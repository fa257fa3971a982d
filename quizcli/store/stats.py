"""`quiz stats` numbers: computed from the store (and the bank when it loads), never printed here.

Definitions (also in `quiz stats --help`):
- due now / today / this week: cards whose due time is ≤ now / before the end of today /
  before the end of the 7th day counting today (local calendar days); cumulative; suspended
  questions (quiz progress suspend) are not counted.
- retention: share of all reviews rated Good or Easy.
- mastery per tag: mean of the latest rubric score (0..1) of each answered question with that
  tag (tags from the bank, or stored with the review for questions no longer in it).
- most missed: key points counted over every answer to their question.
- leech: a question with ≥ 4 lapses (Again while in the Review state, as Anki counts them);
  with the key points its answers missed most and the explain/demo commands that show them.
- true retention (Anki's definition) and the 30-day workload forecast: see forecast.py.
- streak: consecutive local days with at least one review, up to today (or up to yesterday
  while today has none yet).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from .clock import iso, to_utc
from .db import LEECH_LAPSES, Store, day_bounds

DAYS = 30
TOP_MISSED = 5


@dataclass(frozen=True)
class DueCounts:
    now: int
    today: int
    week: int
    new: int | None  # questions in the bank never answered (None when the bank did not load)


@dataclass(frozen=True)
class DayCount:
    day: str  # YYYY-MM-DD, local
    reviews: int


@dataclass(frozen=True)
class Retention:
    good_or_easy: int
    reviews: int
    share: float | None


@dataclass(frozen=True)
class TagMastery:
    tag: str
    mastery: float  # 0..1
    answered: int  # questions with this tag that have a score
    total: int | None  # questions with this tag in the bank


@dataclass(frozen=True)
class MissedPoint:
    question_id: str
    key_point_id: str
    missed: int
    answers: int  # answers to that question
    question: dict | None  # lang -> title, when the bank has it
    text: dict | None  # lang -> the key point's text


@dataclass(frozen=True)
class LeechPoint:
    key_point_id: str
    missed: int  # answers to the leech that missed it
    text: dict | None  # lang -> the key point's text


@dataclass(frozen=True)
class Leech:
    question_id: str
    lapses: int
    reviews: int
    question: dict | None
    missed_points: list[LeechPoint] = field(default_factory=list)  # most missed first
    see_also: list[str] = field(default_factory=list)  # quiz explain/demo lines
    suspended: bool = False  # left out of quiz ask's schedule (quiz progress suspend)


@dataclass(frozen=True)
class Streak:
    current: int
    longest: int
    reviewed_today: bool


@dataclass(frozen=True)
class CardInfo:
    question_id: str
    state: str
    due: str
    last_review: str | None
    interval_days: float | None
    stability: float | None
    difficulty: float | None
    reps: int
    lapses: int


@dataclass(frozen=True)
class StatsReport:
    empty: bool
    now: str
    database: str
    reviews: int
    questions_answered: int
    due: DueCounts
    per_day: list[DayCount]
    retention: Retention
    mastery: list[TagMastery]
    most_missed: list[MissedPoint]
    leeches: list[Leech]
    streak: Streak
    cards: list[CardInfo]
    bank_loaded: bool
    first_question: str | None  # for the empty state: where `quiz ask` starts
    desired_retention: float = 0.9
    parameters: dict = field(default_factory=dict)  # {"fitted": bool, "fitted_at", "reviews"}
    true_retention: object = None  # forecast.TrueRetentionReport
    workload: object = None  # forecast.Workload
    suspended: list[str] = field(default_factory=list)  # not in the due counts or forecast


def _local_day(moment: datetime, tz) -> date:
    return (moment.astimezone(tz) if tz is not None else moment.astimezone()).date()


def _streak(days: set[date], today: date) -> Streak:
    reviewed_today = today in days
    current = 0
    cursor = today if reviewed_today else today - timedelta(days=1)
    while cursor in days:
        current += 1
        cursor -= timedelta(days=1)
    longest = run = 0
    previous = None
    for d in sorted(days):
        run = run + 1 if previous is not None and d - previous == timedelta(days=1) else 1
        longest = max(longest, run)
        previous = d
    return Streak(current, longest, reviewed_today)


def compute_stats(store: Store, *, now: datetime | None = None, tz=None, bank=None,
                  first_question: str | None = None) -> StatsReport:
    """`bank`: {question id: Question} or None. `tz`: a tzinfo for calendar days (default:
    the system's local zone)."""
    moment = to_utc(now) if now is not None else store.now()
    reviews = store.reviews()
    cards = store.cards()
    in_bank = (lambda qid: qid in bank) if bank is not None else (lambda qid: True)

    # due
    _, end_today = day_bounds(moment, tz)
    _, end_week = day_bounds(moment + timedelta(days=6), tz)
    suspended = store.suspended()
    live = [c for c in cards if in_bank(c.question_id) and c.question_id not in suspended]
    answered_ids = {c.question_id for c in cards}
    due = DueCounts(
        now=sum(c.due <= moment for c in live),
        today=sum(c.due < end_today for c in live),
        week=sum(c.due < end_week for c in live),
        new=(sum(1 for q in bank if q not in answered_ids and q not in suspended)
             if bank is not None else None),
    )

    # reviews per day and streak (local days)
    today = _local_day(moment, tz)
    per_day_counter: Counter = Counter()
    days_with_reviews: set[date] = set()
    for r in reviews:
        if r.reviewed_at <= moment:
            d = _local_day(r.reviewed_at, tz)
            per_day_counter[d] += 1
            days_with_reviews.add(d)
    per_day = [DayCount((today - timedelta(days=k)).isoformat(),
                        per_day_counter[today - timedelta(days=k)])
               for k in range(DAYS - 1, -1, -1)]

    # retention
    good = sum(r.rating >= 3 for r in reviews)
    retention = Retention(good, len(reviews), good / len(reviews) if reviews else None)

    # mastery per tag: the latest score of each question
    latest: dict[str, object] = {}
    for r in reviews:  # ordered by time
        if r.score is not None:
            latest[r.question_id] = r
    by_tag: dict[str, list[float]] = defaultdict(list)
    for qid, r in latest.items():
        tags = bank[qid].tags if bank is not None and qid in bank else r.tags
        for tag in tags:
            by_tag[tag].append(r.score)
    tag_totals: Counter = Counter()
    if bank is not None:
        for q in bank.values():
            tag_totals.update(set(q.tags))
    mastery = sorted(
        (TagMastery(tag, sum(v) / len(v), len(v), tag_totals[tag] if bank is not None else None)
         for tag, v in by_tag.items()),
        key=lambda m: (m.mastery, m.tag))

    # most-missed key points
    missed: Counter = Counter()
    answers: Counter = Counter()
    for r in reviews:
        answers[r.question_id] += 1
        for kp in set(r.missed):
            missed[(r.question_id, kp)] += 1

    def title(qid):
        from ..kinds import titles  # a number question's title with its parameters filled in

        return titles(bank[qid]) if bank is not None and qid in bank else None

    def kp_text(qid, kp):
        if bank is None or qid not in bank:
            return None
        for point in bank[qid].key_points:
            if point.id == kp:
                return dict(point.text)
        from ..kinds import point_text  # a kind's derived key point ("value" of a number question)

        return point_text(bank[qid], kp)

    most_missed = [MissedPoint(q, kp, n, answers[q], title(q), kp_text(q, kp))
                   for (q, kp), n in sorted(missed.items(), key=lambda i: (-i[1], i[0]))[:TOP_MISSED]]

    def leech_points(qid) -> list[LeechPoint]:
        counts = sorted(((kp, n) for (q, kp), n in missed.items() if q == qid),
                        key=lambda i: (-i[1], i[0]))
        return [LeechPoint(kp, n, kp_text(qid, kp)) for kp, n in counts[:3]]

    def see_also(qid) -> list[str]:
        return bank[qid].see_commands() if bank is not None and qid in bank else []

    leeches = [Leech(c.question_id, c.lapses, c.reps, title(c.question_id),
                     leech_points(c.question_id), see_also(c.question_id),
                     c.question_id in suspended)
               for c in sorted(cards, key=lambda c: (-c.lapses, c.question_id))
               if c.lapses >= LEECH_LAPSES]

    # scheduling: desired retention, parameters, true retention, workload forecast
    from .forecast import true_retention, workload
    from .settings import current_parameters, get_setting

    desired = float(get_setting(store, "retention"))
    fitted = current_parameters(store)
    parameters = {"fitted": fitted is not None,
                  "fitted_at": iso(fitted.fitted_at) if fitted else None,
                  "reviews": fitted.review_count if fitted else None}
    load = workload([store._fsrs_card(c) for c in live], store.scheduler.parameters, desired,
                    moment, new_questions=due.new or 0, tz=tz)

    card_infos = [CardInfo(
        c.question_id, c.state, iso(c.due), iso(c.last_review) if c.last_review else None,
        round((c.due - c.last_review).total_seconds() / 86400, 6) if c.last_review else None,
        c.stability, c.difficulty, c.reps, c.lapses) for c in cards]

    return StatsReport(
        empty=not reviews,
        now=iso(moment),
        database=str(store.path),
        reviews=len(reviews),
        questions_answered=len({r.question_id for r in reviews}),
        due=due,
        per_day=per_day,
        retention=retention,
        mastery=mastery,
        most_missed=most_missed,
        leeches=leeches,
        streak=_streak(days_with_reviews, today),
        cards=card_infos,
        bank_loaded=bank is not None,
        first_question=first_question,
        desired_retention=desired,
        parameters=parameters,
        true_retention=true_retention(reviews, moment, tz),
        workload=load,
        suspended=sorted(suspended),
    )
