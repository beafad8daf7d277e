"""Question banks: list, create, import (paste or upload, all or nothing), export (GIFT, Moodle XML), archive
questions."""

from io import BytesIO

from flask import abort, current_app, flash, redirect, render_template, send_file, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user

from course import audit, ownership
from course.db import get_session
from course.models import Module, Question, QuestionBank
from course.questions import QuestionFileError
from course.quizzes import authoring
from course.quizzes.banks import TooManyQuestions
from course.quizzes.setup import module_choices
from course.web.access import STAFF, allow
from course.web.choices import choices
from course.web.formatting import number
from course.web.instructor import bp
from course.web.instructor.forms import ArchiveForm, BankForm, PasteForm, UploadForm
from course.web.instructor.question_forms import TYPE_LABELS
from course.web.instructor.wording import file_problem_text, problem_text
from course.web.ownership.guard import managed_or_404, panel, question_bank, readable_or_404

INVALID = 422
SKIPPED_SHOWN = 10


def _bank(bank_id: int, *, manage: bool = True) -> QuestionBank:
    """The bank, when the current user may change it (or, `manage=False`, read it: shared banks too)."""
    bank = get_session().get(QuestionBank, bank_id) or abort(404)
    return managed_or_404(bank) if manage else readable_or_404(bank)


def _bank_form() -> BankForm:
    form = BankForm()
    form.module_id.choices = choices([("", _("No module")), *((str(i), t) for i, t in module_choices(get_session()))])
    return form


def _banks_page(form: BankForm, status: int = 200):
    banks = authoring.bank_summaries(get_session(), ownership.readable(current_user, QuestionBank))
    return render_template("instructor/banks.html", banks=banks, form=form), status


@bp.route("/banks")
@allow(*STAFF)
def banks():
    return _banks_page(_bank_form())


@bp.route("/banks", methods=["POST"])
@allow(*STAFF)
def create_bank():
    session = get_session()
    form = _bank_form()
    valid = form.validate_on_submit()
    if valid and authoring.bank_name_taken(session, form.name.data):
        form.name.errors.append(_("A bank with this name already exists."))
    elif valid:
        bank = authoring.create_bank(
            session,
            name=form.name.data,
            module_id=int(form.module_id.data) if form.module_id.data else None,
            owner_id=current_user.id,
        )
        session.commit()
        flash(_("Bank “%(name)s” created.", name=bank.name), "success")
        return redirect(url_for("instructor.bank", bank_id=bank.id))
    return _banks_page(form, INVALID)


def _bank_page(bank: QuestionBank, paste: PasteForm | None = None, upload: UploadForm | None = None, status: int = 200):
    session = get_session()
    module = session.get(Module, bank.module_id) if bank.module_id else None
    return render_template(
        "instructor/bank.html",
        bank=bank,
        module=module,
        categories=authoring.questions_by_category(session, bank),
        type_labels=TYPE_LABELS,
        paste=paste or PasteForm(formdata=None),
        upload=upload or UploadForm(formdata=None),
        archive_form=ArchiveForm(formdata=None),
        ownership=panel(bank),
    ), status


@bp.route("/banks/<int:bank_id>")
@allow(*STAFF)
def bank(bank_id):
    return _bank_page(_bank(bank_id, manage=False))


def _import(bank: QuestionBank, text: str, filename: str, file_format: str) -> list[str]:
    """Import into the bank and commit; the problems, each as `where: message`, when nothing was imported."""
    session = get_session()
    limit = current_app.config["QUESTIONS_PER_IMPORT"]
    try:
        report, skipped = authoring.import_text(
            session, bank, text, filename, file_format=file_format, limit=limit, user_id=current_user.id
        )
    except QuestionFileError as error:
        session.rollback()
        return [file_problem_text(name, line, message) for name, line, message in error.errors]
    except TooManyQuestions as error:
        session.rollback()
        return [
            _(
                "%(found)s questions found, more than the %(limit)s that one import may hold; "
                "split them into smaller files. Nothing was imported.",
                found=number(error.found, 0),
                limit=number(error.limit, 0),
            )
        ]
    session.commit()
    flash(
        _(
            "Imported into “%(bank)s”: %(new)s new, %(revised)s revised, %(unchanged)s unchanged.",
            bank=bank.name,
            new=len(report.created),
            revised=len(report.revised),
            unchanged=report.unchanged,
        ),
        "success",
    )
    if skipped:
        flash(_skipped_message(skipped), "info")
    return []


def _skipped_message(skipped: list) -> str:
    """The questions left out of an import, at most ten by line."""
    shown = "; ".join(
        _("line %(line)s: %(message)s", line=line, message=problem_text(message))
        for _name, line, message in skipped[:SKIPPED_SHOWN]
    )
    if len(skipped) > SKIPPED_SHOWN:
        shown = _("%(list)s; and %(count)s more", list=shown, count=len(skipped) - SKIPPED_SHOWN)
    return ngettext(
        "%(num)d question(s) skipped, of types or with content this platform cannot hold: %(list)s.",
        "%(num)d question(s) skipped, of types or with content this platform cannot hold: %(list)s.",
        len(skipped),
        list=shown,
    )


@bp.route("/banks/<int:bank_id>/paste", methods=["POST"])
@allow(*STAFF)
def paste_gift(bank_id):
    bank = _bank(bank_id)
    form = PasteForm()
    if form.validate_on_submit():
        # Pasted text has no file name: problems read "line: message".
        form.gift.errors += _import(bank, form.gift.data, "", "gift")
        if not form.gift.errors:
            return redirect(url_for("instructor.bank", bank_id=bank.id))
    return _bank_page(bank, paste=form, status=INVALID)


@bp.route("/banks/<int:bank_id>/upload", methods=["POST"])
@allow(*STAFF)
def upload_questions(bank_id):
    bank = _bank(bank_id)
    form = UploadForm()
    if form.validate_on_submit():
        upload = form.question_file.data
        try:
            text = upload.read().decode("utf-8-sig")
        except UnicodeDecodeError:
            form.question_file.errors.append(
                _("%(file)s: the file is not UTF-8 text; nothing was imported.", file=upload.filename)
            )
        else:
            form.question_file.errors += _import(bank, text, upload.filename or "upload", form.file_format.data)
        if not form.question_file.errors:
            return redirect(url_for("instructor.bank", bank_id=bank.id))
    return _bank_page(bank, upload=form, status=INVALID)


@bp.route("/banks/<int:bank_id>/export.gift")
@allow(*STAFF)
def download_gift(bank_id):
    return _download(_bank(bank_id, manage=False), "gift", "text/plain")


@bp.route("/banks/<int:bank_id>/export.xml")
@allow(*STAFF)
def download_xml(bank_id):
    return _download(_bank(bank_id, manage=False), "xml", "application/xml")


def _download(bank: QuestionBank, file_format: str, mimetype: str):
    """The bank as a file; Werkzeug adds `; charset=utf-8` to a text type itself."""
    data = authoring.export_file(get_session(), bank, file_format).encode("utf-8")
    return send_file(BytesIO(data), mimetype=mimetype, as_attachment=True, download_name=f"{bank.name}.{file_format}")


@bp.route("/questions/<int:question_id>/archive", methods=["POST"])
@allow(*STAFF)
def archive_question(question_id):
    session = get_session()
    question, _bank = question_bank(session.get(Question, question_id), manage=True)
    form = ArchiveForm()
    if not form.validate_on_submit():
        abort(400)
    archived = form.archive.data == "1"
    if question.archived != archived:
        action = "question.archive" if archived else "question.restore"
        audit.record(session, current_user, action, question, {"archived": question.archived}, {"archived": archived})
    authoring.set_archived(question, archived)
    session.commit()
    flash(
        _("“%(name)s” is archived.", name=question.name)
        if question.archived
        else _("“%(name)s” is back in use.", name=question.name),
        "success",
    )
    return redirect(url_for("instructor.bank", bank_id=question.bank_id))
