"""The Traditional Chinese house style (docs/content.md): each rule a machine can check, and `installation check`
reporting them at their lines."""

from __future__ import annotations

import pytest

from installation.content.check import house_style

from .project import EXHIBITION, STORY, Project
from .test_check import assert_problems, parsed, run_check


@pytest.mark.parametrize("text, part", [
    ("門半開著，門邊放着行李箱。", "'著' where the house style writes '着'"),
    ("她在房間裡等。", "'裡' where the house style writes '裏'"),
    ("Ashley 在亞洲的家鄉。", "space in 'y 在'"),
    ("時間由 2015年5月開始。", "space in '由 2'"),
    ("她被遣返回国。", "Simplified character '国'"),
    ("她们说这里没有问题。", "Simplified characters '们' '说' '这' '没' '问' '题'"),
    ("打擊人口販運的行動。", "'人口販運' where the house style writes '人口販賣'"),
    ("她被當作受害者。", "'受害者' where the house style writes '受害人'"),
    ("它的信息是：性工作是工作。", "'信息' where the house style writes '訊息'"),
])
def test_each_rule_names_what_to_write(text: str, part: str):
    found = house_style.problems(text, "zh-Hant")
    assert len(found) == 1 and part in found[0], found


@pytest.mark.parametrize("text", [
    "Sun在加拿大生活了五年。",
    "門半開着，裏面是一張床。",
    "這是一本著名的報告，影響顯著。",  # 著 meaning "notable" is 著 in Hong Kong too
    "Butterfly（亞裔及移民性工作者支援網絡）",
    "報告名為《Behind the Rescue》。",
    "網址：butterflysw.org",
    "她付了2000加元請律師。",
    "The Viminal Space · 安大略美術館",  # a separator between them, not a space beside Chinese
])
def test_house_style_text_has_no_problem(text: str):
    assert house_style.problems(text, "zh-Hant") == []


def test_other_languages_are_left_alone():
    assert house_style.problems("Ashley 著 裡 后", "en") == []


def test_check_reports_the_house_style_at_its_lines(project: Project, capsys):
    story = (STORY.format(id="beta", name="Beta")
             .replace('zh-Hant: ["移民拘留"]', 'zh-Hant: ["移民拘留", "被當作受害者"]')
             .replace('"她住在多倫多。"', '"她住在多倫多的公寓裡。"')
             .replace('"一天晚上，警察來了。"', '"一天晚上，Beta 聽到敲門聲。"'))
    project.story("beta", story)
    project.write("config/small.yaml", EXHIBITION.replace('"小展覽"', '"小展览"'))
    code, lines, _ = run_check(project.config, capsys, "--no-audio")
    found = [p for p in parsed(lines) if "narration was built from other captions" not in p[3]]
    assert_problems(found, [
        ("config/small.yaml", 2, "error", "title (zh-Hant): Simplified character '览'"),
        ("stories/beta.yaml", 7, "error", "content_notes (zh-Hant): '受害者' where the house style writes '受害人'"),
        ("stories/beta.yaml", 20, "error", "caption (zh-Hant): '裡' where the house style writes '裏'"),
        ("stories/beta.yaml", 21, "error", "caption (zh-Hant): space in 'a 聽'"),
    ])
    assert code == 1
