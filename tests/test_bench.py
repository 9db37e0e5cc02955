"""`make bench`'s arithmetic: ratios to the floor, the average, the bars, the rounding. Made-up numbers, no timing."""

import nbformat
import pytest

from tools import bench
from tools import notebooks as tool


def verdict(verdicts, words):
    (found,) = [v for v in verdicts if words in v[0]]
    return found


def test_ratios_are_seconds_over_the_floor_in_the_order_given():
    rows, _ = bench.cost_table(10.0, {"b.ipynb": 20.0, "a.ipynb": 85.0, "c.ipynb": 5.0},
                               {"b.ipynb": 700.4, "a.ipynb": 650.6, "c.ipynb": 600})
    assert rows[:-1] == [("b.ipynb", 2.0, 20.0, 700), ("a.ipynb", 8.5, 85.0, 651), ("c.ipynb", 0.5, 5.0, 600)]
    # the average of the ratios (2 + 8.5 + 0.5) / 3 = 3.67, the total time, the largest peak
    assert rows[-1] == ("average", 3.7, 110.0, 700)


def test_a_notebook_over_8x_fails_its_bar_by_name_and_the_others_pass():
    _, verdicts = bench.cost_table(10.0, {"a.ipynb": 20.0, "slow.ipynb": 85.0, "c.ipynb": 5.0},
                                   {"a.ipynb": 700, "slow.ipynb": 650, "c.ipynb": 600})
    assert verdict(verdicts, "each notebook") == ("each notebook <= 8x the floor", False, "slow.ipynb 8.5x")
    assert verdict(verdicts, "average")[1:] == (True, "3.7x")
    assert verdict(verdicts, "memory")[1:] == (True, "largest 700 MB")


def test_the_average_bar_fails_though_every_notebook_passes_its_own():
    _, verdicts = bench.cost_table(2.0, {"a.ipynb": 12.0, "b.ipynb": 12.0}, {"a.ipynb": 500, "b.ipynb": 500})
    assert verdict(verdicts, "each notebook")[1:] == (True, "largest 6.0x")
    assert verdict(verdicts, "average") == ("the series on average <= 5x", False, "6.0x")


def test_bars_are_judged_on_the_figures_as_printed():
    # 8.04 floors prints as 8.0x and passes; 8.06 prints as 8.1x and fails; exactly 5.0 on average passes
    _, verdicts = bench.cost_table(10.0, {"a.ipynb": 80.4, "b.ipynb": 19.6}, {"a.ipynb": 2048.4, "b.ipynb": 10})
    assert [passed for _, passed, _ in verdicts] == [True, True, True]
    assert verdict(verdicts, "average")[2] == "5.0x"
    _, verdicts = bench.cost_table(10.0, {"a.ipynb": 80.6}, {"a.ipynb": 2048.6})
    assert verdict(verdicts, "each notebook")[1:] == (False, "a.ipynb 8.1x")
    assert verdict(verdicts, "memory") == ("kernel peak memory <= 2048 MB", False, "a.ipynb 2049 MB")


@pytest.mark.parametrize("floor, seconds, peaks", [
    (0.0, {"a.ipynb": 1.0}, {"a.ipynb": 1.0}),
    (-1.0, {"a.ipynb": 1.0}, {"a.ipynb": 1.0}),
    (1.0, {}, {}),
    (1.0, {"a.ipynb": 1.0}, {"b.ipynb": 1.0}),
])
def test_bad_input_is_refused(floor, seconds, peaks):
    with pytest.raises(ValueError):
        bench.cost_table(floor, seconds, peaks)


def test_the_floor_runs_the_first_code_cell_and_only_if_it_is_the_setup_cell():
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("# Title"),
                                         nbformat.v4.new_code_cell("setup(seed=0)"),
                                         nbformat.v4.new_code_cell("setup(seed=1)")])
    assert bench.setup_cell(nb) == 1
    nb.cells[1].source = "import numpy"
    with pytest.raises(ValueError, match="setup cell"):
        bench.setup_cell(nb)


@pytest.mark.parametrize("path", tool.notebook_paths(), ids=lambda p: p.name)
def test_every_notebook_has_the_setup_cell_that_the_floor_runs(path):
    assert bench.setup_cell(nbformat.read(path, as_version=4)) >= 0
