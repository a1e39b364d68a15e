"""--install-desktop-entry / --uninstall-desktop-entry in a temporary XDG_DATA_HOME: exactly the
files of gui.app_window.desktop_entry.entry_files are written and removed; a data folder that
cannot be written gives one line, exit status 1, and nothing half-written."""

import errno
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from core.app_info import APP_ID
from gui.app_window import desktop_entry
from gui.app_window.desktop_entry import (
    DesktopEntryError,
    data_folder,
    entry_files,
    exec_line,
    install_desktop_entry,
    run_desktop_entry,
    uninstall_desktop_entry,
)
from gui.common.app_icon import ICON_SIZES, icon_png, icon_svg

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def xdg(tmp_path, monkeypatch):
    data = tmp_path / "xdg-data"
    monkeypatch.setenv("XDG_DATA_HOME", str(data))
    return data


def all_files(folder: Path) -> set[Path]:
    return {p for p in folder.rglob("*") if p.is_file()} if folder.exists() else set()


def fail_at_call(monkeypatch, owner, name: str, n: int, code: int, path_arg: int) -> list:
    """Replace ``owner.name`` by a stand-in that does the real work except at its ``n``-th call,
    which raises ``OSError(code)`` (a ``PermissionError`` for EACCES) for the path in positional
    argument ``path_arg``: a folder turning read-only half way. Returns the list of the calls'
    arguments, filled as they come."""
    real = getattr(owner, name)
    calls = []

    def failing(*args):
        calls.append(args)
        if len(calls) == n:
            raise OSError(code, os.strerror(code), str(args[path_arg]))
        return real(*args)

    monkeypatch.setattr(owner, name, failing)
    return calls


def test_the_data_folder_is_xdg_data_home(xdg):
    assert data_folder() == xdg


def test_install_writes_the_desktop_file_and_the_icons_and_uninstall_removes_exactly_them(xdg):
    written = install_desktop_entry(command=["/opt/bp/backprop-playground"])
    expected = set(entry_files(xdg))
    assert set(written) == expected == all_files(xdg)
    assert len(expected) == len(ICON_SIZES) + 2
    desktop = xdg / "applications" / f"{APP_ID}.desktop"
    lines = desktop.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "[Desktop Entry]"
    assert "Exec=/opt/bp/backprop-playground %f" in lines
    assert f"Icon={APP_ID}" in lines and "Type=Application" in lines
    assert "Name=Backprop Playground" in lines
    for size in ICON_SIZES:
        icon = xdg / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        assert icon.read_bytes() == icon_png(size).read_bytes()
    scalable = xdg / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg"
    assert scalable.read_bytes() == icon_svg().read_bytes()
    # another app's files in the same folders stay
    other = xdg / "applications" / "other.desktop"
    other.write_text("[Desktop Entry]\n", encoding="utf-8")
    other_icon = xdg / "icons" / "hicolor" / "48x48" / "apps" / "other.png"
    other_icon.write_bytes(b"png")
    assert set(uninstall_desktop_entry()) == expected
    assert all_files(xdg) == {other, other_icon}
    assert uninstall_desktop_entry() == []  # nothing left to remove


def test_the_command_line_installs_and_uninstalls(xdg):
    out, err = io.StringIO(), io.StringIO()
    assert run_desktop_entry(True, "linux", out, err) == 0
    assert err.getvalue() == ""
    assert str(xdg / "applications" / f"{APP_ID}.desktop") in out.getvalue()
    assert all_files(xdg) == set(entry_files(xdg))
    out = io.StringIO()
    assert run_desktop_entry(False, "linux", out, err) == 0
    assert f"removed {len(entry_files(xdg))} files" in out.getvalue()
    assert all_files(xdg) == set()


def test_a_data_folder_that_is_a_file_is_refused_with_nothing_written(tmp_path, monkeypatch):
    blocked = tmp_path / "data"
    blocked.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("XDG_DATA_HOME", str(blocked))
    err = io.StringIO()
    assert run_desktop_entry(True, "linux", io.StringIO(), err) == 1
    message = err.getvalue()
    assert message.startswith("error: cannot install the desktop entry under ")
    assert message.count("\n") == 1 and "nothing was written" in message
    assert all_files(tmp_path) == {blocked}


def test_a_write_failing_half_way_leaves_nothing_behind(xdg, monkeypatch):
    """A read-only folder seen half way (root ignores permission bits, so the failure is
    injected at the 5th file: the first four are written as temporary files by then)."""
    xdg.mkdir()
    calls = fail_at_call(monkeypatch, Path, "write_bytes", 5, errno.EACCES, path_arg=0)
    with pytest.raises(DesktopEntryError, match="Permission denied.*nothing was written"):
        install_desktop_entry(command=["bp"])
    assert len(calls) == 5
    assert all_files(xdg) == set()
    assert list(xdg.iterdir()) == []  # the folders it created are gone too


def test_a_rename_failing_half_way_removes_the_files_already_placed(xdg, monkeypatch):
    fail_at_call(monkeypatch, desktop_entry.os, "replace", 3, errno.EROFS, path_arg=1)
    with pytest.raises(DesktopEntryError, match="Read-only file system"):
        install_desktop_entry(command=["bp"])
    assert all_files(xdg) == set()


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0,
                    reason="root writes into read-only folders")
def test_a_read_only_data_folder_is_refused(xdg):
    xdg.mkdir()
    xdg.chmod(0o500)
    try:
        with pytest.raises(DesktopEntryError, match="nothing was written"):
            install_desktop_entry(command=["bp"])
        assert all_files(xdg) == set()
    finally:
        xdg.chmod(0o700)


def test_other_systems_are_told_to_use_the_bundle(xdg):
    err = io.StringIO()
    assert run_desktop_entry(True, "win32", io.StringIO(), err) == 2
    assert "--install-desktop-entry is for Linux desktops" in err.getvalue()
    assert not xdg.exists()


def test_the_exec_line_quotes_spaces_and_percent_signs():
    assert exec_line(["/usr/bin/bp"]) == "/usr/bin/bp %f"
    assert exec_line(["/home/a b/python", "/x/app.py"]) == '"/home/a b/python" /x/app.py %f'
    assert exec_line(["/p/50%/bp"]) == "/p/50%%/bp %f"
    # a quoted backslash is escaped for the Exec rules, then once more for the file format
    assert exec_line(["/a b\\c"]) == '"/a b\\\\\\\\c" %f'


def test_the_command_line_options_run_the_installer(tmp_path):
    env = dict(os.environ, XDG_DATA_HOME=str(tmp_path / "data"), QT_QPA_PLATFORM="offscreen")
    for option in ("--install-desktop-entry", "--uninstall-desktop-entry"):
        result = subprocess.run([sys.executable, str(ROOT / "app.py"), option], cwd=tmp_path,
                                env=env, capture_output=True, text=True, timeout=120)
        assert result.returncode == 0, result.stderr
    assert all_files(tmp_path / "data") == set()
    assert f"removed {len(ICON_SIZES) + 2} files" in result.stdout


def test_uninstall_removes_the_empty_folders_the_install_created_and_no_other(xdg):
    """Issue 13: uninstall left the empty folders install had created. Now they go when
    empty; a folder that existed before, or holds another app's file, stays."""
    before = xdg / "icons" / "hicolor" / "64x64" / "apps"  # existed before the install
    before.mkdir(parents=True)
    install_desktop_entry(command=["/opt/bp/backprop-playground"])
    install_desktop_entry(command=["/opt/bp/backprop-playground"])  # again: the record stays
    other_icon = xdg / "icons" / "hicolor" / "48x48" / "apps" / "other.png"
    other_icon.write_bytes(b"png")  # another app, in a folder the install created
    uninstall_desktop_entry()
    folders = {p.relative_to(xdg).as_posix() for p in xdg.rglob("*") if p.is_dir()}
    assert folders == {"icons", "icons/hicolor", "icons/hicolor/64x64",
                       "icons/hicolor/64x64/apps", "icons/hicolor/48x48",
                       "icons/hicolor/48x48/apps"}
    assert all_files(xdg) == {other_icon}
    other_icon.unlink()
    install_desktop_entry(command=["/opt/bp/backprop-playground"])
    uninstall_desktop_entry()
    folders = {p.relative_to(xdg).as_posix() for p in xdg.rglob("*") if p.is_dir()}
    assert folders == {"icons", "icons/hicolor", "icons/hicolor/64x64",
                       "icons/hicolor/64x64/apps", "icons/hicolor/48x48",
                       "icons/hicolor/48x48/apps"}  # there before this install: they stay
    assert xdg.is_dir()  # the data folder itself stays
