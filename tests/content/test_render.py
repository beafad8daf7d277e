"""Markdown is always rendered through the sanitiser."""

import pytest

from course.content.render import render_markdown

PAYLOADS = [
    "<script>alert('x')</script>",
    '<img src="x" onerror="alert(1)">',
    "[click](javascript:alert(1))",
    '<a href="javascript:alert(1)">x</a>',
    '<iframe src="https://evil.example"></iframe>',
    '<div style="background:url(javascript:alert(1))">x</div>',
    "<svg onload=alert(1)>",
]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_dangerous_markup_is_neutralised(payload):
    html = render_markdown(f"Text before.\n\n{payload}\n\nText after.").lower()
    for bad in ("<script", "onerror", "javascript:", "<iframe", "onload", "style="):
        assert bad not in html
    assert "text after" in html


def test_ordinary_markdown_survives():
    html = render_markdown("## Key figures\n\n- **165** CPAs\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n> question?")
    assert '<h2 id="key-figures">Key figures</h2>' in html
    assert "<strong>165</strong>" in html and "<table>" in html and "<blockquote>" in html


def test_glossary_links_become_site_links():
    html = render_markdown("A [CPA](glossary:cpa).", lambda slug: f"/glossary#{slug}")
    assert '<a href="/glossary#cpa" rel="noopener noreferrer">CPA</a>' in html
