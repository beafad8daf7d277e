"""The languages of the interface and of the course content: plain data, no Flask."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Language:
    """One language: its Babel locale (catalogue folder), BCP 47 tag (`<html lang>`), content-file code, own name."""

    locale: str
    tag: str
    content: str
    name: str
    direction: str = "ltr"


# English is the source language; the other five UN languages follow in the order the UN lists them.
LANGUAGES: tuple[Language, ...] = (
    Language("en", "en", "en", "English"),
    Language("ar", "ar", "ar", "العربية", "rtl"),
    Language("zh_Hans", "zh-Hans", "zh", "中文（简体）"),
    Language("fr", "fr", "fr", "Français"),
    Language("ru", "ru", "ru", "Русский"),
    Language("es", "es", "es", "Español"),
)
SOURCE = LANGUAGES[0]
BY_LOCALE = {language.locale: language for language in LANGUAGES}
BY_CONTENT = {language.content: language for language in LANGUAGES}
LOCALES = tuple(BY_LOCALE)
TRANSLATED_CONTENT = tuple(language.content for language in LANGUAGES if language is not SOURCE)


def language_of(locale: str | None) -> Language:
    """The language of a locale code (`zh_Hans`, `zh-Hans`, `fr_FR`, `zh`…), English when unknown."""
    return (match(locale) if locale else None) or SOURCE


def known_locale(code: str | None) -> str:
    """`code` when it names one of the interface's languages exactly, else ''."""
    return code if code in BY_LOCALE else ""


def match(tag: str) -> Language | None:
    """The interface language a browser's language tag asks for (`fr-CA` → French, `zh-CN` → Chinese), or None."""
    code = tag.replace("-", "_")
    if code in BY_LOCALE:
        return BY_LOCALE[code]
    first = code.split("_")[0].lower()
    if first == "zh":
        return BY_LOCALE["zh_Hans"]
    return BY_CONTENT.get(first)


def best_match(accepted: list[tuple[str, float]]) -> Language | None:
    """The first interface language among a browser's (tag, quality) list, best quality first; None when none is."""
    for tag, quality in sorted(accepted, key=lambda pair: -pair[1]):
        found = match(tag) if quality > 0 else None
        if found is not None:
            return found
    return None
