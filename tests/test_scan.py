"""The linear recurrence by loop and by scan, and the numpy minGRU (notebook 08)."""

import math

import numpy as np
import pytest

from rnn_tutorial import scan


def reference(a, b, h0):
    """The recurrence written the plainest way: one example, one unit, one step at a time."""
    batch, time, units = a.shape
    out = np.zeros(a.shape)
    for i in range(batch):
        for j in range(units):
            h = h0[i, j]
            for t in range(time):
                h = a[i, t, j] * h + b[i, t, j]
                out[i, t, j] = h
    return out


def arrays(batch=3, time=11, units=4, seed=0, dtype=np.float64):
    rng = np.random.default_rng(seed)
    a = rng.uniform(-1, 1, (batch, time, units)).astype(dtype)  # negative too: the operator must not assume a > 0
    b = rng.normal(size=(batch, time, units)).astype(dtype)
    h0 = rng.normal(size=(batch, units)).astype(dtype)
    return a, b, h0


@pytest.mark.parametrize("time", [1, 2, 3, 4, 5, 7, 8, 9, 16, 33, 100])
@pytest.mark.parametrize("method", scan.METHODS)
def test_both_methods_equal_the_plain_reference_with_and_without_h0(time, method):
    a, b, h0 = arrays(time=time)
    np.testing.assert_allclose(scan.linear_recurrence(a, b, h0, method=method), reference(a, b, h0),
                               rtol=0, atol=1e-12)
    np.testing.assert_allclose(scan.linear_recurrence(a, b, method=method), reference(a, b, 0 * h0),
                               rtol=0, atol=1e-12)


def test_scan_equals_loop_to_float64_precision_on_long_sequences():
    a, b, h0 = arrays(batch=2, time=4096, units=8)
    a = np.abs(a) ** 0.05  # near 1, so that early steps still count at the end
    loop, parallel = (scan.linear_recurrence(a, b, h0, method=m) for m in ("loop", "scan"))
    assert np.abs(loop - parallel).max() < 1e-9


def test_length_one_is_one_step():
    a, b, h0 = arrays(time=1)
    for method in scan.METHODS:
        np.testing.assert_allclose(scan.linear_recurrence(a, b, h0, method=method)[:, 0], a[:, 0] * h0 + b[:, 0])


def test_float32_stays_float32_and_agrees_with_float64():
    a, b, h0 = arrays(time=50, dtype=np.float32)
    for method in scan.METHODS:
        out = scan.linear_recurrence(a, b, h0, method=method)
        assert out.dtype == np.float32
        np.testing.assert_allclose(out, reference(a.astype(float), b.astype(float), h0.astype(float)), atol=1e-5)
    assert scan.linear_recurrence(a.astype(float), b, h0).dtype == np.float64


def test_ints_are_computed_in_float64_and_inputs_are_not_changed():
    a, b = np.ones((1, 4, 2), int), np.arange(8).reshape(1, 4, 2)
    before = a.copy(), b.copy()
    out = scan.linear_recurrence(a, b)
    assert out.dtype == np.float64
    np.testing.assert_array_equal(out[0, :, 0], [0, 2, 6, 12])  # running sums of 0, 2, 4, 6
    np.testing.assert_array_equal(a, before[0])
    np.testing.assert_array_equal(b, before[1])


def test_a_zero_forgets_and_a_one_sums():
    a, b, h0 = arrays(time=6)
    np.testing.assert_allclose(scan.linear_recurrence(0 * a, b, h0), b)
    np.testing.assert_allclose(scan.linear_recurrence(0 * a + 1, b, h0), h0[:, None] + np.cumsum(b, axis=1))


@pytest.mark.parametrize("call, message", [
    (lambda a, b, h0: scan.linear_recurrence(a[0], b[0]), r"a must be \(batch, time, units\) with time >= 1; got "
                                                           r"shape \(11, 4\)"),
    (lambda a, b, h0: scan.linear_recurrence(a[:, :0], b[:, :0]), r"time >= 1; got shape \(3, 0, 4\)"),
    (lambda a, b, h0: scan.linear_recurrence(a, b[:, 1:]), r"a and b must have the same shape \(batch, time, "
                                                           r"units\); got \(3, 11, 4\) and \(3, 10, 4\)"),
    (lambda a, b, h0: scan.linear_recurrence(a, b, h0[:, :2]), r"h0 must be \(batch, units\) = \(3, 4\); got "
                                                               r"shape \(3, 2\)"),
    (lambda a, b, h0: scan.linear_recurrence(a, b, h0[0]), r"h0 must be \(batch, units\) = \(3, 4\); got shape \(4,\)"),
    (lambda a, b, h0: scan.linear_recurrence(a, b, method="fast"), r"method must be one of \('loop', 'scan'\); got "
                                                                   r"'fast'"),
    (lambda a, b, h0: scan.linear_recurrence(a.astype(str), b), "a must hold real numbers"),
    (lambda a, b, h0: scan.sequential_steps(0), "time must be a positive int; got 0"),
    (lambda a, b, h0: scan.sequential_steps(8, method="tree"), "method must be one of"),
])
def test_bad_input_gets_a_clear_error(call, message):
    with pytest.raises(ValueError, match=message):
        call(*arrays())


def test_sequential_steps_are_time_for_the_loop_and_ceil_log2_for_the_scan():
    assert [scan.sequential_steps(t, "loop") for t in (1, 16, 4096)] == [1, 16, 4096]
    assert [scan.sequential_steps(t) for t in (1, 2, 3, 16, 17, 4096)] == [0, 1, 2, 4, 5, 12]
    for time in range(1, 70):  # the scan's while loop: offsets 1, 2, 4, ... below time
        offsets = 0
        while 2**offsets < time:
            offsets += 1
        assert scan.sequential_steps(time) == offsets == (math.ceil(math.log2(time)) if time > 1 else 0)


# the minGRU, in numpy ------------------------------------------------------

def min_gru_weights(features=3, units=5, seed=1):
    rng = np.random.default_rng(seed)
    return [rng.normal(0, 0.7, (features, units)), rng.normal(0, 0.3, units), rng.normal(0, 0.7, (features, units)),
            rng.normal(0, 0.3, units)]


def min_gru_step_by_step(x, z_kernel, z_bias, c_kernel, c_bias, h0):
    h, states = h0, []
    for t in range(x.shape[1]):
        z = 1 / (1 + np.exp(-(x[:, t] @ z_kernel + z_bias)))
        h = (1 - z) * h + z * (x[:, t] @ c_kernel + c_bias)  # the paper's convention: z takes the candidate
        states.append(h)
    return np.stack(states, axis=1)


@pytest.mark.parametrize("time", [1, 2, 13])
def test_min_gru_forward_equals_the_step_by_step_cell(time):
    x = np.random.default_rng(2).normal(size=(2, time, 3))
    weights, h0 = min_gru_weights(), np.random.default_rng(3).normal(size=(2, 5))
    for method in scan.METHODS:
        np.testing.assert_allclose(scan.min_gru_forward(x, *weights, h0=h0, method=method),
                                   min_gru_step_by_step(x, *weights, h0), atol=1e-12)
    np.testing.assert_allclose(scan.min_gru_forward(x, *weights), min_gru_step_by_step(x, *weights, 0 * h0),
                               atol=1e-12)


@pytest.mark.parametrize("change, message", [
    (lambda x, w: (x[0], w), r"x must be \(batch, time, features\); got shape \(13, 3\)"),
    (lambda x, w: (x, [w[0][:2], *w[1:]]),
     r"z_kernel must be \(3, 5\) for x of shape \(2, 13, 3\); got shape \(2, 5\)"),
    (lambda x, w: (x, [w[0], w[1][:4], *w[2:]]), r"z_bias must be \(5,\) .* got shape \(4,\)"),
    (lambda x, w: (x, [*w[:2], w[2][:, :4], w[3]]), r"candidate_kernel must be \(3, 5\) .* got shape \(3, 4\)"),
    (lambda x, w: (x, [w[0][0], *w[1:]]), r"z_kernel must be \(features, units\) .* got shape \(5,\)"),
])
def test_min_gru_forward_names_the_weight_of_the_wrong_shape(change, message):
    x, weights = change(np.zeros((2, 13, 3)), min_gru_weights())
    with pytest.raises(ValueError, match=message):
        scan.min_gru_forward(x, *weights)
