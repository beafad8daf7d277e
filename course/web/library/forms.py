"""The guided practice-case form and the review form."""

from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    EmailField,
    RadioField,
    SelectField,
    SelectMultipleField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.validators import Email, Length, Optional, ValidationError
from wtforms.widgets import CheckboxInput, ListWidget

from course.content.case_metadata import ORG_TYPES, THEMES, countries
from course.content.lesson import AUDIENCES
from course.web.choices import choices
from course.web.template_helpers import AUDIENCE_LABELS

MOST_ITEMS, LONGEST_ITEM = 20, 300
LIST_HELP = "One per line."


def strip_text(value):
    return value.replace("\x00", "").strip() if isinstance(value, str) else value


class CheckboxesField(SelectMultipleField):
    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


class LinesField(TextAreaField):
    """A textarea read as a list: one item per non-empty line."""

    def process_formdata(self, valuelist):
        super().process_formdata(valuelist)
        self.items = [" ".join(line.split()) for line in (self.data or "").splitlines() if line.strip()]

    def _value(self):
        return "\n".join(self.data) if isinstance(self.data, list) else super()._value()

    def pre_validate(self, form):
        items = getattr(self, "items", [])
        if len(items) > MOST_ITEMS:
            raise ValidationError(f"Give at most {MOST_ITEMS} lines (you gave {len(items)}).")
        if any(len(item) > LONGEST_ITEM for item in items):
            raise ValidationError(f"Keep each line under {LONGEST_ITEM} characters.")


def _text(label, most, description=None, area=False):
    field = TextAreaField if area else StringField
    return field(label, validators=[Optional(), Length(max=most)], filters=[strip_text], description=description)


class PracticeCaseForm(FlaskForm):
    title = _text("Title of the case", 200, "A short line: who did what, e.g. “Mombasa traders sell online together”.")
    org_name = _text("Organisation", 200, "The organisation that carried the case out.")
    org_type = SelectField("Type of organisation", choices=choices([("", "Choose…"), *ORG_TYPES.items()]), default="")
    country = SelectField("Country", choices=choices([("", "Choose…"), *((c, c) for c in countries())]), default="")
    province = _text("Region, province or state", 100)
    city = _text("City", 100, "Leave empty when the case is national or online.")
    chapter = SelectField("Module it belongs to", choices=[], default="")  # the modules, set by the view
    themes = CheckboxesField("Themes", choices=choices(THEMES.items()))
    audiences = CheckboxesField(
        "Who it serves most", choices=choices((a, AUDIENCE_LABELS[a]) for a in sorted(AUDIENCES))
    )
    summary = _text("Summary: the problem it solved", 1000, "One or two plain sentences.", area=True)
    what_was_done = _text(
        "What was done",
        10_000,
        "The story in your own words: the steps, who took part, how it worked. Markdown is allowed "
        "(**bold**, lists, links); scripts and other HTML are removed.",
        area=True,
    )
    tools = LinesField("Tools and core elements", description=LIST_HELP)
    results = LinesField("Results, with figures", description="One per line, each with its figure and year.")
    results_source = _text(
        "Source of the figures", 1000, "Where the figures come from (a report, an audit, your own records).", area=True
    )
    preconditions = LinesField("Preconditions", description="What must be in place first. " + LIST_HELP)
    replicable = LinesField("What others can copy", description=LIST_HELP)
    contact_name = _text("Contact person", 200, "Seen only by the reviewers, never published.")
    contact_email = EmailField("Contact email", validators=[Optional(), Email(), Length(max=254)], filters=[strip_text])
    permission = BooleanField("I have the right to share this case and allow CBEC Academy to publish it.")
    save = SubmitField("Save draft")
    send = SubmitField("Submit for review")

    def values(self) -> dict:
        """The form as the fields of a practice case."""
        values = {
            name: getattr(self, name).data or ""
            for name in (
                "title",
                "org_name",
                "org_type",
                "country",
                "province",
                "city",
                "summary",
                "what_was_done",
                "results_source",
                "contact_name",
                "contact_email",
            )
        }
        values["chapter"] = int(self.chapter.data) if self.chapter.data else None
        values["themes"] = list(self.themes.data or [])
        values["audiences"] = list(self.audiences.data or [])
        for name in ("tools", "results", "preconditions", "replicable"):
            values[name] = getattr(getattr(self, name), "items", [])
        values["permission"] = bool(self.permission.data)
        return values


class ReviewForm(FlaskForm):
    decision = RadioField(
        "Decision",
        choices=choices(
            [
                ("publish", "Publish it in the library"),
                ("request_changes", "Ask the author for changes"),
                ("reject", "Reject it"),
            ]
        ),
    )
    comment = TextAreaField(
        "Comments for the author",
        validators=[Optional(), Length(max=5000)],
        filters=[strip_text],
        description="Required when asking for changes (what should change) or rejecting (the reason).",
    )
    submit = SubmitField("Record the decision")
