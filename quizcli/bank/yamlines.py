"""YAML with line numbers: mappings and sequences that remember where they start.

    line_loader()(text).get_single_data() -> LineMap / LineSeq / scalars

A subclass of `yaml.SafeLoader` (the C one when available) that only adds line numbers and
duplicate-key detection (`loader.duplicates`), so no YAML tag can build a Python object.
Lines are 0-based, as PyYAML's marks are. PyYAML is imported on first use only.
"""

from __future__ import annotations


class _Map(dict):
    """A YAML mapping that remembers where it and each of its keys start (0-based lines)."""

    __slots__ = ("line", "key_lines")


class _Seq(list):
    """A YAML sequence that remembers where it and each item start (0-based lines)."""

    __slots__ = ("line", "item_lines")


_LOADER = None


def _loader_class():
    global _LOADER
    if _LOADER is not None:
        return _LOADER
    import yaml
    from yaml.constructor import ConstructorError

    base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    class LineLoader(base):  # type: ignore[misc, valid-type]
        def __init__(self, stream):
            super().__init__(stream)
            self.duplicates: list[tuple[str, int, int]] = []  # key, line, first line

    def construct_map(loader, node):
        data = _Map()
        data.line = node.start_mark.line
        data.key_lines = {}
        yield data
        loader.flatten_mapping(node)
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=False)
            try:
                hash(key)
            except TypeError:
                raise ConstructorError("while constructing a mapping", node.start_mark,
                                       "found a key that is a list or mapping",
                                       key_node.start_mark) from None
            if key in data:
                loader.duplicates.append((str(key), key_node.start_mark.line,
                                          data.key_lines[key]))
            data[key] = loader.construct_object(value_node, deep=False)
            data.key_lines[key] = key_node.start_mark.line

    def construct_seq(loader, node):
        data = _Seq()
        data.line = node.start_mark.line
        data.item_lines = [n.start_mark.line for n in node.value]
        yield data
        data.extend(loader.construct_object(n, deep=False) for n in node.value)

    LineLoader.add_constructor("tag:yaml.org,2002:map", construct_map)
    LineLoader.add_constructor("tag:yaml.org,2002:seq", construct_seq)
    _LOADER = LineLoader
    return LineLoader


LineMap = _Map  # public names (the draft and the kinds read lines through these)
LineSeq = _Seq
line_loader = _loader_class
