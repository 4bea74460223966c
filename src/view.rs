//! The render context: every marker, label, title, heading and date computed once.
//!
//! Templates receive a [`View`] and only lay it out: they never count, sort or do date
//! arithmetic, and nothing here writes Markdown or HTML.

use serde::Serialize;
use unicode_width::UnicodeWidthChar;

use crate::model::{
    Content, Date, DateStyle, Given, Item, January, Kind, Layout, MonthNumerals, MonthStyle,
    MonthSuffix, Months, Node, Paragraphs, Period, Plan, RangeStyle, ScheduleEntry, Section, Text,
};
use crate::numerals::{self, Pattern};
use crate::validate::ValidPlan;

/// What a template receives.
#[derive(Debug, Clone, Serialize)]
pub struct View {
    /// The document title, given or built from organization, year, period and kind.
    pub title: String,
    /// The issuing union, or empty.
    pub organization: String,
    /// The plan's year (for school terms and years, the year the school year starts).
    pub year: Option<i32>,
    /// `year`, `first-half`, `second-half`, `autumn-term`, `spring-term` or `school-year`.
    pub period: Period,
    /// `plan` or `summary`.
    pub kind: Kind,
    /// Paragraphs before the first section.
    pub preface: Vec<String>,
    /// The body, in order.
    pub sections: Vec<NodeView>,
    /// Paragraphs after the last section.
    pub closing: Vec<String>,
    /// The 落款, if the plan has one.
    pub signature: Option<SignatureView>,
}

/// A section or an item, with its marker computed.
#[derive(Debug, Clone, Serialize)]
pub struct NodeView {
    /// The numbering marker (一、 （二） 3. …), or empty for an unnumbered label.
    pub marker: String,
    /// The numbering level the node stands at, from 1 (一、); an unnumbered label stands at
    /// the level its numbered siblings would have.
    pub level: usize,
    /// Nesting depth in the document, from 1 for a top-level section.
    pub depth: usize,
    /// The heading or lead phrase, verbatim.
    pub title: Option<String>,
    /// `heading` (title on its own line) or `inline` (marker and title run into the body).
    pub layout: Layout,
    pub body: Vec<String>,
    pub items: Vec<NodeView>,
    pub schedule: Vec<MonthView>,
}

/// One month (or run of months) of a schedule.
#[derive(Debug, Clone, Serialize)]
pub struct MonthView {
    /// 二月份, 七、八月份, 元月份, 2月份 … as the style says.
    pub label: String,
    /// The months covered, 1–12, in order.
    pub months: Vec<u8>,
    /// The numbering level the month label takes; its items stand one level deeper.
    pub level: usize,
    pub depth: usize,
    pub items: Vec<NodeView>,
}

/// The 落款: issuing organization and date.
#[derive(Debug, Clone, Serialize)]
pub struct SignatureView {
    pub organization: String,
    /// The date as the style writes it (2027年1月5日 or 二〇二七年一月五日), if given.
    pub date: Option<String>,
    /// The same date as the plan gives it, YYYY-MM-DD, for a template's `date` filter.
    pub iso_date: Option<String>,
}

/// Builds the render context of a plan that validation passed.
pub fn build(plan: ValidPlan) -> View {
    let (plan, sections, patterns) = plan.into_parts();
    let year = plan.calendar_year();
    let Plan {
        title,
        organization,
        period,
        kind,
        preface,
        closing,
        signature,
        style,
        ..
    } = plan;
    let organization = organization.map(|Text(t)| one_line(&t)).unwrap_or_default();
    let title = match title {
        Some(Text(t)) => one_line(&t),
        None => default_title(&organization, year, period, kind),
    };
    let sections = sections.into_iter().map(section_node).collect();
    let numbering = Numbering {
        patterns,
        month: style.month,
    };
    let sections = numbering.nodes(sections, 1, 1, true);
    let signature = signature.map(|s| SignatureView {
        organization: s
            .organization
            .map(|Text(t)| one_line(&t))
            .unwrap_or_else(|| organization.clone()),
        date: s.date.map(|d| format_date(d, style.date)),
        iso_date: s
            .date
            .map(|d| format!("{:04}-{:02}-{:02}", d.year, d.month, d.day)),
    });
    View {
        title,
        organization,
        year,
        period,
        kind,
        preface: paragraphs(preface),
        sections,
        closing: paragraphs(closing),
        signature,
    }
}

/// The node a section stands for; a shorthand key's takes its heading.
fn section_node(
    Section {
        shorthand, given, ..
    }: Section,
) -> Node {
    let heading = || Text(shorthand.map_or("", |(_, heading)| heading).to_owned());
    match given {
        Given::Item(item) => item.into_node(),
        Given::Content(content) => {
            let mut node = match content {
                Content::Body(body) => Node { body, ..section() },
                Content::Items(items) => Node { items, ..section() },
                Content::Node(node) => node,
            };
            node.title.get_or_insert_with(heading);
            node
        }
        Given::Schedule(schedule) => Node {
            title: Some(heading()),
            schedule,
            ..section()
        },
    }
}

fn section() -> Node {
    Node {
        numbered: true,
        layout: Some(Layout::Heading),
        ..Node::default()
    }
}

struct Numbering {
    patterns: Vec<Pattern>,
    month: MonthStyle,
}

impl Numbering {
    fn marker(&self, level: usize, n: u64) -> String {
        numerals::level_marker(&self.patterns, level, n)
    }

    /// Numbers a list of siblings standing at `level`; numbering restarts here.
    fn nodes(&self, nodes: Vec<Node>, level: usize, depth: usize, top: bool) -> Vec<NodeView> {
        let mut count = 0;
        nodes
            .into_iter()
            .map(|node| {
                let marker = if node.numbered {
                    count += 1;
                    self.marker(level, count)
                } else {
                    String::new()
                };
                self.node(node, marker, level, depth, top)
            })
            .collect()
    }

    fn node(&self, node: Node, marker: String, level: usize, depth: usize, top: bool) -> NodeView {
        let child_level = if node.numbered { level + 1 } else { level };
        let mut title = node.title.map(|Text(t)| one_line(&t));
        let layout = match (node.layout, &title) {
            (_, None) => Layout::Inline,
            (Some(layout), _) => layout,
            (None, Some(title)) => {
                // A title runs into its body only when it ends as a sentence: 学习为先。教师…,
                // never 加强民主管理每学年…, which reads as one phrase.
                let leaf = node.items.is_empty() && node.schedule.is_empty();
                let ends = title.is_empty() || crate::text::ends_a_sentence(title);
                if !top && leaf && ends && !node.body.0.is_empty() {
                    Layout::Inline
                } else {
                    Layout::Heading
                }
            }
        };
        // A part with no words of its own (a numbering that starts again) is no heading:
        // its items stand at its own depth.
        let part = !node.numbered && title.is_none() && node.body.0.is_empty();
        let (child_depth, child_top) = if part {
            (depth, top)
        } else {
            (depth + 1, false)
        };
        let items = node.items.into_iter().map(Item::into_node).collect();
        let mut body = paragraphs(node.body);
        if node.numbered {
            if let Some(text) = title.as_mut().or(body.first_mut()) {
                untyped(text, None);
            }
        }
        NodeView {
            marker,
            level,
            depth,
            title,
            layout,
            body,
            items: self.nodes(items, child_level, child_depth, child_top),
            schedule: node
                .schedule
                .into_iter()
                .map(|entry| self.month(entry, child_level, depth + 1))
                .collect(),
        }
    }

    fn month(&self, entry: ScheduleEntry, level: usize, depth: usize) -> MonthView {
        let items = entry.items.into_iter().map(Item::into_node).collect();
        let mut items = self.nodes(items, level + 1, depth + 1, false);
        for item in items.iter_mut().filter(|item| !item.marker.is_empty()) {
            if let Some(text) = item.title.as_mut().or(item.body.first_mut()) {
                untyped(text, Some(entry.month));
            }
        }
        MonthView {
            label: month_label(entry.month, &self.month),
            months: entry.month.iter().collect(),
            level,
            depth,
            items,
        }
    }
}

/// Leaves out of a numbered text what a hand typed that the tool writes itself: a marker
/// (`一、`, `（二）`, `1.` …) and, in an item under `months`, a label of those months
/// (`三月份：`). A label of other months, or of one month of a run (`7月：` under 7—8月), stays:
/// it says something the schedule does not.
fn untyped(text: &mut String, months: Option<Months>) {
    let mut end = 0;
    for (at, typed) in numerals::typed_prefixes(text, months.is_some()) {
        if let (numerals::Typing::Months(label), Some(months)) = (&typed, months) {
            // Only the entry's own months: `7月：` under 7—8月 says which of the two.
            if (label.first, label.last) != (months.first, months.last) {
                break;
            }
        }
        end = at + typed.skipped_len();
    }
    text.drain(..end);
}

/// A numbered text without the marker a hand typed into it (`一、加强…` → `加强…`).
pub fn without_typed_marker(text: &str) -> String {
    let mut text = text.to_owned();
    untyped(&mut text, None);
    text
}

/// 二月份, 元月份, 七、八月份, 七—八月份, 2月份 …
pub fn month_label(months: Months, style: &MonthStyle) -> String {
    let name = |m: u8| match (style.numerals, m) {
        (MonthNumerals::Chinese, 1) if style.january == January::Yuan => "元".to_owned(),
        (MonthNumerals::Chinese, m) => numerals::chinese(u64::from(m)),
        (MonthNumerals::Arabic, m) => m.to_string(),
    };
    let names: Vec<String> = if months.first == months.last {
        vec![name(months.first)]
    } else {
        match style.range {
            RangeStyle::List => months.iter().map(name).collect(),
            RangeStyle::Dash => vec![name(months.first), name(months.last)],
        }
    };
    let separator = match style.range {
        RangeStyle::List => "、",
        RangeStyle::Dash => "—",
    };
    let suffix = match style.suffix {
        MonthSuffix::Yuefen => "月份",
        MonthSuffix::Yue => "月",
    };
    format!("{}{suffix}", names.join(separator))
}

/// 2027年1月5日, or 二〇二七年一月五日 (GB/T 9704 allows both).
pub fn format_date(date: Date, style: DateStyle) -> String {
    match style {
        DateStyle::Arabic => format!("{}年{}月{}日", date.year, date.month, date.day),
        DateStyle::Chinese => format!(
            "{}年{}月{}日",
            numerals::chinese_digits(date.year as u64),
            numerals::chinese(u64::from(date.month)),
            numerals::chinese(u64::from(date.day))
        ),
    }
}

/// 城东中学工会2027年工作计划, …2027年上半年工作计划, …2026—2027学年第一学期工作计划 …
pub fn default_title(organization: &str, year: Option<i32>, period: Period, kind: Kind) -> String {
    let when = match year {
        Some(year) => period.when(year),
        None => period.title_words().to_owned(),
    };
    let kind = match kind {
        Kind::Plan => "工作计划",
        Kind::Summary => "工作总结",
    };
    format!("{organization}{when}{kind}")
}

/// Each line of each string is a paragraph; blank lines and surrounding spaces go.
fn paragraphs(Paragraphs(texts): Paragraphs) -> Vec<String> {
    texts
        .iter()
        .flat_map(|text| crate::text::lines(text))
        .map(|line| join_wide(line.trim()))
        .filter(|line| !line.is_empty())
        .collect()
}

/// A title or name on one line.
fn one_line(text: &str) -> String {
    let lines: Vec<&str> = crate::text::lines(text)
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    join_wide(&lines.join(" "))
}

/// Drops the space YAML puts where a long line of Chinese was wrapped: a single space
/// between two wide characters is never meant in Chinese text.
fn join_wide(text: &str) -> String {
    if !text.contains(' ') {
        return text.to_owned();
    }
    let chars: Vec<char> = text.chars().collect();
    let wide = |c: Option<&char>| c.and_then(|c| c.width()) == Some(2);
    chars
        .iter()
        .enumerate()
        .filter(|&(i, &c)| !(c == ' ' && i > 0 && wide(chars.get(i - 1)) && wide(chars.get(i + 1))))
        .map(|(_, &c)| c)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn view(yaml: &str) -> View {
        build(crate::validate::valid(serde_yaml::from_str(yaml).unwrap()).unwrap())
    }

    fn markers(nodes: &[NodeView]) -> Vec<&str> {
        nodes.iter().map(|n| n.marker.as_str()).collect()
    }

    #[test]
    fn default_titles() {
        let cases = [
            (Period::Year, Kind::Plan, "城东中学工会2026年工作计划"),
            (
                Period::FirstHalf,
                Kind::Plan,
                "城东中学工会2026年上半年工作计划",
            ),
            (
                Period::SecondHalf,
                Kind::Plan,
                "城东中学工会2026年下半年工作计划",
            ),
            (
                Period::AutumnTerm,
                Kind::Plan,
                "城东中学工会2026—2027学年第一学期工作计划",
            ),
            (
                Period::SpringTerm,
                Kind::Plan,
                "城东中学工会2026—2027学年第二学期工作计划",
            ),
            (
                Period::SchoolYear,
                Kind::Summary,
                "城东中学工会2026—2027学年工作总结",
            ),
            (Period::Year, Kind::Summary, "城东中学工会2026年工作总结"),
        ];
        for (period, kind, title) in cases {
            assert_eq!(
                default_title("城东中学工会", Some(2026), period, kind),
                title
            );
        }
        assert_eq!(
            default_title("", None, Period::AutumnTerm, Kind::Plan),
            "第一学期工作计划"
        );
    }

    #[test]
    fn unnumbered_labels_use_no_number_and_no_level() {
        let v = view(
            "sections:\n\
             - title: 上半年工作总结\n  numbered: false\n  items: [甲, 乙]\n\
             - title: 下半年工作思路\n  numbered: false\n  items:\n  - title: 丙\n    items: [丁]\n",
        );
        assert_eq!(markers(&v.sections), ["", ""]);
        assert_eq!(markers(&v.sections[0].items), ["一、", "二、"]);
        assert_eq!(markers(&v.sections[1].items), ["一、"]);
        assert_eq!(markers(&v.sections[1].items[0].items), ["（一）"]);
        assert_eq!(v.sections[1].items[0].items[0].level, 2);
    }

    #[test]
    fn numbering_restarts_under_every_parent_and_skips_labels() {
        let v = view(
            "sections:\n\
             - title: 甲\n  items: [a, b]\n\
             - title: 重点工作：\n  numbered: false\n\
             - title: 乙\n  items: [c]\n",
        );
        assert_eq!(markers(&v.sections), ["一、", "", "二、"]);
        assert_eq!(markers(&v.sections[0].items), ["（一）", "（二）"]);
        assert_eq!(markers(&v.sections[2].items), ["（一）"]);
    }

    #[test]
    fn deeper_levels_repeat_the_last_pattern() {
        let v = view(
            "style: {numbering: [一、, 1、]}\n\
             sections:\n- title: a\n  items:\n  - title: b\n    items:\n    - title: c\n      items: [d, e]\n",
        );
        let b = &v.sections[0].items[0];
        assert_eq!(b.marker, "1、");
        assert_eq!(b.items[0].marker, "1、");
        assert_eq!(markers(&b.items[0].items), ["1、", "2、"]);
    }

    #[test]
    fn many_items_get_chinese_numbers() {
        let items: Vec<String> = (0..101).map(|i| format!("- s{i}")).collect();
        let v = view(&format!("sections:\n{}\n", items.join("\n")));
        assert_eq!(v.sections[10].marker, "十一、");
        assert_eq!(v.sections[19].marker, "二十、");
        assert_eq!(v.sections[98].marker, "九十九、");
        assert_eq!(v.sections[100].marker, "一百零一、");
    }

    #[test]
    fn inline_and_heading_defaults() {
        let v = view(
            "sections:\n\
             - title: 主要工作\n  body: 总述。\n\
             - title: 要点\n  items:\n\
             \x20 - title: 学习为先。\n    body: 教师必需学习。\n\
             \x20 - title: 维权为实。\n    body: 维护权益。\n    items: [x]\n\
             \x20 - title: 标题\n    body: 正文\n    layout: heading\n\
             \x20 - 只有内容\n\
             \x20 - title: 加强民主管理\n    body: 每学年召开一次教代会。\n\
             \x20 - title: 开展“三八”节庆祝活动：\n    body: 关心女教工。\n\
             \x20 - title: “书香校园”读书月。”\n    body: 全体参加。\n",
        );
        assert_eq!(v.sections[0].layout, Layout::Heading);
        let layouts: Vec<Layout> = v.sections[1].items.iter().map(|n| n.layout).collect();
        assert_eq!(
            layouts,
            [
                Layout::Inline,
                Layout::Heading,
                Layout::Heading,
                Layout::Inline,
                Layout::Heading,
                Layout::Inline,
                Layout::Inline
            ]
        );
    }

    #[test]
    fn schedule_months_take_a_level() {
        let v = view(
            "year: 2026\nperiod: autumn-term\nstyle: {month: {january: 元}}\n\
             schedule:\n- month: 9\n  items: [开学]\n- month: 12-1\n  items: [a]\n- month: 1\n  items: [b, c]\n",
        );
        let s = &v.sections[0];
        assert_eq!(s.title.as_deref(), Some("具体工作安排"));
        let labels: Vec<&str> = s.schedule.iter().map(|m| m.label.as_str()).collect();
        assert_eq!(labels, ["九月份", "十二、元月份", "元月份"]);
        assert_eq!(s.schedule[0].level, 2);
        assert_eq!(markers(&s.schedule[2].items), ["1.", "2."]);
    }

    #[test]
    fn month_label_styles() {
        let style = |numerals, range, suffix| MonthStyle {
            numerals,
            january: January::One,
            range,
            suffix,
        };
        let m = |first, last| Months { first, last };
        let chinese = style(
            MonthNumerals::Chinese,
            RangeStyle::List,
            MonthSuffix::Yuefen,
        );
        assert_eq!(month_label(m(7, 8), &chinese), "七、八月份");
        assert_eq!(month_label(m(11, 11), &chinese), "十一月份");
        assert_eq!(month_label(m(1, 1), &chinese), "一月份");
        let dash = style(MonthNumerals::Chinese, RangeStyle::Dash, MonthSuffix::Yue);
        assert_eq!(month_label(m(7, 9), &dash), "七—九月");
        let arabic = style(MonthNumerals::Arabic, RangeStyle::List, MonthSuffix::Yuefen);
        assert_eq!(month_label(m(2, 2), &arabic), "2月份");
    }

    #[test]
    fn dates_in_both_styles() {
        let d = Date {
            year: 2027,
            month: 1,
            day: 5,
        };
        assert_eq!(format_date(d, DateStyle::Arabic), "2027年1月5日");
        assert_eq!(format_date(d, DateStyle::Chinese), "二〇二七年一月五日");
        let d = Date {
            year: 2026,
            month: 12,
            day: 31,
        };
        assert_eq!(
            format_date(d, DateStyle::Chinese),
            "二〇二六年十二月三十一日"
        );
    }

    #[test]
    fn typed_markers_are_left_out() {
        let v = view(
            "sections:\n\
             - title: 一、 指导思想\n  body: 以……为指导。\n\
             - title: 三、工作目标\n  items:\n  - (一)增强服务意识\n  - title: （二）关心教职工。\n    body: 1、不是标记的正文\n\
             - title: 一、不编号的标签\n  numbered: false\n  items: [1.5倍, 一是学习]\n\
             - title: 具体工作安排\n  schedule:\n  - month: 3\n    items: [1.三月份：植树, 四月：春游, 3月8日庆祝]\n\
             \x20 - month: 7-8\n    items: [七、八月：暑期疗养, {title: 1、 8月：返校, numbered: false}]\n",
        );
        let title = |n: &NodeView| n.title.clone().unwrap_or_else(|| n.body[0].clone());
        let titles = |nodes: &[NodeView]| nodes.iter().map(title).collect::<Vec<_>>();
        assert_eq!(
            titles(&v.sections),
            ["指导思想", "工作目标", "一、不编号的标签", "具体工作安排"]
        );
        assert_eq!(
            titles(&v.sections[1].items),
            ["增强服务意识", "关心教职工。"]
        );
        assert_eq!(v.sections[1].items[1].body, ["1、不是标记的正文"]);
        assert_eq!(titles(&v.sections[2].items), ["1.5倍", "一是学习"]);
        let schedule = &v.sections[3].schedule;
        assert_eq!(
            titles(&schedule[0].items),
            ["植树", "四月：春游", "3月8日庆祝"]
        );
        assert_eq!(titles(&schedule[1].items), ["暑期疗养", "1、 8月：返校"]);
    }

    /// The lint names the marker the tool gives a text; it must be the view's.
    #[test]
    fn the_lint_numbers_as_the_view_does() {
        let yaml = "style: {numbering: [第一，, 1、, ①]}\n\
             guiding_ideology: ㊿甲\n\
             key_tasks:\n- ㊿乙\n- title: ㊿丙\n  items:\n  - ㊿丁\n  - title: ㊿戊\n    items: [㊿己]\n\
             \x20 - title: 标签\n    numbered: false\n    items: [㊿庚, ㊿辛]\n\
             schedule:\n- month: 9\n  items: [㊿壬, {title: 无号, numbered: false}, ㊿癸]\n\
             - month: 10\n  items: [{body: ㊿子, items: [㊿丑]}]\n";
        let mut plan: Plan = serde_yaml::from_str(yaml).unwrap();
        let sections = plan.take_sections();
        let linted: Vec<String> = crate::lint::lint(&plan, &sections)
            .into_iter()
            .filter(|f| f.message.code() == "typed-marker")
            .filter_map(|f| match f.message.arg("marker")? {
                crate::messages::Arg::Text(marker) => Some(marker.clone()),
                _ => None,
            })
            .collect();
        fn numbered(nodes: &[NodeView], out: &mut Vec<String>) {
            for node in nodes {
                if !node.marker.is_empty() && (node.title.is_some() || !node.body.is_empty()) {
                    out.push(node.marker.clone());
                }
                numbered(&node.items, out);
                for month in &node.schedule {
                    numbered(&month.items, out);
                }
            }
        }
        let mut viewed = Vec::new();
        // The sections are titled by their keys; their items and schedules are typed.
        for section in view(yaml).sections {
            numbered(&section.items, &mut viewed);
            for month in &section.schedule {
                numbered(&month.items, &mut viewed);
            }
        }
        assert_eq!(linted, viewed);
        assert_eq!(viewed.len(), 11);
    }

    #[test]
    fn wrapped_chinese_lines_join_without_a_space() {
        assert_eq!(join_wide("认真落实 科学发展观"), "认真落实科学发展观");
        assert_eq!(join_wide("use 2 spaces"), "use 2 spaces");
        assert_eq!(join_wide("工会 WPS 文档"), "工会 WPS 文档");
    }
}
