"""Test data for the CSV tests: a file shaped like the raw Palmer penguins export."""

import csv
from pathlib import Path

import numpy as np

RAW_COLUMNS = ["studyName", "Sample Number", "Species", "Region", "Island", "Stage",
               "Individual ID", "Clutch Completion", "Date Egg", "Culmen Length (mm)",
               "Culmen Depth (mm)", "Flipper Length (mm)", "Body Mass (g)", "Sex",
               "Delta 15 N (o/oo)", "Delta 13 C (o/oo)", "Comments"]
RAW_SPECIES = {"Adelie": "Adelie Penguin (Pygoscelis adeliae)",
               "Chinstrap": "Chinstrap penguin (Pygoscelis antarctica)",
               "Gentoo": "Gentoo penguin (Pygoscelis papua)"}


def raw_penguins_export(path: Path, source: Path) -> Path:
    """A CSV shaped like the raw Palmer penguins export (17 columns in the order of the LTER
    file), built from the real measurements of `source` (the cleaned penguins.csv): ids,
    study names, dates, isotopes and comments are synthesized, the measurements are real."""
    with open(source, encoding="utf-8", newline="") as f:
        clean = list(csv.DictReader(f))
    rng = np.random.default_rng(7)
    rows = []
    for i, row in enumerate(clean):
        year = int(row["year"])
        na = row["bill_length_mm"] == "NA"
        comment = ("Adult not sampled." if na else
                   "Nest never observed with full clutch." if i % 23 == 5 else
                   "Not enough blood for isotopes." if i % 31 == 7 else "")
        rows.append([
            {2007: "PAL0708", 2008: "PAL0809", 2009: "PAL0910"}[year], str(i + 1),
            RAW_SPECIES[row["species"]], "Anvers", row["island"], "Adult, 1 Egg Stage",
            f"N{i // 2 + 1}A{i % 2 + 1}", "No" if i % 9 == 4 else "Yes",
            f"11/{i % 27 + 1}/{year % 100:02d}", row["bill_length_mm"], row["bill_depth_mm"],
            row["flipper_length_mm"], row["body_mass_g"],
            {"male": "MALE", "female": "FEMALE"}.get(row["sex"], "NA"),
            "NA" if na or i % 40 == 3 else f"{rng.normal(8.7, 0.55):.5f}",
            "NA" if na or i % 40 == 3 else f"{rng.normal(-25.7, 0.8):.5f}", comment])
    with open(path, "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(RAW_COLUMNS)
        writer.writerows(rows)
    return path
