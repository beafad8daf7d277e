"""The password policy and the email check, with no app: one rule for every form and command."""

import pytest

from course.credentials import MIN_PASSWORD_LENGTH, email_problem, password_problem


@pytest.mark.parametrize(
    "password",
    ["aaaaaaaaaa", "1234567890", "password123", "qwertyuiop", "abababababababab", "x" * 300, "short"],
)
def test_common_guessable_short_and_overlong_passwords_are_refused_with_a_reason(password):
    problem = password_problem(password)
    assert problem and ("too easy to guess" in problem or "characters" in problem)


def test_a_password_made_of_the_account_s_own_email_or_name_is_refused():
    assert password_problem("aminawanjiru", related=["amina@example.org", "Amina Wanjiru"])
    assert password_problem("aminawanjiru") is None


@pytest.mark.parametrize("password", ["correct horse battery", "quiet river lantern", "tH7#pq2!Lw9z"])
def test_long_unguessable_passwords_are_accepted(password):
    assert len(password) >= MIN_PASSWORD_LENGTH and password_problem(password) is None


def test_the_refusal_explains_what_to_do():
    assert "top-100 common password" in password_problem("1234567890")
    assert "unrelated words" in password_problem("aaaaaaaaaa")


@pytest.mark.parametrize("email, ok", [("amina@example.org", True), ("not an email", False), ("a@", False)])
def test_email_check(email, ok):
    assert (email_problem(email) is None) is ok
