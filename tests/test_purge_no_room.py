"""A purge cut by a quota or a file-size limit says what it had already destroyed, as a full
disk does (SPEC §8), never that the store stayed as it was (found by an adversarial probe)."""

from __future__ import annotations

from bilancli import messages as msg
from bilancli.errors import NoRoom
from bilancli.services.purge import explain_cut
from bilancli.store.conservation.purge import PurgeCut


def test_a_purge_cut_by_a_file_size_limit_says_the_files_it_destroyed():
    refused = NoRoom(msg.BASE_SANS_PLACE.format(cause="limite"), msg.BASE_SANS_PLACE.key, {})
    said = explain_cut(PurgeCut([], 3, refused))
    assert said.key == "PURGE_DISQUE_PLEIN"
    assert "3 fichier(s) ont déjà été détruits" in said.message
