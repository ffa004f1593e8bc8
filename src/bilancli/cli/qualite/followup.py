"""`bilan suivi`, `satisfaction`, `edof`: recording what the agenda asks for after the end."""

from __future__ import annotations

from bilancli import messages as msg
from bilancli.cli import base
from bilancli.cli.dossier.editor import notes_option
from bilancli.cli.spec import ID, arg, command, flag, opt
from bilancli.core.dates import days_later, format_date, from_iso, parse_date
from bilancli.core.dossier import followup as suivi_rules
from bilancli.core.facturation import edof as edof_rules
from bilancli.core.ids import parse_id
from bilancli.core.qualite import satisfaction as questionnaire_rules
from bilancli.errors import fail


@command("suivi", msg.CMD_SUIVI, ID,
         opt("--date", help=msg.OPT_DATE_SUIVI, metavar="D"),
         opt("--notes", help=msg.OPT_NOTES_SUIVI, metavar="TEXTE|-"),
         flag("--non-realise", help=msg.OPT_NON_REALISE),
         opt("--motif", help=msg.OPT_MOTIF_SUIVI),
         details=msg.DET_SUIVI)
def suivi(bilan_id, date, notes, non_realise, motif) -> None:
    wanted = parse_id(bilan_id)
    on = parse_date(date, base.today()) if date is not None else None
    text = notes_option(notes)
    with base.writing() as tx:
        change = suivi_rules.hold(tx.load(wanted), on, text, base.today(), not_held=non_realise,
                            motif=motif)
        tx.apply(change)
    template = msg.SUIVI_NON_REALISE_ENREGISTRE if non_realise else msg.SUIVI_ENREGISTRE
    base.say(template.format(date=format_date(change.on), id=wanted))


@command("satisfaction", msg.CMD_SATISFACTION, ID,
         opt("--moment", help=msg.OPT_MOMENT, metavar="fin|suivi", required=True, complete="moment"),
         opt("--note", help=msg.OPT_NOTE, metavar="1-5"),
         flag("--sans-reponse", help=msg.OPT_SANS_REPONSE),
         flag("--envoye", help=msg.OPT_ENVOYE),
         flag("--relance", help=msg.OPT_RELANCE),
         opt("--commentaire", help=msg.OPT_COMMENTAIRE),
         opt("--date", help=msg.OPT_DATE_REPONSE, metavar="D"),
         details=msg.DET_SATISFACTION)
def satisfaction(bilan_id, moment, note, sans_reponse, envoye, relance, commentaire, date) -> None:
    wanted = parse_id(bilan_id)
    kind = questionnaire_rules.parse_moment(moment)
    if envoye or relance:
        _follow_questionnaire(wanted, kind, note, sans_reponse, envoye, relance, commentaire, date)
        return
    score = questionnaire_rules.parse_answer(note, sans_reponse)
    on = base.parse_date_option(date)
    with base.writing() as tx:
        tx.apply(questionnaire_rules.answer(tx.load(wanted), kind, score, commentaire, on, base.today()))
    if score is None:
        base.say(msg.SATISFACTION_SANS_REPONSE.format(moment=questionnaire_rules.MOMENT_LABELS[kind], id=wanted))
    else:
        base.say(msg.SATISFACTION_ENREGISTREE.format(moment=questionnaire_rules.MOMENT_LABELS[kind], id=wanted,
                                                     note=score))


def _follow_questionnaire(wanted, kind, note, sans_reponse, envoye, relance, commentaire,
                          date) -> None:
    """`--envoye` or `--relance`: the sending, or one more reminder (Qualiopi indicator 30)."""

    if envoye and relance or note is not None or sans_reponse or commentaire is not None:
        raise fail(msg.SATISFACTION_UNE_ACTION)
    policy = questionnaire_rules.reminders_from(base.config().qualite)
    on = base.parse_date_option(date)
    with base.writing() as tx:
        bilan = tx.load(wanted)
        change = (questionnaire_rules.remind if relance else questionnaire_rules.send)(bilan, kind, on, base.today())
        tx.apply(change)
    label = questionnaire_rules.MOMENT_LABELS[kind]
    if relance:
        rang = bilan.questionnaires[kind].reminders + 1
        base.say(msg.QUESTIONNAIRE_RELANCE.format(rang=rang, moment=label, id=wanted,
                                                  date=format_date(on)))
        if rang > policy.most:   # recorded all the same: the reminder was sent
            base.warn(msg.QUESTIONNAIRE_RELANCE_AU_DELA.format(
                rang=rang, prevues=policy.most, id=wanted, moment=kind))
    else:
        base.say(msg.QUESTIONNAIRE_ENVOYE.format(moment=label, id=wanted, date=format_date(on),
                                                 relance=format_date(days_later(on, policy.delay_days))))


@command("edof", msg.CMD_EDOF, ID, arg("sens", "entree|sortie", msg.ARG_SENS, complete="sens"),
         opt("--date", help=msg.OPT_DATE_DECLARATION, metavar="D"),
         flag("--corriger", help=msg.OPT_CORRIGER_EDOF),
         opt("--motif", help=msg.OPT_MOTIF_EDOF))
def edof(bilan_id, sens, date, corriger, motif) -> None:
    wanted = parse_id(bilan_id)
    kind = edof_rules.parse_sens(sens)
    on = base.parse_date_option(date)
    with base.writing() as tx:
        change = edof_rules.declare(tx.load(wanted), kind, on, base.today(), corriger, motif)
        if change is not None:
            tx.apply(change)
    label = msg.EDOF_SENS_LABELS[kind]
    if change is None:
        base.say(msg.EDOF_INCHANGEE.format(sens=label, date=format_date(on), id=wanted))
    elif change.corrected_on is not None:
        base.say(msg.EDOF_CORRIGEE.format(sens=label, avant=format_date(from_iso(change.avant)),
                                          date=format_date(on), id=wanted))
    else:
        base.say(msg.EDOF_ENREGISTREE.format(sens=label, date=format_date(on), id=wanted))
