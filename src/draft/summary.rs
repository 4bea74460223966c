//! The summary (总结) of a plan's period, drafted from the plan: its sections and their first
//! items as headings, each with 完成情况：×× to fill in, and 下一步工作思路 at the end, in the
//! plan's key language and numbering.
//!
//! Every section of the plan stands, the guiding ideology and the schedule too, so that the
//! summary follows the plan's own headings and the secretary deletes what is not to report;
//! a schedule's months are not carried over, as the work's headings cover their activities.

use super::init::{self, BLANK};
use crate::import::genre::{self, Draft, Signature};
use crate::import::write::{self, Keys};
use crate::load::Source;
use crate::model::{self, Content, DateStyle, Given, Item, Kind, Plan, Section};

/// The body under every heading the summary takes from the plan.
fn done() -> Vec<String> {
    vec![format!("完成情况：{BLANK}")]
}

/// The language of the plan's own keys: the one most of its top-level keys are in.
pub fn keys_of(source: &Source) -> Keys {
    match source.index().is_none_or(|root| root.chinese_keys()) {
        true => Keys::Zh,
        false => Keys::En,
    }
}

/// The summary's YAML, from the plan read from `source`.
pub fn summary(source: &Source, plan: &Plan, sections: Vec<Section>) -> String {
    let keys = keys_of(source);
    let organization = plan.organization.as_ref().map(|t| t.0.clone());
    let mut nodes: Vec<genre::Node> = sections
        .into_iter()
        .filter_map(|s| section(s, plan.kind))
        .collect();
    if nodes.is_empty() {
        nodes.push(heading("主要工作及成效".to_owned(), true, Vec::new()));
    }
    let numbered = nodes.last().is_none_or(|n| n.numbered);
    let ideas = (0..2)
        .map(|_| node(None, vec![BLANK.to_owned()], true))
        .collect();
    nodes.push(heading("下一步工作思路".to_owned(), numbered, ideas));

    let signed_by = (plan.signature.as_ref())
        .and_then(|s| s.organization.as_ref())
        .map(|t| t.0.clone())
        .or_else(|| organization.clone());
    let draft = Draft {
        // The last 计划 names the document (计划生育…工作计划 → 计划生育…工作总结).
        title: (plan.title.as_ref())
            .and_then(|t| t.0.rfind("计划").map(|at| (t, at)))
            .map(|(t, at)| format!("{}总结{}", &t.0[..at], &t.0[at + "计划".len()..])),
        organization: organization.clone(),
        year: plan.year.map(|y| y.0),
        school_year: plan.school_year.map(|s| (s.first, s.last)),
        period: plan.period,
        kind: Kind::Summary,
        preface: vec![init::preface(
            plan.period,
            Kind::Summary,
            organization.as_deref().unwrap_or("××工会"),
        )],
        sections: nodes,
        closing: Vec::new(),
        signature: signed_by.map(|o| Signature {
            organization: Some(o),
            date: None,
        }),
        numbering: (plan.style.numbering.iter().flatten())
            .map(|m| m.0.clone())
            .collect(),
        spare: Vec::new(),
        month: Default::default(),
        chinese_date: plan.style.date == DateStyle::Chinese,
    };
    let yaml = write::yaml(&draft, keys);
    let mut out = String::new();
    out.push_str(schema_line(&source.text).unwrap_or(init::SCHEMA_LINE));
    out.push('\n');
    out.push_str(&comment(
        keys,
        &format!(
            "{} 的工作总结草稿：把每个 ×× 换成实际内容；unionplan check --strict 会逐行列出还没填的地方。",
            source.name
        ),
        &format!(
            "The summary drafted from {}: replace every ×× with your text; unionplan check --strict lists, line by line, what is left to fill in.",
            source.name
        ),
        0,
    ));
    out.push_str(&with_date_note(&yaml, keys));
    out
}

fn comment(keys: Keys, zh: &str, en: &str, indent: usize) -> String {
    let text = match keys {
        Keys::Zh => zh,
        Keys::En => en,
    };
    format!("{}# {text}\n", "  ".repeat(indent))
}

/// The plan's own schema line, among the comments that open it.
fn schema_line(text: &str) -> Option<&str> {
    text.trim_start_matches('\u{feff}')
        .lines()
        .take_while(|l| l.trim().is_empty() || l.trim_start().starts_with('#'))
        .map(str::trim)
        .find(|l| l.starts_with("# yaml-language-server:"))
}

/// The YAML with a note under the signature's union on the date to fill in: no date is
/// made up for it.
fn with_date_note(yaml: &str, keys: Keys) -> String {
    let signature = write::name::<model::Plan>(keys, "signature");
    let date = write::name::<model::Signature>(keys, "date");
    let mut out = String::with_capacity(yaml.len() + 200);
    let mut in_signature = false;
    for line in yaml.split_inclusive('\n') {
        out.push_str(line);
        if in_signature {
            out.push_str(&comment(
                keys,
                "落款日期写成“年-月-日”，如 2027-01-05；填好后去掉下一行开头的 # 号",
                "The date of signing, as year-month-day (2027-01-05); once filled in, remove the # before the next line",
                1,
            ));
            out.push_str(&comment(
                keys,
                &format!("{date}: 年-月-日"),
                &format!("{date}: YYYY-MM-DD"),
                1,
            ));
            in_signature = false;
        }
        in_signature |= line.trim_end() == format!("{signature}:");
    }
    out
}

fn node(title: Option<String>, body: Vec<String>, numbered: bool) -> genre::Node {
    genre::Node {
        title,
        body,
        items: Vec::new(),
        schedule: Vec::new(),
        numbered,
        layout: None,
    }
}

/// A heading of the summary: its items, or, without any, 完成情况：××.
fn heading(title: String, numbered: bool, items: Vec<genre::Node>) -> genre::Node {
    let body = if items.is_empty() { done() } else { Vec::new() };
    genre::Node {
        items,
        ..node(Some(title), body, numbered)
    }
}

/// The words a node goes by: its title, or its first paragraph.
fn words(node: &model::Node) -> Option<String> {
    (node.title.as_ref().map(|t| t.0.trim().to_owned()))
        .or_else(|| node.body.0.first().map(|p| p.trim().to_owned()))
        // The marker a hand typed (`一、加强…`), which the tool writes itself.
        .map(|t| match node.numbered {
            true => crate::view::without_typed_marker(&t).trim().to_owned(),
            false => t,
        })
        .filter(|t| !t.is_empty())
}

/// The summary's heading for a section of the plan, if it takes one.
fn section(section: Section, kind: Kind) -> Option<genre::Node> {
    let (title, node) = match section.given {
        Given::Schedule(_) => {
            let (_, heading) = section.shorthand?;
            (
                heading.to_owned(),
                model::Node {
                    numbered: true,
                    ..Default::default()
                },
            )
        }
        Given::Item(item) => {
            let node = item.into_node();
            (words(&node)?, node)
        }
        Given::Content(content) => {
            let (_, heading) = section.shorthand?;
            let node = match content {
                Content::Body(_) => model::Node {
                    numbered: true,
                    ..Default::default()
                },
                Content::Items(items) => model::Node {
                    items,
                    numbered: true,
                    ..Default::default()
                },
                Content::Node(node) => node,
            };
            let title = (node.title.as_ref().map(|t| t.0.trim().to_owned()))
                .filter(|t| !t.is_empty())
                .unwrap_or_else(|| heading.to_owned());
            (title, node)
        }
    };
    // A summary's own next-period part gives way to the one the draft ends with.
    if kind == Kind::Summary && title.contains("思路") {
        return None;
    }
    let items = node.items.into_iter().filter_map(item).collect();
    Some(heading(title, node.numbered, items))
}

/// The summary's heading for a first-level item of the plan: its words, 完成情况：×× under
/// them.
fn item(item: Item) -> Option<genre::Node> {
    let node = item.into_node();
    Some(self::node(Some(words(&node)?), done(), node.numbered))
}
