"""Export: figures (PNG/SVG/PDF/clipboard), animations (GIF/MP4), data (CSV/JSON),
the File > Export menu and the headless figures of the CLI."""
