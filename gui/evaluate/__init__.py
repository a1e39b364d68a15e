"""The Evaluate feature: the metrics view (confusion matrix, per-class table, ROC and
precision–recall curves with a decision threshold, regression errors) of issue 14."""
