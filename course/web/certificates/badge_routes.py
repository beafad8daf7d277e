"""Open Badges: the signed 3.0 credential of a certificate, 2.0 hosted assertions, the issuer's profiles and
public keys, and checking a credential on the verification page. The badges are built by
course/certificates/badges.py and signed by course/certificates/keyring.py."""

from __future__ import annotations

from flask import abort, current_app, jsonify, make_response, render_template, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlmodel import select

from course.certificates import badges, issuing, keyring
from course.db import get_session
from course.models import Certificate, LearningPath, User
from course.web.access import ALL_ROLES, allow
from course.web.certificates import bp
from course.web.certificates.forms import CredentialCheckForm
from course.web.certificates.routes import NOT_FOUND, readable_certificate, revoked_page

# The words for what course/certificates/keyring.py and badges.check_claims find wrong with a credential.
CREDENTIAL_FINDINGS = {
    "it was not signed with a key of this issuer": _l("it was not signed with a key of this issuer"),
    "its signature does not match its content, or it is not a signed credential": _l(
        "its signature does not match its content, or it is not a signed credential"
    ),
    "it is not an Open Badges credential": _l("it is not an Open Badges credential"),
    "it is the credential of another certificate": _l("it is the credential of another certificate"),
}


def _finding(text: str) -> str:
    return str(CREDENTIAL_FINDINGS.get(text, text))


JSON_LD = "application/ld+json"


def issuer_keyring() -> keyring.Keyring:
    return keyring.load(keyring.path_of(current_app.instance_path, current_app.config["BADGE_KEYRING"]))


def _site() -> str:
    return current_app.config["SITE_URL"] or url_for("learn.home", _external=True).rstrip("/")


def badge_urls(code: str, path_slug: str) -> badges.BadgeUrls:
    site = _site()
    return badges.BadgeUrls(
        site=site,
        credential=site + url_for("certificates.verify", code=code),
        issuer_v3=site + url_for("certificates.issuer_profile"),
        issuer_v2=site + url_for("certificates.issuer_v2"),
        badge_class=site + url_for("certificates.badge_class", slug=path_slug),
        achievement=site + url_for("learn.paths", _anchor=path_slug),
        image=site + url_for("certificates.badge_image", slug=path_slug),
        assertion=site + url_for("certificates.assertion", code=code),
        keys=site + url_for("certificates.issuer_keys"),
    )


def _facts(certificate: Certificate) -> tuple[badges.BadgeFacts, badges.BadgeUrls]:
    session = get_session()
    holder = session.get(User, certificate.user_id)
    path = session.get(LearningPath, certificate.path_id)
    facts = badges.BadgeFacts(
        certificate.code,
        certificate.path_title,
        path.description if path else "",
        certificate.issued_at,
        holder.email,
        badges.recipient_salt(current_app.config["SECRET_KEY"], certificate.code),
        certificate.revoked_at,
    )
    return facts, badge_urls(certificate.code, path.slug if path else "path")


def signed_credential(certificate: Certificate) -> str:
    """The certificate's Open Badges 3.0 credential as a VC-JWT signed with the issuer's current key."""
    facts, urls = _facts(certificate)
    claims = badges.ob3_jwt_claims(badges.ob3_credential(facts, urls), facts.issued_at)
    return keyring.sign(issuer_keyring(), claims, urls.keys)


def _json(document: dict, status: int = 200):
    response = make_response(jsonify(document), status)
    response.headers["Content-Type"] = JSON_LD
    response.headers["Access-Control-Allow-Origin"] = "*"  # badge backpacks and verifiers read these from anywhere
    return response


@bp.route("/certificates/<code>.jwt")
@allow(*ALL_ROLES)
def credential(code):
    """The signed Open Badges 3.0 credential, to keep beside the PDF or add to a wallet."""
    certificate = readable_certificate(get_session(), code)
    if certificate.revoked_at is not None:
        return revoked_page()
    response = make_response(signed_credential(certificate))
    response.headers["Content-Type"] = "application/vc+ld+json+jwt"
    response.headers["Content-Disposition"] = f'attachment; filename="certificate-{certificate.code}.jwt"'
    response.headers["Cache-Control"] = "private, no-store"
    return response


@bp.route("/badges/keys.json")
@allow("public")
def issuer_keys():
    """Every public key the issuer has signed credentials with: the current one and the rotated ones."""
    return _json(issuer_keyring().public_jwks())


@bp.route("/badges/issuer")
@allow("public")
def issuer_profile():
    return _json(badges.ob3_issuer(badge_urls("", "")))


@bp.route("/badges/v2/issuer.json")
@allow("public")
def issuer_v2():
    return _json(badges.ob2_issuer(badge_urls("", "")))


def _path_or_404(slug: str) -> LearningPath:
    path = get_session().exec(select(LearningPath).where(LearningPath.slug == slug)).first()
    return path or abort(404, _("No learning path has this name."))


@bp.route("/badges/v2/paths/<slug>.json")
@allow("public")
def badge_class(slug):
    path = _path_or_404(slug)
    return _json(badges.ob2_badge_class(path.title, path.description, badge_urls("", slug)))


@bp.route("/badges/paths/<slug>.svg")
@allow("public")
def badge_image(slug):
    response = make_response(badges.badge_image(_path_or_404(slug).title))
    response.headers["Content-Type"] = "image/svg+xml"
    return response


@bp.route("/badges/v2/assertions/<code>.json")
@allow("public")
def assertion(code):
    """The hosted Open Badges 2.0 assertion; 410 Gone with `revoked: true` once the certificate is revoked."""
    certificate = issuing.by_code(get_session(), code) or abort(404, str(NOT_FOUND) % {"code": code})
    facts, urls = _facts(certificate)
    return _json(badges.ob2_assertion(facts, urls), 410 if certificate.revoked_at else 200)


@bp.route("/verify/<code>", methods=["POST"])
@allow("public")
def check_credential(code):
    """Check a credential file against this certificate: its signature, that it is this certificate's, and
    whether the certificate was revoked. Reads only."""
    certificate = issuing.by_code(get_session(), code) or abort(404, str(NOT_FOUND) % {"code": code})
    form = CredentialCheckForm()
    verdict: dict = {}
    if not form.validate_on_submit():
        verdict["problem"] = " ".join(e for errors in form.errors.values() for e in errors) or _("The form expired.")
    elif not (text := form.credential_text()):
        verdict["problem"] = _("Choose a credential file (.jwt) or paste its text.")
    else:
        verdict = check(certificate, text)
    return render_template("certificates/verify.html", certificate=certificate, form=form, verdict=verdict), (
        400 if "problem" in verdict else 200
    )


def check(certificate: Certificate, text: str) -> dict:
    """What checking `text` against the certificate found: signed (by which key), whose, revoked."""
    try:
        claims, kid = keyring.verify(issuer_keyring(), text)
    except keyring.BadCredential as exc:
        return {"signed": False, "reason": _finding(str(exc))}
    expected = badge_urls(certificate.code, "").credential
    return {"signed": True, "kid": kid, "mismatch": [_finding(m) for m in badges.check_claims(claims, expected)]}
