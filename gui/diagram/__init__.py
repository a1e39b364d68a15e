"""The network diagram: neuron and edge items, layout and picking, phase animation,
thumbnails and the dead/saturated/exploding warnings."""
