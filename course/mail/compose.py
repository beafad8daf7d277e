"""A queued message made into an email: its kind's templates rendered with its data, then a multipart
plain-text + HTML message of the standard library's `email` package, with RFC 8058 unsubscribe headers.

A message is written in its recipient's language, `data["language"]` (a Babel locale, set when it was queued:
`recipient_language`), whoever caused it and whenever it is sent (a request, the background sender, a command)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid, parseaddr

from babel import dates as babel_dates
from flask import current_app, has_request_context
from flask_babel import force_locale, get_locale
from flask_babel import gettext as _

from course.languages import known_locale
from course.mail.kinds import kind_of

FALLBACK_DOMAIN = "cbec-academy.invalid"


@dataclass(frozen=True)
class Rendered:
    subject: str
    text: str
    html: str


def recipient_language(user, *, asked_here: bool = False) -> str:
    """The language of a message to `user`: the one they chose; else, when they asked for the message in this
    request themselves (their registration's confirmation, a password reset), the language of the request; else
    the site's default."""
    if known_locale(getattr(user, "language", "")):
        return user.language
    if asked_here and has_request_context() and get_locale() is not None:
        return str(get_locale())
    return current_app.config["BABEL_DEFAULT_LOCALE"]


def language_of(data: dict) -> str:
    """The language a queued message is written in (messages queued before languages: the site's default)."""
    return known_locale(data.get("language")) or current_app.config["BABEL_DEFAULT_LOCALE"]


def _context(kind: str, data: dict) -> dict:
    return {"site_name": "CBEC Academy", "kind_label": _(kind_of(kind).label), **data}


def render_subject(kind: str, data: dict) -> str:
    """The subject line alone (also the title of a notice in the notification list), in the message's language."""
    with force_locale(language_of(data)):
        template = current_app.jinja_env.get_template(f"mail/{kind_of(kind).name}.txt")
        return " ".join("".join(template.blocks["subject"](template.new_context(_context(kind, data)))).split())


def render(kind: str, data: dict) -> Rendered:
    """The subject, plain text and HTML of a message of `kind` made from `data`, in the message's language."""
    env = current_app.jinja_env  # .txt is not autoescaped, .html is (Flask's rule)
    with force_locale(language_of(data)):
        subject = render_subject(kind, data)
        context = _context(kind, data) | {"subject": subject}
        text = env.get_template(f"mail/{kind}.txt").render(context)
        html = env.get_template(f"mail/{kind}.html").render(context)
    return Rendered(subject, text.strip() + "\n", html)


def when(value) -> str:
    """A date and time of a message's data (ISO text or a datetime) as its reader's language writes them:
    5 May 2026, 14:00 UTC / 5 mai 2026, 14:00 UTC / 2026年5月5日 14:00 UTC."""
    if not value:
        return ""
    moment = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC)
    locale = get_locale()
    locale = "en_GB" if locale is None or str(locale) == "en" else locale  # English the British way, as the site
    day = babel_dates.format_date(moment.date(), "long", locale=locale)
    if (moment.hour, moment.minute) == (23, 59) or (isinstance(value, str) and "T" not in value):
        return day  # a due date: the day is what counts
    clock = f"{moment:%H:%M}"
    text = babel_dates.get_datetime_format("medium", locale=locale).replace("{1}", day).replace("{0}", clock)
    return f"{text} UTC" if moment.tzinfo else text


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
