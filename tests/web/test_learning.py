"""The vertical slice: catalogue, module, lesson, mark complete, my learning."""

from sqlmodel import select

from course.models import ActivityEvent, Lesson, LessonProgress


def test_catalogue_lists_modules_for_visitors(synced, client):
    page = client.get("/").get_data(as_text=True)
    assert "Module 1: Pilot zones" in page and "Module 2: Logistics basics" in page


def test_module_page_shows_objectives_lessons_and_terms(synced, client):
    page = client.get("/modules/pilot-zones").get_data(as_text=True)
    assert "Name two services a pilot area offers." in page
    assert "Harbour City pilot area" in page and "Case 1" in page
    assert "Comprehensive Pilot Area (CPA)" in page


def test_a_visitor_reads_a_lesson_and_is_asked_to_sign_in_to_track_it(synced, client, db):
    response = client.get("/lessons/harbour-city-pilot")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert '<h2 id="facts">What the case reports</h2>' in html
    assert "Sign in to track your progress" in html and "/login?next=/lessons/harbour-city-pilot" in html
    assert '<a href="/library?city=Harbour+City">Harbour City, Coast, China</a>' in html
    assert "Harbour City Pilot Area (" in html and ">Pilot or bonded zone</a>)" in html
    assert '<a href="/library?theme=pilot-zones">Pilot and bonded zones</a>, <a href="/library?theme=customs">' in html
    assert "data-visit-url" not in html and "visit.js" not in html and "/complete" not in html
    assert "Sign in</a> to keep your answer" in html and "reflection-form" not in html
    assert db.exec(select(LessonProgress)).first() is None


def test_opening_a_lesson_does_not_complete_it(synced, client, auth, db):
    user = auth.as_role("trainee")
    page = client.get("/lessons/harbour-city-pilot")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert '<h2 id="facts">What the case reports</h2>' in html
    assert '<a href="/glossary#cpa" rel="noopener noreferrer">CPA</a>' in html
    assert "Next: River Town bonded zone" in html
    assert 'data-visit-url="/lessons/harbour-city-pilot/visit"' in html and "visit.js" in html
    assert (
        db.exec(select(LessonProgress).where(LessonProgress.user_id == user.id)).first() is None
    )  # a GET never writes
    assert auth.post("/lessons/harbour-city-pilot/visit").status_code == 204  # what visit.js sends
    row = db.exec(select(LessonProgress).where(LessonProgress.user_id == user.id)).one()
    assert row.completed_at is None


def test_a_visit_needs_the_csrf_token_and_an_existing_lesson(synced, client, auth, db):
    auth.as_role("trainee")
    assert client.post("/lessons/harbour-city-pilot/visit").status_code == 400
    assert auth.post("/lessons/no-such-lesson/visit").status_code == 404
    assert db.exec(select(LessonProgress)).first() is None


def test_mark_complete_is_recorded_and_shown(synced, client, auth, db):
    user = auth.as_role("trainee")
    client.get("/lessons/harbour-city-pilot")
    response = auth.post("/lessons/harbour-city-pilot/complete")
    assert response.status_code == 302
    row = db.exec(select(LessonProgress).where(LessonProgress.user_id == user.id)).one()
    assert row.completed_at is not None
    verbs = [e.verb for e in db.exec(select(ActivityEvent).where(ActivityEvent.user_id == user.id))]
    assert verbs == ["experienced", "completed"]
    lesson_page = client.get("/lessons/harbour-city-pilot").get_data(as_text=True)
    assert "You completed this lesson" in lesson_page and "50% complete" in lesson_page
    mine = client.get("/my-learning").get_data(as_text=True)
    assert "Harbour City pilot area" in mine and "1 / 2" in mine


def test_completing_twice_records_once(synced, client, auth, db):
    user = auth.as_role("trainee")
    auth.post("/lessons/harbour-city-pilot/complete")
    auth.post("/lessons/harbour-city-pilot/complete")
    events = db.exec(
        select(ActivityEvent).where(ActivityEvent.user_id == user.id, ActivityEvent.verb == "completed")
    ).all()
    assert len(events) == 1


def test_complete_without_csrf_is_rejected(synced, client, auth, db):
    auth.as_role("trainee")
    assert client.post("/lessons/harbour-city-pilot/complete").status_code == 400
    assert db.exec(select(LessonProgress).where(LessonProgress.completed_at.is_not(None))).all() == []


def test_xss_in_lesson_markdown_is_neutralised(synced, runner, content_dir, client, auth):
    path = content_dir / "01-pilot-zones" / "01-harbour-city-pilot.md"
    path.write_text(
        path.read_text().replace(
            "cleared parcels faster.",
            "cleared parcels faster. <script>alert('owned')</script> <img src=x onerror=alert(1)> "
            "[bad](javascript:alert(1))",
        )
    )
    assert runner.invoke(args=["course", "sync"]).exit_code == 0
    auth.as_role("trainee")
    html = client.get("/lessons/harbour-city-pilot").get_data(as_text=True)
    assert "<script>alert" not in html and "onerror" not in html and "javascript:" not in html
    assert "cleared parcels faster." in html


def test_lesson_page_is_small(synced, client, auth):
    auth.as_role("trainee")
    response = client.get("/lessons/harbour-city-pilot")
    css = client.get("/static/style.css")
    css_size = len(css.data)
    css.close()
    assert len(response.data) + css_size < 50_000


def test_archived_lesson_is_gone_from_pages(synced, client, auth, db):
    lesson = db.exec(select(Lesson).where(Lesson.slug == "returns-hub")).one()
    lesson.archived = True
    db.commit()
    auth.as_role("trainee")
    assert client.get("/lessons/returns-hub").status_code == 404


def test_catalog_api_shape(synced, client):
    data = client.get("/api/v1/catalog").get_json()
    assert [m["slug"] for m in data["modules"]] == ["pilot-zones", "logistics-basics"]
    first = data["modules"][0]
    assert first["title"] == "Pilot zones" and first["chapter"] == 1
    assert first["lessons"] == [
        {"slug": "harbour-city-pilot", "title": "Harbour City pilot area", "cases": [1]},
        {"slug": "river-town-bonded-zone", "title": "River Town bonded zone", "cases": [2]},
    ]


def test_lesson_page_keeps_fact_apart_from_interpretation(synced, client, auth):
    auth.as_role("trainee")
    html = client.get("/lessons/river-town-bonded-zone").get_data(as_text=True)
    order = [
        "After this lesson you can",
        "Explain what River Town bonded zone did for exporters.",
        '<h2 id="facts">What the case reports</h2>',
        "Facts: what the organisation reported",
        "River Town opened a bonded zone with <strong>bold</strong> results.",
        '<h2 id="data-note">Data note</h2>',
        "reported by the organisations themselves",
        "The zone gives no parcel counts.",
        '<h2 id="reading">Our reading</h2>',
        "Interpretation: the course's reading of the case",
        "This suggests that speed matters.",
        "Replicable-model card",
        "The River Town bonded zone operator",
        "<li>Case 2 result</li>",
        '<h2 id="related">Related lessons</h2>',
        '<h2 id="reflection">Reflection</h2>',
        "What would you copy?",
        '<h2 id="takeaway">Takeaway</h2>',
        "One thing to remember about River Town bonded zone.",
    ]
    positions = [html.find(text) for text in order]
    assert -1 not in positions, [text for text, at in zip(order, positions, strict=True) if at == -1]
    assert positions == sorted(positions)


def test_related_lessons_show_both_ways(synced, client, auth):
    auth.as_role("trainee")
    river = client.get("/lessons/river-town-bonded-zone").get_data(as_text=True)
    read_beside = river.index("Read beside this one")
    links_here = river.index("Lessons that link here")
    rail = river.index('href="/lessons/rail-freight"')
    harbour = river.index('href="/lessons/harbour-city-pilot"', links_here)
    assert read_beside < rail < links_here < harbour
    assert "Its goods leave by this rail line." in river and "Another zone in the same province." in river
    rail_page = client.get("/lessons/rail-freight").get_data(as_text=True)
    assert "Lessons that link here" in rail_page and "Read beside this one" not in rail_page
    assert "(Module 1)" in rail_page
    returns = client.get("/lessons/returns-hub").get_data(as_text=True)
    assert "Related lessons" not in returns


def test_a_lesson_without_its_own_caveat_shows_the_standard_data_note_only(synced, client, auth):
    auth.as_role("trainee")
    html = client.get("/lessons/harbour-city-pilot").get_data(as_text=True)
    assert "reported by the organisations themselves" in html and "For this case:" not in html


def test_the_synthesis_page_compares_the_cases_and_links_out(synced, client):
    page = client.get("/modules/pilot-zones/synthesis")
    html = page.get_data(as_text=True)
    assert page.status_code == 200
    assert "Each case starts from what the place already had." in html
    assert "Which case could your region copy first?" in html
    table = html[html.index("<table") : html.index("</table>")]
    assert table.count("<tr>") == 3  # a header and one row per case
    assert "The Harbour City pilot area operator" in table and "<li>Case 2 result</li>" in table
    assert "Something to copy" not in table  # the table compares actor, problem, tools, preconditions, results
    outside = html[html.index("Related cases in other modules") :]
    assert 'href="/lessons/rail-freight"' in outside and "Its goods leave by this rail line." in outside
    assert 'href="/lessons/harbour-city-pilot"' not in outside  # a link inside the module is not "outside"
    module_page = client.get("/modules/pilot-zones").get_data(as_text=True)
    assert 'href="/modules/pilot-zones/synthesis"' in module_page
    assert client.get("/modules/nowhere/synthesis").status_code == 404


def test_the_last_lesson_leads_to_the_synthesis(synced, client, auth):
    auth.as_role("trainee")
    html = client.get("/lessons/river-town-bonded-zone").get_data(as_text=True)
    assert 'href="/modules/pilot-zones/synthesis">Next: What these cases teach together' in html


def test_lessons_show_their_figures_with_a_text_equivalent(synced, client, auth):
    auth.as_role("trainee")
    rail = client.get("/lessons/rail-freight").get_data(as_text=True)
    svg = rail.index('<svg xmlns="http://www.w3.org/2000/svg"')
    assert '<title id="rail-route-title">Rail route to Europe</title>' in rail[svg:]
    details = rail.index("<summary>The figure as text</summary>", svg)
    assert "<td>City</td>" in rail[details:]
    assert "<strong>Figure:</strong> Customs codes" in rail and "<td>9610</td>" in rail
    harbour = client.get("/lessons/harbour-city-pilot").get_data(as_text=True)
    harbour = harbour[harbour.index("<main") :]  # the header's language switcher has an icon of its own
    assert "<strong>Figure:</strong> Customs codes" in harbour and "<svg" not in harbour
    assert "<strong>Figure:</strong>" not in client.get("/lessons/returns-hub").get_data(as_text=True)


def test_a_figure_taken_out_of_figures_yml_is_archived(synced, runner, content_dir, client, auth, db):
    from course.models import Figure

    (content_dir / "figures.yml").write_text((content_dir / "figures.yml").read_text().split("- slug: codes")[0])
    assert runner.invoke(args=["course", "sync"]).exit_code == 0
    db.expire_all()
    assert {f.slug: f.archived for f in db.exec(select(Figure))} == {"rail-route": False, "codes": True}
    auth.as_role("trainee")
    assert "Customs codes" not in client.get("/lessons/rail-freight").get_data(as_text=True)
