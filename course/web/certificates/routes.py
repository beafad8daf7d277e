"""Certificate pages. Views stay thin: the work is in course.certificates."""

from flask import abort, flash, make_response, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from flask_wtf import FlaskForm

from course import audit, ownership
from course.certificates import issuing
from course.certificates.codes import normalise
from course.certificates.pdf import CertificateText, CertificateWords, certificate_pdf, installed_fonts
from course.db import get_session
from course.models import Certificate
from course.web.access import ALL_ROLES, allow
from course.web.certificates import bp
from course.web.certificates.award import award_certificates
from course.web.certificates.forms import CredentialCheckForm, RevokeForm
from course.web.formatting import date_long
from course.web.language.selection import current_language
from course.web.pagination import requested_page

PAGE_SIZE = 50
NOT_FOUND = _l(
    "No certificate has the code %(code)s. Check the code printed on the certificate "
    "(letters and digits in three groups of four) and try again."
)


@bp.route("/certificates")
@allow(*ALL_ROLES)
def mine():
    session = get_session()
    return render_template(
        "certificates/mine.html",
        certificates=issuing.held_by(session, current_user.id),
        due=issuing.due_paths(session, current_user.id),
        form=FlaskForm(),
    )


@bp.route("/certificates/claim", methods=["POST"])
@allow(*ALL_ROLES)
def claim():
    """Issue the certificates of paths completed before an action could issue them (e.g. a path followed later)."""
    session = get_session()
    if not FlaskForm().validate_on_submit():
        abort(400)
    award_certificates(session, current_user.id)
    session.commit()
    return redirect(url_for("certificates.mine"))


@bp.route("/certificates/<code>.pdf")
@allow(*ALL_ROLES)
def pdf(code):
    certificate = readable_certificate(get_session(), code)
    if certificate.revoked_at is not None:
        return revoked_page()
    verify_url = url_for("certificates.verify", code=certificate.code, _external=True)
    text = CertificateText(
        certificate.holder_name,
        certificate.path_title,
        certificate.issued_at.date(),
        certificate.code,
        verify_url,
        _certificate_words(certificate, verify_url),
    )
    response = make_response(certificate_pdf(text, installed_fonts()))
    response.headers["Content-Type"] = "application/pdf"
    response.headers["Content-Disposition"] = f'inline; filename="certificate-{certificate.code}.pdf"'
    response.headers["Cache-Control"] = "private, no-store"
    return response


def readable_certificate(session, code: str) -> Certificate:
    """The certificate with this code if the user may download it, else 404: its holder, an admin, or an
    instructor of a cohort the holder belongs to (course/ownership.py)."""
    certificate = issuing.by_code(session, code)
    if certificate is None or (
        certificate.user_id != current_user.id and not ownership.teaches(session, current_user, certificate.user_id)
    ):
        abort(404, _("There is no certificate of yours with this code."))
    return certificate


def revoked_page():
    return render_template(
        "error.html",
        code=410,
        title=_("Certificate revoked"),
        message=_("This certificate was revoked and can no longer be downloaded."),
    ), 410


def _certificate_words(certificate, verify_url: str) -> CertificateWords:
    """The certificate's fixed words in the reader's language. Arabic needs text shaping the PDF library does not
    do here (right to left, joined letters), so an Arabic reader's certificate is printed in English."""
    if current_language().direction == "rtl":
        return CertificateWords()
    return CertificateWords(
        brand=_("CBEC Academy"),
        title=_("Certificate of completion"),
        certifies=_("This certifies that"),
        completed=_("has completed the learning path"),
        issued=_("Issued on %(date)s", date=date_long(certificate.issued_at)),
        code=_("Verification code: %(code)s", code=certificate.code),
        check=_("Check that this certificate is genuine at %(url)s", url=verify_url),
        qr=_("QR code of the verification page"),
    )


@bp.route("/verify")
@allow("public")
def verify_lookup():
    typed = request.args.get("code", "").strip()
    if typed:
        return redirect(url_for("certificates.verify", code=normalise(typed) or typed))
    return render_template("certificates/lookup.html")


@bp.route("/verify/<code>")
@allow("public")
def verify(code):
    certificate = issuing.by_code(get_session(), code)
    if certificate is None:
        abort(404, str(NOT_FOUND) % {"code": code})
    form = CredentialCheckForm()
    response = make_response(render_template("certificates/verify.html", certificate=certificate, form=form))
    response.headers["X-Robots-Tag"] = "noindex"  # holders' names are not for search engines
    return response


@bp.route("/certificates/admin")
@allow("admin")
def admin_list():
    session = get_session()
    page = requested_page(PAGE_SIZE, issuing.certificate_count(session))
    rows = issuing.all_certificates(session, offset=page.start, limit=page.size)
    forms = {c.id: RevokeForm(prefix=f"certificate-{c.id}", formdata=None) for c in rows if c.revoked_at is None}
    return render_template("certificates/admin.html", certificates=rows, forms=forms, page=page)


@bp.route("/certificates/<code>/revoke", methods=["POST"])
@allow("admin")
def revoke(code):
    session = get_session()
    certificate: Certificate = issuing.by_code(session, code) or abort(404)
    form = RevokeForm(prefix=f"certificate-{certificate.id}")
    if not form.validate_on_submit():
        flash(
            _("Not revoked: %(why)s", why=" ".join(map(str, form.reason.errors)) or _("the form expired, try again.")),
            "error",
        )
    elif issuing.revoke(certificate, reason=form.reason.data):
        audit.record(
            session,
            current_user,
            "certificate.revoke",
            certificate,
            {"revoked_at": None},
            audit.snapshot(certificate, ("revoked_at", "revoked_reason")),
        )
        session.commit()
        flash(
            _("Certificate %(code)s of %(name)s is revoked.", code=certificate.code, name=certificate.holder_name),
            "success",
        )
    else:
        flash(_("Certificate %(code)s was already revoked.", code=certificate.code), "info")
    return redirect(url_for("certificates.admin_list", page=request.args.get("page", 1, type=int)))
