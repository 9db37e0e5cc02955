"""Named entities, some of which only context can tell apart (notebook 03)."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from rnn_tutorial.datasets._split import _split_by_group
from rnn_tutorial.validation import check_int, check_number, check_strings, seeded

# Notebook 03: named entities, some of which only context can tell apart

TAGS = ("O", "PER", "ORG", "LOC")
PEOPLE = ("chirag", "priya", "maria", "john", "aiko", "omar", "sofia", "ravi", "emma", "kwame", "lena", "diego")
ORGANISATIONS = ("microsoft", "google", "infosys", "oxford", "unicef", "toyota", "siemens", "tata")
PLACES = ("india", "france", "japan", "brazil", "kenya", "canada", "mumbai", "paris", "berlin", "lagos", "peru")
# Words that are both a person's first name and a place: only the context tells which.
AMBIGUOUS = ("jordan", "georgia", "washington", "victoria", "florence", "chad", "austin", "sydney")

# Templates: words, or a slot "{PER}", "{ORG}", "{LOC}" for an entity of that type.
ENTITY_TEMPLATES = (
    "{PER} worked at {ORG} in {LOC}",
    "{PER} met {PER} in {LOC}",
    "{ORG} hired {PER} from {LOC}",
    "{PER} flew from {LOC} to {LOC}",
    "the report by {PER} about {ORG} was written in {LOC}",
    "{ORG} opened an office in {LOC}",
    "{PER} studied at {ORG} near {LOC}",
    "we visited {LOC} with {PER}",
    "last year {PER} moved to {LOC}",
    "a letter from {PER} reached {ORG}",
    "{LOC} is a long way from {LOC}",
    "the leaders of {LOC} and {LOC} signed a treaty",
    # Sentences that open with a place, so that enough ambiguous opening words are places
    # (notebook 03 measures a left-to-right tagger on them).
    "{LOC} welcomed {PER} from {ORG}",
    "{LOC} chose {PER} to lead {ORG}",
)


@dataclass(frozen=True)
class TaggedSentences:
    """Tokenised sentences and one tag per token (`TAGS`); `tokens[k]` and `tags[k]` have the same length.

    `templates[k]` is the index in `ENTITY_TEMPLATES` of the template sentence
    `k` was made from (empty when the sentences did not come from a template).
    """

    tokens: list[list[str]]
    tags: list[list[str]]
    templates: list[int] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.tokens)


def _fill(template: str, rng: np.random.Generator, ambiguous_rate: dict[str, float]) -> tuple[list[str], list[str]]:
    tokens, tags = [], []
    pools = {"PER": PEOPLE, "ORG": ORGANISATIONS, "LOC": PLACES}
    for word in template.split():
        if word.startswith("{"):
            kind = word[1:-1]
            pool = AMBIGUOUS if rng.random() < ambiguous_rate.get(kind, 0.0) else pools[kind]
            tokens.append(str(rng.choice(pool)))
            tags.append(kind)
        else:
            tokens.append(word)
            tags.append("O")
    return tokens, tags


def entity_sentences(n_train: int = 3000, n_test: int = 1000, ambiguous: float = 0.3, seed: int = 0,
                     hold_out: tuple[str, ...] = ("chirag worked at microsoft in india",),
                     ) -> tuple[TaggedSentences, TaggedSentences]:
    """A named-entity corpus: sentences from `ENTITY_TEMPLATES`, each token tagged O, PER, ORG or LOC (notebook 03).

    About a fraction `ambiguous` of the person and place slots get a word from
    `AMBIGUOUS` instead, as often as a person as a place, so that the word alone
    cannot tell its tag. No sentence is in both sets; `hold_out` is in neither.
    The different sentences are drawn first and then split template by
    template, so each template has the same share of both sets.

    Returns:
        `(train, test)`, two `TaggedSentences`.
    """
    n_train, n_test = check_int("n_train", n_train, 1), check_int("n_test", n_test, 1)
    ambiguous = check_number("ambiguous", ambiguous, lambda a: 0 <= a <= 1, "a fraction in [0, 1]")
    held = set(check_strings("hold_out", hold_out, empty=True))
    slots = " ".join(ENTITY_TEMPLATES)
    per, loc = slots.count("{PER}"), slots.count("{LOC}")
    # Fewer person slots than place slots: raise their rate so the ambiguous words are half and half.
    rates = {"PER": min(1.0, ambiguous * (per + loc) / (2 * per)), "LOC": ambiguous * (per + loc) / (2 * loc)}
    sizes = {"{PER}": len(PEOPLE) + len(AMBIGUOUS), "{ORG}": len(ORGANISATIONS), "{LOC}": len(PLACES) + len(AMBIGUOUS)}
    capacity = sum(int(np.prod([sizes.get(w, 1) for w in t.split()])) for t in ENTITY_TEMPLATES)
    n = n_train + n_test
    if n > capacity // 2:  # more than half: random draws would rarely find a new one
        raise ValueError(f"the templates cannot make {n} different sentences (at most {capacity // 2})")
    rng = seeded(seed)
    sentences, seen = [], set(held)  # (tokens, tags, template index)
    for _ in range(100 * n):
        if len(sentences) == n:
            break
        k = int(rng.integers(len(ENTITY_TEMPLATES)))
        tokens, tags = _fill(ENTITY_TEMPLATES[k], rng, rates)
        if " ".join(tokens) not in seen:
            seen.add(" ".join(tokens))
            sentences.append((tokens, tags, k))
    else:
        raise ValueError(f"the templates cannot make {n} different sentences")
    # Split the whole pool, template by template: the templates with few fillings, used up
    # early, must not all land in the training set.
    parts = _split_by_group([k for _, _, k in sentences], n_test, rng)
    return tuple(TaggedSentences([sentences[i][0] for i in part], [sentences[i][1] for i in part],
                                 [sentences[i][2] for i in part]) for part in parts)
