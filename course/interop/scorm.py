"""SCORM 1.2 package of one module: a SCO per lesson and the module quiz as a SCO graded in the page.

The quiz SCO carries its questions with their keys (a SCORM quiz is graded in the browser): give these
packages only to staff who load them into a learning platform, never to trainees.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from course.interop import pages
from course.interop.model import CourseMaterial, ModulePack
from course.interop.package import Package, zip_files
from course.interop.quiz_data import question_count, quiz_data

CP_NS = "http://www.imsproject.org/xsd/imscp_rootv1p1p2"
ADLCP_NS = "http://www.adlnet.org/xsd/adlcp_rootv1p2"
SHARED_FILES = ("package.css", "scorm.js", "quiz.js")
GLOSSARY_FILE = "glossary.html"


def build(material: CourseMaterial) -> Package:
    """The module's package (the material holds exactly one module)."""
    (module,) = material.modules
    files: dict[str, bytes | str] = {}
    notes: list[str] = []
    manifest = _manifest_root(material, module)
    organization = manifest.find("organizations/organization")
    resources = ET.SubElement(manifest, "resources")
    common = ET.SubElement(resources, "resource", identifier="r_common", type="webcontent")
    common.set("adlcp:scormtype", "asset")
    targets = {"/glossary": f"../{GLOSSARY_FILE}"} if material.glossary else {}
    for lesson in module.lessons:
        path = f"lessons/{lesson.slug}.html"
        files[path] = pages.render(
            "lesson.html",
            root="../",
            language=material.language,
            title=lesson.title,
            lesson=lesson,
            module=module,
            body=pages.localise_links(lesson.body_html, targets, material.site_url),
            sco="lesson",
            scripts=("scorm.js",),
        )
        _sco(organization, resources, f"l_{lesson.slug}", lesson.title, path)
    if module.quiz is not None:
        _add_quiz(module, material, organization, resources, files, notes)
    else:
        notes.append(f"Module {module.slug} has no module quiz: the package holds its lessons only.")
    if material.glossary:
        files[GLOSSARY_FILE] = pages.render(
            "glossary.html", root="", language=material.language, title="Glossary", glossary=material.glossary
        )
        ET.SubElement(common, "file", href=GLOSSARY_FILE)
    for name in SHARED_FILES:
        files[name] = pages.asset(name)
        ET.SubElement(common, "file", href=name)
    ET.indent(manifest)
    files = {"imsmanifest.xml": ET.tostring(manifest, encoding="utf-8", xml_declaration=True)} | files
    notes.append("The quiz SCO holds its answer keys: share this package with staff only.")
    return Package(f"{material.identifier}-scorm12.zip", zip_files(files), "application/zip", tuple(notes))


def _manifest_root(material: CourseMaterial, module: ModulePack) -> ET.Element:
    manifest = ET.Element("manifest", identifier=f"m_{material.identifier}", version="1.0", xmlns=CP_NS)
    manifest.set("xmlns:adlcp", ADLCP_NS)
    metadata = ET.SubElement(manifest, "metadata")
    ET.SubElement(metadata, "schema").text = "ADL SCORM"
    ET.SubElement(metadata, "schemaversion").text = "1.2"
    organizations = ET.SubElement(manifest, "organizations", default="organization")
    organization = ET.SubElement(organizations, "organization", identifier="organization")
    ET.SubElement(organization, "title").text = f"Module {module.chapter}: {module.title}"
    return manifest


def _sco(organization, resources, key: str, title: str, path: str) -> ET.Element:
    item = ET.SubElement(organization, "item", identifier=f"i_{key}", identifierref=f"r_{key}", isvisible="true")
    ET.SubElement(item, "title").text = title
    resource = ET.SubElement(resources, "resource", identifier=f"r_{key}", type="webcontent", href=path)
    resource.set("adlcp:scormtype", "sco")
    ET.SubElement(resource, "file", href=path)
    ET.SubElement(resource, "dependency", identifierref="r_common")
    return item


def _add_quiz(module: ModulePack, material: CourseMaterial, organization, resources, files, notes) -> None:
    quiz = module.quiz
    data = quiz_data(quiz)
    count = question_count(quiz)
    path = f"quiz/{quiz.slug}.html"
    files[path] = pages.render(
        "quiz.html",
        root="../",
        language=material.language,
        title=quiz.title,
        quiz=quiz,
        count=count,
        data=data,
        mode="scorm",
        notice="Answer every question, then check your answers: your score is sent to your learning platform.",
        sco="quiz",
        scripts=("quiz.js", "scorm.js"),
    )
    item = _sco(organization, resources, f"q_{quiz.slug}", quiz.title, path)
    mastery = ET.SubElement(item, "adlcp:masteryscore")
    mastery.text = f"{quiz.pass_mark:g}"
    skipped = len(quiz.questions()) - len(_ids(data))
    if skipped:
        notes.append(f"{quiz.title}: {skipped} essay question(s) left out (a page cannot grade them).")


def _ids(data: dict) -> set[str]:
    fixed = {slot["question"]["id"] for slot in data["fixed"]}
    return fixed | {q["id"] for draw in data["draws"] for q in draw["pool"]}
