"""What `bilan reclamation show|list` print: one réclamation with its texts, the register without."""

from __future__ import annotations

from bilancli import messages as msg
from bilancli.cli import base, display
from bilancli.cli.display import (
    Fields,
    Line,
    Paragraph,
    Table,
    draw,
    screenful,
)
from bilancli.core.dates import format_date, format_iso, parse_year
from bilancli.core.qualite import complaints as rules
from bilancli.store.facturation import ledger


def show_complaint(numero: str, as_json: bool) -> None:
    wanted = rules.parse_number(numero)
    with base.reading() as store:
        complaint = ledger.load_complaint(store.conn, wanted)
    view = rules.detail(complaint)
    if as_json:
        base.print_json(view)
        return

    gone = msg.TEXTE_DETRUIT.format(date=format_iso(view["textes_detruits_le"]))

    def text(value):
        return value if value is not None else (gone if view["textes_detruits_le"] else "—")

    blocks = [Fields(f"Réclamation {view['numero']}", [
        ("Reçue le", format_iso(view["date"])),
        ("Bilan", view["bilan"] or "—"),
        ("Origine", msg.ORIGINE_LABELS.get(view["origine"], view["origine"])),
        ("Canal", msg.CANAL_LABELS.get(view["canal"], view["canal"])),
        ("Réponse attendue le", format_iso(view["echeance"])),
        ("Statut", msg.RECLAMATION_STATUTS[view["statut"]]),
        ("Répondue le", format_iso(view["repondue_le"]) or "—"),
        ("Close le", format_iso(view["close_le"]) or "—"),
    ])]
    for title, value in (("Objet", view["objet"]), ("Réponse", view["reponse"]),
                         ("Action corrective", view["action"])):
        blocks += [Line(title, "bold"), Paragraph(text(value), indent=2)]
    draw(*blocks)


def show_register(annee: str | None, as_json: bool, everything: bool = False) -> None:
    year = parse_year(annee) if annee is not None else None
    today = base.today()
    with base.reading() as store:
        found = ledger.load_complaints(store.conn, year)
    rows = [rules.register_row(c) for c in found]
    if as_json:
        base.print_json(rows)
        return
    if not rows:
        base.say(msg.AUCUNE_RECLAMATION)
        return

    late = [rules.answer_late(c, today) for c in found]
    if not everything and len(rows) > display.SCREENFUL:
        # Beyond a screenful, what calls for an answer first: late, then open; stable.
        order = sorted(range(len(rows)), key=lambda n: (not late[n], rows[n]["statut"] != "ouverte"))
        rows, found, late = [rows[n] for n in order], [found[n] for n in order], [late[n] for n in order]
    title = msg.RECLAMATIONS_TITRE if year is None else msg.RECLAMATIONS_TITRE_ANNEE.format(annee=year)
    table = Table(title, ("Numéro", "Reçue le", "Bilan", "Origine", "Canal", "Réponse due",
                       "Répondue le", "Close le", "Statut"), [
        (r["numero"], format_iso(r["date"]), r["bilan"] or "—",
         msg.ORIGINE_LABELS.get(r["origine"], r["origine"]),
         msg.CANAL_LABELS.get(r["canal"], r["canal"]), format_date(c.echeance),
         format_iso(r["repondue_le"]), format_iso(r["close_le"]),
         msg.RECLAMATION_STATUTS[r["statut"]] + (f" ({msg.EN_RETARD})" if is_late else ""))
        for r, c, is_late in zip(rows, found, late)],
        styles=["bold red" if is_late else "" for is_late in late],
        optional=(3, 4, 6))   # in 80 columns: the origin, the channel, the day answered
    statuts = [msg.RECLAMATION_STATUTS[r["statut"]] for r in rows]
    draw(*screenful(table, statuts, everything, msg.RECLAMATIONS_RESUME.format(nombre=len(rows)),
                    "Statut"))
