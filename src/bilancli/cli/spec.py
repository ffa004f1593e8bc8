"""One declaration per command: its path, its line of help, its arguments and options.

Each command module declares its commands next to their functions with `command(...)`;
`cli.app` compiles each declaration into a Click command when its noun is typed. Click
then reads the line, writes every help page, completes in the shell; the README's command
table (`cli.reference`) is written from the same declarations.
"""

from __future__ import annotations

from collections import namedtuple

from bilancli import messages as msg
from bilancli.cli import nouns


class Arg(namedtuple("Arg", "dest metavar help required complete", defaults=(True, None))):
    """A positional argument: the parameter it fills (`dest`), its name in help (`metavar`),
    whether it may be left out, and what completes it (`complete`: a tuple of words, or the
    name of a source such as "bilans")."""

    __slots__ = ()


class Opt(namedtuple("Opt", "names dest help metavar required default flag complete",
                     defaults=(None, False, None, False, None))):
    """An option: its spellings (`--date`, `-o`), the parameter it fills, its help, the
    name of its value in help (`metavar`; None for a flag), whether it is required, its
    default, and what completes its value."""

    __slots__ = ()

    @property
    def long(self) -> str:
        return next(n for n in self.names if n.startswith("--"))


class Command(namedtuple("Command", "path help params function dash_values details")):
    """A command: its words (`("entretien", "add")`), its line of help, its parameters in
    order, the function called with them, whether a positional value may start with a
    dash (`bilan set ID demande "- premier point"`), and what its help page and the README
    add to its line (`details`)."""

    __slots__ = ()

    @property
    def name(self) -> str:
        return " ".join(self.path)

    @property
    def arguments(self) -> tuple[Arg, ...]:
        return tuple(p for p in self.params if isinstance(p, Arg))

    @property
    def options(self) -> tuple[Opt, ...]:
        return tuple(p for p in self.params if isinstance(p, Opt))


COMMANDS: dict[tuple[str, ...], Command] = {}
GROUPS: dict[str, str] = {}   # a word that takes sub-commands → its line of help


def group(name: str, help: str) -> None:
    """Declare a word that takes sub-commands (`bilan entretien …`)."""
    GROUPS[name] = help


def command(path: str, help: str, *params, dash_values: bool = False, details: str = ""):
    """Declare the decorated function as the command `path`."""
    def register(function):
        words = tuple(path.split())
        COMMANDS[words] = Command(words, help, tuple(params), function, dash_values, details)
        return function

    return register


def arg(dest: str, metavar: str, help: str, *, required: bool = True, complete=None) -> Arg:
    return Arg(dest, metavar, help, required, complete)


def opt(*names: str, help: str, dest: str | None = None, metavar: str = "TEXTE",
        required: bool = False, default: str | None = None, complete=None) -> Opt:
    return Opt(names, dest or _dest(names), help, metavar, required, default, False, complete)


def flag(*names: str, help: str, dest: str | None = None) -> Opt:
    return Opt(names, dest or _dest(names), help, None, False, False, True)


def _dest(names: tuple[str, ...]) -> str:
    return next(n for n in names if n.startswith("--"))[2:].replace("-", "_")


def load() -> dict[tuple[str, ...], Command]:
    """Every declared command (the modules declare them as they are imported), in the
    order of `bilan --help`."""
    import importlib

    for module in dict.fromkeys(nouns.MODULE.values()):
        importlib.import_module(f"bilancli.cli.{module}")
    order = {noun: rank for rank, noun in enumerate(nouns.MODULE)}
    return dict(sorted(COMMANDS.items(), key=lambda item: order[item[0][0]]))


def synopsis(cmd: Command) -> str:
    """`bilan entretien add ID --date D --duree DUR [--modalite …]`: the command as typed."""
    return " ".join(["bilan", *cmd.path, *usage_pieces(cmd)])


def usage_pieces(cmd: Command) -> list[str]:
    """What follows the command's words in its synopsis (its help page's usage line)."""
    parts = []
    for a in cmd.arguments:
        parts.append(a.metavar if a.required else f"[{a.metavar}]")
    for o in cmd.options:
        spelled = o.names[0] if o.flag else f"{o.names[0]} {o.metavar}"
        parts.append(spelled if o.required else f"[{spelled}]")
    return parts


# Parameters many commands share.
def _shared():
    return (arg("bilan_id", "ID", msg.ARG_ID, complete="bilans"),
            flag("--json", help=msg.OPT_JSON, dest="as_json"),
            opt("--date", help=msg.OPT_DATE, metavar="D"))


ID, JSON, DATE = _shared()
