"""Take the course anywhere: Common Cartridge, SCORM 1.2 and offline packages built from the stored curriculum."""
