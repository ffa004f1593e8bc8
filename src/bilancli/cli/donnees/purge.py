"""`bilan purge`: the command around `cli.purging.run_purge` (SPEC §5)."""

from __future__ import annotations

from bilancli import messages as msg
from bilancli.cli.donnees.purging import run_purge
from bilancli.cli.spec import JSON, command, flag


@command("purge", msg.CMD_PURGE, flag("--dry-run", help=msg.OPT_DRY_RUN),
         flag("--yes", help=msg.OPT_YES), flag("--tout", help=msg.OPT_TOUT), JSON,
         details=msg.DET_PURGE)
def purge(dry_run, yes, tout, as_json) -> None:
    run_purge(dry_run, yes, as_json, everything=tout)
