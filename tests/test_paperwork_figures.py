"""What the paperwork adds to the agenda (payments due, réclamations to answer) and to the
year's figures (the BPF lines, the réclamations)."""

from datetime import date

import storeio as records
from docstore import writing
from paperwork import configure, held

ALL_LINES = ("C-1", "C-2e", "C-2h", "C-7", "C-9", "C-11", "F-1a", "F-1c", "F-1d", "F-1e", "F-3e",
             "distance")


def _items(bilan, quoi):
    return [i for i in bilan.json("agenda") if i["quoi"] == quoi]


def test_an_unpaid_invoice_is_due_on_its_date_then_late_until_paid(bilan):
    configure(bilan)
    bid = held(bilan)
    bilan("facture", bid, "--montant", "1000")
    assert _items(bilan, "paiement") == [{"bilan": bid, "date": "2026-04-01", "quoi": "paiement",
                                          "source": "conditions de paiement de la facture",
                                          "en_retard": False, "numero": "F2026-0001"}]
    bilan.today("2026-04-02")
    assert _items(bilan, "paiement")[0]["en_retard"] is True
    assert "Paiement attendu : facture F2026-0001" in bilan("agenda").stdout
    bilan("paiement", "F2026-0001", "--date", "2026-04-02", "--montant", "999")
    assert len(_items(bilan, "paiement")) == 1          # one euro is still due
    bilan("paiement", "F2026-0001", "--date", "2026-04-02", "--montant", "1")
    assert _items(bilan, "paiement") == []


def test_a_cancelled_invoice_and_a_credit_note_owe_nothing(bilan):
    configure(bilan)
    employer = held(bilan, "--financement", "plan", "--employeur", "Transports Durand")
    bilan("facture", employer, "--adresse", "3 avenue de Lyon, 84000 Avignon", "--montant", "100")
    assert _items(bilan, "paiement")[0]["source"] == "Code de commerce L441-10"
    bilan("avoir", "F2026-0001")
    assert _items(bilan, "paiement") == []


def test_a_complaint_awaits_its_answer_in_the_agenda_even_without_a_bilan(bilan):
    bilan.json("reclamation", "add", "--date", "2026-01-20", "--origine", "financeur",
               "--canal", "courrier", "--objet", "Attestation manquante")
    assert _items(bilan, "reclamation") == [{"bilan": None, "date": "2026-02-19",
                                             "quoi": "reclamation", "source": "Qualiopi indicateur 31",
                                             "en_retard": True, "numero": "R2026-001"}]
    out = bilan("agenda").stdout
    assert "Répondre à la réclamation R2026-001" in out and "en retard" in out
    bilan("reclamation", "answer", "R2026-001", "--date", "2026-03-02", "--reponse", "Envoyée")
    assert _items(bilan, "reclamation") == []


def test_other_items_carry_no_numero(bilan):
    configure(bilan)
    held(bilan)
    assert all("numero" not in i for i in bilan.json("agenda") if i["quoi"] not in
               ("paiement", "reclamation", "rdv"))


def test_the_agenda_s_narrowed_invoices_give_the_items_all_invoices_give(bilan):
    from bilancli.core.semaine.agenda import register_items
    from bilancli.store.db import Store
    from bilancli.store.facturation import ledger

    configure(bilan)
    bid = held(bilan)
    other = held(bilan, "--tarif", "3000", nom="Durand")
    bilan("facture", bid, "--montant", "500")                       # paid below
    bilan("facture", bid, "--montant", "500")                       # cancelled below
    bilan("facture", bid, "--montant", "500")                       # partly paid
    bilan("facture", other, "--montant", "900")                     # unpaid
    bilan("paiement", "F2026-0001", "--date", "2026-03-02", "--montant", "500")
    bilan("avoir", "F2026-0002")
    bilan("paiement", "F2026-0003", "--date", "2026-03-02", "--montant", "20")
    store = Store(bilan.home)
    try:
        for today in (date(2026, 3, 2), date(2026, 5, 1)):
            narrowed = register_items(ledger.unsettled_invoices(store.conn), (), today)
            every = register_items(ledger.load_invoices(store.conn), (), today)
            assert narrowed == every and [i.numero for i in every] == ["F2026-0003", "F2026-0004"]
    finally:
        store.close()


def test_every_bpf_line_is_there_even_when_nothing_happened(bilan):
    figures = bilan.json("stats", "--annee", "2026")
    assert tuple(figures["bpf"]) == ALL_LINES
    assert figures["bpf"]["C-1"] == 0 and figures["bpf"]["F-3e"] == {"stagiaires": 0, "heures": 0}
    assert figures["reclamations"] == {"recues": 0, "closes": 0, "delai_moyen_jours": None}


def test_products_come_from_the_invoices_of_the_year_less_its_credit_notes(bilan):
    configure(bilan)
    cpf = held(bilan)
    bilan("facture", cpf, "--adresse", "2 rue Vernet, 84000 Avignon", "--montant", "1 600")
    bilan("facture", cpf, "--adresse", "2 rue Vernet, 84000 Avignon", "--payeur", "beneficiaire")
    plan = held(bilan, "--financement", "plan", "--employeur", "Transports Durand", nom="Durand")
    bilan("facture", plan, "--adresse", "2 rue Vernet, 84000 Avignon", "--adresse", "3 avenue de Lyon, 84000 Avignon")
    for payer, amount in (("opco", "300"), ("france-travail", "400"), ("autre", "500")):
        bid = held(bilan, "--financement", "autre", nom=payer)
        bilan("facture", bid, "--adresse", "2 rue Vernet, 84000 Avignon", "--payeur", payer, "--destinataire", "Payeur", "--adresse", "Rue",
              "--montant", amount)
    bilan.today("2027-01-15")
    bilan("avoir", "F2026-0003")                       # cancels the employer's 2026 invoice
    year_2026 = bilan.json("stats", "--annee", "2026")["bpf"]
    assert {k: year_2026[k] for k in ALL_LINES[:6]} == {
        "C-1": 1800.0, "C-2e": 1600.0, "C-2h": 300.0, "C-7": 400.0, "C-9": 200.0, "C-11": 500.0}
    year_2027 = bilan.json("stats", "--annee", "2027")["bpf"]
    assert year_2027["C-1"] == -1800.0 and year_2027["C-2e"] == 0.0     # on the payer's line
    out = bilan("stats", "--annee", "2026").stdout
    assert "cadre C" in out and "C-2e" in out and "cadre F" in out and "F-3e" in out


def test_trainees_and_hours_by_statut_on_the_f_lines(bilan):
    configure(bilan)
    for statut, minutes in (("salarie", 120), ("salarie", 90), ("demandeur-emploi", 60),
                            ("particulier", 30), ("independant", 45), ("autre", 15)):
        held(bilan, "--statut", statut, entretiens=(("2026-02-02", minutes),), nom=statut)
    unset = held(bilan, entretiens=(("2026-02-03", 30),), nom="Sans statut")
    with writing(bilan.home) as conn:
        conn.execute("UPDATE bilans SET statut = NULL WHERE id = ?", (unset,))
        records.add_entretien(conn, unset, on=date(2025, 12, 1), minutes=600,
                              modalite="visio", phase="preliminaire")   # held in another year
    bpf = bilan.json("stats", "--annee", "2026")["bpf"]
    assert bpf["F-1a"] == {"stagiaires": 2, "heures": 3.5}
    assert bpf["F-1c"] == {"stagiaires": 1, "heures": 1.0}
    assert bpf["F-1d"] == {"stagiaires": 1, "heures": 0.5}
    assert bpf["F-1e"] == {"stagiaires": 3, "heures": 1.5}            # indépendant, autre, unset
    assert bpf["F-3e"] == {"stagiaires": 7, "heures": 6.5}
    assert "sans statut renseigné" in bilan("stats", "--annee", "2026").stdout


def test_complaints_counted_in_the_year_received(bilan):
    for received, closed in (("2026-01-05", "2026-01-15"), ("2026-02-01", "2026-02-21"),
                             ("2026-02-20", None), ("2025-12-20", "2026-01-10")):
        numero = bilan.json("reclamation", "add", "--date", received, "--origine", "autre",
                            "--canal", "oral", "--objet", "x")["numero"]
        if closed:
            bilan("reclamation", "answer", numero, "--date", closed, "--reponse", "r")
            bilan("reclamation", "close", numero, "--date", closed)
    assert bilan.json("stats", "--annee", "2026")["reclamations"] == {
        "recues": 3, "closes": 2, "delai_moyen_jours": 15.0}
