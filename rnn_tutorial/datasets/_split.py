"""Splits shared by the data sets: every group gets its share of both sets."""

from __future__ import annotations

import numpy as np

from rnn_tutorial.validation import check_number, is_int


def _split_by_group(groups, n_test: int, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """Indices `(train, test)` of a split in which every group has the same share of both sets, to within one item.

    The items are lined up group by group (in random order within a group), and
    the test set takes `n_test` of them evenly spaced along the line, from a
    random start: so each group, and each run of neighbouring groups, gives the
    test set its share, and no group can be used up before the test set is
    drawn. Both index arrays come back shuffled.
    """
    groups = np.asarray(groups)
    line = np.lexsort((rng.random(len(groups)), groups))  # (n,): by group, shuffled within each group
    marks = np.floor(np.arange(len(groups) + 1) * n_test / len(groups) + rng.random())  # (n + 1,)
    picked = np.diff(marks) > 0  # (n,): exactly n_test places, evenly spaced
    return rng.permutation(line[~picked]), rng.permutation(line[picked])


def _balanced(values, size: int, rng: np.random.Generator) -> np.ndarray:
    """`size` draws from `values` in which each value comes equally often (to within one), in random order."""
    return rng.permutation(np.resize(rng.permutation(np.asarray(values)), size))


def _even_int(name: str, value) -> int:
    if not is_int(value) or value < 2 or value % 2:
        raise ValueError(f"{name} must be an even int >= 2; got {value!r}")
    return int(value)


def _test_size(test_fraction, n: int, items: str) -> int:
    """How many of `n` items go to the test set: a fraction in (0, 1) that leaves both sets non-empty."""
    check_number("test_fraction", test_fraction, lambda f: 0 < f < 1, "between 0 and 1, exclusive")
    n_test = int(round(test_fraction * n))
    if not 0 < n_test < n:
        raise ValueError(f"test_fraction={test_fraction!r} of the {n} {items} leaves {n_test} for the test set and "
                         f"{n - n_test} for training; both need at least one")
    return n_test
