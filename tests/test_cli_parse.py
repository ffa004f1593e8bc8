"""The command line is read from the declarations alone: every command, its options and
arguments, its usage errors in French, and nothing of Typer on the way."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

import bilancli
from bilancli.cli import parse, spec
from bilancli.errors import UsageError


def run(argv):
    return parse.parse(argv)


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
def test_a_command_line_gives_its_command_and_values(argv, values):
    if values is None:   # after `--`, everything is an argument: too many here
        with pytest.raises(UsageError):
            run(argv)
        return
    home, action = run(argv)
    assert home is None and isinstance(action, parse.Run)
    assert action.values == values


@pytest.mark.parametrize("argv", [["--home", "/tmp/x", "show", "2026-001"],
                                  ["--home=/tmp/x", "show", "2026-001"]])
def test_the_home_option_comes_before_the_command(argv):
    home, action = run(argv)
    assert home == "/tmp/x" and action.command.path == ("show",)


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
def test_a_line_that_cannot_be_read_is_a_french_usage_error(argv, said):
    with pytest.raises(UsageError) as refused:
        run(argv)
    assert said in refused.value.message and "--help" in refused.value.message
    assert refused.value.exit_code == 2


@pytest.mark.parametrize(("argv", "path", "code"), [
    ([], (), 2), (["--help"], (), 0), (["-h"], (), 0), (["entretien"], ("entretien",), 2),
    (["entretien", "--help"], ("entretien",), 0), (["entretien", "add", "-h"], ("entretien", "add"), 0),
    (["show", "2026-001", "--help"], ("show",), 0),
])
def test_help_is_asked_anywhere(argv, path, code):
    assert run(argv)[1] == parse.Help(path, code)


def test_every_declared_option_is_read_by_its_own_name():
    for cmd in spec.load().values():
        for option in cmd.options:
            argv = [*cmd.path, *("x" for a in cmd.arguments if a.required)]
            argv += [t for o in cmd.options if o.required and o is not option
                     for t in (o.names[0], "v")]
            argv += [option.names[0]] if option.flag else [option.names[0], "valeur"]
            _, action = run(argv)
            assert action.values[option.dest] == (True if option.flag else "valeur"), (cmd.path, option)


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


def test_the_collector_paused_for_a_command_is_running_again_after_it(bilan):
    import gc

    bid = bilan.new()
    bilan("show", bid, "--json")
    bilan("show", "2099-999", code=1)       # a refusal leaves through the same door
    assert gc.isenabled()


def test_the_home_option_is_honoured(bilan, tmp_path):
    other = tmp_path / "autre"
    bilan("--home", str(other), "new", "--nom", "Ailleurs", "--prenom", "B")
    assert [r["nom"] for r in bilan.json("--home", str(other), "list")] == ["Ailleurs"]
    assert bilan.json("list") == []


def test_the_version_is_printed(bilan):
    assert bilan("--version").stdout == f"bilan {bilancli.__version__}\n"
