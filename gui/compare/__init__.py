"""A/B runs side by side: the Compare view, its dialog and workspace wiring."""
