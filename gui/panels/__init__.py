"""The Data, Network and Training panels, built from the setting declarations of
core.settings, and the controls they are made of."""
