"""The hidden-space view (issue 15, part 2): the input plane's grid and the points carried
through the network stage by stage (``core.hidden_space``), with a stage slider, Play and the
projection chooser (``view.py``), and the words for the engine's codes (``texts.py``)."""
