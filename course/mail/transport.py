"""How a sender hands messages on: to the SMTP server of MAIL_URL, or, without one, to the server log.

A transport is opened for a batch of messages (one SMTP connection for all of them) and closed after it.
"""

from __future__ import annotations

import logging
import smtplib
import ssl
from email.message import EmailMessage

from course.mail.server import MailServer, read_mail_url

log = logging.getLogger("course.mail")

# What a failed try raises: the server refused (4xx/5xx), dropped the connection or could not be reached.
SEND_ERRORS = (smtplib.SMTPException, OSError)


def connection_lost(error: BaseException) -> bool:
    """After this error the connection is gone and the batch's other messages wait for the next try; after a
    refusal of one message (an SMTPException, which is also an OSError) the server takes the next one."""
    return isinstance(error, smtplib.SMTPServerDisconnected) or not isinstance(error, smtplib.SMTPException)


class SmtpTransport:
    """One SMTP connection (TLS or STARTTLS and log-in as MAIL_URL says) for a batch of messages."""

    name = "smtp"
    blanks_secrets = True  # once the server has a message, the outbox row need not keep its one-time link

    def __init__(self, server: MailServer):
        self.server = server
        self._smtp: smtplib.SMTP | None = None

    def __enter__(self) -> SmtpTransport:
        server, context = self.server, ssl.create_default_context()
        if server.tls:
            smtp = smtplib.SMTP_SSL(server.host, server.port, timeout=server.timeout, context=context)
        else:
            smtp = smtplib.SMTP(server.host, server.port, timeout=server.timeout)
        try:
            smtp.ehlo()
            if server.starttls:
                smtp.starttls(context=context)
                smtp.ehlo()
            if server.username:
                smtp.login(server.username, server.password)
        except BaseException:
            smtp.close()
            raise
        self._smtp = smtp
        return self

    def send(self, message: EmailMessage) -> None:
        self._smtp.send_message(message)

    def __exit__(self, *_exc) -> None:
        smtp, self._smtp = self._smtp, None
        try:
            smtp.quit()
        except SEND_ERRORS:
            smtp.close()


class LogTransport:
    """No MAIL_URL: each message is written to the server log (and stays readable on /admin/mail)."""

    name = "log"
    blanks_secrets = False  # the admin page is where these messages are read: keep their links

    def __enter__(self) -> LogTransport:
        return self

    def send(self, message: EmailMessage) -> None:
        text = message.get_body(("plain",)).get_content()
        log.warning(
            "Email not sent (MAIL_URL is not set): To: %s | Subject: %s\n%s", message["To"], message["Subject"], text
        )

    def __exit__(self, *_exc) -> None:
        return None


def transport_for(config) -> SmtpTransport | LogTransport:
    """The transport the app's settings ask for."""
    return SmtpTransport(read_mail_url(config["MAIL_URL"])) if config.get("MAIL_URL") else LogTransport()
