#!/usr/bin/env python3
"""Writes the DOCX fixtures of `unionplan import` (tests/fixtures/import/docx/), as Word
lays a document out: numbering.xml with abstract numberings and their levels, paragraphs
numbered by `w:numPr` directly or through their style, a heading style with a multilevel
list tied to it, a list restarted by `w:startOverride`, and the 落款 aligned right.

    python3 scripts/docx_fixtures.py

The texts are the project's own. The files are written byte for byte the same on every
run (fixed zip dates, fixed order), so a change to this script shows in git as a change
to the fixtures.
"""

import os
import zipfile
from xml.sax.saxutils import escape

OUT = os.path.join(os.path.dirname(__file__), "..", "tests", "fixtures", "import", "docx")

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = f'xmlns:w="{W}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'

CONTENT_TYPES = HEAD + (
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>'
    '<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>'
    '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
    "</Types>"
)
RELS = HEAD + (
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>'
    "</Relationships>"
)
DOCUMENT_RELS = HEAD + (
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>'
    "</Relationships>"
)
CORE = HEAD + (
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
    "<dc:creator>工会办公室</dc:creator>"
    '<dcterms:created xsi:type="dcterms:W3CDTF">2026-12-28T08:00:00Z</dcterms:created>'
    "</cp:coreProperties>"
)


def style(style_id, name, ppr="", based_on=None, default=False):
    based = f'<w:basedOn w:val="{based_on}"/>' if based_on else ""
    flag = ' w:default="1"' if default else ""
    return (f'<w:style w:type="paragraph"{flag} w:styleId="{style_id}"><w:name w:val="{name}"/>'
            f'{based}<w:qFormat/><w:pPr>{ppr}</w:pPr></w:style>')


# Word's built-in styles under the ids a Chinese Word gives them: 1 = 标题 1, a3 = 标题.
STYLES = HEAD + (
    f"<w:styles {NS}>"
    + style("a", "Normal", default=True)
    + style("a3", "Title", '<w:jc w:val="center"/>', "a")
    + style("1", "heading 1", '<w:keepNext/><w:numPr><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="0"/>', "a")
    + style("2", "heading 2", '<w:keepNext/><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="1"/>', "a")
    + style("a4", "List Paragraph", '<w:ind w:firstLineChars="0" w:firstLine="0"/>', "a")
    + "</w:styles>"
)


def level(ilvl, fmt, text, suffix="nothing", pstyle=None, start=1):
    tied = f'<w:pStyle w:val="{pstyle}"/>' if pstyle else ""
    return (f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>{tied}'
            f'<w:lvlText w:val="{text}"/><w:suff w:val="{suffix}"/><w:lvlJc w:val="left"/>'
            f'<w:pPr><w:ind w:left="0" w:firstLine="640"/></w:pPr></w:lvl>')


def numbering(abstracts, nums):
    return HEAD + f"<w:numbering {NS}>" + "".join(abstracts) + "".join(nums) + "</w:numbering>"


def num(num_id, abstract_id, restart_level=None):
    over = ""
    if restart_level is not None:
        over = (f'<w:lvlOverride w:ilvl="{restart_level}"><w:startOverride w:val="1"/>'
                "</w:lvlOverride>")
    return f'<w:num w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/>{over}</w:num>'


def p(text, style_id=None, num_id=None, ilvl=None, right=False):
    ppr = ""
    if style_id:
        ppr += f'<w:pStyle w:val="{style_id}"/>'
    if num_id is not None:
        ppr += "<w:numPr>"
        if ilvl is not None:
            ppr += f'<w:ilvl w:val="{ilvl}"/>'
        ppr += f'<w:numId w:val="{num_id}"/></w:numPr>'
    if right:
        ppr += '<w:jc w:val="right"/>'
    # Word splits a paragraph's text into runs where its editing history says; the
    # reader must join them.
    half = len(text) // 2
    runs = "".join(f'<w:r><w:t xml:space="preserve">{escape(part)}</w:t></w:r>'
                   for part in (text[:half], text[half:]) if part)
    return f"<w:p><w:pPr>{ppr}</w:pPr>{runs}</w:p>"


def document(paragraphs):
    section = ('<w:sectPr><w:pgSz w:w="11906" w:h="16838"/>'
               '<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1588" '
               'w:header="851" w:footer="992" w:gutter="0"/></w:sectPr>')
    return HEAD + f"<w:document {NS}><w:body>" + "".join(paragraphs) + section + "</w:body></w:document>"


def write(name, paragraphs, numbering_xml):
    os.makedirs(OUT, exist_ok=True)
    path = os.path.join(OUT, name)
    parts = [
        ("[Content_Types].xml", CONTENT_TYPES),
        ("_rels/.rels", RELS),
        ("docProps/core.xml", CORE),
        ("word/_rels/document.xml.rels", DOCUMENT_RELS),
        ("word/document.xml", document(paragraphs)),
        ("word/styles.xml", STYLES),
        ("word/numbering.xml", numbering_xml),
    ]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for part, text in parts:
            info = zipfile.ZipInfo(part, date_time=(2026, 12, 28, 8, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, text.encode("utf-8"))
    print(path)


def headings_plan():
    """A yearly plan whose sections are Word headings with a multilevel list tied to the
    heading styles (一、 and （一）), and items numbered 1. by a list of their own."""
    outline = ("<w:abstractNum w:abstractNumId=\"0\"><w:multiLevelType w:val=\"multilevel\"/>"
               + level(0, "chineseCounting", "%1、", pstyle="1")
               + level(1, "chineseCounting", "（%2）", pstyle="2")
               + level(2, "decimal", "%3.", "space")
               + "</w:abstractNum>")
    items = ("<w:abstractNum w:abstractNumId=\"1\"><w:multiLevelType w:val=\"hybridMultilevel\"/>"
             + level(0, "decimal", "%1.", "space")
             + level(1, "decimal", "（%2）")
             + "</w:abstractNum>")
    body = [
        p("青石镇中心小学工会2027年工作计划", "a3"),
        p("新的一年，学校工会在镇教育工会和学校党支部的领导下，围绕学校中心工作，"
          "团结全体教职工，为建设幸福校园出力。"),
        p("指导思想", "1"),
        p("以服务教职工为宗旨，以建设教职工之家为载体，依法履行维护职能。"),
        p("重点工作", "1"),
        p("推进民主管理", "2"),
        p("开好第三届第二次教职工代表大会，审议学校年度工作报告。", num_id=2, ilvl=0),
        p("坚持校务公开，评优评先、绩效分配等事项在校务公开栏公示。", num_id=2, ilvl=0),
        p("公示时间不少于五个工作日。", num_id=2, ilvl=1),
        p("公示期间设意见箱，专人收集意见。", num_id=2, ilvl=1),
        p("关心教职工生活", "2"),
        # A second list of the same numbering, restarted by its w:num.
        p("春节前走访慰问困难教职工和退休教师。", num_id=3, ilvl=0),
        p("组织教职工健康体检，建立健康档案。", num_id=3, ilvl=0),
        p("丰富文体活动", "2"),
        p("开展“书香校园”读书分享会，每学期不少于两次。", num_id=4, ilvl=0),
        p("组织教职工参加镇运动会。", num_id=4, ilvl=0),
        p("加强工会自身建设", "1"),
        p("工会委员每月学习一次，工会经费收支每学期向会员公开。"),
        p("青石镇中心小学工会", right=True),
        p("2026年12月28日", right=True),
    ]
    nums = [num(1, 0), num(2, 1), num(3, 1, restart_level=0), num(4, 1, restart_level=0)]
    write("headings.docx", body, numbering([outline, items], nums))


def schedule_plan():
    """A term plan numbered by w:numPr directly, its months typed by hand (三月份：) over
    items that Word numbers 1、 and restarts under every month."""
    top = ("<w:abstractNum w:abstractNumId=\"0\"><w:multiLevelType w:val=\"hybridMultilevel\"/>"
           + level(0, "chineseCounting", "%1、")
           + level(1, "decimal", "%2、")
           + "</w:abstractNum>")
    months = ("<w:abstractNum w:abstractNumId=\"1\"><w:multiLevelType w:val=\"singleLevel\"/>"
              + level(0, "decimal", "%1、")
              + "</w:abstractNum>")
    body = [
        p("河湾路社区卫生服务中心工会2027年上半年工作计划", "a3"),
        p("工作目标", num_id=1, ilvl=0),
        p("建成职工满意的职工之家，职工入会率保持百分之百。"),
        p("主要措施", num_id=1, ilvl=0),
        p("落实职工代表大会制度。", num_id=1, ilvl=1),
        p("办好职工书屋和母婴室。", num_id=1, ilvl=1),
        p("做好困难职工帮扶。", num_id=1, ilvl=1),
        p("具体工作安排", num_id=1, ilvl=0),
        p("三月份："),
        p("开展“三八”妇女节趣味运动会。", num_id=2, ilvl=0),
        p("组织女职工参加健康讲座。", num_id=2, ilvl=0),
        p("四月份："),
        p("组织职工春季踏青活动。", num_id=3, ilvl=0),
        p("五、六月份："),
        p("开展“五一”劳动模范事迹宣讲。", num_id=4, ilvl=0),
        p("举办护理技能比武。", num_id=4, ilvl=0),
        p("做好职工夏季送清凉工作。", num_id=4, ilvl=0),
        p("河湾路社区卫生服务中心工会", right=True),
        p("二〇二七年一月八日", right=True),
    ]
    nums = [num(1, 0), num(2, 1), num(3, 1, restart_level=0), num(4, 1, restart_level=0)]
    write("schedule.docx", body, numbering([top, months], nums))


if __name__ == "__main__":
    headings_plan()
    schedule_plan()
