//! What each key of the plan format takes, and the walk that finds every value of a file
//! that its key does not take: serde stops at the first, and says it in its own words.
//!
//! The walk follows the located YAML tree ([`super::index`]) with the model's keys
//! ([`model::structs`]); a scalar is read by the model's own type for its key, so that what
//! the walk refuses is what loading refuses.

use serde::de::DeserializeOwned;
use serde::Deserialize;

use super::index::{Located, Shape};
use super::said::{self, What};
use crate::error::Seg;
use crate::messages::Message;
use crate::model::{self, variants_of};
use crate::msg;

/// What a key takes, for the words that say it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Takes {
    Text,
    Year,
    SchoolYear,
    /// One of a closed set of words.
    Choice(&'static [&'static str]),
    /// A text, or a list of paragraphs.
    Paragraphs,
    /// A shorthand section: a text, a list of items, or a section's keys.
    Content,
    /// A list of items (one item may stand alone).
    Items,
    /// A list of schedule entries.
    Schedule,
    Months,
    Date,
    Bool,
    /// The keys of a struct of the model, by its name in [`model::structs`].
    Keys(&'static str),
    /// Numbering markers, one per level.
    Markers,
}

/// What the key `english` of the struct `what` takes; `None` for a key the table lacks,
/// which a test refuses.
pub(super) fn takes(what: &str, english: &str) -> Option<Takes> {
    use Takes::*;
    Some(match (what, english) {
        ("plan", "title" | "organization") | ("node", "title") | ("signature", "organization") => {
            Text
        }
        ("plan", "year") => Year,
        ("plan", "school_year") => SchoolYear,
        ("plan", "period") => Choice(variants_of::<model::Period>()),
        ("plan", "kind") => Choice(variants_of::<model::Kind>()),
        ("plan", "preface" | "closing") | ("node", "body") => Paragraphs,
        ("plan", "sections") | ("node", "items") | ("schedule entry", "items") => Items,
        ("plan", "guiding_ideology" | "goals" | "key_tasks") => Content,
        ("plan", "schedule") | ("node", "schedule") => Schedule,
        ("plan", "signature") => Keys("signature"),
        ("plan", "style") => Keys("style"),
        ("node", "numbered") => Bool,
        ("node", "layout") => Choice(variants_of::<model::Layout>()),
        ("schedule entry", "month") => Months,
        ("signature", "date") => Date,
        ("style", "numbering") => Markers,
        ("style", "month") => Keys("month style"),
        ("style", "date") => Choice(variants_of::<model::DateStyle>()),
        ("month style", "numerals") => Choice(variants_of::<model::MonthNumerals>()),
        ("month style", "january") => Choice(variants_of::<model::January>()),
        ("month style", "range") => Choice(variants_of::<model::RangeStyle>()),
        ("month style", "suffix") => Choice(variants_of::<model::MonthSuffix>()),
        _ => return None,
    })
}

pub(super) fn keys(what: &str) -> &'static [&'static str] {
    model::structs()
        .into_iter()
        .find(|(name, _)| *name == what)
        .map_or(&[], |(_, keys)| keys)
}

/// A step of a data path as the file writes it.
#[derive(Debug, Clone)]
pub(super) enum Step {
    Key(String),
    /// 0-based; said 1-based.
    Entry(usize),
}

/// A data path in the user's words: `` `具体工作安排` entry 2 `月份` ``.
pub(super) fn path_message(path: &[Step]) -> Message {
    let mut said: Option<Message> = None;
    for step in path {
        said = Some(match (step, said) {
            (Step::Key(key), None) => msg!("path-key", key = key),
            (Step::Key(key), Some(before)) => msg!("path-key-in", path = before, key = key),
            (Step::Entry(i), None) => msg!("path-entry", n = i + 1),
            (Step::Entry(i), Some(before)) => msg!("path-entry-in", path = before, n = i + 1),
        });
    }
    said.unwrap_or_else(|| msg!("path-plan"))
}

/// A value the walk refuses: where it is and what to say.
#[derive(Debug)]
pub(super) struct Refused {
    pub start: usize,
    pub end: usize,
    pub message: Message,
    pub hint: Option<Message>,
}

/// Every value of the plan `root` that its key does not take, in the order of the file.
pub(super) fn walk(root: &Located, text: &str) -> Vec<Refused> {
    let mut walk = Walk {
        text,
        found: Vec::new(),
        chinese: false,
        path: Vec::new(),
    };
    walk.chinese = root.chinese_keys();
    walk.keys(root, "plan");
    walk.found.sort_by_key(|r| r.start);
    walk.found
}

/// Why a value given on its own (by `--set` or a members table) is none its key takes, in
/// the words a file's value would get: `path` is where it goes, `written` the path as the
/// user typed it, `text` the value as YAML.
pub(super) fn refused_value(
    path: &[Seg],
    written: &str,
    text: &str,
) -> Option<(Message, Option<Message>)> {
    let root = super::index::index(text)?;
    let mut what = "plan";
    let mut on = None;
    for (i, seg) in path.iter().enumerate() {
        let last = i + 1 == path.len();
        let step = match (*seg, on) {
            (Seg::Key(key), _) => takes(what, key).map(|t| (t, key)),
            (Seg::Index(_), Some((Takes::Items | Takes::Content, key))) => {
                Some((Takes::Keys("node"), key))
            }
            (Seg::Index(_), Some((Takes::Schedule, key))) => {
                Some((Takes::Keys("schedule entry"), key))
            }
            (Seg::Index(_), Some((Takes::Paragraphs, key))) => Some((Takes::Text, key)),
            (Seg::Index(_), Some((Takes::Markers, key))) => Some((Takes::Markers, key)),
            _ => None,
        };
        let (takes, key) = step?;
        if let (Takes::Keys(inner), false) = (takes, last) {
            what = inner;
        }
        on = Some((takes, key));
    }
    let (takes, key) = on?;
    let mut walk = Walk {
        text,
        found: Vec::new(),
        chinese: !written.is_ascii(),
        path: vec![Step::Key(written.to_owned())],
    };
    // An item may be a text too.
    match (takes, path.last()) {
        (Takes::Keys("node"), Some(Seg::Index(_))) => walk.item(&root, key),
        _ => walk.value(&root, takes, key),
    }
    walk.found.into_iter().next().map(|r| (r.message, r.hint))
}

struct Walk<'a> {
    text: &'a str,
    found: Vec<Refused>,
    chinese: bool,
    path: Vec<Step>,
}

impl Walk<'_> {
    /// A key as the file's key language writes it.
    fn name(&self, english: &'static str) -> &'static str {
        if !self.chinese {
            return english;
        }
        model::aliases_of(english)
            .first()
            .copied()
            .unwrap_or(english)
    }

    fn refuse(&mut self, node: &Located, takes: Takes, key: &'static str, words: Option<String>) {
        let message = match words.as_deref().map(said::read) {
            // The model's own words (a month that does not exist, a date of 30 February)
            // say how to write it.
            Some(said) if said.what == What::Other => {
                let message = msg!(
                    "value-refused",
                    path = path_message(&self.path),
                    words = super::refused(said.text)
                );
                self.push(node, message, None);
                return;
            }
            // A misspelt value is answered with the value meant; one nowhere near a value
            // of the key, with what the key takes.
            Some(
                said @ said::Said {
                    what: What::Name { given, .. },
                    ..
                },
            ) if meant(takes, given) => {
                let (message, hint) = super::explain(&said, path_message(&self.path));
                self.push(node, message, hint);
                return;
            }
            _ => msg!(
                "key-takes",
                path = path_message(&self.path),
                takes = self.takes_message(takes)
            ),
        };
        let example = self.example(key, takes);
        let hint = example.map(|lines| msg!("key-takes-hint", example = lines));
        self.push(node, message, hint);
    }

    fn push(&mut self, node: &Located, message: Message, hint: Option<Message>) {
        self.found.push(Refused {
            start: node.start,
            end: node.end.max(node.start),
            message,
            hint,
        });
    }

    fn takes_message(&self, takes: Takes) -> Message {
        let quoted = |names: Vec<&str>| -> Vec<String> {
            names.into_iter().map(|n| format!("`{n}`")).collect()
        };
        match takes {
            Takes::Text => msg!("takes-text"),
            Takes::Year => msg!("takes-year"),
            Takes::SchoolYear => msg!("takes-school-year"),
            Takes::Choice(names) => {
                let ascii = names.iter().filter(|n| n.is_ascii() != self.chinese);
                let mut shown: Vec<&str> = ascii.copied().collect();
                if shown.is_empty() {
                    shown = names.to_vec();
                }
                msg!("takes-choice", names = quoted(shown))
            }
            Takes::Paragraphs => msg!("takes-paragraphs"),
            Takes::Content => msg!("takes-content"),
            Takes::Items => msg!("takes-items"),
            Takes::Schedule => msg!(
                "takes-schedule",
                month = self.name("month"),
                items = self.name("items")
            ),
            Takes::Months => msg!("takes-months"),
            Takes::Date => msg!("takes-date"),
            Takes::Bool => msg!("takes-bool"),
            Takes::Keys(what) => {
                let names = keys(what)
                    .chunks(2)
                    .map(|pair| if self.chinese { pair[1] } else { pair[0] })
                    .collect();
                msg!("takes-keys", keys = quoted(names))
            }
            Takes::Markers => msg!("takes-markers"),
        }
    }

    /// A small example of the key's value, line by line, in the file's key language.
    fn example(&self, key: &'static str, takes: Takes) -> Option<String> {
        let k = self.name(key);
        let lines: Vec<String> = match takes {
            Takes::Text => vec![format!("{k}: 城南小学工会")],
            Takes::Year => vec![format!("{k}: 2027")],
            Takes::SchoolYear => vec![format!("{k}: 2026—2027")],
            Takes::Choice(names) => {
                let first = names
                    .iter()
                    .find(|n| n.is_ascii() != self.chinese)
                    .or(names.first())?;
                vec![format!("{k}: {first}")]
            }
            Takes::Paragraphs => vec![
                format!("{k}:"),
                "  - 第一段。".into(),
                "  - 第二段。".into(),
            ],
            Takes::Content | Takes::Items => {
                vec![format!("{k}:"), "  - 开展教师节庆祝活动。".into()]
            }
            Takes::Schedule => vec![
                format!("{k}:"),
                format!("  - {}: 3", self.name("month")),
                format!("    {}:", self.name("items")),
                "      - 组织“三八”妇女节活动。".into(),
            ],
            Takes::Months => vec![format!("{k}: 3")],
            Takes::Date => vec![format!("{k}: 2027-01-05")],
            Takes::Bool => vec![format!("{k}: false")],
            Takes::Keys("signature") => vec![
                format!("{k}:"),
                format!("  {}: 城南小学工会", self.name("organization")),
                format!("  {}: 2027-01-05", self.name("date")),
            ],
            Takes::Keys("style") => vec![
                format!("{k}:"),
                format!("  {}:", self.name("month")),
                format!("    {}: 中文", self.name("numerals")),
            ],
            Takes::Keys("schedule entry") => vec![
                format!("- {}: 3", self.name("month")),
                format!("  {}:", self.name("items")),
                "    - 组织“三八”妇女节活动。".into(),
            ],
            Takes::Keys(_) => vec![
                format!("{k}:"),
                format!("  {}: 中文", self.name("numerals")),
            ],
            Takes::Markers => vec![format!("{k}: [一、, （一）, 1.]")],
        };
        Some(
            lines
                .iter()
                .map(|line| format!("`{line}`"))
                .collect::<Vec<_>>()
                .join(" / "),
        )
    }

    /// The keys of a mapping that stands for the struct `what`.
    fn keys(&mut self, node: &Located, what: &'static str) {
        let Shape::Map(entries) = &node.shape else {
            return;
        };
        let keys = keys(what);
        for entry in entries {
            // A key the format does not know is checking's to name.
            let Some(english) = model::english_key(keys, &entry.key) else {
                continue;
            };
            let Some(takes) = takes(what, english) else {
                continue;
            };
            self.path.push(Step::Key(entry.key.clone()));
            self.value(&entry.value, takes, english);
            self.path.pop();
        }
        if what == "schedule entry" {
            let month = model::english_key(keys, "month").unwrap_or("month");
            let has_month = entries
                .iter()
                .any(|e| model::english_key(keys, &e.key) == Some(month));
            if !has_month {
                let message = msg!(
                    "schedule-entry-without-month",
                    path = path_message(&self.path),
                    month = self.name("month")
                );
                let hint = msg!(
                    "key-takes-hint",
                    example = self.example("month", Takes::Months).unwrap_or_default()
                );
                self.push(node, message, Some(hint));
            }
        }
    }

    /// A value of a key that takes `takes`.
    fn value(&mut self, node: &Located, takes: Takes, key: &'static str) {
        let source = &self.text[node.start..node.end.max(node.start)];
        match (&node.shape, takes) {
            (Shape::Opaque, _) => {}
            (Shape::Scalar(_), _) => {
                if let Some(words) = scalar(source, takes) {
                    self.refuse(node, takes, key, Some(words));
                }
            }
            (Shape::Map(_), Takes::Keys(what)) => self.keys(node, what),
            (Shape::Map(_), Takes::Content) => self.keys(node, "node"),
            (Shape::Seq(items), Takes::Paragraphs) => {
                self.each(items, |walk, item| {
                    if !matches!(item.shape, Shape::Scalar(_)) {
                        walk.refuse(item, Takes::Text, key, None);
                    } else if let Some(words) = scalar(walk.slice(item), Takes::Text) {
                        walk.refuse(item, Takes::Text, key, Some(words));
                    }
                });
            }
            (Shape::Seq(items), Takes::Content | Takes::Items) => {
                self.each(items, |walk, item| walk.item(item, key));
            }
            (Shape::Seq(entries), Takes::Schedule) => {
                self.each(entries, |walk, entry| match &entry.shape {
                    Shape::Map(_) => walk.keys(entry, "schedule entry"),
                    Shape::Opaque => {}
                    _ => walk.refuse(entry, Takes::Keys("schedule entry"), key, None),
                });
            }
            (Shape::Seq(markers), Takes::Markers) => {
                self.each(markers, |walk, marker| {
                    if !matches!(marker.shape, Shape::Scalar(_) | Shape::Opaque) {
                        walk.refuse(marker, Takes::Markers, key, None);
                    } else if let Some(words) = leaf::<model::Marker>(walk.slice(marker)) {
                        walk.refuse(marker, Takes::Markers, key, Some(words));
                    }
                });
            }
            // A range written as a list, `[7, 8]` or a block of two: read as the model reads
            // it, from its months alone, since a block's lines are indented for the file.
            (Shape::Seq(months), Takes::Months)
                if months.iter().all(|m| matches!(m.shape, Shape::Scalar(_))) =>
            {
                let list: Vec<&str> = months.iter().map(|m| self.slice(m)).collect();
                if let Some(words) = leaf::<model::Months>(&format!("[{}]", list.join(", "))) {
                    self.refuse(node, takes, key, Some(words));
                }
            }
            _ => self.refuse(node, takes, key, None),
        }
    }

    fn slice(&self, node: &Located) -> &str {
        &self.text[node.start..node.end.max(node.start)]
    }

    fn each(&mut self, nodes: &[Located], mut f: impl FnMut(&mut Self, &Located)) {
        for (i, node) in nodes.iter().enumerate() {
            self.path.push(Step::Entry(i));
            f(self, node);
            self.path.pop();
        }
    }

    /// An entry of a list of items: a text, or a section's keys.
    fn item(&mut self, node: &Located, key: &'static str) {
        match &node.shape {
            Shape::Map(_) => self.keys(node, "node"),
            Shape::Seq(_) => {
                let message = msg!(
                    "item-is-a-list",
                    path = path_message(&self.path),
                    items = self.name("items")
                );
                self.push(node, message, None);
            }
            Shape::Scalar(_) => {
                let source = self.slice(node);
                if source.trim().is_empty() {
                    // `- #1 走访…`: YAML reads all after ` #` as a comment; point at it.
                    let line_start = self.text[..node.start]
                        .rfind(['\n', '\r'])
                        .map_or(0, |i| i + 1);
                    let line = &self.text[line_start..crate::text::line_end(self.text, node.start)];
                    let at = line.find(" #").map_or(node.start, |i| line_start + i + 1);
                    let message = msg!("item-empty", path = path_message(&self.path));
                    self.found.push(Refused {
                        start: at,
                        end: at,
                        message,
                        hint: None,
                    });
                } else if let Some(words) = leaf::<model::Item>(source) {
                    self.refuse(node, Takes::Items, key, Some(words));
                }
            }
            Shape::Opaque => {}
        }
    }
}

/// Whether `given`, not a value of a key that takes `takes`, is close to one.
fn meant(takes: Takes, given: &str) -> bool {
    match takes {
        Takes::Choice(names) => crate::suggest::closest(given, names).is_some(),
        _ => true,
    }
}

/// A list, or its one entry alone, as the model reads `items`.
#[derive(Deserialize)]
#[serde(bound = "T: DeserializeOwned")]
struct OneOrMany<T>(
    // Read only to see whether the model takes the value.
    #[allow(dead_code)]
    #[serde(deserialize_with = "model::one_or_many")]
    Vec<T>,
);

/// What the model says of a scalar written `source` for a key that takes `takes`; `None`
/// when it takes it.
fn scalar(source: &str, takes: Takes) -> Option<String> {
    match takes {
        Takes::Text => leaf::<Option<model::Text>>(source),
        Takes::Year => leaf::<Option<model::Year>>(source),
        Takes::SchoolYear => leaf::<Option<model::SchoolYear>>(source),
        Takes::Choice(names) => {
            // Nothing, a number or a list is no value of the set at all.
            let value: Option<String> = serde_yaml::from_str(source).unwrap_or_default();
            let Some(value) = value.filter(|v| !v.is_empty()) else {
                return Some(String::from("invalid type: no word"));
            };
            (!names.contains(&value.as_str())).then(|| {
                let expected: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
                format!(
                    "unknown variant `{value}`, expected one of {}",
                    expected.join(", ")
                )
            })
        }
        Takes::Paragraphs => leaf::<model::Paragraphs>(source),
        Takes::Content => leaf::<Option<model::Content>>(source),
        Takes::Items => leaf::<OneOrMany<model::Item>>(source),
        Takes::Schedule => leaf::<Option<Vec<model::ScheduleEntry>>>(source),
        Takes::Months => leaf::<model::Months>(source),
        Takes::Date => leaf::<Option<model::Date>>(source),
        Takes::Bool => leaf::<bool>(source),
        Takes::Keys("signature") => leaf::<Option<model::Signature>>(source),
        Takes::Keys("style") => leaf::<model::Style>(source),
        Takes::Keys(_) => leaf::<model::MonthStyle>(source),
        Takes::Markers => leaf::<OneOrMany<model::Marker>>(source),
    }
}

fn leaf<T: DeserializeOwned>(source: &str) -> Option<String> {
    model::forget_refusal();
    serde_yaml::from_str::<T>(source)
        .err()
        .map(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::messages::Lang;

    #[test]
    fn every_key_of_the_model_says_what_it_takes() {
        for (what, keys) in model::structs() {
            for pair in keys.chunks(2) {
                assert!(
                    takes(what, pair[0]).is_some(),
                    "the {what} key `{}` has no description of what it takes",
                    pair[0]
                );
            }
        }
    }

    fn said(text: &str) -> Vec<(String, String, Option<String>)> {
        let root = super::super::index::index(text).unwrap();
        walk(&root, text)
            .into_iter()
            .map(|r| {
                (
                    text[r.start..r.end].to_owned(),
                    r.message.say(Lang::Zh),
                    r.hint.map(|h| h.say(Lang::En)),
                )
            })
            .collect()
    }

    #[test]
    fn every_value_its_key_does_not_take() {
        let text =
            "单位: 城南小学工会\n落款: 城南小学工会\n版式: 中文\n具体工作安排:\n  三月: 开展活动\n";
        let found = said(text);
        assert_eq!(found.len(), 3, "{found:#?}");
        assert_eq!(found[0].0, "城南小学工会");
        assert!(found[0].1.starts_with("`落款`"), "{found:#?}");
        assert_eq!(
            found[0].2.as_deref(),
            Some("write it as `落款:` / `  单位: 城南小学工会` / `  日期: 2027-01-05`")
        );
        assert!(found[2].1.starts_with("`具体工作安排`"), "{found:#?}");
    }

    #[test]
    fn a_value_near_one_of_a_set_is_a_slip_and_one_far_from_all_is_not() {
        let found = said("期间: 上半\n文种: 3\n");
        assert_eq!(found.len(), 2, "{found:#?}");
        assert_eq!(found[0].1, "`期间`：未知的值 `上半`");
        assert_eq!(found[0].2.as_deref(), Some("did you mean `上半年`?"));
        assert_eq!(found[1].1, "`文种` 应写成以下之一：`计划`、`总结`");
        assert_eq!(found[1].2.as_deref(), Some("write it as `文种: 计划`"));
    }

    #[test]
    fn paths_are_one_based_in_the_files_keys() {
        let text = "schedule:\n  - month: 3\n    items: [a]\n  - month: [x]\n";
        let found = said(text);
        assert_eq!(found.len(), 1, "{found:#?}");
        assert!(
            found[0].1.starts_with("`schedule` 第2项的 `month`"),
            "{found:#?}"
        );
        let path = [
            Step::Key("具体工作安排".into()),
            Step::Entry(1),
            Step::Key("月份".into()),
        ];
        assert_eq!(
            path_message(&path).say(Lang::En),
            "`具体工作安排` entry 2 `月份`"
        );
    }

    #[test]
    fn a_range_written_as_a_list_is_taken_as_the_model_takes_it() {
        let text =
            "schedule:\n  - month: [3, 1]\n  - month:\n      - 7\n      - 8\n  - month: [3, 13]\n";
        let found = said(text);
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(found[0].0, "[3, 13]");
        assert!(
            found[0].1.starts_with("`schedule` 第3项的 `month`"),
            "{found:#?}"
        );
    }
}
