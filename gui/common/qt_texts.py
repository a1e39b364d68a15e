"""Texts of Qt's own dialogs that the ``qtbase_zh_CN.qm`` shipped with PySide6 lacks.

Qt's file dialog asks for "&Look in:" and "Files of &type:" (context "QFileDialog"), but the
bundled Chinese qtbase catalogue only has the older "Look in:" / "Files of type:", so those two
labels stayed English in an otherwise Chinese dialog. They are listed here, in Qt's own
context, so that lupdate puts them into our catalogue; ``gui.common.i18n.LanguageManager``
installs it next to qtbase's, and Qt's lookup finds them there.
"""

from PySide6.QtCore import QT_TRANSLATE_NOOP

#: Qt's own texts translated by our catalogue (context, source) — for lupdate and the tests.
QT_OWN_TEXTS = (
    ("QFileDialog", QT_TRANSLATE_NOOP("QFileDialog", "&Look in:")),
    ("QFileDialog", QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:")),
)
