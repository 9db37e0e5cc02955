"""Sphinx configuration of the book (`make site`). tools/site.py stages the sources and runs Sphinx with this folder
as its configuration directory; it says what is staged and why."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tools.notebooks import settings  # noqa: E402  the repository URL and branch, from pyproject.toml

REPOSITORY = settings()

project = "rnn-tutorial"
html_title = "Recurrent neural networks from the ground up"
extensions = ["myst_nb", "sphinx-mathjax-offline"]  # the second ships MathJax 3 into _static/: no CDN

nb_execution_mode = "off"  # show the stored outputs; never run a notebook
nb_merge_streams = True  # consecutive prints of a cell in one block, as Jupyter shows them
myst_enable_extensions = ["dollarmath", "amsmath"]  # $...$ and $$...$$ in the notebooks' markdown

html_theme = "sphinx_book_theme"
html_theme_options = {
    "repository_url": REPOSITORY["url"],
    "repository_branch": REPOSITORY["branch"],
    "use_repository_button": True,
    "use_download_button": False,  # each notebook page has its own download link (tools/site.py)
    "show_toc_level": 2,
    "footer_content_items": [],  # no "By <author>": the landing page gives the credit
}
html_static_path = ["_static"]
html_css_files = ["book.css"]
html_copy_source = False  # tools/site.py copies the stored notebooks next to their pages instead
html_show_sourcelink = False
# Light, as the figures are drawn; and set, so the theme's first visit logs no "invalid theme mode" console error.
html_context = {"default_mode": "light"}
# Search results list the pages and sections found, without Sphinx's plain-text quote of the page: there a formula
# would show as raw LaTeX, since the quote is cut at a fixed length and never typeset.
html_show_search_summary = False
html_use_index = False  # no index entries in the notebooks: no empty "Index" page
