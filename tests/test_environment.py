"""The pins agree everywhere: requirements.in, the lock (requirements.txt), environment.yml, Colab."""

import re
import tomllib
from pathlib import Path

import yaml
from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parent.parent
# What Google Colab runs (August 2026); the lock must match where Colab has the package.
COLAB = {"tensorflow": "2.20.0", "keras": "3.13.2", "numpy": "2.1.3", "matplotlib": "3.10.0"}


def _pins(lines) -> dict[str, str]:
    pins = {}
    for line in lines:
        line = line.split("#", 1)[0].strip()
        if not line or line.startswith("-"):
            continue
        requirement = Requirement(line)
        (spec,) = requirement.specifier
        assert spec.operator == "==", f"{line!r} must pin an exact version"
        pins[_name(requirement.name)] = spec.version
    return pins


def _name(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def lock() -> dict[str, str]:
    return _pins((ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines())


def conda_pins() -> dict[str, str]:
    env = yaml.safe_load((ROOT / "environment.yml").read_text(encoding="utf-8"))
    (pip_section,) = [d["pip"] for d in env["dependencies"] if isinstance(d, dict)]
    return _pins(pip_section)


def test_environment_yml_names_the_locked_versions():
    locked, conda = lock(), conda_pins()
    assert conda, "environment.yml pins nothing"
    disagree = {name: (version, locked.get(name)) for name, version in conda.items() if locked.get(name) != version}
    assert not disagree, f"environment.yml vs requirements.txt: {disagree}"


def test_environment_yml_names_every_direct_requirement():
    direct = _pins((ROOT / "requirements.in").read_text(encoding="utf-8").splitlines())
    assert set(direct) == set(conda_pins()), "requirements.in and environment.yml name different packages"
    assert {n: v for n, v in direct.items() if lock().get(n) != v} == {}, "requirements.in disagrees with the lock"


def test_environment_yml_installs_the_package_and_comments_each_pin():
    text = (ROOT / "environment.yml").read_text(encoding="utf-8")
    assert re.search(r"^\s+- -e \.", text, re.MULTILINE)
    for line in text.splitlines():
        if "==" in line:
            assert "#" in line, f"say why this dependency is there: {line.strip()}"


def test_lock_matches_colab_where_colab_has_the_package():
    locked = lock()
    assert {name: locked.get(name) for name in COLAB} == COLAB


def test_package_dependencies_are_loose_lower_bounds_that_colab_satisfies():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    names = set()
    for line in project["dependencies"]:
        requirement = Requirement(line)
        names.add(_name(requirement.name))
        assert all(spec.operator == ">=" for spec in requirement.specifier), f"{line}: lower bound only"
        if requirement.name in COLAB:
            assert requirement.specifier.contains(COLAB[requirement.name]), f"{line} rejects Colab's version"
        assert requirement.specifier.contains(lock()[_name(requirement.name)]), f"{line} rejects the lock"
    assert {"tensorflow", "keras", "numpy", "matplotlib"} <= names
