"""Help pages, written from the declarations of `cli.spec`: the project's own layout.

A page is a usage line (the command's synopsis), its line of help, then sections of two
columns: the names on the left, their help wrapped on the right.
"""

from __future__ import annotations

from textwrap import fill, wrap

from bilancli import messages as msg
from bilancli.cli import spec

NAME_COLUMN = 24   # a longer name puts its help on the next line


def width() -> int:
    import shutil

    return max(min(shutil.get_terminal_size().columns, 100) - 2, 50)


def page(path: tuple[str, ...], columns: int | None = None) -> str:
    columns = columns or width()
    commands = spec.load()
    if not path:
        return _root(columns)
    if len(path) == 1 and path[0] in spec.GROUPS:
        return _group(path[0], columns, own=commands.get(path))
    return _command(commands[path], columns)


def _usage(text: str, columns: int) -> str:
    prefix = msg.USAGE
    return fill(text, columns, initial_indent=prefix, subsequent_indent=" " * (len(prefix) + 6),
                break_on_hyphens=False, break_long_words=False)


def _section(title: str, rows: list[tuple[str, str]], columns: int) -> list[str]:
    if not rows:
        return []
    first = min(max(len(name) for name, _ in rows), NAME_COLUMN) + 2
    lines = ["", f"{title} :"]
    for name, text in rows:
        body = wrap(text, max(columns - first - 2, 20)) or [""]
        if len(name) <= first - 2:
            lines.append(f"  {name.ljust(first)}{body[0]}".rstrip())
        else:
            lines += [f"  {name}", " " * (first + 2) + body[0]]
        lines += [" " * (first + 2) + line for line in body[1:]]
    return lines


def _description(text: str, columns: int) -> list[str]:
    return ["", fill(text, columns, initial_indent="  ", subsequent_indent="  ")]


def _help_row() -> tuple[str, str]:
    return "-h, --help", msg.AIDE_OPTION_HELP


def _root(columns: int) -> str:
    lines = [_usage("bilan [OPTIONS] COMMANDE [ARGS]...", columns)]
    lines += _description(msg.AIDE_RACINE, columns)
    lines += _section(msg.SECTION_OPTIONS, [
        (f"--home {msg.AIDE_HOME_METAVAR}", msg.AIDE_HOME), ("--version", msg.AIDE_VERSION),
        ("--install-completion", msg.AIDE_INSTALLER_COMPLETION),
        ("--show-completion", msg.AIDE_MONTRER_COMPLETION), _help_row(),
    ], columns)
    lines += _section(msg.SECTION_COMMANDES, spec.top_level(), columns)
    return "\n".join(lines) + "\n"


def _group(word: str, columns: int, own: spec.Command | None = None) -> str:
    usage = f"bilan {word} COMMANDE [ARGS]..."
    lines = [_usage(usage, columns)]
    if own is not None:
        lines.append(_usage(spec.synopsis(own), columns).replace(msg.USAGE, " " * len(msg.USAGE), 1))
    lines += _description(spec.GROUPS[word], columns)
    if own is not None:   # a word that is also a command (`bilan facture ID`): its own line too
        lines += _description(own.help, columns)
        if own.details:
            lines += _description(own.details, columns)
    lines += _parameters(own, columns) if own is not None else _section(
        msg.SECTION_OPTIONS, [_help_row()], columns)
    lines += _section(msg.SECTION_COMMANDES, [(c.path[1], c.help) for c in spec.subcommands(word)], columns)
    return "\n".join(lines) + "\n"


def _command(cmd: spec.Command, columns: int) -> str:
    lines = [_usage(spec.synopsis(cmd), columns)]
    lines += _description(cmd.help, columns)
    if cmd.details:
        lines += _description(cmd.details, columns)
    lines += _parameters(cmd, columns)
    return "\n".join(lines) + "\n"


def _parameters(cmd: spec.Command, columns: int) -> list[str]:
    arguments = [(a.metavar, a.help) for a in cmd.arguments]
    options = []
    for o in cmd.options:
        names = ", ".join(o.names) + ("" if o.flag else f" {o.metavar}")
        text = o.help
        if o.required:
            text += f" [{msg.AIDE_OBLIGATOIRE}]"
        elif o.default not in (None, False):
            text += f" [{msg.AIDE_DEFAUT.format(valeur=o.default)}]"
        options.append((names, text))
    options.append(_help_row())
    return _section(msg.SECTION_ARGUMENTS, arguments, columns) + _section(msg.SECTION_OPTIONS, options, columns)
