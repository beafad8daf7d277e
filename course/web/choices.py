"""Select-field choices in the form wtforms expects, and the select of IANA time zones."""

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from wtforms import SelectField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, ValidationError

from course import timezones


def choices(pairs) -> list[SelectChoice]:
    """(value, label) pairs as SelectChoice objects."""
    return [SelectChoice(value, label) for value, label in pairs]


def known_time_zone(form, field) -> None:
    """An IANA zone name, or "" for none (the zone list of course/timezones.py decides)."""
    if field.data and not timezones.is_zone(field.data):
        raise ValidationError(_("Unknown time zone %(zone)s: choose one from the list.", zone=repr(field.data)))


def time_zone_field(label: str, *, none_label: str | None = None, description: str = "", default=None) -> SelectField:
    """A select of every IANA time zone (validated against zoneinfo); with `none_label`, a "none" entry first,
    without it a zone is required."""
    zones = ([("", none_label)] if none_label else []) + [(name, name) for name in timezones.zone_names()]
    checks = [known_time_zone] if none_label else [DataRequired(message=_l("Choose a time zone.")), known_time_zone]
    return SelectField(
        label,
        choices=choices(zones),
        validators=checks,
        validate_choice=False,
        description=description,
        default=default,
    )
