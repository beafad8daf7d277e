"""All tables, imported together so Alembic sees SQLModel.metadata complete."""

from course.models.action_plans import ActionPlan, Assignment, PlanReview
from course.models.cohorts import Certificate, Cohort, CohortMember, Invitation
from course.models.content import CatalogueRevision, Figure, GlossaryTerm, LearningPath, Lesson, Module
from course.models.events import (
    ENROLLED,
    EVENT_KINDS,
    WAITLISTED,
    WITHDRAWN,
    Attendance,
    CalendarFeed,
    Event,
    EventEnrolment,
    EventSession,
)
from course.models.library import LibraryEntry, PracticeCase
from course.models.mail import Notification, NotificationPreference, OutboxMessage, PasswordReset
from course.models.portfolio import Reflection, ReflectionReply
from course.models.programme import ImpactPage, ProgrammeLearner, ProgrammeTally
from course.models.progress import ActivityEvent, LessonProgress, LrsFeed, PathEnrolment
from course.models.quiz import (
    Attempt,
    AttemptItem,
    Question,
    QuestionBank,
    QuestionVersion,
    Quiz,
    QuizExtension,
    Regrade,
)
from course.models.site import SiteSettings
from course.models.staff import AuditEntry, CoInstructor
from course.models.standing import CohortTally, ModuleSummary, StopTally
from course.models.tours import (
    APPLICATION_STATUSES,
    Feedback,
    StudyTour,
    TourApplication,
    TourReport,
    TourVisit,
)
from course.models.translations import ContentTranslation, QuestionTranslation
from course.models.users import ORG_TYPE_LABELS, OrgType, Role, User

__all__ = [
    "ActionPlan",
    "Assignment",
    "PlanReview",
    "Reflection",
    "ReflectionReply",
    "APPLICATION_STATUSES",
    "Feedback",
    "StudyTour",
    "TourApplication",
    "TourReport",
    "TourVisit",
    "Attendance",
    "CalendarFeed",
    "ENROLLED",
    "EVENT_KINDS",
    "Event",
    "EventEnrolment",
    "EventSession",
    "WAITLISTED",
    "WITHDRAWN",
    "AuditEntry",
    "CoInstructor",
    "CatalogueRevision",
    "Certificate",
    "Cohort",
    "CohortMember",
    "CohortTally",
    "ContentTranslation",
    "QuestionTranslation",
    "ModuleSummary",
    "StopTally",
    "Invitation",
    "Notification",
    "NotificationPreference",
    "OutboxMessage",
    "PasswordReset",
    "ImpactPage",
    "ProgrammeLearner",
    "ProgrammeTally",
    "Attempt",
    "AttemptItem",
    "Question",
    "QuestionBank",
    "QuestionVersion",
    "Quiz",
    "QuizExtension",
    "Regrade",
    "ActivityEvent",
    "Figure",
    "GlossaryTerm",
    "LearningPath",
    "Lesson",
    "LibraryEntry",
    "LessonProgress",
    "LrsFeed",
    "Module",
    "ORG_TYPE_LABELS",
    "OrgType",
    "PathEnrolment",
    "PracticeCase",
    "Role",
    "SiteSettings",
    "User",
]
