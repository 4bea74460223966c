//! `init`'s starter plan: the standard sections of a plan or summary for a period, ×× where
//! the secretary's words go (the placeholder lint lists each), and a comment on each key in
//! the language of the keys.

use crate::import::write::{name, scalar, value, Keys, Writer};
use crate::model::{self, Kind, Period};

/// The first line of every draft: where editors find the schema. A file beside the plan
/// (what `unionplan schema` writes) works without a network, as the README says.
pub const SCHEMA_LINE: &str = "# yaml-language-server: $schema=./unionplan.schema.json";

/// What the starter is for.
#[derive(Debug, Clone)]
pub struct Starter {
    pub period: Period,
    pub kind: Kind,
    pub keys: Keys,
    /// The union's name; ××工会 without it.
    pub organization: Option<String>,
    pub year: i32,
    /// The file's name as the header's `check` line names it.
    pub file: String,
}

/// What is to be filled in.
pub const BLANK: &str = "××";

/// The year a draft of `period` is for when none is given: that of the period which starts
/// in the year after today's (UTC), since plans are written in December and January. For a
/// spring term, which starts in February, that is the year its school year starts: today's.
pub fn default_year(period: Period, now: std::time::SystemTime) -> i32 {
    let days = now
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() / 86_400) as i64;
    let next = civil_year(days) + 1;
    if period.year_of(next, period.months()[0]) == next {
        next
    } else {
        next - 1
    }
}

/// The Gregorian year of a day counted from 1970-01-01 (Howard Hinnant's `civil_from_days`).
fn civil_year(days: i64) -> i32 {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(month <= 2)) as i32
}

/// How a plan's preface opens for its period, and how a summary's does.
fn opening(period: Period, kind: Kind) -> &'static str {
    match (kind, period) {
        (Kind::Plan, Period::Year) => "新的一年，",
        (_, Period::FirstHalf) => "上半年，",
        (_, Period::SecondHalf) => "下半年，",
        (Kind::Plan, Period::AutumnTerm | Period::SpringTerm) => "本学期，",
        (Kind::Plan, Period::SchoolYear) => "本学年，",
        (Kind::Summary, Period::Year) => "一年来，",
        (Kind::Summary, Period::AutumnTerm | Period::SpringTerm) => "本学期，",
        (Kind::Summary, Period::SchoolYear) => "本学年，",
    }
}

/// The preface of a draft, ×× where the secretary's words go.
pub fn preface(period: Period, kind: Kind, organization: &str) -> String {
    let opening = opening(period, kind);
    match kind {
        Kind::Plan => format!(
            "{opening}{organization}将在{BLANK}的领导下，紧紧围绕{BLANK}，{BLANK}。为此，特制定本计划。"
        ),
        Kind::Summary => format!(
            "{opening}{organization}在{BLANK}的领导下，紧紧围绕{BLANK}，{BLANK}。现将工作总结如下。"
        ),
    }
}

/// The starter file's text.
pub fn starter(s: &Starter) -> String {
    let keys = s.keys;
    let mut w = Writer {
        keys,
        out: String::new(),
    };
    let key = |en| name::<model::Plan>(keys, en);
    let organization = s
        .organization
        .clone()
        .unwrap_or_else(|| format!("{BLANK}工会"));
    let file = &s.file;

    w.line(0, SCHEMA_LINE);
    w.comment(
        0,
        "上面一行让编辑器（VS Code 等）补全和检查各项：在本文件所在的文件夹运行一次 unionplan schema > unionplan.schema.json 即可。",
        "The line above lets an editor (VS Code, …) complete and check the keys: run unionplan schema > unionplan.schema.json once in this file's folder.",
    );
    w.comment(
        0,
        &format!("把每个 ×× 换成实际内容；unionplan check --strict {file} 会逐行列出还没填的地方。"),
        &format!("Replace every ×× with your text; unionplan check --strict {file} lists, line by line, what is left to fill in."),
    );
    w.comment(
        0,
        "序号（一、（一）1.）由程序编排，不要手打；井号 # 开头的行是说明，不会印出来。",
        "The numbers (一、（一）1.) are the tool's: do not type them. Lines starting with # are notes and are not printed.",
    );
    w.line(0, "");

    w.comment(
        0,
        "发文的工会，如：城东中学工会",
        "The issuing union, e.g. 城东中学工会",
    );
    w.pair(0, key("organization"), &scalar(&organization));
    let (this, next) = (s.year, s.year + 1);
    w.comment(
        0,
        &format!("年度：学期、学年的计划写学年开始的那一年（{this}—{next}学年写 {this}）"),
        &format!("The year; for a term or a school year, the year the school year starts ({this} for {this}—{next})"),
    );
    w.pair(0, key("year"), &s.year.to_string());
    w.comment(
        0,
        "期间：全年、上半年、下半年、上学期（9月至次年1月）、下学期（2月至7月）、学年（9月至次年8月）",
        "The period: year, first-half, second-half, autumn-term (Sep–Jan), spring-term (Feb–Jul) or school-year (Sep–Aug)",
    );
    w.pair(
        0,
        key("period"),
        value::<model::Period>(keys, s.period.id()),
    );
    let kind_id = match s.kind {
        Kind::Plan => "plan",
        Kind::Summary => "summary",
    };
    w.comment(0, "文种：计划 或 总结", "The kind: plan or summary");
    w.pair(0, key("kind"), value::<model::Kind>(keys, kind_id));
    let title = crate::view::default_title(&organization, Some(s.year), s.period, s.kind);
    w.comment(
        0,
        &format!("标题不用写，会按单位、年度、期间和文种生成：{title}；要另拟标题，加一行 标题: …"),
        &format!("No title is needed: it is built from the fields above ({title}); to give your own, add a line title: …"),
    );
    w.comment(
        0,
        "前言：写在正文第一部分之前的一段话",
        "The preface: a paragraph before the first section",
    );
    w.pair(
        0,
        key("preface"),
        // "工会", not its name: the preface stays true for every member union it is set for.
        &scalar(&preface(s.period, s.kind, "工会")),
    );

    match s.kind {
        Kind::Plan => plan_body(&mut w, s.period),
        Kind::Summary => summary_body(&mut w),
    }

    // The 落款 is left to fill in, its 单位 to follow the document's: a plan set out for each
    // member union (`--set 单位=…`, `--each`) is then signed by each.
    let signature = |en| name::<model::Signature>(keys, en);
    w.comment(
        0,
        "落款：印在正文后右下方的单位和日期；单位不写时就是上面的单位。填好日期（年-月-日，如 2027-01-05）后，去掉下面两行开头的 # 号",
        "The signature under the text: the union (the document's, unless given) and the date; once the date (year-month-day, 2027-01-05) is filled in, remove the # before the next two lines",
    );
    w.comment(
        0,
        &format!("{}:", key("signature")),
        &format!("{}:", key("signature")),
    );
    w.comment(
        1,
        &format!("{}: 年-月-日", signature("date")),
        &format!("{}: YYYY-MM-DD", signature("date")),
    );

    let style = |en| name::<model::Style>(keys, en);
    w.comment(
        0,
        "版式：各级序号的样式，从第一级往下；改成 [一、, 1、, （1）] 这样，整篇的序号就跟着换",
        "The style: the markers of the numbered levels, top down; change them (e.g. [一、, 1、, （1）]) and the whole document follows",
    );
    w.line(0, &format!("{}:", key("style")));
    let markers: Vec<String> = ["一、", "（一）", "1.", "（1）"]
        .iter()
        .map(|m| scalar(m))
        .collect();
    w.pair(1, style("numbering"), &format!("[{}]", markers.join(", ")));
    w.out
}

/// Two key items: a lead phrase and what is done.
fn two_items(w: &mut Writer, indent: usize) {
    let keys = w.keys;
    let node = |en| name::<model::Node>(keys, en);
    w.comment(
        indent,
        "每项一条：标题是这项工作的要点（一句话，句号结尾），内容是具体做法；要加一项，照样再写一条",
        "One entry per item: its title is the item's point (a sentence, ending in 。), its body what is done; copy an entry to add one",
    );
    for _ in 0..2 {
        w.pair(
            indent,
            &format!("- {}", node("title")),
            &scalar(&format!("{BLANK}。")),
        );
        w.pair(indent + 1, node("body"), &scalar(BLANK));
    }
}

/// 指导思想, 工作目标, 重点工作 with two items, 具体工作安排 with the period's months.
fn plan_body(w: &mut Writer, period: Period) {
    let keys = w.keys;
    let key = |en| name::<model::Plan>(keys, en);
    let entry = |en| name::<model::ScheduleEntry>(keys, en);
    w.comment(
        0,
        "指导思想：一段话；分几段写时，每段一行，行首写 “- ”",
        "The guiding ideology: a paragraph; for several, one a line, each after “- ”",
    );
    w.pair(
        0,
        key("guiding_ideology"),
        &scalar(&format!("以{BLANK}为指导，{BLANK}。")),
    );
    w.comment(
        0,
        "工作目标：一段话，或每个目标一行，行首写 “- ”",
        "The goals: a paragraph, or one goal a line, each after “- ”",
    );
    w.line(0, &format!("{}:", key("goals")));
    w.line(1, &format!("- {}", scalar(BLANK)));
    w.comment(
        0,
        "重点工作：一项一项写，下一级的条目写在 事项 下面",
        "The key tasks, one by one; an item's own items go under items",
    );
    w.line(0, &format!("{}:", key("key_tasks")));
    two_items(w, 1);
    w.comment(
        0,
        "具体工作安排：按月份列出事项，月份按期间的顺序；几个月合在一起写成 \"7-8\"，没有安排的月份可以删去",
        "The schedule: the items month by month, in the period's order; several months together as \"7-8\"; a month with nothing to do may go",
    );
    w.line(0, &format!("{}:", key("schedule")));
    for month in period.months() {
        w.pair(1, &format!("- {}", entry("month")), &month.to_string());
        w.line(2, &format!("{}:", entry("items")));
        w.line(3, &format!("- {}", scalar(BLANK)));
    }
}

/// The parts of a 工作总结: what was done, what fell short, and the next period's ideas.
fn summary_body(w: &mut Writer) {
    let keys = w.keys;
    let key = |en| name::<model::Plan>(keys, en);
    let node = |en| name::<model::Node>(keys, en);
    w.comment(
        0,
        "正文：各部分依次排列，每部分有标题，内容（一段话）或事项（下一级的条目）",
        "The body, part by part: each with a title and a body (a paragraph) or items (the level below)",
    );
    w.line(0, &format!("{}:", key("sections")));
    w.pair(1, &format!("- {}", node("title")), "主要工作及成效");
    w.line(2, &format!("{}:", node("items")));
    two_items(w, 3);
    w.pair(1, &format!("- {}", node("title")), "存在的问题和不足");
    w.pair(2, node("body"), &scalar(BLANK));
    w.pair(1, &format!("- {}", node("title")), "下一步工作思路");
    w.line(2, &format!("{}:", node("items")));
    for _ in 0..2 {
        w.line(3, &format!("- {}", scalar(BLANK)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_year_of_a_day() {
        for (days, year) in [
            (0, 1970),
            (-1, 1969),
            (365, 1971),
            (20_819, 2027),
            (20_818, 2026),
            (20_453, 2025),
            (20_454, 2026),
            (11_016, 2000),
        ] {
            assert_eq!(civil_year(days), year, "{days}");
        }
    }
}
