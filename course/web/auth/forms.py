"""Account forms, validated on the server."""

from flask_babel import lazy_gettext as _l
from flask_login import current_user
from flask_wtf import FlaskForm
from wtforms import BooleanField, EmailField, PasswordField, SelectField, StringField, SubmitField
from wtforms.validators import DataRequired, Email, EqualTo, Length, Optional, ValidationError

from course.credentials import MIN_PASSWORD_LENGTH, password_problem
from course.languages import LANGUAGES
from course.models import ORG_TYPE_LABELS
from course.web.choices import choices, time_zone_field

ORG_TYPE_CHOICES = list(ORG_TYPE_LABELS.items())
FIRM_SIZE_CHOICES = [
    ("", "Prefer not to say"),
    ("micro", "Micro (1-9 people)"),
    ("small", "Small (10-49)"),
    ("medium", "Medium (50-249)"),
    ("large", "Large (250+)"),
    ("na", "Not a firm"),
]
PASSWORD_HINT = f"At least {MIN_PASSWORD_LENGTH} characters, not a common or guessable one."
SEX_CHOICES = [("", "Prefer not to say"), ("female", "Female"), ("male", "Male"), ("other", "Other")]


def strip_text(value):
    """Trimmed text; a field missing from the POST stays None, which the validators then report."""
    return value.strip() if isinstance(value, str) else value


def acceptable_password(form, field) -> None:
    """The password policy of course/credentials.py, judged against the account's own email and name."""
    related = [getattr(form, name).data or "" for name in ("email", "name") if hasattr(form, name)]
    related += getattr(form, "account_words", [])  # the account a link is for (a password reset)
    if current_user.is_authenticated:
        related += [current_user.email, current_user.name]
    problem = password_problem(field.data or "", related=related)
    if problem:
        raise ValidationError(problem)


def new_password_field(label: str) -> PasswordField:
    return PasswordField(label, validators=[DataRequired(), acceptable_password], description=PASSWORD_HINT)


class ProfileFields:
    """Profile fields shared by registration and the profile page."""

    name = StringField("Full name", validators=[DataRequired(), Length(max=120)], filters=[strip_text])
    organisation = StringField("Organisation", validators=[Optional(), Length(max=200)], filters=[strip_text])
    org_type = SelectField("Organisation type", choices=choices(ORG_TYPE_CHOICES), default="sme")
    country = StringField("Country", validators=[Optional(), Length(max=80)], filters=[strip_text])
    firm_size = SelectField("Firm size (optional)", choices=choices(FIRM_SIZE_CHOICES), default="")
    sex = SelectField("Sex (optional)", choices=choices(SEX_CHOICES), default="")


class RegisterForm(ProfileFields, FlaskForm):
    email = EmailField("Email", validators=[DataRequired(), Email(), Length(max=254)])
    password = new_password_field("Password")
    confirm = PasswordField("Repeat password", validators=[DataRequired(), EqualTo("password", "Passwords differ.")])
    submit = SubmitField("Create account")


class LoginForm(FlaskForm):
    email = EmailField("Email", validators=[DataRequired(), Email()])
    password = PasswordField("Password", validators=[DataRequired()])
    remember = BooleanField("Remember me on this device")
    submit = SubmitField("Log in")


class ProfileForm(ProfileFields, FlaskForm):
    time_zone = time_zone_field(
        _l("Time zone"),
        none_label=_l("Not set: use my browser's time zone"),
        description=_l(
            "Dates and times of events are shown in this zone. Not set: your browser's zone "
            "(or UTC where the browser cannot tell)."
        ),
    )
    language = SelectField(
        _l("Language of the interface"),
        choices=choices([("", _l("As my browser asks"))] + [(lang.locale, lang.name) for lang in LANGUAGES]),
        default="",
    )
    submit = SubmitField("Save profile")


class PasswordForm(FlaskForm):
    current = PasswordField("Current password", validators=[DataRequired()])
    password = new_password_field("New password")
    confirm = PasswordField(
        "Repeat new password", validators=[DataRequired(), EqualTo("password", "Passwords differ.")]
    )
    submit = SubmitField("Change password")


class SetPasswordForm(FlaskForm):
    password = new_password_field("Choose a password")
    confirm = PasswordField("Repeat password", validators=[DataRequired(), EqualTo("password", "Passwords differ.")])
    submit = SubmitField("Set password and log in")


class LogoutForm(FlaskForm):
    submit = SubmitField("Log out")


class EndAllSessionsForm(FlaskForm):
    submit = SubmitField("Sign out of all devices")


class ResetRequestForm(FlaskForm):
    email = EmailField("Email", validators=[DataRequired(), Email(), Length(max=254)])
    submit = SubmitField("Send me a reset link")


class ResetPasswordForm(FlaskForm):
    password = new_password_field("New password")
    confirm = PasswordField(
        "Repeat new password", validators=[DataRequired(), EqualTo("password", "Passwords differ.")]
    )
    submit = SubmitField("Set my new password")


class ConfirmEmailForm(FlaskForm):
    submit = SubmitField("Confirm my email address")
