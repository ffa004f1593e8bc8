"""`bilan qualiopi`: the Qualiopi file of a year (SPEC §14)."""

from __future__ import annotations

from bilancli import messages as msg
from bilancli.cli import base
from bilancli.cli.spec import JSON, command, flag, opt
from bilancli.core.choices import parse_choice
from bilancli.core.qualite.qualiopi import publication_year, quality_file
from bilancli.errors import fail
from bilancli.render import output as out
from bilancli.render import quality, templates
from bilancli.services.rendering import write_recorded
from bilancli.store import files
from bilancli.store.folders import open_folder
from bilancli.store.qualite.quality import load_year_file

QUALIOPI_FORMATS = ("md", "html", "pdf")


@command("qualiopi", msg.CMD_QUALIOPI,
         opt("--annee", help=msg.OPT_ANNEE_QUALIOPI, metavar="A"),
         flag("--noms", help=msg.OPT_NOMS_QUALIOPI),
         opt("--format", help=msg.OPT_FORMAT_QUALIOPI, dest="format_", metavar="md|html|pdf",
             default="md"),
         opt("-o", "--output", help=msg.OPT_SORTIE_QUALIOPI, metavar="FICHIER|-"),
         JSON, details=msg.DET_QUALIOPI)
def qualiopi(annee, noms, format_, output, as_json) -> None:
    from pathlib import Path


    home, today = base.home(), base.today()
    year = publication_year(annee, today)
    fmt = parse_choice(format_, QUALIOPI_FORMATS, msg.FORMAT_STATS_INCONNU)
    chosen = base.output_option(output)
    target = chosen if isinstance(chosen, Path) else None
    by_default = target is None and chosen is None and fmt == "pdf" and not as_json
    if by_default:
        target = Path(home) / "documents" / f"qualiopi-{year}.pdf"
    if target is not None and not as_json:
        if noms:
            refuse_names_at_home(target, home)
        if not by_default:   # documents/ is made below, once there is something to write
            files.check_output_path(target, home)
    config = base.config()
    the_file = compute(year, today, noms, config)
    if as_json:
        base.print_json(the_file)
        return

    text = templates.render(home, f"qualiopi.{'md' if fmt == 'md' else 'html'}.j2", fmt,
                            quality.file_view(the_file, config.cabinet, today, noms))
    data = out.encode(text, fmt, base_url=Path(home) / "templates")
    if target is None:
        import sys

        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    if noms:
        _write_named(the_file, fmt, data, target, today)
    else:
        if by_default:   # documents/, private, made if new
            import os


            os.close(open_folder(home, "documents", create=True))
        files.write(files.prepare(target, data, home), data)
    base.say(msg.QUALIOPI_ECRIT.format(annee=year, chemin=target))


def refuse_names_at_home(target, home) -> None:
    """A file naming beneficiaries goes to the auditor, never into the data folder."""
    from pathlib import Path


    if (target.parent.resolve() / target.name).is_relative_to(Path(home).resolve()):
        raise fail(msg.NOMS_DANS_BILAN_HOME, chemin=target)


def compute(year: int, today, names: bool, config) -> dict:
    with base.reading() as store:
        loaded = load_year_file(store.conn, year, names=names)
    referent = bool(config.cabinet.get("referent_handicap", "").strip())
    return quality_file(loaded.summaries, year, today, loaded.records, loaded.minutes_held,
                        referent)


def _write_named(the_file: dict, fmt: str, data: bytes, target, today) -> None:
    """Recorded under the named bilan anonymised first (the earliest ended, R6313-7): the
    purge destroys the file with that bilan's administrative files."""

    named = [b for b in the_file["bilans"] if b["nom"] is not None or b["prenom"] is not None]
    if not named:
        files.write(files.prepare(target, data, base.home()), data)
        return
    first = min(named, key=lambda b: (b["date_fin"] is None, b["date_fin"] or "", b["id"]))
    write_recorded(base.home(), "qualiopi", first["id"], fmt, data, target, today)
