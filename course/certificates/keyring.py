"""The issuer's signing keys for Open Badges 3.0 credentials: kept in the instance folder, rotatable.

The keyring is one JSON file (instance/badge-keys.json, or CBEC_BADGE_KEYRING) readable by the app's user
only. Its last key signs; rotating adds a new key and drops the private half of the old ones, whose public
halves stay published (/badges/keys.json) so that credentials signed before still verify. No Flask here.
"""

from __future__ import annotations

import base64
import json
import os
import warnings
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from joserfc import jwt
from joserfc.errors import JoseError
from joserfc.jwk import KeySet, OKPKey

# "EdDSA" is the name verifiers of VC-JWT credentials know for Ed25519 signatures; RFC 9864 renames it
# "Ed25519", which joserfc announces with a SecurityWarning. The signature is the same.
ALGORITHM = "EdDSA"
CURVE = "Ed25519"


class BadCredential(ValueError):
    """A credential that is not a JWS this issuer signed."""


@dataclass(frozen=True)
class Keyring:
    keys: tuple[dict, ...]  # {"kid", "created", "jwk"} oldest first; only the last one's jwk is private

    @property
    def current(self) -> dict:
        return self.keys[-1]

    def public_jwks(self) -> dict:
        """Every key's public half, as a JSON Web Key Set (what /badges/keys.json publishes)."""
        return {"keys": [_public(entry) for entry in self.keys]}


def path_of(instance_path: str | Path, configured: str | None = None) -> Path:
    return Path(configured) if configured else Path(instance_path) / "badge-keys.json"


def load(path: Path) -> Keyring:
    """The keyring at `path`, made with a first key if there is none yet (as instance/secret_key is)."""
    if not path.exists():
        _write_new(path, Keyring(()), exclusive=True)
    entries = json.loads(path.read_text())["keys"]
    return Keyring(tuple(entries))


def rotate(path: Path) -> Keyring:
    """Add a new signing key; older keys keep only their public half."""
    old = load(path) if path.exists() else Keyring(())
    retired = tuple({**e, "jwk": _public(e)} for e in old.keys)
    return _write_new(path, Keyring(retired), exclusive=False)


def _write_new(path: Path, keyring: Keyring, *, exclusive: bool) -> Keyring:
    key = OKPKey.generate_key(CURVE)
    entry = {"kid": key.thumbprint(), "created": datetime.now(UTC).isoformat(timespec="seconds")}
    entry["jwk"] = key.as_dict(private=True) | {"kid": entry["kid"]}
    result = Keyring((*keyring.keys, entry))
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as handle:
        json.dump({"keys": list(result.keys)}, handle, indent=1)
    if exclusive:
        try:
            os.link(temporary, path)  # fails when another worker made the keyring first
        except FileExistsError:
            pass
        os.unlink(temporary)
    else:
        os.replace(temporary, path)
    return result


def _public(entry: dict) -> dict:
    jwk = {k: v for k, v in entry["jwk"].items() if k != "d"}
    return jwk | {"kid": entry["kid"], "use": "sig", "alg": ALGORITHM}


def sign(keyring: Keyring, claims: dict, keys_url: str) -> str:
    """A compact JWS (VC-JWT) of `claims`, signed with the current key: its `kid` names the key in the key set
    published at `keys_url` (the `jku` header)."""
    entry = keyring.current
    header = {"alg": ALGORITHM, "typ": "JWT", "kid": entry["kid"], "jku": keys_url}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", category=Warning)  # the EdDSA name: see ALGORITHM
        return jwt.encode(header, claims, OKPKey.import_key(entry["jwk"]), algorithms=[ALGORITHM])


def verify(keyring: Keyring, token: str) -> tuple[dict, str]:
    """The claims of a JWS signed by one of the keyring's keys, and that key's id; BadCredential otherwise."""
    token = "".join(token.split())
    keys = KeySet([OKPKey.import_key(_public(entry)) for entry in keyring.keys])
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", category=Warning)
            header = _header(token)
            kid = str(header.get("kid", ""))
            if header.get("alg") != ALGORITHM or kid not in {e["kid"] for e in keyring.keys}:
                raise BadCredential("it was not signed with a key of this issuer")
            decoded = jwt.decode(token, keys.get_by_kid(kid), algorithms=[ALGORITHM])
    except (JoseError, ValueError, KeyError) as exc:
        if isinstance(exc, BadCredential):
            raise
        raise BadCredential("its signature does not match its content, or it is not a signed credential") from None
    return dict(decoded.claims), kid


def _header(token: str) -> dict:
    head = token.split(".")[0]
    return json.loads(base64.urlsafe_b64decode(head + "=" * (-len(head) % 4)))
