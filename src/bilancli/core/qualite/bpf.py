"""The lines of the BPF (bilan pédagogique et financier, Cerfa 10443*17, the form since the
2023 financial year) a bilan provider fills, computed from what bilancli records (SPEC §7).
Every line is present, zero or not.

- Frame C, products HT by origin: the invoices issued in the year less the credit notes
  issued in the year, each on the line of its payer (a credit note on that of the invoice it
  cancels, whose payer it carries).
- Frame F, trainees and hours: a trainee is a bilan with at least one entretien held in the
  year, counted under its statut, with the hours held in the year; bilans de compétences are
  line F-3 e, the total; `distance`, the trainees of F-1 whose bilan was held wholly or
  partly at a distance (an entretien in the year by visio or telephone), which the *17 form
  asks beside them.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping

PAYER_LINES = {"employeur": "C-1", "cdc": "C-2e", "opco": "C-2h", "france-travail": "C-7",
               "beneficiaire": "C-9", "autre": "C-11"}
PRODUCT_LINES = ("C-1", "C-2e", "C-2h", "C-7", "C-9", "C-11")
STATUT_LINES = {"salarie": "F-1a", "demandeur-emploi": "F-1c", "particulier": "F-1d"}
OTHER_TRAINEES = "F-1e"   # indépendants, autres, and any statut not filled in
TRAINEE_LINES = ("F-1a", "F-1c", "F-1d", "F-1e")
BILANS_LINE = "F-3e"
DISTANCE_LINE = "distance"


def product_cents(invoices: Iterable, year: int) -> dict[str, int]:
    """Frame C in cents: every invoice and credit note issued during `year`."""
    cents = dict.fromkeys(PRODUCT_LINES, 0)
    for invoice in invoices:
        if invoice.date.year == year:
            cents[PAYER_LINES.get(invoice.payeur, "C-11")] += invoice.ht_cents
    return cents


def trainee_minutes(summaries: Iterable, minutes_held: Mapping[str, int]) -> dict[str, tuple[int, int]]:
    """Frame F-1: line → (trainees, minutes)."""
    found = {line: [0, 0] for line in TRAINEE_LINES}
    for s in summaries:
        minutes = minutes_held.get(s.id, 0)
        if minutes > 0:
            entry = found[STATUT_LINES.get(s.statut, OTHER_TRAINEES)]
            entry[0] += 1
            entry[1] += minutes
    return {line: (count, minutes) for line, (count, minutes) in found.items()}


def lines(summaries: Iterable, minutes_held: Mapping[str, int], invoices: Iterable, year: int,
          remote: Collection[str] = ()) -> dict:
    """`bpf` of `stats --json`: products in euros, trainees and hours (2 decimals); `remote`,
    the ids of the bilans with an entretien held at a distance in the year."""
    summaries = list(summaries)
    products = product_cents(invoices, year)
    trainees = trainee_minutes(summaries, minutes_held)
    view: dict = {line: cents / 100 for line, cents in products.items()}
    for line, (count, minutes) in trainees.items():
        view[line] = {"stagiaires": count, "heures": round(minutes / 60, 2)}
    view[BILANS_LINE] = {"stagiaires": sum(c for c, _ in trainees.values()),
                         "heures": round(sum(m for _, m in trainees.values()) / 60, 2)}
    view[DISTANCE_LINE] = {"stagiaires": sum(
        1 for s in summaries if minutes_held.get(s.id, 0) > 0 and s.id in remote)}
    return view
