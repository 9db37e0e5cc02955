"""House conventions of every notebook in notebooks/ (nbval checks their outputs)."""

import contextlib
import io
import re
import socket
from pathlib import Path

import nbformat
import pytest

from tools import notebooks as tool

PATHS = tool.notebook_paths()
IDS = [p.name for p in PATHS]
HOST = socket.gethostname()
MACHINE_STRINGS = re.compile(
    r"/work/|/home/|/root\b|/tmp/|/Users/|[A-Za-z]:\\|site-packages|\.venv|0x[0-9a-f]{8,}"
    + (rf"|\b{re.escape(HOST)}\b" if len(HOST) >= 4 else ""))  # a short host name matches by chance


def read(path):
    return nbformat.read(path, as_version=4)


def code_cells(nb):
    return [c for c in nb.cells if c.cell_type == "code"]


def nav_cells(nb):
    return [c for c in nb.cells if tool.NAV_TAG in c.metadata.get("tags", [])]


def test_notebooks_are_numbered_from_01_without_gaps():
    assert PATHS, "no notebooks found"
    for path in PATHS:
        assert tool.NAME.match(path.name), f"{path.name}: name notebooks NN_slug.ipynb"
    assert [int(p.name[:2]) for p in PATHS] == list(range(1, len(PATHS) + 1))
    assert sorted(p.name for p in tool.NOTEBOOKS.glob("*.ipynb")) == IDS, "only numbered notebooks in notebooks/"


@pytest.mark.parametrize("path", PATHS, ids=IDS)
def test_one_h1_title_in_the_first_cell(path):
    nb = read(path)
    h1 = [line for c in nb.cells if c.cell_type == "markdown"
          for line in re.sub(r"```.*?```", "", c.source, flags=re.DOTALL).splitlines() if line.startswith("# ")]
    assert len(h1) == 1, f"exactly one H1; found {h1}"
    assert nb.cells[0].source.startswith("# ")


@pytest.mark.parametrize("path", PATHS, ids=IDS)
def test_navigation_and_badge_are_as_make_nav_writes_them(path):
    nb = read(path)
    top, bottom = tool.expected_nav(path)
    cells = nav_cells(nb)
    assert [c.source for c in cells] == [top, bottom], "run `make nav`"
    assert nb.cells[1] is cells[0] and nb.cells[-1] is cells[1], "navigation goes after the title and at the end"
    badge = f"https://colab.research.google.com/github/{tool.settings()['owner']}/{tool.settings()['repo']}" \
            f"/blob/{tool.settings()['branch']}/notebooks/{path.name}"
    assert f"({tool.COLAB_BADGE})]({badge})" in top
    for cell in cells:
        assert "[Contents](../README.md)" in cell.source
        for target in re.findall(r"\]\(([^)]+)\)", cell.source):
            if not target.startswith("https://"):
                assert (path.parent / target).exists(), f"navigation links to missing {target}"


@pytest.mark.parametrize("path", PATHS, ids=IDS)
def test_one_setup_cell_installs_only_in_colab_then_calls_setup(path):
    nb = read(path)
    setups = [c for c in code_cells(nb) if re.search(r"^setup\(", c.source, re.MULTILINE)]
    assert len(setups) == 1, "exactly one cell calls setup()"
    (cell,) = setups
    assert cell is code_cells(nb)[0], "the setup cell is the first code cell"
    lines = cell.source.splitlines()
    guard = lines.index('if "google.colab" in sys.modules:  # in Colab, install this series\' package first')
    assert lines[guard + 1] == "    " + tool.install_command(), "run `make nav` (install line vs pyproject.toml)"
    assert sum("%pip" in line for line in lines) == 1
    assert "from rnn_tutorial.notebook import setup" in lines
    assert not any("%pip" in c.source or "!pip" in c.source for c in code_cells(nb) if c is not cell)


@pytest.mark.parametrize("path", PATHS, ids=IDS)
def test_outputs_are_stored_from_one_clean_run(path):
    cells = code_cells(read(path))
    assert [c.execution_count for c in cells] == list(range(1, len(cells) + 1)), "run `make regen`"
    for cell in cells:
        for output in cell.outputs:
            assert output.output_type != "error", f"stored error in:\n{cell.source}"
            assert not (output.output_type == "stream" and output.name == "stderr"), \
                f"stored stderr (warnings or log lines) in:\n{cell.source}\n{output.text}"


@pytest.mark.parametrize("path", PATHS, ids=IDS)
def test_outputs_hold_no_machine_specific_strings(path):
    for cell in code_cells(read(path)):
        for output in cell.outputs:
            texts = [output.get("text", "")] + [v for k, v in output.get("data", {}).items()
                                                  if k.startswith("text/") and isinstance(v, str)]
            for text in texts:
                found = MACHINE_STRINGS.search(text)
                assert not found, f"{found[0]!r} in the output of:\n{cell.source}"


@pytest.mark.parametrize("path", PATHS, ids=IDS)
def test_notebook_is_small_and_its_code_cells_short(path):
    assert path.stat().st_size < 1_000_000
    for cell in code_cells(read(path)):
        assert len(cell.source.splitlines()) <= 20, f"a code cell fits a screen (20 lines); split it:\n{cell.source}"


def solutions(path):
    """The code of each exercise's solution (a ```python block inside <details>)."""
    blocks = []
    for cell in read(path).cells:
        if cell.cell_type == "markdown" and cell.source.startswith("<details>"):
            blocks += re.findall(r"```python\n(.*?)```", cell.source, flags=re.DOTALL)
    return blocks


@pytest.mark.parametrize("path", PATHS, ids=IDS)
def test_exercises_have_checks_that_reject_the_starting_point(path):
    nb = read(path)
    text = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    start = text.index("## Exercises")
    assert len(re.findall(r"^### ", text[start:], re.MULTILINE)) >= 2, "two or more exercises"
    checked = [c for c in code_cells(nb) if re.search(r"exercises\.check_\w+\(", c.source)]
    assert len(checked) >= 2
    for cell in checked:
        out = "".join(o.get("text", "") for o in cell.outputs)
        assert out.startswith("Not yet:"), f"the starting point of an exercise should not pass:\n{cell.source}"
    assert len(solutions(path)) == len(checked), "one <details> solution per exercise"


@pytest.mark.parametrize("path", PATHS, ids=IDS)
def test_published_solutions_pass_their_checks(path):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import numpy as np

    from rnn_tutorial import datasets, exercises, numpy_rnn, plotting, series, text

    for code in solutions(path):  # each solution runs on its own, with the setup cell's usual imports
        namespace = {"np": np, "plt": plt, "exercises": exercises, "datasets": datasets, "numpy_rnn": numpy_rnn,
                     "plotting": plotting, "series": series, "text": text}
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            exec(compile(code, f"<solution in {path.name}>", "exec"), namespace)
        assert "Correct!" in out.getvalue() and "Not yet" not in out.getvalue(), out.getvalue()


def test_the_tool_and_the_settings_agree():
    settings = tool.settings()
    assert settings["url"] == f"https://github.com/{settings['owner']}/{settings['repo']}"
    assert tool.install_command() == (f'%pip install --quiet "rnn-tutorial @ git+{settings["url"]}'
                                      f'@{settings["branch"]}"')
    assert Path(tool.ROOT / "pyproject.toml").exists()


def test_readme_lists_every_notebook_with_its_badge_and_no_other():
    readme = (tool.ROOT / "README.md").read_text(encoding="utf-8")
    rows = [line for line in readme.splitlines() if re.match(r"^\| \d\d \|", line)]
    assert len(rows) == len(PATHS), "one README row per notebook"
    for row, path in zip(rows, PATHS):
        assert f"(notebooks/{path.name})" in row
        assert f"]({tool.colab_url(path)})" in row
        assert title(read(path)) in row
    for target in re.findall(r"\]\((notebooks/[^)]+)\)", readme):
        assert (tool.ROOT / target).exists(), f"README links to missing {target}"


def test_readme_quickstart_is_two_make_commands():
    readme = (tool.ROOT / "README.md").read_text(encoding="utf-8")
    quickstart = readme.split("## Quickstart", 1)[1].split("```bash", 1)[1].split("```", 1)[0]
    assert [line.split()[0:2] for line in quickstart.strip().splitlines()] == [["make", "lab"], ["make", "test"]]


def title(nb):
    return tool.title(nb)
