"""The package formats `flask course export` and the staff download page offer, and who builds each."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from course.interop import imscc, interface, offline, scorm
from course.interop.model import CourseMaterial
from course.interop.package import Package


class ExportRefused(ValueError):
    """The format cannot be made of this selection (e.g. SCORM without a module)."""


@dataclass(frozen=True)
class Format:
    name: str
    label: str
    build: Callable[[CourseMaterial], Package]
    needs_module: bool = False


FORMATS = {
    f.name: f
    for f in (
        Format("imscc", "IMS Common Cartridge 1.1 (Moodle, Canvas, Open edX)", imscc.build),
        Format("scorm12", "SCORM 1.2 (one module: lessons and the graded quiz)", scorm.build, needs_module=True),
        Format(
            "offline",
            "Offline edition (a static site that opens without a server)",
            lambda material: offline.build(material, speak=interface.speaking),
        ),
    )
}


def export(name: str, material: CourseMaterial, *, module_chosen: bool) -> Package:
    """Build the package `name` of `material`; ExportRefused when the format does not fit the selection."""
    chosen = FORMATS.get(name)
    if chosen is None:
        raise ExportRefused(f"unknown format {name!r}: choose one of {', '.join(FORMATS)}")
    if chosen.needs_module and not module_chosen:
        raise ExportRefused(f"{name} packages hold one module: name it with --module SLUG")
    return chosen.build(material)
