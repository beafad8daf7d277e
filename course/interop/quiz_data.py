"""A module quiz as the data the in-page quiz script (assets/quiz.js) asks and grades, keys included.

Whoever holds a package that embeds this holds the answers: it goes only into packages for staff (SCORM)
and into the offline edition's practice quizzes, which count for nothing.
"""

from __future__ import annotations

from course.interop.model import BankQuestion, QuizPack
from course.questions.html import question_html
from course.questions.types import (
    Description,
    Matching,
    MultipleResponse,
    Numerical,
    Question,
    ShortAnswer,
    SingleChoice,
    TrueFalse,
    option_id,
)

# What the page can grade by itself; essays need a person and are left out.
GRADED_IN_PAGE = ("single", "multi", "truefalse", "short", "numerical", "matching")


def quiz_data(quiz: QuizPack) -> dict:
    """The quiz's settings, fixed questions and draws, as JSON-ready data."""
    fixed = [{"mark": mark, "question": client_question(q)} for q, mark in quiz.fixed if _asked(q)]
    draws = [
        {"count": min(d.count, len(pool)), "mark": d.mark, "pool": pool}
        for d in quiz.draws
        if (pool := [client_question(q) for q in d.pool if _asked(q)])
    ]
    return {"slug": quiz.slug, "title": quiz.title, "pass_mark": quiz.pass_mark, "fixed": fixed, "draws": draws}


def question_count(quiz: QuizPack) -> int:
    """How many questions one go at the quiz asks."""
    data = quiz_data(quiz)
    return len(data["fixed"]) + sum(d["count"] for d in data["draws"])


def _asked(question: BankQuestion) -> bool:
    return question.data.type in GRADED_IN_PAGE or isinstance(question.data, Description)


def client_question(question: BankQuestion) -> dict:
    """One question with what grading needs: fractions, accepted answers, pairs."""
    data = question.data
    view: dict = {"id": f"q{question.id}", "type": data.type, "html": _html(data, data.text, data.text_format)}
    if data.text_after:
        view["html_after"] = _html(data, data.text_after, data.text_format)
    if data.general_feedback:
        view["general_feedback"] = _html(data, data.general_feedback, data.general_feedback_format)
    view |= _answers(data)
    return view


def _html(question: Question, text: str, text_format: str | None) -> str:
    return question_html(text, question.format_of(text_format))


def _answers(data: Question) -> dict:
    if isinstance(data, (SingleChoice, MultipleResponse)):
        return {
            "options": [
                {
                    "id": option_id(i),
                    "html": _html(data, c.text, c.text_format),
                    "fraction": c.fraction,
                    "feedback": _html(data, c.feedback, c.feedback_format),
                }
                for i, c in enumerate(data.options)
            ]
        }
    if isinstance(data, TrueFalse):
        return {
            "answer": data.answer,
            "feedback_true": _html(data, data.feedback_true, data.feedback_true_format),
            "feedback_false": _html(data, data.feedback_false, data.feedback_false_format),
        }
    if isinstance(data, ShortAnswer):
        return {
            "case_sensitive": data.case_sensitive,
            "answers": [
                {"text": a.text, "fraction": a.fraction, "feedback": _html(data, a.feedback, a.feedback_format)}
                for a in data.answers
            ],
        }
    if isinstance(data, Numerical):
        return {
            "answers": [
                {
                    "value": a.value,
                    "tolerance": a.tolerance,
                    "low": a.low,
                    "high": a.high,
                    "fraction": a.fraction,
                    "feedback": _html(data, a.feedback, a.feedback_format),
                }
                for a in data.answers
            ]
        }
    if isinstance(data, Matching):
        answers = dict((text, answer_id) for answer_id, text in data.answer_choices())
        return {
            "subquestions": [
                {"id": sub_id, "html": _html(data, p.text, p.text_format), "answer": answers[p.answer]}
                for sub_id, p in data.subquestions()
            ],
            "choices": [{"id": answer_id, "text": text} for answer_id, text in data.answer_choices()],
        }
    return {}
