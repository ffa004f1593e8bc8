"""The `bilan` command line as Click commands, built from the declarations of `cli.spec`.

The root group imports a noun's module only when that noun is typed (Click's "lazily
loading subcommands"); that module's declarations become a Click command, or a Click group
for a noun with sub-commands. Click's own words (usage, help, usage errors) are French
through its gettext hooks: `french()` binds the catalogue shipped in `bilancli/locale`.
"""

from __future__ import annotations

import gettext
import importlib
import os
from contextlib import contextmanager

import click

from bilancli import __version__
from bilancli import messages as msg
from bilancli.cli import base, nouns, spec
from bilancli.cli.completers import completer
from bilancli.cli.roothelp import page
from bilancli.errors import fail

DOMAIN = "bilancli"
LOCALES = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "locale")
COMPLETION_VARIABLE = "_BILAN_COMPLETE"
SHELLS = ("bash", "zsh", "fish")


@contextmanager
def french():
    """Click's words in French for the time of a command: bilan speaks French only, whatever
    the locale (`LANGUAGE` is read by gettext before the others)."""
    saved_domain, saved_language = gettext.textdomain(), os.environ.get("LANGUAGE")
    gettext.bindtextdomain(DOMAIN, LOCALES)
    gettext.textdomain(DOMAIN)
    os.environ["LANGUAGE"] = "fr"
    try:
        yield
    finally:
        gettext.textdomain(saved_domain)
        if saved_language is None:
            os.environ.pop("LANGUAGE", None)
        else:
            os.environ["LANGUAGE"] = saved_language


class Formatter(click.HelpFormatter):
    """French typography: a space before the colon of a heading."""

    def write_heading(self, heading: str) -> None:
        self.write(f"{'':>{self.current_indent}}{heading} :\n")


class Context(click.Context):
    formatter_class = Formatter


SETTINGS = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


def _unknown(ctx: click.Context, typed: str, possible) -> click.UsageError:
    import difflib

    close = difflib.get_close_matches(typed, list(possible))
    suggestion = msg.OPTION_PROCHE.format(suggestions=", ".join(close)) if close else ""
    return click.UsageError(msg.COMMANDE_INCONNUE.format(commande=typed) + suggestion, ctx)


class Argument(click.Argument):
    def get_error_hint(self, ctx) -> str:
        return self.human_readable_name


class Option(click.Option):
    def get_error_hint(self, ctx) -> str:
        return " / ".join(self.opts)


class _Located:
    """A usage error always knows its command, so that its message ends with the command's
    usage and where to find its help (Click's parser raises some without it); help pages
    are written with the French headings."""

    context_class = Context

    def parse_args(self, ctx, args):
        try:
            return super().parse_args(ctx, args)
        except click.UsageError as exc:
            if exc.ctx is None:
                exc.ctx = ctx
            raise


class Command(_Located, click.Command):
    """A command whose usage line is its synopsis (every option named), and whose page lists
    its arguments with their help, then its options."""

    def __init__(self, *args, arguments=(), usage=(), **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.arguments_help = arguments
        self.usage = list(usage)

    def collect_usage_pieces(self, ctx) -> list[str]:
        return list(self.usage)

    def format_options(self, ctx, formatter) -> None:
        if self.arguments_help:
            with formatter.section(msg.SECTION_ARGUMENTS):
                formatter.write_dl(self.arguments_help)
        super().format_options(ctx, formatter)


def command(cmd: spec.Command, name: str | None = None) -> Command:
    """The Click command of a declaration."""
    params = []
    for p in cmd.params:
        if isinstance(p, spec.Arg):
            params.append(Argument([p.dest], metavar=p.metavar, required=p.required,
                                   shell_complete=completer(p.complete)))
        elif p.flag:
            params.append(Option([*p.names, p.dest], is_flag=True, default=False, help=p.help))
        else:
            # No default at all unless declared: Click 8.3+ takes `default=None` for a value.
            default = {} if p.default is None else {"default": p.default, "show_default": True}
            # `-o FICHIER`, `--template FICHIER`: the shell completes paths
            complete = p.complete or ("fichier" if p.metavar.startswith("FICHIER") else None)
            params.append(Option([*p.names, p.dest], metavar=p.metavar, required=p.required,
                                 help=p.help, shell_complete=completer(complete), **default))
    return Command(
        name or cmd.path[-1], callback=cmd.function, params=params,
        help=f"{cmd.help}\n\n{cmd.details}" if cmd.details else cmd.help, short_help=cmd.help,
        arguments=[(a.metavar, a.help) for a in cmd.arguments], usage=spec.usage_pieces(cmd),
        # `bilan set ID demande "- premier point"`: a value may start with a dash.
        context_settings={"ignore_unknown_options": True} if cmd.dash_values else None)


class Group(_Located, click.Group):
    """A group that shows its page when typed alone (exit 2, the page on stdout, as with
    every Click version) and suggests the closest word for a mistyped one."""

    def parse_args(self, ctx, args):
        if not args and not ctx.resilient_parsing:
            click.echo(ctx.get_help())
            ctx.exit(2)
        return super().parse_args(ctx, args)

    def resolve_command(self, ctx, args):
        name = args[0]
        found = self.get_command(ctx, name)
        if found is not None:
            return name, found, args[1:]
        if ctx.resilient_parsing or name.startswith("-"):   # completing, or an option: Click's way
            return super().resolve_command(ctx, args)
        raise _unknown(ctx, name, self.list_commands(ctx))


class Noun(Group):
    """A noun with sub-commands (`bilan entretien add`). When the noun is also a command
    (`bilan facture ID`), a first word that names no sub-command is that command's."""

    def __init__(self, *args, own: Command | None = None, **kwargs) -> None:
        super().__init__(*args, subcommand_metavar=msg.AIDE_SOUS_COMMANDE, **kwargs)
        self.own = own

    def list_commands(self, ctx) -> list[str]:
        return list(self.commands)   # as declared: add, list, edit, remove

    def routes_to_own(self, ctx, rest: list[str]) -> bool:
        if self.own is None:
            return False
        if not rest:   # `bilan facture`: the command's missing argument, except while completing
            return not ctx.resilient_parsing
        return rest[0] not in self.commands and rest[0] not in ctx.help_option_names

    def format_usage(self, ctx, formatter) -> None:
        super().format_usage(ctx, formatter)
        if self.own is not None:
            pieces = self.own.collect_usage_pieces(ctx)
            formatter.write_usage(ctx.command_path, " ".join(pieces), prefix=" " * len(msg.USAGE))

    def format_help_text(self, ctx, formatter) -> None:
        super().format_help_text(ctx, formatter)
        if self.own is not None:
            self.own.format_help_text(ctx, formatter)

    def format_options(self, ctx, formatter) -> None:
        if self.own is None:
            return super().format_options(ctx, formatter)
        self.own.format_options(ctx, formatter)
        self.format_commands(ctx, formatter)

    def shell_complete(self, ctx, incomplete):
        """Its sub-commands and, for a noun that is also a command, its first argument's words."""
        found = super().shell_complete(ctx, incomplete)
        if self.own is not None and not incomplete.startswith("-"):
            first = next((p for p in self.own.params if isinstance(p, click.Argument)), None)
            if first is not None:
                found += first.shell_complete(ctx, incomplete)
        return found


def noun(name: str) -> click.Command | None:
    """The Click command of a noun, its module imported now."""
    module = nouns.MODULE.get(name)
    if module is None:
        return None
    importlib.import_module(f"bilancli.cli.{module}")
    own = spec.COMMANDS.get((name,))
    if name not in spec.GROUPS:
        return command(own)
    subcommands = {path[1]: command(cmd) for path, cmd in spec.COMMANDS.items()
                   if len(path) == 2 and path[0] == name}
    return Noun(name, commands=subcommands, help=spec.GROUPS[name], short_help=spec.GROUPS[name],
                own=command(own, name) if own is not None else None)


def _version(ctx, param, value) -> None:
    if value and not ctx.resilient_parsing:
        base.say(msg.VERSION.format(version=__version__))
        ctx.exit(0)


def _shell() -> str:
    shell = os.path.basename(os.environ.get("SHELL", ""))
    if shell not in SHELLS:
        raise fail(msg.COMPLETION_SHELL_INCONNU, shell=shell or "?")
    return shell


def completion_script(shell: str) -> str:
    """The script that asks `bilan` for its completions (Click's completion protocol)."""
    from click.shell_completion import get_completion_class

    return get_completion_class(shell)(root, {}, "bilan", COMPLETION_VARIABLE).source()


def _show_completion(ctx, param, value) -> None:
    if value and not ctx.resilient_parsing:
        click.echo(completion_script(_shell()))
        ctx.exit(0)


def _install_completion(ctx, param, value) -> None:
    if value and not ctx.resilient_parsing:
        from pathlib import Path

        shell = _shell()
        target = install_completion(shell, Path.home())
        base.say(msg.COMPLETION_INSTALLEE.format(shell=shell, fichier=target))
        ctx.exit(0)


def install_completion(shell: str, home):
    """Write the completion script where the shell reads it; for bash and zsh, source it
    from the shell's start-up file once."""
    places = {"bash": (home / ".bash_completions" / "bilan.sh", home / ".bashrc"),
              "zsh": (home / ".zfunc" / "_bilan", home / ".zshrc"),
              "fish": (home / ".config" / "fish" / "completions" / "bilan.fish", None)}
    script, start_up = places[shell]
    script.parent.mkdir(parents=True, exist_ok=True)
    script.write_text(completion_script(shell) + "\n", encoding="utf-8")
    if start_up is not None:
        line = (f"source {script}" if shell == "bash"
                else f"fpath+={script.parent}\nautoload -Uz compinit\ncompinit")
        current = start_up.read_text(encoding="utf-8") if start_up.exists() else ""
        if line not in current:
            with start_up.open("a", encoding="utf-8") as handle:
                handle.write(f"\n{line}\n")
    return script


class Root(Group):
    """`bilan`: its nouns, each imported when typed; its page drawn by rich."""

    def list_commands(self, ctx) -> list[str]:
        return list(nouns.MODULE)

    def get_command(self, ctx, name: str):
        return noun(name)

    def resolve_command(self, ctx, args):
        """A noun that is also a command is that command unless a sub-command (or help)
        follows it."""
        name, cmd, rest = super().resolve_command(ctx, args)
        if isinstance(cmd, Noun) and cmd.routes_to_own(ctx, rest):
            cmd = cmd.own
        return name, cmd, rest

    def get_help(self, ctx) -> str:
        return page(self, ctx)


def _home(ctx, param, value) -> None:
    base.state.home_option = value


root = Root(
    "bilan", help=msg.AIDE_RACINE, context_settings=SETTINGS,
    subcommand_metavar=msg.AIDE_SOUS_COMMANDE,
    params=[
        Option(["--home"], metavar=msg.AIDE_HOME_METAVAR, help=msg.AIDE_HOME, expose_value=False,
               callback=_home),
        Option(["--version"], is_flag=True, expose_value=False, is_eager=True, callback=_version,
               help=msg.AIDE_VERSION),
        Option(["--install-completion"], is_flag=True, expose_value=False, callback=_install_completion,
               help=msg.AIDE_INSTALLER_COMPLETION),
        Option(["--show-completion"], is_flag=True, expose_value=False, callback=_show_completion,
               help=msg.AIDE_MONTRER_COMPLETION),
    ])
