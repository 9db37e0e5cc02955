"""English number words and their French translations (notebook 04, many to many)."""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from rnn_tutorial.datasets._split import _split_by_group, _test_size
from rnn_tutorial.validation import check_int, check_strings, seeded

# Notebook 04, many to many: English number words to French

def number_words(n: int, lang: str) -> list[str]:
    """A number in words, as tokens; hyphens are tokens of their own: 97, "fr" -> quatre - vingt - dix - sept."""
    from num2words import num2words

    n = check_int("n", n, 0)
    if not isinstance(lang, str) or lang not in ("en", "fr"):
        raise ValueError(f"lang must be 'en' or 'fr'; got {lang!r}")
    return re.findall(r"[^\s,-]+|-", num2words(int(n), lang=lang))


def join_words(tokens: list[str]) -> str:
    """Tokens of `number_words` back to text: ["quatre", "-", "vingts"] -> "quatre-vingts"; no tokens give ""."""
    return " ".join(check_strings("tokens", tokens, empty=True)).replace(" - ", "-")


@dataclass(frozen=True)
class NumberPairs:
    """Numbers `(batch,)` with their English and French words (token lists)."""

    numbers: np.ndarray
    english: list[list[str]]
    french: list[list[str]]

    def __len__(self) -> int:
        return len(self.numbers)


def number_translation(n_max: int = 1000, test_fraction: float = 0.2, seed: int = 0) -> tuple[NumberPairs, NumberPairs]:
    """The numbers 0 to `n_max - 1` in English and in French words, split at random (notebook 04).

    The split is made decade by decade (0-9, 10-19, ...), so every decade, and
    so every tens digit and every hundred, has the same share of both sets.
    """
    n_max = check_int("n_max", n_max, 10)
    n_test = _test_size(test_fraction, n_max, "numbers")
    sets = []
    for part in _split_by_group(np.arange(n_max) // 10, n_test, seeded(seed)):
        sets.append(NumberPairs(part.copy(), [number_words(n, "en") for n in part],
                                [number_words(n, "fr") for n in part]))
    return sets[0], sets[1]
