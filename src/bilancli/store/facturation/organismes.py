"""Reading the cabinet's directory of organismes (written through the generic row changes)."""

from __future__ import annotations

from bilancli.core.model import Organisme


def directory(conn) -> list[Organisme]:
    """Every registered organisme, by name as compared (accents and case ignored)."""
    return [Organisme(*row) for row in conn.execute(
        "SELECT nom, adresse, siret, type, email, telephone FROM organismes ORDER BY cle")]
