"""`make test-browser`: every notebook run in a real JupyterLab, driven in headless Chromium.

Starts JupyterLab from .venv on 127.0.0.1 with a token, on copies of the
notebooks in a temporary folder (so the run never touches the stored ones).
For each notebook: open it, Run > Run All Cells, wait until every cell has run
and the kernel is idle, fail if any output shows an error or stderr, and save a
screenshot of the notebook's end in benchmarks/screenshots/ (ignored by git).
"""

from __future__ import annotations

import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import nbformat
from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
SHOTS = ROOT / "benchmarks" / "screenshots"
CHROMIUM_ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_lab(folder: Path, port: int, token: str) -> subprocess.Popen:
    command = [str(ROOT / ".venv" / "bin" / "jupyter"), "lab", "--no-browser", "--ip=127.0.0.1", f"--port={port}",
               f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={folder}",
               "--LabApp.news_url=None", "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate"]
    if os.geteuid() == 0:
        command.append("--allow-root")
    settings = folder / ".settings" / "@jupyterlab" / "notebook-extension"
    settings.mkdir(parents=True)
    # Render every cell (no windowing), so that every prompt can be read from the page.
    (settings / "tracker.jupyterlab-settings").write_text('{"windowingMode": "none"}', encoding="utf-8")
    news = folder / ".settings" / "@jupyterlab" / "apputils-extension"
    news.mkdir(parents=True)
    (news / "notification.jupyterlab-settings").write_text('{"fetchNews": "false"}', encoding="utf-8")
    env = {**os.environ, "JUPYTER_RUNTIME_DIR": str(folder / ".runtime"), "JUPYTER_CONFIG_DIR": str(folder / ".config"),
           "JUPYTERLAB_SETTINGS_DIR": str(folder / ".settings")}
    lab = subprocess.Popen(command, cwd=folder, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                           start_new_session=True)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/api/status?token={token}", timeout=2)
            return lab
        except OSError:
            time.sleep(0.5)
    os.killpg(lab.pid, signal.SIGTERM)
    raise RuntimeError("JupyterLab did not start")


def run_notebook(browser, base: str, token: str, name: str, timeout_s: float = 300) -> str | None:
    """Open a notebook in a fresh page, clear it, run all cells, wait; returns an error text or None."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    try:
        page.goto(f"{base}/lab/tree/{name}?reset&token={token}")
        page.wait_for_selector(".jp-Notebook .jp-Cell", timeout=60_000)
        idle = "() => document.querySelector('.jp-Notebook-ExecutionIndicator')?.getAttribute('data-status') === 'idle'"
        page.wait_for_function(idle, timeout=60_000)
        for menu, item in (("Edit", "Clear Outputs of All Cells"), ("Run", "Run All Cells")):
            page.get_by_role("menuitem", name=menu, exact=True).click()
            page.get_by_role("menuitem", name=item, exact=True).click()
        deadline = time.monotonic() + timeout_s
        stderr = ".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']"
        waited = 0
        while time.monotonic() < deadline:
            page.wait_for_timeout(1000)
            prompts = page.eval_on_selector_all(".jp-CodeCell .jp-InputPrompt", "els => els.map(e => e.textContent)")
            waited += 1
            if waited % 5 == 0 and not any(ch.isdigit() or ch == "*" for p in prompts for ch in p):
                # Nothing has started: a Run All clicked while the kernel was still connecting is lost. Again.
                page.get_by_role("menuitem", name="Run", exact=True).click()
                page.get_by_role("menuitem", name="Run All Cells", exact=True).click()
                continue
            status = page.eval_on_selector(".jp-Notebook-ExecutionIndicator", "e => e.getAttribute('data-status')")
            errors = page.eval_on_selector_all(stderr, "els => els.map(e => e.innerText)")
            finished = prompts and all(any(ch.isdigit() for ch in p) for p in prompts)
            if status == "idle" and (finished or errors):  # Run All stops at the first error
                break
        else:
            return f"{name}: not finished after {timeout_s} s"
        page.locator(".jp-Cell").last.scroll_into_view_if_needed()
        page.wait_for_timeout(500)
        page.screenshot(path=str(SHOTS / f"{Path(name).stem}.png"))
        return f"{name}: {errors[0][:2000]}" if errors else None
    finally:
        page.close(run_before_unload=False)


def main() -> int:
    if not Path(CHROMIUM).exists():
        print(f"no Chromium at {CHROMIUM}: install Debian's (apt-get install chromium) or set CHROMIUM",
              file=sys.stderr)
        return 1
    SHOTS.mkdir(parents=True, exist_ok=True)
    names = [p.name for p in sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))]
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for name in names:
            shutil.copy(ROOT / "notebooks" / name, folder / name)
        # A notebook that must fail: proof that this test sees an error when there is one.
        planted = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("raise ValueError('planted error')")])
        planted.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
        nbformat.write(planted, folder / "planted_error.ipynb")
        port, token = free_port(), secrets.token_hex(12)
        lab = start_lab(folder, port, token)
        start = time.perf_counter()
        try:
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                planted_error = run_notebook(browser, f"http://127.0.0.1:{port}", token, "planted_error.ipynb")
                if planted_error and "planted error" in planted_error:
                    print("ok the planted error is detected", flush=True)
                else:
                    failures.append(f"the planted error was not detected: {planted_error!r}")
                for name in names:
                    began = time.perf_counter()
                    error = run_notebook(browser, f"http://127.0.0.1:{port}", token, name)
                    print(f"{'FAILED' if error else 'ok'} {name} in {time.perf_counter() - began:.1f} s", flush=True)
                    if error:
                        failures.append(error)
                browser.close()
        finally:
            os.killpg(lab.pid, signal.SIGTERM)
            lab.wait(timeout=30)
    print(f"browser run: {time.perf_counter() - start:.1f} s; screenshots in {SHOTS.relative_to(ROOT)}/")
    for failure in failures:
        print(failure, file=sys.stderr)
    print(f"{len(names) - len(failures)} passed, {len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
