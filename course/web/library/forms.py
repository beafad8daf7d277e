"""The guided practice-case form and the review form."""

from __future__ import annotations

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
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

from course.content.case_metadata import countries
from course.content.lesson import AUDIENCES
from course.web.choices import choices
from course.web.library.wording import ORG_TYPES, THEMES
from course.web.template_helpers import AUDIENCE_LABELS

MOST_ITEMS, LONGEST_ITEM = 20, 300
LIST_HELP = _l("One per line.")
CHOOSE = _l("Choose…")


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
            raise ValidationError(
                _("Give at most %(most)s lines (you gave %(given)s).", most=MOST_ITEMS, given=len(items))
            )
        if any(len(item) > LONGEST_ITEM for item in items):
            raise ValidationError(_("Keep each line under %(longest)s characters.", longest=LONGEST_ITEM))


def _text(label, most, description=None, area=False):
    field = TextAreaField if area else StringField
    return field(label, validators=[Optional(), Length(max=most)], filters=[strip_text], description=description)


class PracticeCaseForm(FlaskForm):
    title = _text(
        _l("Title of the case"), 200, _l("A short line: who did what, e.g. “Mombasa traders sell online together”.")
    )
    org_name = _text(_l("Organisation"), 200, _l("The organisation that carried the case out."))
    org_type = SelectField(_l("Type of organisation"), choices=choices([("", CHOOSE), *ORG_TYPES.items()]), default="")
    country = SelectField(_l("Country"), choices=choices([("", CHOOSE), *((c, c) for c in countries())]), default="")
    province = _text(_l("Region, province or state"), 100)
    city = _text(_l("City"), 100, _l("Leave empty when the case is national or online."))
    chapter = SelectField(_l("Module it belongs to"), choices=[], default="")  # the modules, set by the view
    themes = CheckboxesField(_l("Themes"), choices=choices(THEMES.items()))
    audiences = CheckboxesField(
        _l("Who it serves most"), choices=choices((a, AUDIENCE_LABELS[a]) for a in sorted(AUDIENCES))
    )
    summary = _text(_l("Summary: the problem it solved"), 1000, _l("One or two plain sentences."), area=True)
    what_was_done = _text(
        _l("What was done"),
        10_000,
        _l(
            "The story in your own words: the steps, who took part, how it worked. Markdown is allowed "
            "(**bold**, lists, links); scripts and other HTML are removed."
        ),
        area=True,
    )
    tools = LinesField(_l("Tools and core elements"), description=LIST_HELP)
    results = LinesField(_l("Results, with figures"), description=_l("One per line, each with its figure and year."))
    results_source = _text(
        _l("Source of the figures"),
        1000,
        _l("Where the figures come from (a report, an audit, your own records)."),
        area=True,
    )
    preconditions = LinesField(_l("Preconditions"), description=_l("What must be in place first. One per line."))
    replicable = LinesField(_l("What others can copy"), description=LIST_HELP)
    contact_name = _text(_l("Contact person"), 200, _l("Seen only by the reviewers, never published."))
    contact_email = EmailField(
        _l("Contact email"), validators=[Optional(), Email(), Length(max=254)], filters=[strip_text]
    )
    permission = BooleanField(_l("I have the right to share this case and allow CBEC Academy to publish it."))
    save = SubmitField(_l("Save draft"))
    send = SubmitField(_l("Submit for review"))

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
        _l("Decision"),
        choices=choices(
            [
                ("publish", _l("Publish it in the library")),
                ("request_changes", _l("Ask the author for changes")),
                ("reject", _l("Reject it")),
            ]
        ),
    )
    comment = TextAreaField(
        _l("Comments for the author"),
        validators=[Optional(), Length(max=5000)],
        filters=[strip_text],
        description=_l("Required when asking for changes (what should change) or rejecting (the reason)."),
    )
    submit = SubmitField(_l("Record the decision"))
