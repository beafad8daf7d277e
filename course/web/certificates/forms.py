"""Certificate forms."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import StringField, SubmitField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional


class RevokeForm(FlaskForm):
    reason = StringField(
        _l("Reason for revoking"), validators=[DataRequired(_l("Give a reason for revoking.")), Length(max=500)]
    )
    submit = SubmitField(_l("Revoke"))


class CredentialCheckForm(FlaskForm):
    """A credential file (or its text) to check against the certificate's verification page."""

    credential = TextAreaField(_l("Or paste the credential"), validators=[Optional(), Length(max=20000)])
    credential_file = FileField(_l("Credential file (.jwt)"))
    submit = SubmitField(_l("Check the credential"))

    def credential_text(self) -> str:
        """The uploaded file's text, else the pasted text ("" when neither, or not text)."""
        upload = self.credential_file.data
        if upload:
            try:
                return upload.read(20001).decode("ascii").strip()
            except UnicodeDecodeError:
                return ""
        return (self.credential.data or "").strip()
