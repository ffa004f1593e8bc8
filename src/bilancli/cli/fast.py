"""The fast path: the read commands a consultant types all day (and the purge), run
without Typer.

Importing Typer and building its commands costs more than `bilan show` itself
(see README, Performance). For the exact, simple forms below, the same
implementation functions the Typer commands call are invoked directly; any
other form (a sub-command's `--help`, an unknown or repeated option, a missing
argument…) returns `False` and goes through Typer, which owns usage errors.
`bilan --help` (and `bilan` alone) is written from the table of contents, as
Typer writes it.
"""

from __future__ import annotations

from collections import namedtuple


class FastForm(namedtuple("FastForm", "module function arguments options flags",
                          defaults=((), {}, {}))):
    """The function to call, its positional `arguments` (all required), its `options`
    (--option VALUE → parameter) and `flags` (--flag → parameter=True)."""

    __slots__ = ()


_JSON = {"--json": "as_json"}
FAST_FORMS = {
    "show": FastForm("bilancli.cli.views", "show_bilan", ("bilan_id",), flags=_JSON),
    "list": FastForm("bilancli.cli.listview", "list_bilans", options={"--phase": "phase"}, flags=_JSON),
    "agenda": FastForm("bilancli.cli.agendaview", "show_agenda", flags=_JSON),
    "stats": FastForm("bilancli.cli.statsview", "show_stats", options={"--annee": "annee"}, flags=_JSON),
    # Not read all day, but run by cron: Typer would cost it a tenth of a VACUUM.
    "purge": FastForm("bilancli.cli.purging", "run_purge",
                      flags={"--dry-run": "dry_run", "--yes": "yes", **_JSON}),
}


def parse(argv: list[str]) -> tuple[str | None, FastForm, dict] | None:
    """(home option, form, keyword arguments), or None when Typer must handle it."""
    home = None
    rest = list(argv)
    if rest and rest[0] == "--home" and len(rest) > 1:
        home, rest = rest[1], rest[2:]
    elif rest and rest[0].startswith("--home="):
        home, rest = rest[0].split("=", 1)[1], rest[1:]
    if not rest or rest[0] not in FAST_FORMS:
        return None
    form = FAST_FORMS[rest[0]]
    values: dict = {name: False for name in form.flags.values()}
    values.update({name: None for name in form.options.values()})
    positional: list[str] = []
    tokens = iter(rest[1:])
    for token in tokens:
        if token in form.flags and not values[form.flags[token]]:
            values[form.flags[token]] = True
        elif token in form.options and values[form.options[token]] is None:
            value = next(tokens, None)
            if value is None or value.startswith("-"):
                return None
            values[form.options[token]] = value
        elif token.startswith("-"):
            return None
        else:
            positional.append(token)
    if len(positional) != len(form.arguments):
        return None
    values.update(zip(form.arguments, positional))
    return home, form, values


def run(argv: list[str]) -> bool:
    """Run a fast form and exit; return False when `argv` is not one."""
    import sys

    if argv in ([], ["--help"]):
        from bilancli.cli.toc import help_width, root_help

        sys.stdout.write(root_help(help_width()) + "\n")
        sys.exit(0 if argv else 2)  # as Typer: no command at all is a usage error
    parsed = parse(argv)
    if parsed is None:
        return False
    import gc
    import importlib

    from bilancli.cli import base

    home, form, values = parsed
    base.state.home_option = home
    # These commands are short (a purge of a thousand bilans takes about a second) and their
    # objects hold no cycles worth collecting: the collector's passes over the agenda's
    # thousands of snapshots cost more than they free (measured: 5–10 % of `agenda --json`).
    # Memory still goes by reference counting (peak 40 MB, see README, Performance).
    gc.disable()
    try:
        getattr(importlib.import_module(form.module), form.function)(**values)
    except (Exception, KeyboardInterrupt) as exc:
        base.leave_on(exc)
    finally:
        gc.enable()  # for a caller that goes on: the tests, in-process
    sys.exit(0)
