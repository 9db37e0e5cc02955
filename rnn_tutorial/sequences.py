"""Random symbol strings of many lengths, for the sequence-to-sequence tasks of notebook 07.

The task itself (reverse the string) is written in the notebook; this module
only makes the strings: seeded, every length equally often in both sets, and
no string in both the training and the held-out set.
"""

from __future__ import annotations

import numpy as np

from rnn_tutorial.validation import check_int, seeded

ALPHABET = "abcdefgh"


def random_strings(n_train: int = 3000, n_test: int = 600, min_length: int = 5, max_length: int = 40,
                   alphabet: str = ALPHABET, seed: int = 0) -> tuple[list[str], list[str]]:
    """Strings of random letters from `alphabet`, of every length from `min_length` to `max_length` (notebook 07).

    Each length comes equally often in each set (give or take one), and the
    two sets share no string, so a held-out string was never seen in training.

    Returns:
        `(train, test)`: lists of `n_train` and `n_test` str.
    """
    n_train, n_test = check_int("n_train", n_train, 1), check_int("n_test", n_test, 1)
    min_length = check_int("min_length", min_length, 1)
    max_length = check_int("max_length", max_length, min_length, what=f"an int >= min_length ({min_length})")
    if not isinstance(alphabet, str) or len(set(alphabet)) != len(alphabet) or len(alphabet) < 2:
        raise ValueError(f"alphabet must be a str of at least 2 different symbols; got {alphabet!r}")
    lengths = np.arange(min_length, max_length + 1)
    need = -(-n_train // len(lengths)) - (-n_test // len(lengths))  # strings of each length, both sets together
    if len(alphabet) ** min_length < need:
        raise ValueError(f"{n_train} + {n_test} strings need {need} different strings of each length, but there are "
                         f"only {len(alphabet) ** min_length} of length {min_length} over {len(alphabet)} symbols")
    rng = seeded(seed)
    symbols = np.array(list(alphabet))
    seen: set[str] = set()
    sets = []
    for n in (n_test, n_train):  # held-out first, so that training never takes a held-out string
        strings = []
        for length in rng.permutation(np.resize(lengths, n)):  # every length n // len(lengths) times or once more
            while True:
                s = "".join(rng.choice(symbols, size=int(length)))
                if s not in seen:
                    break
            seen.add(s)
            strings.append(s)
        sets.append(strings)
    test, train = sets
    return train, test
