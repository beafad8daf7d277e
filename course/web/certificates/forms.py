"""Certificate forms."""

from flask_wtf import FlaskForm
from wtforms import StringField, SubmitField
from wtforms.validators import DataRequired, Length


class RevokeForm(FlaskForm):
    reason = StringField(
        "Reason for revoking", validators=[DataRequired("Give a reason for revoking."), Length(max=500)]
    )
    submit = SubmitField("Revoke")
