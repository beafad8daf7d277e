"""Account forms, validated on the server."""

from flask_wtf import FlaskForm
from wtforms import BooleanField, EmailField, PasswordField, SelectField, StringField, SubmitField
from wtforms.validators import DataRequired, Email, EqualTo, Length, Optional

from course.accounts import MIN_PASSWORD_LENGTH
from course.models import ORG_TYPE_LABELS
from course.web.choices import choices

ORG_TYPE_CHOICES = list(ORG_TYPE_LABELS.items())
FIRM_SIZE_CHOICES = [
    ("", "Prefer not to say"),
    ("micro", "Micro (1-9 people)"),
    ("small", "Small (10-49)"),
    ("medium", "Medium (50-249)"),
    ("large", "Large (250+)"),
    ("na", "Not a firm"),
]
TOO_SHORT = f"Use at least {MIN_PASSWORD_LENGTH} characters."
SEX_CHOICES = [("", "Prefer not to say"), ("female", "Female"), ("male", "Male"), ("other", "Other")]


class ProfileFields:
    """Profile fields shared by registration and the profile page."""

    name = StringField("Full name", validators=[DataRequired(), Length(max=120)])
    organisation = StringField("Organisation", validators=[Optional(), Length(max=200)])
    org_type = SelectField("Organisation type", choices=choices(ORG_TYPE_CHOICES), default="sme")
    country = StringField("Country", validators=[Optional(), Length(max=80)])
    firm_size = SelectField("Firm size (optional)", choices=choices(FIRM_SIZE_CHOICES), default="")
    sex = SelectField("Sex (optional)", choices=choices(SEX_CHOICES), default="")


class RegisterForm(ProfileFields, FlaskForm):
    email = EmailField("Email", validators=[DataRequired(), Email(), Length(max=254)])
    password = PasswordField(
        "Password",
        validators=[DataRequired(), Length(min=MIN_PASSWORD_LENGTH, max=200, message=TOO_SHORT)],
        description=f"At least {MIN_PASSWORD_LENGTH} characters.",
    )
    confirm = PasswordField("Repeat password", validators=[DataRequired(), EqualTo("password", "Passwords differ.")])
    submit = SubmitField("Create account")


class LoginForm(FlaskForm):
    email = EmailField("Email", validators=[DataRequired(), Email()])
    password = PasswordField("Password", validators=[DataRequired()])
    remember = BooleanField("Remember me on this device")
    submit = SubmitField("Log in")


class ProfileForm(ProfileFields, FlaskForm):
    submit = SubmitField("Save profile")


class PasswordForm(FlaskForm):
    current = PasswordField("Current password", validators=[DataRequired()])
    password = PasswordField(
        "New password",
        validators=[DataRequired(), Length(min=MIN_PASSWORD_LENGTH, max=200, message=TOO_SHORT)],
        description=f"At least {MIN_PASSWORD_LENGTH} characters.",
    )
    confirm = PasswordField(
        "Repeat new password", validators=[DataRequired(), EqualTo("password", "Passwords differ.")]
    )
    submit = SubmitField("Change password")


class SetPasswordForm(FlaskForm):
    password = PasswordField(
        "Choose a password",
        validators=[DataRequired(), Length(min=MIN_PASSWORD_LENGTH, max=200, message=TOO_SHORT)],
        description=f"At least {MIN_PASSWORD_LENGTH} characters.",
    )
    confirm = PasswordField("Repeat password", validators=[DataRequired(), EqualTo("password", "Passwords differ.")])
    submit = SubmitField("Set password and log in")


class LogoutForm(FlaskForm):
    submit = SubmitField("Log out")
