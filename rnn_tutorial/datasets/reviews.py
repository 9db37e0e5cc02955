"""Cricket reviews with a rating, where word order decides (notebook 04, many to one)."""

from __future__ import annotations

import itertools
from dataclasses import dataclass

import numpy as np

from rnn_tutorial.datasets._split import _split_by_group, _test_size
from rnn_tutorial.validation import seeded

# Notebook 04, many to one: cricket reviews where word order decides

PLAYERS = ("sachin", "dravid", "kohli", "dhoni", "kumble", "ganguly", "sehwag", "bumrah")
# Graded words: each adverb and adjective carries a rating, from 1 star (poorly) to 5 (brilliantly).
RATING_WORDS = {
    "adverb": {"brilliantly": 5, "superbly": 5, "well": 4, "confidently": 4, "steadily": 3, "cautiously": 3,
               "nervously": 2, "awkwardly": 2, "poorly": 1, "badly": 1},
    "adjective": {"brilliant": 5, "superb": 5, "good": 4, "solid": 4, "average": 3, "ordinary": 3,
                  "weak": 2, "shaky": 2, "awful": 1, "dreadful": 1},
}
RATING_VERBS = ("batted", "bowled", "fielded", "captained", "ran")


@dataclass(frozen=True)
class Ratings:
    """Review texts, their rating `stars` `(batch,)` (1 to 5) and their `kinds` (see `cricket_ratings`)."""

    texts: list[str]
    stars: np.ndarray
    kinds: list[str]

    def __len__(self) -> int:
        return len(self.texts)


def _rating_groups() -> list[list[tuple[str, int, str]]]:
    """Every rated review, grouped so that the reviews made of the same words stay together."""
    adverbs, adjectives = RATING_WORDS["adverb"], RATING_WORDS["adjective"]
    groups = []
    for player in PLAYERS:
        for verb in RATING_VERBS:
            groups += [[(f"{player} {verb} {adverb}", stars, "plain")] for adverb, stars in adverbs.items()]
        for a, b in itertools.combinations(adverbs, 2):
            if adverbs[a] != adverbs[b]:  # contrast: the clause after "but" decides; the twin swaps the words
                groups.append([(f"{player} started {a} but finished {b}", adverbs[b], "contrast"),
                               (f"{player} started {b} but finished {a}", adverbs[a], "contrast")])
        for a, b in itertools.combinations(adjectives, 2):
            if adjectives[a] != adjectives[b]:  # negation: the word after "not" does not count
                groups.append([(f"{player} was not {a} but {b}", adjectives[b], "negation"),
                               (f"{player} was not {b} but {a}", adjectives[a], "negation")])
                groups.append([(f"{player} was {a} , not {b}", adjectives[a], "negation"),
                               (f"{player} was {b} , not {a}", adjectives[b], "negation")])
    return groups


def cricket_ratings(test_fraction: float = 0.25, seed: int = 0) -> tuple[Ratings, Ratings]:
    """Short reviews of cricket players with a rating of 1 to 5 stars, most with contrast or negation (notebook 04).

    The rating is the grade (`RATING_WORDS`) of the word that decides: the only
    one in a ``"plain"`` review ("dhoni batted well": 4), the one after "but" in
    a ``"contrast"`` ("sachin started nervously but finished brilliantly": 5),
    the one not negated in a ``"negation"`` ("kohli was not weak but superb":
    5; "kohli was weak , not superb": 2). Every contrast and negation review
    has a twin made of the same words with another rating, in the same set, so
    a bag of words cannot tell them apart. No review is in both sets. The
    groups are split player by player and kind by kind (plain reviews rating by
    rating too), so each has the same share of both sets.

    Returns:
        `(train, test)`, two `Ratings`.
    """
    groups = _rating_groups()
    n_test = _test_size(test_fraction, len(groups), "groups of reviews")
    categories = [f"{text.split()[0]} {kind} {stars if kind == 'plain' else 'both'}" for (text, stars, kind), *_
                  in groups]
    sets = []
    for part in _split_by_group(categories, n_test, seeded(seed)):
        items = [item for g in part for item in groups[g]]
        sets.append(Ratings([t for t, _, _ in items], np.array([s for _, s, _ in items], dtype=np.int64),
                            [k for _, _, k in items]))
    return sets[0], sets[1]
