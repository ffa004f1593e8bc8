"""Finding and applying the Jinja templates: the consultant's own first, then the packaged ones.

User text only ever enters as data (a field holding `{{ 7*7 }}` prints as typed); HTML is
autoescaped; an unknown variable is an error, not a silent blank (StrictUndefined).
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

from bilancli import messages as msg
from bilancli.core.formats import clean_for_document
from bilancli.errors import fail, os_reason
from bilancli.render import markdown
from bilancli.resources import packaged_templates

# Jinja names the missing piece in English: "'x' is undefined", "'dict object' has no attribute 'x'".
_MISSING = re.compile(r"(?:'([^']+)' is undefined|has no (?:attribute|element) '?([^']+?)'?$)")
_FROM_STRING = "<template>"  # the file name Jinja gives a template read with --template


def search_path(home: str | Path, custom: Path | None = None) -> list[Path]:
    """`BILAN_HOME/templates/` replaces a packaged template of the same name; a `--template`
    finds what it includes beside itself first."""
    beside = [custom.parent] if custom is not None else []
    return [*beside, Path(home) / "templates", packaged_templates()]


def environment(home: str | Path, format_: str, custom: Path | None = None):
    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    env = Environment(
        loader=FileSystemLoader([str(p) for p in search_path(home, custom)]),
        undefined=StrictUndefined,
        autoescape=format_ != "md",
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["ou_non_renseigne"] = lambda value: value if value not in (None, "") else msg.NON_RENSEIGNE
    # Markdown joins single lines into one paragraph: keep the consultant's line breaks.
    env.filters["sauts_de_ligne"] = lambda value: str(value).replace("\n", "  \n")
    # User text in Markdown: backslash-escaped so a viewer shows it as typed (see markdown.py).
    env.filters["md"] = markdown.escape
    env.filters["md_cellule"] = markdown.escape_cell
    return env


def _read_custom(path: Path) -> str:
    """A template the consultant names: a regular file's text (a FIFO is refused at once,
    never waited on)."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
        try:
            if stat.S_ISDIR(os.fstat(fd).st_mode):
                raise IsADirectoryError(path)
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                raise fail(msg.FICHIER_PAS_ORDINAIRE, fichier=path)
            with os.fdopen(fd, "rb", closefd=False) as handle:
                return handle.read().decode("utf-8")
        finally:
            os.close(fd)
    except FileNotFoundError:
        raise fail(msg.MODELE_INTROUVABLE, fichier=path) from None
    except IsADirectoryError:
        raise fail(msg.FICHIER_EST_DOSSIER, fichier=path) from None
    except OSError as exc:
        raise fail(msg.MODELE_ILLISIBLE, fichier=path, raison=os_reason(exc)) from None
    except UnicodeDecodeError:
        raise fail(msg.MODELE_ILLISIBLE, fichier=path, raison="pas du texte UTF-8") from None


def neutralised(value):
    """The context with every text's control characters neutralised (line breaks and tabs
    kept): stored text never carries an escape sequence or a bidirectional override into a
    document, whatever the template does with it."""
    if isinstance(value, str):
        return clean_for_document(value)
    if isinstance(value, dict):
        return {k: neutralised(v) for k, v in value.items()}
    if isinstance(value, list):
        return [neutralised(v) for v in value]
    if isinstance(value, tuple):
        items = [neutralised(v) for v in value]
        return type(value)(*items) if hasattr(value, "_fields") else tuple(items)
    return value


def render(home: str | Path, name: str, format_: str, context: dict, custom: Path | None = None) -> str:
    """Apply the template `name` (or the file `custom`) to `context`; every failure is French."""
    import jinja2

    context = neutralised(context)
    env = environment(home, format_, custom)
    shown = str(custom) if custom else name
    try:
        if custom is not None:
            template = env.from_string(_read_custom(custom))
        else:
            template = env.get_template(name)
        return template.render(context)
    except jinja2.TemplateSyntaxError as exc:
        where = shown if exc.filename in (None, _FROM_STRING) else exc.filename
        raise fail(msg.MODELE_SYNTAXE, lieu=_place(where, exc.lineno), detail=exc.message) from None
    except jinja2.TemplateNotFound as exc:
        raise fail(msg.MODELE_INTROUVABLE, fichier=exc.name) from None
    except jinja2.UndefinedError as exc:
        lieu = _place(*_failing_line(exc, shown))
        match = _MISSING.search(exc.message or "")
        if match:
            raise fail(msg.MODELE_VARIABLE, lieu=lieu, variable=match.group(1) or match.group(2)) from None
        raise fail(msg.MODELE_VARIABLE_SANS_NOM, lieu=lieu, detail=exc.message) from None
    except jinja2.TemplateError as exc:
        raise fail(msg.MODELE_ECHEC, lieu=_place(*_failing_line(exc, shown)),
                   detail=exc.message or type(exc).__name__) from None
    except RecursionError:
        raise fail(msg.MODELE_RECURSIF, fichier=shown) from None
    except (TypeError, ValueError, ArithmeticError, LookupError, AttributeError) as exc:
        # A consultant's template can do arithmetic on text: say which template, not a traceback.
        raise fail(msg.MODELE_ECHEC, lieu=_place(*_failing_line(exc, shown)),
                   detail=type(exc).__name__) from None


def _failing_line(exc: BaseException, shown: str) -> tuple[str, int | None]:
    """The template file and line of a rendering error: Jinja rewrites the traceback so
    that its frames point into the templates themselves."""
    import traceback

    for frame in reversed(traceback.extract_tb(exc.__traceback__)):
        if frame.filename == _FROM_STRING:
            return shown, frame.lineno
        if frame.filename.endswith(".j2"):
            return frame.filename, frame.lineno
    return shown, None


def _place(fichier: str, ligne: int | None) -> str:
    if ligne is None:
        return msg.MODELE_LIEU_SANS_LIGNE.format(fichier=fichier)
    return msg.MODELE_LIEU.format(fichier=fichier, ligne=ligne)
