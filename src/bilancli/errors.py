"""The one error family the CLI boundary turns into a French message and an exit code."""


class BilanError(Exception):
    """A refusal the consultant must read: a rule, a gate, a value that cannot be accepted.

    `message` is already French (built from `bilancli.messages`) and never holds
    bilan content, only the values the user typed and the rule's source.
    """

    exit_code = 1

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def fail(template: str, **values: object) -> BilanError:
    """Build a BilanError from a message template of `bilancli.messages`."""
    return BilanError(template.format(**values))


def os_reason(exc: OSError) -> str:
    """Why the system refused, in French (the system's own words are English)."""
    import errno

    from bilancli import messages as msg

    name = errno.errorcode.get(exc.errno or 0, "")
    return msg.RAISONS_SYSTEME.get(name) or msg.RAISON_SYSTEME_AUTRE.format(code=name or exc.errno)
