"""First names with a gender, from the 1990 US census (notebook 04, one to many)."""

from __future__ import annotations

from importlib import resources

from rnn_tutorial.datasets._split import _split_by_group, _test_size
from rnn_tutorial.validation import seeded

# Notebook 04, one to many: first names with a gender

def _census_names(file: str) -> dict[str, float]:
    text = resources.files("rnn_tutorial").joinpath("data", file).read_text(encoding="utf-8")
    return {line.split()[0].lower(): float(line.split()[1]) for line in text.splitlines() if line.strip()}


def first_names(test_fraction: float = 0.1, seed: int = 0) -> tuple[list[tuple[str, int]], list[tuple[str, int]]]:
    """First names from the 1990 U.S. Census with a gender: 0 female, 1 male (notebook 04).

    A name on both lists gets the gender under which it is more frequent.
    Names are lowercase letters only. No name is in both sets, and each gender
    and each name length has the same share of both.

    Returns:
        `(train, test)`, lists of `(name, gender)`.
    """
    female = _census_names("census_1990_female_first.txt")
    male = _census_names("census_1990_male_first.txt")
    names = sorted(set(female) | set(male))
    pairs = [(name, int(male.get(name, 0.0) > female.get(name, 0.0))) for name in names if name.isalpha()]
    n_test = _test_size(test_fraction, len(pairs), "names")
    # Split gender by gender and length by length, so both have the same shares in both sets.
    train, test = _split_by_group([f"{gender} {len(name):02d}" for name, gender in pairs], n_test, seeded(seed))
    return [pairs[i] for i in train], [pairs[i] for i in test]
