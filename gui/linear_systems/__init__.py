"""The linear-systems feature (issue 15 part 4): Ax = b as lines in the plane, A as a map of the
grid, and gradient descent on ‖Ax − b‖² (engine: ``core.linear_systems``).

``view.LinearSystemView`` is the dock's widget; ``editor.SystemEditor`` the typed entries;
``plots`` the three pictures (lines with draggable handles, the transformed grid, the
descent path on the loss surface)."""
