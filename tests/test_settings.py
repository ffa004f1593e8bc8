"""Where the data lives when no folder is given: the platform's user data folder."""

import sys

import platformdirs
import pytest

from bilancli.settings import resolve_home, user_config_dir


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the XDG rule is applied on Linux")
@pytest.mark.parametrize("xdg", [None, "", "/srv/donnees", "/srv/donnees/", "relatif/donnees", "~/x"])
@pytest.mark.parametrize("home", ["/home/claire", "/home/claire/"])
def test_without_a_folder_given_the_home_is_the_one_platformdirs_gives(monkeypatch, xdg, home):
    monkeypatch.delenv("BILAN_HOME", raising=False)
    monkeypatch.delenv("ANDROID_DATA", raising=False)
    monkeypatch.setenv("HOME", home)
    if xdg is None:
        monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    else:
        monkeypatch.setenv("XDG_DATA_HOME", xdg)
    assert resolve_home() == platformdirs.user_data_dir("bilancli")
    assert resolve_home().endswith("bilancli")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the XDG rule is applied on Linux")
@pytest.mark.parametrize("xdg", [None, "", "/srv/config", "relatif/config", "~/x"])
def test_the_keys_folder_is_the_configuration_folder_platformdirs_gives(monkeypatch, xdg):
    monkeypatch.delenv("ANDROID_DATA", raising=False)
    monkeypatch.setenv("HOME", "/home/claire")
    if xdg is None:
        monkeypatch.delenv("XDG_CONFIG_HOME", raising=False)
    else:
        monkeypatch.setenv("XDG_CONFIG_HOME", xdg)
    assert user_config_dir() == platformdirs.user_config_dir("bilancli")


def test_the_option_wins_then_the_variable_and_a_tilde_is_expanded(monkeypatch):
    monkeypatch.setenv("HOME", "/home/claire")
    monkeypatch.setenv("BILAN_HOME", "~/cabinet")
    assert resolve_home() == "/home/claire/cabinet"
    assert resolve_home("/autre") == "/autre"


@pytest.mark.parametrize(("toml", "named", "key"), [
    ('[cabinet]\nnon = "x"\n', "[cabinet] non", "CONFIG_CLE_INCONNUE"),
    ('[cabinett]\nnom = "x"\n', "[cabinett]", "CONFIG_SECTION_INCONNUE"),
    ('[facturation]\ntva = "oui"\n', "[facturation] tva", "CONFIG_MOT_INCONNU"),
    ('[facturation]\ntaux = "vingt"\n', "[facturation] taux", "CONFIG_NOMBRE"),
    ('[cabinet]\nnom = true\n', "[cabinet] nom", "CONFIG_VALEUR"),
    ('[sauvegarde]\ndossier = 5\n', "[sauvegarde] dossier", "CONFIG_CHEMIN"),          # not the folder ./5
    ('[cabinet]\nnom = 3\n', "[cabinet] nom", "CONFIG_VALEUR"),
    ('[sauvegarde]\ndossier = "cle/bilans"\n', "[sauvegarde] dossier", "CONFIG_CHEMIN"),  # nor one under cwd
])
def test_a_wrong_key_or_value_in_config_toml_is_refused_naming_it(bilan, toml, named, key):
    bilan.home.mkdir(parents=True, exist_ok=True)
    (bilan.home / "config.toml").write_text(toml, encoding="utf-8")
    bid = "2026-001"
    for args in (["agenda"], ["purge", "--dry-run"], ["synthese", "render", bid, "-o", "-"]):
        refusal = bilan(*args, code=1)
        err = refusal.stderr
        assert refusal.key == key and named in err and "config.toml" in err, (args, err)


def test_every_key_of_the_spec_is_accepted(bilan):
    bilan.home.mkdir(parents=True, exist_ok=True)
    (bilan.home / "config.toml").write_text(
        '[cabinet]\nnom = "C"\nadresse = "A"\nnda = "1"\nsiret = "2"\nconsultant = "X"\n'
        'representant = "R"\ntelephone = "04"\nemail = "c@x.fr"\nreferent_handicap = "H"\n'
        '[conservation]\nduree = "1 an"\nadministratif = "5 ans"\n'
        '[facturation]\ntva = "assujettie"\ntaux = 20\ndelai_paiement = "30 jours"\niban = "FR76"\n'
        '[qualite]\ndelai_reponse = "30 jours"\n[sauvegarde]\ndossier = "/media/cle"\n',
        encoding="utf-8")
    assert bilan.json("agenda") == []
