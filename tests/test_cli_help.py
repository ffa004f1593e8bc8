"""Help and usage in French, for every command, written by Click from the declarations."""

import pytest

from bilancli.cli import nouns, spec


def paths():
    words = {path[0] for path in spec.load()}
    return sorted(spec.load()) + [(w,) for w in sorted(spec.GROUPS) if (w,) not in spec.load()
                                  and w in words]


def test_every_command_of_the_declarations_is_reachable():
    names = set(spec.load())
    for expected in (("new",), ("show",), ("phase", "advance"), ("convention", "render"),
                     ("synthese", "render"), ("doc", "get"), ("agenda",), ("purge",)):
        assert expected in names


def test_the_root_help_shows_each_command_s_own_short_help(bilan):
    out = " ".join(bilan("--help").stdout.split())
    for name in nouns.MODULE:
        line = nouns.help_line(name)
        assert name in out and " ".join(line.split()) in out, name


def test_the_root_s_table_of_nouns_is_the_declarations_own():
    declared = {}
    for path, cmd in spec.load().items():
        declared.setdefault(path[0], spec.GROUPS.get(path[0], cmd.help))
    assert list(declared) == list(nouns.MODULE)   # every noun, in the order of the help
    for noun, line in declared.items():
        assert nouns.help_line(noun) == line, noun
        module = spec.load()[next(p for p in spec.load() if p[0] == noun)].function.__module__
        assert module == f"bilancli.cli.{nouns.MODULE[noun]}", noun


def test_the_root_help_groups_the_commands_by_what_the_consultant_does(bilan):
    out = bilan("--help").stdout
    titles = [out.index(f"\n{title}\n") for title, _ in nouns.SECTIONS]
    assert titles == sorted(titles)
    assert out.index("\n  new ") < titles[1] < out.index("\n  entretien ") < titles[2]
    assert out.index("\n  purge ") > titles[-1]


def test_every_command_has_a_french_help_text(bilan):
    every = paths()
    assert len(every) > 25
    for path in every:
        out = bilan(*path, "--help").stdout
        assert out.startswith("Utilisation : bilan")
        assert "Affiche cette aide et quitte." in out
        for english in ("Usage:", "Show this message", "[default:", "[required]", "Options:"):
            assert english not in out, f"bilan {' '.join(path)} --help says {english!r}"
        assert bilan(*path, "-h").stdout == out


def test_no_arguments_shows_the_help(bilan):
    result = bilan(code=2)
    assert "Commandes :" in result.stdout
    assert "new" in result.stdout


def test_a_group_alone_shows_its_commands(bilan):
    result = bilan("entretien", code=2)
    assert "Commandes :" in result.stdout and "add" in result.stdout and "list" in result.stdout


def test_a_typo_in_a_command_suggests_the_right_one(bilan):
    result = bilan("nwe", code=2)
    assert "commande inconnue : nwe" in result.stderr
    assert "Vouliez-vous dire new" in result.stderr
    assert "bilan --help" in result.stderr


def test_a_usage_error_points_to_the_command_s_own_help(bilan):
    result = bilan("entretien", "add", "2026-001", code=2)
    assert "option obligatoire manquante : --date" in result.stderr
    assert "« bilan entretien add --help »" in result.stderr


def test_ctrl_c_says_nothing_was_changed(bilan, monkeypatch):
    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr("bilancli.core.dossier.fields.validate_admin", interrupted)
    result = bilan("new", "--nom", "A", "--prenom", "B", code=130)
    assert "Interrompu : rien n'a été modifié." in result.stderr
    assert not (bilan.home / "bilans.db").exists() or bilan.json("list") == []


@pytest.mark.parametrize("columns", ["50", "80", "120"])
def test_help_pages_fit_the_terminal(bilan, monkeypatch, columns):
    monkeypatch.setenv("COLUMNS", columns)
    for path in [(), ("entretien", "add"), ("new",)]:
        out = bilan(*path, "--help").stdout
        assert max(len(line) for line in out.splitlines()) <= max(int(columns), 50), (path, columns)


def test_each_command_s_help_is_its_declared_line(bilan):
    for path, cmd in spec.load().items():
        page = " ".join(bilan(*path, "--help").stdout.split())
        assert " ".join(cmd.help.split()) in page, path
        for option in cmd.options:
            assert option.names[0] in page, (path, option)


def test_the_readme_holds_the_table_of_commands_written_from_the_declarations():
    from pathlib import Path

    from bilancli.cli import reference

    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    assert reference.section(readme) == reference.table(), (
        "README.md is out of date: python -m bilancli.cli.reference README.md")
    for path in spec.load():
        assert f"`bilan {' '.join(path)}" in readme, path
