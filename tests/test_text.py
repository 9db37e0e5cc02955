import numpy as np
import pytest

from rnn_tutorial.text import Vocabulary, bag_of_words, one_hot, pad, tokenize


def test_tokenize_splits_words_and_punctuation_and_lowercases():
    assert tokenize("I love to go to the gym!") == ["i", "love", "to", "go", "to", "the", "gym", "!"]
    assert tokenize("Ninety-seven, isn't it?") == ["ninety-seven", ",", "isn't", "it", "?"]
    assert tokenize("Chirag worked", lower=False) == ["Chirag", "worked"]


@pytest.mark.parametrize("bad", ["", "   ", "\n"])
def test_tokenize_refuses_empty_text(bad):
    with pytest.raises(ValueError, match="at least one word"):
        tokenize(bad)


def test_tokenize_refuses_non_text():
    with pytest.raises(TypeError, match="text must be a str; got list"):
        tokenize(["a", "b"])


def test_vocabulary_reserves_pad_and_unk_and_orders_by_frequency():
    vocab = Vocabulary.from_sentences([["b", "a", "a"], ["c", "a", "b"]])
    assert vocab.tokens == ["<pad>", "<unk>", "a", "b", "c"]
    assert (vocab.PAD_ID, vocab.UNK_ID) == (0, 1)
    assert len(vocab) == 5 and "a" in vocab and "z" not in vocab
    assert vocab.encode(["c", "a", "z"]) == [4, 2, 1]
    assert vocab.decode([4, 2, 1, 0, 0]) == ["c", "a", "<unk>"]
    assert vocab.decode([4, 0], skip_padding=False) == ["c", "<pad>"]


def test_vocabulary_min_count_sends_rare_words_to_unknown():
    vocab = Vocabulary.from_sentences([["a", "a", "b"]], min_count=2)
    assert vocab.tokens == ["<pad>", "<unk>", "a"]
    assert vocab.encode(["b"]) == [Vocabulary.UNK_ID]


def test_vocabulary_unknown_tokens_can_be_refused():
    vocab = Vocabulary(["a"])
    with pytest.raises(KeyError, match=r"not in the vocabulary: \['zebra'\]"):
        vocab.encode(["a", "zebra"], unknown="error")
    with pytest.raises(ValueError, match="unknown must be 'unk' or 'error'"):
        vocab.encode(["a"], unknown="skip")


def test_vocabulary_refuses_bad_input():
    with pytest.raises(TypeError, match="not str: call tokenize"):
        Vocabulary.from_sentences(["a sentence as a string"])
    with pytest.raises(ValueError, match="at least one token"):
        Vocabulary.from_sentences([[], []])
    with pytest.raises(ValueError, match="unique"):
        Vocabulary(["a", "a"])
    with pytest.raises(ValueError, match="reserved"):
        Vocabulary(["<pad>"])
    with pytest.raises(TypeError, match="non-empty str"):
        Vocabulary(["a", 3])
    with pytest.raises(TypeError, match="not str"):
        Vocabulary(["a"]).encode("a")
    with pytest.raises(ValueError, match=r"ids must be ints in 0\.\.2; got 7"):
        Vocabulary(["a"]).decode([7])


def test_pad_post_and_pre():
    ids = [[5, 6, 7], [8]]
    np.testing.assert_array_equal(pad(ids), [[5, 6, 7], [8, 0, 0]])
    np.testing.assert_array_equal(pad(ids, length=4, side="pre"), [[0, 5, 6, 7], [0, 0, 0, 8]])
    assert pad(ids).dtype == np.int64


def test_pad_never_cuts_silently():
    with pytest.raises(ValueError, match=r"length=2 is shorter than the longest sequence \(3 ids\)"):
        pad([[1, 2, 3]], length=2)


@pytest.mark.parametrize("bad", [[], "abc"])
def test_pad_refuses_bad_input(bad):
    with pytest.raises(ValueError, match="non-empty list of id lists"):
        pad(bad)


def test_pad_refuses_unknown_side():
    with pytest.raises(ValueError, match="side must be 'pre' or 'post'; got 'middle'"):
        pad([[1]], side="middle")


def test_bag_of_words_counts_and_forgets_order():
    a, b = tokenize("I love to go to the gym"), tokenize("love I go to the gym to")
    vocab = Vocabulary.from_sentences([a])
    bags = bag_of_words([a, b], vocab)
    assert bags.shape == (2, len(vocab))
    np.testing.assert_array_equal(bags[0], bags[1])
    assert bags[0, vocab.encode(["to"])[0]] == 2
    assert bags[0].sum() == len(a)
    assert bag_of_words([["unseen"]], vocab)[0, Vocabulary.UNK_ID] == 1


def test_bag_of_words_refuses_strings():
    vocab = Vocabulary(["a"])
    with pytest.raises(TypeError, match="list of token lists"):
        bag_of_words("a a", vocab)
    with pytest.raises(TypeError, match="list of token lists"):
        bag_of_words(["a a"], vocab)


def test_one_hot_rows_and_zero_padding():
    vectors = one_hot([[3, 1, 0]], 4)
    assert vectors.shape == (1, 3, 4) and vectors.dtype == np.float32
    np.testing.assert_array_equal(vectors[0], [[0, 0, 0, 1], [0, 1, 0, 0], [0, 0, 0, 0]])
    assert one_hot(np.array([2]), 3).shape == (1, 3)


@pytest.mark.parametrize("ids, vocab_size, message", [
    ([1, 4], 4, r"ids must lie in 0\.\.3; got values from 1 to 4"),
    ([-1], 4, "must lie in"),
    ([], 4, "non-empty array of ints"),
    ([0.5], 4, "non-empty array of ints"),
    ([1], 1, "vocab_size must be an int >= 2"),
])
def test_one_hot_refuses_bad_input(ids, vocab_size, message):
    with pytest.raises(ValueError, match=message):
        one_hot(ids, vocab_size)


@pytest.mark.parametrize("call, error, message", [
    (lambda: Vocabulary("abc"), TypeError, "tokens must be a list of non-empty str, not str; got 'abc'"),
    (lambda: Vocabulary(None), TypeError, "tokens must be a list of non-empty str, not NoneType; got None"),
    (lambda: Vocabulary.from_sentences(None), TypeError, "sentences must be a list of token lists, not NoneType"),
    (lambda: Vocabulary(["a"]).decode(5), TypeError, "ids must be a list of int ids; got 5"),
    (lambda: pad([[1], None]), ValueError, r"sequences\[1\] must be a list of int ids; got None"),
    (lambda: bag_of_words(None, Vocabulary(["a"])), TypeError, "sentences must be a list of token lists"),
    (lambda: Vocabulary.from_sentences([["a"]], min_count=0), ValueError, "min_count must be a positive int; got 0"),
    (lambda: Vocabulary.from_sentences("a b"), TypeError, "not str: call tokenize"),
    (lambda: Vocabulary.from_sentences([["a", 3]]), TypeError, "each sentence must be a list of str; got an item 3"),
    (lambda: Vocabulary(["a"]).encode(["a", 3]), TypeError, "tokens must be a list of str; got an item 3 of type int"),
    (lambda: Vocabulary(["a"]).decode([True]), ValueError, r"ids must be ints in 0\.\.2; got True"),
    (lambda: Vocabulary(["a"]).decode([1.5]), ValueError, r"ids must be ints in 0\.\.2; got 1\.5"),
    (lambda: pad([[1, 2], [1.5]]), ValueError, r"sequences\[1\] must be a non-empty array of ints; got dtype float64"),
    (lambda: pad([["a", "b"]]), ValueError, r"sequences\[0\] must be a non-empty array of ints; got dtype <U1"),
    (lambda: pad([[[1, 2]]]), ValueError, r"sequences\[0\] must be a list of int ids; got shape \(1, 2\)"),
    (lambda: pad([[1]], length=2.5), ValueError, "length must be a non-negative int; got 2.5"),
    (lambda: pad([[1]], value=0.5), ValueError, "value must be an int; got 0.5"),
    (lambda: pad(5), ValueError, "sequences must be a non-empty list of id lists; got 5"),
    (lambda: one_hot([1], 4.0), ValueError, r"vocab_size must be an int >= 2 \(padding and one word\); got 4\.0"),
    (lambda: one_hot([True], 4), ValueError, "ids must be a non-empty array of ints; got dtype bool"),
    (lambda: bag_of_words([], Vocabulary(["a"])), ValueError, "sentences must be a non-empty list of token lists"),
    (lambda: bag_of_words([["a"]], ["a"]), TypeError, "vocab must be a Vocabulary; got list"),
])
def test_text_helpers_refuse_bad_input_clearly(call, error, message):
    with pytest.raises(error, match=message):
        call()


def test_text_helpers_accept_numpy_integers_and_empty_rows():
    assert one_hot(np.array([1]), np.int64(3)).shape == (1, 3)
    np.testing.assert_array_equal(pad([[], np.array([4, 5])], length=np.int64(3), value=np.int64(0)),
                                  [[0, 0, 0], [4, 5, 0]])
    assert Vocabulary(["a"]).decode(np.array([2, 0])) == ["a"]
    assert Vocabulary.from_sentences([["a", "b", "b"]], min_count=np.int64(2)).tokens == ["<pad>", "<unk>", "b"]
