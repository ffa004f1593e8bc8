"""A bilan walked through its phases with the commands a consultant types (BILAN_TODAY 2026-03-02)."""

from __future__ import annotations


def ready_to_leave_preliminaire(bilan, *extra, financement="cpf"):
    """Opened and consented on 1 March, framed; only an entretien is missing."""
    bid = bilan.new("--financement", financement, "--format", "mixte", "--date", "2026-03-01", *extra)
    bilan("consent", bid, "bilan", "--date", "2026-03-01")
    for field in ("demande", "besoins", "modalites"):
        bilan("set", bid, field, f"texte {field}")
    return bid


def ready_to_leave_investigation(bilan, project_field="projet"):
    """In investigation with every gate held: competences and `project_field` (projet or
    plan_b) filled, an entretien held in each phase."""
    bid = ready_to_leave_preliminaire(bilan)
    bilan("entretien", "add", bid, "--date", "2026-03-02", "--duree", "2h")
    bilan("phase", "advance", bid)
    for field in ("competences", project_field):
        bilan("set", bid, field, f"texte {field}")
    bilan("entretien", "add", bid, "--date", "2026-03-02", "--duree", "2h")
    return bid
