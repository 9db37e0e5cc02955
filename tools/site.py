"""`make site`: the series as a static HTML book in _build/html/, built from the stored notebooks without running them.

Sphinx reads the notebooks with myst-nb (execution off: the stored outputs and figures are shown) and lays them out
with sphinx-book-theme; book/conf.py configures it and book/index.md is the landing page. This script stages the
sources in _build/src/ and runs Sphinx on them with warnings as errors:

- every notebook that tools/notebooks.py's `notebook_paths()` finds, so a new one joins the book by itself. Its top
  navigation cell (Colab badge, previous | contents | next) becomes a line of links: Open in Colab, download the
  .ipynb, view it on GitHub, from the repository setting in pyproject.toml; the bottom one is dropped, since the
  book has its own previous/next and contents. A link to the README goes to the landing page, and a link to any
  other file of the repository that is not in the book goes to that file on GitHub;
- GLOSSARY.md, and book/index.md with the notebook table (titles from the notebooks, "what you learn" from the
  README's table) and the repository link filled in.

Then each stored notebook is copied, byte for byte, next to its page, for the download link.
"""

from __future__ import annotations

import os
import re
import shutil
import sys
import time
from pathlib import Path

import nbformat

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tools.notebooks import NAV_TAG, ROOT, colab_url, notebook_paths, settings, title  # noqa: E402

BOOK = ROOT / "book"
BUILD = ROOT / "_build"  # everything the book's build writes (myst-nb puts its image files in _build/jupyter_execute)
SRC = BUILD / "src"
DOCTREES = BUILD / "doctrees"
SITE = BUILD / "html"
LINK = re.compile(r"\]\(([^)\s]+)\)")


def github_url(path: Path) -> str:
    s = settings()
    return f"{s['url']}/blob/{s['branch']}/{path.resolve().relative_to(ROOT).as_posix()}"


def notebook_links(path: Path) -> str:
    """The line of links that replaces a notebook's top navigation cell in the book (raw HTML: a plain link)."""
    return (f'<div class="notebook-links">\n<a class="colab-link" href="{colab_url(path)}">Open in Colab</a>\n'
            f'<a class="download-link" href="{path.name}" download>Download {path.name}</a>\n'
            f'<a class="github-link" href="{github_url(path)}">View on GitHub</a>\n</div>')


def book_link(target: str, folder: Path) -> str:
    """A relative link of a page in `folder`, as it must read in the book."""
    file, _, anchor = target.partition("#")
    path = (folder / file).resolve()
    if not file or "://" in file or not path.is_file() or ROOT not in path.parents:
        return target  # a URL, an anchor, or not a file of the repository (code that looks like a link)
    if path == ROOT / "README.md":
        return os.path.relpath(ROOT / "index.md", folder)  # the staged landing page takes the README's place
    if path in notebook_paths() or path == ROOT / "GLOSSARY.md":
        return target  # staged at the same place, so the relative link holds
    return github_url(path) + (f"#{anchor}" if anchor else "")


def book_markdown(text: str, folder: Path) -> str:
    return LINK.sub(lambda m: f"]({book_link(m[1], folder)})", text)


def stage_notebook(path: Path):
    """The notebook as the book shows it: navigation cells replaced, links fixed; outputs untouched."""
    nb = nbformat.read(path, as_version=4)
    cells = []
    for cell in nb.cells:
        if NAV_TAG in cell.metadata.get("tags", []):
            if not any(NAV_TAG in c.metadata.get("tags", []) for c in cells):  # the top one
                cells.append(nbformat.v4.new_markdown_cell(notebook_links(path), metadata={"tags": [NAV_TAG]}))
            continue
        if cell.cell_type == "markdown":
            cell.source = book_markdown(cell.source, path.parent)
        cells.append(cell)
    nb.cells = cells
    return nb


def readme_descriptions() -> dict[str, str]:
    """Notebook file name -> the "what you learn" column of the README's notebook table."""
    found = {}
    for line in (ROOT / "README.md").read_text(encoding="utf-8").splitlines():
        cols = [c.strip() for c in line.strip().strip("|").split(" | ")]
        match = re.search(r"\(notebooks/([^)]+\.ipynb)\)", cols[1]) if len(cols) >= 3 else None
        if match:
            found[match[1]] = cols[2]
    return found


def notebook_table() -> str:
    about = readme_descriptions()
    rows = ["| # | notebook | what you learn | |", "|---|---|---|---|"]
    for path in notebook_paths():
        name = path.name
        rows.append(f"| {name[:2]} | [{title(nbformat.read(path, as_version=4))}](notebooks/{name}) "
                    f"| {about.get(name, '')} | [Open in Colab]({colab_url(path)}) |")
    return "\n".join(rows)


def stage(dest: Path = SRC) -> list[Path]:
    """Write the book's sources into `dest` (emptied first); returns the staged notebooks."""
    shutil.rmtree(dest, ignore_errors=True)
    (dest / "notebooks").mkdir(parents=True)
    index = (BOOK / "index.md").read_text(encoding="utf-8")
    index = index.replace("<!-- notebook table -->", notebook_table()).replace("REPOSITORY_URL", settings()["url"])
    (dest / "index.md").write_text(index, encoding="utf-8")
    glossary = (ROOT / "GLOSSARY.md").read_text(encoding="utf-8")
    (dest / "GLOSSARY.md").write_text(book_markdown(glossary, ROOT), encoding="utf-8")
    staged = []
    for path in notebook_paths():
        nbformat.write(stage_notebook(path), dest / "notebooks" / path.name)
        staged.append(dest / "notebooks" / path.name)
    return staged


def build() -> int:
    start = time.perf_counter()
    from sphinx.cmd.build import build_main

    staged = stage()
    shutil.rmtree(SITE, ignore_errors=True)
    shutil.rmtree(DOCTREES, ignore_errors=True)
    # -W: warnings are errors; --keep-going: report all of them first; -q: only warnings and errors.
    code = build_main(["-b", "html", "-W", "--keep-going", "-q", "-c", str(BOOK), "-d", str(DOCTREES),
                       str(SRC), str(SITE)])
    if code:
        return code
    for path in notebook_paths():
        shutil.copyfile(path, SITE / "notebooks" / path.name)  # the download link's file, byte for byte
    pages = [page for page in SITE.glob("**/*.html") if "_static" not in page.parts]  # not the theme's fragments
    print(f"book: {len(pages)} pages ({len(staged)} notebooks) in {SITE.relative_to(ROOT)}/, "
          f"built in {time.perf_counter() - start:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(build())
