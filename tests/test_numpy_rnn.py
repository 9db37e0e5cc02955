import re

import numpy as np
import pytest

from rnn_tutorial.notebook import setup

setup(seed=0, verbose=False)

import keras  # noqa: E402

from rnn_tutorial.numpy_rnn import rnn_forward, rnn_step  # noqa: E402


def weights(features, units, dtype, seed=0):
    rng = np.random.default_rng(seed)
    return (rng.normal(0, 0.7, (features, units)).astype(dtype), rng.normal(0, 0.7, (units, units)).astype(dtype),
            rng.normal(0, 0.3, units).astype(dtype))


def keras_states(x, kernel, recurrent_kernel, bias, h0=None):
    layer = keras.layers.SimpleRNN(kernel.shape[1], return_sequences=True, return_state=True, dtype=x.dtype.name)
    layer.build(x.shape)
    layer.set_weights([kernel, recurrent_kernel, bias])
    hs, h_last = layer(x, initial_state=None if h0 is None else [h0])
    return np.asarray(hs), np.asarray(h_last)


@pytest.mark.parametrize("batch, time, features, units", [(1, 6, 8, 4), (3, 1, 2, 5), (4, 12, 7, 3), (2, 30, 1, 16)])
# float32 rounding (about 6e-8 a step) can grow over 30 steps of a chaotic RNN; float64 is the real test.
@pytest.mark.parametrize("dtype, tolerance", [("float64", 1e-12), ("float32", 1e-4)])
def test_forward_equals_keras_simple_rnn(batch, time, features, units, dtype, tolerance):
    x = np.random.default_rng(1).normal(size=(batch, time, features)).astype(dtype)
    kernel, recurrent_kernel, bias = weights(features, units, dtype)
    hs, h_last = rnn_forward(x, kernel, recurrent_kernel, bias)
    keras_hs, keras_last = keras_states(x, kernel, recurrent_kernel, bias)
    assert hs.shape == (batch, time, units) and h_last.shape == (batch, units)
    assert hs.dtype == np.dtype(dtype)
    assert np.abs(hs - keras_hs).max() < tolerance
    assert np.abs(h_last - keras_last).max() < tolerance


def test_forward_with_a_given_h0_equals_keras_initial_state():
    x = np.random.default_rng(2).normal(size=(2, 5, 3))
    kernel, recurrent_kernel, bias = weights(3, 4, "float64")
    h0 = np.random.default_rng(3).uniform(-1, 1, (2, 4))
    hs, _ = rnn_forward(x, kernel, recurrent_kernel, bias, h0=h0)
    keras_hs, _ = keras_states(x, kernel, recurrent_kernel, bias, h0=h0)
    assert np.abs(hs - keras_hs).max() < 1e-12
    assert not np.allclose(hs, rnn_forward(x, kernel, recurrent_kernel, bias)[0])


def test_step_is_the_recurrence_and_h0_defaults_to_zero():
    x = np.random.default_rng(4).normal(size=(2, 3, 3))
    kernel, recurrent_kernel, bias = weights(3, 4, "float64")
    h1 = rnn_step(x[:, 0], np.zeros((2, 4)), kernel, recurrent_kernel, bias)
    np.testing.assert_allclose(h1, np.tanh(x[:, 0] @ kernel + bias))
    hs, h_last = rnn_forward(x, kernel, recurrent_kernel, bias)
    np.testing.assert_allclose(hs[:, 0], h1)
    np.testing.assert_allclose(h_last, hs[:, -1])


@pytest.mark.parametrize("args, message", [
    (((3, 4), (3, 5), (5, 5), (5,)), r"x must be \(batch, time, features\); got shape \(3, 4\)"),
    (((2, 3, 4), (3, 5), (5, 5), (5,)), r"kernel must be \(features, units\) = \(4, units\).*got \(3, 5\)"),
    (((2, 3, 4), (4, 5), (5, 4), (5,)), r"recurrent_kernel must be \(units, units\) = \(5, 5\); got \(5, 4\)"),
    (((2, 3, 4), (4, 5), (5, 5), (4,)), r"bias must be \(units,\) = \(5,\); got \(4,\)"),
    (((2, 3, 4), (4,), (5, 5), (5,)), r"kernel must be \(features, units\); got shape \(4,\)"),
])
def test_forward_refuses_mismatched_shapes(args, message):
    with pytest.raises(ValueError, match=message):
        rnn_forward(*(np.zeros(shape) for shape in args))


def test_forward_and_step_refuse_a_wrong_state():
    kernel, recurrent_kernel, bias = weights(4, 5, "float64")
    with pytest.raises(ValueError, match=r"h0 must be \(batch, units\) = \(2, 5\); got \(5,\)"):
        rnn_forward(np.zeros((2, 3, 4)), kernel, recurrent_kernel, bias, h0=np.zeros(5))
    with pytest.raises(ValueError, match=r"h_prev must be \(batch, units\) = \(2, 5\); got \(2, 4\)"):
        rnn_step(np.zeros((2, 4)), np.zeros((2, 4)), kernel, recurrent_kernel, bias)
    with pytest.raises(ValueError, match=r"x_t must be \(batch, features\); got shape \(4,\)"):
        rnn_step(np.zeros(4), np.zeros((1, 5)), kernel, recurrent_kernel, bias)


from rnn_tutorial.numpy_rnn import gru_forward, lstm_forward  # noqa: E402, I001


def gated_weights(layer_class, features, units, seed):
    layer = layer_class(units, return_sequences=True, return_state=True, dtype="float64")
    layer.build((None, None, features))
    rng = np.random.default_rng(seed)
    layer.set_weights([rng.normal(0, 0.5, w.shape) for w in layer.get_weights()])  # biases random too
    return layer


@pytest.mark.parametrize("batch, time, features, units", [(1, 6, 8, 4), (3, 1, 2, 5), (4, 12, 7, 3)])
def test_lstm_forward_equals_keras(batch, time, features, units):
    layer = gated_weights(keras.layers.LSTM, features, units, seed=batch)
    x = np.random.default_rng(9).normal(size=(batch, time, features))
    keras_hs, keras_h, keras_c = (np.asarray(a) for a in layer(x))
    hs, h, c = lstm_forward(x, *layer.get_weights())
    assert [w.shape for w in layer.get_weights()] == [(features, 4 * units), (units, 4 * units), (4 * units,)]
    for mine, theirs in ((hs, keras_hs), (h, keras_h), (c, keras_c)):
        assert np.abs(mine - theirs).max() < 1e-12


@pytest.mark.parametrize("batch, time, features, units", [(1, 6, 8, 4), (3, 1, 2, 5), (4, 12, 7, 3)])
def test_gru_forward_equals_keras(batch, time, features, units):
    layer = gated_weights(keras.layers.GRU, features, units, seed=batch)
    x = np.random.default_rng(9).normal(size=(batch, time, features))
    keras_hs, keras_h = (np.asarray(a) for a in layer(x))
    hs, h = gru_forward(x, *layer.get_weights())
    assert [w.shape for w in layer.get_weights()] == [(features, 3 * units), (units, 3 * units), (2, 3 * units)]
    assert np.abs(hs - keras_hs).max() < 1e-12 and np.abs(h - keras_h).max() < 1e-12


def test_gated_cells_with_initial_states_equal_keras():
    x = np.random.default_rng(1).normal(size=(2, 4, 3))
    h0, c0 = np.random.default_rng(2).uniform(-1, 1, (2, 2, 5))
    lstm = gated_weights(keras.layers.LSTM, 3, 5, seed=0)
    assert np.abs(lstm_forward(x, *lstm.get_weights(), h0=h0, c0=c0)[0]
                  - np.asarray(lstm(x, initial_state=[h0, c0])[0])).max() < 1e-12
    gru = gated_weights(keras.layers.GRU, 3, 5, seed=0)
    gru_hs = gru_forward(x, *gru.get_weights(), h0=h0)[0]
    assert np.abs(gru_hs - np.asarray(gru(x, initial_state=[h0])[0])).max() < 1e-12


@pytest.mark.parametrize("call, message", [
    (lambda: lstm_forward(np.zeros((2, 3, 4)), np.zeros((4, 10)), np.zeros((2, 8)), np.zeros(8)),
     r"kernel must be \(features, 4 \* units\); got shape \(4, 10\)"),
    (lambda: lstm_forward(np.zeros((2, 3, 4)), np.zeros((5, 8)), np.zeros((2, 8)), np.zeros(8)),
     r"kernel must be \(features, 4 \* units\) = \(4, 8\) to match the input; got \(5, 8\)"),
    (lambda: lstm_forward(np.zeros((2, 3, 4)), np.zeros((4, 8)), np.zeros((8, 2)), np.zeros(8)),
     r"recurrent_kernel must be \(units, 4 \* units\) = \(2, 8\); got \(8, 2\)"),
    (lambda: gru_forward(np.zeros((2, 3, 4)), np.zeros((4, 6)), np.zeros((2, 6)), np.zeros(6)),
     r"bias must be \(2, 6\); got \(6,\)"),
    (lambda: gru_forward(np.zeros((3, 4)), np.zeros((4, 6)), np.zeros((2, 6)), np.zeros((2, 6))),
     r"x must be \(batch, time, features\)"),
    (lambda: lstm_forward(np.zeros((2, 3, 4)), np.zeros((4, 8)), np.zeros((2, 8)), np.zeros(8), c0=np.zeros(2)),
     r"c0 must be \(batch, units\) = \(2, 2\); got \(2,\)"),
])
def test_gated_cells_refuse_bad_shapes(call, message):
    with pytest.raises(ValueError, match=message):
        call()


import warnings  # noqa: E402

from rnn_tutorial.numpy_rnn import _sigmoid, rnn_backward  # noqa: E402, I001


def test_integer_inputs_are_computed_as_floats():
    rng = np.random.default_rng(5)
    x = rng.integers(-2, 3, size=(2, 4, 3))  # int64
    kernel, recurrent_kernel = rng.integers(-1, 2, (3, 5)), rng.integers(-1, 2, (5, 5))
    bias = np.array([0, 1, 0, -1, 0])
    as_float = [a.astype(np.float64) for a in (x, kernel, recurrent_kernel, bias)]
    hs, h_last = rnn_forward(x, kernel, recurrent_kernel, bias)
    assert hs.dtype == np.float64 and np.abs(hs).max() > 0.1  # not cut to ints
    np.testing.assert_array_equal(hs, rnn_forward(*as_float)[0])
    np.testing.assert_array_equal(rnn_step(x[:, 0], np.zeros((2, 5), dtype=int), kernel, recurrent_kernel, bias),
                                  rnn_step(as_float[0][:, 0], np.zeros((2, 5)), *as_float[1:]))
    dhs = np.ones((2, 4, 5), dtype=int)
    grads, float_grads = rnn_backward(x, hs, dhs, kernel, recurrent_kernel, bias), \
        rnn_backward(as_float[0], hs, dhs.astype(float), *as_float[1:])
    for name in grads:
        np.testing.assert_array_equal(grads[name], float_grads[name])
    lstm = [rng.integers(-1, 2, shape) for shape in ((3, 20), (5, 20), (20,))]
    np.testing.assert_array_equal(lstm_forward(x, *lstm)[0], lstm_forward(x.astype(float), *(w * 1.0 for w in lstm))[0])
    gru = [rng.integers(-1, 2, shape) for shape in ((3, 15), (5, 15), (2, 15))]
    np.testing.assert_array_equal(gru_forward(x, *gru)[0], gru_forward(x.astype(float), *(w * 1.0 for w in gru))[0])


def test_float32_stays_float32():
    x = np.ones((1, 2, 3), dtype=np.float32)
    kernel, recurrent_kernel, bias = weights(3, 4, "float32")
    assert rnn_forward(x, kernel, recurrent_kernel, bias)[0].dtype == np.float32
    assert lstm_forward(x, np.ones((3, 16), np.float32), np.ones((4, 16), np.float32), np.ones(16, np.float32))[0] \
        .dtype == np.float32


def test_sigmoid_is_stable_for_large_inputs():
    with warnings.catch_warnings(), np.errstate(over="raise", invalid="raise", divide="raise"):
        warnings.simplefilter("error")
        np.testing.assert_array_equal(_sigmoid(np.array([-1000.0, 0.0, 1000.0])), [0.0, 0.5, 1.0])
        assert _sigmoid(np.float32(-1000)).dtype == np.float32
        hs, h, c = lstm_forward(np.full((1, 2, 1), 1e4), np.ones((1, 8)), np.zeros((2, 8)), np.zeros(8))
        assert np.isfinite(hs).all()
    z = np.linspace(-30, 30, 13)
    np.testing.assert_allclose(_sigmoid(z), 1 / (1 + np.exp(-z)), rtol=1e-15)


def test_gru_refuses_keras_reset_after_false_weights():
    layer = keras.layers.GRU(4, reset_after=False, dtype="float64")
    layer.build((None, None, 3))
    kernel, recurrent_kernel, bias = layer.get_weights()
    assert bias.shape == (12,)
    with pytest.raises(ValueError, match=r"GRU\(reset_after=False\).*not support.*default reset_after=True"):
        gru_forward(np.zeros((1, 2, 3)), kernel, recurrent_kernel, bias)


def test_backward_refuses_a_wrong_h0():
    kernel, recurrent_kernel, bias = weights(3, 4, "float64")
    x = np.zeros((2, 5, 3))
    hs, _ = rnn_forward(x, kernel, recurrent_kernel, bias)
    for h0 in (np.zeros(4), np.zeros((1, 4)), np.zeros((2, 3))):
        message = rf"h0 must be \(batch, units\) = \(2, 4\); got {re.escape(str(h0.shape))}"
        with pytest.raises(ValueError, match=message):
            rnn_backward(x, hs, hs, kernel, recurrent_kernel, bias, h0=h0)


@pytest.mark.parametrize("call", [
    lambda k, r, b: rnn_forward(np.array([[["a"]]]), k, r, b),
    lambda k, r, b: rnn_step(np.zeros((1, 3)), [["x"] * 4], k, r, b),
    lambda k, r, b: lstm_forward(np.zeros((1, 2, 3), dtype=complex), k, r, b),
])
def test_cells_refuse_arrays_that_are_not_numbers(call):
    with pytest.raises(TypeError, match="must be an array of real numbers; got dtype"):
        call(*weights(3, 4, "float64"))
