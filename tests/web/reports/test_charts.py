"""Server-rendered SVG charts: accessible, labelled with numbers, escaped."""

import xml.etree.ElementTree as ET

from course.reports.cohort import CohortSummary, FunnelStep, Gain, GroupSummary
from course.web.reports.charts import Bar, BarGroup, bar_chart, breakdown_chart, funnel_chart, gain_chart

SVG = "{http://www.w3.org/2000/svg}"


def _parse(markup):
    return ET.fromstring(str(markup))


def test_chart_is_an_accessible_image_with_every_number_in_text():
    chart = bar_chart(
        "Completion",
        "Members per module.",
        [BarGroup("Module 1", (Bar(3, "3 of 10"),)), BarGroup("Module 2", (Bar(0, "0 of 10"),))],
        chart_id="c1",
    )
    root = _parse(chart)
    assert root.get("role") == "img" and root.get("aria-label") == "Completion"
    assert root.get("aria-labelledby") == "c1-title c1-desc"
    assert root.find(f"{SVG}title").text == "Completion"
    assert root.find(f"{SVG}desc").text == "Members per module. Module 1: 3 of 10; Module 2: 0 of 10."
    texts = [t.text for t in root.iter(f"{SVG}text")]
    assert "3 of 10" in texts and "0 of 10" in texts and "Module 1" in texts


def test_text_is_escaped():
    chart = str(bar_chart("<script>alert(1)</script>", 'a & b "c"', [BarGroup("<b>x</b>", (Bar(1, "<i>1</i>"),))]))
    assert "<script>" not in chart and "<b>" not in chart and "<i>" not in chart
    assert "&lt;script&gt;" in chart and "&amp;" in chart
    _parse(chart)  # still well-formed XML


def test_bars_are_scaled_and_missing_values_drawn_as_text_only():
    chart = bar_chart(
        "T", "D", [BarGroup("a", (Bar(50, "50"),)), BarGroup("b", (Bar(None, "no data"),))], max_value=100
    )
    root = _parse(chart)
    widths = [float(r.get("width")) for r in root.iter(f"{SVG}rect") if r.get("stroke")]
    assert widths == [150.0]  # half of the 300-pixel bar area; no bar for "no data"
    assert "no data" in [t.text for t in root.iter(f"{SVG}text")]


def test_long_labels_are_written_whole_over_several_lines_never_cut_off():
    label = "Government planning: pilot areas and bonded zones in detail, with every service a trainee meets"
    root = _parse(bar_chart("T", "D", [BarGroup(label, (Bar(1, "1"),))]))
    assert label in [t.text for t in root.iter(f"{SVG}title")]
    lines = [t.text for t in root.iter(f"{SVG}text")][:-1]
    assert len(lines) == 2 and " ".join(lines) == label and "…" not in label
    chinese = "跨境电子商务综合试验区" * 6  # no spaces: broken by width, each character counting twice
    lines = [t.text for t in _parse(bar_chart("T", "D", [BarGroup(chinese, (Bar(1, "1"),))])).iter(f"{SVG}text")][:-1]
    assert "".join(lines) == chinese and all(len(line) <= 26 for line in lines)


def test_funnel_chart_labels_counts_and_shares():
    chart = str(funnel_chart((FunnelStep("a", "Zones", 3), FunnelStep("b", "Freight", 0)), 10))
    assert "3 of 10 (30%)" in chart and "0 of 10 (0%)" in chart and "Completion funnel by module" in chart


def test_gain_chart_tells_pre_from_post_by_pattern_and_legend():
    root = _parse(gain_chart([Gain("a", "Zones", 12, 40.0, 75.5), Gain("b", "Freight", 0, None, None)]))
    texts = [t.text for t in root.iter(f"{SVG}text")]
    assert {"Pre-test", "Post-test", "40.0%", "75.5%", "no data"} <= set(texts)
    fills = {r.get("fill") for r in root.iter(f"{SVG}rect") if r.get("stroke")}
    assert len(fills) == 2 and all(f.startswith("url(#") for f in fills)  # two patterns, not two colours
    assert "Zones (n = 12)" in texts


def test_breakdown_chart():
    summary = CohortSummary(8, 6, 2, (), (), ())
    chart = str(breakdown_chart([GroupSummary("sme", "SMEs", summary)], "Organisation type"))
    assert "Path completion by organisation type" in chart and "2 of 8 completed (25%)" in chart


def test_empty_chart_says_so():
    assert "No data yet." in str(bar_chart("T", "Nothing.", []))
