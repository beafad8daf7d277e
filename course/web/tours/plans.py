"""Between the tour form and course.tours.itinerary."""

from __future__ import annotations

from flask_babel import gettext as _

from course.events.scheduling import ScheduleRefused
from course.models import StudyTour, TourVisit
from course.tours.itinerary import DETAIL_FIELDS, TourPlan, VisitPlan
from course.web.events.forms import case_numbers
from course.web.events.wording import problem_text
from course.web.tours.forms import BLANK_VISIT_ROWS, TourForm, slugs


def plan_from(form: TourForm) -> TourPlan | None:
    """The tour the form describes; None after marking incomplete visit rows."""
    visits, ok = [], True
    for number, entry in enumerate(form.visits.entries, start=1):
        row = entry.form
        if row.blank:
            continue
        if row.day.data is None or not row.place.data:
            missing = row.day if row.day.data is None else row.place
            missing.errors.append(_("Visit %(number)s: give its day and place.", number=number))
            ok = False
            continue
        visits.append(
            VisitPlan(
                number,
                row.day.data,
                row.place.data,
                row.what.data or "",
                slugs(row.lessons.data),
                case_numbers(row.cases.data),
            )
        )
    if not ok:
        return None
    details = {name: getattr(form, name).data for name in DETAIL_FIELDS}
    details |= {"summary": (form.summary.data or "").strip(), "prereading": list(form.prereading.data or [])}
    return TourPlan(details, visits)


def show_refusal(form: TourForm, refused: ScheduleRefused) -> None:
    for key, problem in refused.problems.items():
        message = problem_text(problem)
        if key.startswith("visits-"):
            form.visits.entries[int(key.split("-")[1]) - 1].form.day.errors.append(message)
        elif key == "visits":
            form.form_errors.append(message)
        else:
            getattr(form, key).errors.append(message)


def form_data(tour: StudyTour | None, visits: list[TourVisit]) -> dict:
    rows = [
        {
            "day": v.day,
            "place": v.place,
            "what": v.what,
            "lessons": ", ".join(v.lessons),
            "cases": ", ".join(str(n) for n in v.cases),
        }
        for v in visits
    ] + [{}] * (BLANK_VISIT_ROWS + (0 if visits else 1))
    if tour is None:
        return {"visits": rows}
    return {name: getattr(tour, name) for name in DETAIL_FIELDS} | {"prereading": list(tour.prereading), "visits": rows}
