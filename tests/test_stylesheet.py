"""The stylesheet is well formed: every block is closed, so no rule ends up inside a media query by accident
(a merge once left two blocks open and every rule after them applied to wide screens or print only)."""

import re
from pathlib import Path

STYLESHEET = Path(__file__).resolve().parents[1] / "course" / "static" / "style.css"


def test_every_block_of_the_stylesheet_is_closed_where_it_should_be():
    text = re.sub(r"/\*.*?\*/", "", STYLESHEET.read_text(encoding="utf-8"), flags=re.S)
    depth, at_rule_depths = 0, []
    for number, line in enumerate(text.splitlines(), start=1):
        for char in line:
            if char == "{":
                depth += 1
            elif char == "}":
                depth -= 1
                assert depth >= 0, f"style.css:{number}: a block is closed that was never opened"
        if depth and not line.startswith((" ", "\t", "@", "}")) and line.strip():
            at_rule_depths.append(
                f"style.css:{number}: {line.strip()[:60]} is indented as top level but sits in a block"
            )
    assert depth == 0, "style.css: a block is never closed"
    assert at_rule_depths == []
