"""The words for a roster file's problems (`course.cohorts.roster.RosterProblem`): translated when a page shows
them; outside a request (a command, a test) they read in English."""

from __future__ import annotations

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from course.cohorts.roster import RosterProblem

_PROBLEMS = {
    "not_utf8": _l("the file is not UTF-8 text; save it from your spreadsheet as “CSV UTF-8”"),
    "empty": _l("the file is empty; the first row must be the header %(columns)s"),
    "too_many": _l(
        "the file lists %(found)s trainees; the limit is %(limit)s per upload, so split it into smaller files"
    ),
    "no_rows": _l("no trainees are listed under the header"),
    "missing_columns": _l("missing column header %(missing)s (the header must name the columns %(columns)s)"),
    "repeated_columns": _l("the column %(repeated)s appears more than once in the header"),
    "extra_values": _l("more values than header columns (put a value that contains a comma in double quotes)"),
    "name_missing": _l("the name is missing"),
    "email_missing": _l("the email is missing"),
    "email_too_long": _l("the email is longer than %(limit)s characters"),
    "email_invalid": _l("“%(email)s” is not a valid email address"),
    "email_repeated": _l("the email %(email)s is already listed in row %(first_row)s"),
    "org_type_invalid": _l("the organisation type is “%(given)s”; use one of %(choices)s"),
    "org_type_missing": _l("the organisation type is missing; use one of %(choices)s"),
}
_TOO_LONG = {
    "name": _l("the name is longer than %(limit)s characters"),
    "organisation": _l("the organisation is longer than %(limit)s characters"),
    "country": _l("the country is longer than %(limit)s characters"),
}


def roster_problem_text(problem: RosterProblem) -> str:
    """`row N: what is wrong`, in the reader's language."""
    if problem.code == "too_long":
        words = _TOO_LONG.get(problem.values["column"])
    else:
        words = _PROBLEMS.get(problem.code)
    text = str(words) % problem.values if words is not None else problem.code
    return _("row %(row)s: %(problem)s", row=problem.line, problem=text)
