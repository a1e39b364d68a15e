"""The Qt front end (PySide6 + pyqtgraph). Imports ``core``; ``core`` never imports this."""
