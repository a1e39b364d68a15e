"""The data canvas: points, drawing tools and their undo commands, the decision
boundary or prediction heatmap, and the overlays on it."""
