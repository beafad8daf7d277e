"""The roster CSV is checked as a whole: every problem is reported with its row, and then no rows."""

import pytest

from course.cohorts.roster import MAX_ROWS
from course.cohorts.roster import read_roster as read_problems
from course.web.cohorts.wording import roster_problem_text


class Worded:
    """A roster whose problems are worded (in English, outside a request) as an instructor reads them."""

    def __init__(self, roster):
        self.rows, self.ok = roster.rows, roster.ok
        self.errors = [roster_problem_text(problem) for problem in roster.errors]


def read_roster(data):
    return Worded(read_problems(data))


HEADER = "name,email,organisation,organisation_type,country\n"


def test_good_file_gives_clean_rows():
    data = (
        "\ufeffName, Email ,organisation,Organisation_Type,country\r\n"
        "Amina Wanjiru, Amina@Example.org ,Kilimo Exports,SME,Kenya\r\n"
        "\r\n"
        '"Chen, Li",li@example.org,"Port Authority, Ningbo",government,China\r\n'
        ",,,,\r\n"
    ).encode()
    roster = read_roster(data)
    assert roster.ok and roster.errors == []
    first, second = roster.rows
    assert (first.line, first.name, first.email, first.org_type) == (2, "Amina Wanjiru", "amina@example.org", "sme")
    assert (second.line, second.name, second.organisation, second.org_type, second.country) == (
        4,
        "Chen, Li",
        "Port Authority, Ningbo",
        "government",
        "China",
    )


def test_columns_may_come_in_any_order_and_extra_columns_are_ignored():
    roster = read_roster(
        "country,email,notes,organisation_type,organisation,name\n"
        "Ghana,kofi@example.org,met in Accra,social,Trade Hub,Kofi Mensah\n"
    )
    assert roster.ok
    assert roster.rows[0].name == "Kofi Mensah" and roster.rows[0].country == "Ghana"


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("Amina,,Kilimo,sme,Kenya\n", "row 2: the email is missing"),
        ("Amina,amina-at-example.org,Kilimo,sme,Kenya\n", "row 2: “amina-at-example.org” is not a valid email address"),
        (",amina@example.org,Kilimo,sme,Kenya\n", "row 2: the name is missing"),
        (
            "Amina,amina@example.org,Kilimo,startup,Kenya\n",
            "row 2: the organisation type is “startup”; use one of sme, government, social, other",
        ),
        ("Amina,amina@example.org,Kilimo,,Kenya\n", "row 2: the organisation type is missing"),
        (
            "Amina,a@example.org,Kilimo,sme,Kenya\nBob,A@Example.org,X,sme,Kenya\n",
            "row 3: the email a@example.org is already listed in row 2",
        ),
        ("Amina,amina@example.org,Kilimo,sme,Kenya,extra\n", "row 2: more values than header columns"),
        ("A" * 121 + ",amina@example.org,Kilimo,sme,Kenya\n", "row 2: the name is longer than 120 characters"),
        ("Amina,amina@example.org\n", "row 2: the organisation type is missing"),
    ],
)
def test_bad_rows_are_reported_with_their_row_number(body, message):
    roster = read_roster((HEADER + body).encode())
    assert not roster.ok and roster.rows == []
    assert any(error.startswith(message) for error in roster.errors), roster.errors


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "row 1: the file is empty"),
        (b"\n\n", "row 1: the file is empty"),
        (
            b"name,email,organisation,country\nA,a@example.org,X,Kenya\n",
            "row 1: missing column header organisation_type",
        ),
        (b"full name,e-mail\n", "row 1: missing column header name, email, organisation, organisation_type, country"),
        (
            b"name,email,email,organisation,organisation_type,country\n",
            "row 1: the column email appears more than once",
        ),
        (HEADER.encode(), "row 2: no trainees are listed"),
        (HEADER.encode() + "Zoë,zoe@example.org,X,sme,France\n".encode("latin-1"), "row 2: the file is not UTF-8 text"),
    ],
)
def test_bad_files_are_refused(data, message):
    roster = read_roster(data)
    assert roster.rows == [] and roster.errors[0].startswith(message), roster.errors


def test_every_problem_is_listed_at_once():
    body = (
        "Good One,good@example.org,X,sme,Kenya\n"
        ",nameless@example.org,X,sme,Kenya\n"
        "Bad Mail,not-an-email,X,sme,Kenya\n"
        "Bad Type,type@example.org,X,ngo,Kenya\n"
    )
    roster = read_roster(HEADER + body)
    assert [e.split(":")[0] for e in roster.errors] == ["row 3", "row 4", "row 5"]
    assert roster.rows == []


def test_row_numbers_count_blank_lines_and_multiline_values():
    body = '\nGood,g@example.org,"two\nlines",sme,Kenya\n\nBad,,X,sme,Kenya\n'
    assert read_roster(HEADER + body).errors == ["row 6: the email is missing"]


def test_more_than_the_row_limit_is_refused():
    rows = "".join(f"P{i},p{i}@example.org,X,sme,Kenya\n" for i in range(MAX_ROWS + 1))
    roster = read_roster(HEADER + rows)
    assert roster.rows == [] and len(roster.errors) == 1
    assert f"the limit is {MAX_ROWS}" in roster.errors[0] and roster.errors[0].startswith(f"row {MAX_ROWS + 2}:")


def test_the_row_limit_itself_is_accepted():
    rows = "".join(f"P{i},p{i}@example.org,X,other,Kenya\n" for i in range(MAX_ROWS))
    assert len(read_roster(HEADER + rows).rows) == MAX_ROWS
