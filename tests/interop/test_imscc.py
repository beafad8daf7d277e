"""The Common Cartridge 1.1 package: a manifest Moodle's importer reads, lessons, the quiz as QTI, one bank."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from lxml import etree

from tests.conftest import SHARED

CP = "http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1"
QTI = "http://www.imsglobal.org/xsd/ims_qtiasiv1p2"
NS = {"cp": CP, "lomimscc": "http://ltsc.ieee.org/xsd/imsccv1p1/LOM/manifest", "qti": QTI}
# The IMS CC 1.1 schema files are public material kept beside the project, not in it (like shared/gift-samples):
# ../shared/imscc-1.1/ (ccv1p1_imscp_v1p2_v1p0.xsd with ccv1p1_imsccauth_v1p1.xsd, ccv1p1_lommanifest_v1p0.xsd,
# ccv1p1_lomresource_v1p0.xsd and xml.xsd; ccv1p1_qtiasiv1p2p1_v1p0.xsd for the QTI), as moodle/moodle vendors
# them in backup/cc/schemas11, or the folder CBEC_IMSCC_SCHEMAS names.
SCHEMA_DIR = Path(os.environ.get("CBEC_IMSCC_SCHEMAS") or SHARED / "imscc-1.1")
MANIFEST_XSD = SCHEMA_DIR / "ccv1p1_imscp_v1p2_v1p0.xsd"
QTI_XSD = SCHEMA_DIR / "ccv1p1_qtiasiv1p2p1_v1p0.xsd"


def _manifest(package) -> etree._Element:
    return etree.fromstring(package.read("imsmanifest.xml"))


@pytest.mark.skipif(not MANIFEST_XSD.exists(), reason=f"no IMS CC 1.1 schema at {MANIFEST_XSD}")
def test_the_manifest_validates_against_the_cc_1_1_schema(synced_quizzes, export):
    schema = etree.XMLSchema(etree.parse(str(MANIFEST_XSD)))
    for args in (("--format", "imscc"), ("--format", "imscc", "--module", "pilot-zones")):
        manifest = _manifest(export(*args))
        assert schema.validate(manifest), schema.error_log


@pytest.mark.skipif(not QTI_XSD.exists(), reason=f"no IMS CC 1.1 QTI schema at {QTI_XSD}")
def test_the_quizzes_and_the_bank_validate_against_the_cc_1_1_qti_profile(synced_quizzes, export):
    schema = etree.XMLSchema(etree.parse(str(QTI_XSD)))
    package = export("--format", "imscc")
    documents = [name for name in package.namelist() if name.endswith(".xml") and name != "imsmanifest.xml"]
    assert len(documents) == 2  # the pilot-zones quiz and the bank
    for name in documents:
        assert schema.validate(etree.fromstring(package.read(name))), (name, schema.error_log)


def test_the_manifest_is_common_cartridge_1_1(synced_quizzes, export):
    manifest = _manifest(export("--format", "imscc"))
    assert manifest.tag == f"{{{CP}}}manifest"  # imsccv1p1: a namespace Moodle's importer recognises
    assert manifest.findtext("cp:metadata/cp:schema", namespaces=NS) == "IMS Common Cartridge"
    assert manifest.findtext("cp:metadata/cp:schemaversion", namespaces=NS) == "1.1.0"
    title = manifest.findtext("cp:metadata/lomimscc:lom/lomimscc:general/lomimscc:title/lomimscc:string", namespaces=NS)
    assert title == "CBEC Academy"


def test_every_reference_resolves_and_every_file_is_there(synced_quizzes, export):
    package = export("--format", "imscc")
    manifest = _manifest(package)
    resources = {r.get("identifier"): r for r in manifest.iterfind(".//cp:resource", NS)}
    referenced = [i.get("identifierref") for i in manifest.iterfind(".//cp:item[@identifierref]", NS)]
    referenced += [d.get("identifierref") for d in manifest.iterfind(".//cp:dependency", NS)]
    assert referenced and set(referenced) <= set(resources)
    names = set(package.namelist())
    for resource in resources.values():
        files = [f.get("href") for f in resource.iterfind("cp:file", NS)]
        assert files and set(files) <= names, resource.get("identifier")
        if resource.get("href"):
            assert resource.get("href") in files


def test_lessons_are_web_content_with_the_stored_html(synced_quizzes, export, db):
    from sqlmodel import select

    from course.models import Lesson

    package = export("--format", "imscc")
    manifest = _manifest(package)
    lesson = db.exec(select(Lesson).where(Lesson.slug == "harbour-city-pilot")).one()
    resource = manifest.find(".//cp:resource[@identifier='r_l_harbour-city-pilot']", NS)
    assert resource.get("type") == "webcontent"
    page = package.read(resource.get("href")).decode()
    assert lesson.title in page
    assert "Harbour City set up a" in page
    assert 'href="../glossary.html#cpa"' in page  # the site's glossary link now points into the cartridge
    item = manifest.find(".//cp:item[@identifierref='r_l_harbour-city-pilot']", NS)
    assert item.findtext("cp:title", namespaces=NS) == lesson.title


def test_the_module_quiz_is_a_qti_assessment(synced_quizzes, export):
    package = export("--format", "imscc")
    manifest = _manifest(package)
    (resource,) = manifest.iterfind(".//cp:resource[@type='imsqti_xmlv1p2/imscc_xmlv1p1/assessment']", NS)
    assert resource.get("href") is None  # CC 1.1 rule 3c
    (file,) = resource.iterfind("cp:file", NS)
    qti = etree.fromstring(package.read(file.get("href")))
    assessment = qti.find("qti:assessment", NS)
    assert assessment.get("title") == "End-of-module quiz: Pilot zones"
    profiles = [f.text for f in qti.iterfind(".//qti:itemmetadata//qti:fieldentry", NS) if f.text.startswith("cc.")]
    # capital, zone-tf, services, name; the numerical and matching questions have no CC form
    assert profiles == ["cc.multiple_choice.v0p1", "cc.true_false.v0p1", "cc.multiple_response.v0p1", "cc.fib.v0p1"]
    capital = qti.find(".//qti:item[@title='capital']", NS)
    right = capital.find(".//qti:respcondition[qti:setvar]", NS)
    assert right.findtext("qti:conditionvar/qti:varequal", namespaces=NS) == "a0"  # Harbour City
    assert right.findtext("qti:setvar", namespaces=NS) == "100"


def test_the_bank_is_one_question_bank_that_no_item_shows(synced_quizzes, export):
    package = export("--format", "imscc")
    manifest = _manifest(package)
    banks = list(manifest.iterfind(".//cp:resource[@type='imsqti_xmlv1p2/imscc_xmlv1p1/question-bank']", NS))
    assert len(banks) == 1  # CC 1.1 rule 4a
    bank_id = banks[0].get("identifier")
    assert manifest.find(f".//cp:item[@identifierref='{bank_id}']", NS) is None  # rule 8a
    qti = etree.fromstring(package.read(banks[0].find("cp:file", NS).get("href")))
    titles = [item.get("title") for item in qti.iterfind("qti:objectbank/qti:item", NS)]
    assert titles == ["capital", "zone-tf", "services", "name", "essay"]


def test_the_command_names_what_the_cartridge_left_out(synced_quizzes, runner, tmp_path):
    result = runner.invoke(args=["course", "export", "--format", "imscc", "-o", str(tmp_path / "c.imscc")])
    assert result.exit_code == 0, result.output
    assert "left out year (numerical), which Common Cartridge cannot hold" in result.output
    assert "left out match (matching)" in result.output
