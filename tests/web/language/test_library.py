"""The case library, the practice-case form, the portfolio, action plans and the synthesis page in the reader's
language: headings, labels, filters and refusals translated; the English ones gone."""

import html

from course.library import practice_cases

SYNTHESIS = "/modules/pilot-zones/synthesis"


def _page(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return html.unescape(response.get_data(as_text=True))  # an apostrophe is written &#39; in the page


def test_the_library_and_its_filters_in_french(synced, client, auth):
    auth.as_role("trainee")
    page = _page(client, "/library?lang=fr&theme=logistics")
    assert "Bibliothèque de cas" in page and "Filtré par :" in page and "Logistique" in page
    assert "Case library" not in page and "Filtered by:" not in page and "Clear all filters" not in page
    wrong = _page(client, "/library?lang=fr&theme=nothing")
    assert "Ce filtre n'a pas été appliqué." in wrong and "That filter was left out." not in wrong


def test_the_practice_case_form_and_its_refusal_in_french(synced, client, auth, db):
    user = auth.as_role("trainee")
    form = _page(client, "/library/cases/new?lang=fr")
    assert "Partager un cas pratique" in form and "Titre du cas" in form and "Regroupements industriels" in form
    assert "Share a practice case" not in form and "Title of the case" not in form and "Industrial clusters" not in form
    assert 'value="China">Chine<' in form  # countries in the reader's language, stored in English
    case = practice_cases.save(db, user, {"title": "Half done"})
    db.commit()
    refused = auth.post(f"/library/cases/{case.id}/edit?lang=fr", {"title": "Half done", "send": "y"})
    text = refused.get_data(as_text=True)
    assert refused.status_code == 422 and "Avant de soumettre, ajoutez" in text and "le pays" in text
    assert "Before submitting" not in text
    mine = _page(client, "/library/cases/mine?lang=fr")
    assert "Mes cas pratiques" in mine and "Brouillon" in mine and "My practice cases" not in mine


def test_the_portfolio_and_action_plans_in_arabic(synced, client, auth):
    auth.as_role("trainee")
    portfolio = _page(client, "/portfolio/?lang=ar")
    assert "ملف تأملاتي" in portfolio and "My reflection portfolio" not in portfolio
    shared = _page(client, "/portfolio/shared?lang=ar")
    assert "تأملات شاركتها دفعتك" in shared and "Nothing shared yet." not in shared
    plans = _page(client, "/action-plans/?lang=ar")
    assert "خطط العمل المطلوب مراجعتها" in plans and "Action plans to review" not in plans
    plan = _page(client, "/action-plans/action-plan?lang=ar")
    assert "كيف يُقيَّم" in plan and "How it is assessed" not in plan


def test_the_synthesis_page_and_the_comparison_in_russian(synced, client, auth):
    auth.as_role("trainee")
    synthesis = _page(client, SYNTHESIS + "?lang=ru")
    assert "Сквозь все кейсы" in synthesis and "Across the cases" not in synthesis
    pick = _page(client, "/library/compare?lang=ru")
    assert "Сравнение тиражируемых моделей" in pick and "Compare replicable models" not in pick
    wrong = client.get("/library/compare?lang=ru&case=lesson:nowhere").get_data(as_text=True)
    assert "Выберите от 2 до 4 кейсов" in wrong and "Pick 2 to 4" not in wrong


def test_every_theme_and_organisation_type_has_its_words_and_the_english_is_unchanged():
    from course.content.case_metadata import ORG_TYPES, THEMES
    from course.web.library import wording

    assert {code: str(words) for code, words in wording.THEMES.items()} == THEMES
    assert {code: str(words) for code, words in wording.ORG_TYPES.items()} == ORG_TYPES
