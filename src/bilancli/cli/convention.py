"""`bilan convention …`: the tripartite convention of R6313-8."""

from __future__ import annotations

from bilancli.cli import base

app = base.make_app(
    "La convention tripartite (R6313-8) : transmission, signature dans les dix jours, rendu."
)
