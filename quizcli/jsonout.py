"""`--json` output: the same data the renderers get, as JSON on stdout."""

from __future__ import annotations

import dataclasses
import json
import math
import sys


def to_plain(value):
    """Dataclasses, tuples, NumPy scalars and arrays -> JSON-ready Python values."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_plain(getattr(value, f.name)) for f in dataclasses.fields(value)
                if not f.name.startswith("_")}
    if isinstance(value, dict):
        return {str(k): to_plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [to_plain(v) for v in value]
    if hasattr(value, "tolist"):  # numpy scalar or array
        return to_plain(value.tolist())
    if isinstance(value, float) and not math.isfinite(value):
        return None if math.isnan(value) else ("inf" if value > 0 else "-inf")
    return value


def emit(data) -> None:
    from .safe_text import escape

    # control and bidi characters can only sit inside strings: written as \u escapes, the
    # document decodes to the same data and never drives the terminal
    sys.stdout.write(escape(json.dumps(to_plain(data), ensure_ascii=False, indent=2), json=True)
                     + "\n")
    sys.stdout.flush()  # a closed pipe fails here, inside the app's error boundary
