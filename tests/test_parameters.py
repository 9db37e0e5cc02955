import pytest

from rnn_tutorial import parameters
from rnn_tutorial.notebook import setup

setup(seed=0, verbose=False)

import keras  # noqa: E402


@pytest.mark.parametrize("max_length, vocab_size, units", [(10, 10_000, 10), (5, 10, 4), (1, 3, 1), (7, 50, 33)])
def test_dense_counts_match_keras(max_length, vocab_size, units):
    inputs = parameters.dense_input_size(max_length, vocab_size)
    assert inputs == max_length * vocab_size
    counts = parameters.dense_parameters(inputs, units)
    layer = keras.layers.Dense(units)
    layer.build((None, inputs))
    assert {w.name: w.shape for w in layer.weights} == {"kernel": (inputs, units), "bias": (units,)}
    assert counts == {w.name: int(w.numpy().size) for w in layer.weights}


@pytest.mark.parametrize("input_dim, units", [(10_000, 10), (3, 5), (1, 1), (64, 32)])
def test_simple_rnn_counts_match_keras_for_any_length(input_dim, units):
    counts = parameters.simple_rnn_parameters(input_dim, units)
    for length in (None, 4, 50):
        model = keras.Sequential([keras.Input((length, input_dim)), keras.layers.SimpleRNN(units)])
        (layer,) = model.layers
        assert counts == {w.name: int(w.numpy().size) for w in layer.weights}
        assert model.count_params() == sum(counts.values())


def test_the_articles_figures():
    inputs = parameters.dense_input_size(10, 10_000)
    assert inputs == 100_000
    assert parameters.dense_parameters(inputs, 10) == {"kernel": 1_000_000, "bias": 10}


@pytest.mark.parametrize("call", [
    lambda: parameters.dense_input_size(0, 10),
    lambda: parameters.dense_input_size(10, 2.5),
    lambda: parameters.dense_parameters(True, 3),
    lambda: parameters.simple_rnn_parameters(10, -1),
    lambda: parameters.simple_rnn_parameters("10", 1),
])
def test_counts_refuse_bad_sizes(call):
    with pytest.raises(ValueError, match="must be a positive int"):
        call()


@pytest.mark.parametrize("input_dim, units", [(32, 64), (3, 5), (1, 1), (100, 7)])
def test_gated_counts_match_keras(input_dim, units):
    for layer_class, count in ((keras.layers.LSTM, parameters.lstm_parameters(input_dim, units)),
                               (keras.layers.GRU, parameters.gru_parameters(input_dim, units))):
        model = keras.Sequential([keras.Input((None, input_dim)), layer_class(units)])
        (layer,) = model.layers
        assert count == {w.name: int(w.numpy().size) for w in layer.weights}
    simple = sum(parameters.simple_rnn_parameters(input_dim, units).values())
    assert sum(parameters.lstm_parameters(input_dim, units).values()) == 4 * simple
    assert sum(parameters.gru_parameters(input_dim, units).values()) == 3 * simple + 3 * units


def test_gated_counts_refuse_bad_sizes():
    with pytest.raises(ValueError, match="units must be a positive int"):
        parameters.lstm_parameters(3, 0)
    with pytest.raises(ValueError, match="input_dim must be a positive int"):
        parameters.gru_parameters(-3, 2)


def test_counts_accept_numpy_integers_and_refuse_floats_that_look_whole():
    import numpy as np

    assert parameters.simple_rnn_parameters(np.int64(3), np.int32(5)) == {"kernel": 15, "recurrent_kernel": 25,
                                                                          "bias": 5}
    assert type(parameters.dense_input_size(np.int64(10), np.int64(7))) is int
    with pytest.raises(ValueError, match="units must be a positive int; got 5.0"):
        parameters.lstm_parameters(3, 5.0)
    with pytest.raises(ValueError, match="input_dim must be a positive int; got "):
        parameters.gru_parameters(np.bool_(True), 2)
