"""One name per concept, one typographic style: check and fix the Chinese texts.

``python resources/translations/terminology.py`` checks the Simplified-Chinese translations of
``backprop_playground_zh_CN.ts`` and the ``zh_CN`` texts of the lesson files
(``resources/lessons/*.json``) against the term table below and prints every violation; exit
status 1 if there is one. ``--fix`` rewrites the files (only the Chinese texts; everything
else byte for byte), prints each change as ``file: old → new`` and then checks again: what
remains needs a person (a variant with no safe automatic replacement). Fixing is idempotent:
a second ``--fix`` changes nothing. ``update_translations.py`` runs the fix after every
``lupdate``, so regenerated messages follow the table too.

The table (``RULES``), in the order it is applied:

* Terms (issue 13, item 9): 批量大小 (batch size), 批量 (batch), 小批量 (mini-batch),
  小批量种子 (batch seed); 轮（epoch） named once, counted as "第 {0} 轮"; 异或（XOR） on first
  use in a text; 赛跑 (race); 后退 (rewind); 偏置 (bias); 梯度裁剪 (gradient clipping);
  批量归一化 (batch normalization). The variants other tutorials use are allowed inside a
  glossary's quotation (部分教程称“偏差”) and, for 偏差, in 偏差–方差 (bias–variance).
* Formulas keep Latin subscripts: J_data, θ_start, θ_now, mean<sub>k</sub>, Σ<sub>batch</sub>
  (never J_数据); a Chinese subscript is reported.
* Typography: "——" with no space around it (a lone "—" that stands for "no value" at the
  end of a text stays), "…" with no space before it (and never "..."), full-width
  parentheses around shortcuts and around Chinese words（F）(Qt's menu accelerators "(&E)"
  stay half-width), and "{0}%" with no space.
"""

from __future__ import annotations

import html
import json
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
TS_FILE = HERE / "backprop_playground_zh_CN.ts"
LESSONS_DIR = ROOT / "resources" / "lessons"
LANGUAGE = "zh_CN"

CJK = "\u3400-\u9fff\uf900-\ufaff"
#: A glossary's quotation of another tutorial's word: 部分教程称“偏差” / 称"偏差".
QUOTED = r"称[“\"「][^”\"」]{1,12}[”\"」]"


@dataclass(frozen=True)
class Rule:
    """One forbidden variant.

    name: what the rule is about (printed with each violation).
    pattern: the variant (a regular expression on the Chinese text).
    replace: its replacement (a ``re.sub`` template or function), or None when only a person
        can choose the words (the violation is reported, never fixed).
    allow: spans of the text in which the variant is correct (a glossary's quotation).
    """

    name: str
    pattern: re.Pattern
    replace: str | Callable[[re.Match], str] | None
    allow: tuple[re.Pattern, ...] = field(default=())

    def _free_spans(self, text: str) -> list[tuple[int, int]]:
        """The parts of ``text`` outside every allowed span, as (start, end) pairs."""
        taken = sorted(m.span() for allow in self.allow for m in allow.finditer(text))
        spans, start = [], 0
        for a, b in taken:
            if a > start:
                spans.append((start, a))
            start = max(start, b)
        spans.append((start, len(text)))
        return spans

    def find(self, text: str) -> list[str]:
        """The offending pieces of ``text``."""
        found = []
        for a, b in self._free_spans(text):
            for m in self.pattern.finditer(text[a:b]):
                if self.replace is None or self._replacement(m) != m.group(0):
                    found.append(m.group(0))
        return found

    def _replacement(self, m: re.Match) -> str:
        return self.replace(m) if callable(self.replace) else m.expand(self.replace)

    def fix(self, text: str) -> str:
        """``text`` with the variant replaced outside the allowed spans (unchanged when the
        rule has no replacement)."""
        if self.replace is None:
            return text
        out, last = [], 0
        for a, b in self._free_spans(text):
            out.append(text[last:a])  # an allowed span, unchanged
            out.append(self.pattern.sub(self.replace, text[a:b]))
            last = b
        return "".join(out)


def _rule(name: str, pattern: str, replace, allow: tuple[str, ...] = ()) -> Rule:
    return Rule(name, re.compile(pattern), replace, tuple(re.compile(a) for a in allow))


_SUBSCRIPTS = {"数据": "data", "起点": "start", "当前": "now", "批量": "batch", "样本": "k"}

RULES: tuple[Rule, ...] = (
    # -- batch ------------------------------------------------------------------------------
    _rule("batch size: 批量大小", r"批大小", "批量大小"),
    _rule("batch seed: 小批量种子", r"批次种子|(?<!小)批量种子", "小批量种子"),
    _rule("mini-batch: 小批量", r"小批次", "小批量"),
    _rule("batch: 批量", r"批次", "批量"),
    # -- epoch ------------------------------------------------------------------------------
    _rule("epoch: 轮（epoch）", r"一个轮次（epoch）|一个轮次\s*\(epoch\)", "一轮（epoch）"),
    _rule("epoch counter: 第 {0} 轮", r"轮次\s*(\{\d+\}|%\d)", r"第 \1 轮"),
    _rule("epoch: 轮（epoch）, not 轮次", r"轮次", None),
    _rule("epoch: 轮（epoch）, not a bare \"epoch\"",
          r"(?<![（({A-Za-z_])[Ee]pochs?(?![）)}A-Za-z_])", None),
    # -- race, rewind -----------------------------------------------------------------------
    _rule("race: 赛跑", r"竞赛", "赛跑"),
    _rule("rewind: 后退", r"回退", "后退"),
    # -- the tutorial's variants ------------------------------------------------------------
    _rule("bias: 偏置", r"偏差(?![–—\-－]?方差)", "偏置", allow=(QUOTED,)),
    _rule("gradient clipping: 梯度裁剪", r"梯度剪切法?|梯度截断", "梯度裁剪", allow=(QUOTED,)),
    _rule("batch normalization: 批量归一化", r"批量正则化|批归一化|批标准化|批量标准化",
          "批量归一化", allow=(QUOTED,)),
    # -- formulas keep Latin subscripts -----------------------------------------------------
    _rule("formula: mean<sub>k</sub>", r"平均(?=<sub>)", "mean"),
    _rule("formula: Latin subscript",
          r"(?<=_)(" + "|".join(_SUBSCRIPTS) + r")|(?<=<sub>)(" + "|".join(_SUBSCRIPTS)
          + r")(?=</sub>)", lambda m: _SUBSCRIPTS[m.group(0)]),
    _rule("formula: Chinese subscript", rf"_[{CJK}]+|<sub>[^<]*[{CJK}][^<]*</sub>", None),
    # -- typography -------------------------------------------------------------------------
    _rule("typography: ——", r"[ \u00a0]*(?<!—)—{1,2}(?!—)[ \u00a0]*(?=\S)", "——"),
    _rule("typography: … (no space before, not ...)", r"[ \u00a0]+…|[ \u00a0]*\.\.\.", "…"),
    _rule("typography: full-width （F） around a shortcut",
          r"[ \u00a0]*(?<![A-Za-z0-9_′)])\(((?:Ctrl|Shift|Alt)\+[^()]+|[A-Z]|F\d{1,2}|[←→↑↓]"
          r"|Space|Esc|Del|Enter)\)(?![ᵀ⁰-⁹′])[ \u00a0]*", r"（\1）"),
    _rule("typography: full-width （） around Chinese words",
          rf"\(([^()&]*[{CJK}][^()]*)\)", r"（\1）"),
    _rule("typography: {0}% with no space", r"(?<=[\d}])[ \u00a0]+%(?!\d)", "%"),
)


_BARE_XOR = re.compile(r"[ \u00a0]?(?<!异或（)(?<![A-Za-z_])XOR(?![A-Za-z_])[ \u00a0]?")
_LATIN = re.compile(r"[A-Za-z0-9{}]")


def _xor_word(m: re.Match) -> str:
    """异或 for a bare XOR, keeping a space only next to a Latin word or a number."""
    before = m.string[m.start() - 1] if m.start() > 0 else ""
    after = m.string[m.end()] if m.end() < len(m.string) else ""
    head = " " if m.group(0).startswith((" ", "\u00a0")) and _LATIN.match(before) else ""
    tail = " " if m.group(0).endswith((" ", "\u00a0")) and _LATIN.match(after) else ""
    return head + "异或" + tail


def _fix_xor(text: str) -> str:
    """异或（XOR）: the first 异或 of a text carries （XOR）; a bare XOR becomes 异或."""
    text = re.sub(r"XOR\s*[（(]异或[）)]|异或\s*\(XOR\)", "异或（XOR）", text)
    text = _BARE_XOR.sub(_xor_word, text)
    first = text.find("异或")
    if first >= 0 and not text.startswith("异或（XOR）", first):
        text = text[:first] + "异或（XOR）" + text[first + 2:]
    return text


XOR_RULE = "XOR: 异或（XOR） on first use"


def problems(text: str) -> list[str]:
    """Every violation of the table in one Chinese text, as "rule: piece"."""
    found = [f"{rule.name}: {piece!r}" for rule in RULES for piece in rule.find(text)]
    if _fix_xor(text) != text:
        found.append(f"{XOR_RULE}: {text[:40]!r}")
    return found


def fix(text: str) -> str:
    """``text`` with every safe replacement of the table applied (idempotent)."""
    for rule in RULES:
        text = rule.fix(text)
    return _fix_xor(text)


# ------------------------------------------------------------------------------ the .ts file
_MESSAGE = re.compile(r"<message\b[^>]*>.*?</message>", re.DOTALL)
_SOURCE = re.compile(r"<source>(.*?)</source>", re.DOTALL)
_TRANSLATION = re.compile(r"(<translation\b[^>]*>)(.*?)(</translation>)", re.DOTALL)


def _ts_escape(text: str) -> str:
    """Escape like lupdate: & < > " '."""
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;").replace("'", "&apos;"))


def ts_texts(raw: str):
    """(English source, Chinese translation) of every message of a .ts file's text."""
    for message in _MESSAGE.finditer(raw):
        source = _SOURCE.search(message.group(0))
        translation = _TRANSLATION.search(message.group(0))
        if source and translation and translation.group(2):
            yield html.unescape(source.group(1)), html.unescape(translation.group(2))


def fix_ts_text(raw: str, changes: list[tuple[str, str]]) -> str:
    """The .ts text with every translation fixed; (old, new) pairs appended to ``changes``."""
    def fix_message(message: re.Match) -> str:
        def fix_translation(t: re.Match) -> str:
            old = html.unescape(t.group(2))
            new = fix(old)
            if new == old:
                return t.group(0)
            changes.append((old, new))
            return t.group(1) + _ts_escape(new) + t.group(3)
        return _TRANSLATION.sub(fix_translation, message.group(0))
    return _MESSAGE.sub(fix_message, raw)


# ------------------------------------------------------------------------------ lesson files
def lesson_texts(data) -> list[str]:
    """Every ``zh_CN`` text of a lesson file's JSON data (nested anywhere)."""
    found = []
    if isinstance(data, dict):
        for key, value in data.items():
            if key == LANGUAGE and isinstance(value, str):
                found.append(value)
            else:
                found += lesson_texts(value)
    elif isinstance(data, list):
        for value in data:
            found += lesson_texts(value)
    return found


def fix_lesson_text(raw: str, changes: list[tuple[str, str]]) -> str:
    """A lesson file's text with its Chinese texts fixed in place (the rest unchanged)."""
    for old in lesson_texts(json.loads(raw)):
        new = fix(old)
        if new != old:
            encoded_old = json.dumps(old, ensure_ascii=False)
            for encoded in (encoded_old, json.dumps(old)):
                if encoded in raw:
                    raw = raw.replace(encoded, json.dumps(new, ensure_ascii=False))
                    changes.append((old, new))
                    break
    return raw


# ------------------------------------------------------------------------------ files
def files() -> list[Path]:
    return [TS_FILE, *sorted(LESSONS_DIR.glob("*.json"))]


def texts_of(path: Path) -> list[str]:
    raw = path.read_text(encoding="utf-8")
    if path.suffix == ".ts":
        return [zh for _en, zh in ts_texts(raw)]
    return lesson_texts(json.loads(raw))


def check(paths: list[Path] | None = None) -> list[str]:
    """Every violation in ``paths`` (default: the .ts and the lessons) as printable lines."""
    lines = []
    for path in files() if paths is None else paths:
        for text in texts_of(path):
            lines += [f"{path.name}: {problem}  in {text[:60]!r}" for problem in problems(text)]
    return lines


def fix_files(paths: list[Path] | None = None, out=print) -> int:
    """Fix ``paths`` in place, printing each change; returns the number of changed texts."""
    count = 0
    for path in files() if paths is None else paths:
        raw = path.read_text(encoding="utf-8")
        changes: list[tuple[str, str]] = []
        new = (fix_ts_text if path.suffix == ".ts" else fix_lesson_text)(raw, changes)
        for old, text in changes:
            out(f"{path.name}: {old!r}\n    → {text!r}")
        if new != raw:
            path.write_text(new, encoding="utf-8")
        count += len(changes)
    return count


def main(argv: list[str]) -> int:
    paths = [Path(a) for a in argv if not a.startswith("--")] or None
    if "--fix" in argv:
        count = fix_files(paths)
        print(f"terminology: {count} text(s) changed")
    remaining = check(paths)
    for line in remaining:
        print(line)
    print(f"terminology: {len(remaining)} problem(s)" + (" left for a person" if remaining
                                                          and "--fix" in argv else ""))
    return 1 if remaining else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
