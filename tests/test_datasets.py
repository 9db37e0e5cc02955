import hashlib
import re
from importlib import resources

import numpy as np
import pytest

from rnn_tutorial import datasets
from rnn_tutorial.text import tokenize


@pytest.fixture(scope="module")
def order_task():
    return datasets.shuffled_sentences(n_train=4000, n_test=1000, seed=0)


def test_shuffled_sentences_sizes_and_exact_balance(order_task):
    train, test = order_task
    assert (len(train), len(test)) == (4000, 1000)
    for part in (train, test):
        assert part.labels.shape == (len(part),)
        np.testing.assert_array_equal(part.labels[0::2], 1)
        np.testing.assert_array_equal(part.labels[1::2], 0)


def test_each_pair_has_one_bag_of_words_but_two_orders(order_task):
    for part in order_task:
        for real, shuffled in zip(part.texts[0::2], part.texts[1::2]):
            assert sorted(tokenize(real)) == sorted(tokenize(shuffled))
            assert real != shuffled


def test_no_sentence_is_in_both_train_and_test(order_task):
    train, test = order_task
    assert not set(train.texts) & set(test.texts)
    assert len(set(train.texts[0::2])) == len(train) // 2  # no real sentence repeats


def test_shuffled_sentences_are_never_grammatical(order_task):
    real = set()
    for part in order_task:
        real |= set(part.texts[0::2])
    grammatical = {" ".join(words) for words in datasets.all_sentences()}
    assert real <= grammatical
    for part in order_task:
        assert not set(part.texts[1::2]) & grammatical


def test_the_articles_sentences_are_held_out_in_every_order(order_task):
    every = set()
    for part in order_task:
        every |= {tuple(sorted(t.split())) for t in part.texts}
    for sentence in datasets.ARTICLE_SENTENCES:
        assert tuple(sorted(sentence.split())) not in every


def test_shuffled_sentences_are_deterministic_under_a_seed():
    a, _ = datasets.shuffled_sentences(n_train=20, n_test=10, seed=3)
    b, _ = datasets.shuffled_sentences(n_train=20, n_test=10, seed=3)
    c, _ = datasets.shuffled_sentences(n_train=20, n_test=10, seed=4)
    assert a.texts == b.texts
    assert a.texts != c.texts


@pytest.mark.parametrize("kwargs", [{"n_train": 3}, {"n_test": 0}, {"n_train": 2.0}, {"n_train": 10**6}])
def test_shuffled_sentences_refuse_bad_sizes(kwargs):
    with pytest.raises(ValueError, match="n_train|n_test"):
        datasets.shuffled_sentences(**kwargs)


def test_shuffle_words_refuses_a_non_sentence():
    with pytest.raises(ValueError, match="not a sentence of the grammar"):
        datasets.shuffle_words(("gym", "the"), np.random.default_rng(0))


def test_the_articles_sentence_is_in_the_grammar_and_its_salad_is_not():
    grammatical = {" ".join(words) for words in datasets.all_sentences()}
    assert "I love to go to the gym" in grammatical
    assert "Chirag worked at Microsoft in India" in grammatical
    assert "love I go to the gym to" not in grammatical


def test_no_other_order_of_the_articles_sentence_fits_the_grammar():
    import itertools

    from rnn_tutorial.datasets import sentences

    words = tuple("I love to go to the gym".split())
    fitting = {order for order in itertools.permutations(words)  # every order, slot by slot against each template
               for slots in sentences.SENTENCE_TEMPLATES.values()
               if len(slots) == len(order) and all(w in slot for w, slot in zip(order, slots))}
    assert fitting == {words}  # 01's exercise 1: any other order is word salad to the grammar

def test_sunspots_shape_and_values():
    years, counts = datasets.sunspots()
    assert years.shape == counts.shape == (309,)
    np.testing.assert_array_equal(years, np.arange(1700, 2009))
    assert counts.min() >= 0 and 150 < counts.max() < 200


def test_shipped_files_match_the_sha256_in_the_data_readme():
    data = resources.files("rnn_tutorial").joinpath("data")
    table = data.joinpath("README.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| `([^`]+)` \|.*\| `([0-9a-f]{64})` \|$", table, flags=re.MULTILINE)
    shipped = sorted(p.name for p in data.iterdir() if p.name != "README.md" and not p.name.startswith("__"))
    assert sorted(name for name, _ in rows) == shipped, "every shipped file needs a row in data/README.md"
    for name, digest in rows:
        assert hashlib.sha256(data.joinpath(name).read_bytes()).hexdigest() == digest, name


def _band_energy(wave, rate, low, high):
    spectrum = np.abs(np.fft.rfft(wave)) ** 2
    frequencies = np.fft.rfftfreq(wave.size, 1 / rate)
    return spectrum[(frequencies >= low) & (frequencies < high)].sum() / spectrum.sum()


def test_vowels_have_their_formants():
    a, i = datasets.vowel("a"), datasets.vowel("i")
    assert a.shape == i.shape == (2400,)
    assert np.abs(a).max() == pytest.approx(1.0)
    assert _band_energy(a, 8000, 600, 1200) > 2 * _band_energy(i, 8000, 600, 1200)  # F1, F2 of "a"
    assert _band_energy(i, 8000, 2100, 2500) > 2 * _band_energy(a, 8000, 2100, 2500)  # F2 of "i"


def test_vowel_is_deterministic_under_a_seed():
    np.testing.assert_array_equal(datasets.vowel("u", seed=2), datasets.vowel("u", seed=2))
    assert not np.array_equal(datasets.vowel("u", seed=2), datasets.vowel("u", seed=3))


def test_vowel_refuses_bad_input():
    with pytest.raises(ValueError, match=r"name must be one of \['a', 'i', 'u'\]; got 'o'"):
        datasets.vowel("o")
    with pytest.raises(ValueError, match="above twice the highest formant"):
        datasets.vowel("i", rate=4000)
    for seconds in (0, 1e-5):
        with pytest.raises(ValueError, match="at least 0.05"):
            datasets.vowel("a", seconds=seconds)


@pytest.fixture(scope="module")
def phrase_sets():
    train = datasets.key_phrase_sentences(2000, (0, 1, 2, 3, 6, 7, 8), seed=0)
    seen = datasets.key_phrase_sentences(1000, (0, 1, 2, 3, 6, 7, 8), seed=1)
    moved = datasets.key_phrase_sentences(1000, (4, 5), seed=2)
    return train, seen, moved


def test_key_phrase_sentences_sizes_balance_and_positions(phrase_sets):
    train, seen, moved = phrase_sets
    assert (len(train), len(seen), len(moved)) == (2000, 1000, 1000)
    for part, starts in ((train, {0, 1, 2, 3, 6, 7, 8}), (moved, {4, 5})):
        assert part.labels.mean() == 0.5
        assert set(part.starts.tolist()) == starts
        for sentence, label, start in zip(part.texts, part.labels, part.starts):
            words = sentence.split()
            assert len(words) == 10
            assert (tuple(words[start : start + 2]) == datasets.KEY_PHRASE) == bool(label)
            assert (" ".join(datasets.KEY_PHRASE) in sentence) == bool(label)


def test_key_phrase_sets_do_not_overlap(phrase_sets):
    train, seen, moved = phrase_sets
    assert not set(train.texts) & set(seen.texts)
    assert not set(train.texts) & set(moved.texts)


def test_key_phrase_sentences_are_deterministic_under_a_seed():
    a = datasets.key_phrase_sentences(10, (0, 1), seed=7)
    b = datasets.key_phrase_sentences(10, (0, 1), seed=7)
    assert a.texts == b.texts and not a.texts == datasets.key_phrase_sentences(10, (0, 1), seed=8).texts


@pytest.mark.parametrize("kwargs, message", [
    ({"n": 3, "starts": (0,)}, "n must be an even int"),
    ({"n": 4, "starts": (9,)}, r"positions in 0\.\.8; got \[9\]"),
    ({"n": 4, "starts": ()}, "non-empty list of positions"),
    ({"n": 4, "starts": (0.5,)}, "int positions"),
    ({"n": 4, "starts": (0,), "length": 1}, "length must be an int >= 2"),
])
def test_key_phrase_sentences_refuse_bad_input(kwargs, message):
    with pytest.raises(ValueError, match=message):
        datasets.key_phrase_sentences(**kwargs)


# Notebook 04 ---------------------------------------------------------------

@pytest.fixture(scope="module")
def ratings():
    return datasets.cricket_ratings(test_fraction=0.25, seed=0)


def test_ratings_sizes_stars_kinds_and_no_overlap(ratings):
    train, test = ratings
    pairs = 10 * 9 // 2 - 5  # pairs of graded words with different grades (5 grades, 2 words each)
    assert len(train) + len(test) == len(datasets.PLAYERS) * (5 * 10 + 2 * pairs + 4 * pairs)
    assert not set(train.texts) & set(test.texts)
    for part in ratings:
        assert set(part.kinds) == {"plain", "contrast", "negation"}
        assert sorted(set(part.stars.tolist())) == [1, 2, 3, 4, 5] and part.stars.dtype == np.int64
        assert np.bincount(part.stars)[1:].min() > 0.15 * len(part)
    assert datasets.cricket_ratings(seed=0)[1].texts == test.texts  # seeded


def test_every_twin_rating_has_the_same_words_and_another_rating(ratings):
    for part in ratings:
        stars_by_bag = {}
        for text, stars, kind in zip(part.texts, part.stars, part.kinds):
            if kind != "plain":
                stars_by_bag.setdefault(tuple(sorted(text.split())), []).append(int(stars))
        assert stars_by_bag and all(len(s) == 2 and s[0] != s[1] for s in stars_by_bag.values())


def test_the_rating_is_the_grade_of_the_word_that_decides(ratings):
    grades = {**datasets.RATING_WORDS["adverb"], **datasets.RATING_WORDS["adjective"]}
    for part in ratings:
        for text, stars in zip(part.texts, part.stars):
            words = text.split()
            if "but" in words:
                decider = words[words.index("but") + 1:][-1]
            elif "not" in words:
                decider = words[words.index("was") + 1]
            else:
                decider = words[-1]
            assert grades[decider] == stars, text


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_ratings_kinds_players_and_stars_have_the_same_share_of_train_and_test(seed):
    train, test = datasets.cricket_ratings(test_fraction=0.25, seed=seed)
    assert _largest_gap(train.kinds, test.kinds) <= 1.0
    assert _largest_gap([t.split()[0] for t in train.texts], [t.split()[0] for t in test.texts]) <= 1.0
    plain = [[s for s, k in zip(part.stars, part.kinds) if k == "plain"] for part in (train, test)]
    assert _largest_gap(*plain) <= 1.0


@pytest.mark.parametrize("kwargs, error, message", [
    ({"test_fraction": 1.0}, ValueError, "test_fraction must be between 0 and 1"),
    ({"test_fraction": 0.0001}, ValueError, "of the 1360 groups of reviews leaves 0 for the test set"),
    ({"seed": -1}, ValueError, "seed must be a non-negative int; got -1"),
    ({"seed": 1.5}, ValueError, "seed must be a non-negative int; got 1.5"),
])
def test_ratings_refuse_bad_input_clearly(kwargs, error, message):
    with pytest.raises(error, match=message):
        datasets.cricket_ratings(**kwargs)


def test_first_names_real_lowercase_split_and_gendered():
    train, test = datasets.first_names(test_fraction=0.1, seed=0)
    names = [n for n, _ in train + test]
    assert len(names) == len(set(names)) > 5000
    assert all(n.isalpha() and n.islower() for n in names)
    assert not {n for n, _ in train} & {n for n, _ in test}
    genders = dict(train + test)
    assert genders["mary"] == 0 and genders["james"] == 1 and genders["emma"] == 0
    assert 0.15 < np.mean(list(genders.values())) < 0.3  # the female list is longer
    assert datasets.first_names(seed=0) == (train, test)
    with pytest.raises(ValueError, match="test_fraction"):
        datasets.first_names(test_fraction=0)


def test_number_words_are_tokens_with_hyphens_apart():
    assert datasets.number_words(97, "en") == ["ninety", "-", "seven"]
    assert datasets.number_words(97, "fr") == ["quatre", "-", "vingt", "-", "dix", "-", "sept"]
    assert datasets.join_words(datasets.number_words(80, "fr")) == "quatre-vingts"
    assert datasets.number_words(1999, "en")[:3] == ["one", "thousand", "nine"]
    with pytest.raises(ValueError, match="non-negative int"):
        datasets.number_words(-1, "en")
    with pytest.raises(ValueError, match="lang must be 'en' or 'fr'"):
        datasets.number_words(1, "de")


def test_number_translation_split_has_no_overlap_and_is_seeded():
    train, test = datasets.number_translation(n_max=1000, test_fraction=0.2, seed=0)
    assert (len(train), len(test)) == (800, 200)
    assert sorted(train.numbers.tolist() + test.numbers.tolist()) == list(range(1000))
    assert train.french[0] == datasets.number_words(int(train.numbers[0]), "fr")
    assert datasets.number_translation(seed=0)[1].numbers.tolist() == test.numbers.tolist()
    with pytest.raises(ValueError, match="n_max must be an int >= 10"):
        datasets.number_translation(n_max=5)


# Fair splits: every category has the same share of the training and the test set ----------------

def _shares(items) -> dict:
    counts = {}
    for item in items:
        counts[item] = counts.get(item, 0) + 1
    return {key: n / len(items) for key, n in counts.items()}


def _largest_gap(train_items, test_items) -> float:
    """The largest difference, in percentage points, between a category's share of train and of test."""
    a, b = _shares(list(train_items)), _shares(list(test_items))
    return 100 * max(abs(a.get(k, 0) - b.get(k, 0)) for k in set(a) | set(b))


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_entity_templates_have_the_same_share_of_train_and_test(seed):
    train, test = datasets.entity_sentences(n_train=3000, n_test=2000, seed=seed)
    for part in (train, test):
        assert len(part.templates) == len(part)
        for tokens, k in zip(part.tokens, part.templates):  # the recorded template made the sentence
            words = datasets.ENTITY_TEMPLATES[k].split()
            assert len(words) == len(tokens) and all(w.startswith("{") or w == t for w, t in zip(words, tokens))
    assert set(train.templates) == set(test.templates) == set(range(len(datasets.ENTITY_TEMPLATES)))
    assert _largest_gap(train.templates, test.templates) <= 1.0


def test_entity_held_out_set_has_enough_ambiguous_words_of_each_kind():
    # notebook 03 measures its taggers on these groups of its held-out set
    _, test = datasets.entity_sentences(n_train=3000, n_test=2000, seed=0)
    opening = [(tokens[0], tags[0]) for tokens, tags in zip(test.tokens, test.tags) if tokens[0] in datasets.AMBIGUOUS]
    every = [w for tokens in test.tokens for w in tokens if w in datasets.AMBIGUOUS]
    assert sum(tag == "LOC" for _, tag in opening) >= 100
    assert sum(tag == "PER" for _, tag in opening) >= 100
    assert len(every) >= 100
    # a word that opens a sentence is still mostly a person, which a left-to-right tagger learns
    assert sum(tag == "PER" for _, tag in opening) > 1.5 * sum(tag == "LOC" for _, tag in opening)


def _template_of(sentence: str) -> str:
    words = sentence.split()
    for name, slots in datasets.SENTENCE_TEMPLATES.items():
        if len(slots) == len(words) and all(w in s for w, s in zip(words, slots)):
            return name
    raise AssertionError(sentence)


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_shuffled_sentences_templates_have_the_same_share_of_train_and_test(seed):
    train, test = datasets.shuffled_sentences(n_train=4000, n_test=1000, seed=seed)
    assert _largest_gap(map(_template_of, train.texts[0::2]), map(_template_of, test.texts[0::2])) <= 1.0


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_first_names_genders_and_lengths_have_the_same_share_of_train_and_test(seed):
    train, test = datasets.first_names(test_fraction=0.1, seed=seed)
    assert _largest_gap([g for _, g in train], [g for _, g in test]) <= 1.0
    assert _largest_gap([len(n) for n, _ in train], [len(n) for n, _ in test]) <= 1.0


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_number_translation_decades_have_the_same_share_of_train_and_test(seed):
    train, test = datasets.number_translation(n_max=1000, test_fraction=0.2, seed=seed)
    assert _largest_gap(train.numbers // 10, test.numbers // 10) == 0  # two of every ten numbers held out
    assert _largest_gap(train.numbers // 100, test.numbers // 100) == 0


def test_key_phrase_sets_made_alike_have_the_same_share_of_each_position_and_name():
    train = datasets.key_phrase_sentences(2000, (0, 1, 2, 3, 6, 7, 8), seed=0)
    for seed in (1, 2, 3):
        seen = datasets.key_phrase_sentences(1000, (0, 1, 2, 3, 6, 7, 8), seed=seed)
        assert _largest_gap(zip(train.starts, train.labels), zip(seen.starts, seen.labels)) <= 0.2
        names = [[" ".join(t.split()[s : s + 2]) for t, s in zip(p.texts, p.starts)] for p in (train, seen)]
        assert _largest_gap(*names) <= 0.2
    counts = np.bincount(train.starts[train.labels == 1])
    assert counts[counts > 0].max() - counts[counts > 0].min() <= 1  # each start equally often


# Bad input --------------------------------------------------------------------------------------

@pytest.mark.parametrize("call, error, message", [
    (lambda: datasets.shuffle_words("I love to go", np.random.default_rng(0)), TypeError,
     "words must be a list of str, not str"),
    (lambda: datasets.shuffle_words(("the", "gym"), 0), TypeError, "rng must be a numpy Generator.*got int"),
    (lambda: datasets.shuffle_words(("the", "gym"), np.random.default_rng(0), max_tries=0), ValueError,
     "max_tries must be a positive int; got 0"),
    (lambda: datasets.shuffled_sentences(n_train=20, n_test=10, hold_out="I love to go to the gym"), TypeError,
     "hold_out must be a list of str, not str"),
    (lambda: datasets.shuffled_sentences(n_train=20, n_test=10, seed=-1), ValueError,
     "seed must be a non-negative int; got -1"),
    (lambda: datasets.shuffled_sentences(n_train=20, n_test=10, seed=1.5), ValueError,
     "seed must be a non-negative int; got 1.5"),
    (lambda: datasets.vowel(["a"]), ValueError, r"name must be one of \['a', 'i', 'u'\]; got \['a'\]"),
    (lambda: datasets.vowel("a", pitch=float("nan")), ValueError, "pitch must be a positive number of Hz"),
    (lambda: datasets.vowel("a", pitch=0), ValueError, "pitch must be a positive number of Hz, at most 4000; got 0"),
    (lambda: datasets.vowel("a", seconds="1"), ValueError, "seconds must be a number at least 0.05; got '1'"),
    (lambda: datasets.vowel("a", rate=8000.0), ValueError, "rate must be an int above twice the highest formant"),
    (lambda: datasets.key_phrase_sentences(4.0, (0,)), ValueError, "n must be an even int >= 2; got 4.0"),
    (lambda: datasets.key_phrase_sentences(True, (0,)), ValueError, "n must be an even int >= 2; got True"),
    (lambda: datasets.entity_sentences(n_train=5, n_test=5, ambiguous="half"), ValueError,
     r"ambiguous must be a fraction in \[0, 1\]; got 'half'"),
    (lambda: datasets.entity_sentences(n_train=5, n_test=5, ambiguous=float("nan")), ValueError,
     r"ambiguous must be a fraction in \[0, 1\]; got nan"),
    (lambda: datasets.entity_sentences(n_train=5, n_test=5, hold_out="jordan met chad in peru"), TypeError,
     "hold_out must be a list of str, not str"),
    (lambda: datasets.entity_sentences(n_train=5.0), ValueError, "n_train must be a positive int; got 5.0"),
    (lambda: datasets.cricket_ratings(test_fraction=0.0001), ValueError,
     "test_fraction=0.0001 of the 1360 groups of reviews leaves 0 for the test set and 1360 for training"),
    (lambda: datasets.cricket_ratings(test_fraction="0.25"), ValueError,
     "test_fraction must be between 0 and 1, exclusive; got '0.25'"),
    (lambda: datasets.first_names(test_fraction=0.99999), ValueError, "leaves .* and 0 for training"),
    (lambda: datasets.first_names(test_fraction=float("nan")), ValueError, "test_fraction must be between 0 and 1"),
    (lambda: datasets.number_translation(test_fraction=1.2), ValueError,
     r"test_fraction must be between 0 and 1, exclusive; got 1\.2"),
    (lambda: datasets.number_translation(test_fraction=0), ValueError,
     "test_fraction must be between 0 and 1, exclusive; got 0"),
    (lambda: datasets.number_translation(n_max=20, test_fraction=0.01), ValueError,
     "test_fraction=0.01 of the 20 numbers leaves 0 for the test set"),
    (lambda: datasets.number_translation(n_max=100.0), ValueError, "n_max must be an int >= 10; got 100.0"),
    (lambda: datasets.number_words(5.0, "en"), ValueError, "n must be a non-negative int; got 5.0"),
    (lambda: datasets.number_words(True, "en"), ValueError, "n must be a non-negative int; got True"),
    (lambda: datasets.number_words(5, ["en"]), ValueError, r"lang must be 'en' or 'fr'; got \['en'\]"),
    (lambda: datasets.join_words("quatre-vingts"), TypeError, "tokens must be a list of str, not str"),
    (lambda: datasets.join_words(["quatre", 20]), TypeError,
     "tokens must be a list of str; got an item 20 of type int"),
    (lambda: datasets.memory_task(n=True), ValueError, "n must be an even int >= 2; got True"),
    (lambda: datasets.memory_task(n=4, time=2.0), ValueError, "time must be an int >= 2; got 2.0"),
    (lambda: datasets.adding_problem(n=0), ValueError, "n must be a positive int; got 0"),
    (lambda: datasets.adding_problem(n=4, seed=None), ValueError, "seed must be a non-negative int; got None"),
])
def test_generators_refuse_bad_input_clearly(call, error, message):
    with pytest.raises(error, match=message):
        call()


def test_generators_accept_numpy_integers():
    assert len(datasets.number_translation(n_max=np.int64(20), seed=np.int64(1))[1]) == 4
    assert datasets.number_words(np.int64(97), "en") == ["ninety", "-", "seven"]
    assert datasets.memory_task(n=np.int64(4), time=np.int32(3))[0].shape == (4, 3, 1)
    assert datasets.adding_problem(n=np.int64(3), time=np.int64(4))[0].shape == (3, 4, 2)
    assert len(datasets.key_phrase_sentences(np.int64(4), np.array([0, 1]), length=np.int64(5))) == 4
    assert [len(s) for s in datasets.entity_sentences(n_train=np.int64(5), n_test=np.int64(3))] == [5, 3]
    assert [len(s) for s in datasets.shuffled_sentences(n_train=np.int64(4), n_test=np.int64(2))] == [4, 2]
    assert datasets.vowel("a", rate=np.int64(8000)).shape == (2400,)
    assert datasets.join_words([]) == ""
