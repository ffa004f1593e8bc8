"""Help and usage in French, for every command."""

import typer.main

from bilancli.cli import app


def walk(command, path=()):
    yield path, command
    for name, sub in getattr(command, "commands", {}).items():
        yield from walk(sub, (*path, name))


def test_every_command_has_a_french_help_text(bilan):
    commands = list(walk(typer.main.get_command(app)))
    assert len(commands) > 5
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
