"""Taking quizzes: start, answer (saved as you go), submit, review."""

from flask import Blueprint, Flask

bp = Blueprint("quiz", __name__, template_folder="templates")


def register(app: Flask) -> None:
    """Register the trainee quiz pages and the instructor authoring pages."""
    from course.web.quiz import routes  # noqa: F401

    app.register_blueprint(bp)
    try:
        from course.web.instructor import bp as instructor_bp
    except ImportError:  # the authoring pages are optional while being built
        return
    app.register_blueprint(instructor_bp)
