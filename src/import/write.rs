//! A plan → YAML text: block style, one key a line, in the order the format documents
//! them, the keys in Chinese or in English as the model names them; the same plan always
//! gives the same text.

use std::fmt::Write;

use super::genre::{Draft, Month, Node};
use crate::model::{self, Layout};

/// Which names the keys are written with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Keys {
    Zh,
    En,
}

/// The YAML text being written, a line at a time.
pub(crate) struct Writer {
    pub(crate) keys: Keys,
    pub(crate) out: String,
}

/// A key's name as the model gives it: the English field name, or the Chinese alias that
/// follows it in the model's list.
pub(crate) fn name<'de, T: serde::Deserialize<'de>>(keys: Keys, en: &'static str) -> &'static str {
    in_keys(model::keys_of::<T>(), keys, en)
}

/// A value of a closed set, by its English name or its first Chinese alias.
pub(crate) fn value<'de, T: serde::Deserialize<'de>>(keys: Keys, en: &'static str) -> &'static str {
    in_keys(model::variants_of::<T>(), keys, en)
}

/// `en` in the language of `keys`, from the model's list of names, where each English name
/// is followed by its aliases.
fn in_keys(names: &'static [&'static str], keys: Keys, en: &'static str) -> &'static str {
    match keys {
        Keys::En => en,
        Keys::Zh => names
            .iter()
            .position(|&n| n == en)
            .and_then(|i| names.get(i + 1))
            .filter(|n| !n.is_ascii())
            .copied()
            .unwrap_or(en),
    }
}

/// A value the model reads under both names, as the keys' language writes it.
fn zh_or(keys: Keys, zh: &'static str, en: &'static str) -> &'static str {
    match keys {
        Keys::Zh => zh,
        Keys::En => en,
    }
}

/// The text as a YAML scalar: plain where YAML reads it back as that very text, else
/// double-quoted.
pub fn scalar(text: &str) -> String {
    // `指导思想：以…` plain would read to `check` as a key typed with a full-width colon.
    let key_like = text.split_once('：').is_some_and(|(head, _)| {
        (crate::model::structs().iter()).any(|(_, keys)| keys.contains(&head))
    });
    let plain = !key_like
        && !text.is_empty()
        && !text.starts_with(|c: char| "-?:,[]{}#&*!|>'\"%@` \t".contains(c) || c.is_ascii_digit())
        && !text.ends_with([' ', ':', '\t'])
        && !text.contains(": ")
        && !text.contains(" #")
        && !text.contains(['\n', '\r', '\t', '\u{feff}'])
        && !text.chars().any(|c| c.is_control())
        && !matches!(
            text.to_ascii_lowercase().as_str(),
            "true" | "false" | "yes" | "no" | "on" | "off" | "null" | "~" | "y" | "n"
        )
        && !text.starts_with(['　']);
    if plain {
        return text.to_owned();
    }
    let mut quoted = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => quoted.push_str("\\\""),
            '\\' => quoted.push_str("\\\\"),
            '\n' => quoted.push_str("\\n"),
            '\t' => quoted.push_str("\\t"),
            c if c.is_control() || c == '\u{feff}' => {
                let _ = write!(quoted, "\\u{:04X}", c as u32);
            }
            c => quoted.push(c),
        }
    }
    quoted.push('"');
    quoted
}

impl Writer {
    pub(crate) fn line(&mut self, indent: usize, text: &str) {
        self.out.push_str(&"  ".repeat(indent));
        self.out.push_str(text);
        self.out.push('\n');
    }

    /// A comment line, in the keys' language.
    pub(crate) fn comment(&mut self, indent: usize, zh: &str, en: &str) {
        let text = match self.keys {
            Keys::Zh => zh,
            Keys::En => en,
        };
        self.line(indent, &format!("# {text}"));
    }

    pub(crate) fn pair(&mut self, indent: usize, key: &str, value: &str) {
        self.line(indent, &format!("{key}: {value}"));
    }

    fn paragraphs(&mut self, indent: usize, key: &str, paragraphs: &[String]) {
        match paragraphs {
            [] => {}
            [one] => self.pair(indent, key, &scalar(one)),
            many => {
                self.line(indent, &format!("{key}:"));
                for p in many {
                    self.line(indent + 1, &format!("- {}", scalar(p)));
                }
            }
        }
    }

    fn items(&mut self, indent: usize, key: &str, items: &[Node]) {
        if items.is_empty() {
            return;
        }
        self.line(indent, &format!("{key}:"));
        for item in items {
            self.item(indent + 1, item);
        }
    }

    /// One entry of a list: a plain string when it is a numbered body alone, else a node
    /// whose first key opens the entry.
    fn item(&mut self, indent: usize, node: &Node) {
        let plain = node.numbered
            && node.title.is_none()
            && node.body.len() == 1
            && node.items.is_empty()
            && node.schedule.is_empty()
            && node.layout.is_none();
        if plain {
            self.line(indent, &format!("- {}", scalar(&node.body[0])));
            return;
        }
        let mut node_text = Writer {
            keys: self.keys,
            out: String::new(),
        };
        node_text.node(0, node);
        let mut lines = node_text.out.lines();
        if let Some(first) = lines.next() {
            self.line(indent, &format!("- {first}"));
        }
        for line in lines {
            self.line(indent + 1, line);
        }
    }

    fn node(&mut self, indent: usize, node: &Node) {
        let keys = self.keys;
        let key = |en| name::<model::Node>(keys, en);
        let (title, body, items, schedule, numbered, layout) = (
            key("title"),
            key("body"),
            key("items"),
            key("schedule"),
            key("numbered"),
            key("layout"),
        );
        if let Some(t) = &node.title {
            self.pair(indent, title, &scalar(t));
        }
        self.paragraphs(indent, body, &node.body);
        if !node.numbered {
            self.pair(indent, numbered, "false");
        }
        if let Some(l) = node.layout {
            let v = match l {
                Layout::Heading => value::<Layout>(self.keys, "heading"),
                Layout::Inline => value::<Layout>(self.keys, "inline"),
            };
            self.pair(indent, layout, v);
        }
        self.items(indent, items, &node.items);
        if !node.schedule.is_empty() {
            self.line(indent, &format!("{schedule}:"));
            for month in &node.schedule {
                self.month(indent + 1, month);
            }
        }
    }

    fn month(&mut self, indent: usize, month: &Month) {
        let keys = self.keys;
        let key = |en| name::<model::ScheduleEntry>(keys, en);
        let months = if month.first == month.last {
            month.first.to_string()
        } else {
            format!("{}-{}", month.first, month.last)
        };
        let months = if month.first == month.last {
            months
        } else {
            scalar(&months)
        };
        self.line(indent, &format!("- {}: {months}", key("month")));
        if month.items.is_empty() {
            self.line(indent + 1, &format!("{}: []", key("items")));
        } else {
            self.items(indent + 1, key("items"), &month.items);
        }
    }
}

/// The plan's YAML.
pub fn yaml(draft: &Draft, keys: Keys) -> String {
    let mut w = Writer {
        keys,
        out: String::new(),
    };
    let key = |en| name::<model::Plan>(keys, en);
    if let Some(t) = &draft.title {
        w.pair(0, key("title"), &scalar(t));
    }
    if let Some(o) = &draft.organization {
        w.pair(0, key("organization"), &scalar(o));
    }
    if let Some(y) = draft.year {
        w.pair(0, key("year"), &y.to_string());
    }
    if let Some((first, last)) = draft.school_year {
        w.pair(0, key("school_year"), &format!("{first}—{last}"));
    }
    if draft.period != model::Period::Year {
        let id = draft.period.id();
        w.pair(0, key("period"), value::<model::Period>(keys, id));
    }
    if draft.kind == model::Kind::Summary {
        w.pair(0, key("kind"), value::<model::Kind>(keys, "summary"));
    }
    w.paragraphs(0, key("preface"), &draft.preface);
    w.items(0, key("sections"), &draft.sections);
    w.paragraphs(0, key("closing"), &draft.closing);
    if let Some(s) = &draft.signature {
        let skey = |en| name::<model::Signature>(keys, en);
        w.line(0, &format!("{}:", key("signature")));
        if let Some(o) = &s.organization {
            w.pair(1, skey("organization"), &scalar(o));
        }
        if let Some(d) = s.date {
            w.pair(
                1,
                skey("date"),
                &format!("{:04}-{:02}-{:02}", d.year, d.month, d.day),
            );
        }
        if s.organization.is_none() && s.date.is_none() {
            w.out.pop();
            w.out.push_str(" {}\n");
        }
    }
    let style = |en| name::<model::Style>(keys, en);
    let month = |en| name::<model::MonthStyle>(keys, en);
    w.line(0, &format!("{}:", key("style")));
    if !draft.numbering.is_empty() {
        let markers: Vec<String> = draft.numbering.iter().map(|m| scalar(m)).collect();
        w.pair(1, style("numbering"), &format!("[{}]", markers.join(", ")));
    }
    let m = draft.month;
    if m != Default::default() {
        w.line(1, &format!("{}:", style("month")));
        if m.arabic {
            w.pair(
                2,
                month("numerals"),
                value::<model::MonthNumerals>(keys, "arabic"),
            );
        }
        if m.yuan {
            w.pair(2, month("january"), "元");
        }
        if m.dash {
            w.pair(2, month("range"), "—");
        }
        if m.yue {
            w.pair(2, month("suffix"), "月");
        }
    }
    if draft.chinese_date {
        w.pair(1, style("date"), zh_or(keys, "汉字", "chinese"));
    }
    if w.out.ends_with(&format!("{}:\n", key("style"))) {
        let len = w.out.len() - format!("{}:\n", key("style")).len();
        w.out.truncate(len);
    }
    w.out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_yaml_would_misread_is_quoted() {
        for text in ["工会", "学习：全员", "“三八”节"] {
            assert_eq!(scalar(text), text);
        }
        // `指导思想：以…` plain would be a key typed with a full-width colon to `check`.
        for text in [
            "- 项",
            "2027",
            "true",
            "a: b",
            "#1",
            "x:",
            "",
            "1.5倍",
            "指导思想：以人为本",
            "重点工作：",
        ] {
            let quoted = scalar(text);
            assert!(quoted.starts_with('"'), "{text}");
            let back: String = serde_yaml::from_str(&quoted).unwrap();
            assert_eq!(back, text);
        }
    }
}
