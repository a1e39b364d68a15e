"""The main window: it builds every part in __init__, its menus, toolbars, status bar
and divergence banner, and the view registry the rest of the window reads."""
