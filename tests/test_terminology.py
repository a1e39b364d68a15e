"""The Chinese texts use one name per concept and one typographic style (issue 13, item 9):
``resources/translations/terminology.py`` finds no forbidden variant in the .ts file or the
lessons, and its fixes are safe (allowed quotations kept) and idempotent."""

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location(
    "terminology", ROOT / "resources" / "translations" / "terminology.py")
terminology = importlib.util.module_from_spec(_spec)
sys.modules.setdefault("terminology", terminology)
_spec.loader.exec_module(terminology)


def test_the_translations_and_lessons_follow_the_term_table():
    problems = terminology.check()
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("old, new", [
    ("批大小：", "批量大小："),
    ("批次种子", "小批量种子"),
    ("该批次上的损失 J", "该批量上的损失 J"),
    ("轮次 {0}", "第 {0} 轮"),
    ("一个轮次（epoch）", "一轮（epoch）"),
    ("异或", "异或（XOR）"),
    ("感知机学不会 XOR，但隐藏层能学会 XOR", "感知机学不会异或（XOR），但隐藏层能学会异或"),
    ("删除竞赛路径", "删除赛跑路径"),
    ("请先回退", "请先后退"),
    ("J = J_数据 + 惩罚项：", "J = J_data + 惩罚项："),
    ("θ_起点 + t θ_当前", "θ_start + t θ_now"),
    ("ℓ = 平均<sub>k</sub>", "ℓ = mean<sub>k</sub>"),
    ("Σ<sub>批量</sub> δ", "Σ<sub>batch</sub> δ"),
    ("它无法再恢复 —— 真的", "它无法再恢复——真的"),
    ("{0} — 改为显示二维视图。", "{0}——改为显示二维视图。"),
    ("正在计算 …", "正在计算…"),
    ("导出...", "导出…"),
    ("按 <b>前向</b> (F) 在", "按 <b>前向</b>（F）在"),
    ("撤销（Ctrl+Z） 和 (Ctrl+Shift+Z)", "撤销（Ctrl+Z） 和（Ctrl+Shift+Z）"),
    ("准确率 {0} %", "准确率 {0}%"),
    ("梯度剪切法", "梯度裁剪"),
    ("批量正则化", "批量归一化"),
    ("权重和偏差", "权重和偏置"),
])
def test_each_variant_is_fixed_once(old, new):
    assert terminology.problems(old)
    assert terminology.fix(old) == new
    assert terminology.fix(new) == new  # idempotent
    assert not terminology.problems(new)


@pytest.mark.parametrize("text", [
    "偏置（bias，部分教程称“偏差”）",  # a glossary quotes the tutorial's word
    "梯度裁剪（gradient clipping，部分教程称“梯度剪切法”）",
    "批量归一化（batch normalization，部分教程称“批量正则化”）",
    "偏差–方差权衡",  # bias–variance: the statistical term
    "准确率 —",  # a lone dash stands for "no value"
    "导出(&E)",  # Qt's menu accelerator stays half-width
    "(w, b) 平面",  # mathematics keeps its parentheses
    "使用 dropout 时，(W)ᵀδ 还要乘以掩码",
    "第 {0} 轮",
    "一步就是一轮（epoch）（{steps} 步共 {epochs} 轮）",
    "%1 还会用到它的滑动平均",
])
def test_correct_texts_are_left_alone(text):
    assert terminology.problems(text) == []
    assert terminology.fix(text) == text


def test_a_variant_without_a_safe_replacement_is_reported_not_fixed():
    assert terminology.problems("每个 epoch 之后")
    assert terminology.fix("每个 epoch 之后") == "每个 epoch 之后"


def test_fixing_a_ts_file_changes_only_translations(tmp_path):
    ts = tmp_path / "x.ts"
    ts.write_text('<TS><context><name>A</name><message><source>batch size &apos;x&apos;'
                  '</source><translation>批大小 &apos;x&apos; &lt;b&gt;</translation>'
                  '</message></context></TS>', encoding="utf-8")
    lines = []
    assert terminology.fix_files([ts], out=lines.append) == 1
    assert "批大小" in lines[0] and "批量大小" in lines[0]
    assert ts.read_text(encoding="utf-8") == (
        '<TS><context><name>A</name><message><source>batch size &apos;x&apos;</source>'
        '<translation>批量大小 &apos;x&apos; &lt;b&gt;</translation></message></context></TS>')
    assert terminology.fix_files([ts], out=lines.append) == 0  # idempotent


GLOSSARY = ("偏置（bias，部分教程称“偏差”）", "梯度裁剪（gradient clipping，部分教程称“梯度剪切法”）",
            "批量归一化（batch normalization，部分教程称“批量正则化”）", "学习率", "轮（epoch",
            "小批量", "权重衰减", "反向传播", "损失曲面", "前向传播")


def test_lesson_1_and_the_readme_carry_the_glossary():
    import json

    lesson = json.loads((ROOT / "resources" / "lessons" / "01-linear-regression.json")
                        .read_text(encoding="utf-8"))
    text = lesson["text"]["zh_CN"]
    assert "\n\n术语表" in text  # its own paragraph in the lesson notes
    glossary = text.split("\n\n术语表", 1)[1]
    for entry in GLOSSARY:
        assert entry in glossary, entry
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("术语表 / Glossary", 1)[1].split("\n### ", 1)[0]
    for zh, en, note in (("偏置", "bias", "偏差"), ("梯度裁剪", "gradient clipping", "梯度剪切法"),
                         ("批量归一化", "batch normalization", "批量正则化"),
                         ("学习率", "learning rate", ""), ("轮（epoch）", "epoch", ""),
                         ("小批量", "mini-batch", ""), ("权重衰减", "weight decay", ""),
                         ("反向传播", "backpropagation", ""), ("损失曲面", "loss surface", ""),
                         ("前向传播", "forward pass", "")):
        row = next((line for line in section.splitlines() if line.startswith(f"| {zh}")), "")
        assert en in row and note in row, zh
