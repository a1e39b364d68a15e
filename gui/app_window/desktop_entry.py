"""``--install-desktop-entry`` / ``--uninstall-desktop-entry`` (Linux): the app in the desktop's
menu, per user, following the freedesktop.org Desktop Entry and Icon Theme specifications.

The files go under the user's data folder, ``QStandardPaths.GenericDataLocation``
(``$XDG_DATA_HOME``, by default ``~/.local/share``):

- ``applications/backprop-playground.desktop``
- ``icons/hicolor/<N>x<N>/apps/backprop-playground.png`` for every size of
  ``gui.common.app_icon.ICON_SIZES`` and ``icons/hicolor/scalable/apps/backprop-playground.svg``

:func:`entry_files` is the one list of them: install writes exactly those, uninstall removes
exactly those. The folders install had to create for them (``applications``, ``icons/hicolor/
48x48/apps``, … on a fresh account) are listed in the desktop file itself, under
:data:`CREATED_KEY` (paths relative to the data folder; a re-install keeps the earlier list);
uninstall removes those of them that are empty afterwards, deepest first — never a folder
holding anything else (another app's icon), never one the install did not create, never the
data folder itself. Install is all or nothing: every file is
first written as a temporary file next to its target, and only when all were written are they
renamed into place; on any error the temporary files, the files already renamed and the folders
it created are removed again, and :class:`DesktopEntryError` says why.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

from PySide6.QtCore import QStandardPaths

from core.app_info import APP_ID, APP_NAME
from gui.common.app_icon import ICON_SIZES, icon_png, icon_svg

__all__ = ["DesktopEntryError", "data_folder", "entry_files", "launch_command", "exec_line",
           "desktop_file_text", "install_desktop_entry", "uninstall_desktop_entry",
           "created_folders", "CREATED_KEY",
           "run_desktop_entry"]

DESKTOP_FILE = f"{APP_ID}.desktop"
#: Desktop-file key (an ``X-`` extension, Desktop Entry Specification "Extending the format")
#: listing the folders the install created, relative to the data folder, ";"-separated.
CREATED_KEY = "X-Backprop-Playground-Created-Folders"


class DesktopEntryError(Exception):
    """The files could not be written or removed; the message is for the user (one line)."""


def data_folder() -> Path:
    """The user's data folder (``$XDG_DATA_HOME`` or ``~/.local/share`` on Linux)."""
    return Path(QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.GenericDataLocation))


def entry_files(data: Path) -> dict[Path, Path | None]:
    """Target → source of every file of the entry under ``data``: the icons (source: the
    packaged PNG/SVG) and the ``.desktop`` file (source None: written by
    :func:`desktop_file_text`)."""
    icons = data / "icons" / "hicolor"
    files: dict[Path, Path | None] = {
        icons / f"{size}x{size}" / "apps" / f"{APP_ID}.png": icon_png(size)
        for size in ICON_SIZES}
    files[icons / "scalable" / "apps" / f"{APP_ID}.svg"] = icon_svg()
    files[data / "applications" / DESKTOP_FILE] = None
    return files


def launch_command() -> list[str]:
    """The command that starts this app: the bundle's executable when frozen, else the
    ``backprop-playground`` script on PATH, else this Python with the running ``app.py`` (or
    ``-m app``, the installed module)."""
    if getattr(sys, "frozen", False):
        return [sys.executable]
    script = shutil.which(APP_ID)
    if script:
        return [os.path.abspath(script)]
    started = sys.argv[0] if sys.argv else ""
    if started.endswith(".py") and os.path.isfile(started):
        return [sys.executable, os.path.abspath(started)]
    return [sys.executable, "-m", "app"]


_RESERVED = set(' \t\n"\'\\><~|&;$*?#()`')


def exec_line(command: list[str]) -> str:
    """The ``Exec=`` value for ``command`` plus ``%f`` (a scene file opened from a file
    manager): arguments with reserved characters are double-quoted with ``"`$\\`` escaped, and
    ``%`` is doubled (Desktop Entry Specification, "The Exec key"); backslashes are then
    escaped once more, as every string value of a desktop file."""
    parts = []
    for arg in command:
        arg = arg.replace("%", "%%")
        if any(ch in _RESERVED for ch in arg):
            arg = '"' + "".join("\\" + ch if ch in '"`$\\' else ch for ch in arg) + '"'
        parts.append(arg)
    return (" ".join(parts) + " %f").replace("\\", "\\\\")


def desktop_file_text(command: list[str], created_folders=()) -> str:
    """The ``.desktop`` file that starts ``command``; ``created_folders``: the folders the
    install created (relative POSIX paths), recorded under :data:`CREATED_KEY` when any."""
    created = [f"{CREATED_KEY}={';'.join(created_folders)};"] if created_folders else []
    return "\n".join([
        "[Desktop Entry]",
        "Type=Application",
        "Version=1.5",
        f"Name={APP_NAME}",
        "GenericName=Neural network playground",
        "GenericName[zh_CN]=神经网络演示",
        "Comment=Watch a neural network learn: forward pass, backpropagation and the update",
        "Comment[zh_CN]=观察神经网络如何学习：前向传播、反向传播与参数更新",
        f"Exec={exec_line(command)}",
        f"Icon={APP_ID}",
        "Terminal=false",
        "Categories=Education;Science;ArtificialIntelligence;",
        "Keywords=neural network;backpropagation;machine learning;gradient descent;",
        "StartupNotify=true",
        *created,
        "",
    ])


def created_folders(data: Path) -> list[Path]:
    """The folders under ``data`` that the installed desktop file records as created by the
    install (:data:`CREATED_KEY`); [] when there is no desktop file or no record. Entries that
    are absolute or leave ``data`` (``..``) are ignored."""
    try:
        lines = (data / "applications" / DESKTOP_FILE).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return []
    folders = []
    for line in lines:
        key, _, value = line.partition("=")
        if key.strip() != CREATED_KEY:
            continue
        for entry in value.split(";"):
            relative = Path(entry.strip())
            if entry.strip() and not relative.is_absolute() and ".." not in relative.parts:
                folders.append(data / relative)
    return folders


def _missing_folders(data: Path, targets) -> list[Path]:
    """The folders under ``data`` (not ``data`` itself) that writing ``targets`` will create,
    outermost first."""
    missing: list[Path] = []
    for target in targets:
        folder = target.parent
        while folder != data and data in folder.parents and not folder.exists():
            if folder not in missing:
                missing.append(folder)
            folder = folder.parent
    return sorted(missing, key=lambda path: len(path.parts))


def install_desktop_entry(data: Path | None = None,
                          command: list[str] | None = None) -> list[Path]:
    """Write every file of :func:`entry_files` under ``data`` (default :func:`data_folder`);
    returns their paths. All or nothing: DesktopEntryError (nothing left behind) when a folder
    cannot be created or a file cannot be written, e.g. a read-only data folder."""
    data = Path(data) if data is not None else data_folder()
    files = entry_files(data)
    recorded = [folder for folder in created_folders(data) if folder.is_dir()]  # re-install
    new = [folder for folder in _missing_folders(data, files) if folder not in recorded]
    text = desktop_file_text(command or launch_command(), [
        folder.relative_to(data).as_posix() for folder in [*recorded, *new]]).encode("utf-8")
    pending: list[tuple[Path, Path]] = []  # (temporary file, target)
    placed: list[Path] = []
    created: list[Path] = []
    try:
        for target, source in files.items():
            created += _make_folders(target.parent)
            temporary = target.with_name(f".{target.name}.part")
            pending.append((temporary, target))
            temporary.write_bytes(text if source is None else source.read_bytes())
        for temporary, target in pending:
            os.replace(temporary, target)
            placed.append(target)
    except OSError as error:
        for temporary, _ in pending:
            temporary.unlink(missing_ok=True)
        for target in placed:
            target.unlink(missing_ok=True)
        for folder in reversed(created):
            try:
                folder.rmdir()
            except OSError:
                pass
        raise DesktopEntryError(
            f"cannot install the desktop entry under {data}: {_reason(error)}; nothing was "
            f"written") from error
    return [target for _, target in pending]


def _make_folders(folder: Path) -> list[Path]:
    """Create ``folder`` and its missing parents; returns the ones created, outermost first."""
    missing = []
    while not folder.exists():
        missing.append(folder)
        folder = folder.parent
    for path in reversed(missing):
        path.mkdir()
    return list(reversed(missing))


def _reason(error: OSError) -> str:
    where = f" ({error.filename})" if error.filename else ""
    return f"{error.strerror or error}{where}"


def uninstall_desktop_entry(data: Path | None = None) -> list[Path]:
    """Remove the files of :func:`entry_files` under ``data``, then the folders the install
    created (:func:`created_folders`) that are empty now, deepest first; nothing else.
    Returns the files that were there. DesktopEntryError when a file cannot be removed."""
    data = Path(data) if data is not None else data_folder()
    folders = created_folders(data)  # read before the desktop file goes
    removed = []
    for target in entry_files(data):
        try:
            target.unlink()
        except FileNotFoundError:
            continue
        except OSError as error:
            raise DesktopEntryError(
                f"cannot remove the desktop entry under {data}: {_reason(error)}") from error
        removed.append(target)
    for folder in sorted(folders, key=lambda path: len(path.parts), reverse=True):
        try:
            folder.rmdir()  # only an empty folder: another app's files keep theirs
        except OSError:
            pass
    return removed


def run_desktop_entry(install: bool, platform: str = sys.platform, stdout=None,
                      stderr=None) -> int:
    """``--install-desktop-entry`` (``install``) or ``--uninstall-desktop-entry``: one line on
    stdout and 0, or one line on stderr and 1 when the files cannot be written or removed, or
    2 on a system other than Linux."""
    stdout = stdout or sys.stdout
    stderr = stderr or sys.stderr
    option = "--install-desktop-entry" if install else "--uninstall-desktop-entry"
    if not platform.startswith("linux"):
        print(f"error: {option} is for Linux desktops; on Windows and macOS use the "
              "standalone bundle (see the README)", file=stderr)
        return 2
    data = data_folder()
    try:
        if install:
            files = install_desktop_entry(data)
            print(f"installed {APP_NAME} in the desktop's menu: {files[-1]} and "
                  f"{len(files) - 1} icon files under {data / 'icons' / 'hicolor'}", file=stdout)
        else:
            files = uninstall_desktop_entry(data)
            print(f"removed {len(files)} files of the desktop entry under {data}"
                  if files else f"no desktop entry was installed under {data}", file=stdout)
    except DesktopEntryError as error:
        print(f"error: {error}", file=stderr)
        return 1
    return 0
