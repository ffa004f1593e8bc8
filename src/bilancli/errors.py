"""The one error family the CLI boundary turns into a French message and an exit code."""

from __future__ import annotations

from bilancli import messages as msg


class BilanError(Exception):
    """A refusal the consultant must read: a rule, a gate, a value that cannot be accepted.

    `message` is already French (built from `bilancli.messages`) and never holds bilan
    content, only the values the user typed and the rule's source. `key` names the
    catalogue's template and `values` what filled it, so that a caller (a test) can ask
    which refusal it was without reading French.
    """

    exit_code = 1

    def __init__(self, message: str, key: str | None = None, values: dict | None = None,
                 exit_code: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.key = key
        self.values = values or {}
        if exit_code is not None:
            self.exit_code = exit_code


class UsageError(BilanError):
    """A command line that cannot be read: unknown command or option, missing argument."""

    exit_code = 2


class NoRoom(BilanError):
    """A write the system refused for want of room that is not said as a plain full disk:
    a quota or a file-size limit (EDQUOT, EFBIG), which SQLite reports as a failed write.
    A command that knows what it had done before (the purge) says that too."""


def fail(template: str, **values: object) -> BilanError:
    """Build a BilanError from a message template of `bilancli.messages`."""
    return BilanError(template.format(**values), getattr(template, "key", None), values)


def os_reason(exc: OSError) -> str:
    """Why the system refused, in French (the system's own words are English)."""
    import errno


    name = errno.errorcode.get(exc.errno or 0, "")
    return msg.RAISONS_SYSTEME.get(name) or msg.RAISON_SYSTEME_AUTRE.format(code=name or exc.errno)
