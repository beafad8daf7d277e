"""Account forms, validated on the server."""

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from flask_wtf import FlaskForm
from wtforms import BooleanField, EmailField, PasswordField, SelectField, StringField, SubmitField
from wtforms.validators import DataRequired, Email, EqualTo, Length, Optional, ValidationError

from course.credentials import MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, password_refusal
from course.languages import LANGUAGES
from course.web import wording
from course.web.choices import choices, time_zone_field
from course.web.wording import N_

ORG_TYPE_CHOICES = list(wording.ORG_TYPES.items())
FIRM_SIZE_CHOICES = list(wording.FIRM_SIZES.items())
PASSWORD_HINT = _l("At least %(num)s characters, not a common or guessable one.", num=MIN_PASSWORD_LENGTH)
SEX_CHOICES = list(wording.SEXES.items())


def strip_text(value):
    """Trimmed text; a field missing from the POST stays None, which the validators then report."""
    return value.strip() if isinstance(value, str) else value


def acceptable_password(form, field) -> None:
    """The password policy of course/credentials.py, judged against the account's own email and name."""
    related = [getattr(form, name).data or "" for name in ("email", "name") if hasattr(form, name)]
    related += getattr(form, "account_words", [])  # the account a link is for (a password reset)
    if current_user.is_authenticated:
        related += [current_user.email, current_user.name]
    refusal = password_refusal(field.data or "", related=related)
    if refusal:
        raise ValidationError(password_refusal_text(*refusal))


def password_refusal_text(code: str, warning: str) -> str:
    """The words for a refused password (course/credentials.py gives the code and zxcvbn's English warning)."""
    if code == "too_short":
        return _("Use at least %(num)s characters.", num=MIN_PASSWORD_LENGTH)
    if code == "too_long":
        return _("Use at most %(num)s characters.", num=MAX_PASSWORD_LENGTH)
    warning = _(ZXCVBN_WARNINGS[warning]) if warning in ZXCVBN_WARNINGS else warning
    return " ".join(
        part
        for part in (
            _("This password is too easy to guess."),
            warning or _("It follows a pattern that is easy to guess."),
            _("A few unrelated words that only you would put together work well."),
        )
        if part
    )


# zxcvbn's warnings (English), marked here so that they are translated with the rest of the interface.
ZXCVBN_WARNINGS = {
    text: text
    for text in (
        N_("Straight rows of keys are easy to guess."),
        N_("Short keyboard patterns are easy to guess."),
        N_('Repeats like "aaa" are easy to guess.'),
        N_('Repeats like "abcabcabc" are only slightly harder to guess than "abc".'),
        N_('Sequences like "abc" or "6543" are easy to guess.'),
        N_("Recent years are easy to guess."),
        N_("Dates are often easy to guess."),
        N_("This is a top-10 common password."),
        N_("This is a top-100 common password."),
        N_("This is a very common password."),
        N_("This is similar to a commonly used password."),
        N_("A word by itself is easy to guess."),
        N_("Names and surnames by themselves are easy to guess."),
        N_("Common names and surnames are easy to guess."),
    )
}


def new_password_field(label: str) -> PasswordField:
    return PasswordField(label, validators=[DataRequired(), acceptable_password], description=PASSWORD_HINT)


class ProfileFields:
    """Profile fields shared by registration and the profile page."""

    name = StringField(_l("Full name"), validators=[DataRequired(), Length(max=120)], filters=[strip_text])
    organisation = StringField(_l("Organisation"), validators=[Optional(), Length(max=200)], filters=[strip_text])
    org_type = SelectField(_l("Organisation type"), choices=choices(ORG_TYPE_CHOICES), default="sme")
    country = StringField(_l("Country"), validators=[Optional(), Length(max=80)], filters=[strip_text])
    firm_size = SelectField(_l("Firm size (optional)"), choices=choices(FIRM_SIZE_CHOICES), default="")
    sex = SelectField(_l("Sex (optional)"), choices=choices(SEX_CHOICES), default="")


class RegisterForm(ProfileFields, FlaskForm):
    email = EmailField(_l("Email"), validators=[DataRequired(), Email(), Length(max=254)])
    password = new_password_field(_l("Password"))
    confirm = PasswordField(
        _l("Repeat password"), validators=[DataRequired(), EqualTo("password", _l("Passwords differ."))]
    )
    submit = SubmitField(_l("Create account"))


class LoginForm(FlaskForm):
    email = EmailField(_l("Email"), validators=[DataRequired(), Email()])
    password = PasswordField(_l("Password"), validators=[DataRequired()])
    remember = BooleanField(_l("Remember me on this device"))
    submit = SubmitField(_l("Log in"))


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
    submit = SubmitField(_l("Save profile"))


class PasswordForm(FlaskForm):
    current = PasswordField(_l("Current password"), validators=[DataRequired()])
    password = new_password_field(_l("New password"))
    confirm = PasswordField(
        _l("Repeat new password"), validators=[DataRequired(), EqualTo("password", _l("Passwords differ."))]
    )
    submit = SubmitField(_l("Change password"))


class SetPasswordForm(FlaskForm):
    password = new_password_field(_l("Choose a password"))
    confirm = PasswordField(
        _l("Repeat password"), validators=[DataRequired(), EqualTo("password", _l("Passwords differ."))]
    )
    submit = SubmitField(_l("Set password and log in"))


class LogoutForm(FlaskForm):
    submit = SubmitField(_l("Log out"))


class EndAllSessionsForm(FlaskForm):
    submit = SubmitField(_l("Sign out of all devices"))


class ResetRequestForm(FlaskForm):
    email = EmailField(_l("Email"), validators=[DataRequired(), Email(), Length(max=254)])
    submit = SubmitField(_l("Send me a reset link"))


class ResetPasswordForm(FlaskForm):
    password = new_password_field(_l("New password"))
    confirm = PasswordField(
        _l("Repeat new password"), validators=[DataRequired(), EqualTo("password", _l("Passwords differ."))]
    )
    submit = SubmitField(_l("Set my new password"))


class ConfirmEmailForm(FlaskForm):
    submit = SubmitField(_l("Confirm my email address"))
