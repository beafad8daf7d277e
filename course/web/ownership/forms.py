"""Forms of the sharing panel (CSRF-protected)."""

from flask_wtf import FlaskForm
from wtforms import EmailField, HiddenField, SubmitField
from wtforms.validators import AnyOf, DataRequired, Email, Length


class CoInstructorForm(FlaskForm):
    email = EmailField("Instructor's email", [DataRequired("Enter the instructor's email."), Email(), Length(max=254)])
    submit = SubmitField("Add co-instructor")


class SharedForm(FlaskForm):
    shared = HiddenField(validators=[AnyOf(("1", "0"))])
