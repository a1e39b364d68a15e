"""Issue 13: the Data panel says what the data is (the session's DataSource, its counts) and
where the points go (filled = training, hollow = test); the share can be 100 % training."""

import numpy as np

from core.csv_io import read_csv


def texts(window):
    panel = window.data_panel
    return panel.source_label.text(), panel.split_label.text()


def test_after_drawing_the_panel_and_the_scene_never_say_circle_500(window):
    source, split = texts(window)
    assert source == "Circle · 500 points"
    assert split == ("300 training (filled) · 100 validation (square) · 100 test (hollow) · "
                     "new points: 60 % training, 20 % validation")
    window.drawing.clear()
    rng = np.random.default_rng(0)
    for i in range(30):
        window.drawing.set_class(i % 2)
        window.drawing.add_at(*rng.uniform(-4, 4, 2))
    session = window.controller.session
    n_train = int(np.count_nonzero(session.points.train))
    n_validation = int(np.count_nonzero(session.points.validation))
    assert texts(window) == ("drawn · 30 points", f"{n_train} training (filled) · "
                             f"{n_validation} validation (square) · "
                             f"{30 - n_train - n_validation} test (hollow) · new points: "
                             f"60 % training, 20 % validation")
    scene = window.scene_files.scene_dict()
    assert scene["data_source"]["kind"] == "drawn" and scene["data_source"]["rows"] == 30
    window.drawing.erase_at(*session.points.X[0])  # erasing counts too
    assert texts(window)[0] == "drawn · 29 points"
    while window.undo_stack.canUndo():  # back to the generated circle
        window.undo_stack.undo()
    assert texts(window)[0] == "Circle · 500 points"
    assert window.scene_files.scene_dict()["data_source"] is None


def test_after_importing_penguins_the_panel_names_the_file_rows_and_dropped(window,
                                                                            penguins_path):
    dataset = read_csv(penguins_path, ["bill_length_mm", "flipper_length_mm"], "species")
    assert window.apply_import(dataset, penguins_path)
    source, _split = texts(window)
    kept, dropped = dataset.X.shape[0], dataset.dropped_rows
    assert source.startswith(f"penguins.csv · {kept} rows · {dropped} dropped · classes ")
    window.drawing.add_at(45.0, 200.0)  # a hand edit of the imported data
    assert texts(window)[0] == f"penguins.csv, edited · {kept + 1} points"
    assert window.scene_files.scene_dict()["data_source"]["kind"] == "drawn"


def test_drawn_points_can_all_be_training_and_the_panel_says_so(window):
    window.data_panel.controls["validation_fraction"].widget.setValue(0)
    control = window.data_panel.controls["train_fraction"]
    assert control.widget.maximum() == 100  # percent: 0 % test is allowed
    control.widget.setValue(100)
    session = window.controller.session
    assert session.data.train_fraction == 1.0 and session.points.train.all()
    window.drawing.clear()
    for x in np.linspace(-3, 3, 10):
        window.drawing.add_at(x, 0.5 * x)
    assert session.points.train.all() and len(session.points) == 10
    assert texts(window) == ("drawn · 10 points",
                             "10 training (filled) · 0 test (hollow) · new points: 100 % "
                             "training")


def test_after_an_import_the_generator_rows_are_gone_and_regenerate_says_what_it_does(
        window, penguins_path):
    """Issue 13 item 7: after a CSV import the panel showed "Data set: XOR, number of points
    200, noise 0 %" beside 342 penguin rows, and a Regenerate that would throw them away."""
    panel = window.data_panel
    panel.show()
    controls = panel.controls

    def shown(name):
        return controls[name].widget.isVisibleTo(panel)

    assert shown("preset") and shown("n_points") and shown("noise")
    assert panel.regenerate_button.text() == "Regenerate"
    dataset = read_csv(penguins_path, ["bill_length_mm", "flipper_length_mm"], "species")
    assert window.apply_import(dataset, penguins_path)
    assert not shown("preset") and not shown("n_points") and not shown("noise")
    assert not controls["noise"].label.isVisibleTo(panel)
    assert shown("train_fraction") and shown("seed")
    preset = panel.controls["preset"].widget.currentText()
    assert panel.regenerate_button.text() == f"Use {preset} instead"
    assert panel.source_label.text().startswith("penguins.csv")
    window.undo_stack.undo()  # back to the generated points
    assert shown("preset") and panel.regenerate_button.text() == "Regenerate"
