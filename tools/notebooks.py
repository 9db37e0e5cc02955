"""Maintainer tool for the notebooks: `nav` writes the generated cells, `regen` re-executes.

    python tools/notebooks.py nav     # navigation, Colab badges, setup-cell install line, GLOSSARY.md
    python tools/notebooks.py regen   # execute every notebook in place, top to bottom

Both are run through make (`make nav`, `make regen`). tests/test_notebooks.py
uses the same functions to check that nothing has drifted.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
import tomllib
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
NAME = re.compile(r"^(\d\d)_[a-z0-9]+(?:_[a-z0-9]+)*\.ipynb$")
NAV_TAG = "navigation"
COLAB_BADGE = "https://colab.research.google.com/assets/colab-badge.svg"
INSTALL_LINE = re.compile(r"^(\s*)%pip install .*$", re.MULTILINE)


def settings() -> dict:
    """The repository URL and branch, from pyproject.toml (the one place they are set)."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    url = project["project"]["urls"]["Repository"].rstrip("/")
    match = re.fullmatch(r"https://github\.com/([^/]+)/([^/]+)", url)
    if not match:
        raise ValueError(f"pyproject.toml: Repository must be https://github.com/OWNER/REPO; got {url!r}")
    return {"url": url, "owner": match[1], "repo": match[2], "branch": project["tool"]["rnn-tutorial"]["branch"]}


def notebook_paths() -> list[Path]:
    """The numbered notebooks, in order."""
    return sorted(NOTEBOOKS.glob("[0-9][0-9]_*.ipynb"))


def title(nb) -> str:
    """The text of the notebook's H1."""
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if line.startswith("# "):
                    return line[2:].strip()
    raise ValueError("notebook has no H1 title")


def colab_url(path: Path) -> str:
    s = settings()
    rel = path.resolve().relative_to(ROOT).as_posix()
    return f"https://colab.research.google.com/github/{s['owner']}/{s['repo']}/blob/{s['branch']}/{rel}"


def install_command() -> str:
    s = settings()
    return f'%pip install --quiet "rnn-tutorial @ git+{s["url"]}@{s["branch"]}"'


def nav_markdown(path: Path, paths: list[Path], titles: dict[Path, str], badge: bool) -> str:
    """The navigation line (previous | contents | next), with the Colab badge on top."""
    i = paths.index(path)
    links = []
    if i > 0:
        links.append(f"[< {titles[paths[i - 1]]}]({paths[i - 1].name})")
    links.append("[Contents](../README.md)")
    if i + 1 < len(paths):
        links.append(f"[{titles[paths[i + 1]]} >]({paths[i + 1].name})")
    line = " | ".join(links)
    if badge:
        return f"[![Open In Colab]({COLAB_BADGE})]({colab_url(path)})\n\n{line}"
    return line


def expected_nav(path: Path) -> tuple[str, str]:
    """What the top and the bottom navigation cells of `path` must say."""
    paths = notebook_paths()
    titles = {p: f"{p.name[:2]} {title(nbformat.read(p, as_version=4))}" for p in paths}
    return nav_markdown(path, paths, titles, badge=True), nav_markdown(path, paths, titles, badge=False)


def _nav_cell(source: str, old=None):
    """A navigation cell; it keeps the id of the cell it replaces, so an unchanged notebook stays byte-identical."""
    cell = nbformat.v4.new_markdown_cell(source)
    cell.metadata["tags"] = [NAV_TAG]
    if old is not None and "id" in old:
        cell.id = old.id
    return cell


def write_nav(path: Path) -> bool:
    """Rewrite the navigation cells (after the H1 cell, and last) and the setup cell's install line."""
    nb = nbformat.read(path, as_version=4)
    before = nbformat.writes(nb)
    top, bottom = expected_nav(path)
    cells = [c for c in nb.cells if NAV_TAG not in c.metadata.get("tags", [])]
    old = [c for c in nb.cells if NAV_TAG in c.metadata.get("tags", [])] + [None, None]
    nb.cells = [cells[0], _nav_cell(top, old[0]), *cells[1:], _nav_cell(bottom, old[1])]
    for cell in nb.cells:
        if cell.cell_type == "code" and "google.colab" in cell.source:
            cell.source = INSTALL_LINE.sub(lambda m: m[1] + install_command(), cell.source)
    after = nbformat.writes(nb)
    if after != before:
        nbformat.write(nb, path)
    return after != before


def run(path: Path, timeout: int = 600):
    """Run a notebook top to bottom in a fresh kernel, in its own folder; returns the executed notebook."""
    from nbclient import NotebookClient

    nb = nbformat.read(path, as_version=4)
    NotebookClient(nb, timeout=timeout, kernel_name="python3", record_timing=False,
                   resources={"metadata": {"path": str(path.parent)}}).execute()
    return nb


def execute(path: Path, timeout: int = 600) -> float:
    """Run a notebook top to bottom in a fresh kernel and store its outputs; returns seconds."""
    start = time.perf_counter()
    nb = run(path, timeout)
    seconds = time.perf_counter() - start
    nb.metadata = {"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
                   "language_info": {"name": "python"}}
    nbformat.write(nb, path)
    return seconds


GLOSSARY = ROOT / "GLOSSARY.md"


def glossary_markdown() -> str:
    """GLOSSARY.md as `rnn_tutorial.glossary` and the notebooks' titles make it."""
    from rnn_tutorial import glossary

    titles = {int(p.name[:2]): (p.name, title(nbformat.read(p, as_version=4))) for p in notebook_paths()}
    return glossary.markdown(titles)


def write_glossary() -> bool:
    text = glossary_markdown()
    changed = not GLOSSARY.exists() or GLOSSARY.read_text(encoding="utf-8") != text
    if changed:
        GLOSSARY.write_text(text, encoding="utf-8")
    return changed


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=["nav", "regen"])
    parser.add_argument("notebooks", nargs="*", type=Path, help="default: all of notebooks/")
    args = parser.parse_args(argv)
    paths = [p.resolve() for p in args.notebooks] or notebook_paths()
    if args.command == "nav":
        print(f"GLOSSARY.md: {'rewritten' if write_glossary() else 'up to date'}")
    for path in paths:
        if args.command == "nav":
            print(f"{path.name}: {'rewritten' if write_nav(path) else 'up to date'}")
        else:
            print(f"{path.name}: executed in {execute(path):.1f} s", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
