"""Split a markdown file into its YAML front matter and body."""

from __future__ import annotations

from dataclasses import dataclass

from course.content.errors import ContentError, ContentProblem
from course.content.yamlfile import load_yaml


@dataclass
class Document:
    path: str
    meta: dict  # with line numbers recorded (see yamlfile.line_of)
    body: str
    body_line: int  # the file line the body starts on
    meta_offset: int  # add to a YAML line to get the file line


def read_document(text: str, path: str) -> Document:
    """Parse `---` delimited front matter followed by markdown."""
    lines = text.splitlines()
    if not lines or lines[0].strip() != "---":
        raise ContentError([ContentProblem(path, 1, "missing front matter: the file must start with '---'")])
    for index, line in enumerate(lines[1:], start=1):
        if line.strip() == "---":
            end = index
            break
    else:
        raise ContentError([ContentProblem(path, 1, "front matter is not closed by a '---' line")])
    meta = load_yaml("\n".join(lines[1:end]), path, first_line=2)
    if not isinstance(meta, dict):
        raise ContentError([ContentProblem(path, 2, "front matter must be a mapping of keys to values")])
    return Document(path, meta, "\n".join(lines[end + 1 :]), end + 2, 1)
