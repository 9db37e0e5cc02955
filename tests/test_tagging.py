import numpy as np
import pytest

from rnn_tutorial import datasets, tagging
from rnn_tutorial.datasets import TaggedSentences
from rnn_tutorial.text import Vocabulary


def test_encode_tagged_pads_words_and_tags_alike():
    data = TaggedSentences([["jordan", "met", "ravi"], ["in", "peru"]], [["PER", "O", "PER"], ["O", "LOC"]])
    vocab = Vocabulary.from_sentences(data.tokens)
    ids, tag_ids = tagging.encode_tagged(data, vocab)
    assert ids.shape == tag_ids.shape == (2, 3)
    np.testing.assert_array_equal(tag_ids, [[1, 0, 1], [0, 3, 0]])
    assert ids[1, 2] == Vocabulary.PAD_ID


@pytest.mark.parametrize("data, message", [
    (TaggedSentences([["a", "b"]], [["O"]]), "one tag per token"),
    (TaggedSentences([["a"]], [["MISC"]]), r"tags must be among .*got \['MISC'\]"),
])
def test_encode_tagged_refuses_bad_tags(data, message):
    with pytest.raises(ValueError, match=message):
        tagging.encode_tagged(data, Vocabulary(["a", "b"]))


@pytest.fixture(scope="module")
def corpus():
    return datasets.entity_sentences(n_train=3000, n_test=2000, seed=0)


def test_entity_sentences_sizes_alignment_and_no_overlap(corpus):
    train, test = corpus
    assert (len(train), len(test)) == (3000, 2000)
    for part in corpus:
        for tokens, tags in zip(part.tokens, part.tags):
            assert len(tokens) == len(tags) and set(tags) <= set(datasets.TAGS)
    assert not {" ".join(t) for t in train.tokens} & {" ".join(t) for t in test.tokens}
    assert len({" ".join(t) for t in train.tokens}) == len(train)
    assert "chirag worked at microsoft in india".split() not in train.tokens + test.tokens


def test_entity_sentences_tag_balance(corpus):
    train, _ = corpus
    tags = [t for sentence in train.tags for t in sentence]
    for tag in datasets.TAGS:
        assert tags.count(tag) > 0.05 * len(tags), tag
    ambiguous = [g for tokens, sentence in zip(train.tokens, train.tags) for w, g in zip(tokens, sentence)
                 if w in datasets.AMBIGUOUS]
    assert set(ambiguous) == {"PER", "LOC"}
    assert 0.4 < ambiguous.count("PER") / len(ambiguous) < 0.6, "ambiguous words: half people, half places"


def test_entity_sentences_are_deterministic_and_validate_input():
    a, _ = datasets.entity_sentences(n_train=5, n_test=5, seed=1)
    b, _ = datasets.entity_sentences(n_train=5, n_test=5, seed=1)
    assert a.tokens == b.tokens
    with pytest.raises(ValueError, match="n_train must be a positive int"):
        datasets.entity_sentences(n_train=0)
    with pytest.raises(ValueError, match=r"ambiguous must be a fraction in \[0, 1\]"):
        datasets.entity_sentences(ambiguous=1.5)
    with pytest.raises(ValueError, match="cannot make"):
        datasets.entity_sentences(n_train=10**6, n_test=1)


@pytest.mark.parametrize("call, error, message", [
    (lambda v: tagging.encode_tagged([["in", "peru"]], v), TypeError,
     "data must be TaggedSentences.*got list"),
    (lambda v: tagging.encode_tagged(TaggedSentences([["peru"]], [["LOC"]]), {"peru": 2}), TypeError,
     "vocab must be a Vocabulary; got dict"),
    (lambda v: tagging.encode_tagged(TaggedSentences([], []), v), ValueError,
     "data must hold at least one sentence.*got 0 sentences and 0 tag lists"),
    (lambda v: tagging.encode_tagged(TaggedSentences([["peru"], ["in"]], [["LOC"]]), v), ValueError,
     "one tag list per sentence; got 2 sentences and 1 tag lists"),
])
def test_tagging_helpers_refuse_bad_input_clearly(call, error, message):
    with pytest.raises(error, match=message):
        call(Vocabulary(["in", "peru"]))
