//! Markers typed by hand: warned of where they stand, and left out of every output, so that
//! no text is numbered twice.

use std::io::Read;

use super::test::{like, starts_with, Test};

const PLAN: &str = "tests/fixtures/lint/typed-markers.yaml";

/// The text as the tool renders it: every marker once, the typed ones gone; a label of
/// another month and an unnumbered label's text kept as written.
const TXT: &str = "
　　　　　　城南小学工会2027年上半年工作计划

　　一、指导思想
　　以习近平新时代中国特色社会主义思想为指导，团结全体教职工，推进学校各项工作。
　　二、工作目标和措施
　　（一）增强服务意识。倾听教职工的呼声，为教职工办实事、解难事。
　　（二）关心教职工生活。走访慰问困难教职工和退休教师。
　　（三）提高教代会质量。加强提案工作，提高代表参政议政的能力。
　　（四）加强工会自身建设。
　　三、工作要点
　　（一）1+2示范学校创建工作继续推进。
　　（二）5.13前完成教代会提案征集。
　　（三）2027年新入职教师全部入会。
　　（四）3月8日举行女教职工座谈会。
　　（五）10%的工会经费用于帮扶困难教职工。
　　（六）1.5倍于去年的经费投入文体活动。
　　（七）一是倾听呼声，二是办好实事。
　　（八）一年来的经验要认真总结。
　　（九）一流的服务来自一线的调研。
　　其他工作
　　一、完善“职工之家”建设。
　　（一）说明：以上安排视上级要求调整。
　　四、具体工作安排
　　三月份：
　　1.开展“三八”妇女节庆祝活动。
　　2.组织教职工植树。
　　四、五月份：
　　1.组织“五一”劳动节系列活动。
　　2.6月：举行教职工趣味运动会。
";

fn render(format: &str) -> String {
    Test::new()
        .in_repo()
        .args(["render", "-f", format, PLAN])
        .stdout(like("any output", |_| true))
        .stderr(starts_with(format!("warning: {PLAN}:8:9: marker `一、`")))
        .run()
        .stdout
}

#[test]
fn typed_markers_are_left_out_of_the_text() {
    let txt = render("txt");
    assert_eq!(
        txt.lines().collect::<Vec<_>>(),
        TXT.lines().skip(1).collect::<Vec<_>>(),
        "{txt}"
    );
}

#[test]
fn typed_markers_are_left_out_of_markdown() {
    let md = render("md");
    let lines: Vec<&str> = md.lines().filter(|l| !l.is_empty()).collect();
    assert_eq!(
        lines,
        [
            "# 城南小学工会2027年上半年工作计划",
            "## 一、指导思想",
            "以习近平新时代中国特色社会主义思想为指导，团结全体教职工，推进学校各项工作。",
            "## 二、工作目标和措施",
            "（一）增强服务意识。倾听教职工的呼声，为教职工办实事、解难事。",
            "（二）关心教职工生活。走访慰问困难教职工和退休教师。",
            "（三）提高教代会质量。加强提案工作，提高代表参政议政的能力。",
            "（四）加强工会自身建设。",
            "## 三、工作要点",
            "（一）1+2示范学校创建工作继续推进。",
            "（二）5\\.13前完成教代会提案征集。",
            "（三）2027年新入职教师全部入会。",
            "（四）3月8日举行女教职工座谈会。",
            "（五）10%的工会经费用于帮扶困难教职工。",
            "（六）1\\.5倍于去年的经费投入文体活动。",
            "（七）一是倾听呼声，二是办好实事。",
            "（八）一年来的经验要认真总结。",
            "（九）一流的服务来自一线的调研。",
            "## 其他工作",
            "一、完善“职工之家”建设。",
            "## （一）说明：以上安排视上级要求调整。",
            "## 四、具体工作安排",
            "三月份：",
            "1\\.开展“三八”妇女节庆祝活动。",
            "2\\.组织教职工植树。",
            "四、五月份：",
            "1\\.组织“五一”劳动节系列活动。",
            "2\\.6月：举行教职工趣味运动会。",
        ],
        "{md}"
    );
}

#[test]
fn typed_markers_are_left_out_of_the_page() {
    let html = render("html");
    for line in [
        "<h2 class=\"level-1\">一、指导思想</h2>",
        "<h2 class=\"level-1\">二、工作目标和措施</h2>",
        "<p><span class=\"lead level-2\">（一）增强服务意识。</span>倾听教职工的呼声，为教职工办实事、解难事。</p>",
        "<p><span class=\"lead level-2\">（二）关心教职工生活。</span>走访慰问困难教职工和退休教师。</p>",
        "<p><span class=\"lead level-3\">1.</span>组织“五一”劳动节系列活动。</p>",
    ] {
        assert!(html.lines().any(|l| l == line), "no line {line}:\n{html}");
    }
    for doubled in [
        "一、一、",
        "（二）(二)",
        "（三）1、",
        "（四）第四，",
        "1.1.",
        "2.2.",
        "1.三月份：",
    ] {
        assert!(!html.contains(doubled), "{doubled}:\n{html}");
    }
}

/// Templates receive the texts without the typed markers: an override numbers them once.
#[test]
fn typed_markers_are_left_out_of_the_view() {
    let json = render("json");
    for kept in [
        "\"title\": \"指导思想\"",
        "\"title\": \"工作目标和措施\"",
        "\"title\": \"提高教代会质量。\"",
        "\"加强工会自身建设。\"",
        "\"组织“五一”劳动节系列活动。\"",
        "\"开展“三八”妇女节庆祝活动。\"",
        "\"title\": \"（一）说明：以上安排视上级要求调整。\"",
        "\"6月：举行教职工趣味运动会。\"",
    ] {
        assert!(json.contains(kept), "no {kept}:\n{json}");
    }
    for typed in [
        "一、指导思想",
        "三、工作",
        "（一）增强",
        "(二)",
        "1、提高",
        "第四，",
        "2. 组织",
        "1.组织",
        "三月份：",
    ] {
        assert!(!json.contains(typed), "{typed}:\n{json}");
    }
}

#[test]
fn typed_markers_are_errors_under_strict() {
    Test::new()
        .in_repo()
        .args(["check", "--strict", PLAN])
        .status(1)
        .stderr(starts_with(format!(
            "error: {PLAN}:8:9: marker `一、` typed by hand\n  |\n8 |   - 标题: 一、指导思想\n  \
             |           ^^^^ the tool numbers this; remove `一、`\n"
        )))
        .run();
}

/// Every paragraph of the Word document, as the text output has it.
#[test]
fn typed_markers_are_left_out_of_the_word_document() {
    let ran = Test::new()
        .copy(PLAN, "plan.yaml")
        .args(["render", "plan.yaml", "-o", "plan.docx"])
        .stderr(starts_with("warning: plan.yaml:8:9: marker `一、`"))
        .run();
    let bytes = std::fs::read(ran.path("plan.docx")).unwrap();
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut xml = String::new();
    archive
        .by_name("word/document.xml")
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    let document = roxmltree::Document::parse(&xml).unwrap();
    let paragraphs: Vec<String> = document
        .descendants()
        .filter(|n| n.has_tag_name("p"))
        .map(|p| {
            p.descendants()
                .filter(|n| n.has_tag_name("t"))
                .filter_map(|t| t.text())
                .collect()
        })
        .filter(|p: &String| !p.is_empty())
        .collect();
    let expected: Vec<&str> = TXT
        .lines()
        .skip(1)
        .map(|l| l.trim_start_matches('　'))
        .filter(|l| !l.is_empty())
        .collect();
    assert_eq!(paragraphs, expected);
}

/// Numbers that open an item's own words: a list of grades or buildings, one month of a
/// run. Kept, unwarned, and numbered once.
#[test]
fn numbers_that_open_the_text_are_kept() {
    Test::new()
        .in_repo()
        .args([
            "render",
            "-f",
            "txt",
            "tests/fixtures/lint/typed-markers-content.yaml",
        ])
        .stdout(
            [
                "　　　　　　　城南小学工会2027年工作计划\n",
                "\n",
                "　　一、指导思想\n",
                "　　以习近平新时代中国特色社会主义思想为指导。\n",
                "　　二、重点工作\n",
                "　　（一）关心教职工身心健康\n",
                "　　1.一、二年级教师分两批体检。\n",
                "　　2.1、2号楼教师办公室安装空调。\n",
                "　　3.三，四年级组开展拔河比赛。\n",
                "　　三、具体工作安排\n",
                "　　七、八月份：\n",
                "　　1.7月：组织教职工暑期疗休养。\n",
                "　　2.8月：做好新学期开学准备。\n",
            ]
            .concat(),
        )
        .run();
}
