"""Reading a command line against the declarations of `cli.spec`, in French.

The result is what to do: run a command with its values, print a help page, print the
version, or hand over to shell completion. A line that cannot be read is a `UsageError`
(exit 2) naming what was wrong, with a pointer to the right help page.
"""

from __future__ import annotations

from collections import namedtuple

from bilancli import messages as msg
from bilancli.cli import spec
from bilancli.errors import UsageError


class Run(namedtuple("Run", "command values")):
    __slots__ = ()


class Help(namedtuple("Help", "path code")):
    """The help page of `path` (() for `bilan` itself); `code` is the exit code (2 when the
    page answers a command typed without its sub-command)."""

    __slots__ = ()


class Version(namedtuple("Version", "")):
    __slots__ = ()


class Completion(namedtuple("Completion", "argv")):
    __slots__ = ()


HELP = ("-h", "--help")
COMPLETION = ("--install-completion", "--show-completion")


def parse(argv: list[str]) -> tuple[str | None, object]:
    """(the `--home` given, what to do)."""
    home, rest = None, list(argv)
    while rest and rest[0].startswith("-"):
        token = rest.pop(0)
        name, eq, value = token.partition("=")
        if token in HELP:
            return home, Help((), 0)
        if token == "--version":
            return home, Version()
        if name in COMPLETION:
            return home, Completion(list(argv))
        if name != "--home":
            raise _usage(msg.OPTION_INCONNUE.format(option=name) + _close(name, ["--home", "--version", "--help"]), ())
        if not eq:
            if not rest:
                raise _usage(msg.OPTION_SANS_VALEUR.format(option="--home"), ())
            value = rest.pop(0)
        home = value
    if not rest:
        if argv:   # `bilan --home DIR` and nothing more
            raise _usage(msg.COMMANDE_MANQUANTE, ())
        return home, Help((), 2)
    commands = spec.load()
    word = rest.pop(0)
    if word in spec.GROUPS:
        following = rest[0] if rest else None
        if following is not None and (word, following) in commands:
            rest.pop(0)
            return home, _parse_command(commands[word, following], rest)
        if (word,) not in commands:
            if following is None:
                return home, Help((word,), 2)
            if following in HELP:
                return home, Help((word,), 0)
            names = [c.path[1] for c in spec.subcommands(word)]
            raise _usage(msg.COMMANDE_INCONNUE.format(commande=following) + _close(following, names), (word,))
    if (word,) not in commands:
        names = [name for name, _ in spec.top_level()]
        raise _usage(msg.COMMANDE_INCONNUE.format(commande=word) + _close(word, names), ())
    return home, _parse_command(commands[word,], rest)


def _parse_command(cmd: spec.Command, tokens: list[str]):
    by_name = {name: o for o in cmd.options for name in o.names}
    values: dict[str, object] = {o.dest: o.default for o in cmd.options}
    given: set[str] = set()
    positional: list[str] = []
    tokens = list(tokens)
    only_positional = False
    while tokens:
        token = tokens.pop(0)
        if only_positional or token == "-" or not token.startswith("-"):
            positional.append(token)
            continue
        if token == "--":
            only_positional = True
            continue
        if token in HELP:
            return Help(cmd.path, 0)
        if token.startswith("--"):
            name, eq, value = token.partition("=")
            attached = value if eq else None
        else:   # -o FICHIER, -oFICHIER
            name, attached = token[:2], (token[2:].removeprefix("=") or None)
        option = by_name.get(name)
        if option is None:
            if cmd.dash_values:
                positional.append(token)
                continue
            raise _usage(msg.OPTION_INCONNUE.format(option=name) + _close(name, list(by_name)), cmd.path)
        given.add(option.dest)   # given twice, the last one counts (as everywhere in Unix tools)
        if option.flag:
            if attached is not None:
                raise _usage(msg.OPTION_VALEUR_EN_TROP.format(option=name), cmd.path)
            values[option.dest] = True
            continue
        if attached is None:
            if not tokens:
                raise _usage(msg.OPTION_SANS_VALEUR.format(option=name), cmd.path)
            attached = tokens.pop(0)
        values[option.dest] = attached
    for option in cmd.options:
        if option.required and option.dest not in given:
            raise _usage(msg.OPTION_MANQUANTE.format(nom=option.names[0]), cmd.path)
    arguments = cmd.arguments
    if len(positional) > len(arguments):
        raise _usage(msg.ARGUMENT_EN_TROP.format(valeur=" ".join(positional[len(arguments):])), cmd.path)
    for index, argument in enumerate(arguments):
        if index < len(positional):
            values[argument.dest] = positional[index]
        elif argument.required:
            raise _usage(msg.ARGUMENT_MANQUANT.format(nom=argument.metavar), cmd.path)
        else:
            values[argument.dest] = None
    return Run(cmd, values)


def _close(typed: str, possible: list[str]) -> str:
    import difflib

    close = difflib.get_close_matches(typed, possible)
    return msg.OPTION_PROCHE.format(suggestions=", ".join(close)) if close else ""


def _usage(text: str, path: tuple[str, ...]) -> UsageError:
    where = " ".join(("bilan", *path))
    return UsageError(text + "\n" + msg.ESSAYEZ_AIDE.format(commande=where))
