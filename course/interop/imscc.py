"""IMS Common Cartridge 1.1 (.imscc): lessons as web content, module quizzes as QTI assessments, one bank.

The manifest uses the CC 1.1 namespaces (`imsccv1p1`), one of the two versions Moodle's importer reads.
A cartridge holds at most one question bank (CC 1.1 rule 4a): the banks of every exported module go into it.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from course.interop import pages, qti
from course.interop.model import CourseMaterial, ModulePack
from course.interop.package import Package, zip_files

CP_NS = "http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1"
LOM_MANIFEST_NS = "http://ltsc.ieee.org/xsd/imsccv1p1/LOM/manifest"
LOM_RESOURCE_NS = "http://ltsc.ieee.org/xsd/imsccv1p1/LOM/resource"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
SCHEMA_LOCATIONS = (
    f"{CP_NS} http://www.imsglobal.org/profile/cc/ccv1p1/ccv1p1_imscp_v1p2_v1p0.xsd "
    f"{LOM_MANIFEST_NS} http://www.imsglobal.org/profile/cc/ccv1p1/LOM/ccv1p1_lommanifest_v1p0.xsd "
    f"{LOM_RESOURCE_NS} http://www.imsglobal.org/profile/cc/ccv1p1/LOM/ccv1p1_lomresource_v1p0.xsd"
)
WEBCONTENT = "webcontent"
ASSESSMENT = "imsqti_xmlv1p2/imscc_xmlv1p1/assessment"
QUESTION_BANK = "imsqti_xmlv1p2/imscc_xmlv1p1/question-bank"
GLOSSARY_FILE = "glossary.html"
MEDIA_TYPE = "application/zip"


def build(material: CourseMaterial) -> Package:
    """The cartridge of the course (or one module) as a Package."""
    files: dict[str, bytes | str] = {}
    notes: list[str] = []
    manifest = _manifest_root(material)
    organization = ET.SubElement(
        ET.SubElement(manifest, "organizations"),
        "organization",
        identifier="organization",
        structure="rooted-hierarchy",
    )
    root_item = ET.SubElement(organization, "item", identifier="root")
    resources = ET.SubElement(manifest, "resources")
    targets = _site_targets(material)
    for module in material.modules:
        _add_module(module, material, root_item, resources, files, targets, notes)
    if material.glossary:
        files[GLOSSARY_FILE] = _page("glossary.html", material, "", title="Glossary", glossary=material.glossary)
        _webcontent(resources, "r_glossary", GLOSSARY_FILE)
        _item(root_item, "i_glossary", "Glossary", "r_glossary")
    _add_bank(material, resources, files, notes)
    ET.indent(manifest)
    files = {"imsmanifest.xml": ET.tostring(manifest, encoding="utf-8", xml_declaration=True)} | files
    return Package(f"{material.identifier}.imscc", zip_files(files), MEDIA_TYPE, tuple(notes))


def _manifest_root(material: CourseMaterial) -> ET.Element:
    manifest = ET.Element("manifest", identifier=f"m_{material.identifier}", xmlns=CP_NS)
    manifest.set("xmlns:lomimscc", LOM_MANIFEST_NS)
    manifest.set("xmlns:lom", LOM_RESOURCE_NS)
    manifest.set("xmlns:xsi", XSI_NS)
    manifest.set("xsi:schemaLocation", SCHEMA_LOCATIONS)
    metadata = ET.SubElement(manifest, "metadata")
    ET.SubElement(metadata, "schema").text = "IMS Common Cartridge"
    ET.SubElement(metadata, "schemaversion").text = "1.1.0"
    general = ET.SubElement(ET.SubElement(metadata, "lomimscc:lom"), "lomimscc:general")
    title = ET.SubElement(ET.SubElement(general, "lomimscc:title"), "lomimscc:string", language=material.language)
    title.text = material.title
    return manifest


def _site_targets(material: CourseMaterial) -> dict[str, str]:
    """Site paths the cartridge holds -> their files, relative to a page one folder deep."""
    targets = {"/glossary": f"../{GLOSSARY_FILE}"} if material.glossary else {}
    for module in material.modules:
        targets[f"/modules/{module.slug}"] = f"../{module.slug}/index.html"
        for lesson in module.lessons:
            targets[f"/lessons/{lesson.slug}"] = f"../{module.slug}/{lesson.slug}.html"
    return targets


def _page(template: str, material: CourseMaterial, root: str, **context) -> str:
    return pages.render(
        template, css_inline=pages.asset("package.css"), root=root, language=material.language, **context
    )


def _add_module(module: ModulePack, material, root_item, resources, files, targets, notes) -> None:
    item = _item(root_item, f"i_m_{module.slug}", f"Module {module.chapter}: {module.title}", None)
    overview = f"{module.slug}/index.html"
    files[overview] = _page(
        "module.html",
        material,
        "../",
        title=module.title,
        module=module,
        overview=pages.localise_links(module.overview_html, targets, material.site_url),
    )
    _webcontent(resources, f"r_m_{module.slug}", overview)
    _item(item, f"i_mo_{module.slug}", "About this module", f"r_m_{module.slug}")
    for lesson in module.lessons:
        path = f"{module.slug}/{lesson.slug}.html"
        files[path] = _page(
            "lesson.html",
            material,
            "../",
            title=lesson.title,
            lesson=lesson,
            module=module,
            body=pages.localise_links(lesson.body_html, targets, material.site_url),
        )
        depends = ["r_glossary"] if material.glossary and "/glossary" in lesson.body_html else []
        _webcontent(resources, f"r_l_{lesson.slug}", path, depends)
        _item(item, f"i_l_{lesson.slug}", lesson.title, f"r_l_{lesson.slug}")
    if module.quiz is not None:
        ident = f"r_q_{module.quiz.slug}"
        document = qti.assessment(module.quiz, ident)
        path = f"{ident}/assessment_qti.xml"
        files[path] = document.xml
        resource = ET.SubElement(resources, "resource", identifier=ident, type=ASSESSMENT)
        ET.SubElement(resource, "file", href=path)
        _item(item, f"i_q_{module.quiz.slug}", module.quiz.title, ident)
        notes += [
            f"{module.quiz.title}: left out {name}, which Common Cartridge cannot hold" for name in document.left_out
        ]


def _add_bank(material: CourseMaterial, resources, files, notes) -> None:
    questions = list({q.id: q for module in material.modules for q in module.bank}.values())
    if not questions:
        return
    document = qti.object_bank(questions, "r_bank", f"{material.title}: question bank")
    files["r_bank/question_bank.xml"] = document.xml
    resource = ET.SubElement(resources, "resource", identifier="r_bank", type=QUESTION_BANK)
    ET.SubElement(resource, "file", href="r_bank/question_bank.xml")
    notes += [f"Question bank: left out {name}, which Common Cartridge cannot hold" for name in document.left_out]


def _webcontent(resources: ET.Element, ident: str, path: str, depends: list[str] = ()) -> None:
    resource = ET.SubElement(resources, "resource", identifier=ident, type=WEBCONTENT, href=path)
    ET.SubElement(resource, "file", href=path)
    for other in depends:
        ET.SubElement(resource, "dependency", identifierref=other)


def _item(parent: ET.Element, ident: str, title: str, ref: str | None) -> ET.Element:
    item = ET.SubElement(parent, "item", identifier=ident)
    if ref:
        item.set("identifierref", ref)
    ET.SubElement(item, "title").text = title
    return item
