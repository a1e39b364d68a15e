"""CSV import/export: real data, dialects, every error message, and a 1,000,000-row file."""

from pathlib import Path

import numpy as np
import pytest

from core.csv_io import CHUNK_ROWS, MAX_FEATURE_MAGNITUDE, CsvDialect, CsvError, ReadCancelled
from core.datasets import csv_columns, guess_columns, read_csv, write_csv
from core.session import Session
from tests.core.csv_helpers import raw_penguins_export

ROOT = Path(__file__).resolve().parents[2]
# The copy shipped with the app, else the shared original (Horst, Hill & Gorman 2020; CC0).
PENGUINS = next((p for p in (ROOT / "resources" / "data" / "penguins.csv",
                             ROOT.parent / "shared" / "data" / "penguins.csv") if p.exists()),
                ROOT / "resources" / "data" / "penguins.csv")
NUMERIC = ["bill_length_mm", "bill_depth_mm", "flipper_length_mm", "body_mass_g", "year"]


def write(tmp_path, text, name="data.csv", encoding="utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding) if isinstance(text, str) else text)
    return path


# -- the real data set --------------------------------------------------------------------
@pytest.fixture(scope="module")
def penguins_path():
    if not PENGUINS.exists():
        pytest.skip(f"{PENGUINS} not available")
    return PENGUINS


def test_penguins_bill_and_flipper_length_give_three_classes_and_two_dropped_rows(
        penguins_path):
    ds = read_csv(penguins_path, ["bill_length_mm", "flipper_length_mm"], "species")
    assert ds.task == "classification" and ds.n_classes == 3
    assert ds.class_names == ("Adelie", "Chinstrap", "Gentoo")
    assert ds.dropped_rows == 2 and ds.X.shape == (342, 2) and ds.y.shape == (342,)
    assert ds.X.dtype == np.float64 and ds.y.dtype == np.int64
    assert ds.feature_names == ("bill_length_mm", "flipper_length_mm")
    np.testing.assert_array_equal(ds.X[0], [39.1, 181.0])  # first data line of the file
    assert ds.y[0] == 0 and ds.y[-1] == 1  # Adelie first, Chinstrap last in the file
    np.testing.assert_array_equal(np.bincount(ds.y), [151, 68, 123])


def test_penguins_imports_with_any_two_numeric_columns(penguins_path):
    for i, first in enumerate(NUMERIC):
        for second in NUMERIC[i + 1:]:
            ds = read_csv(penguins_path, [first, second], "species")
            assert ds.n_classes == 3 and ds.X.shape[1] == 2
            assert ds.dropped_rows == (0 if {first, second} == {"year"} else 2)
            assert ds.X.shape[0] + ds.dropped_rows == 344


def test_penguins_sex_column_drops_its_na_rows(penguins_path):
    ds = read_csv(penguins_path, ["bill_length_mm"], "sex")
    assert ds.class_names == ("female", "male") and ds.dropped_rows == 11
    assert ds.X.shape == (333, 1)


def test_penguins_preview_lists_columns_and_first_rows(penguins_path):
    header, rows, dialect = csv_columns(penguins_path, max_rows=5)
    assert header[:3] == ["species", "island", "bill_length_mm"] and len(header) == 8
    assert len(rows) == 5 and rows[0][0] == "Adelie" and rows[3][2] == "NA"
    assert dialect == CsvDialect(",", "detected", decimal_comma=False, bom=False)


# -- dialects -----------------------------------------------------------------------------
def test_utf8_bom_is_accepted(tmp_path):
    path = write(tmp_path, "\ufeffx,y,label\n1,2,a\n3,4,b\n")
    ds = read_csv(path, ["x", "y"], "label")
    assert ds.feature_names == ("x", "y")  # the BOM is not part of the first name
    np.testing.assert_array_equal(ds.X, [[1, 2], [3, 4]])
    assert csv_columns(path)[2] == CsvDialect(",", "detected", decimal_comma=False, bom=True)


def test_semicolons_with_decimal_commas(tmp_path):
    path = write(tmp_path, "länge;breite;art\n1,5;2,25;x\n-3,0;4;y\n0,125;1e3;x\n")
    ds = read_csv(path, ["länge", "breite"], "art")
    np.testing.assert_array_equal(ds.X, [[1.5, 2.25], [-3.0, 4.0], [0.125, 1000.0]])
    np.testing.assert_array_equal(ds.y, [0, 1, 0])
    assert csv_columns(path)[2] == CsvDialect(";", "detected", decimal_comma=True, bom=False)


def test_tabs_quotes_blank_lines_and_padding(tmp_path):
    path = write(tmp_path, 'a\tb\t"the label"\n 1 \t"2.5"\t" x "\n\n3\t4\ty\n\n')
    ds = read_csv(path, ["a", "b"], "the label")
    np.testing.assert_array_equal(ds.X, [[1.0, 2.5], [3.0, 4.0]])
    assert ds.class_names == ("x", "y")


def test_na_spellings_are_dropped_and_counted(tmp_path):
    rows = ["1,2,a", "NA,2,a", "1,,b", "1,nan,b", "1,N/A,a", "1,2,NaN", "1,null,a", "4,5,b"]
    path = write(tmp_path, "p,q,c\n" + "\n".join(rows) + "\n")
    ds = read_csv(path, ["p", "q"], "c")
    assert ds.dropped_rows == 6 and ds.X.shape == (2, 2)
    np.testing.assert_array_equal(ds.y, [0, 1])


def test_na_in_unchosen_columns_is_ignored(tmp_path):
    path = write(tmp_path, "p,unused,q,c\n1,NA,2,a\n3,,4,b\n")
    assert read_csv(path, ["p", "q"], "c").dropped_rows == 0


# -- task inference -----------------------------------------------------------------------
def test_few_integer_labels_are_classes_in_numeric_order(tmp_path):
    path = write(tmp_path, "x,k\n" + "\n".join(f"{i},{[10, 2, 9][i % 3]}" for i in range(9)))
    ds = read_csv(path, ["x"], "k")
    assert ds.task == "classification" and ds.class_names == ("2", "9", "10")
    np.testing.assert_array_equal(ds.y[:3], [2, 0, 1])


def test_real_valued_or_many_integer_labels_are_regression(tmp_path):
    path = write(tmp_path, "x,t\n1,0.5\n2,1.5\n3,1.5\n")
    ds = read_csv(path, ["x"], "t")
    assert ds.task == "regression" and ds.n_classes == 0
    np.testing.assert_array_equal(ds.y, [0.5, 1.5, 1.5])
    many = write(tmp_path, "x,t\n" + "\n".join(f"{i},{i}" for i in range(20)), "many.csv")
    assert read_csv(many, ["x"], "t").task == "regression"


def test_explicit_task_overrides_inference(tmp_path):
    path = write(tmp_path, "x,t\n1,0\n2,1\n3,1\n")
    ds = read_csv(path, ["x"], "t", task="regression")
    assert ds.task == "regression" and ds.y.dtype == np.float64
    with pytest.raises(ValueError, match="task must be"):
        read_csv(path, ["x"], "t", task="ranking")


# -- errors: each cites what went wrong and where -----------------------------------------
def test_non_numeric_cell_cites_line_and_column(tmp_path):
    rows = ["39.1,181,Adelie"] * 5 + ["abc,190,Gentoo"]
    path = write(tmp_path, "bill_length_mm,flipper,species\n" + "\n".join(rows) + "\n")
    with pytest.raises(ValueError, match=r"line 7, column 'bill_length_mm': 'abc' is not a "
                                         r"number"):
        read_csv(path, ["bill_length_mm", "flipper"], "species")


def test_line_numbers_count_multi_line_quoted_fields(tmp_path):
    path = write(tmp_path, 'a,b,note\n1,2,"two\nlines"\n3,oops,x\n')
    with pytest.raises(ValueError, match="line 4, column 'b': 'oops'"):
        read_csv(path, ["a", "b"], "note")


@pytest.mark.parametrize("content", [b"", b"\xef\xbb\xbf", b"\n\n  \n"])
def test_empty_file_is_reported(tmp_path, content):
    path = write(tmp_path, content)
    with pytest.raises(ValueError, match="empty"):
        read_csv(path, ["a"], "b")
    with pytest.raises(ValueError, match="empty"):
        csv_columns(path)


def test_binary_garbage_is_reported_as_not_text(tmp_path):
    garbage = np.random.default_rng(0).integers(0, 256, 4096, dtype=np.uint8).tobytes()
    path = write(tmp_path, b"PK\x03\x04\x00\x00" + garbage)
    with pytest.raises(ValueError, match="binary, not UTF-8 text"):
        read_csv(path, ["a"], "b")


def test_non_utf8_text_is_reported_with_its_line(tmp_path):
    path = write(tmp_path, "a,b,city\n1,2,Köln\n3,4,Zürich\n", encoding="latin-1")
    with pytest.raises(ValueError, match="line 2: not UTF-8"):
        read_csv(path, ["a", "b"], "city")


def test_non_utf8_byte_far_into_the_file_is_reported(tmp_path):
    text = "a,b,c\n" + "1,2,x\n3,4,y\n" * 40_000
    path = write(tmp_path, text.encode() + "5,6,é\n".encode("latin-1"))
    with pytest.raises(ValueError, match="not UTF-8"):
        read_csv(path, ["a", "b"], "c")


def test_missing_column_lists_the_available_ones(tmp_path):
    path = write(tmp_path, "a,b,c\n1,2,x\n3,4,y\n")
    with pytest.raises(ValueError, match="line 1: no column 'd'; columns are: a, b, c"):
        read_csv(path, ["a", "d"], "c")
    with pytest.raises(ValueError, match="no column 'species'"):
        read_csv(path, ["a"], "species")


def test_only_one_class_is_reported(tmp_path):
    path = write(tmp_path, "a,b,c\n1,2,x\n3,4,x\n5,6,NA\n")
    with pytest.raises(ValueError, match="column 'c' has only one class \\('x'\\)"):
        read_csv(path, ["a", "b"], "c")


def test_fifty_classes_are_too_many_and_the_message_says_fifty(tmp_path):
    path = write(tmp_path, "a,b,c\n" + "\n".join(f"{i},{i % 7},k{i % 50}" for i in range(200)))
    with pytest.raises(ValueError, match="column 'c' has 50 classes; at most 8"):
        read_csv(path, ["a", "b"], "c")
    numeric = write(tmp_path, "a,c\n" + "\n".join(f"{i},{i % 50}" for i in range(200)), "n.csv")
    with pytest.raises(ValueError, match="has 50 classes"):
        read_csv(numeric, ["a"], "c", task="classification")


def test_fewer_than_two_usable_rows(tmp_path):
    for text in ("a,b,c\n1,2,x\n", "a,b,c\n1,2,x\n3,NA,y\n", "a,b,c\n"):
        path = write(tmp_path, text)
        with pytest.raises(ValueError, match="usable data row.*need at least 2"):
            read_csv(path, ["a", "b"], "c")


def test_all_na_column_is_named(tmp_path):
    path = write(tmp_path, "a,b,c\n1,NA,x\n2,,y\n3,nan,x\n")
    with pytest.raises(ValueError, match="column 'b' has no values: all 3 data rows are "
                                         "empty or NA"):
        read_csv(path, ["a", "b"], "c")


def test_short_row_and_infinite_values_cite_their_line(tmp_path):
    path = write(tmp_path, "a,b,c\n1,2,x\n3,4\n")
    with pytest.raises(ValueError, match="line 3: 2 field\\(s\\), but the header has 3"):
        read_csv(path, ["a", "b"], "c")
    path = write(tmp_path, "a,b,c\n1,2,x\n3,-inf,y\n")
    with pytest.raises(ValueError, match="line 3, column 'b': '-inf' is not a finite number"):
        read_csv(path, ["a", "b"], "c")


@pytest.mark.parametrize("rows", [
    ["1e308,1,x", "-1e308,2,y", "5,3,x", "1.7e308,4,y"],  # the mean overflows
    ["1,1,x", "2,2,y", "3,3,x", "4,-2e100,y"],  # x2² overflows in its standard deviation
])
def test_a_feature_too_large_to_standardize_names_its_column_and_line(tmp_path, rows):
    path = write(tmp_path, "a,b,c\n" + "\n".join(rows) + "\n")
    with pytest.raises(CsvError) as info:
        read_csv(path, ["a", "b"], "c")
    assert info.value.code == "too_large"
    column, line = ("a", 2) if rows[0].startswith("1e308") else ("b", 5)
    assert info.value.values["column"] == column and info.value.values["line"] == line
    assert f"line {line}, column '{column}'" in str(info.value)


def test_features_up_to_the_limit_standardize_to_finite_numbers(tmp_path):
    big = f"{MAX_FEATURE_MAGNITUDE:.0e}"
    path = write(tmp_path, f"a,b,c\n{big},-{big},x\n-{big},{big},y\n0,1,x\n")
    session = Session()
    session.load_dataset(read_csv(path, ["a", "b"], "c"))
    session.set_data_settings(features=("x1", "x2", "x1^2", "x2^2", "x1*x2"))
    assert np.all(np.isfinite(session.X_train)) and np.all(np.isfinite(session.X_test))


def test_string_targets_cannot_be_regression(tmp_path):
    path = write(tmp_path, "a,t\n1,0.5\n2,high\n")
    with pytest.raises(ValueError, match="line 3, column 't': 'high' is not a number"):
        read_csv(path, ["a"], "t", task="regression")


def test_bad_column_choices(tmp_path):
    path = write(tmp_path, "a,a,c\n1,2,x\n3,4,y\n")
    with pytest.raises(ValueError, match="appears 2 times"):
        read_csv(path, ["a"], "c")
    with pytest.raises(ValueError, match="both a feature and the label"):
        read_csv(path, ["c"], "c")
    with pytest.raises(ValueError, match="at least one"):
        read_csv(path, [], "c")


# -- export -------------------------------------------------------------------------------
def test_write_then_read_gives_the_same_numbers(tmp_path):
    rng = np.random.default_rng(0)
    X = rng.normal(size=(50, 2)) * [1e-3, 1e4]
    y = rng.integers(0, 3, 50)
    path = tmp_path / "out.csv"
    write_csv(path, X, y, ["x1", "x2"], "class", class_names=["cat", "dog", "eel"])
    ds = read_csv(path, ["x1", "x2"], "class")
    np.testing.assert_array_equal(ds.X, X)
    np.testing.assert_array_equal(ds.y, y)
    assert ds.class_names == ("cat", "dog", "eel")
    targets = rng.normal(size=50)
    write_csv(path, X[:, :1], targets, ["x"], "t")
    back = read_csv(path, ["x"], "t")
    assert back.task == "regression"
    np.testing.assert_array_equal(back.y, targets)
    with pytest.raises(ValueError):
        write_csv(path, X, y[:3], ["x1", "x2"], "class")


# -- size ---------------------------------------------------------------------------------
def test_one_million_rows_import_completely(tmp_path):
    """Every row of a 1,000,000-row file arrives, in order (the time it takes is measured by
    benchmarks/bench_import.py, not asserted here)."""
    rng = np.random.default_rng(1)
    block_X = np.round(rng.normal(size=(1000, 2)), 6)
    block_y = rng.integers(0, 3, 1000)
    block = "".join(f"{a!r},{b!r},{c}\n" for (a, b), c in zip(block_X.tolist(),
                                                             block_y.tolist(), strict=True))
    path = tmp_path / "big.csv"
    path.write_text("f1,f2,label\n" + block * 1000, encoding="utf-8")
    reports = []
    ds = read_csv(path, ["f1", "f2"], "label", progress=lambda *report: reports.append(report))
    assert ds.X.shape == (1_000_000, 2) and ds.n_classes == 3
    np.testing.assert_array_equal(ds.X[-1000:], block_X)
    np.testing.assert_array_equal(ds.y[:1000], block_y)
    # read in chunks, each reported: a caller can keep its window responsive in between
    assert len(reports) == -(-1_000_000 // CHUNK_ROWS)
    assert reports[-1] == (1_000_000, 1.0)


def test_progress_reports_every_chunk_in_order(tmp_path):
    n = 3 * CHUNK_ROWS + 5
    path = write(tmp_path, "x,t\n" + "".join(f"{k % 7},{k % 2}\n" for k in range(n)))
    reports = []
    ds = read_csv(path, ["x"], "t", progress=lambda rows, fraction: reports.append(
        (rows, fraction)))
    assert len(ds.X) == n
    assert [rows for rows, _ in reports] == [CHUNK_ROWS, 2 * CHUNK_ROWS, 3 * CHUNK_ROWS, n]
    fractions = [fraction for _, fraction in reports]
    assert fractions == sorted(fractions) and 0.0 < fractions[0] and fractions[-1] == 1.0


def test_progress_returning_false_cancels_the_read(tmp_path):
    path = write(tmp_path, "x,t\n" + "".join(f"{k},{k % 2}\n" for k in range(3 * CHUNK_ROWS)))
    calls = []

    def stop_after_two(rows, fraction):
        calls.append(rows)
        return len(calls) < 2

    with pytest.raises(ReadCancelled, match=f"cancelled after {2 * CHUNK_ROWS} rows"):
        read_csv(path, ["x"], "t", progress=stop_after_two)
    assert calls == [CHUNK_ROWS, 2 * CHUNK_ROWS]  # nothing more was read


def test_bad_cell_deep_in_a_large_file_cites_its_line(tmp_path):
    path = tmp_path / "big_bad.csv"
    path.write_text("f1,f2,label\n" + "0.5,1.25,a\n1.5,-2,b\n" * 150_000 + "7,x7,a\n")
    with pytest.raises(ValueError, match="line 300002, column 'f2': 'x7' is not a number"):
        read_csv(path, ["f1", "f2"], "label")


def test_large_file_with_scattered_na_rows_keeps_every_other_row_in_order(tmp_path):
    # Chunks with a missing cell are read row by row, the others column-wise; both must agree.
    n = 30_000
    rng = np.random.default_rng(2)
    X = np.round(rng.normal(size=(n, 2)), 4)
    labels = np.array(["b", "a", "c"])[rng.integers(0, 3, n)]
    missing = {5, 9000, 9001, 29_999}
    lines = [f"{a!r},{'NA' if i in missing else repr(b)},{c}"
             for i, ((a, b), c) in enumerate(zip(X.tolist(), labels.tolist(), strict=True))]
    path = write(tmp_path, "p,q,label\n" + "\n".join(lines) + "\n")
    ds = read_csv(path, ["p", "q"], "label")
    keep = np.array([i not in missing for i in range(n)])
    assert ds.dropped_rows == 4 and ds.class_names == ("a", "b", "c")
    np.testing.assert_array_equal(ds.X, X[keep])
    np.testing.assert_array_equal(ds.y, np.searchsorted(["a", "b", "c"], labels[keep]))


# -- guessing the feature and label columns -------------------------------------------------
def guess_file(path, max_rows: int = 10_000):
    header, rows, _ = csv_columns(path, max_rows=max_rows)
    return guess_columns(header, rows)


def test_raw_penguins_export_guesses_a_measurement_pair_and_the_species(tmp_path,
                                                                          penguins_path):
    path = raw_penguins_export(tmp_path / "penguins_raw.csv", penguins_path)
    guess = guess_file(path)
    assert guess.label == "Species"  # not studyName, the first text column
    assert guess.features == ["Culmen Length (mm)", "Culmen Depth (mm)"]  # not Sample Number
    assert guess.why_no_label == ()
    ds = read_csv(path, guess.features, guess.label)  # and the guess imports
    assert ds.n_classes == 3 and ds.X.shape == (342, 2)


def test_without_a_target_name_the_last_text_column_with_two_to_eight_values_is_the_label(
        tmp_path):
    rows = [f"{k},{k * 0.5:.1f},{(k * 7) % 11 * 0.3:.1f},{'rgb'[k % 3]},name{k}"
            for k in range(1, 41)]
    path = write(tmp_path, "\n".join(["id,u,v,colour,name", *rows]) + "\n")
    guess = guess_file(path)
    assert guess.label == "colour"  # the only one; not the unique "name"
    assert guess.features == ["u", "v"]  # not the row id
    rows = [f"{'ab'[k % 2]},{k * 0.5:.1f},{(k * 7) % 11 * 0.3:.1f},{'pqr'[k % 3]}"
            for k in range(40)]
    path = write(tmp_path, "\n".join(["site,u,v,colour", *rows]) + "\n", "two.csv")
    assert guess_file(path).label == "colour"  # the last of two candidates


def test_a_target_name_wins_wherever_the_column_is(tmp_path):
    rows = [f"{'yn'[k % 2]},{'ab'[k % 3 == 0]},{k * 0.5:.1f},{k % 4 * 1.5},{'pq'[k % 5 == 0]}"
            for k in range(40)]
    header = "Clutch,Class Label,u,v,Colour"
    assert guess_file(write(tmp_path, "\n".join([header, *rows]) + "\n")).label == "Class Label"
    numeric = [f"{k % 2},{k * 0.5:.1f},{k % 7 * 1.5}" for k in range(40)]
    guess = guess_file(write(tmp_path, "\n".join(["target,u,v", *numeric]) + "\n", "n.csv"))
    assert guess.label == "target" and guess.features == ["u", "v"]


@pytest.mark.parametrize("ids", ["consecutive", "restarting", "shuffled"])
def test_an_id_like_numeric_column_is_never_a_feature(tmp_path, ids):
    n = 60
    values = {"consecutive": np.arange(1, n + 1), "restarting": np.r_[1:31, 1:31],
              "shuffled": np.random.default_rng(3).permutation(np.arange(1000, 1000 + 7 * n, 7))
              }[ids]
    rows = [f"{values[k]},{k % 9 * 0.25},{'ab'[k % 2]}" for k in range(n)]
    guess = guess_file(write(tmp_path, "\n".join(["record,u,kind", *rows]) + "\n"))
    assert guess.features == ["u"] and guess.label == "kind"
    # even with no other numeric column, an id is not guessed as a feature
    rows = [f"{values[k]},{'ab'[k % 2]}" for k in range(n)]
    guess = guess_file(write(tmp_path, "\n".join(["record,kind", *rows]) + "\n", "ids.csv"))
    assert "record" not in guess.features and guess.label == "kind"


def test_integer_measurements_with_repeats_stay_features(tmp_path, penguins_path):
    header, rows, _ = csv_columns(penguins_path, max_rows=400)
    guess = guess_columns(header, rows)
    assert guess.label == "species"
    assert guess.features == ["bill_length_mm", "bill_depth_mm"]
    columns = ["flipper_length_mm", "body_mass_g", "year"]
    kept = [[row[header.index(c)] for c in columns] for row in rows]
    guess = guess_columns(columns + ["species"], [r + [row[0]] for r, row in zip(kept, rows)])
    assert guess.features == ["flipper_length_mm", "body_mass_g"]


def test_empty_and_single_valued_columns_are_never_the_label():
    rows = [[f"{k * 0.1:.1f}", str(k % 3), "NA", "cm"] for k in range(30)]
    guess = guess_columns(["x1", "x2", "label", "unit"], rows)
    assert guess.label is None  # "label" is all NA, "unit" has one value
    assert guess.why_no_label == ("one class", "unit", "cm")
    assert guess.features == ["x1", "x2"]
    guess = guess_columns(["a", "b"], [["1", "NA"], ["1", "NA"]])
    assert guess.label is None and guess.why_no_label == ("no values",)


def test_y_as_a_coordinate_does_not_hide_the_label_column():
    numeric = [[f"{k * 0.1:.1f}", f"{(k * 7) % 13 * 0.5:.1f}", str(k % 2)] for k in range(40)]
    guess = guess_columns(["x", "y", "label"], numeric)
    assert guess.label == "label" and guess.features == ["x", "y"]
    one_species = [[f"{k * 0.1:.1f}", f"{k * 0.2:.1f}", "Adelie"] for k in range(30)]
    guess = guess_columns(["x", "y", "species"], one_species)  # say why, guess no coordinate
    assert guess.label is None and guess.why_no_label == ("one class", "species", "Adelie")
    dated = [[f"{k * 0.1:.1f}", f"{k % 7 * 0.5}", f"2024-01-{k % 28 + 1:02d}", str(k % 2)]
             for k in range(40)]
    guess = guess_columns(["x1", "x2", "date", "y"], dated)  # a many-valued text column
    assert guess.label == "y" and guess.features == ["x1", "x2"]
