"""Help and usage in French, for every command."""

import pytest
import typer.main

from bilancli.cli import app
from bilancli.cli.boundary import short_help


def walk(command, ctx, path=()):
    yield path, command
    if hasattr(command, "list_commands"):
        for name in command.list_commands(ctx):
            yield from walk(command.get_command(ctx, name), ctx, (*path, name))


def all_commands():
    root = typer.main.get_command(app)
    return list(walk(root, root.make_context("bilan", ["--help"], resilient_parsing=True)))


def test_every_command_of_the_table_of_contents_is_reachable():
    names = {path for path, _ in all_commands()}
    for expected in (("new",), ("show",), ("phase", "advance"), ("convention", "render"),
                     ("synthese", "render"), ("doc", "get"), ("agenda",), ("purge",)):
        assert expected in names


def test_the_root_help_shows_each_command_s_own_short_help(bilan):
    out = bilan("--help").stdout
    for path, command in all_commands():
        if len(path) == 1:
            assert f"{path[0]}" in out and short_help(command.help) in " ".join(out.split()), path


def test_every_command_has_a_french_help_text(bilan):
    commands = all_commands()
    assert len(commands) > 25
    for path, command in commands:
        assert command.help and command.help.strip(), f"bilan {' '.join(path)} has no help"
        out = bilan(*path, "--help").stdout
        assert out.startswith("Utilisation : bilan")
        assert "Affiche cette aide et quitte." in out
        for english in ("Usage:", "Show this message", "[default:", "[required]", "Options:"):
            assert english not in out, f"bilan {' '.join(path)} --help says {english!r}"


def test_no_arguments_shows_the_help(bilan):
    result = bilan(code=2)
    assert "Commandes :" in result.stdout
    assert "new" in result.stdout


def test_a_typo_in_a_command_suggests_the_right_one(bilan):
    result = bilan("nwe", code=2)
    assert "commande inconnue : nwe" in result.stderr
    assert "Vouliez-vous dire new" in result.stderr
    assert "bilan --help" in result.stderr


def test_the_readme_documents_every_command():
    from pathlib import Path

    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    leaves = [path for path, command in all_commands()
              if path and not hasattr(command, "list_commands")]
    assert len(leaves) > 20
    for path in leaves:
        assert f"`bilan {' '.join(path)}" in readme, path


def test_a_short_help_is_never_cut_at_an_abbreviation():
    assert short_help("Le document (L6313-4 al. 3), remis.\n\nDétails.") == "Le document (L6313-4 al. 3), remis."


def test_ctrl_c_says_nothing_was_changed(bilan, monkeypatch):
    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr("bilancli.core.fields.validate_admin", interrupted)
    result = bilan("new", "--nom", "A", "--prenom", "B", code=130)
    assert "Interrompu : rien n'a été modifié." in result.stderr
    assert not (bilan.home / "bilans.db").exists() or bilan.json("list") == []


@pytest.mark.parametrize("width", [50, 61, 78])
def test_the_root_help_is_laid_out_as_click_lays_out_every_help_page(width):
    """`bilan --help` is written from the table of contents without Typer; Click's own
    formatter, given the real root command, its options and its built sub-commands, writes
    the same page."""
    from typer._click.formatting import HelpFormatter

    from bilancli.cli.boundary import FrenchGroup
    from bilancli.cli.toc import root_help

    root = typer.main.get_command(app)
    ctx = root.make_context("bilan", ["--help"], resilient_parsing=True)
    formatter = HelpFormatter(width=width)
    FrenchGroup.format_help(root, ctx, formatter)
    assert root_help(width) + "\n" == formatter.getvalue()


def test_each_command_s_help_is_its_line_in_the_table_of_contents(bilan):
    from bilancli.cli.toc import COMMANDS

    for name, (_, _, line) in COMMANDS.items():
        page = " ".join(bilan(name, "--help").stdout.split())
        assert line in page, name
