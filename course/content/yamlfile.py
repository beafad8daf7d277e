"""YAML reading that remembers the line each mapping starts on."""

from __future__ import annotations

import yaml

from course.content.errors import ContentError, ContentProblem

LINE_KEY = "__line__"


class _LineLoader(yaml.SafeLoader):
    """A safe loader that records, for each mapping, the 1-based line of every key."""

    def construct_mapping(self, node, deep=False):
        mapping = super().construct_mapping(node, deep=deep)
        mapping[LINE_KEY] = {key_node.value: key_node.start_mark.line + 1 for key_node, _ in node.value} | {
            "": node.start_mark.line + 1
        }
        return mapping


def load_yaml(text: str, path: str, first_line: int = 1):
    """Parse YAML text; a syntax error becomes a ContentError at its line."""
    try:
        return yaml.load(text, Loader=_LineLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = first_line + (mark.line if mark else 0)
        raise ContentError([ContentProblem(path, line, f"invalid YAML: {exc.problem}")]) from None
    except yaml.YAMLError as exc:
        raise ContentError([ContentProblem(path, first_line, f"invalid YAML: {exc}")]) from None


def line_of(mapping: dict, key: str = "", offset: int = 0) -> int:
    """The line a key (or, with no key, the mapping itself) was written on."""
    lines = mapping.get(LINE_KEY, {}) if isinstance(mapping, dict) else {}
    return offset + lines.get(key, lines.get("", 1))


def clean(value):
    """The same data without the recorded line numbers."""
    if isinstance(value, dict):
        return {k: clean(v) for k, v in value.items() if k != LINE_KEY}
    if isinstance(value, list):
        return [clean(v) for v in value]
    return value
