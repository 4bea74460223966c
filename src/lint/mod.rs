//! Lints: what hand-written plans get wrong and a valid file can still contain. Placeholders
//! never filled, festivals in the wrong month or with the wrong date, schedules out of the
//! period or out of order, years that contradict the plan's, markers typed by hand, titles
//! glued to their bodies; and, read from the file as written ([`written`]), keys left empty
//! and text lost to a `#`. All are warnings (errors under `--strict`), each placed by data
//! path or by its place.
//!
//! This module walks the plan and holds what the families share; each family is a file.

mod calendar;
mod comments;
mod empty;
mod festivals;
mod glued;
mod markers;
mod nodes;
mod placeholders;
mod written;
mod years;

use calendar::{schedule_months, signature_date};
use festivals::{festival_dates, festival_months};
use markers::typed_markers;
use placeholders::placeholders;
use years::years;

pub use written::written;
pub(crate) use years::own_years;

use crate::error::{Finding, Seg};
use crate::model::{Content, Given, Item, Node, Paragraphs, Plan, ScheduleEntry, Section, Text};

/// How many text findings are looked for at most.
pub const LIMIT: usize = 1000;

/// Every lint finding for a plan and its sections (text findings stop after about
/// [`LIMIT`]).
pub fn lint(plan: &Plan, sections: &[Section]) -> Vec<Finding> {
    let mut findings = Vec::new();
    let mut year_findings = Vec::new();
    let mut schedules = Vec::new();
    let year = plan.calendar_year();
    walk(
        plan,
        sections,
        &mut |path, text| {
            // A file full of one mistake says so soon enough; this bounds the work on huge
            // files.
            if findings.len() < LIMIT {
                placeholders(path, text, &mut findings);
                festival_dates(path, text, &mut findings);
            }
            if let Some(year) = year {
                years(plan.period, year, path, text, &mut year_findings);
            }
        },
        &mut |path, schedule| schedules.push((path.to_vec(), schedule)),
    );
    findings.append(&mut year_findings);
    typed_markers(plan, sections, &mut findings);
    nodes::each(
        sections,
        &mut |seen| glued::glued(seen, &mut findings),
        &mut |_, _| {},
    );
    signature_date(plan, &mut findings);
    for (path, schedule) in schedules {
        schedule_months(plan.period, &path, schedule, &mut findings);
        let mut item_path = path;
        for (e, entry) in schedule.iter().enumerate() {
            if !entry.month.runs_forward_from(plan.period.start()) {
                continue;
            }
            let months: Vec<u8> = entry.month.iter().collect();
            for (i, item) in entry.items.iter().enumerate() {
                item_path.extend([Seg::Index(e), Seg::Key("items"), Seg::Index(i)]);
                let mut item_texts = Vec::new();
                Walk {
                    path: &mut item_path,
                    text: &mut |path: &[Seg], text| item_texts.push((path.to_vec(), text)),
                    schedule: &mut |_: &[Seg], _| {},
                }
                .item(item);
                festival_months(&months, &item_texts, &mut findings);
                item_path.truncate(item_path.len() - 3);
            }
        }
    }
    findings
}

/// Texts with their data paths.
type Texts<'a> = Vec<(Vec<Seg>, &'a str)>;

/// Calls `f` with every piece of text in the plan and its data path.
pub(crate) fn plan_texts<'a>(
    plan: &'a Plan,
    sections: &'a [Section],
    f: &mut impl FnMut(&[Seg], &'a str),
) {
    walk(plan, sections, f, &mut |_, _| {});
}

/// Every schedule in the sections, with the data path of its list.
pub(crate) fn schedules(sections: &[Section]) -> Vec<(Vec<Seg>, &[ScheduleEntry])> {
    let mut found = Vec::new();
    Walk {
        path: &mut Vec::with_capacity(16),
        text: &mut |_: &[Seg], _| {},
        schedule: &mut |path: &[Seg], schedule| found.push((path.to_vec(), schedule)),
    }
    .sections(sections);
    found
}

/// Calls `text` with every piece of text in the plan and its data path, and `schedule`
/// with every schedule, before the texts of its entries.
fn walk<'a>(
    plan: &'a Plan,
    sections: &'a [Section],
    text: &mut impl FnMut(&[Seg], &'a str),
    schedule: &mut impl FnMut(&[Seg], &'a [ScheduleEntry]),
) {
    let mut path = Vec::with_capacity(16);
    let mut walk = Walk {
        path: &mut path,
        text,
        schedule,
    };
    if let Some(Text(t)) = &plan.title {
        walk.text_at(Seg::Key("title"), t);
    }
    if let Some(Text(t)) = &plan.organization {
        walk.text_at(Seg::Key("organization"), t);
    }
    walk.paragraphs_at(Seg::Key("preface"), &plan.preface);
    walk.paragraphs_at(Seg::Key("closing"), &plan.closing);
    if let Some(Text(t)) = plan
        .signature
        .as_ref()
        .and_then(|s| s.organization.as_ref())
    {
        walk.path.push(Seg::Key("signature"));
        walk.text_at(Seg::Key("organization"), t);
        walk.path.pop();
    }
    walk.sections(sections);
}

/// A walk's data path, a stack that grows and shrinks as the walk goes, so that only a
/// finding copies it, and what the walk calls.
struct Walk<'p, T, S> {
    path: &'p mut Vec<Seg>,
    text: T,
    schedule: S,
}

impl<'a, T, S> Walk<'_, T, S>
where
    T: FnMut(&[Seg], &'a str),
    S: FnMut(&[Seg], &'a [ScheduleEntry]),
{
    fn sections(&mut self, sections: &'a [Section]) {
        for section in sections {
            self.path.clone_from(&section.path);
            match &section.given {
                Given::Item(item) => self.item(item),
                Given::Content(Content::Body(Paragraphs(ps))) => {
                    for (i, p) in ps.iter().enumerate() {
                        self.text_at(Seg::Index(i), p);
                    }
                }
                Given::Content(Content::Items(items)) => self.items(items),
                Given::Content(Content::Node(node)) => self.node(node),
                Given::Schedule(entries) => self.schedule(entries),
            }
        }
    }

    fn text_at(&mut self, seg: Seg, text: &'a str) {
        self.path.push(seg);
        (self.text)(self.path, text);
        self.path.pop();
    }

    fn paragraphs_at(&mut self, seg: Seg, Paragraphs(ps): &'a Paragraphs) {
        self.path.push(seg);
        for (i, p) in ps.iter().enumerate() {
            self.text_at(Seg::Index(i), p);
        }
        self.path.pop();
    }

    fn items(&mut self, items: &'a [Item]) {
        for (i, item) in items.iter().enumerate() {
            self.path.push(Seg::Index(i));
            self.item(item);
            self.path.pop();
        }
    }

    fn item(&mut self, item: &'a Item) {
        match item {
            Item::Text(t) => (self.text)(self.path, t),
            Item::Node(node) => self.node(node),
        }
    }

    fn node(&mut self, node: &'a Node) {
        if let Some(Text(t)) = &node.title {
            self.text_at(Seg::Key("title"), t);
        }
        self.paragraphs_at(Seg::Key("body"), &node.body);
        self.path.push(Seg::Key("schedule"));
        if !node.schedule.is_empty() {
            (self.schedule)(self.path, &node.schedule);
        }
        self.path.pop();
        self.path.push(Seg::Key("items"));
        self.items(&node.items);
        self.path.pop();
        self.path.push(Seg::Key("schedule"));
        self.entries(&node.schedule);
        self.path.pop();
    }

    /// A schedule given by the `schedule` shorthand key, at the walk's path.
    fn schedule(&mut self, entries: &'a [ScheduleEntry]) {
        (self.schedule)(self.path, entries);
        self.entries(entries);
    }

    fn entries(&mut self, entries: &'a [ScheduleEntry]) {
        for (e, entry) in entries.iter().enumerate() {
            self.path.extend([Seg::Index(e), Seg::Key("items")]);
            self.items(&entry.items);
            self.path.truncate(self.path.len() - 2);
        }
    }
}

/// The messages of every lint finding for a plan written as YAML.
#[cfg(test)]
fn findings(yaml: &str) -> Vec<String> {
    let mut plan: Plan = serde_yaml::from_str(yaml).unwrap();
    let sections = plan.take_sections();
    lint(&plan, &sections)
        .into_iter()
        .map(|f| f.message.to_string())
        .collect()
}

/// The message and hint of every lint finding for a plan written as YAML, in `lang`.
#[cfg(test)]
fn said(lang: crate::messages::Lang, yaml: &str) -> Vec<(String, String)> {
    let mut plan: Plan = serde_yaml::from_str(yaml).unwrap();
    let sections = plan.take_sections();
    lint(&plan, &sections)
        .into_iter()
        .map(|f| (f.message.say(lang), f.hint.say(lang)))
        .collect()
}
