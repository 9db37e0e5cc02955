"""Real sentences and their shuffled copies (notebook 01)."""

from __future__ import annotations

import itertools
from dataclasses import dataclass

import numpy as np

from rnn_tutorial.datasets._split import _even_int, _split_by_group
from rnn_tutorial.validation import check_generator, check_int, check_strings, seeded

# Notebook 01: real sentences and their shuffled copies

# Each template is a list of slots; a slot is a tuple of words that may fill it.
# Every filled template is a sentence of the grammar. A word's *class* is the
# slot it fills; a word order belongs to the grammar when its sequence of
# classes is one of the templates'.
_A = ("a",)
_THE = ("the",)
_TO = ("to",)
SENTENCE_TEMPLATES = {
    "likes": [("I", "you", "we", "they"), ("love", "like", "want", "need", "hate"), _TO,
              ("go", "walk", "run", "drive", "cycle"), _TO, _THE,
              ("gym", "park", "shop", "beach", "library", "station", "office", "market")],
    "animals": [_THE, ("small", "big", "old", "young", "happy", "lazy"),
                ("dog", "cat", "horse", "bird", "fox", "cow"),
                ("chased", "found", "watched", "carried", "dropped", "liked"), _THE,
                ("ball", "stick", "bone", "hat", "box", "rope")],
    "work": [("Chirag", "Priya", "Maria", "John", "Aiko", "Omar"), ("worked", "studied", "taught", "trained"),
             ("at",), ("Microsoft", "Google", "Infosys", "Oxford"), ("in",),
             ("India", "France", "Japan", "Brazil", "Kenya", "Canada")],
    "habits": [("I", "you", "we", "they"), ("buy", "make", "paint", "find"), _A,
               ("small", "big", "old", "red", "blue", "new"), ("ball", "hat", "box", "kite", "cake", "lamp"),
               ("every",), ("morning", "evening", "day", "week", "night")],
}


@dataclass(frozen=True)
class Sentences:
    """Sentences (str) with one label each: `labels` is `(batch,)`."""

    texts: list[str]
    labels: np.ndarray

    def __len__(self) -> int:
        return len(self.texts)


def all_sentences() -> list[tuple[str, ...]]:
    """Every sentence of the grammar, as word tuples, in a fixed order."""
    return [words for slots in SENTENCE_TEMPLATES.values() for words in itertools.product(*slots)]


def _class_sequences() -> set[tuple[tuple[str, ...], ...]]:
    """The grammar's word orders: per template, the sequence of its slots (word classes)."""
    return {tuple(slots) for slots in SENTENCE_TEMPLATES.values()}


def _classes_of(words: tuple[str, ...]) -> list[tuple[str, ...]]:
    """The slot (word class) of each word of a sentence of the grammar."""
    for slots in SENTENCE_TEMPLATES.values():
        if len(slots) == len(words) and all(w in s for w, s in zip(words, slots)):
            return list(slots)
    raise ValueError(f"not a sentence of the grammar: {' '.join(words)!r}")


def shuffle_words(words: tuple[str, ...], rng: np.random.Generator, max_tries: int = 100) -> tuple[str, ...]:
    """A reordering of `words` that the grammar does not allow (so it is surely not one of its sentences)."""
    words = tuple(check_strings("words", words))
    check_generator("rng", rng)
    max_tries = check_int("max_tries", max_tries, 1)
    classes = _classes_of(words)
    grammatical = _class_sequences()
    for _ in range(max_tries):
        order = rng.permutation(len(words))
        if tuple(classes[i] for i in order) not in grammatical:
            return tuple(words[i] for i in order)
    raise RuntimeError(f"found no ungrammatical order of {words} in {max_tries} tries")


ARTICLE_SENTENCES = ("I love to go to the gym", "Chirag worked at Microsoft in India")


def shuffled_sentences(n_train: int = 4000, n_test: int = 1000, seed: int = 0,
                       hold_out: tuple[str, ...] = ARTICLE_SENTENCES) -> tuple[Sentences, Sentences]:
    """Real sentences (label 1) and the same words shuffled (label 0), for notebook 01.

    Each set is made of pairs: item `2k` is a real sentence and item `2k + 1` its
    shuffled copy, so both labels are exactly balanced and every pair has one
    bag of words. No real sentence is in both sets, and the sentences in
    `hold_out` (the article's examples) are in neither, nor are their words in
    any other order. The real sentences are split template by template, so
    each template of the grammar has the same share of both sets.

    Args:
        n_train, n_test: number of sentences, even (half real, half shuffled).

    Returns:
        `(train, test)`, two `Sentences`.
    """
    n_train, n_test = _even_int("n_train", n_train), _even_int("n_test", n_test)
    held = {tuple(sorted(s.split())) for s in check_strings("hold_out", hold_out, empty=True)}
    pool = [(words, template) for template, slots in SENTENCE_TEMPLATES.items()
            for words in itertools.product(*slots) if tuple(sorted(words)) not in held]
    if (n_train + n_test) // 2 > len(pool):
        raise ValueError(f"n_train + n_test must be at most {2 * len(pool)} (the grammar's size x 2); "
                         f"got {n_train} + {n_test}")
    rng = seeded(seed)
    real = [pool[i] for i in rng.permutation(len(pool))[: (n_train + n_test) // 2]]
    sets = []
    # Split template by template, so that each template has the same share of both sets.
    for part in _split_by_group([template for _, template in real], n_test // 2, rng):
        texts = []
        for i in part:
            words = real[i][0]
            texts += [" ".join(words), " ".join(shuffle_words(words, rng))]
        sets.append(Sentences(texts, np.tile(np.array([1, 0], dtype=np.int64), len(part))))
    return sets[0], sets[1]
