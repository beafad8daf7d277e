"""Certificates as Open Badges: 3.0 verifiable credentials (signed as VC-JWT) and 2.0 hosted assertions.

Plain data in, JSON-ready dicts out; no Flask here. The recipient is named by a salted SHA-256 hash of their
email address, as both versions allow, so a badge shows nobody's address.
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass
from datetime import UTC, datetime

OB3_CONTEXT = [
    "https://www.w3.org/2018/credentials/v1",
    "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
]
OB2_CONTEXT = "https://w3id.org/openbadges/v2"
ISSUER_NAME = "CBEC Academy"


@dataclass(frozen=True)
class BadgeUrls:
    """The stable addresses a badge points to (absolute URLs of the site)."""

    site: str
    credential: str  # the certificate's verification page: the credential's id
    issuer_v3: str
    issuer_v2: str
    badge_class: str  # OB 2.0 BadgeClass of the path
    achievement: str  # OB 3.0 achievement id (the path's page)
    image: str
    assertion: str
    keys: str


@dataclass(frozen=True)
class BadgeFacts:
    code: str
    path_title: str
    path_description: str
    issued_at: datetime
    email: str
    salt: str
    revoked_at: datetime | None = None


def recipient_salt(secret: str, code: str) -> str:
    """A salt of the recipient hash that only this installation can make again for this certificate."""
    return hmac.new(secret.encode(), f"badge-salt:{code}".encode(), hashlib.sha256).hexdigest()[:16]


def identity_hash(email: str, salt: str) -> str:
    return "sha256$" + hashlib.sha256((email.strip().lower() + salt).encode()).hexdigest()


def _iso(moment: datetime) -> str:
    moment = moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)
    return moment.isoformat(timespec="seconds").replace("+00:00", "Z")


def _criteria(facts: BadgeFacts) -> str:
    return f"Completed every module of the learning path “{facts.path_title}” at {ISSUER_NAME}."


def ob3_issuer(urls: BadgeUrls) -> dict:
    return {
        "@context": OB3_CONTEXT,
        "id": urls.issuer_v3,
        "type": ["Profile"],
        "name": ISSUER_NAME,
        "url": urls.site,
    }


def ob3_credential(facts: BadgeFacts, urls: BadgeUrls) -> dict:
    """The Open Badges 3.0 credential (an OpenBadgeCredential) of a certificate."""
    return {
        "@context": OB3_CONTEXT,
        "id": urls.credential,
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": f"{facts.path_title}: certificate of completion",
        "issuer": {"id": urls.issuer_v3, "type": ["Profile"], "name": ISSUER_NAME, "url": urls.site},
        "issuanceDate": _iso(facts.issued_at),
        "credentialSubject": {
            "type": ["AchievementSubject"],
            "identifier": [
                {
                    "type": "IdentityObject",
                    "identityHash": identity_hash(facts.email, facts.salt),
                    "identityType": "emailAddress",
                    "hashed": True,
                    "salt": facts.salt,
                }
            ],
            "achievement": {
                "id": urls.achievement,
                "type": ["Achievement"],
                "achievementType": "Certificate",
                "name": facts.path_title,
                "description": facts.path_description or _criteria(facts),
                "criteria": {"narrative": _criteria(facts)},
                "image": {"id": urls.image, "type": "Image"},
            },
        },
    }


def ob3_jwt_claims(credential: dict, issued_at: datetime) -> dict:
    """The JWT claims that carry the credential (VC-JWT, as Open Badges 3.0 describes)."""
    moment = issued_at.replace(tzinfo=UTC) if issued_at.tzinfo is None else issued_at
    return {
        "vc": credential,
        "iss": credential["issuer"]["id"],
        "jti": credential["id"],
        "nbf": int(moment.timestamp()),
    }


def ob2_issuer(urls: BadgeUrls) -> dict:
    return {"@context": OB2_CONTEXT, "type": "Issuer", "id": urls.issuer_v2, "name": ISSUER_NAME, "url": urls.site}


def ob2_badge_class(path_title: str, path_description: str, urls: BadgeUrls) -> dict:
    facts = BadgeFacts("", path_title, path_description, datetime.now(UTC), "", "")
    return {
        "@context": OB2_CONTEXT,
        "type": "BadgeClass",
        "id": urls.badge_class,
        "name": path_title,
        "description": path_description or _criteria(facts),
        "image": urls.image,
        "criteria": {"id": urls.achievement, "narrative": _criteria(facts)},
        "issuer": urls.issuer_v2,
    }


def ob2_assertion(facts: BadgeFacts, urls: BadgeUrls) -> dict:
    """The hosted assertion; a revoked one says so (served with 410 Gone)."""
    if facts.revoked_at is not None:
        return {
            "@context": OB2_CONTEXT,
            "type": "Assertion",
            "id": urls.assertion,
            "revoked": True,
            "revocationReason": "Revoked by the issuer.",  # the reason an admin wrote stays private
        }
    return {
        "@context": OB2_CONTEXT,
        "type": "Assertion",
        "id": urls.assertion,
        "recipient": {
            "type": "email",
            "hashed": True,
            "salt": facts.salt,
            "identity": identity_hash(facts.email, facts.salt),
        },
        "badge": urls.badge_class,
        "verification": {"type": "hosted"},
        "issuedOn": _iso(facts.issued_at),
        "evidence": urls.credential,
    }


def badge_image(path_title: str) -> str:
    """A plain SVG badge: a ribbon circle with the issuer's name and the path's initials."""
    initials = "".join(word[0] for word in path_title.split() if word[:1].isalpha())[:3].upper() or "CBEC"
    escaped = initials.replace("&", "&amp;").replace("<", "&lt;")
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256" viewBox="0 0 256 256" role="img" '
        f'aria-label="{ISSUER_NAME} badge">'
        '<circle cx="128" cy="128" r="120" fill="#0b5cad"/><circle cx="128" cy="128" r="100" fill="#fff"/>'
        f'<text x="128" y="140" font-family="sans-serif" font-size="56" font-weight="700" text-anchor="middle" '
        f'fill="#0b5cad">{escaped}</text>'
        '<text x="128" y="190" font-family="sans-serif" font-size="18" text-anchor="middle" fill="#1d2430">'
        "CBEC Academy</text></svg>"
    )


def check_claims(claims: dict, expected_id: str) -> list[str]:
    """What is wrong with signed claims presented as the credential `expected_id` (empty: nothing)."""
    credential = claims.get("vc")
    if not isinstance(credential, dict) or "OpenBadgeCredential" not in credential.get("type", []):
        return ["it is not an Open Badges credential"]
    if credential.get("id") != expected_id or claims.get("jti") != expected_id:
        return ["it is the credential of another certificate"]
    return []
