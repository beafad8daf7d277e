"""MAIL_URL is read into the SMTP server's host, port, TLS and log-in, or refused with a reason."""

import pytest

from course.mail.server import MailServer, MailUrlError, read_mail_url


@pytest.mark.parametrize(
    "url, expected",
    [
        (
            "smtp://mailer:s3cret@mail.example.org:587?starttls=1",
            MailServer("mail.example.org", 587, "mailer", "s3cret", tls=False, starttls=True),
        ),
        ("smtps://mailer:s3cret@mail.example.org", MailServer("mail.example.org", 465, "mailer", "s3cret", tls=True)),
        ("smtp://relay.internal", MailServer("relay.internal", 25)),
        ("smtp://a%40b.org:p%3Ass@h:2525?timeout=5", MailServer("h", 2525, "a@b.org", "p:ss", timeout=5.0)),
    ],
)
def test_mail_urls_are_read(url, expected):
    assert read_mail_url(url) == expected


@pytest.mark.parametrize(
    "url, reason",
    [
        ("http://mail.example.org", "smtp:// or smtps://"),
        ("smtp://", "no host"),
        ("smtp://h:port", "not a number"),
        ("smtp://h?tls=1", "unknown options: tls"),
        ("smtps://h?starttls=1", "TLS already"),
        ("smtp://h?timeout=soon", "timeout"),
    ],
)
def test_bad_mail_urls_say_what_is_wrong(url, reason):
    with pytest.raises(MailUrlError, match=reason):
        read_mail_url(url)


def test_the_password_never_shows_in_a_log_line():
    assert "s3cret" not in repr(read_mail_url("smtp://u:s3cret@h"))
