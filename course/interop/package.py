"""A built package: its file name, bytes and media type, and notes for the person who made it."""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field

# Fixed times keep a rebuild of the same content byte-for-byte the same.
ZIP_TIME = (2024, 1, 1, 0, 0, 0)


@dataclass(frozen=True)
class Package:
    filename: str
    data: bytes
    media_type: str = "application/zip"
    notes: tuple[str, ...] = field(default_factory=tuple)


def zip_files(files: dict[str, bytes | str]) -> bytes:
    """A zip of these files (path -> content), in the order given."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for path, content in files.items():
            info = zipfile.ZipInfo(path, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, content.encode("utf-8") if isinstance(content, str) else content)
    return buffer.getvalue()
