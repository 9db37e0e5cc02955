"""nbval, as configured here, fails a notebook that raises or whose output changed, and nothing else.

Small fixture notebooks are written and executed here, then run under pytest
with the project's own options (conftest.py, tests/nbval_sanitize.cfg).
"""

import shutil
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent
OPTIONS = ["--nbval", "--nbval-current-env", "--nbval-sanitize-with", "nbval_sanitize.cfg", "-p", "no:cacheprovider"]


@pytest.fixture
def project(pytester):
    """A folder with the project's nbval configuration in it."""
    shutil.copy(ROOT / "conftest.py", pytester.path / "conftest.py")
    shutil.copy(ROOT / "tests" / "nbval_sanitize.cfg", pytester.path / "nbval_sanitize.cfg")
    return pytester


def executed(path: Path, *sources: str) -> nbformat.NotebookNode:
    """Write a notebook with these code cells, run it, store its outputs."""
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(s) for s in sources])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    NotebookClient(nb, kernel_name="python3", timeout=60, allow_errors=True).execute()
    nbformat.write(nb, path)
    return nb


def run(project, *sources, edit=None):
    path = project.path / "fixture.ipynb"
    nb = executed(path, *sources)
    if edit:
        edit(nb)
        nbformat.write(nb, path)
    return project.runpytest_subprocess(*OPTIONS, "fixture.ipynb")


def test_a_notebook_that_runs_and_reproduces_its_output_passes(project):
    result = run(project, "print(6 * 7)", "import numpy as np\nnp.arange(3)")
    result.assert_outcomes(passed=2)


def test_a_notebook_that_raises_fails(project):
    result = run(project, "print('fine')", "raise ValueError('x must be (batch, time, features)')")
    result.assert_outcomes(passed=1, failed=1)


def test_a_notebook_that_newly_raises_fails(project):
    def break_it(nb):
        nb.cells[0].source = "1 / 0"

    result = run(project, "print(1)", edit=break_it)
    result.assert_outcomes(failed=1)


def test_a_changed_output_fails(project):
    def change_stored_output(nb):
        nb.cells[0].outputs[0].text = "43\n"

    result = run(project, "print(6 * 7)", edit=change_stored_output)
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["*Cell outputs differ*"])


def test_a_changed_figure_size_fails(project):
    source = "import matplotlib.pyplot as plt\nplt.figure(figsize=(4, 3))\nplt.show()"

    def change_figure_text(nb):
        nb.cells[0].outputs[0].data["text/plain"] = "<Figure size 400x300 with 1 Axes>"

    result = run(project, source, edit=change_figure_text)
    result.assert_outcomes(failed=1)


def test_stderr_never_decides(project):
    source = "import sys, random\nprint('kept')\nprint('log line', random.random(), file=sys.stderr)"
    result = run(project, source)
    result.assert_outcomes(passed=1)


def test_stdout_still_decides_next_to_stderr(project):
    source = "import sys\nprint('kept')\nprint('noise', file=sys.stderr)"

    def change_stdout(nb):
        for output in nb.cells[0].outputs:
            if output.name == "stdout":
                output.text = "changed\n"

    result = run(project, source, edit=change_stdout)
    result.assert_outcomes(failed=1)


def test_only_the_masked_figures_may_move(project):
    source = "from rnn_tutorial.bars import check_bar\ncheck_bar('RNN accuracy', 0.9871, at_least=0.9, trained=True)"

    def other_score(nb):
        nb.cells[0].outputs[0].text = "RNN accuracy: 95.0% (trained, bar: >= 90.0%)\n"

    run(project, source, edit=other_score).assert_outcomes(passed=1)

    def other_bar(nb):
        nb.cells[0].outputs[0].text = "RNN accuracy: 98.7% (trained, bar: >= 80.0%)\n"

    run(project, source, edit=other_bar).assert_outcomes(failed=1)

    def other_name(nb):
        nb.cells[0].outputs[0].text = "GRU accuracy: 98.7% (trained, bar: >= 90.0%)\n"

    run(project, source, edit=other_name).assert_outcomes(failed=1)


def test_a_deterministic_figure_is_compared_exactly(project):
    source = ("from rnn_tutorial.bars import check_bar\n"
              "check_bar('largest |numpy - Keras|', 9.594e-08, at_most=1e-6, percent=False)")

    def last_digit(nb):
        nb.cells[0].outputs[0].text = "largest |numpy - Keras|: 9.595e-08 (bar: <= 1e-06)\n"

    result = run(project, source, edit=last_digit)
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["*Cell outputs differ*"])


def test_a_missed_bar_fails_even_though_its_digits_are_masked(project):
    source = "from rnn_tutorial.bars import check_bar\ncheck_bar('RNN accuracy', 0.5, at_least=0.9, trained=True)"
    result = run(project, source)
    result.assert_outcomes(failed=1)


def test_a_cell_whose_output_is_ignored_still_fails_when_it_raises(project):
    """`nbval-ignore-output` skips the comparison, not the run: a missed bar in such a cell still fails."""
    source = "from rnn_tutorial.bars import check_bar\ncheck_bar('RNN accuracy', 0.5, at_least=0.9, trained=True)"

    def ignore_output(nb):
        for cell in nb.cells:
            cell.metadata["tags"] = ["nbval-ignore-output"]
        nb.cells[0].outputs[0].text = "43\n"  # not compared: this cell passes

    result = run(project, "print(6 * 7)", source, edit=ignore_output)
    result.assert_outcomes(passed=1, failed=1)
    result.stdout.fnmatch_lines(["*RNN accuracy = 50.0% misses its bar (>= 90.0%)*"])


def test_the_project_runs_nbval_strict():
    import tomllib

    options = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["pytest"]["ini_options"]
    assert "--nbval" in options["addopts"] and "--nbval-lax" not in " ".join(options["addopts"])
    assert "notebooks" in options["testpaths"]
