"""Bilingual (en/ko) descriptions and typical uses of the activations in `quiz explain`,
derived from the catalog (catalog.py): {name: {"en", "ko", "use_en", "use_ko"}}."""

from .catalog import CATALOG

DESCRIPTIONS: dict[str, dict[str, str]] = {e.name: e.text for e in CATALOG}
