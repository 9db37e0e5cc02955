import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from rnn_tutorial import plotting  # noqa: E402


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


def test_plot_sequence_draws_one_line_with_given_x():
    ax = plotting.plot_sequence([3, 1, 2], x=[1700, 1701, 1702], title="t")
    (line,) = ax.get_lines()
    np.testing.assert_array_equal(line.get_xdata(), [1700, 1701, 1702])
    assert ax.get_title() == "t"


def test_plot_tokens_draws_a_bar_per_position():
    ax = plotting.plot_tokens(["i", "love", "it"], [5, 6, 7])
    assert [p.get_height() for p in ax.patches] == [5, 6, 7]
    assert [t.get_text() for t in ax.get_xticklabels()] == ["0\ni", "1\nlove", "2\nit"]


def test_plot_spectrogram_uses_the_given_axes():
    _, ax = plt.subplots()
    assert plotting.plot_spectrogram(np.sin(np.arange(800)), 8000, ax=ax, max_hz=3000) is ax
    assert ax.get_ylim() == (0, 3000)


def test_plot_helpers_refuse_bad_input():
    with pytest.raises(ValueError, match="non-empty 1-D"):
        plotting.plot_sequence(np.zeros((2, 2)))
    with pytest.raises(ValueError, match=r"x must have the shape of values \(3,\); got \(2,\)"):
        plotting.plot_sequence([1, 2, 3], x=[1, 2])
    with pytest.raises(ValueError, match="same length; got 2 and 1"):
        plotting.plot_tokens(["a", "b"], [1])
    with pytest.raises(ValueError, match="rate must be a positive int"):
        plotting.plot_spectrogram(np.zeros(100), 8000.0)


def test_plot_lines_draws_each_named_line_and_checks_shapes():
    ax = plotting.plot_lines([1, 2, 3], {"dense": [10, 20, 30], "RNN": [5, 5, 5]}, logy=True)
    assert [line.get_label() for line in ax.get_lines()] == ["dense", "RNN"]
    assert ax.get_yscale() == "log"
    with pytest.raises(ValueError, match=r"line 'RNN' must have the shape of x \(3,\); got \(2,\)"):
        plotting.plot_lines([1, 2, 3], {"RNN": [5, 5]})


def test_plot_states_draws_units_by_time_with_word_labels():
    ax = plotting.plot_states(np.zeros((3, 4)), ["a", "b", "c"])
    (image,) = ax.images
    assert image.get_array().shape == (4, 3)
    assert [t.get_text() for t in ax.get_xticklabels()] == ["$h_1$\na", "$h_2$\nb", "$h_3$\nc"]
    with pytest.raises(ValueError, match=r"states must be \(time, units\)"):
        plotting.plot_states(np.zeros(3), ["a", "b", "c"])
    with pytest.raises(ValueError, match=r"one entry per time step \(3\); got 2"):
        plotting.plot_states(np.zeros((3, 4)), ["a", "b"])


@pytest.mark.parametrize("call, error, message", [
    (lambda: plotting.plot_sequence([1, 2], ax="axes"), TypeError, "ax must be a matplotlib Axes or None; got str"),
    (lambda: plotting.plot_sequence(["a", "b"]), TypeError, "values must be an array of real numbers; got dtype <U1"),
    (lambda: plotting.plot_tokens("ab", [1, 2]), TypeError, "tokens must be a list of str, not str"),
    (lambda: plotting.plot_tokens(["a"], [[1]]), ValueError, r"ids must be a 1-D list of ids; got shape \(1, 1\)"),
    (lambda: plotting.plot_tokens([], []), ValueError, "tokens must not be empty"),
    (lambda: plotting.plot_spectrogram(np.zeros(100), 8000, max_hz=-1), ValueError,
     "max_hz must be a positive number of Hz or None; got -1"),
    (lambda: plotting.plot_spectrogram(np.zeros(100), True), ValueError, "rate must be a positive int"),
    (lambda: plotting.plot_states(np.zeros((0, 4)), []), ValueError, r"states must be \(time, units\), not empty"),
    (lambda: plotting.plot_states(np.zeros((2, 4)), "ab"), TypeError, "words must be a list of str, not str"),
    (lambda: plotting.plot_lines([1, 2], [[1, 2]]), TypeError, "lines must be a non-empty dict of name -> values"),
    (lambda: plotting.plot_lines([1, 2], {}), TypeError, "lines must be a non-empty dict of name -> values"),
])
def test_plot_helpers_refuse_bad_arguments_clearly(call, error, message):
    with pytest.raises(error, match=message):
        call()


def test_plot_spectrogram_accepts_a_numpy_integer_rate():
    assert plotting.plot_spectrogram(np.sin(np.arange(800)), np.int64(8000)).get_xlabel() == "time (s)"


def test_plot_spectrogram_smooths_the_pulses_away_and_draws_a_colour_bar():
    rate = 8000
    pulses = np.zeros(2400)  # 0.3 s of clicks, 120 a second, each ringing at 1,000 Hz
    pulses[:: rate // 120] = 1.0
    wave = np.convolve(pulses, np.exp(-np.arange(80) / 20) * np.sin(2 * np.pi * 1000 * np.arange(80) / rate))[:2400]
    _, axes = plt.subplots(1, 2)
    rough = plotting.plot_spectrogram(wave, rate, ax=axes[0]).collections[0].get_array()
    smooth = plotting.plot_spectrogram(wave, rate, ax=axes[1], smooth=0.025, colorbar=True).collections[0].get_array()
    assert rough.shape == smooth.shape and smooth.max() == 0 and smooth.min() >= -50
    row = np.argmin(np.abs(np.linspace(0, rate / 2, rough.shape[0]) - 1000))  # the 1,000 Hz row
    middle = slice(rough.shape[1] // 4, 3 * rough.shape[1] // 4)
    assert np.ptp(smooth[row, middle]) < np.ptp(rough[row, middle]) / 3  # the stripes fade
    assert len(axes[1].figure.axes) == 3  # two plots and one colour bar
    _, grid = plt.subplots(2, 2)
    plotting.plot_spectrogram(wave, rate, ax=grid[1, 1], colorbar=grid[:, 1])  # one bar beside a column
    assert len(grid[1, 1].figure.axes) == 5 and grid[0, 1].get_position().x1 == grid[1, 1].get_position().x1
    assert plotting.plot_spectrogram(np.zeros(100), 8000).collections  # silence draws too


def test_plot_spectrogram_refuses_a_colour_bar_that_is_not_axes():
    with pytest.raises(TypeError, match="colorbar must be True, False or Axes; got 'yes'"):
        plotting.plot_spectrogram(np.zeros(800), 8000, colorbar="yes")


@pytest.mark.parametrize("smooth", [0, -0.1, 1.0, "a bit"])
def test_plot_spectrogram_refuses_a_bad_smoothing(smooth):
    with pytest.raises(ValueError, match="smooth must be a positive number of seconds"):
        plotting.plot_spectrogram(np.zeros(800), 8000, smooth=smooth)


def test_mark_formants_draws_and_labels_the_first_formants_of_each_vowel():
    _, ax = plt.subplots()
    assert plotting.mark_formants(ax, {"a": (730, 1090, 2440), "i": (270, 2290, 3010)}, seconds_each=0.3) is ax
    labels = [t.get_text() for t in ax.texts]
    assert labels == ["F1 730 Hz", "F2 1,090 Hz", "F1 270 Hz", "F2 2,290 Hz"]
    lines = ax.collections  # one dashed line per formant marked, inside its vowel's 0.3 s
    assert len(lines) == 4
    (start, y0), (end, y1) = lines[2].get_segments()[0]
    assert 0.3 < start < end < 0.6 and y0 == y1 == 270


@pytest.mark.parametrize("formants, seconds, error, message", [
    ({}, 0.3, TypeError, "non-empty dict of vowel -> formants"),
    ([(730, 1090)], 0.3, TypeError, "non-empty dict of vowel -> formants"),
    ({"a": (730, 1090)}, 0, ValueError, "seconds_each must be a positive number"),
    ({"a": ("low", "high")}, 0.3, TypeError, r"formants\['a'\] must be an array of real numbers"),
])
def test_mark_formants_refuses_bad_input(formants, seconds, error, message):
    _, ax = plt.subplots()
    with pytest.raises(error, match=message):
        plotting.mark_formants(ax, formants, seconds_each=seconds)
