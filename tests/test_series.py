import numpy as np
import pytest

from rnn_tutorial.series import autocorrelation, dominant_period


def test_autocorrelation_of_a_line_and_of_alternation():
    assert autocorrelation([1, 2, 3, 4, 5]) == pytest.approx(0.4)
    assert autocorrelation([1, -1, 1, -1, 1, -1]) == pytest.approx(-5 / 6)


def test_autocorrelation_sees_order_that_mean_and_std_miss():
    x = np.sin(np.arange(200) / 5)
    shuffled = np.random.default_rng(0).permutation(x)
    assert autocorrelation(x) > 0.9
    assert abs(autocorrelation(shuffled)) < 0.2


def test_dominant_period_finds_a_sine_cycle():
    t = np.arange(300)
    assert dominant_period(np.sin(2 * np.pi * t / 10)) == pytest.approx(10)
    assert dominant_period(np.sin(2 * np.pi * t / 12.5), spacing=2) == pytest.approx(25)


@pytest.mark.parametrize("bad, message", [
    ([1, 2], "at least 3 values"),
    ([[1, 2, 3]], "1-D"),
    ([1, np.nan, 3], "finite"),
])
def test_series_refuse_bad_input(bad, message):
    with pytest.raises(ValueError, match=message):
        autocorrelation(bad)
    with pytest.raises(ValueError, match=message):
        dominant_period(bad)


def test_autocorrelation_refuses_bad_lag_and_constant_series():
    with pytest.raises(ValueError, match=r"lag must be an int in 1\.\.3; got 4"):
        autocorrelation([1, 2, 3, 4], lag=4)
    with pytest.raises(ValueError, match="constant"):
        autocorrelation([2, 2, 2])


@pytest.mark.parametrize("call, error, message", [
    (lambda: dominant_period([1, 2, 3, 4], spacing=0), ValueError, "spacing must be a positive number; got 0"),
    (lambda: dominant_period([1, 2, 3, 4], spacing="1"), ValueError, "spacing must be a positive number; got '1'"),
    (lambda: dominant_period([3, 3, 3, 3]), ValueError, "x is constant: it has no cycle"),
    (lambda: autocorrelation(["a", "b", "c"]), TypeError, "x must be an array of real numbers; got dtype <U1"),
    (lambda: autocorrelation([1, 2, 3, 4], lag=1.0), ValueError, r"lag must be an int in 1\.\.3; got 1\.0"),
    (lambda: autocorrelation([1, 2, 3, 4], lag=True), ValueError, r"lag must be an int in 1\.\.3; got True"),
])
def test_series_refuse_bad_arguments(call, error, message):
    with pytest.raises(error, match=message):
        call()


def test_series_accept_numpy_integer_lags_and_int_arrays():
    assert autocorrelation(np.array([1, 2, 3, 4, 5]), lag=np.int64(1)) == pytest.approx(0.4)
