"""rnn_tutorial.sequences: random strings of many lengths for notebook 07."""

from collections import Counter

import pytest

from rnn_tutorial.sequences import ALPHABET, random_strings


def test_sizes_lengths_and_symbols():
    train, test = random_strings(n_train=720, n_test=144, min_length=5, max_length=40, seed=0)
    assert len(train) == 720 and len(test) == 144
    for strings, per_length in ((train, 20), (test, 4)):
        counts = Counter(len(s) for s in strings)
        assert sorted(counts) == list(range(5, 41)), "every length is there"
        assert set(counts.values()) == {per_length}, "every length equally often"
        assert set("".join(strings)) <= set(ALPHABET)


def test_uneven_sizes_give_each_length_within_one():
    train, test = random_strings(n_train=100, n_test=50, min_length=3, max_length=9, seed=1)
    for strings in (train, test):
        counts = Counter(len(s) for s in strings).values()
        assert max(counts) - min(counts) <= 1 and len(counts) == 7


def test_no_string_is_in_both_sets_nor_twice_in_one():
    train, test = random_strings(n_train=3000, n_test=600, seed=0)
    assert not set(train) & set(test)
    assert len(set(train)) == len(train) and len(set(test)) == len(test)


def test_every_length_bucket_is_in_the_test_set():
    _, test = random_strings(n_train=3000, n_test=600, min_length=5, max_length=40, seed=0)
    lengths = Counter(len(s) for s in test)
    for low in range(5, 41, 6):  # the notebook's buckets: 5-10, 11-16, ..., 35-40
        assert 96 <= sum(lengths[k] for k in range(low, low + 6)) <= 102  # 600 / 36 = 16.7 per length


def test_seeded():
    assert random_strings(50, 10, seed=3) == random_strings(50, 10, seed=3)
    assert random_strings(50, 10, seed=3) != random_strings(50, 10, seed=4)


def test_a_small_alphabet_runs_out_of_strings_with_a_clear_error():
    train, test = random_strings(n_train=1, n_test=1, min_length=1, max_length=1, alphabet="ab")  # both strings
    assert sorted(train + test) == ["a", "b"]
    with pytest.raises(ValueError, match="only 2 of length 1 over 2 symbols"):
        random_strings(n_train=2, n_test=1, min_length=1, max_length=1, alphabet="ab")


@pytest.mark.parametrize("kwargs, message", [
    ({"n_train": 0}, "n_train must be a positive int"),
    ({"n_test": 2.5}, "n_test must be a positive int"),
    ({"min_length": 0}, "min_length must be a positive int"),
    ({"min_length": 6, "max_length": 5}, "max_length must be an int >= min_length (6)"),
    ({"alphabet": "a"}, "alphabet must be a str of at least 2 different symbols"),
    ({"alphabet": "abca"}, "at least 2 different symbols"),
    ({"alphabet": ["a", "b"]}, "alphabet must be a str"),
    ({"seed": -1}, "seed must be a non-negative int"),
])
def test_bad_input_gets_a_clear_error(kwargs, message):
    with pytest.raises(ValueError) as error:
        random_strings(**{"n_train": 10, "n_test": 5, **kwargs})
    assert message in str(error.value)
