"""What the answers of a question must give before it can be saved, as Moodle checks them when it saves one:
used by the question forms and the Moodle XML reader."""

from __future__ import annotations

from collections.abc import Iterable

from course.questions.errors import N_, Message


def has_full_marks(fractions: Iterable[float]) -> bool:
    """Whether some answer earns 100%."""
    return any(abs(fraction - 1) < 1e-6 for fraction in fractions)


def right_options_total(fractions: Iterable[float]) -> float:
    """What the options with a positive grade add up to."""
    return sum(fraction for fraction in fractions if fraction > 0)


def choice_grade_problem(multiple: bool, fractions: list[float]) -> Message | None:
    """Why the options' grades cannot be saved: a single choice needs an option of 100%, the right options
    of a multiple response must add up to 100% (Moodle rounds the total to 2 decimals)."""
    if not multiple:
        return None if has_full_marks(fractions) else N_("Give the right option a grade of 100%.")
    total = right_options_total(fractions)
    if abs(total - 1) > 0.001:
        shown = f"{total * 100:.5f}".rstrip("0").rstrip(".")
        return N_(
            "The grades of the right options must add up to 100%% (they add up to %(total)s%%); "
            "give wrong options 0%% or a negative grade.",
            total=shown,
        )
    return None
