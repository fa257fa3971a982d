"""How well `quiz progress optimize` recovers a learner's memory, and what it costs.

    python benchmarks/optimizer.py            # needs the optimizer extra (fsrs-rs-python)

Two logs, both written through quizcli's store and clock by the simulated learner of
tests/fsrs_sim.py (memory = FSRS with known parameters; schedule = quizcli's, fsrs defaults):
- synthetic: 300 questions, 120 days, two sessions a day;
- real-like: the built-in questions, 300 days, two sessions a day, 10 new a day.
For each: reviews, items, fit time, held-out (latest 20%) log loss / RMSE over bins of the
true, default and fitted parameters, and the mean absolute error of the predicted recall
probability against the one the true parameters give.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from fsrs_sim import TRUE_PARAMETERS, simulate  # noqa: E402

from quizcli.store import open_store  # noqa: E402
from quizcli.store import optimize as opt  # noqa: E402


def measure(name, ids, days, seed):
    engine = opt.load_engine()
    home = Path(tempfile.mkdtemp(prefix="quiz-opt-"))
    count = simulate(home, ids, days=days, seed=seed)
    with open_store(home) as s:
        items, skipped = opt.build_items(s.reviews())
    train, test = opt.split(items)
    start = time.perf_counter()
    fitted = opt.fit(engine, train)
    fit_s = time.perf_counter() - start
    truth = opt.predicted_recall(engine, TRUE_PARAMETERS, test)
    print(f"{name}: {count} reviews, {len(items)} items ({len(train)} fit / {len(test)} held out), "
          f"fit {fit_s * 1000:.1f} ms")
    for label, params in (("true", TRUE_PARAMETERS), ("defaults", engine.DEFAULT_PARAMETERS),
                          ("fitted", fitted)):
        m = opt.evaluate(engine, params, test)
        pred = opt.predicted_recall(engine, params, test)
        mae = sum(abs(a - b) for a, b in zip(pred, truth)) / len(truth)
        print(f"  {label:<9} log loss {m.log_loss:.4f}  RMSE(bins) {m.rmse_bins:.4f}  "
              f"recall MAE vs true {mae:.4f}")


def main():
    from quizcli.bank.loader import load_bank

    measure("synthetic", [f"syn-{i:03d}" for i in range(300)], 120, 7)
    measure("real-like", [q.id for q in load_bank([]).questions], 300, 11)


if __name__ == "__main__":
    main()
