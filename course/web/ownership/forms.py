"""Forms of the sharing panel (CSRF-protected)."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import EmailField, HiddenField, SubmitField
from wtforms.validators import AnyOf, DataRequired, Email, Length


class CoInstructorForm(FlaskForm):
    email = EmailField(
        _l("Instructor's email"), [DataRequired(_l("Enter the instructor's email.")), Email(), Length(max=254)]
    )
    submit = SubmitField(_l("Add co-instructor"))


class SharedForm(FlaskForm):
    shared = HiddenField(validators=[AnyOf(("1", "0"))])
