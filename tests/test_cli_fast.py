"""The fast path answers exactly as the Typer commands do, and leaves Typer unimported."""

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

import bilancli
from bilancli.cli import fast
from purge_helpers import make_ended_bilan


@pytest.mark.parametrize(("argv", "accepted"), [
    (["show", "2026-001"], True),
    (["show", "2026-001", "--json"], True),
    (["show", "--json", "2026-001"], True),
    (["--home", "/tmp/x", "show", "2026-001"], True),
    (["--home=/tmp/x", "list", "--json"], True),
    (["list", "--phase", "conclusion", "--json"], True),
    (["show"], False),                          # missing argument: Typer's usage error
    (["show", "a", "b"], False),
    (["show", "2026-001", "--help"], False),
    (["show", "2026-001", "--json", "--json"], False),
    (["show", "2026-001", "--verbose"], False),
    (["list", "--phase"], False),
    (["list", "--phase", "--json"], False),
    (["list", "--phase", "a", "--phase", "b"], False),
    (["new", "--nom", "A"], False),
    (["agenda", "--json"], True),
    (["stats", "--annee", "2025"], True),
    (["agenda", "2026-001"], False),
    (["purge", "--yes", "--json"], True),
    (["purge", "--yes", "--force"], False),
    (["--help"], False),
    ([], False),
])
def test_only_exact_simple_forms_take_the_fast_path(argv, accepted):
    assert (fast.parse(argv) is not None) is accepted


def run_fast(argv, capsys):
    with pytest.raises(SystemExit) as leaving:
        assert fast.run(argv)
    out = capsys.readouterr()
    return leaving.value.code, out.out, out.err


@pytest.mark.parametrize("argv", [
    ["show", "2026-001"], ["show", "2026-001", "--json"], ["show", "2026-009", "--json"],
    ["show", "26-1"], ["list"], ["list", "--json"], ["list", "--phase", "preliminaire", "--json"],
    ["list", "--phase", "fini"], ["agenda"], ["agenda", "--json"], ["stats"],
    ["stats", "--json"], ["stats", "--annee", "2026", "--json"], ["stats", "--annee", "deux"],
    ["purge", "--dry-run"], ["purge", "--dry-run", "--json"], ["purge"],
])
def test_fast_and_typer_paths_print_the_same(bilan, capsys, argv):
    bid = bilan.new(nom="Dupont [bold]")
    bilan("set", bid, "demande", "Reconversion {{ 7*7 }}")
    make_ended_bilan(bilan.home, "FAST", end=date(2026, 2, 1))   # due: something to purge
    typer_result = bilan(*argv, code=None)
    code, out, err = run_fast(argv, capsys)
    assert (code, out, err) == (typer_result.exit_code, typer_result.stdout, typer_result.stderr)


@pytest.mark.parametrize("argv", [["purge", "--yes"], ["purge", "--yes", "--json"]])
def test_a_purge_by_the_fast_path_destroys_and_reports_as_typer_does(bilan, capsys, tmp_path, argv):
    other = tmp_path / "jumeau"
    for home in (bilan.home, other):     # two identical stores, one for each path
        make_ended_bilan(home, "JUMEAU", end=date(2026, 2, 1))
    typer_result = bilan(*argv)
    code, out, err = run_fast(["--home", str(other), *argv], capsys)
    assert (code, out, err) == (0, typer_result.stdout, typer_result.stderr)
    assert "QZXJUMEAU" not in out and bilan.json("purge", "--dry-run")["bilans"] == []
    listing = json.loads(run_fast(["--home", str(other), "purge", "--dry-run", "--json"], capsys)[1])
    assert listing["bilans"] == []


def test_the_home_option_is_honoured(bilan, capsys, tmp_path):
    other = tmp_path / "autre"
    bilan("--home", str(other), "new", "--nom", "Ailleurs", "--prenom", "B")
    code, out, _ = run_fast(["--home", str(other), "list", "--json"], capsys)
    assert code == 0 and [r["nom"] for r in json.loads(out)] == ["Ailleurs"]


def test_show_json_does_not_import_typer(bilan):
    bid = bilan.new()
    src = Path(bilancli.__file__).resolve().parents[1]
    probe = (
        "import sys\nfrom bilancli.cli import main\nsys.argv = ['bilan', 'show', %r, '--json']\n"
        "try:\n    main()\nexcept SystemExit as e:\n    code = e.code\n"
        "sys.stderr.write('typer' if 'typer' in sys.modules else 'sans typer')\nsys.exit(code)\n"
    ) % bid
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                            env={**__import__("os").environ, "PYTHONPATH": str(src)})
    assert result.returncode == 0
    assert json.loads(result.stdout)["id"] == bid
    assert result.stderr == "sans typer"


def run_python(code: str, argv: list[str], columns: str = "64"):
    src = Path(bilancli.__file__).resolve().parents[1]
    env = {**__import__("os").environ, "PYTHONPATH": str(src), "COLUMNS": columns}
    return subprocess.run([sys.executable, "-c", code, *argv], capture_output=True, text=True, env=env)


@pytest.mark.parametrize(("argv", "code"), [(["--help"], 0), ([], 2)])
def test_the_root_help_is_written_as_typer_writes_it(argv, code):
    fast_run = run_python("import sys\nfrom bilancli.cli import main\nmain()", argv)
    typer_run = run_python("import sys\nfrom bilancli.cli.root import app\napp(sys.argv[1:], prog_name='bilan')", argv)
    assert (fast_run.returncode, fast_run.stdout) == (typer_run.returncode, typer_run.stdout) == (code, fast_run.stdout)
    assert "Commandes :" in fast_run.stdout and fast_run.stderr == ""


def test_the_root_help_does_not_import_typer():
    probe = (
        "import sys\nfrom bilancli.cli import main\n"
        "try:\n    main()\nexcept SystemExit as e:\n    code = e.code\n"
        "sys.stderr.write('typer' if 'typer' in sys.modules else 'sans typer')\nsys.exit(code)\n"
    )
    result = run_python(probe, ["--help"])
    assert result.returncode == 0 and "purge" in result.stdout
    assert result.stderr == "sans typer"


def test_the_collector_paused_for_a_read_is_running_again_after_it(bilan, capsys):
    import gc

    bid = bilan.new()
    run_fast(["show", bid, "--json"], capsys)
    run_fast(["show", "2099-999"], capsys)       # a refusal leaves through the same door
    assert gc.isenabled()
