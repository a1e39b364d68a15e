"""Classroom features: the lessons menu and notes, presenter mode, predict-then-reveal
and the shortcut table."""
