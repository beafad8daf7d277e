"""CBEC Academy: a capacity-building training platform for cross-border e-commerce."""

from __future__ import annotations

import os
from collections.abc import Mapping

from flask import Flask
from werkzeug.middleware.proxy_fix import ProxyFix

from course import db
from course.cli import register_commands
from course.config import default_config
from course.extensions import babel, csrf, login_manager


def create_app(config: Mapping | None = None) -> Flask:
    """Build the application: settings, database, extensions, blueprints, commands."""
    app = Flask(__name__, instance_relative_config=True)
    app.config.from_mapping(default_config(app.instance_path))
    if config is not None:
        app.config.from_mapping(config)
    os.makedirs(app.instance_path, exist_ok=True)
    if app.config.get("BEHIND_PROXY"):
        # Trust one reverse proxy's X-Forwarded-* headers so links (invitations, certificate QR codes) are right.
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=1, x_proto=1, x_host=1)
    db.init_app(app)
    register_extensions(app)
    register_blueprints(app)
    register_commands(app)
    register_error_pages(app)
    register_request_guards(app)
    register_mail(app)
    return app


def register_extensions(app: Flask) -> None:
    from course.web.auth import kept_users
    from course.web.auth.loader import load_user  # noqa: F401  (registers the user loader)
    from course.web.language.selection import select_locale, select_timezone

    kept_users.init_app(app, app.extensions["db_engine"])
    login_manager.init_app(app)
    csrf.init_app(app)
    babel.init_app(app, locale_selector=select_locale, timezone_selector=select_timezone)


def register_blueprints(app: Flask) -> None:
    from course.web import input_guards
    from course.web.access import assert_every_view_checks_access
    from course.web.action_plans import bp as action_plans_bp
    from course.web.admin import bp as admin_bp
    from course.web.api import bp as api_bp
    from course.web.auth import bp as auth_bp
    from course.web.certificates import bp as certificates_bp
    from course.web.cohorts import bp as cohorts_bp
    from course.web.events import bp as events_bp
    from course.web.impact import bp as impact_bp
    from course.web.instructor import bp as instructor_bp
    from course.web.interop import bp as interop_bp
    from course.web.invitations import bp as invitations_bp
    from course.web.language import bp as language_bp
    from course.web.learn import bp as learn_bp
    from course.web.library import bp as library_bp
    from course.web.notifications import bp as notifications_bp
    from course.web.ownership import bp as ownership_bp
    from course.web.portfolio import bp as portfolio_bp
    from course.web.quiz import bp as quiz_bp
    from course.web.reports import bp as reports_bp
    from course.web.tours import bp as tours_bp

    input_guards.register_converters(app)  # before the routes that use them
    for blueprint in (
        auth_bp,
        learn_bp,
        library_bp,
        quiz_bp,
        instructor_bp,
        admin_bp,
        api_bp,
        cohorts_bp,
        invitations_bp,
        certificates_bp,
        reports_bp,
        ownership_bp,
        action_plans_bp,
        portfolio_bp,
        notifications_bp,
        events_bp,
        tours_bp,
        interop_bp,
        impact_bp,
        language_bp,
    ):
        app.register_blueprint(blueprint)
    assert_every_view_checks_access(app)


def register_error_pages(app: Flask) -> None:
    from course.web import errors, template_helpers

    errors.register(app)
    template_helpers.register(app)


def register_request_guards(app: Flask) -> None:
    from course.web import input_guards, security_headers, throttling

    input_guards.register(app)
    throttling.register(app)
    security_headers.register(app)


def register_mail(app: Flask) -> None:
    from course.mail import background, compose

    compose.register(app)
    background.init_app(app)
