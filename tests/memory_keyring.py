"""Key rings for the tests of the master key (SPEC §15), held in memory: no test ever
touches the key ring of the machine it runs on. `PYTHON_KEYRING_BACKEND` names one of them."""

from __future__ import annotations

from keyring.backend import KeyringBackend
from keyring.errors import KeyringLocked, PasswordSetError


class Memory(KeyringBackend):
    """A key ring that works: what it is given, it gives back."""

    priority = 1
    kept: dict = {}

    def get_password(self, service, username):
        return self.kept.get((service, username))

    def set_password(self, service, username, password):
        self.kept[(service, username)] = password

    def delete_password(self, service, username):
        self.kept.pop((service, username), None)


class Locked(Memory):
    """A key ring that is locked: every question raises."""

    def get_password(self, service, username):
        raise KeyringLocked("locked")

    def set_password(self, service, username, password):
        raise PasswordSetError("locked")


class Forgetful(Memory):
    """A key ring that says yes and keeps nothing."""

    def set_password(self, service, username, password):
        pass
