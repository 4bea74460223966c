use super::*;

fn blocks(text: &str) -> Vec<Block> {
    text.lines()
        .enumerate()
        .map(|(i, t)| Block {
            text: t.to_owned(),
            heading: None,
            line: i + 1,
        })
        .collect()
}

fn one(text: &str) -> Imported {
    parse(&blocks(text), super::super::Kind::Text).remove(0)
}

/// Each node as `marker-level:first words`, depth first.
fn outline(nodes: &[Node], depth: usize, out: &mut Vec<String>) {
    for n in nodes {
        let text = n
            .title
            .clone()
            .or_else(|| n.body.first().cloned())
            .unwrap_or_default();
        out.push(format!(
            "{depth}:{}",
            text.chars().take(4).collect::<String>()
        ));
        outline(&n.items, depth + 1, out);
        for m in &n.schedule {
            out.push(format!("{depth}:{}月", m.first));
            outline(&m.items, depth + 2, out);
        }
    }
}

fn shape_of(imported: &Imported) -> Vec<String> {
    let mut out = Vec::new();
    outline(&imported.draft.sections, 1, &mut out);
    out
}

#[test]
fn numbers_inside_a_sentence_never_split_it() {
    let i = one(
        "一、创建1+2示范学校\n二、开展第六届“5.13”活动\n1、组织2、3月份的学习。\n2、迎接检查。\n",
    );
    assert_eq!(
        shape_of(&i),
        ["1:创建1+", "1:开展第六", "2:组织2、", "2:迎接检查"]
    );
    assert!(i.report.corrections.is_empty());
}

#[test]
fn a_marker_out_of_sequence_is_text() {
    let i = one("一、学习\n三等奖由工会颁发。\n二、维权\n");
    assert_eq!(shape_of(&i), ["1:学习", "1:维权"]);
    assert_eq!(i.draft.sections[0].body, ["三等奖由工会颁发。"]);
}

#[test]
fn numbering_mistakes_are_corrected_and_said() {
    let i = one("一、学习\n二、维权\n二、关爱\n1.走访。\n2、慰问。\n");
    assert_eq!(
        shape_of(&i),
        ["1:学习", "1:维权", "1:关爱", "2:走访。", "2:慰问。"]
    );
    let lines: Vec<usize> = i.report.corrections.iter().map(|c| c.0).collect();
    assert_eq!(lines, [3, 5]);
    assert_eq!(i.draft.numbering, ["一、", "1."]);
}

#[test]
fn months_under_a_schedule_label() {
    let i = one("一、学习\n具体工作安排：\n三月份：\n1、植树。\n七、八月份：\n1、疗养。\n");
    let label = &i.draft.sections[1];
    assert!(!label.numbered);
    assert_eq!(label.schedule.len(), 2);
    assert_eq!((label.schedule[1].first, label.schedule[1].last), (7, 8));
    assert_eq!(i.report.months, 2);
}

#[test]
fn title_preface_closing_and_signature() {
    let i = one(
        "城东中学工会2027年工作计划\n新的学期开始了。\n一、学习\n组织学习。\n总之，我们要努力。\n城东中学工会\n二〇二七年一月五日\n",
    );
    let d = &i.draft;
    assert_eq!(d.organization.as_deref(), Some("城东中学工会"));
    assert_eq!(d.title, None);
    assert_eq!(d.preface, ["新的学期开始了。"]);
    assert_eq!(d.closing, ["总之，我们要努力。"]);
    assert!(d.chinese_date);
    assert_eq!(
        d.signature.as_ref().and_then(|s| s.date).map(|d| d.day),
        Some(5)
    );
}

#[test]
fn hard_wrapped_lines_are_joined() {
    let i = one(
        "一、加强学习\n组织全体教职工认真学习上级工会的文件精神，提高思想认识，努力做\n好本职工作，为学校发展贡献力量，争做新时代的好老师，让学生满\n意让家长放心。\n二、维护权益\n",
    );
    assert_eq!(i.draft.sections[0].body.len(), 1);
}

#[test]
fn a_numbering_that_starts_again_is_a_part_of_its_own() {
    // No label over it: an untitled part, numbered from 一 again, beside the items before.
    let i = one(
        "一、学习\n二、维权\n三、关爱\n走访困难教师。\n一、发展目标\n二、发展思路\n1、深化。\n",
    );
    assert_eq!(
        shape_of(&i),
        [
            "1:学习",
            "1:维权",
            "1:关爱",
            "1:",
            "2:发展目标",
            "2:发展思路",
            "3:深化。"
        ]
    );
    let part = &i.draft.sections[3];
    assert!(!part.numbered && part.title.is_none());
    assert!(i.report.corrections.is_empty());
    // Its heading over a paragraph before the 一、: the part's title and body.
    let i = one(
        "一、学习\n二、维权\n二〇〇六年的工作思路\n二〇〇六年的指导思想是团结。\n一、加强学习\n",
    );
    let part = &i.draft.sections[2];
    assert_eq!(part.title.as_deref(), Some("二〇〇六年的工作思路"));
    assert_eq!(part.body, ["二〇〇六年的指导思想是团结。"]);
    assert_eq!(shape_of(&i)[3], "2:加强学习");
    // Under a month whose label the source left out, 1、 starts again where it stood.
    let i =
        one("具体工作安排：\n五月份：\n1、植树。\n2、义诊。\n3、演讲。\n1、座谈。\n2、内审。\n");
    let may = &i.draft.sections[0].schedule[0];
    assert_eq!(may.items.len(), 4);
    assert!(!may.items[3].numbered);
    assert_eq!(may.items[3].items.len(), 2);
    assert!(i.report.corrections.is_empty());
}

#[test]
fn a_part_headed_with_its_ordinal_stands_over_the_levels() {
    // 第一， is an item's ordinal, no part.
    let i = one("一、学习\n二、主要措施\n第一，加强政治学习。\n第二，维护权益。\n三、工作安排\n");
    assert_eq!(i.draft.sections.len(), 3);
    let i = one("一、学习\n二、维权\n第一部分：2026年工作总结\n一、坚持学习\n1、深化教代会。\n");
    let part = &i.draft.sections[2];
    assert_eq!(part.title.as_deref(), Some("第一部分：2026年工作总结"));
    assert!(!part.numbered);
    assert_eq!(i.draft.numbering, ["一、", "1、"]);
    assert!(i.report.corrections.is_empty());
}

#[test]
fn a_festival_written_with_a_dot_is_no_marker() {
    // After 四、 it would continue the sequence as 五 if it were one.
    let i = one("一、学习\n二、维权\n三、关爱\n四、建家\n五.四青年节开展庆祝活动。\n");
    assert_eq!(i.draft.sections.len(), 4);
    assert_eq!(i.draft.sections[3].title.as_deref(), Some("建家"));
    assert_eq!(i.draft.sections[3].body, ["五.四青年节开展庆祝活动。"]);
    assert!(i.report.corrections.is_empty());
    // 一. over the words 一年来 is a marker all the same.
    let i = one("一.一年来的主要工作\n1.召开教代会。\n二.二〇二六年工作打算\n1.建家。\n");
    assert_eq!(i.draft.sections.len(), 2);
    assert_eq!(i.draft.numbering, ["一.", "1."]);
}

#[test]
fn a_line_stopping_at_a_comma_goes_on() {
    let i = one(
        "工作思路是：围绕中心、服务大局，\n突出服务职工。\n一、学习\n城东中学工会\n2027年1月5日\n",
    );
    assert_eq!(
        i.draft.preface,
        ["工作思路是：围绕中心、服务大局，突出服务职工。"]
    );
    assert!(i.draft.signature.is_some());
}

#[test]
fn headings_of_one_length_are_no_wrap() {
    let i = one("一、强化组织建设，扩大工会覆盖面\n上半年新建基层工会12家，新发展会员860人。\n二、深化普惠服务工作，提升职工获得感\n春节期间走访慰问困难职工158户。\n");
    assert_eq!(
        i.draft.sections[0].title.as_deref(),
        Some("强化组织建设，扩大工会覆盖面")
    );
    assert_eq!(
        i.draft.sections[1].title.as_deref(),
        Some("深化普惠服务工作，提升职工获得感")
    );
    // A line that stops at 第 goes on whatever its width.
    let i = one("一、开展活动\n积极参加市总工会组织的第\n3届职工运动会。\n");
    assert_eq!(
        i.draft.sections[0].body,
        ["积极参加市总工会组织的第3届职工运动会。"]
    );
}

#[test]
fn the_title_and_the_signature_are_never_joined() {
    let wrapped = "城东区实验中学工会2027年工作计划\n新学期，学校工会在党支部的领导下，紧紧围绕学校\n中心工作，团结和带领全体教职工，为建设和谐校园\n作出新的贡献，努力开创学校工会工作的新局面，争\n取更好的成绩。\n一、学习\n2、开展庆祝“三八”妇女节系列庆祝活动及各项比赛\n城东中学工会\n2027年1月5日\n";
    let i = one(wrapped);
    assert_eq!(i.draft.organization.as_deref(), Some("城东区实验中学工会"));
    assert_eq!(i.draft.preface.len(), 1);
    assert!(i.draft.signature.is_some());
}

#[test]
fn a_summarys_parts_and_a_stray_marker() {
    let i = one("城东中学工会上半年工作总结及下半年工作思路\n上半年工作总结\n1、慰问困难教师。\n2、召开教代会。\n下半年工作思路\n1、建好教工之家。\n");
    let parts: Vec<Option<&str>> = i
        .draft
        .sections
        .iter()
        .map(|s| s.title.as_deref())
        .collect();
    assert_eq!(parts, [Some("上半年工作总结"), Some("下半年工作思路")]);
    assert!(i.draft.sections.iter().all(|s| !s.numbered));
    // (2) under 1. continues nothing: kept where it stands, and said.
    let i = one("一、学习\n1. 严格工会经费管理。\n(2) 加强工会干部培训。\n二、维权\n");
    assert_eq!(
        i.report.unplaced,
        [(3, "(2) 加强工会干部培训。".to_owned())]
    );
}

#[test]
fn a_title_in_traditional_characters() {
    let i = one("東區小學工會2027年工作計劃\n一、學習\n");
    assert_eq!(i.draft.year, Some(2027));
    assert_eq!(i.draft.organization.as_deref(), Some("東區小學工會"));
    assert_eq!(i.draft.title.as_deref(), Some("東區小學工會2027年工作計劃"));
}

#[test]
fn a_plan_run_on_in_a_short_line_and_its_signature() {
    let i = one("幸福社区工会2027年工作计划 一、指导思想：以服务职工为宗旨。 二、工作任务：（一）加强组织建设。（二）开展职工服务。 幸福社区工会 2027.2.1\n");
    assert_eq!(i.draft.sections.len(), 2);
    assert_eq!(i.draft.sections[1].items.len(), 2);
    let signature = i.draft.signature.as_ref().expect("a 落款");
    assert_eq!(signature.date.map(|d| (d.month, d.day)), Some((2, 1)));
    // The date's dots are said as changed.
    assert_eq!(i.report.corrections.len(), 1);
    let i = one("我校特制定本计划。一、指导思想：以服务为宗旨。二、具体工作：召开教代会。\n");
    assert_eq!(i.draft.sections.len(), 2);
    // An item whose paragraph enumerates in another form keeps its paragraph.
    let i = one("一、学习\n1、做好计生工作。（1）认真做好宣传。（2）成立协会。\n");
    assert_eq!(i.draft.sections[0].items.len(), 1);
    // An enumeration inside a sentence stays in it.
    let i = one("一、学习\n主要有：（1）学习；（2）维权。\n");
    assert_eq!(i.draft.sections[0].title.as_deref(), Some("学习"));
    assert_eq!(i.draft.sections[0].body, ["主要有：（1）学习；（2）维权。"]);
}

#[test]
fn a_form_above_its_level_stands_between() {
    let i = one("一、工作目标\n1、健全教代会制度。\n2、关心教职工生活。\n二、主要工作\n（一）加强民主管理\n1、召开教代会。\n2、推进校务公开。\n（二）开展师德建设\n1、评选最美教师。\n");
    assert_eq!(
        shape_of(&i),
        [
            "1:工作目标",
            "2:健全教代",
            "2:关心教职",
            "1:主要工作",
            "2:加强民主",
            "3:召开教代",
            "3:推进校务",
            "2:开展师德",
            "3:评选最美"
        ]
    );
    assert_eq!(i.draft.numbering, ["一、", "（一）", "1、"]);
    let lines: Vec<usize> = i.report.corrections.iter().map(|c| c.0).collect();
    assert_eq!(lines, [5]);
}

#[test]
fn a_saved_pages_words_under_the_signature_go() {
    let i = one("一、学习\n组织学习。\n城东中学工会\n2026年12月18日\n【广告】考公资料免费领取\n相关文章：工会工作总结\nCopyright © 2026 范文网 版权所有\n");
    assert!(i.draft.signature.is_some());
    assert_eq!(i.report.dropped.len(), 3);
    // A closing paragraph under a date inside the text is no chrome: nothing is signed.
    let i = one("一、学习\n2027年3月5日\n召开教代会。\n");
    assert!(i.report.dropped.is_empty());
}
