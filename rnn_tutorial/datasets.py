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
from dataclasses import dataclass
from importlib import resources

import numpy as np

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
    any other order.

    Args:
        n_train, n_test: number of sentences, even (half real, half shuffled).

    Returns:
        `(train, test)`, two `Sentences`.
    """
    for name, n in (("n_train", n_train), ("n_test", n_test)):
        if not isinstance(n, int) or n < 2 or n % 2:
            raise ValueError(f"{name} must be an even int >= 2; got {n!r}")
    held = {tuple(sorted(s.split())) for s in hold_out}
    pool = [words for words in all_sentences() if tuple(sorted(words)) not in held]
    if (n_train + n_test) // 2 > len(pool):
        raise ValueError(f"n_train + n_test must be at most {2 * len(pool)} (the grammar's size x 2)")
    rng = np.random.default_rng(seed)
    chosen = rng.permutation(len(pool))[: (n_train + n_test) // 2]
    real = [pool[i] for i in chosen]
    sets = []
    for part in (real[: n_train // 2], real[n_train // 2 :]):
        texts = []
        for words in part:
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
    if name not in FORMANTS:
        raise ValueError(f"name must be one of {sorted(FORMANTS)}; got {name!r}")
    nyquist = 2 * max(FORMANTS[name])  # the rate must be above twice the highest frequency
    if not isinstance(rate, int) or rate <= nyquist:
        raise ValueError(f"rate must be an int above twice the highest formant ({nyquist} Hz); got {rate!r}")
    if seconds < 0.05 or pitch <= 0:
        raise ValueError(f"seconds must be at least 0.05 and pitch positive; got {seconds!r} and {pitch!r}")
    rng = np.random.default_rng(seed)
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
    half and half; the other words are cricket filler (notebook 02).
    """
    if not isinstance(n, int) or n < 2 or n % 2:
        raise ValueError(f"n must be an even int >= 2; got {n!r}")
    if not isinstance(length, int) or length < 2:
        raise ValueError(f"length must be an int >= 2; got {length!r}")
    starts = np.asarray(starts)
    if starts.size and not np.issubdtype(starts.dtype, np.integer):
        raise ValueError(f"starts must be int positions; got {starts.tolist()}")
    if starts.ndim != 1 or starts.size == 0 or starts.min() < 0 or starts.max() > length - 2:
        raise ValueError(f"starts must be a non-empty list of positions in 0..{length - 2}; got {starts.tolist()}")
    rng = np.random.default_rng(seed)
    texts, labels, where = [], [], []
    for k in range(n):
        label = k % 2
        name = KEY_PHRASE if label else OTHER_NAMES[rng.integers(len(OTHER_NAMES))]
        words = list(rng.choice(FILLER_WORDS, size=length))
        start = int(rng.choice(starts))
        words[start : start + 2] = name
        texts.append(" ".join(words))
        labels.append(label)
        where.append(start)
    return PhraseSentences(texts, np.array(labels, dtype=np.int64), np.array(where, dtype=np.int64))


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
)


@dataclass(frozen=True)
class TaggedSentences:
    """Tokenised sentences and one tag per token (`TAGS`); `tokens[k]` and `tags[k]` have the same length."""

    tokens: list[list[str]]
    tags: list[list[str]]

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

    Returns:
        `(train, test)`, two `TaggedSentences`.
    """
    for name, n in (("n_train", n_train), ("n_test", n_test)):
        if not isinstance(n, int) or n < 1:
            raise ValueError(f"{name} must be a positive int; got {n!r}")
    if not 0 <= ambiguous <= 1:
        raise ValueError(f"ambiguous must be a fraction in [0, 1]; got {ambiguous!r}")
    slots = " ".join(ENTITY_TEMPLATES)
    per, loc = slots.count("{PER}"), slots.count("{LOC}")
    # Fewer person slots than place slots: raise their rate so the ambiguous words are half and half.
    rates = {"PER": min(1.0, ambiguous * (per + loc) / (2 * per)), "LOC": ambiguous * (per + loc) / (2 * loc)}
    sizes = {"{PER}": len(PEOPLE) + len(AMBIGUOUS), "{ORG}": len(ORGANISATIONS), "{LOC}": len(PLACES) + len(AMBIGUOUS)}
    capacity = sum(int(np.prod([sizes.get(w, 1) for w in t.split()])) for t in ENTITY_TEMPLATES)
    if n_train + n_test > capacity // 2:  # more than half: random draws would rarely find a new one
        raise ValueError(f"the templates cannot make {n_train + n_test} different sentences (at most {capacity // 2})")
    rng = np.random.default_rng(seed)
    seen = set(hold_out)
    sentences = []
    for _ in range(100 * (n_train + n_test)):
        if len(sentences) == n_train + n_test:
            break
        tokens, tags = _fill(ENTITY_TEMPLATES[rng.integers(len(ENTITY_TEMPLATES))], rng, rates)
        if " ".join(tokens) not in seen:
            seen.add(" ".join(tokens))
            sentences.append((tokens, tags))
    else:
        raise ValueError(f"the templates cannot make {n_train + n_test} different sentences")
    train, test = sentences[:n_train], sentences[n_train:]
    return (TaggedSentences([s[0] for s in train], [s[1] for s in train]),
            TaggedSentences([s[0] for s in test], [s[1] for s in test]))


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
    tell them apart. No review is in both sets.

    Returns:
        `(train, test)`, two `Reviews`.
    """
    if not 0 < test_fraction < 1:
        raise ValueError(f"test_fraction must be between 0 and 1; got {test_fraction!r}")
    groups = _review_groups()
    order = np.random.default_rng(seed).permutation(len(groups))
    n_test = int(round(test_fraction * len(groups)))
    sets = []
    for part in (order[n_test:], order[:n_test]):
        items = [item for g in part for item in groups[g]]
        sets.append(Reviews([t for t, _, _ in items], np.array([y for _, y, _ in items], dtype=np.int64),
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
    Names are lowercase letters only. No name is in both sets.

    Returns:
        `(train, test)`, lists of `(name, gender)`.
    """
    if not 0 < test_fraction < 1:
        raise ValueError(f"test_fraction must be between 0 and 1; got {test_fraction!r}")
    female = _census_names("census_1990_female_first.txt")
    male = _census_names("census_1990_male_first.txt")
    names = sorted(set(female) | set(male))
    pairs = [(name, int(male.get(name, 0.0) > female.get(name, 0.0))) for name in names if name.isalpha()]
    order = np.random.default_rng(seed).permutation(len(pairs))
    n_test = int(round(test_fraction * len(pairs)))
    return [pairs[i] for i in order[n_test:]], [pairs[i] for i in order[:n_test]]


# ---------------------------------------------------------------------------
# Notebook 04, many to many: English number words to French
# ---------------------------------------------------------------------------


def number_words(n: int, lang: str) -> list[str]:
    """A number in words, as tokens; hyphens are tokens of their own: 97, "fr" -> quatre - vingt - dix - sept."""
    from num2words import num2words

    if not isinstance(n, (int, np.integer)) or isinstance(n, bool) or n < 0:
        raise ValueError(f"n must be a non-negative int; got {n!r}")
    if lang not in ("en", "fr"):
        raise ValueError(f"lang must be 'en' or 'fr'; got {lang!r}")
    return re.findall(r"[^\s,-]+|-", num2words(int(n), lang=lang))


def join_words(tokens: list[str]) -> str:
    """Tokens of `number_words` back to text: ["quatre", "-", "vingts"] -> "quatre-vingts"."""
    return " ".join(tokens).replace(" - ", "-")


@dataclass(frozen=True)
class NumberPairs:
    """Numbers `(batch,)` with their English and French words (token lists)."""

    numbers: np.ndarray
    english: list[list[str]]
    french: list[list[str]]

    def __len__(self) -> int:
        return len(self.numbers)


def number_translation(n_max: int = 1000, test_fraction: float = 0.2, seed: int = 0) -> tuple[NumberPairs, NumberPairs]:
    """The numbers 0 to `n_max - 1` in English and in French words, split at random (notebook 04)."""
    if not isinstance(n_max, int) or n_max < 10:
        raise ValueError(f"n_max must be an int >= 10; got {n_max!r}")
    if not 0 < test_fraction < 1:
        raise ValueError(f"test_fraction must be between 0 and 1; got {test_fraction!r}")
    order = np.random.default_rng(seed).permutation(n_max)
    n_test = int(round(test_fraction * n_max))
    sets = []
    for part in (order[n_test:], order[:n_test]):
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
    if not isinstance(n, int) or n < 2 or n % 2:
        raise ValueError(f"n must be an even int >= 2; got {n!r}")
    if not isinstance(time, int) or time < 2:
        raise ValueError(f"time must be an int >= 2; got {time!r}")
    rng = np.random.default_rng(seed)
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
    if not isinstance(n, int) or n < 1:
        raise ValueError(f"n must be a positive int; got {n!r}")
    if not isinstance(time, int) or time < 2:
        raise ValueError(f"time must be an int >= 2; got {time!r}")
    rng = np.random.default_rng(seed)
    values = rng.uniform(0, 1, size=(n, time))  # (n, time)
    marks = np.zeros((n, time))
    for row in range(n):
        marks[row, rng.choice(time, size=2, replace=False)] = 1
    x = np.stack([values, marks], axis=-1).astype(np.float32)  # (n, time, 2)
    return x, (values * marks).sum(axis=1).astype(np.float32)
