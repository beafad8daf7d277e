"""A queued message made into an email: its kind's templates rendered with its data, then a multipart
plain-text + HTML message of the standard library's `email` package, with RFC 8058 unsubscribe headers."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid, parseaddr

from flask import current_app

from course.mail.kinds import kind_of

FALLBACK_DOMAIN = "cbec-academy.invalid"


@dataclass(frozen=True)
class Rendered:
    subject: str
    text: str
    html: str


def _context(kind: str, data: dict) -> dict:
    return {"site_name": "CBEC Academy", "kind_label": kind_of(kind).label, **data}


def render_subject(kind: str, data: dict) -> str:
    """The subject line alone (also the title of a notice in the notification list)."""
    template = current_app.jinja_env.get_template(f"mail/{kind_of(kind).name}.txt")
    return " ".join("".join(template.blocks["subject"](template.new_context(_context(kind, data)))).split())


def render(kind: str, data: dict) -> Rendered:
    """The subject, plain text and HTML of a message of `kind` made from `data`."""
    env = current_app.jinja_env  # .txt is not autoescaped, .html is (Flask's rule)
    subject = render_subject(kind, data)
    context = _context(kind, data) | {"subject": subject}
    text = env.get_template(f"mail/{kind}.txt").render(context)
    html = env.get_template(f"mail/{kind}.html").render(context)
    return Rendered(subject, text.strip() + "\n", html)


def when(value) -> str:
    """A date and time of a message's data (ISO text or a datetime) as people read it: 5 May 2026, 14:00 UTC."""
    if not value:
        return ""
    moment = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC)
    day = f"{moment.day} {moment:%B %Y}"
    if (moment.hour, moment.minute) == (23, 59) or (isinstance(value, str) and "T" not in value):
        return day  # a due date: the day is what counts
    return f"{day}, {moment:%H:%M} UTC" if moment.tzinfo else f"{day}, {moment:%H:%M}"


def register(app) -> None:
    app.add_template_filter(when, "when")


def new_message_id() -> str:
    """A Message-ID in the sender's domain, made when a message is queued and kept for every try."""
    domain = parseaddr(current_app.config["MAIL_FROM"])[1].rpartition("@")[2] or FALLBACK_DOMAIN
    return make_msgid(domain=domain)


def email_message(
    rendered: Rendered, *, sender: str, to: str, message_id: str, unsubscribe_url: str = ""
) -> EmailMessage:
    """The email itself: headers, a plain-text part and its HTML alternative."""
    message = EmailMessage()
    message["Subject"] = rendered.subject
    message["From"] = sender
    message["To"] = to
    message["Date"] = format_datetime(datetime.now(UTC))
    message["Message-ID"] = message_id
    message["Auto-Submitted"] = "auto-generated"  # RFC 3834: no vacation replies to a robot
    if unsubscribe_url:  # RFC 8058: a mail client may unsubscribe with one POST to this URL
        message["List-Unsubscribe"] = f"<{unsubscribe_url}>"
        message["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    message.set_content(rendered.text)
    message.add_alternative(rendered.html, subtype="html")
    return message
