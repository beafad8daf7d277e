"""The words of the quiz pages for what the quiz engine returns as codes (course/quizzes/attempts.py REFUSALS),
and the texts the attempt page's scripts show (the page hands them over in a data attribute)."""

from __future__ import annotations

from datetime import datetime

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from course.web.formatting import date_time

NUMBER_HINT = _l("You may write 1500, 1,500 or 1 500; for decimals, a point or a comma: 0.5 or 0,5.")
REFUSALS = {
    "not_open": _l("This quiz opens on %(date)s."),
    "closed": _l("This quiz closed on %(date)s."),
    "no_attempts_left": _l("You have used all your attempts."),
    "practice_not_offered": _l("Practice mode is not offered for this quiz."),
    "practice_not_open": _l("Practice opens with the quiz on %(date)s."),
    "practice_closed": _l("Practice closed with the quiz on %(date)s."),
    "submitted": _l("This attempt has already been submitted."),
    "time_up": _l("Time is up: answers sent after the deadline are not counted."),
}


def refusal_text(code: str, when: datetime | None = None) -> str:
    """Why an attempt cannot start or change, in the reader's language (dates in their time zone)."""
    words = REFUSALS.get(code)
    return str(words) % {"date": date_time(when, zone=True)} if words is not None else code


def script_words() -> dict[str, str]:
    """What course/static/attempt.js and autosave.js write on the page ({n} stands for a number)."""
    return {
        "answered": _("answered"),
        "not_answered": _("not answered"),
        "flagged": _(", flagged"),
        "time_left": _("Time left: {n}"),
        "time_up": _("Time is up: submitting your answers…"),
        "time_up_announced": _("Time is up. Your answers are being submitted."),
        "one_minute": _("One minute left."),
        "minutes_left": _("{n} minutes left."),
        "saved": _("All answers saved."),
        "not_saved": _("Could not save just now; your answers stay on this page."),
    }
