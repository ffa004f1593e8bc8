"""Where the data lives when no folder is given: the platform's user data folder."""

import sys

import platformdirs
import pytest

from bilancli.settings import resolve_home


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


def test_the_option_wins_then_the_variable_and_a_tilde_is_expanded(monkeypatch):
    monkeypatch.setenv("HOME", "/home/claire")
    monkeypatch.setenv("BILAN_HOME", "~/cabinet")
    assert resolve_home() == "/home/claire/cabinet"
    assert resolve_home("/autre") == "/autre"
