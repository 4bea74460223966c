//! Lints: what hand-written plans get wrong and a valid file can still contain. Placeholders
//! never filled, festivals in the wrong month or with the wrong date, schedules out of the
//! period or out of order, years that contradict the plan's. All are warnings (errors under
//! `--strict`), each placed by data path.
//!
//! This module walks the plan and holds what the families share; each family is a file.

mod calendar;
mod festivals;
mod placeholders;
mod years;

pub use calendar::{period_months, period_name, period_start};

use calendar::{schedule_months, signature_date};
use festivals::{festival_dates, festival_months};
use placeholders::placeholders;
use years::years;

use crate::error::{Finding, Seg};
use crate::model::{Content, Item, Node, Paragraphs, Plan, ScheduleEntry, Text};

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

/// The messages of every lint finding for a plan written as YAML.
#[cfg(test)]
fn findings(yaml: &str) -> Vec<String> {
    let plan: Plan = serde_yaml::from_str(yaml).unwrap();
    lint(&plan).into_iter().map(|f| f.message).collect()
}
