"""In Simplified Chinese, no visible text is left in English (issue 6: "all user-visible strings
go through Qt's translation system").

The window is taken through its main states (each phase, many steps, a selected neuron, every
dock open, a 3-class CSV lesson, the (w, b) surface, presenter mode) and every text a user can
see is collected: menus, actions and tool tips, labels, buttons, tabs, combo-box items, group
boxes, the status bar, the inspector, and the text items drawn inside the plots. A text fails
when it still holds an English word that is not one of the technical terms below, which are
written the same way in Chinese teaching material.
"""

import re

import pyqtgraph as pg
import pytest
from PySide6 import QtGui, QtWidgets

from core.workspace_names import WORKSPACES
from tests.gui import classroom_helpers

classroom = classroom_helpers.classroom
isolated_settings = classroom_helpers.isolated_settings
shared_window = classroom_helpers.shared_window

WORD = re.compile(r"[A-Za-z][A-Za-z']{2,}")
#: Latin subscripts of formulas (J_data, θ_start, mean_k; issue 13: formulas keep them), also as
#: the plain text of rich text shows them: Σ<sub>batch</sub> → "Σbatch", mean<sub>k</sub> → "meank".
SUBSCRIPT = re.compile(r"(?<=\S)_\{?[A-Za-z]+\}?|(?<=Σ)[A-Za-z]+|(?<=mean)[a-z](?![A-Za-z])")
#: A deliberate English gloss in full-width parentheses: 轮（epoch）, 偏置（bias，部分教程称“偏差”）.
GLOSS = re.compile(r"（[A-Za-z][A-Za-z \-]*(?=[，）])")
#: Words that stay as they are in a Chinese UI: names of functions, optimizers and file formats,
#: keys, symbols of the formulas, authors of cited papers, the app's own name.
TERMS = {
    # activations, losses and layers (as written in Chinese textbooks)
    "ReLU", "relu", "Leaky", "leaky", "tanh", "sigmoid", "softmax", "softplus", "GELU", "gelu",
    "ELU", "elu", "swish", "logits", "dropout", "Dropout", "epoch", "mse", "bce", "linear",
    # optimizers and initializers (names of methods and of their authors)
    "SGD", "sgd", "Adam", "adam", "RMSprop", "rmsprop", "Nesterov", "nesterov", "momentum",
    "Xavier", "Glorot", "Kaiming", "PCA", "lstsq", "linalg",
    # mathematics and number formats
    "log", "exp", "sin", "cos", "sign", "max", "min", "argmax", "mean", "diag", "float", "nan",
    "inf",
    "det", "cond", "solve",  # det A, cond(A), np.linalg.solve (the linear-system view)
    "XOR",
    # evaluation metrics (the abbreviations Chinese textbooks keep: ROC 曲线, AUC, MSE, MAE)
    "ROC", "AUC", "MSE", "MAE",
    # file formats, keys, languages, the product
    "CSV", "UTF", "PNG", "SVG", "PDF", "GIF", "MP4", "JSON", "Ctrl", "Shift", "Space", "Del", "Esc",
    "Alt", "English", "Backprop", "Playground", "PyTorch",
    # cited sources
    "Horst", "Hill", "Gorman", "Goodfellow", "Kingma", "Li", "Ioffe", "Szegedy",
    "Shapley",  # Shapley 值 (Shapley 1953), as the attribution view's translations write it
}


def english_words(text: str, data_names: set[str]) -> list[str]:
    """English words of ``text`` that should have been translated."""
    plain = re.sub(r"<[^>]*>|&nbsp;", " ", text)
    for name in sorted(data_names, key=len, reverse=True):  # the user's data: a CSV's
        # file, column and class names
        plain = plain.replace(name, " ")
    plain = GLOSS.sub(" ", SUBSCRIPT.sub(" ", plain))
    return [w for w in WORD.findall(plain) if w not in TERMS]


def visible_texts(window) -> list[str]:
    """Every text of ``window`` a user can see (see the module docstring)."""
    texts = []
    for action in window.findChildren(QtGui.QAction):
        if action.isVisible():
            texts += [action.text(), action.toolTip()]
    for menu in window.findChildren(QtWidgets.QMenu):
        texts.append(menu.title())
    for widget in [window, *window.findChildren(QtWidgets.QWidget)]:
        if not widget.isVisible() or isinstance(widget, QtWidgets.QMenu):
            continue
        texts.append(widget.toolTip())
        if isinstance(widget, QtWidgets.QLabel | QtWidgets.QAbstractButton):
            texts.append(widget.text())
        elif isinstance(widget, QtWidgets.QGroupBox):
            texts.append(widget.title())
        elif isinstance(widget, QtWidgets.QDockWidget | QtWidgets.QMainWindow):
            texts.append(widget.windowTitle())
        elif isinstance(widget, QtWidgets.QTabBar):
            texts += [widget.tabText(i) for i in range(widget.count())]
        elif isinstance(widget, QtWidgets.QComboBox):
            texts += [widget.itemText(i) for i in range(widget.count())]
        elif isinstance(widget, QtWidgets.QTextEdit | QtWidgets.QPlainTextEdit):
            texts.append(widget.toPlainText())
        elif isinstance(widget, QtWidgets.QAbstractSpinBox):
            texts += [widget.specialValueText(), widget.suffix() if hasattr(widget, "suffix")
                      else ""]
        elif isinstance(widget, QtWidgets.QStatusBar):
            texts.append(widget.currentMessage())
    for view in window.findChildren(QtWidgets.QGraphicsView):
        for item in view.scene().items():
            if not item.isVisible():
                continue
            texts.append(item.toolTip())
            if isinstance(item, pg.AxisItem):
                texts.append(item.labelText)
            elif isinstance(item, QtWidgets.QGraphicsTextItem):
                texts.append(item.toPlainText())
            elif isinstance(item, QtWidgets.QGraphicsSimpleTextItem):
                texts.append(item.text())
            elif isinstance(item, pg.LabelItem):
                texts.append(item.text)
    return [t for t in texts if isinstance(t, str) and t]


def untranslated(window, state: str, found: dict) -> None:
    QtWidgets.QApplication.processEvents()
    session = window.controller.session
    data_names = {*(session.feature_names or ()), *(session.class_names or ())}
    source = session.data_source  # the imported file's name is the user's data too
    if source is not None and source.file:
        data_names.add(source.file)
    for text in visible_texts(window):
        words = english_words(text, data_names)
        if words:
            found.setdefault(text.strip()[:160], (state, words[:4]))


@pytest.fixture
def no_questions(monkeypatch):
    """Loading a lesson over a changed scene would ask to save it: answer Discard."""
    monkeypatch.setattr(QtWidgets.QMessageBox, "question",
                        staticmethod(lambda *a, **k: QtWidgets.QMessageBox.StandardButton.Discard))


def test_nothing_visible_stays_english_in_chinese(classroom, no_questions):
    window = classroom
    controller = window.controller
    for dock in window.findChildren(QtWidgets.QDockWidget):
        dock.show()
    window.language_menu.actions["zh_CN"].trigger()
    found: dict = {}
    untranslated(window, "start", found)
    for name, phase in (("forward", controller.forward), ("backward", controller.backward),
                        ("update", controller.update)):
        phase()
        untranslated(window, name, found)
    for _ in range(20):
        controller.step()
    controller.select_neuron((1, 0))
    untranslated(window, "20 steps, neuron selected", found)
    for name in WORKSPACES:  # each workspace's own bars (the settings strip, …)
        window.workspaces.apply(name)
        untranslated(window, f"workspace {name}", found)
    for dock in window.findChildren(QtWidgets.QDockWidget):
        dock.show()
    window.lessons_menu.load("penguins-standardized")
    for _ in range(5):
        controller.step()
    untranslated(window, "penguins", found)
    window.lessons_menu.load("linear-regression")
    untranslated(window, "linear regression", found)
    window.presenter_mode.set_active(True)
    untranslated(window, "presenter", found)
    report = "\n".join(f"[{state}] {words} in {text!r}" for text, (state, words)
                       in sorted(found.items(), key=lambda item: item[1][0]))
    assert not found, f"{len(found)} texts still in English:\n{report}"


def test_the_checker_finds_english(classroom):
    """The test above can fail: in English the same collection finds many texts."""
    found: dict = {}
    untranslated(classroom, "english", found)
    assert len(found) > 20
    assert english_words("训练损失 0.5", set()) == []
    assert english_words("train loss 0.5", set()) == ["train", "loss"]
    assert english_words("bill_length_mm 是特征", {"bill_length_mm"}) == []
    assert english_words("J = J_data + 惩罚项，ℓ = mean_k，meank，Σbatch δ", set()) == []
    assert english_words("偏置（bias，部分教程称“偏差”）", set()) == []
    assert english_words("J_data (data loss)", set()) == ["data", "loss"]
