"""The SCORM 1.2 package of a module: imsmanifest.xml at the root, a SCO per lesson and one for the quiz."""

from __future__ import annotations

import json
import re

from lxml import etree

CP = "http://www.imsproject.org/xsd/imscp_rootv1p1p2"
ADLCP = "http://www.adlnet.org/xsd/adlcp_rootv1p2"
NS = {"cp": CP, "adlcp": ADLCP}


def test_the_manifest_lists_a_sco_per_lesson_and_the_quiz(synced_quizzes, export):
    package = export("--format", "scorm12", "--module", "pilot-zones")
    assert package.namelist()[0] == "imsmanifest.xml"
    manifest = etree.fromstring(package.read("imsmanifest.xml"))
    assert manifest.tag == f"{{{CP}}}manifest"
    assert manifest.findtext("cp:metadata/cp:schemaversion", namespaces=NS) == "1.2"
    organization = manifest.find("cp:organizations/cp:organization", NS)
    assert manifest.find("cp:organizations", NS).get("default") == organization.get("identifier")
    titles = [item.findtext("cp:title", namespaces=NS) for item in organization.iterfind("cp:item", NS)]
    assert titles == ["Harbour City pilot area", "River Town bonded zone", "End-of-module quiz: Pilot zones"]
    scos = manifest.findall(f"cp:resources/cp:resource[@{{{ADLCP}}}scormtype='sco']", NS)
    assert len(scos) == 3
    names = set(package.namelist())
    for resource in manifest.iterfind("cp:resources/cp:resource", NS):
        files = {f.get("href") for f in resource.iterfind("cp:file", NS)}
        assert files <= names
    quiz_item = organization.findall("cp:item", NS)[-1]
    assert quiz_item.findtext("adlcp:masteryscore", namespaces=NS) == "70"


def test_the_quiz_sco_carries_its_questions_without_the_essay(synced_quizzes, export):
    package = export("--format", "scorm12", "--module", "pilot-zones")
    page = package.read("quiz/pilot-zones-quiz.html").decode()
    data = json.loads(re.search(r'<script id="quiz-data" type="application/json">(.*?)</script>', page, re.S)[1])
    assert [slot["question"]["type"] for slot in data["fixed"]] == [
        "single",
        "numerical",
        "truefalse",
        "multi",
        "short",
        "matching",
    ]
    assert data["pass_mark"] == 70
    assert "6 questions" in page


def test_a_module_without_a_quiz_is_lessons_only(synced_quizzes, runner, tmp_path):
    out = tmp_path / "scorm.zip"
    result = runner.invoke(
        args=["course", "export", "--format", "scorm12", "--module", "logistics-basics", "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert "has no module quiz: the package holds its lessons only" in result.output
    assert "share this package with staff only" in result.output
