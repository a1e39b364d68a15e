"""Themes: light (default, best on projectors), dark, and high contrast (presenter mode).

On the first start the theme follows the system's colour scheme (:func:`remembered_theme`); a
choice made in View ▸ Theme is remembered and wins from then on.

A theme is plain data (:data:`THEMES`): window colours for a Fusion ``QPalette`` and the colours
of pyqtgraph plots (background, axes, text). :func:`apply_theme` sets the application palette,
recolours every plot already in the window (backgrounds, axes, legends, labels) and sets
pyqtgraph's defaults for plots created later. Class and value colours (Okabe–Ito, the
blue–white–orange diverging map, viridis) never change with the theme: they are the data.

Widgets of other modules that hard-code a grey text colour in their own style sheet
(``color: #555``) get the lightness of that colour mirrored in the dark theme, so hints stay
readable; the original style sheet is kept and restored for the light theme.

The network diagram and the inspector are not pyqtgraph views: they read the current theme's
``diagram_*``/``node_*`` colours and the presenter font scale from :func:`view_look`, and
:func:`apply_theme` asks every widget with an ``apply_view_look()`` method to restyle itself.
The inspector's rich text goes through :func:`themed_html` (colours and font sizes).
"""

from __future__ import annotations

from collections.abc import Callable

import re

import pyqtgraph as pg
from PySide6 import QtCore, QtGui, QtWidgets
from PySide6.QtCore import QCoreApplication

translate = QCoreApplication.translate

#: name → colours. "window"/"base"/"text"/"button"/"highlight" feed the QPalette; "plot_*" the
#: pyqtgraph views; "axis_width" the axis pen in pixels.
THEMES: dict[str, dict] = {
    "light": {"window": "#EFEFEF", "base": "#FFFFFF", "alternate": "#F5F5F5",
              "text": "#202020", "button": "#E8E8E8", "highlight": "#0072B2",
              "highlighted_text": "#FFFFFF", "disabled": "#9A9A9A", "link": "#0060A0",
              "plot_background": "#FFFFFF", "plot_foreground": "#202020",
              "axis": "#404040", "axis_width": 1.0,
              "diagram_background": "#FFFFFF", "diagram_title": "#303030",
              "diagram_value": "#202020", "diagram_outline": "#404040",
              "node_fill": "#FFFFFF", "node_lit": "#202020", "node_dim": "#B0B0B0"},
    "dark": {"window": "#2B2B2B", "base": "#1E1E1E", "alternate": "#262626",
             "text": "#E6E6E6", "button": "#3A3A3A", "highlight": "#3D8FD1",
             "highlighted_text": "#FFFFFF", "disabled": "#7A7A7A", "link": "#7CC0F5",
             "plot_background": "#1E1E1E", "plot_foreground": "#E0E0E0",
             "axis": "#C8C8C8", "axis_width": 1.0,
             "diagram_background": "#1E1E1E", "diagram_title": "#E0E0E0",
             "diagram_value": "#EAEAEA", "diagram_outline": "#C8C8C8",
             "node_fill": "#1E1E1E", "node_lit": "#D8D8D8", "node_dim": "#5C5C5C"},
    "high_contrast": {"window": "#FFFFFF", "base": "#FFFFFF", "alternate": "#F0F0F0",
                      "text": "#000000", "button": "#FFFFFF", "highlight": "#0000B0",
                      "highlighted_text": "#FFFFFF", "disabled": "#606060", "link": "#0000C0",
                      "plot_background": "#FFFFFF", "plot_foreground": "#000000",
                      "axis": "#000000", "axis_width": 2.0,
                      "diagram_background": "#FFFFFF", "diagram_title": "#000000",
                      "diagram_value": "#000000", "diagram_outline": "#000000",
                      "node_fill": "#FFFFFF", "node_lit": "#000000", "node_dim": "#909090"},
}
#: Themes the user picks in View ▸ Theme (high contrast belongs to presenter mode).
USER_THEMES = ("light", "dark")
DEFAULT_THEME = "light"

#: Extra style sheet per theme, applied to the main window (buttons, docks, tool bars).
STYLE_SHEETS = {
    "light": "",
    "dark": "QToolTip { color: #E6E6E6; background: #3A3A3A; border: 1px solid #5A5A5A; }",
    "high_contrast": (
        "QDockWidget::title { background: #D8D8D8; padding: 4px; }"
        "QToolBar { border-bottom: 2px solid #000000; }"
        "QToolButton { border: 2px solid #000000; border-radius: 4px; padding: 4px 10px;"
        " margin: 2px; font-weight: bold; }"
        "QToolButton:checked { background: #000000; color: #FFFFFF; }"
        "QToolButton:disabled { border-color: #A0A0A0; color: #A0A0A0; }"
    ),
}

#: The look of the non-pyqtgraph views (diagram, inspector): the current theme's colours,
#: its name and the presenter font scale. Replaced (never mutated) by :func:`apply_theme`.
_view_look: dict = {**THEMES[DEFAULT_THEME], "theme": DEFAULT_THEME, "font_scale": 1.0}
_HTML_COLOUR = re.compile(r"(?<![-\w])((?:background-)?color)\s*:\s*(#[0-9A-Fa-f]{6})\b")
_HTML_FONT_SIZE = re.compile(r"font-size\s*:\s*([0-9.]+)pt")
#: Lightness factor of the inspector's text colours in the high-contrast theme (darker).
_HIGH_CONTRAST_DARKEN = 0.55

#: pyqtgraph views (class names) that keep a light background in the dark theme.
PAPER_VIEWS = ("DataCanvas",)
_ORIGINAL_STYLE = "theme_original_style"
_COLOR_DECLARATION = re.compile(r"(?<![-\w])color\s*:\s*(#[0-9A-Fa-f]{3,6})")


def theme_label(name: str) -> str:
    """The menu text of a theme, translated."""
    return {"light": translate("Theme", "Light"), "dark": translate("Theme", "Dark"),
            "high_contrast": translate("Theme", "High contrast")}[name]


def make_palette(name: str) -> QtGui.QPalette:
    """A QPalette for theme ``name`` (KeyError for unknown names)."""
    t = THEMES[name]
    role = QtGui.QPalette.ColorRole
    palette = QtGui.QPalette()
    colour = QtGui.QColor
    for r, key in ((role.Window, "window"), (role.Base, "base"), (role.AlternateBase, "alternate"),
                   (role.Button, "button"), (role.Highlight, "highlight"),
                   (role.HighlightedText, "highlighted_text"), (role.Link, "link"),
                   (role.ToolTipBase, "base")):
        palette.setColor(r, colour(t[key]))
    for r in (role.WindowText, role.Text, role.ButtonText, role.ToolTipText):
        palette.setColor(r, colour(t["text"]))
    palette.setColor(role.PlaceholderText, colour(t["disabled"]))
    disabled = QtGui.QPalette.ColorGroup.Disabled
    for r in (role.WindowText, role.Text, role.ButtonText):
        palette.setColor(disabled, r, colour(t["disabled"]))
    return palette


def mirrored_lightness(code: str) -> str:
    """``code`` ('#RGB' or '#RRGGBB') with its HSL lightness mirrored (dark grey → light grey),
    hue and saturation kept."""
    c = QtGui.QColor(code)
    h, s, lightness, _a = c.getHsl()
    return QtGui.QColor.fromHsl(max(h, 0), s, 255 - lightness).name().upper()


def _adapt_inline_styles(root: QtWidgets.QWidget, name: str) -> None:
    """Dark theme: mirror the lightness of dark text colours in widgets' own style sheets."""
    for widget in root.findChildren(QtWidgets.QWidget):
        original = widget.property(_ORIGINAL_STYLE)
        sheet = original if original is not None else widget.styleSheet()
        if not sheet or "background" in sheet:
            continue  # own background: its colours already work together
        if name == "dark":
            widget.setProperty(_ORIGINAL_STYLE, sheet)
            widget.setStyleSheet(_COLOR_DECLARATION.sub(
                lambda m: f"color: {mirrored_lightness(m.group(1))}", sheet))
        elif original is not None:
            widget.setStyleSheet(original)
            widget.setProperty(_ORIGINAL_STYLE, None)


def style_plots(root: QtWidgets.QWidget, name: str) -> None:
    """Recolour every pyqtgraph view under ``root``: background, axes, legends, labels.

    Views in :data:`PAPER_VIEWS` stay on light "paper" in the dark theme: their data colours
    (dark regression points, tints fading to white) are made for a white background."""
    for view in root.findChildren(pg.GraphicsView):
        paper = name == "dark" and type(view).__name__ in PAPER_VIEWS
        _style_view(view, THEMES["light" if paper else name])


def _style_view(view: pg.GraphicsView, t: dict) -> None:
    foreground = t["plot_foreground"]
    axis_pen = pg.mkPen(t["axis"], width=t["axis_width"])
    text_pen = pg.mkPen(foreground)
    view.setBackground(t["plot_background"])
    for item in view.scene().items():
        if isinstance(item, pg.AxisItem):
            item.setPen(axis_pen)
            item.setTextPen(text_pen)
            if item.label is not None:
                item.label.setDefaultTextColor(QtGui.QColor(foreground))
        elif isinstance(item, pg.LegendItem):
            item.setLabelTextColor(foreground)
        elif isinstance(item, pg.LabelItem):
            item.setAttr("color", foreground)
            item.setText(item.text)


def view_look() -> dict:
    """The current colours (``THEMES`` keys), ``theme`` name and presenter ``font_scale`` of the
    network diagram and the inspector. Read-only: :func:`apply_theme` replaces it."""
    return _view_look


def themed_html(text: str, look: dict | None = None) -> str:
    """Rich text (the inspector's page, written for a white page at the normal font size) for
    ``look`` (default: the current :func:`view_look`): every ``font-size: Npt`` multiplied by the
    presenter font scale; in the dark theme the lightness of every colour mirrored (dark text
    becomes light, the light highlight behind a value dark), in high contrast text darkened."""
    look = _view_look if look is None else look
    scale = float(look.get("font_scale", 1.0))
    if scale != 1.0:
        text = _HTML_FONT_SIZE.sub(lambda m: f"font-size:{float(m.group(1)) * scale:g}pt", text)
    theme = look.get("theme", DEFAULT_THEME)
    if theme == "dark":
        text = _HTML_COLOUR.sub(lambda m: f"{m.group(1)}:{mirrored_lightness(m.group(2))}", text)
    elif theme == "high_contrast":
        def darker(m: re.Match) -> str:
            if m.group(1) != "color":
                return m.group(0)
            h, s, lightness, _a = QtGui.QColor(m.group(2)).getHsl()
            colour = QtGui.QColor.fromHsl(max(h, 0), s, int(lightness * _HIGH_CONTRAST_DARKEN))
            return f"color:{colour.name().upper()}"
        text = _HTML_COLOUR.sub(darker, text)
    return text


def _restyle_views(root: QtWidgets.QWidget) -> None:
    """Ask the diagram, the inspector (any widget with ``apply_view_look``) to restyle."""
    for widget in root.findChildren(QtWidgets.QWidget):
        restyle = getattr(type(widget), "apply_view_look", None)
        if callable(restyle):
            restyle(widget)


def apply_theme(window: QtWidgets.QWidget, name: str, font_scale: float = 1.0) -> None:
    """Apply theme ``name`` to the application and to every view inside ``window``.

    ``font_scale`` > 1 enlarges every widget font of the window (presenter mode). It goes into
    the window's style sheet: once a widget is under a style sheet, Qt no longer propagates
    ``QApplication.setFont`` to it, while a ``font-size`` rule reaches menus too.
    """
    if name not in THEMES:
        raise ValueError(f"unknown theme {name!r}; available: {', '.join(THEMES)}")
    t = THEMES[name]
    app = QtWidgets.QApplication.instance()
    app.setPalette(make_palette(name))
    sheet = STYLE_SHEETS[name]
    if font_scale != 1.0:
        size = app.font().pointSizeF() * font_scale
        sheet = f"QWidget {{ font-size: {size:.1f}pt; }} {sheet}"
    window.setStyleSheet(sheet)
    pg.setConfigOptions(background=t["plot_background"], foreground=t["plot_foreground"])
    style_plots(window, name)
    _adapt_inline_styles(window, name)
    global _view_look
    _view_look = {**t, "theme": name, "font_scale": float(font_scale)}
    _restyle_views(window)
    window.setProperty("theme", name)


def current_theme(window: QtWidgets.QWidget) -> str:
    return window.property("theme") or DEFAULT_THEME


class ThemeMenu(QtCore.QObject):
    """View ▸ Theme: Light / Dark (remembered in QSettings), added to ``menu``.

    ``presenting()`` is True while presenter mode keeps the high-contrast theme (a choice then
    applies when it ends). ``initial`` (default light) is applied at once.
    """

    SETTINGS_KEY = "ui/theme"

    def __init__(self, window: QtWidgets.QMainWindow, menu: QtWidgets.QMenu,
                 presenting: Callable[[], bool] = lambda: False,
                 initial: str | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.presenting = presenting
        self.menu = menu.addMenu(translate("Theme", "Theme"))
        self.menu.setObjectName("themeMenu")
        self.group = QtGui.QActionGroup(self)
        self.actions: dict[str, QtGui.QAction] = {}
        for name in USER_THEMES:
            action = self.menu.addAction(theme_label(name))
            action.setCheckable(True)
            action.triggered.connect(lambda _=False, name=name: self.choose(name))
            self.group.addAction(action)
            self.actions[name] = action
        self.actions[DEFAULT_THEME].setChecked(True)
        self.theme = DEFAULT_THEME
        self.choose(initial if initial in USER_THEMES else DEFAULT_THEME, remember=False)
        from gui.common.i18n import manager

        manager().languageChanged.connect(self.retranslate)  # bound: dies with the window

    def choose(self, name: str, remember: bool = True) -> None:
        """Switch to user theme ``name``; presenter mode keeps high contrast until it ends."""
        self.theme = name
        self.actions[name].setChecked(True)
        if not self.presenting():
            apply_theme(self.window, name)
        if remember:
            QtCore.QSettings().setValue(self.SETTINGS_KEY, name)

    def retranslate(self, _language: str = "") -> None:
        self.menu.setTitle(translate("Theme", "Theme"))
        for name, action in self.actions.items():
            action.setText(theme_label(name))


def system_color_scheme() -> QtCore.Qt.ColorScheme:
    """The system's colour scheme (``QStyleHints.colorScheme()``, Qt ≥ 6.5; ``Unknown`` before
    that or without an application). Tests replace this module attribute to simulate a system."""
    app = QtGui.QGuiApplication.instance()
    hints = app.styleHints() if app is not None else None
    if hints is None or not hasattr(hints, "colorScheme"):
        return QtCore.Qt.ColorScheme.Unknown
    return hints.colorScheme()


def system_theme(scheme: QtCore.Qt.ColorScheme | None = None) -> str:
    """The user theme for colour scheme ``scheme`` (default :func:`system_color_scheme`):
    ``Dark`` → ``"dark"``; ``Light`` and ``Unknown`` → ``"light"``."""
    scheme = system_color_scheme() if scheme is None else scheme
    return "dark" if scheme == QtCore.Qt.ColorScheme.Dark else DEFAULT_THEME


def remembered_theme() -> str:
    """The start-up theme: the one chosen in View ▸ Theme (QSettings), else the system's
    (:func:`system_theme`)."""
    value = QtCore.QSettings().value(ThemeMenu.SETTINGS_KEY, "")
    return value if value in USER_THEMES else system_theme()
