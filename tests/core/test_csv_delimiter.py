"""CSV delimiter: detected among comma, semicolon, tab and pipe, reported as data, or chosen."""

import pytest

from core.csv_io import (DELIMITERS, CsvDialect, DelimiterGuess, csv_columns, detect_delimiter,
                         guess_columns, read_csv)
from tests.core.test_csv import PENGUINS


def lines_of(text: str) -> list[str]:
    return text.splitlines()


def penguins_with(delimiter: str, tmp_path, name: str = "penguins.csv"):
    """The penguins file with ``delimiter`` between its fields (it has no quoted cells)."""
    if not PENGUINS.exists():
        pytest.skip(f"{PENGUINS} not available")
    path = tmp_path / name
    path.write_text(PENGUINS.read_text(encoding="utf-8").replace(",", delimiter),
                    encoding="utf-8")
    return path


# -- detection (pure) ---------------------------------------------------------------------
@pytest.mark.parametrize("delimiter", list(DELIMITERS))
def test_each_offered_delimiter_is_detected(delimiter):
    rows = [["x", "y", "species"], ["1.5", "2", "Adelie"], ["3", "4.25", "Gentoo"]]
    text = "\n".join(delimiter.join(row) for row in rows)
    assert detect_delimiter(lines_of(text)) == DelimiterGuess(delimiter, "detected")


def test_the_pipe_penguins_are_detected_and_split_into_their_eight_columns(tmp_path):
    path = penguins_with("|", tmp_path)
    header, rows, dialect = csv_columns(path, max_rows=5)
    assert dialect == CsvDialect("|", "detected", decimal_comma=False, bom=False)
    assert len(header) == 8 and header[:3] == ["species", "island", "bill_length_mm"]
    assert rows[0][:3] == ["Adelie", "Torgersen", "39.1"]
    assert guess_columns(header, csv_columns(path, max_rows=400)[1]).label == "species"
    dataset = read_csv(path, ["bill_length_mm", "flipper_length_mm"], "species")
    assert dataset.n_classes == 3 and dataset.X.shape == (342, 2) and dataset.dropped_rows == 2


def test_decimal_commas_do_not_make_a_semicolon_file_comma_separated():
    # csv.Sniffer alone proposes the comma here; the header decides
    lines = lines_of("länge;breite;art\n1,5;2,25;x\n-3,0;4;y\n")
    assert detect_delimiter(lines) == DelimiterGuess(";", "detected")


def test_a_delimiter_outside_the_offered_set_is_not_detected():
    # colons split every line into 3 fields, but only , ; tab | are offered
    lines = lines_of("a:b:c\n1:2:3\n4:5:6\n")
    assert detect_delimiter(lines) == DelimiterGuess(",", "assumed")


# -- failure paths ------------------------------------------------------------------------
def test_a_one_column_file_assumes_the_comma_and_guesses_no_columns(tmp_path):
    path = tmp_path / "one.csv"
    path.write_text("value\n1.5\n2\n3.25\n", encoding="utf-8")
    assert detect_delimiter(lines_of(path.read_text())) == DelimiterGuess(",", "assumed")
    header, rows, dialect = csv_columns(path)
    assert header == ["value"] and dialect.delimiter_source == "assumed"
    assert guess_columns(header, rows) == ([], None, ("one column",))


@pytest.mark.parametrize("text", [
    "Hello there, friend\nThis is just text; really\nno delimiters | here\n",  # prose
    "a,b;c|d\n1\n",  # a header split by every delimiter, a data line by none
])
def test_ambiguous_text_assumes_the_comma(text):
    assert detect_delimiter(lines_of(text)) == DelimiterGuess(",", "assumed")


def test_two_consistent_delimiters_resolve_to_the_sniffers_proposal_then_the_offered_order():
    # "," and "|" both split every line into 2 fields: the sniffer proposes the comma
    assert detect_delimiter(lines_of("a|b,c\n1|2,3\n4|5,6\n")) == DelimiterGuess(",", "detected")
    assert detect_delimiter(lines_of("a|b;c\n1|2;3\n4|5;6\n")).delimiter in {";", "|"}


def test_a_ragged_file_keeps_the_sniffed_delimiter_so_its_short_line_is_reported(tmp_path):
    path = tmp_path / "ragged.csv"
    rows = [f"{k}|{k % 7}|{'xy'[k % 2]}" for k in range(30)]
    rows[20] = "20|x"  # one short line among 30: the sniffer still proposes the pipe
    path.write_text("\n".join(["a|b|label", *rows]) + "\n", encoding="utf-8")
    assert csv_columns(path)[2].delimiter == "|"
    with pytest.raises(ValueError, match="line 22: 2 field"):
        read_csv(path, ["a", "b"], "label")


# -- a chosen delimiter -------------------------------------------------------------------
def test_a_chosen_delimiter_overrides_the_detected_one(tmp_path):
    path = penguins_with("|", tmp_path)
    header, rows, dialect = csv_columns(path, delimiter=",")
    assert len(header) == 1 and dialect == CsvDialect(",", "chosen", False, False)
    assert guess_columns(header, rows).why_no_label == ("one column",)
    assert csv_columns(path, delimiter="|")[2] == CsvDialect("|", "chosen", False, False)
    dataset = read_csv(path, ["bill_length_mm"], "species", delimiter="|")
    assert dataset.n_classes == 3
    with pytest.raises(ValueError, match="no column 'bill_length_mm'"):
        read_csv(path, ["bill_length_mm"], "species", delimiter=";")


def test_a_chosen_semicolon_reads_decimal_commas(tmp_path):
    path = tmp_path / "de.csv"
    path.write_text("x;y;k\n1,5;2;a\n2,5;3;b\n", encoding="utf-8")
    assert csv_columns(path, delimiter=";")[2] == CsvDialect(";", "chosen", True, False)
    assert read_csv(path, ["x", "y"], "k", delimiter=";").X[:, 0].tolist() == [1.5, 2.5]


@pytest.mark.parametrize("delimiter", [":", " ", ",;", ""])
def test_a_delimiter_outside_the_offered_set_is_refused(tmp_path, delimiter):
    path = tmp_path / "a.csv"
    path.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(ValueError, match="delimiter must be"):
        csv_columns(path, delimiter=delimiter)
    with pytest.raises(ValueError, match="delimiter must be"):
        read_csv(path, ["a"], "b", delimiter=delimiter)
