//! Lints: what hand-written plans get wrong and a valid file can still contain. Placeholders
//! never filled, festivals in the wrong month or with the wrong date, schedules out of the
//! period or out of order, years that contradict the plan's. All are warnings (errors under
//! `--strict`), each placed by data path.

use crate::error::{Finding, Seg};
use crate::model::{Content, Date, Item, Node, Paragraphs, Period, Plan, ScheduleEntry, Text};

/// How many text findings are looked for at most.
pub const LIMIT: usize = 1000;

/// Every lint finding for a plan (text findings stop after about [`LIMIT`]).
pub fn lint(plan: &Plan) -> Vec<Finding> {
    let mut findings = Vec::new();
    let mut year_findings = Vec::new();
    let year = plan.year.map(|year| year.0);
    plan_texts(plan, &mut |path, text| {
        // A file full of one mistake says so soon enough; this bounds the work on huge files.
        if findings.len() < LIMIT {
            placeholders(path, text, &mut findings);
            festival_dates(path, text, &mut findings);
        }
        if let Some(year) = year {
            years(plan.period, year, path, text, &mut year_findings);
        }
    });
    findings.append(&mut year_findings);
    if let (Some(year), Some(date)) = (year, plan.signature.as_ref().and_then(|s| s.date)) {
        signature_date(plan.period, year, date, &mut findings);
    }
    for (path, schedule) in schedules(plan) {
        schedule_months(plan.period, &path, schedule, &mut findings);
        let mut item_path = path;
        for (e, entry) in schedule.iter().enumerate() {
            if !entry.month.runs_forward_from(period_start(plan.period)) {
                continue;
            }
            let months: Vec<u8> = entry.month.iter().collect();
            for (i, item) in entry.items.iter().enumerate() {
                item_path.extend([Seg::Index(e), Seg::Key("items"), Seg::Index(i)]);
                let mut item_texts = Vec::new();
                item_texts_of(&mut item_path, item, &mut |path, text| {
                    item_texts.push((path.to_vec(), text));
                });
                festival_months(&months, &item_texts, &mut findings);
                item_path.truncate(item_path.len() - 3);
            }
        }
    }
    findings
}

/// Texts with their data paths.
type Texts<'a> = Vec<(Vec<Seg>, &'a str)>;

/// Calls `f` with every piece of text in the plan and its data path. The path is a stack
/// that grows and shrinks as the walk goes, so that only a finding copies it.
pub(crate) fn plan_texts<'a>(plan: &'a Plan, f: &mut impl FnMut(&[Seg], &'a str)) {
    let path = &mut Vec::with_capacity(16);
    if let Some(Text(t)) = &plan.title {
        text_at(path, Seg::Key("title"), t, f);
    }
    if let Some(Text(t)) = &plan.organization {
        text_at(path, Seg::Key("organization"), t, f);
    }
    paragraphs_at(path, Seg::Key("preface"), &plan.preface, f);
    paragraphs_at(path, Seg::Key("closing"), &plan.closing, f);
    if let Some(Text(t)) = plan
        .signature
        .as_ref()
        .and_then(|s| s.organization.as_ref())
    {
        path.push(Seg::Key("signature"));
        text_at(path, Seg::Key("organization"), t, f);
        path.pop();
    }
    if let Some(sections) = &plan.sections {
        path.push(Seg::Key("sections"));
        items_texts(path, sections, f);
        path.pop();
    }
    for (key, content) in [
        ("guiding_ideology", &plan.guiding_ideology),
        ("goals", &plan.goals),
        ("key_tasks", &plan.key_tasks),
    ] {
        path.push(Seg::Key(key));
        match content {
            Some(Content::Body(Paragraphs(ps))) => {
                for (i, p) in ps.iter().enumerate() {
                    text_at(path, Seg::Index(i), p, f);
                }
            }
            Some(Content::Items(items)) => items_texts(path, items, f),
            Some(Content::Node(node)) => node_texts(path, node, f),
            None => {}
        }
        path.pop();
    }
    if let Some(schedule) = &plan.schedule {
        path.push(Seg::Key("schedule"));
        schedule_texts(path, schedule, f);
        path.pop();
    }
}

fn text_at<'a>(path: &mut Vec<Seg>, seg: Seg, text: &'a str, f: &mut impl FnMut(&[Seg], &'a str)) {
    path.push(seg);
    f(path, text);
    path.pop();
}

fn paragraphs_at<'a>(
    path: &mut Vec<Seg>,
    seg: Seg,
    Paragraphs(ps): &'a Paragraphs,
    f: &mut impl FnMut(&[Seg], &'a str),
) {
    path.push(seg);
    for (i, p) in ps.iter().enumerate() {
        text_at(path, Seg::Index(i), p, f);
    }
    path.pop();
}

fn items_texts<'a>(path: &mut Vec<Seg>, items: &'a [Item], f: &mut impl FnMut(&[Seg], &'a str)) {
    for (i, item) in items.iter().enumerate() {
        path.push(Seg::Index(i));
        item_texts_of(path, item, f);
        path.pop();
    }
}

fn item_texts_of<'a>(path: &mut Vec<Seg>, item: &'a Item, f: &mut impl FnMut(&[Seg], &'a str)) {
    match item {
        Item::Text(t) => f(path, t),
        Item::Node(node) => node_texts(path, node, f),
    }
}

fn node_texts<'a>(path: &mut Vec<Seg>, node: &'a Node, f: &mut impl FnMut(&[Seg], &'a str)) {
    if let Some(Text(t)) = &node.title {
        text_at(path, Seg::Key("title"), t, f);
    }
    paragraphs_at(path, Seg::Key("body"), &node.body, f);
    path.push(Seg::Key("items"));
    items_texts(path, &node.items, f);
    path.pop();
    path.push(Seg::Key("schedule"));
    schedule_texts(path, &node.schedule, f);
    path.pop();
}

fn schedule_texts<'a>(
    path: &mut Vec<Seg>,
    schedule: &'a [ScheduleEntry],
    f: &mut impl FnMut(&[Seg], &'a str),
) {
    for (e, entry) in schedule.iter().enumerate() {
        path.extend([Seg::Index(e), Seg::Key("items")]);
        items_texts(path, &entry.items, f);
        path.truncate(path.len() - 2);
    }
}

/// Every schedule in the plan, with the data path of its list.
pub(crate) fn schedules(plan: &Plan) -> Vec<(Vec<Seg>, &[ScheduleEntry])> {
    fn walk<'a>(
        node: &'a Node,
        path: &mut Vec<Seg>,
        out: &mut Vec<(Vec<Seg>, &'a [ScheduleEntry])>,
    ) {
        if !node.schedule.is_empty() {
            let mut at = path.clone();
            at.push(Seg::Key("schedule"));
            out.push((at, &node.schedule));
        }
        for (i, item) in node.items.iter().enumerate() {
            if let Item::Node(n) = item {
                path.extend([Seg::Key("items"), Seg::Index(i)]);
                walk(n, path, out);
                path.truncate(path.len() - 2);
            }
        }
        for (e, entry) in node.schedule.iter().enumerate() {
            for (i, item) in entry.items.iter().enumerate() {
                if let Item::Node(n) = item {
                    path.extend([
                        Seg::Key("schedule"),
                        Seg::Index(e),
                        Seg::Key("items"),
                        Seg::Index(i),
                    ]);
                    walk(n, path, out);
                    path.truncate(path.len() - 4);
                }
            }
        }
    }
    let mut out = Vec::new();
    if let Some(schedule) = &plan.schedule {
        out.push((vec![Seg::Key("schedule")], schedule.as_slice()));
    }
    let path = &mut Vec::with_capacity(16);
    for (i, item) in plan.sections.iter().flatten().enumerate() {
        if let Item::Node(n) = item {
            path.extend([Seg::Key("sections"), Seg::Index(i)]);
            walk(n, path, &mut out);
            path.clear();
        }
    }
    for (key, content) in [
        ("guiding_ideology", &plan.guiding_ideology),
        ("goals", &plan.goals),
        ("key_tasks", &plan.key_tasks),
    ] {
        match content {
            Some(Content::Node(n)) => {
                path.push(Seg::Key(key));
                walk(n, path, &mut out);
                path.clear();
            }
            Some(Content::Items(items)) => {
                for (i, item) in items.iter().enumerate() {
                    if let Item::Node(n) = item {
                        path.extend([Seg::Key(key), Seg::Index(i)]);
                        walk(n, path, &mut out);
                        path.clear();
                    }
                }
            }
            _ => {}
        }
    }
    out
}

/// Placeholders left in text: xx年, ××, ＊＊, ***, __, □, and dates with no numbers (于月日).
fn placeholders(path: &[Seg], text: &str, out: &mut Vec<Finding>) {
    for (start, end) in placeholder_spans(text) {
        let found = &text[start..end];
        out.push(
            Finding::warning(
                path.to_vec(),
                format!("placeholder `{found}` left in the text"),
                "fill in the real value",
            )
            .at(found),
        );
    }
    let blanks = text
        .match_indices('月')
        .filter(|(at, month)| text[at + month.len()..].starts_with('日'));
    for (at, _) in blanks {
        let mut before = text[..at].chars().rev();
        let mut blank = "月日";
        let mut previous = before.next();
        if previous == Some('年') {
            blank = "年月日";
            previous = before.next();
        }
        if !previous.is_some_and(is_numeral) {
            let before = previous.map(String::from).unwrap_or_default();
            out.push(
                Finding::warning(
                    path.to_vec(),
                    format!("date `{before}{blank}` has no numbers"),
                    "write the date, such as 3月12日",
                )
                .at(format!("{before}{blank}")),
            );
        }
    }
}

fn is_numeral(c: char) -> bool {
    c.is_ascii_digit() || "０１２３４５６７８９〇零一二三四五六七八九十元两廿卅".contains(c)
}

fn is_x(c: char) -> bool {
    matches!(c, 'x' | 'X' | 'ｘ' | 'Ｘ')
}

/// Byte ranges of placeholders: runs of two or more x (with a century before them, 20xx),
/// a lone x before 年月日号份, and runs of ×, ＊, *, _, ＿, △ (two or more) or □.
fn placeholder_spans(text: &str) -> Vec<(usize, usize)> {
    // Most text has none of the characters a placeholder is made of.
    if !text.contains(|c: char| is_x(c) || matches!(c, '×' | '＊' | '*' | '_' | '＿' | '△' | '□'))
    {
        return Vec::new();
    }
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let end_of = |i: usize| chars.get(i).map_or(text.len(), |&(at, _)| at);
    let letter = |i: Option<usize>| {
        i.and_then(|i| chars.get(i))
            .is_some_and(|&(_, c)| c.is_ascii_alphabetic() && !is_x(c))
    };
    let mut spans = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i].1;
        let run = chars[i..]
            .iter()
            .take_while(|&&(_, d)| d == c || (is_x(c) && is_x(d)))
            .count();
        let next = chars.get(i + run).map(|&(_, d)| d);
        let found = if is_x(c) {
            let inside_word = letter(i.checked_sub(1)) || letter(Some(i + run));
            !inside_word && (run >= 2 || next.is_some_and(|d| "年月日号份".contains(d)))
        } else {
            match c {
                '×' | '＊' | '*' | '_' | '＿' | '△' => run >= 2,
                '□' => true,
                _ => false,
            }
        };
        if found {
            let lone = is_x(c) && run == 1;
            let century = is_x(c)
                && run >= 2
                && i >= 2
                && matches!((chars[i - 2].1, chars[i - 1].1), ('1', '9') | ('2', '0'))
                && !(i >= 3 && chars[i - 3].1.is_ascii_digit());
            let start = if century { chars[i - 2].0 } else { chars[i].0 };
            let end = if lone { end_of(i + 2) } else { end_of(i + run) };
            spans.push((start, end));
        }
        i += run;
    }
    spans
}

/// A festival: the names it goes by, its month and day.
struct Festival {
    name: &'static str,
    /// Its two numerals (三八), written together or with a dot or 、 between (三·八).
    numbers: Option<(char, char)>,
    /// Its name as a word (妇女节).
    word: &'static str,
    month: u8,
    day: u8,
}

const FESTIVALS: &[Festival] = &[
    Festival {
        name: "元旦",
        numbers: None,
        word: "元旦",
        month: 1,
        day: 1,
    },
    Festival {
        name: "三八妇女节",
        numbers: Some(('三', '八')),
        word: "妇女节",
        month: 3,
        day: 8,
    },
    Festival {
        name: "植树节",
        numbers: None,
        word: "植树节",
        month: 3,
        day: 12,
    },
    Festival {
        name: "五一劳动节",
        numbers: Some(('五', '一')),
        word: "劳动节",
        month: 5,
        day: 1,
    },
    Festival {
        name: "五四青年节",
        numbers: Some(('五', '四')),
        word: "青年节",
        month: 5,
        day: 4,
    },
    Festival {
        name: "护士节",
        numbers: None,
        word: "护士节",
        month: 5,
        day: 12,
    },
    Festival {
        name: "六一儿童节",
        numbers: Some(('六', '一')),
        word: "儿童节",
        month: 6,
        day: 1,
    },
    Festival {
        name: "七一建党节",
        numbers: Some(('七', '一')),
        word: "建党节",
        month: 7,
        day: 1,
    },
    Festival {
        name: "八一建军节",
        numbers: Some(('八', '一')),
        word: "建军节",
        month: 8,
        day: 1,
    },
    Festival {
        name: "教师节",
        numbers: None,
        word: "教师节",
        month: 9,
        day: 10,
    },
    Festival {
        name: "国庆节",
        numbers: None,
        word: "国庆",
        month: 10,
        day: 1,
    },
];

/// Whether a festival's name can start with `c`: the quick test that keeps the scan cheap.
fn may_start_festival(c: char) -> bool {
    matches!(
        c,
        '元' | '三'
            | '妇'
            | '植'
            | '五'
            | '劳'
            | '青'
            | '护'
            | '六'
            | '儿'
            | '七'
            | '建'
            | '八'
            | '教'
            | '国'
    )
}

/// Every festival named in `text`, with the byte range of its name, in one pass.
fn festival_mentions(text: &str) -> Vec<(&'static Festival, usize, usize)> {
    let mut found = Vec::new();
    for (at, c) in text.char_indices() {
        if !may_start_festival(c) {
            continue;
        }
        let rest = &text[at..];
        for festival in FESTIVALS {
            if festival.word.starts_with(c) && rest.starts_with(festival.word) {
                found.push((festival, at, at + festival.word.len()));
            }
            let Some((first, second)) = festival.numbers.filter(|(first, _)| *first == c) else {
                continue;
            };
            let mut after = rest[first.len_utf8()..].chars();
            let len = match (after.next(), after.next()) {
                (Some(b), _) if b == second => first.len_utf8() + b.len_utf8(),
                (Some(sep), Some(b)) if "·•・.、".contains(sep) && b == second => {
                    first.len_utf8() + sep.len_utf8() + b.len_utf8()
                }
                _ => continue,
            };
            found.push((festival, at, at + len));
        }
    }
    found
}

/// Words that make a festival in an earlier month a preparation, not a misplacement.
const PREPARATION: [&str; 5] = ["迎", "筹备", "准备", "筹划", "预备"];

/// A festival in a schedule month it does not fall in.
fn festival_months(months: &[u8], texts: &Texts<'_>, out: &mut Vec<Finding>) {
    let mut seen: Vec<&Festival> = Vec::new();
    let mentions = texts.iter().flat_map(|(path, text)| {
        festival_mentions(text)
            .into_iter()
            .map(move |(festival, start, end)| (festival, path, *text, &text[start..end]))
    });
    for (festival, path, text, written) in mentions {
        if seen.iter().any(|f| std::ptr::eq(*f, festival)) {
            continue;
        }
        seen.push(festival);
        if months.contains(&festival.month) {
            continue;
        }
        let preparing = PREPARATION.iter().any(|w| text.contains(w))
            && months
                .iter()
                .any(|&m| (1..=3).contains(&((festival.month + 12 - m) % 12)));
        if !preparing {
            let month_names: Vec<String> = months.iter().map(|m| format!("{m}月")).collect();
            out.push(
                Finding::warning(
                    path.clone(),
                    format!(
                        "{} falls in {}月, but it is scheduled under {}",
                        festival.name,
                        festival.month,
                        month_names.join("、")
                    ),
                    format!(
                        "move it to the {}月 entry (preparing for it earlier is fine: 筹备, 迎…)",
                        festival.month
                    ),
                )
                .at(written),
            );
        }
    }
}

/// A date such as 5.13, 5．13 or 5月13日 at the start (or, with `last`, the end) of `s`,
/// allowing only quotes and brackets around it: its month, day and text.
fn written_date(s: &str, last: bool) -> Option<(u8, u8, String)> {
    let quote = |c: char| "“”\"'‘’「」（）() ".contains(c);
    let trimmed = if last {
        s.trim_end_matches(quote)
    } else {
        s.trim_start_matches(quote)
    };
    let chars: Vec<char> = if last {
        trimmed.chars().rev().collect()
    } else {
        trimmed.chars().collect()
    };
    // Read forwards; backwards, the same shape is read from its end.
    let mut i = 0;
    let digits = |i: &mut usize| {
        let start = *i;
        while *i < chars.len() && *i - start < 2 && chars[*i].is_ascii_digit() {
            *i += 1;
        }
        (*i > start).then(|| {
            let mut run: Vec<char> = chars[start..*i].to_vec();
            if last {
                run.reverse();
            }
            run.into_iter().collect::<String>().parse::<u8>().ok()
        })?
    };
    let (month, day);
    if last {
        if i < chars.len() && matches!(chars[i], '日' | '号') {
            i += 1;
        }
        day = digits(&mut i)?;
        if i >= chars.len() || !matches!(chars[i], '.' | '．' | '月') {
            return None;
        }
        i += 1;
        month = digits(&mut i)?;
    } else {
        month = digits(&mut i)?;
        if i >= chars.len() || !matches!(chars[i], '.' | '．' | '月') {
            return None;
        }
        i += 1;
        day = digits(&mut i)?;
        if i < chars.len() && matches!(chars[i], '日' | '号') {
            i += 1;
        }
    }
    let mut written: Vec<char> = chars[..i].to_vec();
    if last {
        written.reverse();
    }
    Some((month, day, written.into_iter().collect()))
}

/// A festival written with a wrong date: “5.13”护士节.
fn festival_dates(path: &[Seg], text: &str, out: &mut Vec<Finding>) {
    for (festival, start, end) in festival_mentions(text) {
        // A date written right before or after the name, quotes and all.
        let before = &text[..start];
        let before = &before[before.char_indices().rev().nth(7).map_or(0, |(i, _)| i)..];
        let after = &text[end..];
        let after = &after[..after.char_indices().nth(7).map_or(after.len(), |(i, _)| i)];
        let near =
            |s: &str, last: bool| written_date(s, last).map(|(m, d, w)| (Some(m), Some(d), w));
        for (month, day, written) in [near(before, true), near(after, false)]
            .into_iter()
            .flatten()
        {
            if (month, day) != (Some(festival.month), Some(festival.day)) {
                out.push(
                    Finding::warning(
                        path.to_vec(),
                        format!(
                            "{} is on {}月{}日, not `{}`",
                            festival.name,
                            festival.month,
                            festival.day,
                            written.trim()
                        ),
                        format!("write {}月{}日", festival.month, festival.day),
                    )
                    .at(written.trim()),
                );
            }
        }
    }
}

/// The months of a period, in the order its schedule runs.
pub fn period_months(period: Period) -> Vec<u8> {
    match period {
        Period::Year => (1..=12).collect(),
        Period::FirstHalf => (1..=6).collect(),
        Period::SecondHalf => (7..=12).collect(),
        Period::AutumnTerm => vec![9, 10, 11, 12, 1],
        Period::SpringTerm => (2..=7).collect(),
        Period::SchoolYear => (9..=12).chain(1..=8).collect(),
    }
}

/// The month a period's schedule is read from: its first month, less half of the months
/// the period leaves out, so that a range just before the period (8-9 for an autumn term)
/// or just after it still runs forward, as in the calendar.
pub fn period_start(period: Period) -> u8 {
    let months = period_months(period);
    let outside = 12 - months.len() as u8;
    (months[0] - 1 + 12 - outside / 2) % 12 + 1
}

pub fn period_name(period: Period) -> &'static str {
    match period {
        Period::Year => "全年 (year)",
        Period::FirstHalf => "上半年 (first-half)",
        Period::SecondHalf => "下半年 (second-half)",
        Period::AutumnTerm => "上学期 (autumn-term, 9月–1月)",
        Period::SpringTerm => "下学期 (spring-term, 2月–7月)",
        Period::SchoolYear => "学年 (school-year, 9月–8月)",
    }
}

/// Schedule months outside the period, out of its order, or repeated.
fn schedule_months(
    period: Period,
    path: &[Seg],
    schedule: &[ScheduleEntry],
    out: &mut Vec<Finding>,
) {
    let order = period_months(period);
    let mut last: Option<(usize, u8)> = None;
    let mut seen = Vec::new();
    for (e, entry) in schedule.iter().enumerate() {
        // A range that runs backwards is an error of its own; its months mean nothing.
        if !entry.month.runs_forward_from(period_start(period)) {
            continue;
        }
        let mut at = path.to_vec();
        at.extend([Seg::Index(e), Seg::Key("month")]);
        for month in entry.month.iter() {
            let Some(position) = order.iter().position(|&m| m == month) else {
                out.push(Finding::warning(
                    at.clone(),
                    format!(
                        "{month}月 is outside the plan's period, {}",
                        period_name(period)
                    ),
                    "remove the entry, or set `period` to the span the plan covers",
                ));
                continue;
            };
            if seen.contains(&month) {
                out.push(Finding::warning(
                    at.clone(),
                    format!("{month}月 appears twice in the schedule"),
                    "merge the items into one entry for the month",
                ));
            } else if let Some((_, before_month)) = last.filter(|(before, _)| position < *before) {
                out.push(Finding::warning(
                    at.clone(),
                    format!("{month}月 comes after {before_month}月, out of the period's order"),
                    format!(
                        "order the months as the period runs: {}",
                        month_list(&order)
                    ),
                ));
            }
            seen.push(month);
            last = Some((position, month));
        }
    }
}

fn month_list(months: &[u8]) -> String {
    months
        .iter()
        .map(u8::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

/// Four-digit years (19xx, 20xx) followed by 年 or a dash (2026—2027), as byte ranges.
fn year_spans(text: &str) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut spans = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len() && bytes[i].is_ascii_digit() {
            i += 1;
        }
        let number = &text[start..i];
        let rest = text[i..].trim_start();
        let marked = ["年", "—", "-", "–"].iter().any(|m| rest.starts_with(m));
        if number.len() == 4 && (number.starts_with("19") || number.starts_with("20")) && marked {
            spans.push((start, i));
        }
    }
    spans
}

/// A year in the title or text that contradicts `year`.
fn years(period: Period, year: i32, path: &[Seg], text: &str, out: &mut Vec<Finding>) {
    let school = matches!(
        period,
        Period::AutumnTerm | Period::SpringTerm | Period::SchoolYear
    );
    let last = if school { year + 1 } else { year };
    // The title must name the plan's own year; text may also look a year back or ahead.
    let (low, high) = if path == [Seg::Key("title")] {
        (year, last)
    } else {
        (year - 1, last + 1)
    };
    for (start, end) in year_spans(text) {
        let written = &text[start..end];
        let Ok(found) = written.parse::<i32>() else {
            continue;
        };
        if !(low..=high).contains(&found) {
            let span = if school {
                format!("{year}—{}", year + 1)
            } else {
                year.to_string()
            };
            out.push(
                Finding::warning(
                    path.to_vec(),
                    format!("{found} contradicts the plan's year, {span}"),
                    "correct the year, or `year` if that is what is wrong",
                )
                .at(written),
            );
        }
    }
}

/// A signature dated more than three months outside the period.
fn signature_date(period: Period, year: i32, date: Date, out: &mut Vec<Finding>) {
    let (start, end) = match period {
        Period::Year => ((year, 1), (year, 12)),
        Period::FirstHalf => ((year, 1), (year, 6)),
        Period::SecondHalf => ((year, 7), (year, 12)),
        Period::AutumnTerm => ((year, 9), (year + 1, 1)),
        Period::SpringTerm => ((year + 1, 2), (year + 1, 7)),
        Period::SchoolYear => ((year, 9), (year + 1, 8)),
    };
    let index = |(y, m): (i32, u8)| y * 12 + i32::from(m) - 1;
    let at = index((date.year, date.month));
    if at < index(start) - 3 || at > index(end) + 3 {
        out.push(Finding::warning(
            vec![Seg::Key("signature"), Seg::Key("date")],
            format!(
                "the signature is dated {}-{:02}-{:02}, more than three months outside the period",
                date.year, date.month, date.day
            ),
            format!(
                "the period runs {}-{:02} to {}-{:02}",
                start.0, start.1, end.0, end.1
            ),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn findings(yaml: &str) -> Vec<String> {
        let plan: Plan = serde_yaml::from_str(yaml).unwrap();
        lint(&plan).into_iter().map(|f| f.message).collect()
    }

    #[test]
    fn placeholders_are_found() {
        let found = findings(
            "sections: [\"xx年工作\", \"20xx年\", \"召开**年大会\", \"于月日举行\", \"××区\", \"x月x日\", \"□□\", \"姓名__\", \"3月12日举行\", \"Excel 表格\"]\n",
        );
        assert_eq!(
            found,
            [
                "placeholder `xx` left in the text",
                "placeholder `20xx` left in the text",
                "placeholder `**` left in the text",
                "date `于月日` has no numbers",
                "placeholder `××` left in the text",
                "placeholder `x月` left in the text",
                "placeholder `x日` left in the text",
                "placeholder `□□` left in the text",
                "placeholder `__` left in the text",
            ]
        );
    }

    #[test]
    fn placeholder_scanning() {
        fn spans(t: &str) -> Vec<&str> {
            placeholder_spans(t)
                .into_iter()
                .map(|(s, e)| &t[s..e])
                .collect()
        }
        assert_eq!(spans("20xx年与xx年"), ["20xx", "xx"]);
        assert_eq!(spans("Exxon 与 Max月 与 box"), Vec::<&str>::new());
        assert_eq!(spans("x月x日，ＸＸ区"), ["x月", "x日", "ＸＸ"]);
        assert_eq!(
            spans("a*b **c ＊＊ __ □ △△"),
            ["**", "＊＊", "__", "□", "△△"]
        );
        assert_eq!(spans("120xx"), ["xx"]);
    }

    #[test]
    fn written_dates_near_a_name() {
        assert_eq!(written_date("“5.13”", true), Some((5, 13, "5.13".into())));
        assert_eq!(
            written_date("（9月9日）", false),
            Some((9, 9, "9月9日".into()))
        );
        assert_eq!(written_date("于5.12", true), Some((5, 12, "5.12".into())));
        assert_eq!(written_date("5.12的", true), None);
        assert_eq!(written_date("庆祝", false), None);
    }

    #[test]
    fn years_in_text() {
        fn spans(t: &str) -> Vec<&str> {
            year_spans(t).into_iter().map(|(s, e)| &t[s..e]).collect()
        }
        assert_eq!(
            spans("2026—2027学年，2019年以来，12027年，2027 年，电话2027"),
            ["2026", "2019", "2027"]
        );
    }

    #[test]
    fn every_festival_name_passes_the_quick_test() {
        for f in FESTIVALS {
            assert!(
                may_start_festival(f.word.chars().next().unwrap()),
                "{}",
                f.name
            );
            if let Some((first, _)) = f.numbers {
                assert!(may_start_festival(first), "{}", f.name);
            }
        }
    }

    #[test]
    fn festivals_in_their_months() {
        let yaml =
            |month: u8, text: &str| format!("schedule:\n- month: {month}\n  items: [\"{text}\"]\n");
        assert!(findings(&yaml(3, "庆祝“三·八”妇女节")).is_empty());
        assert_eq!(
            findings(&yaml(4, "庆祝“三八”妇女节")),
            ["三八妇女节 falls in 3月, but it is scheduled under 4月"]
        );
        assert!(findings(&yaml(8, "筹备教师节庆祝活动")).is_empty());
        assert!(findings(&yaml(12, "迎元旦联欢会")).is_empty());
        assert_eq!(findings(&yaml(10, "教师节表彰")).len(), 1);
        assert!(findings("schedule:\n- month: 7-8\n  items: [庆祝八一建军节]\n").is_empty());
    }

    #[test]
    fn festival_dates() {
        assert_eq!(
            findings("sections: [“5.13”护士节庆祝活动]\n"),
            ["护士节 is on 5月12日, not `5.13`"]
        );
        assert!(findings("sections: [“5.12”护士节庆祝活动]\n").is_empty());
        assert!(findings("sections: [开展“3.8”节庆祝活动]\n").is_empty());
        assert_eq!(findings("sections: [教师节（9月9日）]\n").len(), 1);
    }

    #[test]
    fn months_outside_out_of_order_or_repeated() {
        let found = findings(
            "period: second-half\nschedule:\n- month: 3\n- month: 9\n- month: 8\n- month: 9\n",
        );
        assert_eq!(
            found,
            [
                "3月 is outside the plan's period, 下半年 (second-half)",
                "8月 comes after 9月, out of the period's order",
                "9月 appears twice in the schedule",
            ]
        );
        assert!(findings("period: autumn-term\nschedule:\n- month: 9\n- month: 12-1\n").is_empty());
    }

    #[test]
    fn periods_start_half_their_gap_early() {
        let starts: Vec<u8> = [
            Period::Year,
            Period::FirstHalf,
            Period::SecondHalf,
            Period::AutumnTerm,
            Period::SpringTerm,
            Period::SchoolYear,
        ]
        .into_iter()
        .map(period_start)
        .collect();
        assert_eq!(starts, [1, 10, 4, 6, 11, 9]);
    }

    #[test]
    fn years_that_contradict() {
        assert_eq!(
            findings("year: 2027\ntitle: 城东中学工会2026年工作计划\nsections: [a]\n"),
            ["2026 contradicts the plan's year, 2027"]
        );
        assert!(findings("year: 2027\nsections: [在2026年的基础上，力争2028年]\n").is_empty());
        assert_eq!(findings("year: 2027\nsections: [2019年以来]\n").len(), 1);
        assert!(findings(
            "year: 2026\nperiod: school-year\ntitle: 2026—2027学年工作计划\nsections: [a]\n"
        )
        .is_empty());
    }

    #[test]
    fn signature_dates() {
        assert!(findings("year: 2027\nsignature: {date: 2026-12-20}\nsections: [a]\n").is_empty());
        assert_eq!(
            findings("year: 2027\nsignature: {date: 2025-12-20}\nsections: [a]\n").len(),
            1
        );
        assert_eq!(
            findings(
                "year: 2027\nperiod: first-half\nsignature: {date: 2027-11-01}\nsections: [a]\n"
            )
            .len(),
            1
        );
    }
}
