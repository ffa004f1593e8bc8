"""The views of one bilan: what `show`, `phase show`, `entretien list` and `doc list` return
(their JSON, SPEC §4), and how each is drawn for a person (`cli.display`)."""

from __future__ import annotations

from datetime import date

from bilancli import messages as msg
from bilancli.cli import base
from bilancli.cli.display import Fields, Line, Paragraph, Table, draw
from bilancli.cli.semaine.rdvview import rdv_json
from bilancli.core.conservation.retention import Facts, next_pending
from bilancli.core.dates import format_date, format_minutes, from_iso, iso
from bilancli.core.dossier import convention as conv
from bilancli.core.dossier import followup
from bilancli.core.dossier.fields import CONTENT_FIELDS
from bilancli.core.dossier.phases import NEXT_PHASE, check_gates, warnings
from bilancli.core.formats import format_decimal, format_euros, format_size, full_name
from bilancli.core.model import Bilan
from bilancli.core.qualite.satisfaction import MOMENTS
from bilancli.core.qualite.satisfaction import view as questionnaire_view

CONSENT_TYPES = ("bilan", "conservation", "cep", "employeur")


def show_bilan(bilan_id: str, as_json: bool) -> None:
    """`bilan show`."""
    view = show_json(base.read_bilan(bilan_id), base.today(), base.home())
    if as_json:
        base.print_json(view)
    else:
        draw(*show_blocks(view))


def _hours(minutes: int | None) -> float | None:
    return None if minutes is None else round(minutes / 60, 2)


def purge_view(bilan: Bilan, today: date, home: str) -> dict:
    """`contenu_detruit_le` and the next retention deadline (R6313-7)."""

    settings = base.retention_settings()
    pending = next_pending(Facts.from_bilan(bilan), settings)
    return {"contenu_detruit_le": iso(bilan.content_destroyed_on),
            "prochaine_echeance": iso(pending.due_on) if pending else None,
            "regle": pending.rule if pending else None}


def attendance_json(bilan: Bilan) -> dict:
    """The entretiens and their total, as `show --json` and `entretien list --json` give them."""
    return {
        "entretiens": [
            {"numero": e.numero, "date": iso(e.date), "duree_minutes": e.minutes,
             "modalite": e.modalite, "phase": e.phase}
            for e in bilan.entretiens
        ],
        "heures_realisees": _hours(bilan.minutes_delivered),
    }


def documents_json(documents) -> list[dict]:
    """The stored documents, as `show --json` and `doc list --json` give them."""
    return [{"id": d.id, "type": d.type, "titre": d.titre, "taille": d.size} for d in documents]


def show_json(bilan: Bilan, today: date, home: str) -> dict:
    c = bilan.convention
    return {
        "id": bilan.id, "civilite": bilan.civilite, "nom": bilan.nom, "prenom": bilan.prenom,
        "adresse": bilan.adresse, "phase": bilan.phase,
        "financement": bilan.financement, "statut": bilan.statut, "format": bilan.format,
        "email": bilan.email, "telephone": bilan.telephone, "employeur": bilan.employeur,
        "heures_prevues": _hours(bilan.heures_prevues_minutes),
        "tarif": None if bilan.tarif_cents is None else bilan.tarif_cents / 100,
        "date_ouverture": iso(bilan.date_ouverture), "date_fin": iso(bilan.date_fin),
        "motif_abandon": bilan.motif_abandon,
        "champs": {name: bilan.champs.get(name) for name in CONTENT_FIELDS},
        "consentements": {
            kind: iso(bilan.active_consent(kind).date) if bilan.active_consent(kind) else None
            for kind in CONSENT_TYPES
        },
        "historique_consentements": [
            {"type": c.type, "donne_le": iso(c.date), "retire_le": iso(c.withdrawn_on)}
            for c in bilan.consent_history
        ],
        "convention": {
            "transmise": iso(c.sent_on), "signee": iso(c.signed_on),
            "echeance": iso(conv.deadline(c)), "statut": conv.status(bilan, today),
            "preuve": conv.proof_json(c),
        },
        **attendance_json(bilan),
        "rdv": [rdv_json(r) for r in bilan.rdv],
        "documents": documents_json(bilan.documents),
        "historique": [{"phase": s.phase, "date": iso(s.entered_on)} for s in bilan.history],
        "suivi": {"date_prevue": iso(followup.due(bilan.phase, bilan.date_fin)),
                  "date_realisee": None if bilan.suivi_not_held else iso(bilan.suivi_on),
                  "non_realise": bilan.suivi_not_held},
        "satisfaction": {m: questionnaire_view(bilan, m) for m in MOMENTS},
        "edof": {k: iso(v) for k, v in bilan.edof.items()},
        "purge": purge_view(bilan, today, home),
        "corrections": corrections_json(bilan),
        "factures": [line.numero for line in bilan.invoices],
    }


def corrections_json(bilan: Bilan) -> list[dict]:
    """Each correction of the record, oldest first: administrative values, never notes."""
    import json

    return [{"date": iso(c.date), "objet": c.objet, "avant": json.loads(c.avant) if c.avant else None,
             "apres": json.loads(c.apres) if c.apres else None, "motif": c.motif}
            for c in bilan.corrections]


def _fr(value: str | None) -> str:
    day = from_iso(value) if value else None
    return format_date(day) if day else "—"


def _label(labels: dict, code):
    return labels.get(code, code) if code is not None else None


def show_blocks(view: dict) -> list:
    """The record in sections: identity, consents, content, entretiens, documents, history."""
    blocks = [_identity(view)]
    blocks.append(Table("Consentements", ("Consentement", "En vigueur depuis"),
                        [(kind, _fr(day)) for kind, day in view["consentements"].items()]))
    if view["historique_consentements"]:
        blocks.append(Table(msg.HISTORIQUE_CONSENTEMENTS, ("Consentement", "Donné le", "Retiré le"), [
            (c["type"], _fr(c["donne_le"]), _fr(c["retire_le"]))
            for c in view["historique_consentements"]]))
    blocks += _content(view)
    if view["entretiens"]:
        blocks.append(_entretiens_table("Entretiens", view["entretiens"]))
    if view["rdv"]:
        blocks.append(_rdv_table("Rendez-vous", view["rdv"]))
    if view["documents"]:
        blocks.append(_documents_table("Documents", view["documents"]))
    if view["historique"]:
        blocks.append(Table(msg.HISTORIQUE, ("Phase", "Depuis le"), [
            (msg.PHASE_LABELS.get(step["phase"], step["phase"]), _fr(step["date"]))
            for step in view["historique"]]))
    if view["motif_abandon"]:
        blocks.append(Paragraph(f"{msg.MOTIF_ABANDON} : {view['motif_abandon']}"))
    if any(view["edof"].values()):
        blocks.append(Fields(msg.DECLARATIONS_EDOF, [
            (msg.EDOF_SENS_TITRES[sens], _fr(day)) for sens, day in view["edof"].items() if day]))
    if any(answer is not None for answer in view["satisfaction"].values()):
        blocks.append(Table(msg.QUESTIONNAIRES, ("Moment", "Réponse"), [
            (msg.MOMENT_TITRES.get(moment, moment), _answer(answer))
            for moment, answer in view["satisfaction"].items() if answer is not None]))
    if view["corrections"]:
        blocks.append(Table(msg.CORRECTIONS, ("Le", "Objet", "Avant", "Après", "Motif"), [
            (_fr(c["date"]), c["objet"], _entretien_values(c["avant"]),
             _entretien_values(c["apres"]) if c["apres"] else msg.RETIRE, c["motif"] or "")
            for c in view["corrections"]]))
    return blocks


def _answer(answer) -> str:
    """A questionnaire's note out of 5, or that it went unanswered (the answer is a note, or
    a record holding `note`)."""
    if not isinstance(answer, dict):
        return msg.SANS_REPONSE if answer is None else f"{answer}/5"
    if answer["note"] is not None:
        said = f"{answer['note']}/5"
    elif answer["sans_reponse"]:
        said = msg.SANS_REPONSE
    else:
        said = msg.EN_ATTENTE_REPONSE
    if answer.get("envoye_le"):
        said += msg.ENVOYE_RELANCES.format(date=format_date(from_iso(answer["envoye_le"])),
                                           relances=answer["relances"])
    return said


def _content(view: dict) -> list:
    """The content fields filled; those never filled counted in one line, not listed."""
    blocks = [Line("Contenu du bilan", "bold")]
    destroyed = view["purge"]["contenu_detruit_le"]
    gone = msg.CHAMP_DETRUIT.format(date=_fr(destroyed)) if destroyed else None
    # Once destroyed, each field says so in its place (SPEC §4).
    filled = [(name, value or gone) for name, value in view["champs"].items() if value or gone]
    for name, value in filled:
        blocks.append(Line(" " + msg.FIELD_LABELS[name], "bold"))
        blocks.append(Paragraph(value, indent=3))
    empty = len(view["champs"]) - len(filled)
    if empty and not filled:
        blocks.append(Paragraph(msg.AUCUN_CHAMP.format(total=empty), indent=1))
    elif empty:
        blocks.append(Paragraph(msg.CHAMPS_VIDES.format(
            nombre=empty, total=len(view["champs"]), s="s" if empty > 1 else ""), indent=1))
    return blocks


def _entretien_values(values: dict | str | None) -> str:
    """`02/03/2026, 1h30, visio, préliminaire`: an entretien's administrative values; a
    corrected EDOF declaration holds its day alone."""
    if not values:
        return ""
    if isinstance(values, str):
        return _fr(values)
    return ", ".join((_fr(values["date"]), format_minutes(values["duree_minutes"]),
                      msg.MODALITE_LABELS.get(values["modalite"], values["modalite"]).lower(),
                      msg.PHASE_LABELS.get(values["phase"], values["phase"])))


def _entretiens_table(title, entretiens) -> Table:
    return Table(title, ("N°", "Date", "Durée", "Modalité", "Phase"), [
        (str(e["numero"]), _fr(e["date"]), format_minutes(e["duree_minutes"]),
         msg.MODALITE_LABELS.get(e["modalite"], e["modalite"]),
         msg.PHASE_LABELS.get(e["phase"], e["phase"]))
        for e in entretiens], right=(0,))


def _rdv_table(title, rdv) -> Table:
    return Table(title, ("N°", "Date", "Heure", "Durée", "Modalité", "Statut"), [
        (str(r["numero"]), _fr(r["debut"][:10]), f"{int(r['debut'][11:13])}h{r['debut'][14:]}",
         format_minutes(r["duree_minutes"]), msg.MODALITE_LABELS.get(r["modalite"], r["modalite"]),
         msg.RDV_STATUT_LABELS.get(r["statut"], r["statut"]))
        for r in rdv], right=(0,))


def _documents_table(title, documents) -> Table:
    return Table(title, ("N°", "Type", "Titre", "Taille"), [
        (str(d["id"]), d["type"], d["titre"], format_size(d["taille"])) for d in documents],
        right=(0, 3))


def _identity(view: dict) -> Fields:
    """Who, how it is funded, where it stands: one label and one value per row."""
    tarif = view["tarif"]
    hours = f"{format_decimal(view['heures_realisees'])} réalisées"
    if view["heures_prevues"] is not None:
        hours += f" sur {format_decimal(view['heures_prevues'])} prévues"
    c = view["convention"]
    rows = [
        ("Bénéficiaire", full_name(view["prenom"], view["nom"])),
        ("Civilité", _label(msg.CIVILITE_LABELS, view["civilite"])),
        ("Adresse", view["adresse"]),
        ("Phase", _label(msg.PHASE_LABELS, view["phase"])),
        ("Statut", _label(msg.STATUT_LABELS, view["statut"])),
        ("Financement", _label(msg.FINANCEMENT_LABELS, view["financement"])),
        ("Format", _label(msg.FORMAT_LABELS, view["format"])),
        ("Employeur", view["employeur"]),
        ("Courriel", view["email"]), ("Téléphone", view["telephone"]),
        ("Ouverture", _fr(view["date_ouverture"])), ("Fin", _fr(view["date_fin"])),
        ("Heures", hours),
        ("Tarif", f"{format_euros(round(tarif * 100))} HT" if tarif is not None else None),
        ("Convention", msg.CONVENTION_STATUTS[c["statut"]].format(
            transmise=_fr(c["transmise"]), signee=_fr(c["signee"]), echeance=_fr(c["echeance"]))),
        ("Convention signée", _proof_line(c["preuve"])),
        ("Suivi prévu", _fr(view["suivi"]["date_prevue"])),
        ("Suivi réalisé", msg.SUIVI_NON_REALISE if view["suivi"]["non_realise"]
         else _fr(view["suivi"]["date_realisee"])),
    ]
    if view["factures"]:
        rows.append(("Factures", ", ".join(view["factures"])))
    purge = view["purge"]
    if purge["contenu_detruit_le"]:
        rows.append(("Contenu détruit le", _fr(purge["contenu_detruit_le"]) + " (R6313-7)"))
    if purge["prochaine_echeance"]:
        rows.append(("Prochaine échéance", f"{_fr(purge['prochaine_echeance'])} "
                                           f"({msg.RULE_LABELS[purge['regle']]})"))
    return Fields(f"Bilan {view['id']}", rows)


def _proof_line(proof: dict | None) -> str | None:
    """The signed convention kept: how it was signed, its size, the start of its hash."""
    if proof is None:
        return None
    return (f"{msg.METHODE_LABELS.get(proof['methode'], proof['methode'])}, "
            f"{format_size(proof['taille'])}, SHA-256 {proof['sha256'][:16]}…")


def print_attendance(bilan_id: str, view: dict) -> None:
    if not view["entretiens"]:
        base.say(msg.AUCUN_ENTRETIEN.format(id=bilan_id))
        return
    draw(_entretiens_table(f"Entretiens du bilan {bilan_id}", view["entretiens"]),
         Line(msg.TOTAL_HEURES.format(total=format_decimal(view["heures_realisees"]))))


def print_documents(bilan: Bilan) -> None:
    if not bilan.documents:
        base.say(msg.AUCUN_DOCUMENT.format(id=bilan.id))
        return
    draw(Table(None, ("N°", "Type", "Titre", "Taille", "Phase", "Ajouté le"), [
        (str(d.id), d.type, d.titre, format_size(d.size),
         msg.PHASE_LABELS.get(d.phase or "", d.phase or ""), format_date(d.created_on))
        for d in bilan.documents], right=(0, 3)))


def phase_json(bilan: Bilan) -> dict:
    return {
        "phase": bilan.phase,
        "suivante": NEXT_PHASE.get(bilan.phase),
        "conditions": [
            {"condition": c.gate.wording, "source": c.gate.source, "remplie": c.held}
            for c in check_gates(bilan)
        ],
        "avertissements": warnings(bilan),
    }


def print_phase(bilan: Bilan, view: dict) -> None:
    """The checklist: each gate ticked or not, with the fields it still misses."""

    missing = [c.missing for c in check_gates(bilan)]
    title = msg.PHASE_ACTUELLE.format(id=bilan.id, phase=msg.PHASE_LABELS[view["phase"]])
    if view["suivante"]:
        title += msg.PHASE_VERS.format(suivante=msg.PHASE_LABELS[view["suivante"]])
    blocks = [Line(title)]
    conditions = view["conditions"]
    if not conditions:
        blocks.append(Line(msg.PHASE_CLOSE_RIEN))
    else:
        rows = []
        for c, lacking in zip(conditions, missing):
            wording = c["condition"]
            if lacking:
                wording += msg.CONDITION_MANQUE.format(champs=", ".join(lacking))
            rows.append(("[x]" if c["remplie"] else "[ ]", wording, c["source"]))
        blocks.append(Table(None, ("", "Condition", "Source"), rows))
        unmet = sum(not c["remplie"] for c in conditions)
        if unmet:
            blocks.append(Line(msg.CONDITIONS_MANQUANTES.format(
                nombre=unmet, suivante=msg.PHASE_LABELS[view["suivante"]])))
        else:
            blocks.append(Line(msg.CONDITIONS_TOUTES.format(id=bilan.id)))
    if view["avertissements"]:
        blocks.append(Line(msg.AVERTISSEMENTS + " :"))
        blocks += [Line("  ! " + warning) for warning in view["avertissements"]]
    draw(*blocks)
