"""The command line is read by Click from the declarations: every command, its options and
arguments, its usage errors in French, and nothing of Typer on the way."""

import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import invoke

import bilancli
from bilancli.cli import base, spec


def run(argv, monkeypatch):
    """What the command of `argv` is called with, through the real entry point."""
    called = {}
    spec.load()
    for path, cmd in list(spec.COMMANDS.items()):
        def record(path=path, **values):
            called.update(path=path, values=values)

        monkeypatch.setitem(spec.COMMANDS, path, cmd._replace(function=record))
    result = invoke(argv)
    return result, called


@pytest.mark.parametrize(("argv", "values"), [
    (["show", "2026-001"], {"bilan_id": "2026-001", "as_json": False}),
    (["show", "--json", "2026-001"], {"bilan_id": "2026-001", "as_json": True}),
    (["list", "--phase", "conclusion", "--json"], {"phase": "conclusion", "nom": None, "tous": False, "tout": False,
                                                      "as_json": True}),
    (["list", "--phase=conclusion"], {"phase": "conclusion", "nom": None, "tous": False, "tout": False,
                                       "as_json": False}),
    (["entretien", "add", "2026-001", "--date", "2026-03-02", "--duree", "2h", "--notes", "-"],
     {"bilan_id": "2026-001", "date": "2026-03-02", "duree": "2h", "modalite": None, "notes": "-",
      "phase": None}),
    (["set", "2026-001", "demande", "- premier point"],
     {"bilan_id": "2026-001", "champ": "demande", "valeur": "- premier point", "effacer": False}),
    (["set", "2026-001", "tarif", "-2"],
     {"bilan_id": "2026-001", "champ": "tarif", "valeur": "-2", "effacer": False}),
    (["set", "2026-001", "demande"],
     {"bilan_id": "2026-001", "champ": "demande", "valeur": None, "effacer": False}),
    (["set", "2026-001", "nom", "--effacer"],
     {"bilan_id": "2026-001", "champ": "nom", "valeur": None, "effacer": True}),
    (["doc", "get", "2026-001", "3", "-o", "x.pdf"], {"bilan_id": "2026-001", "doc": "3", "output": "x.pdf"}),
    (["doc", "get", "2026-001", "3", "-ox.pdf"], {"bilan_id": "2026-001", "doc": "3", "output": "x.pdf"}),
    (["synthese", "render", "2026-001"],
     {"bilan_id": "2026-001", "format_": "pdf", "output": None, "template": None}),
    (["purge", "--yes", "--json"], {"dry_run": False, "yes": True, "tout": False, "as_json": True}),
    (["entretien", "add", "--", "2026-001", "--date", "x", "--duree", "1h"], None),
])
def test_a_command_line_gives_its_command_and_values(home, monkeypatch, argv, values):
    result, called = run(argv, monkeypatch)
    if values is None:   # after `--`, everything is an argument: too many here
        assert result.exit_code == 2 and not called
        return
    assert result.exit_code == 0, result.stderr
    assert base.state.home_option is None
    assert called["values"] == values


@pytest.mark.parametrize("argv", [["--home", "/tmp/x", "show", "2026-001"],
                                  ["--home=/tmp/x", "show", "2026-001"]])
def test_the_home_option_comes_before_the_command(home, monkeypatch, argv):
    result, called = run(argv, monkeypatch)
    assert base.state.home_option == "/tmp/x" and called["path"] == ("show",)


@pytest.mark.parametrize(("argv", "said"), [
    (["show"], "argument manquant : ID."),
    (["show", "a", "b"], "argument en trop : b."),
    (["show", "2026-001", "--verbose"], "option inconnue : --verbose."),
    (["show", "2026-001", "--json=oui"], "l'option --json ne prend pas de valeur."),
    (["list", "--phase"], "l'option --phase attend une valeur."),
    (["entretien", "add", "2026-001", "--date", "2026-03-02"], "option obligatoire manquante : --duree."),
    (["entretien", "ajoute"], "commande inconnue : ajoute."),
    (["nwe"], "commande inconnue : nwe. Vouliez-vous dire new ?"),
    (["show", "2026-001", "--jsno"], "Vouliez-vous dire --json ?"),
    (["--verbose", "list"], "option inconnue : --verbose."),
])
def test_a_line_that_cannot_be_read_is_a_french_usage_error(home, monkeypatch, argv, said):
    result, called = run(argv, monkeypatch)
    assert said in result.stderr and "--help" in result.stderr
    assert result.exit_code == 2 and not called


@pytest.mark.parametrize(("argv", "usage", "code"), [
    ([], "bilan [OPTIONS] COMMANDE", 2), (["--help"], "bilan [OPTIONS] COMMANDE", 0),
    (["-h"], "bilan [OPTIONS] COMMANDE", 0), (["entretien"], "bilan entretien [OPTIONS] COMMANDE", 2),
    (["entretien", "--help"], "bilan entretien [OPTIONS] COMMANDE", 0),
    (["entretien", "add", "-h"], "bilan entretien add ID --date D --duree DUR", 0),
    (["show", "2026-001", "--help"], "bilan show ID [--json]", 0),
])
def test_help_is_asked_anywhere(home, monkeypatch, argv, usage, code):
    result, called = run(argv, monkeypatch)
    assert result.stdout.startswith(f"Utilisation : {usage}")
    assert result.exit_code == code and not called


def test_every_declared_option_is_read_by_its_own_name(home, monkeypatch):
    for cmd in spec.load().values():
        for option in cmd.options:
            argv = [*cmd.path, *("x" for a in cmd.arguments if a.required)]
            argv += [t for o in cmd.options if o.required and o is not option
                     for t in (o.names[0], "v")]
            argv += [option.names[0]] if option.flag else [option.names[0], "valeur"]
            result, called = run(argv, monkeypatch)
            assert result.exit_code == 0, (cmd.path, option, result.stderr)
            assert called["values"][option.dest] == (True if option.flag else "valeur"), (cmd.path, option)


def run_python(code: str, argv: list[str]):
    src = Path(bilancli.__file__).resolve().parents[1]
    env = {**__import__("os").environ, "PYTHONPATH": str(src), "COLUMNS": "64"}
    return subprocess.run([sys.executable, "-c", code, *argv], capture_output=True, text=True, env=env)


@pytest.mark.parametrize("argv", [["show", "{id}", "--json"], ["new", "--nom", "A", "--prenom", "B"],
                                  ["--help"], ["entretien", "add", "--help"], ["nwe"]])
def test_no_command_imports_typer(bilan, argv):
    bid = bilan.new()
    probe = (
        "import sys\nfrom bilancli.cli import main\n"
        "try:\n    main()\nexcept SystemExit as e:\n    code = e.code\n"
        "sys.stderr.write('typer' if 'typer' in sys.modules else 'sans typer')\nsys.exit(code)\n"
    )
    result = run_python(probe, [a.format(id=bid) for a in argv])
    assert result.stderr.endswith("sans typer")
    if argv[0] == "show":
        assert result.returncode == 0 and json.loads(result.stdout)["id"] == bid


def test_the_collector_is_never_paused(bilan, monkeypatch):
    import gc

    from bilancli.cli.dossier import bilans as commands

    seen, show = [], commands.show_bilan

    def watched(*args):
        seen.append(gc.isenabled())
        show(*args)

    monkeypatch.setattr(commands, "show_bilan", watched)
    bilan("show", bilan.new(), "--json")
    bilan("show", "2099-999", code=1)       # a refusal leaves through the same door
    assert seen == [True, True] and gc.isenabled()


def test_the_home_option_is_honoured(bilan, tmp_path):
    other = tmp_path / "autre"
    bilan("--home", str(other), "new", "--nom", "Ailleurs", "--prenom", "B")
    assert [r["nom"] for r in bilan.json("--home", str(other), "list")] == ["Ailleurs"]
    assert bilan.json("list") == []


def test_the_version_is_printed(bilan):
    assert bilan("--version").stdout == f"bilan {bilancli.__version__}\n"
