"""Pieces shared by several features: colours, themes, translation, the display names of the
engine's codes, the redraw gate, worker threads and the neuron maps. Nothing here imports a
feature folder."""
