"""Shell completion (bash, zsh, fish), through Typer, of the commands as declared in
`cli.spec`: their words, their options, bilan ids and the closed lists of values.

Typer is imported only here: `bilan --install-completion`, `--show-completion`, and the
shell asking for completions (`_BILAN_COMPLETE` set). The Typer app is built from the
declarations; its commands are never run.
"""

from __future__ import annotations

import inspect
import sys
from typing import Optional

from bilancli.cli import spec

ENVIRONMENT = "_BILAN_COMPLETE"


def _closed_lists() -> dict[str, tuple[str, ...]]:
    from bilancli.core import complaints, documents, edof, fields, invoices, rdv, satisfaction
    from bilancli.core.model import MODALITES, PHASES

    return {
        "statut": fields.STATUTS, "financement": fields.FINANCEMENTS, "format": fields.FORMATS,
        "phase": PHASES, "champ": fields.ALL_FIELDS, "consentement": tuple(fields.CONSENTS),
        "modalite": MODALITES, "moment": satisfaction.MOMENTS, "sens": edof.SENS,
        "type_doc": documents.DOCUMENT_TYPES, "format_document": documents.FORMATS,
        "format_facture": documents.INVOICE_FORMATS,
        "par_rdv": rdv.PAR,
        "payeur": invoices.PAYERS, "mode_paiement": invoices.MODES,
        "origine": complaints.ORIGINS, "canal": complaints.CHANNELS,
    }


def _bilan_ids() -> list[str]:
    """The ids of the store, newest first, read without writing anything."""
    from bilancli.cli import base
    from bilancli.store import bilans

    try:
        with base.reading() as store:
            return [row[0] for row in bilans.list_rows(store.conn)]
    except Exception:   # completion must never break the shell
        return []


def _register_numbers(kind: str):
    """The numbers of the invoices or of the réclamations, newest first, read without writing."""
    def numbers() -> list[str]:
        from bilancli.cli import base
        from bilancli.store import ledger

        try:
            with base.reading() as store:
                found = (ledger.load_invoices(store.conn) if kind == "factures"
                         else ledger.load_complaints(store.conn))
        except Exception:   # completion must never break the shell
            return []
        return [item.numero for item in reversed(found)]

    return numbers


def completer(source):
    """The completion function of a parameter, or None."""
    if source is None or source == "fichier":
        return None   # the shell completes file names itself
    if source == "bilans":
        words = _bilan_ids
    elif source in ("factures", "reclamations"):
        words = _register_numbers(source)
    else:
        values = _closed_lists()[source]
        words = lambda: values  # noqa: E731

    def complete(incomplete: str):
        return [w for w in words() if w.startswith(incomplete)]

    return complete


def _callback(cmd: spec.Command):
    """A function whose signature Typer reads: one parameter per declared one."""
    import typer

    def callback(**values) -> None:   # pragma: no cover - completion never runs a command
        cmd.function(**values)

    parameters = []
    for p in cmd.params:
        complete = completer(p.complete)
        if isinstance(p, spec.Arg):
            default = typer.Argument(... if p.required else None, metavar=p.metavar, help=p.help,
                                     autocompletion=complete, show_default=False)
            annotation = Optional[str]
        elif p.flag:
            default, annotation = typer.Option(False, *p.names, help=p.help), bool
        else:
            default = typer.Option(p.default, *p.names, help=p.help, metavar=p.metavar,
                                   autocompletion=complete, show_default=False)
            annotation = Optional[str]
        parameters.append(inspect.Parameter(p.dest, inspect.Parameter.POSITIONAL_OR_KEYWORD,
                                            default=default, annotation=annotation))
    callback.__signature__ = inspect.Signature(parameters)
    callback.__annotations__ = {p.name: p.annotation for p in parameters}
    callback.__name__ = "_".join(cmd.path)
    return callback


# The hidden sub-command standing for a word that is also a command (`bilan facture ID`).
_OWN = "-"


def _group_class():
    """A group whose word is also a command: a first word that names none of its
    sub-commands is the command's own argument (`bilan facture 2026-001 --payeur …`), as
    `cli.parse` reads it; completion then offers the command's options and values."""
    from typer.core import TyperGroup

    class WordAndGroup(TyperGroup):
        def resolve_command(self, ctx, args):
            if args and args[0] not in self.commands:
                args = [_OWN, *args]
            return super().resolve_command(ctx, args)

        def shell_complete(self, ctx, incomplete):
            """Its sub-commands, and what the command's first argument takes (bilan ids)."""
            found = super().shell_complete(ctx, incomplete)
            own = self.commands[_OWN]
            first = next((p for p in own.params if p.param_type_name == "argument"), None)
            if first is not None and not incomplete.startswith("-"):
                found += first.shell_complete(ctx, incomplete)
            return found

    return WordAndGroup


def build():
    """The Typer app of every declared command."""
    import typer

    app = typer.Typer(name="bilan", add_completion=True, no_args_is_help=True,
                      help=_root_help(), pretty_exceptions_enable=False)
    commands = spec.load()
    groups = {}
    for path, cmd in commands.items():
        target, name = app, path[-1]
        if path[0] in spec.GROUPS:
            if path[0] not in groups:
                both = (path[0],) in commands
                groups[path[0]] = typer.Typer(
                    help=spec.GROUPS[path[0]], no_args_is_help=True,
                    cls=_group_class() if both else None,
                    context_settings={"ignore_unknown_options": True} if both else None)
                app.add_typer(groups[path[0]], name=path[0])
            target = groups[path[0]]
            if len(path) == 1:
                name = _OWN
        target.command(name, help=cmd.help, hidden=name == _OWN)(_callback(cmd))

    @app.callback()
    def root(home: Optional[str] = typer.Option(None, "--home", help=_home_help())) -> None:
        pass

    return app


def _root_help() -> str:
    from bilancli import messages as msg

    return msg.AIDE_RACINE


def _home_help() -> str:
    from bilancli import messages as msg

    return msg.AIDE_HOME


def complete(argv: list[str]) -> int:
    """Run the Typer app for what completion asks: a script to install, or completions."""
    try:
        build()(args=argv, prog_name="bilan")
    except SystemExit as leaving:
        return leaving.code if isinstance(leaving.code, int) else 0
    sys.stdout.flush()
    return 0
