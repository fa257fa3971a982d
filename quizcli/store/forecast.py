"""Scheduling numbers for `quiz stats`: true retention (Anki's definition) and a workload
forecast for the next 30 days at the desired retention and one step below and above it.

True retention: of the reviews of cards that were in the Review state (due reviews, not
first answers or relearning steps), the share not rated Again. Young: the card's interval
before that review (days since its previous answer) was under 21 days; mature: 21 or more
(Anki's statistics use the same split).

Workload forecast: a Monte Carlo walk of every card with fsrs's scheduler (the user's
parameters, fuzz off) at a given desired retention. At each due time the learner recalls with
the probability the card's own memory state gives (retrievability), rating Good on recall and
Again otherwise; a relearning or learning step due later that day counts as another review
that day. Questions never answered are introduced NEW_PER_DAY a day (quiz ask's default),
rated Good. The figures are the mean over the runs, per local calendar day, today first."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime, timedelta

from .clock import to_utc
from .db import day_bounds

YOUNG_DAYS = 21
HORIZON_DAYS = 30
NEW_PER_DAY = 10  # quiz ask --new default
RETENTION_STEP = 0.05
MAX_STEPS = 10_000  # guard per card per run


@dataclass(frozen=True)
class PassRate:
    passed: int
    reviews: int
    share: float | None


@dataclass(frozen=True)
class TrueRetention:
    young: PassRate
    mature: PassRate
    all: PassRate


@dataclass(frozen=True)
class TrueRetentionReport:
    definition: str
    all_time: TrueRetention
    last_30_days: TrueRetention
    today: TrueRetention


@dataclass(frozen=True)
class Forecast:
    retention: float
    per_day: list[float]  # expected reviews on each local day, today first
    total: float
    peak: float


@dataclass(frozen=True)
class Workload:
    days: int
    current: Forecast
    lower: Forecast
    higher: Forecast
    new_per_day: int
    new_questions: int  # never answered, introduced NEW_PER_DAY a day
    runs: int


def _rate(passed: int, total: int) -> PassRate:
    return PassRate(passed, total, round(passed / total, 4) if total else None)


def true_retention(reviews, now: datetime, tz=None) -> TrueRetentionReport:
    """`reviews`: ReviewRows ordered by time (with state_before from the replay)."""
    start_today, _ = day_bounds(now, tz)
    month = now - timedelta(days=30)
    previous: dict[str, datetime] = {}
    buckets = {k: {"young": [0, 0], "mature": [0, 0]} for k in ("all", "month", "today")}
    for r in reviews:
        last = previous.get(r.question_id)
        previous[r.question_id] = r.reviewed_at
        if r.state_before != "review" or last is None or r.reviewed_at > now:
            continue
        kind = "young" if (r.reviewed_at - last).total_seconds() < YOUNG_DAYS * 86400 else "mature"
        periods = ["all"]
        if r.reviewed_at >= month:
            periods.append("month")
        if r.reviewed_at >= start_today:
            periods.append("today")
        for p in periods:
            buckets[p][kind][0] += int(r.rating >= 2)
            buckets[p][kind][1] += 1

    def report(p) -> TrueRetention:
        y, m = buckets[p]["young"], buckets[p]["mature"]
        return TrueRetention(_rate(*y), _rate(*m), _rate(y[0] + m[0], y[1] + m[1]))

    return TrueRetentionReport(
        definition="share of reviews of cards in the Review state not rated Again; young: "
                   f"< {YOUNG_DAYS} days since the previous answer, mature: ≥ {YOUNG_DAYS}",
        all_time=report("all"), last_30_days=report("month"), today=report("today"))


def _day_index(bounds: list[datetime], moment: datetime) -> int | None:
    for i in range(len(bounds) - 1):
        if moment < bounds[i + 1]:
            return i
    return None


def simulate_workload(cards, parameters, retention: float, now: datetime, *, new_questions: int = 0,
                      new_per_day: int = NEW_PER_DAY, days: int = HORIZON_DAYS, runs: int = 16,
                      seed: int = 0, tz=None) -> Forecast:
    """Expected reviews per local day over `days` days (see the module doc). `cards`: fsrs
    Cards (their current schedules)."""
    from fsrs import Card, Rating, Scheduler

    now = to_utc(now)
    sched = Scheduler(parameters=tuple(parameters), desired_retention=retention,
                      enable_fuzzing=False)
    start, _ = day_bounds(now, tz)
    bounds = [start]
    for _ in range(days):
        bounds.append(day_bounds(bounds[-1] + timedelta(hours=36), tz)[0])
    end = bounds[-1]
    counts = [0] * days
    rng = random.Random(seed)

    def walk(card, t):
        for _ in range(MAX_STEPS):
            if t >= end:
                return
            if card.last_review is None:
                rating = Rating.Good
            else:
                recall = sched.get_card_retrievability(card, t)
                rating = Rating.Good if rng.random() < recall else Rating.Again
            card, _ = sched.review_card(card, rating, review_datetime=t)
            i = _day_index(bounds, t)
            if i is not None:
                counts[i] += 1
            t = max(card.due, t + timedelta(minutes=1))

    for _ in range(runs):
        for card in cards:
            walk(card, max(card.due, now))
        for k in range(new_questions):
            day = k // max(1, new_per_day)
            if day >= days:
                break
            walk(Card(card_id=10**12 + k), max(now, bounds[day]))
    per_day = [round(c / runs, 2) for c in counts]
    return Forecast(round(retention, 4), per_day, round(sum(counts) / runs, 1), max(per_day, default=0))


def workload(cards, parameters, retention: float, now: datetime, *, new_questions: int = 0,
             tz=None, days: int = HORIZON_DAYS) -> Workload:
    from .settings import RETENTION_MAX, RETENTION_MIN

    n = len(cards) + min(new_questions, NEW_PER_DAY * days)
    runs = max(4, min(16, 4000 // max(1, n)))  # about 0.2 s whatever the collection's size

    def at(r):
        r = round(min(RETENTION_MAX, max(RETENTION_MIN, r)), 4)
        return simulate_workload(cards, parameters, r, now, new_questions=new_questions,
                                 days=days, runs=runs, tz=tz)

    return Workload(days, at(retention), at(retention - RETENTION_STEP),
                    at(retention + RETENTION_STEP), NEW_PER_DAY, new_questions, runs)
