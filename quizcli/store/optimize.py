"""Personal FSRS parameters: fit them to the review log and keep them only if they predict
better (`quiz progress optimize`).

The fit uses fsrs-rs-python (the Rust engine Anki's "Optimize" runs), installed with the
`optimizer` extra: `pip install 'quizcli[optimizer]'`. It is imported only here, only when
asked for.

Method, step by step:
1. Each question's reviews become FSRS items in whole days, as the FSRS benchmark and Anki
   build them: for every review on a later day than the first, the item is the history up to
   and including it (delta_t = days since the previous review, by local calendar day; 0 for
   reviews on the same day). A question answered only on one day gives no item (the Rust
   engine cannot fit, and crashes on, a history with no review on a later day).
2. Held-out time split: the items are ordered by the time of their last review; the first
   80 % fit the candidate parameters, the last 20 % (the most recent reviews) judge them.
3. Both parameter sets (the ones in use, and the candidate) predict the held-out reviews; the
   engine's `evaluate` gives log loss and RMSE over bins (the FSRS benchmark's two metrics).
4. The candidate is adopted only if it is better on both. The parameters stored are then
   refitted on all items (the held-out ones are the most recent, so they must count), with
   the date and the review count; the schedule is rebuilt from the log with them.

The judgement leans towards keeping what is in use: parameters adopted by an earlier run
were fitted on all reviews then, so they have seen part of today's held-out ones, while the
candidate has not. A new fit therefore has to be clearly better to replace an earlier one.
fsrs-rs needs no minimum (fsrs[optimizer] silently returns its defaults below 512 reviews);
MIN_ITEMS only keeps the held-out part large enough to mean something.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date, datetime

from ..errors import StoreError

HOLDOUT_SHARE = 0.2
MIN_ITEMS = 40  # reviews on a later day than a question's first: fewer cannot be judged
MIN_TEST_ITEMS = 8

MISSING = ("The optimizer is not installed: pip install 'quizcli[optimizer]' (adds "
           "fsrs-rs-python, FSRS's Rust engine, about 0.6 MB).")


def load_engine():
    """The fsrs_rs_python module, or one StoreError line saying how to install it."""
    try:
        import fsrs_rs_python
    except ImportError:
        raise StoreError(MISSING) from None
    return fsrs_rs_python


@dataclass(frozen=True)
class Item:
    """One FSRS training item: a question's history up to a review on a later day."""

    question_id: str
    at: datetime  # time of the item's last review (what the split orders by)
    reviews: tuple[tuple[int, int], ...]  # (rating, days since the previous review)


@dataclass(frozen=True)
class Metrics:
    log_loss: float
    rmse_bins: float


@dataclass(frozen=True)
class OptimizeResult:
    reviews: int  # reviews in the log
    items: int  # items the fit could use
    skipped_questions: int  # answered on one day only: no item
    train_items: int
    test_items: int
    old: Metrics  # the parameters in use, on the held-out items
    new: Metrics  # the candidate fitted on the training items, on the held-out items
    adopted: bool
    parameters: list[float]  # adopted: the new parameters; else the ones kept
    old_parameters: list[float]
    default_parameters: bool  # the kept/old parameters are fsrs's defaults
    dry_run: bool = False
    notes: list[str] = field(default_factory=list)

    def to_json(self) -> dict:
        return asdict(self)


def _day(moment: datetime, tz) -> date:
    return (moment.astimezone(tz) if tz is not None else moment.astimezone()).date()


def build_items(reviews, tz=None) -> tuple[list[Item], int]:
    """(items, questions skipped) from ReviewRows ordered by time."""
    by_question: dict[str, list] = {}
    for r in reviews:
        by_question.setdefault(r.question_id, []).append(r)
    items: list[Item] = []
    skipped = 0
    for qid in sorted(by_question):
        history = sorted(by_question[qid], key=lambda r: r.reviewed_at)
        days = [_day(r.reviewed_at, tz) for r in history]
        if days[-1] == days[0]:
            skipped += 1  # no review on a later day: nothing to learn, and it crashes fsrs-rs
            continue
        steps: list[tuple[int, int]] = []
        for i, r in enumerate(history):
            delta = 0 if i == 0 else (days[i] - days[i - 1]).days
            steps.append((int(r.rating), int(delta)))
            if i > 0 and delta > 0:
                items.append(Item(qid, r.reviewed_at, tuple(steps)))
    items.sort(key=lambda it: (it.at, it.question_id))
    return items, skipped


def _engine_items(engine, items):
    return [engine.FSRSItem([engine.FSRSReview(rating, delta) for rating, delta in it.reviews])
            for it in items]


def _guarded(call):
    """Run an engine call; a Rust panic (pyo3's PanicException derives from BaseException)
    becomes one StoreError line instead of a traceback."""
    try:
        return call()
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException as exc:  # noqa: BLE001
        message = " ".join(str(exc).split()) or type(exc).__name__
        raise StoreError(f"The FSRS optimizer failed: {message}. Your progress was left "
                         "untouched.") from None


def fit(engine, items) -> list[float]:
    """Parameters fitted on `items` (fsrs-rs, starting from its defaults)."""
    model = engine.FSRS(list(engine.DEFAULT_PARAMETERS))
    return [float(p) for p in _guarded(lambda: model.compute_parameters(
        _engine_items(engine, items)))]


def evaluate(engine, parameters, items) -> Metrics:
    result = _guarded(lambda: engine.FSRS(list(parameters)).evaluate(
        _engine_items(engine, items)))
    return Metrics(round(float(result.log_loss), 6), round(float(result.rmse_bins), 6))


def split(items: list[Item], share: float = HOLDOUT_SHARE) -> tuple[list[Item], list[Item]]:
    """Earliest (1 - share) for fitting, latest `share` held out, by the last review's time;
    items of one moment are never split between the two."""
    cut = int(round(len(items) * (1 - share)))
    while 0 < cut < len(items) and items[cut].at == items[cut - 1].at:
        cut += 1
    return items[:cut], items[cut:]


def optimize(store, *, tz=None, dry_run: bool = False, engine=None) -> OptimizeResult:
    """Fit, judge on the held-out split, and adopt (store + rebuild) only if better."""
    from .settings import current_parameters, save_fit

    engine = engine or load_engine()
    reviews = store.reviews()
    items, skipped = build_items(reviews, tz)
    if len(items) < MIN_ITEMS:
        raise StoreError(
            f"Not enough history to fit: {len(items)} review(s) on a later day than a "
            f"question's first answer, at least {MIN_ITEMS} needed ({len(reviews)} review(s) in "
            "the log). Keep answering with quiz ask and try again later.")
    train, test = split(items)
    if len(test) < MIN_TEST_ITEMS:
        raise StoreError(f"Not enough recent history to judge a fit: {len(test)} held-out "
                         f"review(s), at least {MIN_TEST_ITEMS} needed.")
    fitted = current_parameters(store)
    old_params = list(fitted.parameters) if fitted else [float(p) for p in store.scheduler.parameters]
    candidate = fit(engine, train)
    old = evaluate(engine, old_params, test)
    new = evaluate(engine, candidate, test)
    better = new.log_loss < old.log_loss and new.rmse_bins < old.rmse_bins
    parameters = fit(engine, items) if better else old_params
    evaluation = {"holdout_share": HOLDOUT_SHARE, "train_items": len(train),
                  "test_items": len(test), "old": asdict(old), "new": asdict(new),
                  "candidate": candidate}
    if not dry_run:
        save_fit(store, parameters if better else candidate, len(reviews), better, evaluation)
    return OptimizeResult(
        reviews=len(reviews), items=len(items), skipped_questions=skipped,
        train_items=len(train), test_items=len(test), old=old, new=new, adopted=better,
        parameters=[round(p, 4) for p in parameters], old_parameters=[round(p, 4) for p in old_params],
        default_parameters=fitted is None, dry_run=dry_run)


def predicted_recall(engine, parameters, items) -> list[float]:
    """For each item, the recall probability the parameters predict for its last review
    (FSRS-6's forgetting curve at the memory state after the reviews before it)."""
    params = list(parameters)
    model = engine.FSRS(params)
    decay = -params[20]
    factor = 0.9 ** (1 / decay) - 1
    out = []
    for it in items:
        state = model.memory_state(engine.FSRSItem(
            [engine.FSRSReview(r, d) for r, d in it.reviews[:-1]]))
        elapsed = it.reviews[-1][1]
        out.append((1 + factor * elapsed / state.stability) ** decay)
    return out
