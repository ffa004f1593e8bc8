"""Build a realistic store of N bilans through the project's own store layer.

    python benchmarks/seed.py --home DIR --bilans 10000 [--due 1000] [--today 2026-11-27]

Ten years of a cabinet: a mix of phases and financings, every content field
a paragraph of French, about eight entretiens per bilan with notes, a 50 KiB
document on one bilan in ten, syntheses rendered for ended ones, and for every
open bilan its week: the rendez-vous of the last days held, the next ones planned
(one in ten cancelled), never two at once. Bilans whose
retention ended before `--today` are stored already purged, as a consultant
who runs `bilan purge` regularly would have them, except `--due` of them left
for the purge benchmark.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from datetime import date, datetime, timedelta
from datetime import time as clock
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from bilancli.core import changes as ch  # noqa: E402
from bilancli.core.dossier.fields import CONTENT_FIELDS  # noqa: E402
from bilancli.store.db import Store  # noqa: E402

SENTENCES = (
    "Après quinze années dans la logistique, la bénéficiaire souhaite donner un nouveau sens à son parcours.",
    "Les entretiens ont mis en évidence un goût marqué pour la transmission et l'accompagnement des équipes.",
    "Les tests d'intérêts professionnels confirment une orientation vers les métiers du conseil et de la formation.",
    "Le projet principal vise un poste de formateur pour adultes dans un organisme du Vaucluse.",
    "Un scénario alternatif consiste à évoluer vers la coordination de parcours d'insertion.",
    "Les compétences transférables identifiées sont l'organisation, la gestion des priorités et la pédagogie.",
    "Une enquête métier auprès de deux professionnels a permis de vérifier la réalité du terrain.",
    "La formation envisagée est le titre professionnel de formateur professionnel d'adultes, finançable par le CPF.",
    "Les conditions de réussite tiennent à la disponibilité familiale et à un budget de transition maîtrisé.",
    "Les étapes clés prévoient une immersion professionnelle au printemps puis l'entrée en formation à l'automne.",
    "Le bénéficiaire exprime une motivation forte pour un environnement de travail plus autonome.",
    "L'analyse du marché local montre des besoins réguliers dans les métiers de l'accompagnement.",
)
STATUTS = ("salarie", "salarie", "salarie", "demandeur-emploi", "particulier", "independant", "autre")
FINANCEMENTS = ("cpf", "cpf", "cpf", "cpf", "plan", "reclassement", "personnel", "france-travail")
MODALITES = ("presentiel", "visio", "telephone")
# The consultant's day: rendez-vous of 1h30 at most, one after the other, on working days.
SLOTS = (clock(9), clock(10, 30), clock(14), clock(15, 30), clock(17))
NOMS = ("Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau")
PRENOMS = ("Claire", "Julien", "Sophie", "Nicolas", "Camille", "Thomas", "Léa", "Hugo", "Inès", "Lucas")


def paragraph(rng: random.Random, n: int = 4) -> str:
    return " ".join(rng.sample(SENTENCES, n))


def seed(home: Path, count: int, due: int, today: date, rng: random.Random) -> dict:
    store = Store(home)
    document = bytes(rng.getrandbits(8) for _ in range(50 * 1024))
    first = today - timedelta(days=3650)
    stats = {"bilans": 0, "ended": 0, "purged": 0, "due": 0}
    # Oldest first, so that ids follow the calendar; kept due: the most recent ended-and-expired ones.
    openings = sorted(first + timedelta(days=rng.randrange(3650 - 20)) for _ in range(count))
    plans = []
    for opened in openings:
        length = rng.randrange(45, 110)
        ended = opened + timedelta(days=length)
        fate = "open" if ended > today else ("abandonne" if rng.random() < 0.08 else "termine")
        plans.append((opened, ended, fate))
    expired = [i for i, (_, ended, fate) in enumerate(plans) if fate != "open" and ended < today - timedelta(days=10)]
    keep_due = set(expired[-due:]) if due else set()
    week = _Week()
    with store.transaction() as tx:   # sealed as the commands seal
        for index, (opened, ended, fate) in enumerate(plans):
            purged = fate != "open" and index in expired and index not in keep_due
            bid = _one(tx, rng, opened, ended, fate, purged,
                       document if index % 10 == 0 else None, today)
            if fate == "open":
                _rendez_vous(tx, rng, bid, ended, today, week)
            stats["bilans"] += 1
            stats["ended"] += fate != "open"
            stats["purged"] += purged
            stats["due"] += index in keep_due
    stats["rdv"] = store.conn.execute("SELECT COUNT(*) FROM rdv").fetchone()[0]
    store.conn.execute("VACUUM")
    store.close()
    return stats


class _Week:
    """The next free slot of each working day, so that no two rendez-vous overlap."""

    def __init__(self) -> None:
        self.taken: dict[date, int] = {}

    def slot(self, day: date) -> datetime:
        while day.weekday() >= 5 or self.taken.get(day, 0) >= len(SLOTS):
            day += timedelta(days=1)
        index = self.taken[day] = self.taken.get(day, 0) + 1
        return datetime.combine(day, SLOTS[index - 1])


def _rendez_vous(tx, rng, bid, ended, today, week) -> None:
    """An open bilan's rendez-vous: the one of the past week held, the coming ones (one a
    week until its planned end, three at most) planned, one in ten cancelled."""
    past = week.slot(today - timedelta(days=rng.randrange(2, 8)))
    if past.date() <= today:
        numero = tx.apply(ch.RdvPlanned(bid, past, 90, "presentiel", None, None, past.date()))
        phase = tx.conn.execute("SELECT phase FROM bilans WHERE id = ?", (bid,)).fetchone()[0]
        held = ch.EntretienHeld(bid, past.date(), 90, "presentiel", phase, paragraph(rng, 2))
        tx.apply(ch.RdvDone(bid, numero, past.date(), held))
    day = today + timedelta(days=rng.randrange(1, 7))
    for _ in range(rng.randrange(1, 4)):
        if day > ended + timedelta(days=14):
            break
        start = week.slot(day)
        modalite = rng.choice(MODALITES)
        link = "https://visio.example.fr/cabinet" if modalite == "visio" else None
        numero = tx.apply(ch.RdvPlanned(bid, start, rng.choice((60, 90)), modalite, None, link,
                                           today))
        if rng.random() < 0.1:
            tx.apply(ch.RdvCancelled(bid, numero, today, "beneficiaire", None))
        day = start.date() + timedelta(days=7)


def _one(tx, rng, opened, ended, fate, purged, document, today) -> str:
    financement = rng.choice(FINANCEMENTS)
    bid = tx.apply(ch.Opening(opened, {
        "nom": rng.choice(NOMS), "prenom": rng.choice(PRENOMS),
        "email": "beneficiaire@example.fr", "telephone": "06 12 34 56 78",
        "statut": rng.choice(STATUTS), "financement": financement,
        "format": rng.choice(("presentiel", "distanciel", "mixte")),
        "employeur": "Transports du Luberon" if financement in ("plan", "reclassement") else None,
        "heures_prevues": 24 * 60, "tarif": rng.choice((150000, 180000, 200000, 240000)),
    }))
    tx.apply(ch.RowAdded("consentements", {"bilan_id": bid, "type": "bilan", "date": opened}))
    if financement in ("plan", "reclassement"):
        tx.apply(ch.ConventionSent(bid, opened - timedelta(days=12), None))
        tx.apply(ch.RowsUpdated("conventions", {"signee": opened - timedelta(days=5)}, {"bilan_id": bid}))
    phases = ("preliminaire", "investigation", "conclusion")
    end = min(ended, today)
    span = max((end - opened).days, 8)
    keep = not purged
    for n in range(8 if fate != "abandonne" else rng.randrange(1, 5)):
        day = opened + timedelta(days=span * n // 8)
        if day > today:
            break
        tx.apply(ch.EntretienHeld(bid, day, rng.choice((90, 120, 180)), rng.choice(MODALITES),
                                     phases[min(n * 3 // 8, 2)], paragraph(rng, 2) if keep else None))
    if keep:
        for field in CONTENT_FIELDS:
            tx.apply(ch.FieldSet(bid, field, paragraph(rng), opened))
        if document is not None:
            tx.apply(ch.DocumentStored(bid, "test", "Inventaire d'intérêts", document, "test.pdf",
                                          "investigation", opened))
    if fate == "open":
        current = phases[min((today - opened).days * 3 // max((ended - opened).days, 1), 2)]
        if current != "preliminaire":
            tx.apply(ch.PhaseEntered(bid, current, None, opened + timedelta(days=10)))
        return bid
    tx.apply(ch.PhaseEntered(bid, fate, None, ended, ended))
    if fate == "termine":
        tx.apply(ch.SatisfactionAnswered(bid, "fin", rng.choice((4, 5, 5, 3)), None, ended))
        if keep:
            synthese = ("# Document de synthèse\n\n" + paragraph(rng, 6)).encode()
            tx.apply(ch.DocumentStored(bid, "synthese", "Document de synthèse", synthese,
                                          f"synthese-{bid}.md", "conclusion", ended))
        if financement == "cpf":
            tx.apply(ch.EdofDeclared(bid, "entree", opened + timedelta(days=2)))
            tx.apply(ch.EdofDeclared(bid, "sortie", ended + timedelta(days=2)))
    # What a consultant records after the end: the follow-up and its questionnaire, six months on.
    follow_up = ended + timedelta(days=183)
    if fate == "termine" and follow_up <= today and rng.random() < 0.9:
        tx.apply(ch.SuiviHeld(bid, follow_up, None))
        tx.apply(ch.SatisfactionAnswered(bid, "suivi", rng.choice((3, 4, 5)), None, follow_up))
    if fate == "abandonne" and financement == "cpf":
        tx.apply(ch.EdofDeclared(bid, "entree", opened + timedelta(days=2)))
        tx.apply(ch.EdofDeclared(bid, "sortie", ended + timedelta(days=1)))
    if purged:
        tx.conn.execute("UPDATE bilans SET contenu_detruit_le = ? WHERE id = ?", (ended.isoformat(), bid))
        # Five years on, the record itself was anonymised by an earlier `bilan purge`.
        if ended + timedelta(days=5 * 365 + 1) <= today:
            tx.conn.execute(
                "UPDATE bilans SET nom = NULL, prenom = NULL, email = NULL, telephone = NULL, "
                "employeur = NULL, anonymise_le = ? WHERE id = ?",
                ((ended + timedelta(days=5 * 365 + 1)).isoformat(), bid),
            )
    return bid


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--home", required=True, type=Path)
    parser.add_argument("--bilans", type=int, default=10_000)
    parser.add_argument("--due", type=int, default=0, help="ended bilans left for the purge")
    parser.add_argument("--today", type=date.fromisoformat, default=date.today())
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()
    if (args.home / "bilans.db").exists():
        parser.error(f"{args.home}/bilans.db exists already")
    started = time.perf_counter()
    stats = seed(args.home, args.bilans, args.due, args.today, random.Random(args.seed))
    size = (args.home / "bilans.db").stat().st_size
    print(f"{stats} in {time.perf_counter() - started:.1f} s, {size / 2**20:.0f} MiB")


if __name__ == "__main__":
    main()
