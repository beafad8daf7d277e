"""The impact page's settings form."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, StringField, SubmitField
from wtforms.validators import DataRequired, Length

from course.web.auth.forms import strip_text


class ImpactForm(FlaskForm):
    published = BooleanField(_l("Publish the impact page (anyone can read it at /impact)"))
    since = StringField(
        _l("First month shown (YYYY-MM)"), validators=[DataRequired(), Length(max=7)], filters=[strip_text]
    )
    submit = SubmitField(_l("Save"))
