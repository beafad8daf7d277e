"""scripts/check_translations.py: a faithful sibling passes; each kind of drift is reported."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "check_translations.py"
spec = importlib.util.spec_from_file_location("check_translations", SCRIPT)
check_translations = importlib.util.module_from_spec(spec)
spec.loader.exec_module(check_translations)

LESSON = """---
title: "Jinyi CBZ: a two-way bonded hub"
cases: [6]
audiences: [official, sme]
summary: A bonded zone grew parcel imports.
minutes: 3
snapshot: false
objectives:
  - Explain what a comprehensive bonded zone is.
takeaway: A bonded zone can serve both directions of trade.
place: {city: Jinhua, province: Zhejiang, country: China}
organisation: {name: "Jinyi Comprehensive Bonded Zone", type: zone}
themes: [pilot-zones, customs]
related:
  - slug: jinhua-cpa
    why: The pilot area of which Jinyi is a core platform.
model:
  actor: Jinyi Comprehensive Bonded Zone
  problem: Jinyi wanted more cross-border trade.
  tools: [Bonded parcel imports under code 1210]
  preconditions: [Bonded zone status]
  results: [3.7 billion yuan of imports in 2023]
  copy: [Use one zone for both imports and exports]
---
## What the case reports

In 2023 the zone sent out 22.24 million [bonded](glossary:bonded) parcels, worth 3.7 billion yuan.

## Our reading

Imports seem to be its main business; exports are still small next to them.

## Reflection

> Which product could your zone specialise in?
"""

LESSON_ZH = """---
title: "金义综保区：进出口双向的保税枢纽"
cases: [6]
audiences: [official, sme]
summary: 一个综合保税区扩大了包裹进口。
minutes: 3
snapshot: false
objectives:
  - 说明什么是综合保税区。
takeaway: 一个保税区可以同时服务进出口两个方向。
place: {city: 金华, province: 浙江, country: 中国}
organisation: {name: "金义综合保税区", type: zone}
themes: [pilot-zones, customs]
related:
  - slug: jinhua-cpa
    why: 金华综试区，金义是它的核心平台之一。
model:
  actor: 金义综合保税区
  problem: 金义希望扩大跨境贸易。
  tools: [1210代码下的保税包裹进口]
  preconditions: [综合保税区地位]
  results: [2023年进口37亿元]
  copy: [用一个区域同时做进口和出口]
---
## 案例报告的内容

2023年，区内出区的[保税](glossary:bonded)包裹达2224万单，货值37亿元。

## 我们的解读

进口似乎是它的主要业务；与之相比，出口规模还很小。

## 思考题

> 你的区域可以专门经营哪种产品？
"""

GIFT = """$CATEGORY: 01-government-planning

::First CPA::In which city was China's first pilot area set up, in 2015?{
=Hangzhou#Correct. Hangzhou opened the first CPA in 2015.
~Shenzhen#Shenzhen was not the first.
}

::Number of CPAs::How many CPAs did China have at the end of 2023?{#165####There were 165 CPAs.}
"""

GIFT_ZH = """$CATEGORY: 01-government-planning

::First CPA::2015年，中国第一个综试区设在哪个城市？{
=杭州#正确。杭州于2015年设立了第一个综试区。
~深圳#深圳不是第一个。
}

::Number of CPAs::到2023年底，中国共有多少个综试区？{#165####共有165个综试区。}
"""

GLOSSARY = """- slug: bonded
  term: Bonded (goods, zone, warehouse)
  definition: >
    Held under customs control without paying import duty yet.
- slug: cbz
  term: Comprehensive Bonded Zone (CBZ)
  definition: >
    A fenced customs-supervised area.
"""

GLOSSARY_ZH = """- slug: cbz
  term: 综合保税区（综保区）
  definition: >
    由海关监管的围网区域。
- slug: bonded
  term: 保税（货物、区域、仓库）
  definition: >
    处于海关监管之下、暂不缴纳进口关税。
"""


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    files = {
        "modules/01-government-planning/06-jinyi-cbz.md": LESSON,
        "modules/01-government-planning/06-jinyi-cbz.zh.md": LESSON_ZH,
        "modules/glossary/ch01-03.yml": GLOSSARY,
        "modules/glossary/ch01-03.zh.yml": GLOSSARY_ZH,
        "quizzes/01-government-planning.gift": GIFT,
        "quizzes/01-government-planning.zh.gift": GIFT_ZH,
    }
    for name, text in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return tmp_path


def run(tree: Path, capsys, *args: str) -> tuple[int, list[str]]:
    status = check_translations.main(["--root", str(tree), "--lang", "zh", *args])
    lines = capsys.readouterr().out.splitlines()
    return status, lines[:-1]  # the last line is the count


def edit(tree: Path, name: str, old: str, new: str) -> None:
    path = tree / name
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_a_faithful_translation_passes(tree, capsys):
    assert run(tree, capsys) == (0, [])


LESSON_ZH_NAME = "modules/01-government-planning/06-jinyi-cbz.zh.md"
GIFT_ZH_NAME = "quizzes/01-government-planning.zh.gift"


@pytest.mark.parametrize(
    ("name", "old", "new", "expected"),
    [
        (LESSON_ZH_NAME, "2224万单", "2242万单", "figures missing in the translation: 22240000"),
        (LESSON_ZH_NAME, "(glossary:bonded)", "(glossary:bond)", "links differ"),
        (LESSON_ZH_NAME, "cases: [6]", "cases: [7]", "cases differs"),
        (LESSON_ZH_NAME, "type: zone", "type: government", "organisation.type differs"),
        (LESSON_ZH_NAME, "slug: jinhua-cpa", "slug: yiwu-cpa", "related slugs differ"),
        (LESSON_ZH_NAME, "## 我们的解读", "我们的解读", "2 '##' sections"),
        (
            LESSON_ZH_NAME,
            "  - 说明什么是综合保税区。",
            "  - 说明什么是综合保税区。\n  - 多余的目标。",
            "objectives does not",
        ),
        (
            LESSON_ZH_NAME,
            "进口似乎是它的主要业务；与之相比，出口规模还很小。",
            "Imports seem to be its main business here.",
            "left in English",
        ),
        (GIFT_ZH_NAME, "=杭州#", "~杭州#", "keys differ"),
        (GIFT_ZH_NAME, "::First CPA::", "::First pilot area::", "has the name"),
        (GIFT_ZH_NAME, "{#165####", "{#166####", "keys differ"),
        (GIFT_ZH_NAME, "~深圳#深圳不是第一个。", "~深圳#Shenzhen was not the first one.", "left in English"),
        ("modules/glossary/ch01-03.zh.yml", "- slug: cbz", "- slug: cpa", "slugs differ"),
    ],
)
def test_each_kind_of_drift_is_reported(tree, capsys, name, old, new, expected):
    edit(tree, name, old, new)
    status, problems = run(tree, capsys)
    assert status == 1
    assert any(expected in problem and name in problem for problem in problems), problems


def test_a_unit_shared_by_two_english_figures_matches_the_translation(tree, capsys):
    edit(
        tree,
        "modules/01-government-planning/06-jinyi-cbz.md",
        "worth 3.7 billion yuan.",
        "from 22.3 to 40 billion yuan.",
    )
    edit(tree, LESSON_ZH_NAME, "货值37亿元。", "从223亿元到400亿元。")
    assert run(tree, capsys) == (0, [])


def test_require_lists_english_files_without_a_sibling(tree, capsys):
    (tree / "modules/01-government-planning/06-jinyi-cbz.zh.md").unlink()
    status, problems = run(tree, capsys, "--require")
    assert status == 1
    assert problems == [
        "modules/01-government-planning/06-jinyi-cbz.zh.md: missing: the English file has no translation"
    ]


@pytest.mark.parametrize(
    ("text", "lang", "values"),
    [
        ("US$ 12.87 million and 3.7 billion yuan, 115,700 people", "en", {"12870000", "3700000000", "115700"}),
        ("1287万美元和37亿元，115,700人，4000多万单", "zh", {"12870000", "3700000000", "115700", "40000000"}),
        ("12,87 millions de dollars et 3,7 milliards, 115 700 personnes", "fr", {"12870000", "3700000000", "115700"}),
    ],
)
def test_figures_are_read_by_value_in_each_language(text, lang, values):
    assert {format(v, "f") for v in check_translations.figures(text, lang)} == values
