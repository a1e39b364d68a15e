"""Run-time resources of Backprop Playground: lessons, data sets and compiled translations.

A package (not code): found through the import system with ``importlib.resources``
(``core.resource_files``), so a checkout, an installed wheel and a bundle look alike.
"""
