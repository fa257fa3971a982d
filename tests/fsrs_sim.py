"""A simulated learner for the optimizer tests: its memory follows FSRS with KNOWN parameters,
while quizcli's store schedules the reviews (default parameters, seeded fuzz) and records
them through its own clock, exactly as `quiz ask` would.

Each session asks what the store says is due (then new questions, `new_per_day` a day); the
learner recalls with the probability its true memory gives (fsrs's retrievability under the
true parameters), rates Again on a failure and Hard/Good/Easy otherwise."""

from __future__ import annotations

import random
from datetime import datetime, timedelta, timezone

# far from fsrs's defaults where a log can tell: initial stabilities ×3–4 (a learner who
# remembers new questions much longer), a faster forgetting curve (w20) and harsher lapses
TRUE_PARAMETERS = (0.8, 4.0, 9.0, 25.0, 6.4133, 0.8334, 3.0194, 0.001, 1.2, 0.1666, 0.9, 1.1,
                   0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.35)

FIRST_RATINGS = ((1, 0.15), (2, 0.15), (3, 0.6), (4, 0.1))
PASS_RATINGS = ((2, 0.15), (3, 0.75), (4, 0.10))


def _pick(rng, table):
    x, acc = rng.random(), 0.0
    for value, p in table:
        acc += p
        if x < acc:
            return value
    return table[-1][0]


def simulate(home, question_ids, *, parameters=TRUE_PARAMETERS, days=120, new_per_day=10,
             sessions=((9, 0), (20, 30)), seed=7, start=datetime(2025, 1, 6, tzinfo=timezone.utc),
             fast=True):
    """Run the learner for `days` days against the store in `home`; returns the store's
    review count. The store's clock (open_store(clock=…)) is the simulated time."""
    from fsrs import Card, Rating, Scheduler

    from quizcli.store import open_store

    rng = random.Random(seed)
    truth = Scheduler(parameters=parameters, enable_fuzzing=False)
    memory: dict[str, Card] = {}
    now = [start]
    with open_store(home, clock=lambda: now[0]) as store:
        if fast:  # the test machine's disk: one fsync per review would dominate the run
            store.db.execute("PRAGMA synchronous = OFF")
        for day in range(days):
            for hour, minute in sessions:
                now[0] = start + timedelta(days=day, hours=hour, minutes=minute)
                todo = store.order_questions(question_ids, {}, new_limit=new_per_day,
                                             tz=timezone.utc)
                for qid in todo:
                    now[0] += timedelta(seconds=rng.randint(40, 200))
                    card = memory.get(qid)
                    if card is None:
                        rating = _pick(rng, FIRST_RATINGS)
                        card = Card(card_id=len(memory) + 1, due=now[0])
                    else:
                        recall = truth.get_card_retrievability(card, now[0])
                        rating = _pick(rng, PASS_RATINGS) if rng.random() < recall else 1
                    memory[qid], _ = truth.review_card(card, Rating(rating),
                                                       review_datetime=now[0])
                    store.record_review(qid, rating)
        return store.review_count()
