"""The Qualiopi file and the figures to publish as plain data for their templates (pure):
every value already written the French way. Never a bilan's content: the views are built
from `core.qualiopi.quality_file` and `core.stats.year_figures`, which hold none."""

from __future__ import annotations

from datetime import date

from bilancli import messages as msg
from bilancli.core.dates import format_date, format_date_long, from_iso
from bilancli.core.formats import format_decimal, format_percent
from bilancli.settings import CABINET_KEYS


def _day(text: str | None) -> str:
    return format_date(from_iso(text)) if text else ""


def _rate(part: int, whole: int, rate) -> str:
    """« 80 % (8 sur 10) », or « — (aucun) » with nothing behind it."""
    return f"{format_percent(rate)} ({part} sur {whole})" if whole else msg.AUCUNE_DONNEE


def _common(cabinet: dict, today: date, year: int) -> dict:
    return {"cabinet": {key: cabinet.get(key, "") for key in CABINET_KEYS},
            "annee": year, "date_document": format_date_long(today),
            "periode": msg.PERIODE_ANNEE.format(debut=format_date_long(date(year, 1, 1)),
                                                fin=format_date_long(date(year, 12, 31)))}


def _survey(s: dict) -> dict:
    """The mean and what it rests on, in one phrase a reader cannot misread."""
    if not s["interroges"]:
        said = msg.SATISFACTION_AUCUN_DU
    elif not s["reponses"]:
        said = msg.SATISFACTION_SANS_REPONSES.format(interroges=s["interroges"])
    else:
        said = msg.SATISFACTION_MOYENNE.format(
            moyenne=format_decimal(s["moyenne"]), reponses=s["reponses"],
            interroges=s["interroges"], taux=format_percent(s["taux_reponse"]))
    return {"moyenne": format_decimal(s["moyenne"]), "reponses": s["reponses"],
            "interroges": s["interroges"], "texte": said,
            "taux": _rate(s["reponses"], s["interroges"], s["taux_reponse"])}


def file_view(the_file: dict, cabinet: dict, today: date, names: bool) -> dict:
    """`qualiopi.*.j2`: the indicators in words and figures, one row per bilan."""
    i = the_file["indicateurs"]
    two, four, eleven = i["2"], i["4"], i["11"]
    view = _common(cabinet, today, the_file["annee"])
    view.update({
        "noms": names,
        "libelles": {key: value["libelle"] for key, value in i.items()},
        "i2": {"beneficiaires": two["beneficiaires"], "termines": two["termines"],
               "abandonnes": two["abandonnes"],
               "achevement": _rate(two["termines"], two["termines"] + two["abandonnes"],
                                   two["taux_achevement"]),
               "fin": _survey(two["satisfaction"]["fin"]),
               "suivi": _survey(two["satisfaction"]["suivi"]),
               "entretiens_suivi": _rate(two["suivi"]["realises"], two["suivi"]["dus"],
                                         two["suivi"]["taux_realisation"]),
               "suivis_non_realises": two["suivi"]["non_realises"]},
        "i4": {**four, "taux": _rate(four["avec_analyse"], four["bilans"],
                                     four["avec_analyse"] / four["bilans"] if four["bilans"] else None)},
        "i11": {**eleven, "taux": _rate(eleven["avec_synthese"], eleven["termines"],
                                        eleven["avec_synthese"] / eleven["termines"]
                                        if eleven["termines"] else None)},
        "i26": i["26"],
        "i30": [{"moment": msg.MOMENT_TITRES[m], **i["30"][m]} for m in ("fin", "suivi")],
        "i31": {**{k: v for k, v in i["31"].items() if k != "registre"},
                "registre": [{"numero": r["numero"], "date": _day(r["date"]), "bilan": r["bilan"] or "—",
                              "origine": msg.ORIGINE_LABELS.get(r["origine"], r["origine"]),
                              "canal": msg.CANAL_LABELS.get(r["canal"], r["canal"]),
                              "repondue_le": _day(r["repondue_le"]), "close_le": _day(r["close_le"]),
                              "statut": msg.RECLAMATION_STATUTS[r["statut"]]}
                             for r in i["31"]["registre"]]},
        "i32": i["32"],
        "bilans": [_line(b, names) for b in the_file["bilans"]],
    })
    return view


def _yes(flag) -> str:
    return msg.OUI if flag else msg.NON


def _line(b: dict, names: bool) -> dict:
    edof = b["edof"]
    return {
        "id": b["id"],
        "nom": " ".join(x for x in (b["prenom"], b["nom"]) if x) if names else "",
        "ouverture": _day(b["date_ouverture"]), "fin": _day(b["date_fin"]),
        "phase": msg.PHASE_LABELS.get(b["phase"], b["phase"]),
        "heures": format_decimal(b["heures"]),
        "modalites": ", ".join(msg.MODALITES_COURTES.get(m, m) for m in b["modalites"]) or "—",
        "convention": {"transmise": _day(b["convention"]["transmise"]) or "—",
                       "signee": _day(b["convention"]["signee"]) or "—",
                       "preuve": _yes(b["convention"]["preuve"])},
        "emargement": _day(b["emargement"]) or "—", "certificat": _day(b["certificat"]) or "—",
        "edof": None if edof is None else {
            "entree": _day(edof["entree"]) or "—", "sortie": _day(edof["sortie"]) or "—",
            "delais": "—" if edof["dans_les_delais"] is None else _yes(edof["dans_les_delais"])},
        "factures": ", ".join(b["factures"]) or "—",
    }


def figures_view(figures: dict, cabinet: dict, today: date) -> dict:
    """`chiffres.*.j2`: the indicator 2 figures to publish, each rate with what it rests on."""
    view = _common(cabinet, today, figures["annee"])
    beneficiaries = sum(v["beneficiaires"] for v in figures["par_statut"].values())
    suivi = figures["suivi"]
    view.update({
        "beneficiaires": beneficiaries, "termines": figures["termines"],
        "abandonnes": figures["abandonnes"],
        "achevement": _rate(figures["termines"], figures["termines"] + figures["abandonnes"],
                            figures["taux_achevement"]),
        "taux_achevement": format_percent(figures["taux_achevement"]),
        "fin": _survey(figures["satisfaction"]["fin"]),
        "suivi": _survey(figures["satisfaction"]["suivi"]),
        "entretiens_suivi": _rate(suivi["realises"], suivi["dus"], suivi["taux_realisation"]),
    })
    return view
