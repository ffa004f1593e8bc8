"""Setting up a cabinet that can invoice: its config.toml, and bilans with entretiens."""

from __future__ import annotations

from datetime import date

import storeio as records
from docstore import writing

SELLER_SIRET = "84012345900017"      # passes the Luhn key (SIREN and SIRET)
BUYER_SIRET = "90123456700013"
IBAN = "FR76 3000 6000 0112 3456 7890 189"
CABINET = f"""[cabinet]
nom = "MY CAMPUS"
adresse = "74 rue Jean Bouin, 84800 L'Isle-sur-la-Sorgue"
nda = "93840000000"
siret = "{SELLER_SIRET}"
consultant = "Anne Roux"
representant = "Paul Roux"
telephone = "04 90 00 00 00"
email = "contact@mycampus.fr"
"""


def eur(amount: str) -> str:
    """`1 800,00` → as documents print it, the thousands apart by a narrow no-break space."""
    return amount.replace(" ", "\u202f") + " €"


def configure(bilan, facturation: str = f'[facturation]\niban = "{IBAN}"\n', extra: str = "") -> None:
    bilan.home.mkdir(parents=True, exist_ok=True)
    (bilan.home / "config.toml").write_text(CABINET + facturation + extra, encoding="utf-8")


def held(bilan, *extra: str, nom="Martin", prenom="Claire", entretiens=(("2026-02-02", 120),),
         modalite="presentiel") -> str:
    """A bilan (CPF, 1 800 € HT unless told) with entretiens already held."""
    options = {"--financement": "cpf", "--tarif": "1800", "--statut": "salarie"}
    for name, value in zip(extra[::2], extra[1::2]):
        options[name] = value
    bid = bilan.new(*[x for pair in options.items() for x in pair], "--date", "2026-02-01",
                    nom=nom, prenom=prenom)
    with writing(bilan.home) as conn:
        for day, minutes in entretiens:
            records.add_entretien(conn, bid, on=date.fromisoformat(day), minutes=minutes,
                                  modalite=modalite, phase="preliminaire")
    return bid


def refused(bilan, *args, key: str | None = None):
    """A command refused in French, exit 1, the store and documents/ byte for byte as before."""
    before = bilan.db_bytes()
    documents = sorted(p.relative_to(bilan.home) for p in (bilan.home / "documents").rglob("*")) \
        if (bilan.home / "documents").exists() else []
    result = bilan(*args, code=1)
    assert bilan.db_bytes() == before
    after = sorted(p.relative_to(bilan.home) for p in (bilan.home / "documents").rglob("*")) \
        if (bilan.home / "documents").exists() else []
    assert after == documents
    if key is not None:
        assert result.key == key, (result.key, result.stderr)
    return result.stderr
