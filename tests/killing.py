"""A `bilan` that dies, as under `kill -9`, at one step of writing a file: before the write,
before the rename into place, or before the confirmation (of the change type named by
MOURIR_CONFIRMATION, `RenderingConfirmed` by default)."""

KILLER = """
import os, sys
step = os.environ.get("MOURIR")
if step == "avant_ecriture":
    import bilancli.store.files as files
    files.write = lambda *a, **k: os._exit(137)
elif step == "avant_renommage":
    os.replace = lambda *a, **k: os._exit(137)
elif step == "avant_confirmation":
    from bilancli.core import changes
    from bilancli.store import writes
    confirmed = getattr(changes, os.environ.get("MOURIR_CONFIRMATION", "RenderingConfirmed"))
    writes.WRITERS[confirmed] = lambda *a, **k: os._exit(137)
from bilancli.cli import main
main(sys.argv[1:])
"""
