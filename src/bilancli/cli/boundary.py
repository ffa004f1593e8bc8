"""The CLI's single boundary: French help, French usage errors, one exit point.

Typer's vendored Click writes its help and usage errors in English; rather than
patching Typer we use its extension points (`cls=`) to format help ourselves
and reword Click's exceptions here, where every error leaves the program.
"""

from __future__ import annotations

import importlib
import inspect
import re
import sys

import typer

from typer._click import exceptions as click_exceptions
from typer.core import TyperCommand, TyperGroup
from typer.exceptions import Abort

from bilancli import messages as msg
from bilancli.cli.base import leave, leave_on

_BRACKETS = (
    (re.compile(r"\bdefault: "), msg.AIDE_DEFAUT.split("{")[0]),
    (re.compile(r"\brequired\b"), msg.AIDE_OBLIGATOIRE),
)


_METAVARS = {"<str>": "TEXTE", "<int>": "NOMBRE", "<float>": "NOMBRE", "<path>": "FICHIER"}


def _french_metavar(text: str) -> str:
    for typed, french in _METAVARS.items():
        text = text.replace(typed, french)
    return text


def _french_extra(text: str) -> str:
    for pattern, french in _BRACKETS:
        text = pattern.sub(french, text)
    return text


class _FrenchHelp:
    """Help pages in French, plain text (rich-formatted help costs start-up time)."""

    def get_help_option(self, ctx):
        option = super().get_help_option(ctx)
        if option is not None:
            option.help = msg.AIDE_OPTION_HELP
        return option

    def format_help(self, ctx, formatter) -> None:
        pieces = " ".join(self.collect_usage_pieces(ctx)).replace("COMMAND", "COMMANDE")
        pieces = re.sub(r"\{([^}]+)\}", r"\1", pieces)
        formatter.write_usage(ctx.command_path, pieces, prefix=msg.USAGE)
        if self.help:
            formatter.write_paragraph()
            with formatter.indentation():
                formatter.write_text(self.help.split("\f")[0].strip())
        arguments, options = [], []
        for param in self.get_params(ctx):
            if param.param_type_name == "argument":
                arguments.append((param.human_readable_name, getattr(param, "help", "") or ""))
            else:
                record = param.get_help_record(ctx)
                if record:
                    options.append((_french_metavar(record[0]), _french_extra(record[1])))
        self._section(formatter, msg.SECTION_ARGUMENTS, arguments)
        self._section(formatter, msg.SECTION_OPTIONS, options)
        if isinstance(self, TyperGroup):
            self._section(formatter, msg.SECTION_COMMANDES, self.command_rows(ctx))

    @staticmethod
    def _section(formatter, title: str, rows) -> None:
        if rows:
            formatter.write_paragraph()
            formatter.write(f"{title} :\n")
            with formatter.indentation():
                formatter.write_dl(rows)


class FrenchCommand(_FrenchHelp, TyperCommand):
    pass


class FrenchGroup(_FrenchHelp, TyperGroup):
    def list_commands(self, ctx):
        # Commands in the order they were declared: the order of a bilan's life.
        return list(self.commands)

    def command_rows(self, ctx) -> list[tuple[str, str]]:
        rows = []
        for name in self.list_commands(ctx):
            command = self.get_command(ctx, name)
            if command is not None and not command.hidden:
                rows.append((name, short_help(command.help)))
        return rows


INTERRUPTED = 130


class RootGroup(FrenchGroup):
    """The `bilan` command itself: builds only the sub-command typed, and every error of
    every sub-command ends here."""

    def list_commands(self, ctx):
        from bilancli.cli.toc import COMMANDS

        return list(COMMANDS)

    def get_command(self, ctx, name):
        from bilancli.cli.toc import COMMANDS

        if name not in self.commands and name in COMMANDS:
            self.commands[name] = _build(name, *COMMANDS[name])
        return self.commands.get(name)

    def format_help(self, ctx, formatter) -> None:
        """The page the fast path writes too, from the table of contents alone."""
        from bilancli.cli.toc import root_help

        formatter.write(root_help(formatter.width) + "\n")

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        try:
            result = super().main(
                args=args, prog_name=prog_name or "bilan", complete_var=complete_var,
                standalone_mode=False, **extra,
            )
        except click_exceptions.NoArgsIsHelpError as exc:
            sys.stdout.write(exc.ctx.get_help() + "\n")
            sys.exit(2)
        except click_exceptions.UsageError as exc:
            leave(usage_message(exc), 2)
        except Abort:
            leave(msg.INTERROMPU, 1)
        except (Exception, KeyboardInterrupt) as exc:
            leave_on(exc)
        if result == INTERRUPTED:  # Typer turns Ctrl-C into a silent exit code 130
            leave(msg.INTERROMPU, INTERRUPTED)
        sys.exit(result if isinstance(result, int) else 0)


def _build(name: str, module: str, attribute: str, line: str):
    """The click command for one entry of the table of contents; its help is its line there."""
    import typer.main

    from bilancli.cli.toc import SETTINGS

    target = getattr(importlib.import_module(module), attribute)
    if isinstance(target, typer.Typer):
        # Always a group, even with one sub-command (`bilan synthese render`).
        command = typer.main.get_group(target)
        command.help = line
    else:
        single = typer.Typer(add_completion=False)
        single.command(name, cls=FrenchCommand, help=line, **SETTINGS.get(name, {}))(target)
        command = typer.main.get_command(single)
    command.name = name
    return command


def short_help(text: str | None) -> str:
    """A command's first paragraph, whole: Click's own cut stops at the first full stop,
    such as the one of « L6313-4 al. 3 »."""
    first = inspect.cleandoc(text or "").split("\n\n")[0]
    return " ".join(first.split())


def _close_commands(ctx, typo: str) -> list[str]:
    """Commands of the group that look like the typo (Typer only looks at built ones)."""
    import difflib

    if ctx is None or not hasattr(ctx.command, "list_commands"):
        return []
    return difflib.get_close_matches(typo, ctx.command.list_commands(ctx))


def usage_message(exc) -> str:
    """Reword one of Click's usage errors in French, with a pointer to the help."""
    exceptions = click_exceptions
    if isinstance(exc, exceptions.NoSuchOption):
        text = msg.OPTION_INCONNUE.format(option=exc.option_name)
        if exc.possibilities:
            text += msg.OPTION_PROCHE.format(suggestions=", ".join(sorted(exc.possibilities)))
    elif isinstance(exc, exceptions.MissingParameter):
        param = exc.param
        if param.param_type_name == "argument":
            text = msg.ARGUMENT_MANQUANT.format(nom=param.human_readable_name)
        else:
            name = param.opts[0] if param is not None and param.opts else "?"
            text = msg.OPTION_MANQUANTE.format(nom=name)
    elif isinstance(exc, exceptions.BadOptionUsage):
        if "requires an argument" in exc.message:
            text = msg.OPTION_SANS_VALEUR.format(option=exc.option_name)
        else:
            text = msg.OPTION_VALEUR_EN_TROP.format(option=exc.option_name)
    elif isinstance(exc, exceptions.BadParameter):
        name = exc.param.human_readable_name if exc.param is not None else "?"
        text = msg.VALEUR_INVALIDE.format(nom=name, valeur=exc.message)
    elif match := re.match(r"No such command '([^']*)'", exc.message):
        text = msg.COMMANDE_INCONNUE.format(commande=match.group(1))
        if close := _close_commands(exc.ctx, match.group(1)):
            text += msg.OPTION_PROCHE.format(suggestions=", ".join(close))
    elif match := re.match(r"Got unexpected extra argument(?:s|\(s\))? \((.*)\)", exc.message):
        text = msg.ARGUMENT_EN_TROP.format(valeur=match.group(1))
    elif exc.message.startswith("Missing command"):
        text = msg.COMMANDE_MANQUANTE
    else:
        text = msg.UTILISATION_INCORRECTE.format(detail=exc.message)
    text = msg.PREFIX_ERREUR + text
    if exc.ctx is not None:
        text += "\n" + msg.ESSAYEZ_AIDE.format(commande=exc.ctx.command_path)
    return text
