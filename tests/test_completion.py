"""Shell completion, built by Typer from the same declarations: commands, options, bilan
ids and closed lists of values."""

import pytest

from conftest import invoke


def complete(monkeypatch, words: str, shell: str = "bash") -> list[str]:
    monkeypatch.setenv("_BILAN_COMPLETE", f"complete_{shell}")
    if shell == "bash":
        monkeypatch.setenv("COMP_WORDS", words)
        monkeypatch.setenv("COMP_CWORD", str(len(words.split(" ")) - 1))
    else:
        monkeypatch.setenv("_TYPER_COMPLETE_ARGS", words)
    result = invoke([])
    monkeypatch.delenv("_BILAN_COMPLETE")
    assert result.exit_code == 0, result.stderr
    return result.stdout.split()


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
    out = " ".join(complete(monkeypatch, "bilan entretien ", shell="zsh"))
    assert '"add":"Consigne un entretien' in out and '"list":' in out
