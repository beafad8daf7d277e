"""Learning pages. Views stay thin: data functions and rules live elsewhere."""

from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user
from flask_wtf import FlaskForm

from course.action_plans import plans
from course.content import catalogue
from course.db import get_session
from course.library.shelf import related_to
from course.portfolio import reflections
from course.progress import enrolments, records, rules
from course.progress.standing import learner_state, path_state
from course.quizzes.standing import quizzes_of_module
from course.web.access import ALL_ROLES, allow
from course.web.certificates.award import award_certificates
from course.web.content_language import localized
from course.web.formatting import collation_key
from course.web.kept_pages import render_kept
from course.web.learn import bp
from course.web.learn.dashboard import dashboard_context
from course.web.learn.forms import COMPLETE_LABEL, ChoosePathForm, CompleteLessonForm


def _user_id():
    return current_user.id if current_user.is_authenticated else None


@bp.route("/")
@allow("reader")
def home():
    session = get_session()
    return render_kept(
        session, ("home",), lambda: ("learn/home.html", {"state": learner_state(session, _user_id())}, 200)
    )


@bp.route("/modules/<slug>")
@allow("reader")
def module(slug):
    session = get_session()
    if catalogue.module_by_slug(session, slug) is None:
        abort(404)
    return render_kept(session, ("module", slug), lambda: _module_page(session, slug))


def _module_page(session, slug: str):
    state = learner_state(session, _user_id())
    progress = state.modules[slug]
    context = dict(
        progress=progress,
        terms=catalogue.glossary_terms(session, progress.module.glossary),
        completed=state.completed,
        locked_by=state.locked.get(slug, ()),
        state=state,
        quizzes=quizzes_of_module(session, progress.module.id),
    )
    return "learn/module.html", context, 200


@bp.route("/modules/<slug>/synthesis")
@allow("public")
def synthesis(slug):
    """The page that closes a case module: cross-case lessons, the comparison of its model cards, links out."""
    session = get_session()
    module = catalogue.module_by_slug(session, slug)
    if module is None or not module.synthesis_html:
        abort(404)
    lessons = catalogue.lessons_by_module(session).get(module.id, [])
    outside = {
        (lesson.slug, link.lesson.slug): (lesson, link)
        for lesson in lessons
        for link in catalogue.links(session, [*lesson.related, *lesson.linked_from])
        if link.module.id != module.id
    }
    return render_template("learn/synthesis.html", module=module, lessons=lessons, outside=list(outside.values()))


@bp.route("/lessons/<slug>")
@allow("reader")
def lesson(slug):
    session = get_session()
    lesson = catalogue.lesson_by_slug(session, slug) or abort(404)
    return render_kept(session, ("lesson", slug), lambda: _lesson_page(session, lesson))


def _lesson_page(session, lesson):
    state = learner_state(session, _user_id())
    lock = state.lock_on(lesson.module_id)
    if lock:
        module, missing = lock
        return "learn/locked.html", dict(module=module, missing=missing), 403
    progress = state.module_of(lesson.module_id)
    index = [item.id for item in progress.lessons].index(lesson.id)
    assignment = catalogue.assignment_of_lesson(session, lesson.id)
    user_id = _user_id()  # None for a visitor: no plan, no reflection of theirs to show
    context = dict(
        assignment=assignment,
        plan=plans.plan_of(session, user_id, assignment) if assignment and user_id else None,
        reflection=reflections.reflection_of(session, user_id, lesson.id)
        if lesson.reflection_html and user_id
        else None,
        lesson=lesson,
        related=catalogue.links(session, lesson.related),
        figures=catalogue.figures_of_lesson(session, lesson.slug),
        linked_from=catalogue.links(session, lesson.linked_from),
        progress=progress,
        record=state.records.get(lesson.id),
        last_opened=state.last_opened,
        previous=progress.lessons[index - 1] if index > 0 else None,
        next=progress.lessons[index + 1] if index + 1 < len(progress.lessons) else None,
        complete_label=COMPLETE_LABEL,
        similar_cases=related_to(session, "lesson", lesson.slug),  # same city, organisation or themes
    )
    return "learn/lesson.html", context, 200


def _lesson_to_act_on(slug: str, form: FlaskForm):
    """The lesson a POST is about: 404 when there is none, 400 without a valid form, 403 while its module is locked."""
    session = get_session()
    lesson = catalogue.lesson_by_slug(session, slug) or abort(404)
    if not form.validate_on_submit():
        abort(400)
    if learner_state(session, current_user.id).lock_on(lesson.module_id):
        abort(403, _("This module is locked until its prerequisites are complete."))
    return lesson


@bp.route("/lessons/<slug>/visit", methods=["POST"])
@allow(*ALL_ROLES)
def record_visit(slug):
    """The lesson page reports that it was opened (a GET never writes); answers 204."""
    session = get_session()
    lesson = _lesson_to_act_on(slug, FlaskForm())
    if records.record_visit(session, user_id=current_user.id, lesson=lesson):
        session.commit()
    return "", 204


@bp.route("/lessons/<slug>/complete", methods=["POST"])
@allow(*ALL_ROLES)
def complete_lesson(slug):
    session = get_session()
    lesson = _lesson_to_act_on(slug, CompleteLessonForm())
    assignment = catalogue.assignment_of_lesson(session, lesson.id)
    needs_plan = assignment is not None and assignment.required
    if not rules.lesson_may_be_completed(
        needs_plan, needs_plan and plans.is_submitted(session, current_user.id, assignment)
    ):
        flash(
            _("Submit “%(title)s” first: this lesson is complete once your plan is submitted.", title=assignment.title),
            "error",
        )
        return redirect(url_for("learn.lesson", slug=slug))
    if records.mark_complete(session, user_id=current_user.id, lesson=lesson):
        award_certificates(session, current_user.id)
        session.commit()
        flash(_("“%(title)s” is marked complete.", title=localized(lesson, "title")), "success")
    else:
        flash(_("You had already completed this lesson."), "info")
    return redirect(url_for("learn.lesson", slug=slug))


@bp.route("/my-learning")
@allow(*ALL_ROLES)
def my_learning():
    session = get_session()
    return render_kept(
        session, ("my-learning",), lambda: ("learn/my_learning.html", dashboard_context(session, current_user), 200)
    )


@bp.route("/glossary")
@allow("reader")
def glossary():
    terms = sorted(catalogue.glossary_terms(get_session()), key=lambda term: collation_key(localized(term, "term")))
    return render_template("learn/glossary.html", terms=terms)


@bp.route("/paths")
@allow("reader")
def paths():
    session = get_session()
    state = learner_state(session, _user_id())
    followed = {p.path.id for p in state.paths}
    shown = [path_state(p, None, state.modules) for p in catalogue.active_paths(session)]
    return render_template("learn/paths.html", paths=shown, followed=followed, state=state, form=ChoosePathForm())


@bp.route("/paths/<slug>/follow", methods=["POST"])
@allow(*ALL_ROLES)
def follow_path(slug):
    session = get_session()
    path = catalogue.path_by_slug(session, slug) or abort(404)
    if not ChoosePathForm().validate_on_submit():
        abort(400)
    enrolments.enrol(session, user_id=current_user.id, path=path)
    award_certificates(session, current_user.id)
    session.commit()
    flash(_("You now follow the path “%(title)s”.", title=localized(path, "title")), "success")
    return redirect(url_for("learn.my_learning"))
