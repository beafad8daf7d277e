"""Questions as QTI 1.2 in the Common Cartridge 1.1 profile: an assessment (the module quiz) or an object bank.

The profile knows single choice, multiple response, true/false, fill-in-the-blank (our short answers) and
essays. Numerical, matching and description questions have no CC form: they are left out and named in
`QtiDocument.left_out`, which the package's report shows.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass, field

from course.interop.model import BankQuestion, QuizPack
from course.questions.html import question_html
from course.questions.types import (
    Essay,
    MultipleResponse,
    Question,
    ShortAnswer,
    SingleChoice,
    TrueFalse,
    option_id,
)

QTI_NS = "http://www.imsglobal.org/xsd/ims_qtiasiv1p2"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
QTI_SCHEMA = "http://www.imsglobal.org/profile/cc/ccv1p1/ccv1p1_qtiasiv1p2p1_v1p0.xsd"
PROFILES = {
    "single": "cc.multiple_choice.v0p1",
    "multi": "cc.multiple_response.v0p1",
    "truefalse": "cc.true_false.v0p1",
    "short": "cc.fib.v0p1",
    "essay": "cc.essay.v0p1",
}
RESPONSE = "response1"


@dataclass
class QtiDocument:
    xml: bytes
    items: int
    left_out: list[str] = field(default_factory=list)  # "name (type)" of each question with no CC form


def assessment(quiz: QuizPack, ident: str) -> QtiDocument:
    """The quiz as a CC assessment: its fixed questions and every question its draws may pick."""
    root, left_out = _root(), []
    node = ET.SubElement(root, "assessment", ident=ident, title=quiz.title)
    metadata = {
        "cc_profile": "cc.exam.v0p1",
        "qmd_assessmenttype": "Examination",
        "qmd_scoretype": "Percentage",
        "qmd_feedbackpermitted": "Yes",
        "qmd_hintspermitted": "No",
        "qmd_solutionspermitted": "Yes",
        "cc_maxattempts": str(quiz.attempts_allowed) if quiz.attempts_allowed else "unlimited",
    }
    _qtimetadata(node, metadata)
    section = ET.SubElement(node, "section", ident=f"{ident}_root")
    marks = {q.id: mark for q, mark in quiz.fixed} | {q.id: d.mark for d in quiz.draws for q in d.pool}
    count = 0
    for question in quiz.questions():
        count += _add_item(section, question, marks.get(question.id, 1.0), left_out)
    return QtiDocument(_serialise(root), count, left_out)


def object_bank(questions: list[BankQuestion], ident: str, title: str) -> QtiDocument:
    """Questions as the cartridge's question bank."""
    root, left_out = _root(), []
    bank = ET.SubElement(root, "objectbank", ident=ident)
    _qtimetadata(bank, {"bank_title": title})
    count = sum(_add_item(bank, question, 1.0, left_out) for question in questions)
    return QtiDocument(_serialise(root), count, left_out)


def _root() -> ET.Element:
    root = ET.Element("questestinterop", xmlns=QTI_NS)
    root.set("xmlns:xsi", XSI_NS)
    root.set("xsi:schemaLocation", f"{QTI_NS} {QTI_SCHEMA}")
    return root


def _serialise(root: ET.Element) -> bytes:
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def _qtimetadata(parent: ET.Element, fields: dict[str, str]) -> None:
    metadata = ET.SubElement(parent, "qtimetadata")
    for label, entry in fields.items():
        pair = ET.SubElement(metadata, "qtimetadatafield")
        ET.SubElement(pair, "fieldlabel").text = label
        ET.SubElement(pair, "fieldentry").text = entry


def _add_item(parent: ET.Element, question: BankQuestion, mark: float, left_out: list[str]) -> int:
    """Append the question as an item; 0 when the profile has no form for its type."""
    data = question.data
    if data.type not in PROFILES:
        left_out.append(f"{question.name} ({data.type})")
        return 0
    item = ET.SubElement(parent, "item", ident=f"q{question.id}", title=question.name)
    itemmetadata = ET.SubElement(item, "itemmetadata")
    _qtimetadata(itemmetadata, {"cc_profile": PROFILES[data.type], "cc_weighting": f"{mark:g}"})
    presentation = ET.SubElement(item, "presentation")
    _material(presentation, _stem(data))
    feedback: list[tuple[str, str]] = []
    if isinstance(data, (SingleChoice, MultipleResponse)):
        _choices(presentation, data, "Multiple" if isinstance(data, MultipleResponse) else "Single")
    elif isinstance(data, TrueFalse):
        _true_false(presentation)
    else:
        _typed(presentation)
    processing = ET.SubElement(item, "resprocessing")
    outcomes = ET.SubElement(processing, "outcomes")
    ET.SubElement(outcomes, "decvar", varname="SCORE", vartype="Decimal", minvalue="0", maxvalue="100")
    _conditions(processing, data, feedback)
    if data.general_feedback:
        feedback.append(("general_fb", _html(data, data.general_feedback, data.general_feedback_format)))
    for ident, html in feedback:
        node = ET.SubElement(item, "itemfeedback", ident=ident)
        _material(ET.SubElement(node, "flow_mat"), html)
    return 1


def _html(data: Question, text: str, text_format: str | None) -> str:
    return question_html(text, data.format_of(text_format))


def _stem(data: Question) -> str:
    stem = _html(data, data.text, data.text_format)
    return f"{stem} _____ {_html(data, data.text_after, data.text_format)}" if data.text_after else stem


def _material(parent: ET.Element, html: str) -> None:
    material = ET.SubElement(parent, "material")
    ET.SubElement(material, "mattext", texttype="text/html").text = html


def _choices(presentation: ET.Element, data: SingleChoice | MultipleResponse, cardinality: str) -> None:
    lid = ET.SubElement(presentation, "response_lid", ident=RESPONSE, rcardinality=cardinality)
    render = ET.SubElement(lid, "render_choice", shuffle="No")
    for index, choice in enumerate(data.options):
        label = ET.SubElement(render, "response_label", ident=option_id(index))
        _material(label, _html(data, choice.text, choice.text_format))


def _true_false(presentation: ET.Element) -> None:
    lid = ET.SubElement(presentation, "response_lid", ident=RESPONSE, rcardinality="Single")
    render = ET.SubElement(lid, "render_choice")
    for ident, text in (("true", "True"), ("false", "False")):
        label = ET.SubElement(render, "response_label", ident=ident)
        _material(label, text)


def _typed(presentation: ET.Element) -> None:
    response = ET.SubElement(presentation, "response_str", ident=RESPONSE, rcardinality="Single")
    render = ET.SubElement(response, "render_fib")
    ET.SubElement(render, "response_label", ident="answer1", rshuffle="No")


def _condition(processing: ET.Element, score: float | None, feedback_ref: str | None, *, last: bool) -> ET.Element:
    """A respcondition; returns its conditionvar to fill."""
    condition = ET.SubElement(processing, "respcondition", {"continue": "No" if last else "Yes"})
    conditionvar = ET.SubElement(condition, "conditionvar")
    if score is not None:
        ET.SubElement(condition, "setvar", action="Set", varname="SCORE").text = f"{score * 100:g}"
    if feedback_ref:
        ET.SubElement(condition, "displayfeedback", feedbacktype="Response", linkrefid=feedback_ref)
    return conditionvar


def _conditions(processing: ET.Element, data: Question, feedback: list[tuple[str, str]]) -> None:
    """Scores (0-100) and feedback for each response the question knows."""
    if isinstance(data, SingleChoice):
        for index, choice in enumerate(data.options):
            ref = _feedback(feedback, f"{option_id(index)}_fb", _html(data, choice.feedback, choice.feedback_format))
            var = _condition(processing, max(0.0, choice.fraction) or None, ref, last=False)
            ET.SubElement(var, "varequal", respident=RESPONSE).text = option_id(index)
    elif isinstance(data, MultipleResponse):
        var = ET.SubElement(_condition(processing, 1.0, None, last=True), "and")
        for index, choice in enumerate(data.options):
            equal = ET.Element("varequal", respident=RESPONSE)
            equal.text = option_id(index)
            if choice.fraction > 0:
                var.append(equal)
            else:
                ET.SubElement(var, "not").append(equal)
    elif isinstance(data, TrueFalse):
        for value, text, text_format in (
            (True, data.feedback_true, data.feedback_true_format),
            (False, data.feedback_false, data.feedback_false_format),
        ):
            ident = "true" if value else "false"
            ref = _feedback(feedback, f"{ident}_fb", _html(data, text, text_format))
            var = _condition(processing, 1.0 if value == data.answer else None, ref, last=False)
            ET.SubElement(var, "varequal", respident=RESPONSE).text = ident
    elif isinstance(data, ShortAnswer):
        for index, answer in enumerate(data.answers):
            ref = _feedback(feedback, f"answer{index}_fb", _html(data, answer.feedback, answer.feedback_format))
            var = _condition(processing, max(0.0, answer.fraction) or None, ref, last=False)
            case = "Yes" if data.case_sensitive else "No"
            ET.SubElement(var, "varequal", respident=RESPONSE, case=case).text = answer.text
    elif isinstance(data, Essay):
        ET.SubElement(_condition(processing, None, None, last=True), "other")


def _feedback(feedback: list[tuple[str, str]], ident: str, html: str) -> str | None:
    if not html:
        return None
    feedback.append((ident, html))
    return ident
