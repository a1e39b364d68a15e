"""Explain: why did the network give this prediction?

- ``attribution_view``: the Attributions dock — gradient × input, integrated gradients and
  exact Shapley values of the selected sample's predicted class, permutation importance over
  the test split, and the Saliency toggle (computed by ``core.attribution_report`` in a
  worker thread);
- ``feature_bars``: one horizontal bar chart per method, one bar per network input;
- ``saliency_overlay``: ‖∂ŷ/∂x‖ over the canvas plane (wired to the canvas in
  ``gui.app_window.step_views``).
"""
