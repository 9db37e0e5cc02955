"""`make test-site`: open every page of the book (_build/html/, built by `make site`) in headless Chromium and check it.

The build is served on 127.0.0.1 and every request to any other host is blocked and reported, so the book is checked
as it renders with no network. On each page: no console error or uncaught exception; every image loaded (natural
width above 0); every formula rendered by MathJax and no raw `$...$` left in the text outside code; every internal
link leads to a file of the build, and its #anchor to an id on the target page; the Colab links point where the
repository setting (pyproject.toml) says, and a notebook's page has its download link to the stored .ipynb. The
search page is opened with a query and must list results. A screenshot of each page's top goes to
benchmarks/screenshots/site/ (ignored by git).

First a planted page with one of each fault is checked, and every fault must be reported: proof that the checks see
what they look for.
"""

from __future__ import annotations

import functools
import http.server
import os
import re
import sys
import tempfile
import threading
from pathlib import Path
from urllib.parse import unquote, urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tools.notebooks import ROOT, colab_url, notebook_paths  # noqa: E402
from tools.site import SITE, github_url  # noqa: E402

SHOTS = ROOT / "benchmarks" / "screenshots" / "site"
SEARCH_QUERY = "hidden state"
COLAB = "https://colab.research.google.com/"
RAW_MATH = re.compile(r"\$[^$\s][^$]*?\$|\\\(|\\\[")  # $x$ or $$x$$ (and MathJax's own \( \[ delimiters)

# What a page shows, read in the browser once every image has loaded or failed and MathJax has finished.
REPORT_JS = """async () => {
  await Promise.all([...document.images].map(img => {
    if (img.loading === "lazy") img.loading = "eager";
    return img.complete ? null : new Promise(done => { img.onload = img.onerror = done; setTimeout(done, 10000); });
  }));
  if (window.MathJax?.startup?.promise) await window.MathJax.startup.promise;
  const body = document.body.cloneNode(true);  // the text a reader sees as prose: without code and rendered math
  body.querySelectorAll("pre, code, script, style, noscript, mjx-container, .highlight").forEach(e => e.remove());
  return {
    ids: [...document.querySelectorAll("[id]")].map(e => e.id),
    links: [...document.querySelectorAll("a[href]")].map(a => ({href: a.href, download: a.hasAttribute("download")})),
    broken_images: [...document.images].filter(i => !(i.complete && i.naturalWidth > 0)).map(i => i.src.slice(0, 100)),
    unrendered_math: [...document.querySelectorAll(".math")].filter(e => !e.querySelector("mjx-container"))
                       .map(e => e.textContent.trim().slice(0, 60)),
    text: body.textContent,
    search_results: document.querySelectorAll("#search-results li").length,
  };
}"""


def pages_of(site: Path) -> list[str]:
    """Every HTML page of the build, as paths relative to it (the theme's template fragments in _static excluded)."""
    return sorted(p.relative_to(site).as_posix() for p in site.glob("**/*.html") if "_static" not in p.parts)


def notebook_of(page: str) -> Path | None:
    """The stored notebook a page shows: notebooks/NAME.html -> notebooks/NAME.ipynb."""
    if page.startswith("notebooks/") and page.endswith(".html"):
        return ROOT / "notebooks" / (Path(page).stem + ".ipynb")
    return None


def raw_math(text: str) -> list[str]:
    return [m[0][:60] for m in RAW_MATH.finditer(text)]


def page_problems(page: str, report: dict, base: str, site: Path, notebooks: list[Path]) -> list[str]:
    """What is wrong with one page, from its report alone (links to other pages are checked by link_problems)."""
    problems = [f"image not loaded: {src}" for src in report["broken_images"]]
    problems += [f"formula not rendered by MathJax: {m!r}" for m in report["unrendered_math"]]
    problems += [f"raw math in the text: {m!r}" for m in raw_math(report["text"])]
    colab = {link["href"] for link in report["links"] if link["href"].startswith(COLAB)}
    notebook = notebook_of(page)
    if notebook is None:
        expected = {colab_url(p) for p in notebooks}
        problems += [f"Colab link to no notebook of the series: {url}" for url in sorted(colab - expected)]
    else:
        if colab != {colab_url(notebook)}:
            problems.append(f"Colab links {sorted(colab)}; expected only {colab_url(notebook)}")
        if github_url(notebook) not in {link["href"] for link in report["links"]}:
            problems.append(f"no GitHub link to {github_url(notebook)}")
        downloads = [link["href"] for link in report["links"] if link["download"]]
        expected = f"{base}/notebooks/{notebook.name}"
        if downloads != [expected]:
            problems.append(f"download links {downloads}; expected one, to {expected}")
        elif not notebook.is_file() or (site / "notebooks" / notebook.name).read_bytes() != notebook.read_bytes():
            problems.append(f"download link: the book's {notebook.name} is not the stored notebook (run make site)")
    if page == "search.html" and not report["search_results"]:
        problems.append(f"search for {SEARCH_QUERY!r} found nothing")
    return problems


def link_problems(reports: dict[str, dict], base: str, site: Path) -> list[str]:
    """Every internal link of every page leads to a file of the build, and its #anchor to an id of that page."""
    problems = []
    for page, report in reports.items():
        for link in report["links"]:
            url = urlsplit(link["href"])
            if not link["href"].startswith(base + "/"):
                continue  # another site, or mailto: and the like
            target = unquote(url.path)[len(urlsplit(base).path) + 1:] or "index.html"
            if target.endswith("/"):
                target += "index.html"
            if not (site / target).is_file():
                problems.append(f"{page}: broken link to {target}")
            elif url.fragment and target in reports and unquote(url.fragment) not in reports[target]["ids"]:
                problems.append(f"{page}: link to a missing anchor {target}#{url.fragment}")
    return problems


def serve(folder: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


def open_page(browser, base: str, page: str, shot: Path | None) -> tuple[dict, list[str]]:
    """Load a page with every other host blocked; its report, and the errors the browser saw while loading it."""
    errors = []
    tab = browser.new_page(viewport={"width": 1280, "height": 900})

    def only_local(route):
        if urlsplit(route.request.url).hostname == "127.0.0.1":
            route.continue_()
        else:
            errors.append(f"request to another host (the book must work offline): {route.request.url[:100]}")
            route.abort()

    tab.route("**/*", only_local)
    tab.on("console", lambda m: errors.append(f"console error: {m.text[:300]}") if m.type == "error" else None)
    tab.on("pageerror", lambda e: errors.append(f"uncaught exception: {str(e)[:300]}"))
    try:
        query = f"?q={SEARCH_QUERY.replace(' ', '+')}" if page == "search.html" else ""
        tab.goto(f"{base}/{page}{query}", wait_until="load")
        if query:
            tab.wait_for_function("document.querySelectorAll('#search-results li').length > 0", timeout=15_000)
        report = tab.evaluate(REPORT_JS)
        if shot:
            tab.screenshot(path=str(shot))
    except Exception as error:  # a page that cannot be read is a failure of that page, not of the whole run
        report = {"ids": [], "links": [], "broken_images": [], "unrendered_math": [], "text": "", "search_results": 0}
        errors.append(f"could not be checked: {str(error).splitlines()[0][:300]}")
    finally:
        tab.close()
    return report, errors


def check_site(browser, site: Path, notebooks: list[Path], shots: Path | None, say=print) -> list[str]:
    """Every page of `site`, served on 127.0.0.1: the problems found, each starting with its page."""
    server, base = serve(site)
    try:
        reports, problems = {}, []
        for page in pages_of(site):
            shot = shots / (page.removesuffix(".html").replace("/", "__") + ".png") if shots else None
            reports[page], errors = open_page(browser, base, page, shot)
            found = list(dict.fromkeys(errors + page_problems(page, reports[page], base, site, notebooks)))
            problems += [f"{page}: {problem}" for problem in found]
            say(f"{'FAILED' if found else 'ok'} {page}", flush=True)
        return problems + link_problems(reports, base, site)
    finally:
        server.shutdown()


PLANTED = {  # a notebook page with one of each fault, and the words that must report each one
    "notebooks/01_planted.html": """<html><body><h1 id="top">Planted</h1>
      <img src="missing.png"> <img src="https://example.org/external.png">
      <p>Raw math: $h_t = \\tanh(a_t)$.</p> <span class="math">\\(x_t\\)</span>
      <a href="../missing.html">missing</a> <a href="../index.html#no-such-anchor">anchor</a>
      <a href="https://colab.research.google.com/github/someone/else/blob/main/notebooks/01_planted.ipynb">Colab</a>
      <script>console.error("planted console error")</script>
      <script>throw new Error("planted exception")</script></body></html>""",
    "index.html": '<html><body><h1 id="top">Clean</h1><a href="notebooks/01_planted.html#top">next</a></body></html>',
}
PLANTED_FAULTS = ["image not loaded: ", "request to another host", "raw math in the text", "formula not rendered",
                  "broken link to missing.html", "missing anchor index.html#no-such-anchor", "Colab links",
                  "no GitHub link", "download links", "console error: planted", "uncaught exception: planted"]


def self_check(browser) -> list[str]:
    """Check the planted site; returns what went wrong with the checker (nothing, when every fault is reported)."""
    with tempfile.TemporaryDirectory() as tmp:
        for page, html in PLANTED.items():
            (Path(tmp) / page).parent.mkdir(parents=True, exist_ok=True)
            (Path(tmp) / page).write_text(html, encoding="utf-8")
        problems = check_site(browser, Path(tmp), [ROOT / "notebooks" / "01_planted.ipynb"], None, lambda *a, **k: None)
    failures = [f"planted fault not reported: {fault!r}" for fault in PLANTED_FAULTS
                if not any(p.startswith("notebooks/01_planted.html") and fault in p for p in problems)]
    failures += [f"a clean page was reported: {p}" for p in problems if p.startswith("index.html")]
    return failures


def main() -> int:
    from playwright.sync_api import sync_playwright

    from tools.browser_test import CHROMIUM, CHROMIUM_ARGS  # the browser test's Chromium, launched the same way

    if not Path(CHROMIUM).exists():
        print(f"no Chromium at {CHROMIUM}: apt-get install chromium, or set CHROMIUM", file=sys.stderr)
        return 1
    if not (SITE / "index.html").is_file():
        print(f"no book in {SITE.relative_to(ROOT)}/: run `make site` first", file=sys.stderr)
        return 1
    notebooks, pages = notebook_paths(), pages_of(SITE)
    problems = [f"notebooks/{p.stem}.html: no page for {p.name} (run make site)" for p in notebooks
                if f"notebooks/{p.stem}.html" not in pages]
    SHOTS.mkdir(parents=True, exist_ok=True)
    for old in SHOTS.glob("*.png"):
        os.remove(old)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        self_failures = self_check(browser)
        print("FAILED the self-check" if self_failures else "ok every planted fault is reported", flush=True)
        problems += check_site(browser, SITE, notebooks, SHOTS)
        browser.close()
    for problem in self_failures + problems:
        print(problem, file=sys.stderr)
    failed = {problem.split(": ", 1)[0] for problem in problems}
    print(f"{len(pages)} pages, screenshots in {SHOTS.relative_to(ROOT)}/")
    print(f"{len(pages) - len(failed & set(pages))} passed, {len(failed) + bool(self_failures)} failed")
    return 1 if self_failures or problems else 0


if __name__ == "__main__":
    sys.exit(main())
