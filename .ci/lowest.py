"""Print `name==version` for the lower bound of every runtime dependency of pyproject.toml.

    pip install $(python3 .ci/lowest.py)

CI installs these and runs a whole bilan through the commands: every lower bound
pyproject.toml states is a version the code really runs on.
"""

import re
import sys
import tomllib
from pathlib import Path

project = tomllib.loads((Path(__file__).resolve().parent.parent / "pyproject.toml").read_text())["project"]
pins = []
# The runtime dependencies and the `pdf` extra: the demo renders the synthèse as a PDF.
for requirement in project["dependencies"] + project["optional-dependencies"]["pdf"]:
    name, spec = re.match(r"\s*([A-Za-z0-9._-]+)\s*(.*)", requirement).groups()
    lower = re.search(r">=\s*([^,\s;]+)", spec)
    if lower is None:
        sys.exit(f"{requirement}: no lower bound to test")
    pins.append(f"{name}=={lower.group(1)}")
print(" ".join(pins))
