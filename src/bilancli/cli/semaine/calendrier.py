"""`bilan calendrier`: the rendez-vous as an iCalendar file to import or subscribe to (SPEC §9)."""

from __future__ import annotations

import sys

from bilancli import messages as msg
from bilancli.cli import base
from bilancli.cli.semaine.agendaview import compute
from bilancli.cli.spec import command, flag, opt
from bilancli.core.semaine import calendrier as rules
from bilancli.render.ical import to_ical
from bilancli.store import files
from bilancli.store.semaine import calendar_cache
from bilancli.store.semaine import rdv as rdv_store


@command("calendrier", msg.CMD_CALENDRIER,
         opt("-o", "--output", help=msg.OPT_SORTIE_CALENDRIER, metavar="FICHIER|-"),
         flag("--noms", help=msg.OPT_NOMS),
         flag("--echeances", help=msg.OPT_ECHEANCES),
         details=msg.DET_CALENDRIER)
def calendrier(output, noms, echeances) -> None:
    home, today = base.home(), base.today()
    target = None
    if output not in (None, "-"):
        target = base.output_option(output)
        files.check_output_path(target, home)
    address = base.config().cabinet.get("adresse")
    with base.reading() as store:
        bookings = rdv_store.bookings(store.conn, rules.first_day(today), None)
    events = rules.rdv_events(bookings, noms, address)
    deadlines = []
    if echeances:
        items, summaries, _ = compute(names=noms)
        names = {bid: (s.prenom, s.nom) for bid, s in summaries.items()}
        deadlines = rules.deadline_events(items, names, noms, today)
    if noms:
        data = to_ical(events + deadlines, msg.CALENDRIER_NOM, today)
    else:
        wanted = calendar_cache.key(events + deadlines, msg.CALENDRIER_NOM, today)
        data = calendar_cache.kept(home, wanted)
        if data is None:
            data = to_ical(events + deadlines, msg.CALENDRIER_NOM, today)
            calendar_cache.keep(home, wanted, data)
    if noms:
        base.warn(msg.CALENDRIER_NOMS)
    if target is None:
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    # Private (0600), never half-written, never through a link. It holds no bilan content (the
    # purge has nothing to destroy in it); with --noms, the names the consultant chose to give.
    files.write(files.prepare(target, data, home), data)
    extra = msg.CALENDRIER_ECHEANCES.format(nombre=len(deadlines)) if echeances else ""
    base.say(msg.CALENDRIER_ECRIT.format(fichier=target, nombre=len(events), echeances=extra))
