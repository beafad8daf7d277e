"""The account, notification, outbox and certificate pages in French and Arabic (the header's admin links, which
name the outbox and the settings, are not these pages' own words)."""

import pytest

PAGES = {
    "fr": [
        (None, "/forgot-password", "Mot de passe oublié ?", "Forgot your password?"),
        (None, "/login", "Créez un compte", "Create an account"),
        ("trainee", "/notifications", "Rien pour l'instant.", "Nothing yet."),
        ("trainee", "/account", "M'envoyer un e-mail quand", "Email me when"),
        ("trainee", "/certificates", "Mes certificats", "My certificates"),
        ("admin", "/admin/mail", "aucun e-mail ne quitte ce serveur", "no email leaves this server"),
        ("admin", "/admin/settings", "La lecture est désormais", "Reading is now"),
    ],
    "ar": [
        (None, "/forgot-password", "نسيت كلمة المرور؟", "Forgot your password?"),
        ("trainee", "/notifications", "لا شيء بعد.", "Nothing yet."),
        ("trainee", "/account", "راسلني بالبريد الإلكتروني عندما", "Email me when"),
        ("admin", "/admin/mail", "لا تخرج أي رسالة بريد إلكتروني", "no email leaves this server"),
    ],
}


@pytest.mark.parametrize("language", sorted(PAGES))
def test_the_pages_speak_the_reader_language(client, synced, auth, language):
    signed_in = None
    for role, url, translated, english in PAGES[language]:
        if role != signed_in:
            if signed_in:
                auth.logout()
            if role:
                auth.as_role(role)
            signed_in = role
        page = client.get(f"{url}?lang={language}").get_data(as_text=True)
        assert translated in page, (url, translated)
        assert english not in page, (url, english)
