"""The inspector: its content (the step's equations as data, from the engine's arrays),
its rich-text and plain-text renderings, and the dock widget."""
