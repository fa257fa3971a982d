"""Where things live: the built-in question bank, the user's data and cache directories."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "quizcli"


def builtin_content_dir() -> Path:
    """The question bank shipped in the wheel (quizcli/content), or the source tree's content/
    when running from a checkout or an editable install."""
    here = Path(__file__).resolve().parent
    packaged = here / "content"
    if packaged.is_dir():
        return packaged
    return here.parent / "content"


def home_dir(override: str | os.PathLike | None = None) -> Path:
    """User data: --home, else QUIZ_HOME, else the platform data dir (platformdirs)."""
    if override:
        return Path(override).expanduser()
    from .settings import home

    env = home()
    if env:
        return Path(env).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False))


def cache_dir() -> Path:
    """Parsed-content cache: QUIZ_CACHE_DIR, else the platform cache dir (platformdirs).

    Kept out of the data dir on purpose: deleting it is always safe."""
    from .settings import cache_dir as env_cache_dir

    env = env_cache_dir()
    if env:
        return Path(env).expanduser()
    from platformdirs import user_cache_dir

    return Path(user_cache_dir(APP_NAME, appauthor=False))
