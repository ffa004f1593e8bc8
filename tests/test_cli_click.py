"""Click is the command line, in French: no English word of the framework reaches the
consultant, a noun's module is imported only when that noun is typed, and the catalogue
shipped for Click's gettext covers every message of the installed Click."""

import ast
import gettext
import json
import re
import subprocess
import sys
from pathlib import Path

import click
import pytest

import bilancli
from bilancli.cli import app, nouns, spec

# Words of Click's English messages; any of them in what the consultant reads is a defect.
ENGLISH = re.compile(
    r"Usage:|Options:|Commands:|Arguments:|\bError\b|Show this message|\bTry\b|Did you mean|"
    r"\bMissing\b|No such|Aborted|\[default|\[required\]|Got unexpected|requires an|"
    r"does not take|is not one of|Choose from|\bInvalid\b|\binvalid\b|Possible options|"
    r"\bCOMMAND\b"
)


def pages():
    """Every help page: the root's, each noun's, each command's."""
    found = [()] + [(noun,) for noun in nouns.MODULE]
    return found + [path for path in spec.load() if len(path) == 2]


def test_no_help_page_says_an_english_word(bilan):
    every = pages()
    assert len(every) > 50
    for path in every:
        out = bilan(*path, "--help").stdout
        assert out.startswith("Utilisation : bilan"), path
        assert not ENGLISH.search(out), (path, ENGLISH.search(out).group(), out)


@pytest.mark.parametrize(("argv", "said"), [
    (["nwe"], "commande inconnue : nwe. Vouliez-vous dire new ?"),           # unknown command
    (["entretien", "ajoute"], "commande inconnue : ajoute."),
    (["show", "2026-001", "--verbose"], "option inconnue : --verbose."),      # unknown option
    (["show", "2026-001", "--jsno"], "option inconnue : --jsno. Vouliez-vous dire --json ?"),
    (["show"], "argument manquant : ID."),                                     # missing argument
    (["list", "--phase"], "l'option --phase attend une valeur."),              # missing option value
    (["entretien", "add", "2026-001", "--date", "2026-03-02"], "option obligatoire manquante : --duree."),
    (["show", "a", "b"], "argument en trop : b."),                             # extra argument
    (["show", "2026-001", "--json=oui"], "l'option --json ne prend pas de valeur."),
    (["--home", "/tmp/x"], "commande manquante."),
    (["facture"], "argument manquant : ID."),
    (["--verbose"], "option inconnue : --verbose."),
])
def test_usage_errors_are_french_from_start_to_end(bilan, argv, said):
    result = bilan(*argv, code=2)
    assert result.stderr.startswith("Erreur : " + said), result.stderr
    assert "Utilisation : bilan" in result.stderr and "--help » pour l'aide." in result.stderr
    assert not ENGLISH.search(result.stderr), result.stderr
    assert result.stdout == ""


def test_a_bad_choice_and_a_bad_value_are_said_in_french():
    """Click's own checks of a value (no bilan option is a closed Choice: the domain refuses
    with its own keyed message), still French should one be declared."""
    command = click.Command("essai", params=[click.Option(["--mode"], type=click.Choice(["a", "b"])),
                                             click.Option(["--n"], type=int)])
    for argv, said in ((["--mode", "c"], "« c » n'est pas l'une de : "),
                       (["--n", "x"], "« x » n'est pas un")):
        with app.french(), pytest.raises(click.BadParameter) as refused:
            command.make_context("essai", argv)
        with app.french():
            text = refused.value.format_message()
        assert text.startswith("valeur invalide pour") and said in text, text
        assert not re.search(r"Invalid|is not|Choose", text), text


def test_the_language_is_french_whatever_the_locale_and_is_given_back(bilan, monkeypatch):
    monkeypatch.setenv("LANGUAGE", "de:en")
    monkeypatch.setenv("LC_ALL", "C")
    assert "option inconnue" in bilan("show", "--x", code=2).stderr
    import os

    assert os.environ["LANGUAGE"] == "de:en" and gettext.textdomain() != app.DOMAIN


def test_the_catalogue_covers_every_message_of_the_installed_click():
    catalogue = gettext.translation(app.DOMAIN, app.LOCALES, languages=["fr"])
    missing = []
    for source in Path(click.__file__).parent.rglob("*.py"):
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                    and node.func.id in ("_", "ngettext")):
                continue
            texts = [a.value for a in node.args if isinstance(a, ast.Constant) and isinstance(a.value, str)]
            if not texts:
                continue   # `_(extra["required"])`: its words are listed below
            said = (catalogue.gettext(texts[0]) if node.func.id == "_"
                    else catalogue.ngettext(texts[0], texts[1], 1))
            if said == texts[0] and texts[0] not in ("Options", "%(prog)s, version %(version)s",
                                                     "{text} {deprecated_message}"):
                missing.append(texts[0])
    assert catalogue.gettext("required") == "obligatoire"
    assert not missing, missing


def test_the_shipped_catalogue_is_the_compiled_po():
    """bilancli.mo (what gettext reads) says what bilancli.po (what we write) says."""
    folder = Path(app.LOCALES) / "fr" / "LC_MESSAGES"
    text = (folder / "bilancli.po").read_text(encoding="utf-8")
    entries = re.findall(r'^msgid "(.+)"\n(?:msgid_plural "(.*)"\n)?((?:msgstr(?:\[\d\])? ".*"\n)+)',
                         text + "\n", flags=re.M)
    with open(folder / "bilancli.mo", "rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    assert len(entries) > 60
    for msgid, plural, strings in entries:
        said = [bytes(s, "utf-8").decode("unicode_escape").encode("latin-1").decode("utf-8")
                for s in re.findall(r'msgstr(?:\[\d\])? "(.*)"', strings)]
        msgid = msgid.encode("utf-8").decode("unicode_escape").encode("latin-1").decode("utf-8")
        if plural:
            plural = plural.encode("utf-8").decode("unicode_escape").encode("latin-1").decode("utf-8")
            assert [compiled.ngettext(msgid, plural, n) for n in (1, 2)] == said, msgid
        else:
            assert [compiled.gettext(msgid)] == said, msgid


def run_python(code: str, argv: list[str]):
    src = Path(bilancli.__file__).resolve().parents[1]
    env = {**__import__("os").environ, "PYTHONPATH": str(src)}
    return subprocess.run([sys.executable, "-c", code, *argv], capture_output=True, text=True, env=env)


PROBE = (
    "import sys\nfrom bilancli.cli import main\n"
    "try:\n    main()\nexcept SystemExit as e:\n    code = e.code\n"
    "sys.stderr.write('\\n' + ' '.join(m for m in sys.modules if m.startswith(('bilancli.cli.', 'rich'))))\n"
    "sys.exit(code)\n"
)


@pytest.mark.parametrize(("argv", "noun"), [
    (["entretien", "add", "{id}", "--date", "2026-03-02", "--duree", "1h"], "entretien"),
    (["show", "{id}", "--json"], "show"), (["facture", "--help"], "facture"),
    (["--help"], None), (["nwe"], None),
])
def test_a_noun_s_module_is_imported_only_when_that_noun_is_typed(bilan, argv, noun):
    bid = bilan.new()
    result = run_python(PROBE, [a.format(id=bid) for a in argv])
    loaded = set(result.stderr.splitlines()[-1].split())
    commands = {f"bilancli.cli.{m}" for m in nouns.MODULE.values()}
    expected = {f"bilancli.cli.{nouns.MODULE[noun]}"} if noun else set()
    assert loaded & commands == expected, result.stderr
    if argv[0] == "show":
        assert result.returncode == 0 and json.loads(result.stdout)["id"] == bid
        assert not any(m.startswith("rich") for m in loaded)   # nothing drawn for a person
    if argv == ["--help"]:
        assert any(m.startswith("rich") for m in loaded)


class _Terminal:
    def isatty(self):
        return True


def test_the_root_page_is_plain_text_in_a_pipe_and_with_no_color(bilan, monkeypatch):
    assert "\x1b[" not in bilan("--help").stdout
    context = click.Context(app.root, info_name="bilan")
    monkeypatch.setattr(sys, "stdout", _Terminal())
    with app.french():
        assert "\x1b[" in app.root.get_help(context)     # a person at a terminal: styled
        monkeypatch.setenv("NO_COLOR", "1")
        page = app.root.get_help(context)
    assert "\x1b[" not in page and "\nLe dossier\n" in page
