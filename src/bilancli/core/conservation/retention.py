"""R6313-7: when what was drawn up for a bilan must be destroyed, and when its record is anonymised.

Pure functions over the `Bilan` snapshot; `today` is passed in. The store finds
the rows and files of each kind and destroys them; this module only says which
kinds are due, since when, and under which rule.
"""

from __future__ import annotations

import re
from collections import namedtuple
from collections.abc import Mapping
from datetime import date, timedelta
from functools import lru_cache

from bilancli import messages as msg
from bilancli.core import registry
from bilancli.core.dates import format_months, months_later
from bilancli.core.model import Bilan
from bilancli.errors import fail

SOURCE = "R6313-7"


class LegalPeriod(namedtuple("LegalPeriod", "since months text")):
    """The longest period in force `since` a day; `text` says where it comes from, quoted
    when a setting exceeds it."""

    __slots__ = ()


# The longest the R6313-7 exceptions may keep documents, by date of entry into force.
# The next decree is one more line here.
LEGAL_PERIODS: tuple[LegalPeriod, ...] = (
    LegalPeriod(date(2019, 1, 1), 12, "R6313-7, dans sa rédaction de 2018"),
    LegalPeriod(date(2023, 12, 31), 36, "R6313-7, décret n° 2023-1350 du 28 décembre 2023"),
)

DEFAULT_PERIOD = "1 an"           # the cabinet's published commitment
DEFAULT_ADMINISTRATIVE = "5 ans"  # limitation period for contractual claims
# No claim survives twenty years from the day the right arose (the délai butoir): keeping a
# record longer would serve nothing the law protects.
ADMINISTRATIVE_LIMIT_MONTHS = 20 * 12
ADMINISTRATIVE_LIMIT_SOURCE = "Code civil art. 2232"

# Kinds of content, as the store destroys and the purge log counts them (`core.registry`):
# the synthèse's apart, kept longer under exception A.
CONTENT_KINDS = registry.content_kinds(synthesis=False)
SYNTHESIS_KINDS = registry.content_kinds(synthesis=True)
IDENTITY_KIND = "identite"

# The data keys a bilan's content is sealed under (SPEC §15), by group: the bilan's own (None)
# for all but the synthèse, the synthèse's apart, kept longer under exception A. A key goes
# when all the content sealed under it is due.
SYNTHESIS_KEY = "synthese"
KEY_GROUPS = ((None, CONTENT_KINDS), (SYNTHESIS_KEY, SYNTHESIS_KINDS))

RULE_END = "R6313-7"                      # destroyed when the action ends
RULE_CEP = "R6313-7 exception A"          # synthèse kept for the CEP operator (L6313-4 al. 3)
RULE_AGREEMENT = "R6313-7 exception B"    # kept with the beneficiary's written agreement
RULE_ANONYMISATION = "anonymisation"      # end of the administrative record

def legal_period(on: date) -> LegalPeriod:
    """The maximum in force on a given day."""
    in_force = [p for p in LEGAL_PERIODS if p.since <= on]
    return in_force[-1] if in_force else LEGAL_PERIODS[0]


_PERIOD = re.compile(r"(\d+)\s*(ans?|années?|annees?|mois)")


def parse_period(text: str, key: str) -> int:
    """`1 an`, `2 ans`, `18 mois` → months."""
    match = _PERIOD.fullmatch(text.strip().lower())
    if not match or int(match.group(1)) <= 0:
        raise fail(msg.PERIODE_ILLISIBLE, cle=key, saisie=text)
    number = int(match.group(1))
    return number if match.group(2) == "mois" else number * 12


class Settings(namedtuple("Settings", "months administrative_months")):
    """`[conservation]` in months: `duree` and `administratif`."""

    __slots__ = ()


def settings_from_config(conservation: dict[str, str], today: date) -> Settings:
    """Read `[conservation]`; a period longer than the law allows today is refused (R6313-7)."""
    duree = conservation.get("duree", DEFAULT_PERIOD)
    months = parse_period(duree, "duree")
    maximum = legal_period(today)
    if months > maximum.months:
        raise fail(msg.PERIODE_TROP_LONGUE, saisie=duree, maximum=format_months(maximum.months),
                   source=maximum.text)
    admin_text = conservation.get("administratif", DEFAULT_ADMINISTRATIVE)
    admin = parse_period(admin_text, "administratif")
    if admin < months:
        # An anonymised record must not leave documents behind that still name the beneficiary.
        raise fail(msg.ADMINISTRATIF_TROP_COURT, saisie=admin_text, duree=duree)
    if admin > ADMINISTRATIVE_LIMIT_MONTHS:
        raise fail(msg.ADMINISTRATIF_TROP_LONG, saisie=admin_text, source=ADMINISTRATIVE_LIMIT_SOURCE)
    return Settings(months, admin)


_FACTS = ("date_fin conservation cep content_destroyed_on anonymised_on suivi_has_notes"
          " synthesis_left other_files_left administrative_files_left")


class Facts(namedtuple("Facts", _FACTS, defaults=(None, False, False, None, None, False, False, False,
                                                   False))):
    """What R6313-7 reads of a bilan, and nothing more: the end; whether the consents
    `conservation` (exception B) and `cep` (exception A) are active; the days content was
    destroyed and the record anonymised; whether suivi notes (possibly written after the
    purge), a kept synthèse or its file, another recorded file of content, or an
    administrative file (kept until the anonymisation) are still there.

    Built from a full `Bilan` (`from_bilan`, for `purge` and `show`) or in bulk by
    `store/snapshots.load_retention_facts` (for the agenda): both feed the same rules below.
    """

    __slots__ = ()

    @classmethod
    def from_bilan(cls, bilan: Bilan) -> "Facts":
        return cls(
            date_fin=bilan.date_fin,
            conservation=bilan.active_consent("conservation") is not None,
            cep=bilan.active_consent("cep") is not None,
            content_destroyed_on=bilan.content_destroyed_on,
            anonymised_on=bilan.anonymised_on,
            suivi_has_notes=bilan.suivi_has_notes,
            synthesis_left=any(d.type == "synthese" for d in bilan.documents) or any(
                r.kind == "synthese" and r.destroyed_on is None for r in bilan.renderings),
            other_files_left=any(
                r.kind != "synthese" and r.retention != registry.ADMINISTRATIF
                and r.destroyed_on is None for r in bilan.renderings),
            administrative_files_left=any(
                r.retention == registry.ADMINISTRATIF and r.destroyed_on is None
                for r in bilan.renderings),
        )


def period_for(end: date, settings: Settings) -> int:
    """The setting, capped at what the law allowed when the action ended (`date_fin`)."""
    return min(settings.months, legal_period(end).months)


class Deadline(namedtuple("Deadline", "what kinds due_on rule")):
    """What goes (contenu, synthese, identite), its kinds of content, from which day, and
    under which rule."""

    __slots__ = ()


def schedule(facts: Facts, settings: Settings) -> tuple[Deadline, ...]:
    """Every deadline of an ended bilan, done or not; nothing for a bilan still running."""
    if facts.date_fin is None:
        return ()
    return _schedule(facts.date_fin, facts.conservation, facts.cep, settings)


# Kept because the consultant gains from it: the agenda's working set holds thousands of bilans
# (14,500 at 100,000 stored) sharing a few thousand end dates; measured, it spares about a
# seventh of the agenda's rules there. (follow_up_due's cache spared nothing: gone.)
@lru_cache(maxsize=8192)
def _schedule(end: date, agreement: bool, cep: bool, settings: Settings) -> tuple[Deadline, ...]:
    kept_until = months_later(end, period_for(end, settings))
    if agreement:
        deadlines = [Deadline("contenu", CONTENT_KINDS + SYNTHESIS_KINDS, kept_until, RULE_AGREEMENT)]
    elif cep:
        deadlines = [
            Deadline("contenu", CONTENT_KINDS, end, RULE_END),
            Deadline("synthese", SYNTHESIS_KINDS, kept_until, RULE_CEP),
        ]
    else:
        deadlines = [Deadline("contenu", CONTENT_KINDS + SYNTHESIS_KINDS, end, RULE_END)]
    deadlines.append(Deadline(
        "identite", (IDENTITY_KIND, registry.ADMINISTRATIVE_FILES),
        months_later(end, settings.administrative_months), RULE_ANONYMISATION,
    ))
    return tuple(deadlines)


def due(facts: Facts, settings: Settings, today: date) -> tuple[Deadline, ...]:
    """What a purge run today must look for. Content stays due after its first purge:
    suivi notes written later, or a file that could not be deleted, go at the next run."""
    return tuple(
        d for d in schedule(facts, settings)
        if d.due_on <= today and not (d.what == "identite" and facts.anonymised_on
                                      and not facts.administrative_files_left)
    )


def keys_due(deadlines: tuple[Deadline, ...]) -> tuple[str | None, ...]:
    """The groups of data keys (`KEY_GROUPS`) whose content these deadlines make due, all of
    it: the purge destroys them before the content."""
    kinds = {kind for d in deadlines for kind in d.kinds}
    return tuple(group for group, sealed in KEY_GROUPS if kinds.issuperset(sealed))


def _content_left(facts: Facts) -> bool:
    """Something of the content still there after its purge: later suivi notes, a stuck file."""
    return facts.content_destroyed_on is None or facts.suivi_has_notes or facts.other_files_left


def next_pending(facts: Facts, settings: Settings) -> Deadline | None:
    """The next deadline of this bilan with something still to do (past when a purge is
    overdue); None once everything is done."""
    pending = []
    for d in schedule(facts, settings):
        if d.what == "contenu" and (_content_left(facts)
                                    or ("syntheses" in d.kinds and facts.synthesis_left)):
            pending.append(d)
        elif d.what == "synthese" and facts.synthesis_left:
            pending.append(d)
        elif d.what == "identite" and (facts.anonymised_on is None
                                       or facts.administrative_files_left):
            pending.append(d)
    return min(pending, key=lambda d: d.due_on) if pending else None


def next_deadline(facts: Facts, settings: Settings) -> date | None:
    """The day of `next_pending`."""
    pending = next_pending(facts, settings)
    return pending.due_on if pending else None


def purge_due(facts: Facts, settings: Settings, today: date) -> date | None:
    """The day a purge fell due and is still owed (the agenda's `purge` item), None otherwise.
    Anonymisation counts: it is a purge run too."""
    pending = next_deadline(facts, settings)
    return pending if pending is not None and pending <= today else None


def anonymisation_cutoff(settings: Settings, today: date) -> date:
    """The last end whose anonymisation may have come by `today`: a record that ended later
    owes none yet. `months_later` clamps to the month's end (31 août + 6 mois → 28 février),
    so three days more keep every end of a short month in."""
    return months_later(today, -settings.administrative_months) + timedelta(days=3)


def purge_dues(facts: Mapping[str, Facts], settings: Settings, today: date) -> dict[str, date]:
    """Bilan id → the day its owed purge fell due, for the bilans that owe one today."""
    dues = {}
    # Bilans with the same facts owe the same: a store's thousands of bilans share a few
    # thousand end dates and purge runs, and a lookup costs a fraction of the rules.
    known: dict[Facts, date | None] = {}
    for bilan_id, f in facts.items():
        # Every deadline falls on or after the end: a running or recent bilan owes nothing yet.
        if f.date_fin is not None and f.date_fin <= today:
            if f in known:
                day = known[f]
            else:
                day = known[f] = purge_due(f, settings, today)
            if day is not None:
                dues[bilan_id] = day
    return dues

