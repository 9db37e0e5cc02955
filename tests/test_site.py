"""The book (`make site`, tools/site.py) and its browser check (`make test-site`, tools/site_test.py), without Sphinx
or a browser: what is staged for Sphinx, the pins, and the checker's verdicts on made-up pages."""

import re
from pathlib import Path

import nbformat

from tools import site, site_test
from tools.notebooks import NAV_TAG, ROOT, colab_url, notebook_paths, settings

BASE = "http://127.0.0.1:8000"


def _names(path: Path) -> dict[str, str]:
    pins = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            name, _, version = line.partition("==")
            assert version, f"{path.name}: {line!r} must pin an exact version"
            pins[re.sub(r"[-_.]+", "-", name).lower()] = version
    return pins


def test_the_book_pins_leave_the_main_lock_alone():
    book, main = _names(ROOT / "requirements-site.txt"), _names(ROOT / "requirements.txt")
    assert {"sphinx", "myst-nb", "sphinx-book-theme", "sphinx-mathjax-offline"} <= set(book)
    assert set(book) & set(main) == set(), "pinned in requirements.txt already: leave it to the main lock"


def test_every_notebook_is_staged_with_its_outputs_and_links_to_colab_and_its_download(tmp_path):
    staged = site.stage(tmp_path)
    assert [p.name for p in staged] == [p.name for p in notebook_paths()]  # a new notebook joins by itself
    for path, copy in zip(notebook_paths(), staged):
        stored, shown = nbformat.read(path, as_version=4), nbformat.read(copy, as_version=4)
        assert [c.get("outputs") for c in shown.cells if c.cell_type == "code"] == \
               [c.get("outputs") for c in stored.cells if c.cell_type == "code"]
        (links,) = [c.source for c in shown.cells if NAV_TAG in c.metadata.get("tags", [])]
        assert f'href="{colab_url(path)}"' in links
        assert f'href="{path.name}" download' in links
        assert "../README.md" not in nbformat.writes(shown)


def test_the_landing_page_lists_every_notebook(tmp_path):
    site.stage(tmp_path)
    index = (tmp_path / "index.md").read_text(encoding="utf-8")
    for path in notebook_paths():
        assert f"](notebooks/{path.name})" in index and f"]({colab_url(path)})" in index
    assert "make lab" in index and "make test" in index and "Anshul Saini" in index
    assert settings()["url"] in index and "REPOSITORY_URL" not in index


def test_links_to_files_outside_the_book_go_to_github():
    folder = ROOT / "notebooks"
    assert site.book_link("../README.md", folder) == "../index.md"
    assert site.book_link("../GLOSSARY.md", folder) == "../GLOSSARY.md"
    assert site.book_link(notebook_paths()[0].name, folder) == notebook_paths()[0].name
    assert site.book_link("../pyproject.toml", folder) == site.github_url(ROOT / "pyproject.toml")
    for untouched in ("https://example.org/x.md", "#a-section", "x"):  # a URL, an anchor, code such as `f[0](x)`
        assert site.book_link(untouched, folder) == untouched


def report(**changes) -> dict:
    clean = {"ids": ["top"], "links": [], "broken_images": [], "unrendered_math": [], "text": "", "search_results": 0}
    return {**clean, **changes}


def test_raw_math_is_found_and_a_lone_dollar_is_not():
    assert site_test.raw_math("the state $h_t$ and $$y = 1$$, then \\(x\\)") == ["$h_t$", "$y = 1$", "\\("]
    assert site_test.raw_math("costs 5 $ or 6 $ a month") == []


def test_links_to_missing_pages_and_anchors_are_reported(tmp_path):
    (tmp_path / "a.html").write_text("", encoding="utf-8")
    reports = {"a.html": report(ids=["there"], links=[{"href": f"{BASE}/a.html#there", "download": False},
                                                      {"href": f"{BASE}/a.html#gone", "download": False},
                                                      {"href": f"{BASE}/b.html", "download": False},
                                                      {"href": "https://example.org/b.html", "download": False}])}
    assert site_test.link_problems(reports, BASE, tmp_path) == ["a.html: link to a missing anchor a.html#gone",
                                                                "a.html: broken link to b.html"]


def test_a_notebook_page_needs_its_own_colab_github_and_download_links(tmp_path):
    path = notebook_paths()[0]
    (tmp_path / "notebooks").mkdir()
    (tmp_path / "notebooks" / path.name).write_bytes(path.read_bytes())
    page = f"notebooks/{path.stem}.html"
    links = [{"href": colab_url(path), "download": False}, {"href": site.github_url(path), "download": False},
             {"href": f"{BASE}/notebooks/{path.name}", "download": True}]
    assert site_test.page_problems(page, report(links=links), BASE, tmp_path, notebook_paths()) == []
    other = colab_url(notebook_paths()[1])
    wrong = site_test.page_problems(page, report(links=[{"href": other, "download": False}], broken_images=["x.png"]),
                                    BASE, tmp_path, notebook_paths())
    assert [w.split(" ")[0] for w in wrong] == ["image", "Colab", "no", "download"]
    (tmp_path / "notebooks" / path.name).write_text("{}", encoding="utf-8")  # a stale copy
    assert "is not the stored notebook" in site_test.page_problems(page, report(links=links), BASE, tmp_path,
                                                                    notebook_paths())[0]


def test_the_readme_links_the_book_where_the_repository_setting_publishes_it():
    s = settings()
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"https://{s['owner']}.github.io/{s['repo']}/" in readme, "the book's GitHub Pages address"
    assert "make site" in readme and "make test-site" in readme
