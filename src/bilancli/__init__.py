"""bilancli: the `bilan` command, case management for bilans de compétences."""

__version__ = "0.1.0"
