"""Running a notebook twice gives the same outputs, everywhere nbval compares them."""

import re
from pathlib import Path

import nbformat

from tools.notebooks import run

ROOT = Path(__file__).resolve().parent.parent
SKIPPED_KEYS = {"image/png"}  # nbval does not compare PNGs


def sanitizers():
    text = (ROOT / "tests" / "nbval_sanitize.cfg").read_text(encoding="utf-8")
    pairs = re.findall(r"^regex: (.*)\nreplace: (.*)$", text, flags=re.MULTILINE)
    assert pairs, "no sanitize patterns found"
    return [(re.compile(regex), replace) for regex, replace in pairs]


def compared_outputs(nb):
    """What nbval compares: every output of every cell not tagged nbval-ignore-output, stderr left out."""
    rules, outputs = sanitizers(), []
    for cell in nb.cells:
        if cell.cell_type != "code" or "nbval-ignore-output" in cell.metadata.get("tags", []):
            continue
        stdout = None  # the cell's printed text so far: Jupyter may split one print's text into several outputs
        for output in cell.outputs:
            if output.get("name") == "stderr":
                continue
            if output.get("name") == "stdout":
                stdout = (stdout or "") + output.get("text", "")
                continue
            data = sorted(output.get("data", {}).items())
            outputs += [sanitized(v, rules) for k, v in data if k not in SKIPPED_KEYS and isinstance(v, str)]
        if stdout is not None:
            outputs.append(sanitized(stdout, rules))
    return outputs


def sanitized(text, rules):
    for regex, replace in rules:
        text = regex.sub(replace, text)
    return text


def test_a_training_notebook_reproduces_its_outputs_exactly():
    path = ROOT / "notebooks" / "01_sequential_data.ipynb"
    first, second = compared_outputs(run(path)), compared_outputs(run(path))
    assert len(first) > 20
    assert first == second
    # and both agree with what is stored, as nbval will check
    assert first == compared_outputs(nbformat.read(path, as_version=4))
