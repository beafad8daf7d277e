"""Learning pages. Views stay thin: data functions and rules live elsewhere."""

from flask import abort, flash, redirect, render_template, url_for
from flask_login import current_user
from sqlmodel import select

from course import learning
from course.db import get_session
from course.learner_state import learner_state, path_state
from course.models import GlossaryTerm
from course.web.access import ALL_ROLES, allow
from course.web.certificates.award import award_certificates
from course.web.learn import bp
from course.web.learn.forms import ChoosePathForm, CompleteLessonForm


def _user_id():
    return current_user.id if current_user.is_authenticated else None


@bp.route("/")
@allow("public")
def home():
    state = learner_state(get_session(), _user_id())
    return render_template("learn/home.html", state=state)


@bp.route("/modules/<slug>")
@allow("public")
def module(slug):
    session = get_session()
    state = learner_state(session, _user_id())
    progress = state.modules.get(slug) or abort(404)
    terms = session.exec(select(GlossaryTerm).where(GlossaryTerm.slug.in_(progress.module.glossary))).all()
    completed = learning.completed_lesson_ids(session, _user_id()) if _user_id() else set()
    return render_template("learn/module.html", progress=progress, terms=sorted(terms, key=lambda t: t.term),
                           completed=completed, locked_by=state.locked.get(slug, ()), state=state)


@bp.route("/lessons/<slug>")
@allow(*ALL_ROLES)
def lesson(slug):
    session = get_session()
    lesson = learning.lesson_by_slug(session, slug) or abort(404)
    state = learner_state(session, current_user.id)
    progress = next(p for p in state.modules.values() if p.module.id == lesson.module_id)
    if state.is_locked(progress.module.slug):
        return render_template("learn/locked.html", progress=progress,
                               missing=[state.modules[m].module for m in state.locked[progress.module.slug]]), 403
    visit = learning.record_visit(session, user_id=current_user.id, lesson=lesson)
    session.commit()
    index = [item.id for item in progress.lessons].index(lesson.id)
    neighbours = (progress.lessons[index - 1] if index > 0 else None,
                  progress.lessons[index + 1] if index + 1 < len(progress.lessons) else None)
    return render_template("learn/lesson.html", lesson=lesson, progress=progress, visit=visit,
                           previous=neighbours[0], next=neighbours[1], form=CompleteLessonForm())


@bp.route("/lessons/<slug>/complete", methods=["POST"])
@allow(*ALL_ROLES)
def complete_lesson(slug):
    session = get_session()
    lesson = learning.lesson_by_slug(session, slug) or abort(404)
    if not CompleteLessonForm().validate_on_submit():
        abort(400)
    state = learner_state(session, current_user.id)
    module = next(p.module for p in state.modules.values() if p.module.id == lesson.module_id)
    if state.is_locked(module.slug):
        abort(403, "This module is locked until its prerequisites are complete.")
    if learning.mark_complete(session, user_id=current_user.id, lesson=lesson):
        award_certificates(session, current_user.id)
        session.commit()
        flash(f"“{lesson.title}” is marked complete.", "success")
    else:
        flash("You had already completed this lesson.", "info")
    return redirect(url_for("learn.lesson", slug=slug))


@bp.route("/my-learning")
@allow(*ALL_ROLES)
def my_learning():
    from course.web.learn.dashboard import dashboard_context

    return render_template("learn/my_learning.html", **dashboard_context(get_session(), current_user))


@bp.route("/glossary")
@allow("public")
def glossary():
    terms = get_session().exec(select(GlossaryTerm).where(GlossaryTerm.archived == False)  # noqa: E712
                               .order_by(GlossaryTerm.term)).all()
    return render_template("learn/glossary.html", terms=terms)


@bp.route("/paths")
@allow("public")
def paths():
    session = get_session()
    state = learner_state(session, _user_id())
    followed = {p.path.id for p in state.paths}
    shown = [path_state(p, None, state.modules) for p in learning.active_paths(session)]
    return render_template("learn/paths.html", paths=shown, followed=followed, state=state,
                           form=ChoosePathForm())


@bp.route("/paths/<slug>/follow", methods=["POST"])
@allow(*ALL_ROLES)
def follow_path(slug):
    session = get_session()
    path = learning.path_by_slug(session, slug) or abort(404)
    if not ChoosePathForm().validate_on_submit():
        abort(400)
    learning.enrol(session, user_id=current_user.id, path=path)
    award_certificates(session, current_user.id)
    session.commit()
    flash(f"You now follow the path “{path.title}”.", "success")
    return redirect(url_for("learn.my_learning"))
