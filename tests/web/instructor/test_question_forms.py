"""The question editor shows any stored question and, saved unchanged, gives the same question back."""

from pathlib import Path

import pytest
from flask import Flask

from course.questions import parse_gift
from course.web.instructor.question_forms import QUESTION_FORMS, question_form
from tests.conftest import ROOT, SHARED


def _gift_files() -> list[Path]:
    files = sorted((ROOT / "quizzes").glob("*.gift"))
    if (SHARED / "gift-samples").is_dir():
        files += sorted((SHARED / "gift-samples").glob("*.gift"))
    return files


def _questions():
    for path in _gift_files():
        for index, question in enumerate(parse_gift(path.read_text(encoding="utf-8-sig"), path.name)):
            yield pytest.param(question, id=f"{path.name}-{index}")


def _as_formdata(data: dict) -> dict:
    """What a browser posts for the form data: rows flattened, ticked boxes as 'y', unticked ones left out."""
    posted = {}
    for key, value in data.items():
        if isinstance(value, list):
            posted |= {f"{key}-{i}-{sub}": str(v) for i, row in enumerate(value) for sub, v in row.items()}
        elif isinstance(value, bool):
            if value:
                posted[key] = "y"
        else:
            posted[key] = "" if value is None else str(value)
    return posted


@pytest.fixture(scope="module")
def form_app():
    app = Flask(__name__)
    app.config.update(SECRET_KEY="test", WTF_CSRF_ENABLED=False)
    return app


@pytest.mark.parametrize("question", list(_questions()))
def test_saving_a_question_unchanged_gives_it_back(form_app, question):
    data = QUESTION_FORMS[question.type].data_from(question)
    with form_app.test_request_context("/", method="POST", data=_as_formdata(data)):
        form = question_form(question.type)
        assert form.validate(), form.errors
        assert form.to_question().to_dict() == question.to_dict()


@pytest.mark.parametrize("qtype", list(QUESTION_FORMS))
def test_a_new_question_form_has_blank_rows(form_app, qtype):
    with form_app.test_request_context("/"):
        form = question_form(qtype)
        for name in ("options", "answers", "pairs"):
            if name in form:
                assert len(form[name].entries) == 6
