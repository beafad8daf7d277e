"""The demo's training programme: one upcoming seminar and one study tour, run by the demo instructor,
so that a newcomer finds something under Events and Study tours. Added once; the caller commits."""

from __future__ import annotations

from datetime import datetime, time, timedelta

from sqlmodel import Session, select

from course import timezones
from course.content import catalogue
from course.events import scheduling
from course.models import Event, StudyTour, User
from course.models.base import utcnow
from course.tours import itinerary

SEMINAR = "Pilot zones that work: a seminar for officials and exporters"
TOUR = "Yiwu and Jinhua: how a market city went cross-border"
ZONE = "Asia/Shanghai"


def _at(day, hour: int) -> datetime:
    return timezones.to_utc(datetime.combine(day, time(hour)), ZONE)


def add_demo_programme(session: Session, instructor: User) -> list[str]:
    """Schedule the demo seminar and study tour unless they exist; returns what was added. Links to lessons and
    cases the loaded curriculum lacks are left out (a smaller curriculum than modules/ is loaded in tests)."""
    added = []
    today = utcnow().date()
    lessons = {lesson.slug for group in catalogue.lessons_by_module(session).values() for lesson in group}
    cases = scheduling.covered_cases(session)

    def known(slugs: list[str]) -> list[str]:
        return [slug for slug in slugs if slug in lessons]

    def covered(numbers: list[int]) -> list[int]:
        return [n for n in numbers if n in cases]

    if session.exec(select(Event.id).where(Event.title == SEMINAR)).first() is None:
        first = today + timedelta(days=14)
        plan = scheduling.EventPlan(
            {
                "title": SEMINAR,
                "kind": "seminar",
                "description": (
                    "Two mornings on what made China's comprehensive pilot areas work — **single windows**, "
                    "bonded zones, data sharing — and what other countries can copy.\n\n"
                    "- Day 1: planning a pilot area (Guangzhou, Hangzhou)\n- Day 2: questions from the floor"
                ),
                "time_zone": ZONE,
                "place": "Hangzhou International Expo Center, and online",
                "online_url": "https://meet.example.org/cbec-pilot-zones",
                "capacity": 30,
                "audience": "official",
                "language": "en",
                "lessons": known(["guangzhou-cpa", "hangzhou-cpa"]),
                "cases": covered([1, 3]),
                "series": "",
            },
            [
                scheduling.SessionPlan(1, _at(first, 9), _at(first, 12)),
                scheduling.SessionPlan(2, _at(first + timedelta(days=1), 9), _at(first + timedelta(days=1), 11)),
            ],
        )
        scheduling.create_event(session, plan, owner=instructor)
        added.append(f"the seminar “{SEMINAR}”")
    if session.exec(select(StudyTour.id).where(StudyTour.title == TOUR)).first() is None:
        first = today + timedelta(days=45)
        plan = itinerary.TourPlan(
            {
                "title": TOUR,
                "summary": (
                    "Three days in Zhejiang for enterprises, officials and associations from developing countries: "
                    "the **Yiwu** market and its pilot area, the bonded zone, and the Jinhua intermodal port."
                ),
                "destination": "Yiwu and Jinhua, Zhejiang, China",
                "starts_on": first,
                "ends_on": first + timedelta(days=2),
                "applications_close_on": first - timedelta(days=14),
                "capacity": 20,
                "prereading": known(["yiwu-cpa", "yiwu-cbz", "jinhua-eciip-intermodal-port"]),
            },
            [
                itinerary.VisitPlan(
                    1,
                    first,
                    "Yiwu comprehensive pilot area",
                    "How market traders sell online",
                    known(["yiwu-cpa"]),
                    covered([5]),
                ),
                itinerary.VisitPlan(
                    2,
                    first,
                    "Chinagoods platform",
                    "The wholesale market's own B2B platform",
                    known(["chinagoods-yiwu-market"]),
                    covered([16]),
                ),
                itinerary.VisitPlan(
                    3,
                    first + timedelta(days=1),
                    "Yiwu cross-border bonded zone",
                    "Bonded warehousing and returns",
                    known(["yiwu-cbz"]),
                    covered([7]),
                ),
                itinerary.VisitPlan(
                    4,
                    first + timedelta(days=2),
                    "East China International Intermodal Port, Jinhua",
                    "One hub for rail, road, sea and air freight",
                    known(["jinhua-eciip-intermodal-port"]),
                    covered([21]),
                ),
            ],
        )
        itinerary.create_tour(session, plan, owner=instructor)
        added.append(f"the study tour “{TOUR}”")
    return added
