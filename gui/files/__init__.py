"""Files in the window: scene files (new/open/save), autosave and crash recovery,
and the CSV import dialog."""
