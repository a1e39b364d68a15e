"""GUI monkey test: seeded random user actions across every control (400 in the default run,
3000 with ``-m slow``).

Afterwards (and during the run): no exception reached Qt's event loop (pytest-qt fails the
test on those), the history ends at the current step, every number the window shows is
finite or marked as diverged, and the window still responds to a round trip through the event
loop and renders. How long actions take is not asserted (it depends on the machine): the long
ones, Epoch and a big import, are shown to hand the event loop control between slices by
test_extreme_settings.py and test_bad_csv_files.py.
"""

from __future__ import annotations

import pytest

from tests.reliability.monkey import Monkey
from tests.reliability.ui import responds, unmarked_non_finite
from tests.waiting import PATIENCE_MS

def _run_monkey(qtbot, window, dialogs, folder, n_actions: int, seed: int) -> Monkey:
    monkey = Monkey(qtbot, window, dialogs, folder, seed=seed)

    def check(index: int) -> None:
        trainer = window.controller.trainer
        assert trainer.history.last_step == trainer.step_count, (
            f"after {monkey.log[-1]}: history ends at {trainer.history.last_step} ≠ step "
            f"{trainer.step_count}")
        if index % 20 == 0 or index == n_actions - 1:
            diverged = trainer.divergence is not None and window.banner.isVisible()
            bad = unmarked_non_finite(window, diverged)
            assert not bad, f"after {monkey.log[-1]}: non-finite numbers shown: {bad}"

    try:
        monkey.run(n_actions, check)
    except BaseException:
        print("\n".join(monkey.log[-30:]))
        raise
    window.controller.pause()
    trainer = window.controller.trainer
    assert trainer.history.last_step == trainer.step_count
    diverged = trainer.divergence is not None and window.banner.isVisible()
    assert not unmarked_non_finite(window, diverged)
    assert responds(qtbot, window)
    return monkey


def test_monkey_400_actions_leave_a_working_window(qtbot, window, dialogs, tmp_path):
    # 400, not 1000: the run starts with a tour of every kind of action (Monkey.run) and the
    # kinds are asserted below, so the shorter run covers every control the longer one did
    # (the 3000-action run below, -m slow, is the long one)
    monkey = _run_monkey(qtbot, window, dialogs, tmp_path, 400, seed=20240607)
    missing = {action.__name__ for _, action in monkey.actions} - set(monkey.done)
    assert not missing, f"the monkey never did {sorted(missing)}"
    kinds = {entry.split(": ", 1)[1].split(" ")[0] for entry in monkey.log}
    # the run really covered the controls (guards against a discovery that finds nothing)
    for kind in ("click", "combo", "spin", "button", "key", "toolbar", "import", "dock"):
        assert kind in kinds, f"the monkey never did {kind!r}"


def test_the_monkey_never_clicks_a_button_whose_menu_qt_opens_itself(qtbot, window, dialogs,
                                                                      tmp_path):
    """The menu bar's » button (shown when the menus do not fit) opens its menu with Qt's
    own QMenu::exec, which the dialog stub cannot answer: a click would never return."""
    from PySide6 import QtWidgets

    window.resize(320, 600)
    extension = window.menuBar().findChild(QtWidgets.QToolButton, "qt_menubar_ext_button")
    assert extension is not None
    qtbot.waitUntil(extension.isVisible, timeout=PATIENCE_MS)
    buttons = Monkey(qtbot, window, dialogs, tmp_path).clickable_buttons()
    assert buttons and extension not in buttons


@pytest.mark.slow
def test_monkey_3000_actions_leave_a_working_window(qtbot, window, dialogs, tmp_path):
    _run_monkey(qtbot, window, dialogs, tmp_path, 3000, seed=7)
