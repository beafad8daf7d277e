"""The language switcher's form (a POST with a CSRF token, for signed-in users and anyone without a cookie)."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import HiddenField, SelectField, SubmitField

from course.languages import LANGUAGES
from course.web.choices import choices


class LanguageForm(FlaskForm):
    language = SelectField(_l("Language"), choices=choices((lang.locale, lang.name) for lang in LANGUAGES))
    next = HiddenField()
    submit = SubmitField(_l("Change language"))
