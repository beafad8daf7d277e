"""Staff download the same packages from /exports; a bad choice gets a message and no file."""

from __future__ import annotations

import io
import zipfile

import pytest


def test_staff_find_the_packages_page_in_their_menu(synced_quizzes, client, auth):
    auth.as_role("instructor")
    page = client.get("/cohorts/").get_data(as_text=True)
    assert 'href="/exports/"' in page
    page = client.get("/exports/").get_data(as_text=True)
    assert "Module 1: Pilot zones" in page
    assert "holds the answer keys" in page


@pytest.mark.parametrize(
    "query, filename, inside",
    [
        ("format=imscc", "cbec-academy.imscc", "imsmanifest.xml"),
        ("format=imscc&module=pilot-zones", "cbec-academy-pilot-zones.imscc", "pilot-zones/harbour-city-pilot.html"),
        ("format=scorm12&module=pilot-zones", "cbec-academy-pilot-zones-scorm12.zip", "imsmanifest.xml"),
        ("format=offline", "cbec-academy-offline.zip", "cbec-academy-offline/index.html"),
    ],
)
def test_a_download_is_the_package_as_a_file(synced_quizzes, client, auth, query, filename, inside):
    auth.as_role("admin")
    response = client.get(f"/exports/download?{query}")
    assert response.status_code == 200
    assert response.headers["Content-Disposition"] == f'attachment; filename="{filename}"'
    assert response.headers["Cache-Control"] == "private, no-store"
    assert inside in zipfile.ZipFile(io.BytesIO(response.data)).namelist()


def test_packages_link_to_the_live_site_for_pages_they_lack(synced_quizzes, client, auth):
    auth.as_role("instructor")
    response = client.get("/exports/download?format=scorm12&module=pilot-zones")
    package = zipfile.ZipFile(io.BytesIO(response.data))
    lesson = package.read("lessons/harbour-city-pilot.html").decode()
    assert 'href="../glossary.html#cpa"' in lesson


@pytest.mark.parametrize(
    "query, message",
    [
        ("format=scorm12", "A SCORM12 package holds one module: choose the module."),
        ("format=tarball", "Choose one of the package formats below."),
        ("format=imscc&module=nowhere", "No module has the slug “nowhere”: choose one from the list."),
    ],
)
def test_a_bad_choice_is_explained_on_the_page(synced_quizzes, client, auth, query, message):
    auth.as_role("instructor")
    response = client.get(f"/exports/download?{query}")
    assert response.status_code == 400
    assert response.headers["Content-Type"].startswith("text/html")
    assert message in response.get_data(as_text=True)
