"""The question bank: the question model, loading (and its layers), lint codes and checks,
the parsed-content cache and the views `list`/`show` display.

    model.py      Question, KeyPoint, … (plain frozen dataclasses)
    yamlines.py   YAML with line numbers       sections.py  bytes, front matter, ## ko / ## en
    fields.py     every field and its problems draft.py     the public Draft of one file
    discovery.py  content roots, files, curriculum order
    loader.py     the Bank (parse_file, load_bank)   cache.py   parsed-content cache, LazyBank
    codes.py      the lint code table          lint.py      quiz lint
    views.py      what list and show display

Light: importing the package imports nothing (no YAML, no NumPy).
"""
