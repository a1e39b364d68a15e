"""Charts of training over time and of the weights: the loss curve, the per-layer
gradient norms and the weight/gradient heatmaps."""
