"""Where mail goes: MAIL_URL read into host, port, TLS and login. Pure: no Flask, no database.

    smtp://user:password@host:587?starttls=1   plain SMTP, upgraded with STARTTLS
    smtps://user:password@host:465             SMTP over TLS from the first byte
    smtp://host:25                             plain SMTP (a relay on the same machine or network)

The user and password are percent-decoded (write @ as %40); `timeout=SECONDS` sets how long a connection
or a command may take.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import parse_qs, unquote, urlsplit

DEFAULT_PORTS = {"smtp": 25, "smtps": 465}
DEFAULT_TIMEOUT = 30.0
TRUE = ("1", "true", "yes", "on")


class MailUrlError(ValueError):
    """MAIL_URL cannot be read; the message says why."""


@dataclass(frozen=True)
class MailServer:
    host: str
    port: int
    username: str = ""
    password: str = ""
    tls: bool = False  # TLS from the start (smtps)
    starttls: bool = False
    timeout: float = DEFAULT_TIMEOUT

    def __repr__(self) -> str:  # never print the password into a log
        scheme = "smtps" if self.tls else "smtp"
        login = f"{self.username}:***@" if self.username else ""
        return f"MailServer({scheme}://{login}{self.host}:{self.port}, starttls={self.starttls})"


def read_mail_url(url: str) -> MailServer:
    """The server MAIL_URL names, or MailUrlError saying what is wrong with it."""
    parts = urlsplit(url.strip())
    if parts.scheme not in DEFAULT_PORTS:
        raise MailUrlError(f"MAIL_URL must start with smtp:// or smtps://, not {parts.scheme or 'nothing'}://")
    if not parts.hostname:
        raise MailUrlError("MAIL_URL names no host (smtp://user:password@host:587?starttls=1)")
    try:
        port = parts.port or DEFAULT_PORTS[parts.scheme]
    except ValueError as error:
        raise MailUrlError(f"MAIL_URL has a port that is not a number: {error}") from None
    options = {name: values[-1] for name, values in parse_qs(parts.query).items()}
    unknown = set(options) - {"starttls", "timeout"}
    if unknown:
        raise MailUrlError(f"MAIL_URL has unknown options: {', '.join(sorted(unknown))} (known: starttls, timeout)")
    starttls = options.get("starttls", "0").lower() in TRUE
    if starttls and parts.scheme == "smtps":
        raise MailUrlError("MAIL_URL: smtps:// is TLS already; starttls=1 is for smtp://")
    try:
        timeout = float(options.get("timeout", DEFAULT_TIMEOUT))
    except ValueError:
        raise MailUrlError("MAIL_URL: timeout must be a number of seconds") from None
    return MailServer(
        host=parts.hostname,
        port=port,
        username=unquote(parts.username or ""),
        password=unquote(parts.password or ""),
        tls=parts.scheme == "smtps",
        starttls=starttls,
        timeout=timeout,
    )
