"""Key rings for the tests of the master key (SPEC §15), held in memory: no test ever
touches the key ring of the machine it runs on. `PYTHON_KEYRING_BACKEND` names one of them."""

from __future__ import annotations

from keyring.backend import KeyringBackend
from keyring.errors import KeyringLocked, PasswordSetError


class Memory(KeyringBackend):
    """A key ring that gives back what it is given, but in this process only: the next
    command (another process) finds nothing."""

    priority = 1
    kept: dict = {}

    def get_password(self, service, username):
        return self.kept.get((service, username))

    def set_password(self, service, username, password):
        self.kept[(service, username)] = password

    def delete_password(self, service, username):
        self.kept.pop((service, username), None)


class Shared(Memory):
    """A key ring that works and keeps what it is given beyond the process (in the file
    `BILAN_TEST_KEYRING` names), as a real one does: the next command finds the key."""

    def _load(self):
        import json
        import os

        try:
            with open(os.environ["BILAN_TEST_KEYRING"]) as f:
                return {tuple(k.split("\0")): v for k, v in json.load(f).items()}
        except FileNotFoundError:
            return {}

    def _save(self, kept):
        import json
        import os

        with open(os.environ["BILAN_TEST_KEYRING"], "w") as f:
            json.dump({"\0".join(k): v for k, v in kept.items()}, f)

    def get_password(self, service, username):
        return self._load().get((service, username))

    def set_password(self, service, username, password):
        kept = self._load()
        kept[(service, username)] = password
        self._save(kept)

    def delete_password(self, service, username):
        kept = self._load()
        kept.pop((service, username), None)
        self._save(kept)


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
