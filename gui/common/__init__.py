"""Pieces shared by several features: colours, themes, translation, the redraw gate,
worker threads, the neuron maps and the display names of the engine's codes. Nothing here imports a feature folder."""
