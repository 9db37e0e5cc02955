"""pytest configuration shared by the unit tests and the notebooks (nbval).

TensorFlow writes C++ log lines to the process's stderr; since ipykernel 6
they land in a cell's output, and they differ between machines. They must not
decide a test, so stderr is never compared (nbval's documented hook). What a
notebook prints to stdout, displays, or raises is still compared.
"""

pytest_plugins = ["pytester"]


def pytest_collectstart(collector):
    if collector.path is not None and collector.path.suffix == ".ipynb":
        collector.skip_compare += ("stderr",)
