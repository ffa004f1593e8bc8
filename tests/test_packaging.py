"""The wheel carries the top-level templates/, and both layouts find them."""

import subprocess
import sys
import zipfile
from pathlib import Path

from bilancli.resources import packaged_templates

ROOT = Path(__file__).resolve().parent.parent


def test_a_source_checkout_finds_the_top_level_templates():
    assert packaged_templates() == ROOT / "templates"
    assert (packaged_templates() / "README.md").is_file()


def test_the_wheel_ships_every_template(tmp_path):
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(tmp_path), str(ROOT)],
        check=True, capture_output=True,
    )
    (wheel,) = tmp_path.glob("bilancli-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    expected = {
        "bilancli/templates/" + p.relative_to(ROOT / "templates").as_posix()
        for p in (ROOT / "templates").rglob("*") if p.is_file()
    }
    assert expected and expected <= names
    assert "bilancli/cli/__init__.py" in names
    assert "bilancli/resources.py" in names
    assert "bilancli/locale/fr/LC_MESSAGES/bilancli.mo" in names   # Click's words in French
    # O_NOFOLLOW and fcntl: the platforms it runs on, said in its metadata.
    (metadata,) = [n for n in names if n.endswith(".dist-info/METADATA")]
    classifiers = [line for line in zipfile.ZipFile(wheel).read(metadata).decode().splitlines()
                   if line.startswith("Classifier: Operating System")]
    assert "Classifier: Operating System :: POSIX" in classifiers
    assert not [c for c in classifiers if "Windows" in c or "OS Independent" in c]
