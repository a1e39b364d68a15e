"""Importing the Palmer penguins file (``penguins_path`` of tests/gui/conftest.py) into a window
as File ▸ Import CSV… does, for the import and canvas tests."""

from gui.files.import_dialog import ImportDialog

#: The two penguin measurements the tests import as features.
FEATURES = ["bill_length_mm", "flipper_length_mm"]


def import_penguins(qtbot, window, path) -> bool:
    """Pick :data:`FEATURES` and the species in an ``ImportDialog`` on the file ``path``, accept
    it and apply the import to ``window`` (a ``MainWindow``); returns what
    ``window.apply_import`` returns (True: the points were replaced)."""
    dialog = ImportDialog(window, path=path)
    qtbot.addWidget(dialog)
    dialog.select(FEATURES, "species")
    dialog.accept()
    return window.apply_import(dialog.dataset, dialog.path)
