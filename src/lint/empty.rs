//! What is left empty: a key with nothing after its colon (`指导思想:`), which YAML reads as no
//! value at all, so that a shorthand section is left out and the ones after it move up a
//! number; and a section, item or month with nothing in it.

use super::markers::yes_no;
use super::nodes::{self, Seen};
use crate::error::{Finding, Seg};
use crate::load::{Located, Shape};
use crate::messages::Message;
use crate::model::{english_name, ScheduleEntry, Section, SHORTHAND};
use crate::msg;

/// A key of the file whose value is empty (nothing, `~` or `null`).
pub(super) struct Null {
    /// The data path of the value, in the keys' English names.
    pub path: Vec<Seg>,
    /// The key as written, and where.
    pub key: String,
    pub key_start: usize,
    pub key_end: usize,
}

/// Every key of the file with an empty value (the first `limit`).
pub(super) fn nulls(text: &str, root: &Located, limit: usize) -> Vec<Null> {
    let mut found = Vec::new();
    let mut path = Vec::new();
    walk(text, root, &mut path, &mut found, limit);
    found
}

fn walk(text: &str, node: &Located, path: &mut Vec<Seg>, found: &mut Vec<Null>, limit: usize) {
    if found.len() >= limit {
        return;
    }
    match &node.shape {
        Shape::Seq(items) => {
            for (i, item) in items.iter().enumerate() {
                path.push(Seg::Index(i));
                walk(text, item, path, found, limit);
                path.pop();
            }
        }
        Shape::Map(entries) => {
            for entry in entries {
                // A key the format does not name (a merge key) holds nothing of the plan.
                let Some(english) = english_name(&entry.key) else {
                    continue;
                };
                path.push(Seg::Key(english));
                if is_null(text, &entry.value) {
                    if found.len() < limit {
                        found.push(Null {
                            path: path.clone(),
                            key: entry.key.clone(),
                            key_start: entry.key_start,
                            key_end: entry.key_end,
                        });
                    }
                } else {
                    walk(text, &entry.value, path, found, limit);
                }
                path.pop();
            }
        }
        Shape::Scalar(_) | Shape::Opaque => {}
    }
}

/// Whether a value is YAML's null as written by hand: nothing at all, `~` or `null`.
fn is_null(text: &str, value: &Located) -> bool {
    matches!(value.shape, Shape::Scalar(_))
        && matches!(
            &text[value.start..value.end],
            "" | "~" | "null" | "Null" | "NULL"
        )
}

/// What to say of an empty key, by what the key is: message and hint.
pub(super) fn null_words(null: &Null) -> (Message, Message) {
    let key = &null.key;
    match null.path.as_slice() {
        [Seg::Key(english)] if SHORTHAND.iter().any(|(k, _)| k == english) => (
            msg!("empty-section-key", key = key),
            msg!("empty-section-key-hint"),
        ),
        _ => (msg!("empty-key", key = key), msg!("empty-key-hint")),
    }
}

/// Sections, items and months with nothing in them; none inside a key already reported
/// empty (`nulls`).
pub(super) fn empty_nodes(sections: &[Section], nulls: &[Null]) -> Vec<Finding> {
    let mut found = Vec::new();
    let mut months = Vec::new();
    let reported = |path: &[Seg]| nulls.iter().any(|n| n.path.starts_with(path));
    nodes::each(
        sections,
        &mut |seen: &Seen| {
            if !reported(seen.path) {
                empty_node(seen, &mut found);
            }
        },
        &mut |path: &[Seg], entry: &ScheduleEntry| {
            if entry.items.is_empty() && !reported(path) {
                months.push(Finding::warning(
                    path.to_vec(),
                    msg!("empty-month"),
                    msg!("empty-month-hint"),
                ));
            }
        },
    );
    found.append(&mut months);
    found
}

fn empty_node(seen: &Seen, out: &mut Vec<Finding>) {
    let written = |s: &&str| !s.trim().is_empty();
    let title = seen.title.filter(written);
    let body = seen.body.iter().any(|p| !p.trim().is_empty());
    if body || !seen.items.is_empty() || !seen.schedule.is_empty() {
        return;
    }
    let numbered = yes_no(seen.numbered);
    match title {
        None => out.push(if seen.top {
            Finding::warning(
                seen.path.to_vec(),
                msg!("empty-untitled-section", numbered = numbered),
                msg!("empty-untitled-section-hint"),
            )
        } else {
            Finding::warning(
                seen.path.to_vec(),
                msg!("empty-item", numbered = numbered),
                msg!("empty-item-hint"),
            )
        }),
        // An item may be its title alone (完善离退休人员台帐。); a section is a heading, and
        // an unnumbered one a label that the sections after it follow.
        Some(title) if seen.top && seen.numbered => out.push(Finding::warning(
            seen.path.to_vec(),
            msg!("empty-section", title = title.trim()),
            msg!("empty-section-hint"),
        )),
        Some(_) => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn findings(yaml: &str) -> Vec<String> {
        let mut plan: crate::model::Plan = serde_yaml::from_str(yaml).unwrap();
        let sections = plan.take_sections();
        empty_nodes(&sections, &[])
            .into_iter()
            .map(|f| f.message.to_string())
            .collect()
    }

    #[test]
    fn empty_sections_items_and_months() {
        let found = findings(
            "sections:\n- title: 指导思想\n- title: 主要工作\n  items: [\"\", {title: 完善台帐。}, {body: []}]\n\
             - {title: 重点工作：, numbered: false}\n\
             - title: 具体安排\n  schedule: [{month: 3}]\n",
        );
        assert_eq!(
            found,
            [
                "the section `指导思想` has nothing under it",
                "this item is empty: it would print as a number with nothing after it",
                "this item is empty: it would print as a number with nothing after it",
                "this month of the schedule has nothing in it",
            ]
        );
        assert_eq!(
            findings("guiding_ideology: []\n"),
            ["the section `指导思想` has nothing under it"]
        );
    }

    #[test]
    fn empty_sections_in_chinese() {
        use crate::messages::Lang;
        let mut plan: crate::model::Plan = serde_yaml::from_str(
            "sections:\n- title: 指导思想\n- title: 主要工作\n  items: [\"\"]\n\
             - title: 具体安排\n  schedule: [{month: 3}]\n",
        )
        .unwrap();
        let sections = plan.take_sections();
        let said: Vec<(String, String)> = empty_nodes(&sections, &[])
            .into_iter()
            .map(|f| (f.message.say(Lang::Zh), f.hint.say(Lang::Zh)))
            .collect();
        assert_eq!(
            said,
            [
                (
                    "`指导思想` 这一部分下面没有内容".to_owned(),
                    "请在下面写上正文或事项（`内容`、`事项`），或删去这一部分".to_owned()
                ),
                (
                    "这一项是空的：印出来只有一个序号，后面什么也没有".to_owned(),
                    "请写上这一项的内容，或删去它".to_owned()
                ),
                (
                    "工作安排里这个月没有任何事项".to_owned(),
                    "请在 `事项:` 下列出这个月要做的事，或删去这个月".to_owned()
                ),
            ]
        );
    }
}
