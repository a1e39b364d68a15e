"""The loss surface: the worker jobs, the presenter that wires them to the controller,
the 2-D, slice and 3-D views, contours and the controls (including the race)."""
