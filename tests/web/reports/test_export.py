"""The progress CSV: the documented columns, scores as written, open attempts flagged, cells made safe."""

import csv
import io
import re
from pathlib import Path

DOCS = Path(__file__).resolve().parents[3] / "docs" / "exports.md"
COLUMNS = [
    "user_id",
    "name",
    "email",
    "organisation",
    "org_type",
    "country",
    "firm_size",
    "sex",
    "enrolled_at",
    "lessons_completed",
    "lessons_total",
    "progress_percent",
    "pilot-zones_quiz_best",
    "pilot-zones_quiz_in_progress",
    "logistics-basics_quiz_best",
    "logistics-basics_quiz_in_progress",
    "path_completed",
    "certificate_code",
]


def _rows(client, arranged):
    response = client.get(f"/reports/cohorts/{arranged.cohort.id}/progress.csv")
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "text/csv; charset=utf-8"
    assert response.headers["Content-Disposition"] == f'attachment; filename="cohort-{arranged.cohort.id}-progress.csv"'
    header, *rows = list(csv.reader(io.StringIO(response.get_data(as_text=True))))
    return header, {row[2]: dict(zip(header, row, strict=True)) for row in rows}


def test_columns_are_exactly_the_documented_ones(client, auth, arranged):
    auth.as_role("instructor")
    header, _ = _rows(client, arranged)
    assert header == COLUMNS
    section = DOCS.read_text().split("## Cohort progress CSV")[1].split("\n## ")[0]  # other exports have tables too
    documented = re.findall(r"^\| `([a-z_<>-]+)` \|", section, flags=re.MULTILINE)
    fixed = [c for c in documented if "<" not in c]
    assert fixed == [c for c in COLUMNS if not c.startswith(("pilot-zones", "logistics-basics"))]
    assert "<module-slug>_quiz_best" in documented and "<module-slug>_quiz_in_progress" in documented


def test_rows(client, auth, arranged):
    auth.as_role("admin")
    _, rows = _rows(client, arranged)
    assert set(rows) == {"ama@example.org", "budi@example.org", "chen@example.org", "dara@example.org"}
    ama, budi, chen, dara = (rows[f"{k}@example.org"] for k in ("ama", "budi", "chen", "dara"))
    assert (ama["name"], ama["org_type"], ama["country"], ama["sex"], ama["firm_size"]) == (
        "Ama Mensah",
        "sme",
        "Ghana",
        "female",
        "small",
    )
    assert ama["enrolled_at"] == "2025-03-01T09:00:00+00:00"
    assert (ama["lessons_completed"], ama["lessons_total"], ama["progress_percent"]) == ("4", "4", "100")
    assert (ama["pilot-zones_quiz_best"], ama["path_completed"], ama["certificate_code"]) == (
        "80",
        "1",
        "CBEC-AMA-0001",
    )
    assert (ama["logistics-basics_quiz_best"], ama["logistics-basics_quiz_in_progress"]) == ("", "0")


def test_zero_is_written_and_open_attempts_are_flagged_not_scored(client, auth, arranged):
    auth.as_role("instructor")
    _, rows = _rows(client, arranged)
    budi, chen = rows["budi@example.org"], rows["chen@example.org"]
    # Budi scored 0 on his first attempt, has a second one open (and a practice attempt of 100 %).
    assert (budi["pilot-zones_quiz_best"], budi["pilot-zones_quiz_in_progress"]) == ("0", "1")
    assert (budi["path_completed"], budi["certificate_code"]) == ("0", "")
    assert (chen["pilot-zones_quiz_best"], chen["pilot-zones_quiz_in_progress"]) == ("", "0")


def test_formula_injection_is_defused(client, auth, arranged):
    auth.as_role("instructor")
    _, rows = _rows(client, arranged)
    assert rows["dara@example.org"]["name"] == "'=cmd|' /C calc'!A0"


def test_the_stream_gives_its_database_connection_back(app, client, auth, arranged):
    """Read as a server reads it (chunk by chunk, then closed), the export leaves no connection checked out."""
    auth.as_role("instructor")
    pool = app.extensions["db_engine"].pool
    before = pool.checkedout()  # the test's own session may hold one
    response = client.get(f"/reports/cohorts/{arranged.cohort.id}/progress.csv", buffered=False)
    chunks = list(response.response)
    response.close()
    assert chunks[0].startswith(b"user_id,name,") and len(b"".join(chunks).splitlines()) > 1
    assert pool.checkedout() == before
