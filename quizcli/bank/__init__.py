"""The question bank: files on disk -> validated questions (loader, model, views), the
linter (lint, codes) and the parsed-content cache (cache)."""
