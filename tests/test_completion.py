"""Shell completion, Click's own, from the same declarations: commands, options, bilan ids
and closed lists of values, asked as the shells' scripts ask (Click's completion protocol)."""

import pytest
from conftest import invoke


def ask(monkeypatch, words: str, shell: str) -> str:
    monkeypatch.setenv("_BILAN_COMPLETE", f"{shell}_complete")
    monkeypatch.setenv("COMP_WORDS", words)
    # bash and zsh say which word is completed, fish says the word itself
    last = words.split(" ")[-1] if shell == "fish" else str(len(words.split(" ")) - 1)
    monkeypatch.setenv("COMP_CWORD", last)
    result = invoke([])
    monkeypatch.delenv("_BILAN_COMPLETE")
    assert result.exit_code == 0, result.stderr
    return result.stdout


def complete(monkeypatch, words: str) -> list[str]:
    """The words bash is offered (each line: `type,value`)."""
    return [line.partition(",")[2] for line in ask(monkeypatch, words, "bash").splitlines() if line]


@pytest.mark.parametrize(("words", "expected"), [
    ("bilan sh", ["show"]),
    ("bilan entretien a", ["add"]),
    ("bilan new --statut d", ["demandeur-emploi"]),
    ("bilan entretien add 2026-001 --modalite v", ["visio"]),
    ("bilan synthese render 2026-001 --for", ["--format"]),
    ("bilan consent 2026-001 c", ["conservation", "cep"]),
])
def test_commands_options_and_values_complete(bilan, monkeypatch, words, expected):
    assert complete(monkeypatch, words) == expected


@pytest.mark.parametrize("words", ["bilan doc add 2026-001 ", "bilan synthese render 2026-001 -o ",
                                   "bilan restaure "])
def test_paths_are_completed_by_the_shell(bilan, monkeypatch, words):
    assert ask(monkeypatch, words, "bash").splitlines() == ["file,"]


def test_bilan_ids_complete_from_the_store_without_writing_it(bilan, monkeypatch):
    first, second = bilan.new(), bilan.new(nom="Durand")
    before = bilan.db_bytes()
    assert complete(monkeypatch, "bilan show 2026") == [second, first]
    assert complete(monkeypatch, "bilan phase advance 2026-00") == [second, first]
    assert bilan.db_bytes() == before


def test_completion_of_a_missing_store_creates_nothing(bilan, monkeypatch):
    assert complete(monkeypatch, "bilan show 2") == []
    assert not bilan.home.exists()


def test_zsh_completion_describes_each_command(bilan, monkeypatch):
    lines = ask(monkeypatch, "bilan entretien ", "zsh").splitlines()   # type, value, help
    described = dict(zip(lines[1::3], lines[2::3]))
    assert described["add"].startswith("Consigne un entretien") and "list" in described


def test_fish_completion_offers_the_values(bilan, monkeypatch):
    lines = ask(monkeypatch, "bilan entretien add 2026-001 --modalite v", "fish").splitlines()
    assert lines == ["plain,visio"]


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_the_completion_script_is_shown_and_installed_for_the_shell(bilan, monkeypatch, tmp_path, shell):
    monkeypatch.setenv("SHELL", f"/bin/{shell}")
    monkeypatch.setenv("HOME", str(tmp_path))
    script = bilan("--show-completion").stdout
    assert "_BILAN_COMPLETE" in script and f"{shell}_complete" in script
    said = bilan("--install-completion").stdout
    assert "installée" in said
    written = [p for p in tmp_path.rglob("*") if p.is_file() and p.read_text().strip() == script.strip()]
    assert len(written) == 1
    bilan("--install-completion")   # twice: the start-up file sources it once
    for start_up in (tmp_path / ".bashrc", tmp_path / ".zshrc"):
        if start_up.exists():
            assert start_up.read_text().count(str(written[0].parent)) == 1


def test_an_unknown_shell_is_refused_in_french(bilan, monkeypatch):
    monkeypatch.setenv("SHELL", "/bin/tcsh")
    result = bilan("--show-completion", code=1)
    assert result.key == "COMPLETION_SHELL_INCONNU" and "tcsh" in result.stderr
