"""Opening a CSV file as a scene (File ▸ Open…, or app.py FILE) says it is not a scene and
where CSV data goes (File ▸ Import CSV…); the scene stays. A new user passed penguins.csv as
the FILE and read only "not valid JSON"."""

import app


def test_the_window_names_import_csv(window, penguins_path, monkeypatch):
    shown = []
    monkeypatch.setattr(window.scene_files, "_warn", lambda title, text: shown.append(text))
    session = window.controller.session
    assert window.scene_files.open_file(penguins_path, ask_to_save=False) is False
    assert "penguins.csv is not a usable scene file" in shown[-1]
    assert "File ▸ Import CSV…" in shown[-1]
    assert window.controller.session is session


def test_the_command_line_names_import_csv(penguins_path, tmp_path):
    message = app.scene_file_error(penguins_path)
    assert "not a usable scene file" in message and "File ▸ Import CSV…" in message
    broken = tmp_path / "broken.json"
    broken.write_text("{", encoding="utf-8")
    assert "Import CSV" not in app.scene_file_error(str(broken))  # a scene file: no hint
