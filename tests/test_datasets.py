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
def reviews():
    return datasets.cricket_reviews(test_fraction=0.25, seed=0)


def test_reviews_sizes_kinds_balance_and_no_overlap(reviews):
    train, test = reviews
    assert len(train) + len(test) == len(datasets.PLAYERS) * (2 * 10 + 25 * 2 + 25 * 4)
    assert not set(train.texts) & set(test.texts)
    for part in reviews:
        assert set(part.kinds) == {"plain", "contrast", "negation"}
        assert 0.45 < part.labels.mean() < 0.55


def test_every_contrast_and_negation_review_has_a_twin_with_the_same_words(reviews):
    for part in reviews:
        labels_by_bag = {}
        for text, label, kind in zip(part.texts, part.labels, part.kinds):
            if kind != "plain":
                labels_by_bag.setdefault(tuple(sorted(text.split())), []).append(int(label))
        assert labels_by_bag and all(sorted(labels) == [0, 1] for labels in labels_by_bag.values())


def test_review_sentiment_follows_the_clause_that_decides(reviews):
    train, _ = reviews
    lookup = dict(zip(train.texts, train.labels))
    good = datasets.GOOD
    for text, label in lookup.items():
        words = text.split()
        if "but" in words:
            decider = words[words.index("but") + 1:]
        elif "not" in words:
            decider = words[words.index("was") + 1: words.index("was") + 2] if words[2] != "not" else []
        else:
            decider = words[-1:]
        if decider:
            assert (decider[-1] in good["adverb"] + good["adjective"]) == bool(label), text


def test_reviews_refuse_a_bad_fraction():
    with pytest.raises(ValueError, match="test_fraction must be between 0 and 1"):
        datasets.cricket_reviews(test_fraction=1.0)


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
