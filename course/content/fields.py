"""Typed reading of front-matter fields, reporting the line of each problem."""

from __future__ import annotations

from course.content.errors import ContentProblem
from course.content.yamlfile import line_of


class FieldReader:
    """Reads fields from one mapping and collects what is wrong with them."""

    def __init__(self, mapping: dict, path: str, offset: int, problems: list[ContentProblem]):
        self.mapping, self.path, self.offset, self.problems = mapping, path, offset, problems

    def line(self, key: str = "") -> int:
        return line_of(self.mapping, key, self.offset)

    def fail(self, key: str, message: str) -> None:
        self.problems.append(ContentProblem(self.path, self.line(key), message))

    def text(self, key: str, required: bool = True, default: str = "") -> str:
        value = self.mapping.get(key)
        if value is None or (isinstance(value, str) and not value.strip()):
            if required:
                self.fail(key, f"'{key}' is required")
            return default
        if not isinstance(value, (str, int, float)):
            self.fail(key, f"'{key}' must be text")
            return default
        return str(value).strip()

    def line_text(self, key: str, required: bool = True) -> str:
        """Text that must fit on one line (a takeaway, a caveat)."""
        value = self.text(key, required=required)
        if "\n" in value:
            self.fail(key, f"'{key}' must be one line")
        return value

    def boolean(self, key: str, default: bool = False) -> bool:
        value = self.mapping.get(key)
        if value is None:
            return default
        if not isinstance(value, bool):
            self.fail(key, f"'{key}' must be true or false")
            return default
        return value

    def mapping_of(self, key: str, required: bool = True) -> dict | None:
        """A nested mapping (read it with another FieldReader), or None when absent or not a mapping."""
        value = self.mapping.get(key)
        if value is None:
            if required:
                self.fail(key, f"'{key}' is required")
            return None
        if not isinstance(value, dict):
            self.fail(key, f"'{key}' must be a mapping of keys to values")
            return None
        return value

    def integer(self, key: str, required: bool = True, minimum: int = 0) -> int:
        value = self.mapping.get(key)
        if value is None:
            if required:
                self.fail(key, f"'{key}' is required")
            return 0
        if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
            self.fail(key, f"'{key}' must be a whole number of at least {minimum}")
            return 0
        return value

    def items(self, key: str, kind: type, required: bool = True, allowed: set | None = None) -> list:
        value = self.mapping.get(key)
        if value is None:
            if required:
                self.fail(key, f"'{key}' is required")
            return []
        if kind is str and isinstance(value, list):
            value = [str(v).strip() if isinstance(v, int | float) and not isinstance(v, bool) else v for v in value]
        if not isinstance(value, list) or not all(isinstance(v, kind) and not isinstance(v, bool) for v in value):
            self.fail(key, f"'{key}' must be a list of {kind.__name__ if kind is not str else 'text'} values")
            return []
        if required and not value:
            self.fail(key, f"'{key}' must not be empty")
        if kind is str and any(not v.strip() for v in value):
            self.fail(key, f"'{key}' has an empty item")
        if allowed is not None:
            for v in value:
                if v not in allowed:
                    self.fail(key, f"'{key}' has unknown value {v!r} (allowed: {', '.join(sorted(allowed))})")
        return list(value)
