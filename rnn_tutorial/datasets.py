"""Every data set of the series: generated from a seed, or read from `rnn_tutorial/data/`.

Nothing is downloaded. Shipped files are read with `importlib.resources`, so
they are found from any working directory (and in Colab) once the package is
installed; `rnn_tutorial/data/README.md` gives each file's source and licence.
"""

from __future__ import annotations

import csv
import io
import itertools
import re
from dataclasses import dataclass, field
from importlib import resources

import numpy as np

from rnn_tutorial.validation import check_generator, check_int, check_number, check_strings, is_int, seeded

# ---------------------------------------------------------------------------
# Notebook 01: real sentences and their shuffled copies
# ---------------------------------------------------------------------------

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


# ---------------------------------------------------------------------------
# Notebook 01: a time series and a speech-like sound
# ---------------------------------------------------------------------------


def sunspots() -> tuple[np.ndarray, np.ndarray]:
    """Yearly mean sunspot numbers, 1700-2008 (public domain; see data/README.md).

    Returns:
        `(years, counts)`, both `(309,)`.
    """
    text = resources.files("rnn_tutorial").joinpath("data/sunspots_yearly.csv").read_text(encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(text)))
    years = np.array([int(r["year"]) for r in rows])  # (309,)
    counts = np.array([float(r["sunspots"]) for r in rows])  # (309,)
    return years, counts


# Average formant frequencies (Hz) of three vowels for adult male speakers,
# after Peterson & Barney (1952), "Control methods used in a study of the vowels".
FORMANTS = {"a": (730, 1090, 2440), "i": (270, 2290, 3010), "u": (300, 870, 2240)}
_BANDWIDTHS = (90, 110, 170)  # Hz, typical formant bandwidths


def vowel(name: str, seconds: float = 0.3, rate: int = 8000, pitch: float = 120.0, seed: int = 0) -> np.ndarray:
    """Synthesise a vowel: a buzz of glottal pulses shaped by the vowel's formants.

    The source-filter model of speech: the vocal folds give a pulse every
    1/pitch seconds (with a little seeded jitter), and the mouth's shape makes
    resonances (formants) that ring after each pulse.

    Returns:
        `(round(seconds * rate),)` float array, peak amplitude 1.
    """
    if not isinstance(name, str) or name not in FORMANTS:
        raise ValueError(f"name must be one of {sorted(FORMANTS)}; got {name!r}")
    nyquist = 2 * max(FORMANTS[name])  # the rate must be above twice the highest frequency
    rate = check_int("rate", rate, nyquist + 1, what=f"an int above twice the highest formant ({nyquist} Hz)")
    seconds = check_number("seconds", seconds, lambda s: s >= 0.05, "a number at least 0.05")
    pitch = check_number("pitch", pitch, lambda p: 0 < p <= rate / 2, f"a positive number of Hz, at most {rate / 2:g}")
    rng = seeded(seed)
    n = int(round(seconds * rate))
    pulses = np.zeros(n)  # (n,)
    t = 0.0
    while t < seconds:
        pulses[int(t * rate)] = 1.0
        t += (1 + 0.02 * rng.standard_normal()) / pitch
    ring = np.arange(int(0.03 * rate)) / rate  # 30 ms of ringing, (ring,)
    response = sum(np.exp(-np.pi * b * ring) * np.sin(2 * np.pi * f * ring)
                   for f, b in zip(FORMANTS[name], _BANDWIDTHS))  # (ring,)
    wave = np.convolve(pulses, response)[:n] * np.hanning(n)  # (n,), faded in and out
    return wave / np.abs(wave).max()


# ---------------------------------------------------------------------------
# Notebook 02: a key phrase at some positions only (weight sharing)
# ---------------------------------------------------------------------------

KEY_PHRASE = ("sachin", "tendulkar")
# Other two-word names; some share one word with the key phrase, so that only
# the whole phrase, in its order, decides the label.
OTHER_NAMES = (("rahul", "dravid"), ("virat", "kohli"), ("sachin", "dravid"), ("rahul", "tendulkar"),
               ("virat", "tendulkar"), ("sachin", "kohli"), ("tendulkar", "sachin"))
FILLER_WORDS = ("the", "a", "match", "was", "played", "today", "crowd", "cheered", "loudly", "for", "team", "in",
                "on", "at", "great", "game", "and", "final", "over", "ground")


@dataclass(frozen=True)
class PhraseSentences:
    """Sentences (str), their labels `(batch,)`, and where each one's name starts `(batch,)`."""

    texts: list[str]
    labels: np.ndarray
    starts: np.ndarray

    def __len__(self) -> int:
        return len(self.texts)


def key_phrase_sentences(n: int, starts, length: int = 10, seed: int = 0) -> PhraseSentences:
    """Sentences of `length` words, each with one two-word name starting at a position drawn from `starts`.

    Label 1 when the name is "sachin tendulkar", 0 for any other name, exactly
    half and half; the other words are cricket filler (notebook 02). Within
    each label every start in `starts`, and every other name, comes equally
    often (to within one), so two sets made with the same `starts` have the
    same shares of each position.
    """
    n, length = _even_int("n", n), check_int("length", length, 2)
    starts = np.asarray(starts)
    if starts.size and not np.issubdtype(starts.dtype, np.integer):
        raise ValueError(f"starts must be int positions; got {starts.tolist()}")
    if starts.ndim != 1 or starts.size == 0 or starts.min() < 0 or starts.max() > length - 2:
        raise ValueError(f"starts must be a non-empty list of positions in 0..{length - 2}; got {starts.tolist()}")
    rng = seeded(seed)
    labels = np.arange(n) % 2  # (n,): 0, 1, 0, 1, ...
    where = np.zeros(n, dtype=np.int64)  # (n,)
    for label in (0, 1):  # each start equally often in each label, so every set made this way has the same shares
        where[labels == label] = _balanced(starts, n // 2, rng)
    others = _balanced(np.arange(len(OTHER_NAMES)), n // 2, rng)  # (n // 2,), each other name equally often
    texts = []
    for k in range(n):
        name = KEY_PHRASE if labels[k] else OTHER_NAMES[others[k // 2]]
        words = list(rng.choice(FILLER_WORDS, size=length))
        words[where[k] : where[k] + 2] = name
        texts.append(" ".join(words))
    return PhraseSentences(texts, labels.astype(np.int64), where)


# ---------------------------------------------------------------------------
# Notebook 03: named entities, some of which only context can tell apart
# ---------------------------------------------------------------------------

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


# ---------------------------------------------------------------------------
# Notebook 04, many to one: cricket reviews where word order decides
# ---------------------------------------------------------------------------

PLAYERS = ("sachin", "dravid", "kohli", "dhoni", "kumble", "ganguly", "sehwag", "bumrah")
GOOD = {"adverb": ("brilliantly", "superbly", "confidently", "fluently", "beautifully"),
        "adjective": ("great", "brilliant", "superb", "solid", "excellent")}
BAD = {"adverb": ("poorly", "nervously", "sloppily", "badly", "awkwardly"),
       "adjective": ("poor", "awful", "weak", "dreadful", "sloppy")}


@dataclass(frozen=True)
class Reviews:
    """Review texts, their sentiment `labels` `(batch,)` (1 good, 0 bad) and their `kinds` (see `cricket_reviews`)."""

    texts: list[str]
    labels: np.ndarray
    kinds: list[str]

    def __len__(self) -> int:
        return len(self.texts)


def _review_groups() -> list[list[tuple[str, int, str]]]:
    """Every review, grouped so that the reviews made of the same words stay together."""
    groups = []
    for player in PLAYERS:
        for verb in ("batted", "bowled"):
            for adverb, label in [(a, 1) for a in GOOD["adverb"]] + [(a, 0) for a in BAD["adverb"]]:
                groups.append([(f"{player} {verb} {adverb}", label, "plain")])
        for good, bad in itertools.product(GOOD["adverb"], BAD["adverb"]):
            # contrast: the clause after "but" decides; both orders use the same words
            groups.append([(f"{player} started {good} but finished {bad}", 0, "contrast"),
                           (f"{player} started {bad} but finished {good}", 1, "contrast")])
        for good, bad in itertools.product(GOOD["adjective"], BAD["adjective"]):
            # negation: "not" flips the word right after it; again both orders use the same words
            groups.append([(f"{player} was not {good} but {bad}", 0, "negation"),
                           (f"{player} was not {bad} but {good}", 1, "negation")])
            groups.append([(f"{player} was {good} , not {bad}", 1, "negation"),
                           (f"{player} was {bad} , not {good}", 0, "negation")])
    return groups


def cricket_reviews(test_fraction: float = 0.25, seed: int = 0) -> tuple[Reviews, Reviews]:
    """Short reviews of cricket players with a sentiment, many of them with contrast or negation (notebook 04).

    Kinds: ``"plain"`` ("dhoni batted superbly"), ``"contrast"`` ("sachin started
    nervously but finished brilliantly") and ``"negation"`` ("kohli was not poor
    but great"). Every contrast and negation review has a twin made of the same
    words with the opposite sentiment, in the same set, so a bag of words cannot
    tell them apart. No review is in both sets. The groups of twins are split
    player by player and kind by kind (and plain reviews sentiment by
    sentiment), so each player, kind and sentiment has the same share of both sets.

    Returns:
        `(train, test)`, two `Reviews`.
    """
    groups = _review_groups()
    n_test = _test_size(test_fraction, len(groups), "groups of reviews")
    # A group's category: its player, its kind, and for a plain review its sentiment (twins hold both).
    categories = [f"{text.split()[0]} {kind} {label if kind == 'plain' else 'both'}" for (text, label, kind), *_
                  in groups]
    sets = []
    for part in _split_by_group(categories, n_test, seeded(seed)):
        items = [item for g in part for item in groups[g]]
        sets.append(Reviews([t for t, _, _ in items], np.array([y for _, y, _ in items], dtype=np.int64),
                            [k for _, _, k in items]))
    return sets[0], sets[1]


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


# ---------------------------------------------------------------------------
# Notebook 04, one to many: first names with a gender
# ---------------------------------------------------------------------------


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


# ---------------------------------------------------------------------------
# Notebook 04, many to many: English number words to French
# ---------------------------------------------------------------------------


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


# ---------------------------------------------------------------------------
# Notebook 05: remember the first input
# ---------------------------------------------------------------------------


def memory_task(n: int = 2000, time: int = 10, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """Sequences whose target is the sign (+1 or -1) of their first input; the later inputs are noise (notebook 05).

    Returns:
        `(x, y)`: `(n, time, 1)` and `(n,)`, the signs half +1, half -1.
    """
    n, time = _even_int("n", n), check_int("time", time, 2)
    rng = seeded(seed)
    y = rng.permutation(np.repeat([-1.0, 1.0], n // 2))  # (n,)
    x = rng.normal(size=(n, time, 1))  # (n, time, 1)
    x[:, 0, 0] = y
    return x, y


# ---------------------------------------------------------------------------
# Notebook 06: the adding problem, a long-range task
# ---------------------------------------------------------------------------


def adding_problem(n: int = 5000, time: int = 50, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """Sequences of random numbers in [0, 1], two of them marked; the target is the sum of the two (notebook 06).

    Each step has two features: the number and its mark (1 for the two marked
    steps, else 0). A model must carry the first marked number, possibly over
    nearly all the steps, until it sees the second.

    Returns:
        `(x, y)`: `(n, time, 2)` float32 and `(n,)` float32.
    """
    n, time = check_int("n", n, 1), check_int("time", time, 2)
    rng = seeded(seed)
    values = rng.uniform(0, 1, size=(n, time))  # (n, time)
    marks = np.zeros((n, time))
    for row in range(n):
        marks[row, rng.choice(time, size=2, replace=False)] = 1
    x = np.stack([values, marks], axis=-1).astype(np.float32)  # (n, time, 2)
    return x, (values * marks).sum(axis=1).astype(np.float32)


# ---------------------------------------------------------------------------
# Notebook 08: selective copying, the few symbols among blanks, in order
# ---------------------------------------------------------------------------


def selective_copying(n: int = 2000, time: int = 64, tokens: int = 4, symbols: int = 8, seed: int = 0,
                      fixed_positions: bool = False) -> tuple[np.ndarray, np.ndarray]:
    """Blanks (id 0) with `tokens` symbols (ids 1..symbols) among them; the target: the symbols in order (notebook 08).

    The symbols stand at random steps, different in every sequence: a model must keep each symbol and skip
    every blank, whenever they come (the selective copying task of Gu and Dao 2023). With `fixed_positions`,
    they stand at the same evenly spread steps in every sequence instead: plain copying, the control.

    Returns:
        `(x, y)`: `(n, time)` and `(n, tokens)` int32 ids; `y` holds the symbols in the order they appear in `x`.
    """
    n, tokens = check_int("n", n, 1), check_int("tokens", tokens, 1)
    time, symbols = check_int("time", time, tokens), check_int("symbols", symbols, 2)
    if not isinstance(fixed_positions, (bool, np.bool_)):
        raise ValueError(f"fixed_positions must be True or False; got {fixed_positions!r}")
    rng = seeded(seed)
    y = rng.integers(1, symbols + 1, size=(n, tokens), dtype=np.int32)  # (n, tokens)
    if fixed_positions:
        steps = np.tile(np.linspace(0, time - 1, tokens).round().astype(int), (n, 1))  # (n, tokens), the same rows
    else:
        steps = np.sort(rng.random((n, time)).argsort(axis=1)[:, :tokens], axis=1)  # (n, tokens), distinct, sorted
    x = np.zeros((n, time), np.int32)  # (n, time): all blanks
    np.put_along_axis(x, steps, y, axis=1)
    return x, y
