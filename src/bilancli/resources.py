"""Where the packaged templates are, in a wheel and in a source checkout alike."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def packaged_templates() -> Path:
    """`bilancli/templates` inside an installed wheel; the top-level `templates/` otherwise."""
    inside = _PACKAGE / "templates"
    if inside.is_dir():
        return inside
    return _PACKAGE.parent.parent / "templates"
