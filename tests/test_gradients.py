"""The numpy backward pass against finite differences and tf.GradientTape."""

import numpy as np
import pytest

from rnn_tutorial.notebook import setup

setup(seed=0, verbose=False)

import keras  # noqa: E402
import tensorflow as tf  # noqa: E402

from rnn_tutorial.gradcheck import numerical_gradient, relative_error  # noqa: E402
from rnn_tutorial.numpy_rnn import rnn_backward, rnn_forward  # noqa: E402


def problem(batch=2, time=5, features=3, units=4, seed=0):
    rng = np.random.default_rng(seed)
    arrays = {"x": rng.normal(size=(batch, time, features)), "kernel": rng.normal(0, 0.6, (features, units)),
              "recurrent_kernel": rng.normal(0, 0.6, (units, units)), "bias": rng.normal(0, 0.2, units),
              "h0": rng.normal(0, 0.5, (batch, units))}
    targets = rng.normal(0, 0.5, (batch, time, units))
    return arrays, targets


def loss_and_grads(arrays, targets):
    hs, _ = rnn_forward(arrays["x"], arrays["kernel"], arrays["recurrent_kernel"], arrays["bias"], h0=arrays["h0"])
    loss = 0.5 * np.sum((hs - targets) ** 2)
    grads = rnn_backward(arrays["x"], hs, hs - targets, arrays["kernel"], arrays["recurrent_kernel"],
                         arrays["bias"], h0=arrays["h0"])
    return loss, grads


@pytest.mark.parametrize("shape", [(2, 5, 3, 4), (1, 1, 2, 3), (3, 8, 1, 2)])
def test_backward_matches_finite_differences(shape):
    arrays, targets = problem(*shape)
    _, grads = loss_and_grads(arrays, targets)
    for name, array in arrays.items():
        numeric = numerical_gradient(lambda: loss_and_grads(arrays, targets)[0], array)
        assert relative_error(grads[name], numeric) < 1e-6, name


def test_backward_matches_gradient_tape():
    arrays, targets = problem(batch=3, time=6, features=2, units=5)
    _, grads = loss_and_grads(arrays, targets)
    layer = keras.layers.SimpleRNN(5, return_sequences=True, dtype="float64")
    layer.build((None, 6, 2))
    layer.set_weights([arrays["kernel"], arrays["recurrent_kernel"], arrays["bias"]])
    x, h0 = tf.Variable(arrays["x"]), tf.Variable(arrays["h0"])
    with tf.GradientTape() as tape:
        loss = 0.5 * tf.reduce_sum((layer(x, initial_state=[h0]) - targets) ** 2)
    tape_grads = tape.gradient(loss, [x, h0, *layer.trainable_weights])
    for name, tape_grad in zip(["x", "h0", "kernel", "recurrent_kernel", "bias"], tape_grads):
        assert relative_error(grads[name], tape_grad.numpy()) < 1e-10, name


def test_state_gradients_are_the_total_through_later_steps():
    arrays, targets = problem()
    _, grads = loss_and_grads(arrays, targets)
    hs, _ = rnn_forward(arrays["x"], arrays["kernel"], arrays["recurrent_kernel"], arrays["bias"], h0=arrays["h0"])
    np.testing.assert_allclose(grads["hs"][:, -1], (hs - targets)[:, -1])  # the last state: only its own term
    assert not np.allclose(grads["hs"][:, 0], (hs - targets)[:, 0])  # the first: also through the later ones


def test_backward_refuses_bad_input():
    arrays, targets = problem()
    hs, _ = rnn_forward(arrays["x"], arrays["kernel"], arrays["recurrent_kernel"], arrays["bias"])
    args = (arrays["kernel"], arrays["recurrent_kernel"], arrays["bias"])
    with pytest.raises(ValueError, match=r"dhs must be \(batch, time, units\) = \(2, 5, 4\); got \(2, 5\)"):
        rnn_backward(arrays["x"], hs, np.zeros((2, 5)), *args)
    with pytest.raises(ValueError, match=r"hs must be \(batch, time, units\)"):
        rnn_backward(arrays["x"], hs[:, :3], hs, *args)


def test_gradcheck_helpers():
    a = np.array([1.0, 2.0])
    np.testing.assert_allclose(numerical_gradient(lambda: float(np.sum(a**2)), a), [2.0, 4.0], rtol=1e-8)
    np.testing.assert_array_equal(a, [1.0, 2.0])  # restored
    assert relative_error([1.0, 2.0], [1.0, 2.0]) == 0
    assert relative_error([1.0], [1.1]) == pytest.approx(0.1 / 1.1)
    with pytest.raises(TypeError, match="float64"):
        numerical_gradient(lambda: 0.0, np.zeros(2, dtype=np.float32))
    with pytest.raises(ValueError, match="one shape"):
        relative_error([1.0], [1.0, 2.0])


@pytest.mark.parametrize("call, error, message", [
    (lambda: numerical_gradient(0.5, np.zeros(2)), TypeError, "loss must be a function of no arguments"),
    (lambda: numerical_gradient(lambda: 0.0, np.zeros(2), eps=0), ValueError,
     "eps must be a small positive number, such as 1e-6; got 0"),
    (lambda: numerical_gradient(lambda: 0.0, [0.0, 1.0]), TypeError, "array must be a float64 numpy array"),
    (lambda: relative_error([1.0, np.nan], [1.0, 1.0]), ValueError, "a must hold finite numbers only"),
    (lambda: relative_error([1.0], [np.inf]), ValueError, "b must hold finite numbers only"),
    (lambda: relative_error([], []), ValueError, r"a and b must have one shape, not empty; got \(0,\) and \(0,\)"),
    (lambda: relative_error(None, [1.0]), TypeError, "a must be an array of real numbers; got dtype object"),
])
def test_gradcheck_helpers_refuse_bad_input(call, error, message):
    with pytest.raises(error, match=message):
        call()
