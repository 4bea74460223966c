//! Where every key and value of a plan file stands, so that a problem found in the model
//! (a month out of order, a placeholder in a body) can point at its line and column.
//!
//! The plan itself is read by serde; this second, event-level read keeps only positions.
//! Aliases are not expanded here, so an alias bomb costs nothing.

use saphyr_parser::{Event, Parser, Span};

use crate::error::Seg;

/// A node of the file with its byte range.
#[derive(Debug)]
pub struct Located {
    pub start: usize,
    pub end: usize,
    pub shape: Shape,
}

#[derive(Debug)]
pub enum Shape {
    Scalar(String),
    Seq(Vec<Located>),
    Map(Vec<Entry>),
    /// A `*name` alias of a list or mapping (or anything unreadable): positions stop here.
    /// An alias of a short scalar is that scalar's value, at the alias.
    Opaque,
}

#[derive(Debug)]
pub struct Entry {
    pub key: String,
    pub key_start: usize,
    pub key_end: usize,
    pub value: Located,
}

/// Byte offsets of line starts, to turn the parser's line and column into offsets.
pub(super) struct Lines<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> Lines<'a> {
    /// The parser counts lines as YAML does, a lone `\r` ending one too, and so does this.
    pub(super) fn new(text: &'a str) -> Lines<'a> {
        Lines {
            text,
            starts: crate::text::line_starts(text),
        }
    }

    pub(super) fn offset(&self, line: usize, col: usize) -> usize {
        let Some(&start) = self.starts.get(line.saturating_sub(1)) else {
            return self.text.len();
        };
        self.text[start..]
            .char_indices()
            .nth(col)
            .map_or(self.text.len(), |(i, _)| start + i)
    }

    pub(super) fn span(&self, span: &Span) -> (usize, usize) {
        (
            self.offset(span.start.line(), span.start.col()),
            self.offset(span.end.line(), span.end.col()),
        )
    }
}

/// Reads the positions of the first document of `text`; `None` if it is not YAML.
pub fn index(text: &str) -> Option<Located> {
    let lines = Lines::new(text);
    // Open collections: the node being built, and for mappings a key awaiting its value.
    enum Open {
        Seq(usize, Vec<Located>),
        Map(usize, Vec<Entry>, Option<(String, usize, usize)>),
    }
    let mut stack: Vec<Open> = Vec::new();
    let mut root = None;
    let place =
        |stack: &mut Vec<Open>, node: Located, root: &mut Option<Located>| match stack.last_mut() {
            Some(Open::Seq(_, items)) => items.push(node),
            Some(Open::Map(_, entries, pending)) => match pending.take() {
                Some((key, key_start, key_end)) => entries.push(Entry {
                    key,
                    key_start,
                    key_end,
                    value: node,
                }),
                None => {
                    let key = match &node.shape {
                        Shape::Scalar(s) => s.clone(),
                        _ => String::new(),
                    };
                    *pending = Some((key, node.start, node.end));
                }
            },
            None => *root = Some(node),
        };
    // The values of anchored short scalars (a number as written), so that an alias to one
    // is that text too. Long ones are not copied: a file of aliases would multiply them.
    const SHORT: usize = 40;
    let mut anchored: Vec<(usize, String)> = Vec::new();
    for event in Parser::new_from_str(text) {
        let (event, span) = event.ok()?;
        let (start, end) = lines.span(&span);
        match event {
            Event::Scalar(value, _, anchor, _) => {
                if anchor != 0 && value.len() <= SHORT {
                    anchored.push((anchor, value.to_string()));
                }
                place(
                    &mut stack,
                    Located {
                        start,
                        end,
                        shape: Shape::Scalar(value.into_owned()),
                    },
                    &mut root,
                )
            }
            Event::Alias(anchor) => {
                let shape = anchored
                    .iter()
                    .rev()
                    .find(|(id, _)| *id == anchor)
                    .map_or(Shape::Opaque, |(_, value)| Shape::Scalar(value.clone()));
                place(&mut stack, Located { start, end, shape }, &mut root)
            }
            Event::SequenceStart(..) => stack.push(Open::Seq(start, Vec::new())),
            Event::MappingStart(..) => stack.push(Open::Map(start, Vec::new(), None)),
            Event::SequenceEnd | Event::MappingEnd => {
                let node = match stack.pop()? {
                    Open::Seq(start, items) => Located {
                        start,
                        end,
                        shape: Shape::Seq(items),
                    },
                    Open::Map(start, entries, _) => Located {
                        start,
                        end,
                        shape: Shape::Map(entries),
                    },
                };
                place(&mut stack, node, &mut root);
            }
            Event::DocumentEnd => break,
            _ => {}
        }
    }
    root
}

impl Located {
    /// Whether the plan's keys are written in Chinese: the language of most of its own
    /// top-level keys (not `<<` or `x-` keys, which are the file's), Chinese on a tie.
    pub fn chinese_keys(&self) -> bool {
        let Shape::Map(entries) = &self.shape else {
            return true;
        };
        let keys: Vec<&str> = (entries.iter().map(|e| e.key.as_str()))
            .filter(|k| *k != "<<" && !k.starts_with("x-"))
            .collect();
        2 * keys.iter().filter(|k| !k.is_ascii()).count() >= keys.len()
    }
}

impl Located {
    /// Follows a data path as far as the file allows; `aliases` gives the other names a key
    /// may be written with. Returns the deepest node reached and, when the path ends on a
    /// key, that key's byte range.
    pub fn find<'a>(
        &'a self,
        path: &[Seg],
        aliases: &dyn Fn(&str) -> Vec<&'static str>,
    ) -> (&'a Located, Option<(usize, usize)>) {
        let mut node = self;
        let mut key = None;
        for seg in path {
            let next = match (seg, &node.shape) {
                (Seg::Index(i), Shape::Seq(items)) => items.get(*i).map(|n| (n, None)),
                (Seg::Key(name), Shape::Map(entries)) => {
                    let names = aliases(name);
                    entries
                        .iter()
                        .find(|e| e.key == *name || names.contains(&e.key.as_str()))
                        .map(|e| (&e.value, Some((e.key_start, e.key_end))))
                }
                _ => None,
            };
            match next {
                Some((n, k)) => {
                    node = n;
                    key = k;
                }
                None => break,
            }
        }
        (node, key)
    }
}

impl Located {
    /// The value of the scalar a data path leads to, if it leads to one: all the way, or but
    /// for a last index 0 (a body written as one string is a list of one paragraph).
    pub fn scalar_at(
        &self,
        path: &[Seg],
        aliases: &dyn Fn(&str) -> Vec<&'static str>,
    ) -> Option<&str> {
        match &self.scalar_node_at(path, aliases)?.shape {
            Shape::Scalar(value) => Some(value),
            _ => None,
        }
    }

    /// The scalar a data path leads to, as [`Located::scalar_at`] finds it, with its place.
    pub fn scalar_node_at(
        &self,
        path: &[Seg],
        aliases: &dyn Fn(&str) -> Vec<&'static str>,
    ) -> Option<&Located> {
        let mut node = self;
        let mut rest = path;
        while let Some((seg, tail)) = rest.split_first() {
            node = match (seg, &node.shape) {
                (Seg::Index(i), Shape::Seq(items)) => items.get(*i)?,
                (Seg::Key(name), Shape::Map(entries)) => {
                    let names = aliases(name);
                    &entries
                        .iter()
                        .find(|e| e.key == *name || names.contains(&e.key.as_str()))?
                        .value
                }
                (Seg::Index(0), Shape::Scalar(_)) if tail.is_empty() => break,
                _ => return None,
            };
            rest = tail;
        }
        matches!(node.shape, Shape::Scalar(_)).then_some(node)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn no_aliases(_: &str) -> Vec<&'static str> {
        Vec::new()
    }

    #[test]
    fn finds_keys_and_values_by_path() {
        let text = "title: 计划\nsections:\n  - title: 甲\n    items: [a, \"b\"]\n";
        let root = index(text).unwrap();
        let (node, key) = root.find(
            &[
                Seg::Key("sections"),
                Seg::Index(0),
                Seg::Key("items"),
                Seg::Index(1),
            ],
            &no_aliases,
        );
        assert_eq!(&text[node.start..node.end], "\"b\"");
        assert_eq!(key, None);
        let (node, key) = root.find(
            &[Seg::Key("sections"), Seg::Index(0), Seg::Key("title")],
            &no_aliases,
        );
        assert_eq!(&text[node.start..node.end], "甲");
        let (s, e) = key.unwrap();
        assert_eq!(&text[s..e], "title");
    }

    #[test]
    fn stops_where_the_file_does() {
        let text = "goals: 只有一段。\n";
        let root = index(text).unwrap();
        let (node, _) = root.find(
            &[Seg::Key("goals"), Seg::Index(3), Seg::Key("body")],
            &no_aliases,
        );
        assert_eq!(&text[node.start..node.end], "只有一段。");
    }

    #[test]
    fn scalars_by_path_and_through_an_alias() {
        let text = "goals: 0o17\nsections:\n  - &n 0x1F\n  - *n\n  - {title: +1}\n";
        let root = index(text).unwrap();
        let at = |path: &[Seg]| root.scalar_at(path, &no_aliases);
        assert_eq!(at(&[Seg::Key("goals"), Seg::Index(0)]), Some("0o17"));
        assert_eq!(at(&[Seg::Key("sections"), Seg::Index(1)]), Some("0x1F"));
        assert_eq!(
            at(&[Seg::Key("sections"), Seg::Index(2), Seg::Key("title")]),
            Some("+1")
        );
        assert_eq!(at(&[Seg::Key("goals"), Seg::Index(1)]), None);
        assert_eq!(at(&[Seg::Key("sections")]), None);
        assert_eq!(
            at(&[Seg::Key("sections"), Seg::Index(2), Seg::Key("body")]),
            None
        );
    }

    #[test]
    fn aliases_are_not_expanded() {
        let mut text = String::from("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        for i in 0..20 {
            text.push_str(&format!(
                "b{i}: &b{i} [*{}, *{0}, *{0}, *{0}]\n",
                if i == 0 {
                    "a".into()
                } else {
                    format!("b{}", i - 1)
                }
            ));
        }
        let root = index(&text).unwrap();
        assert!(matches!(root.shape, Shape::Map(ref e) if e.len() == 21));
    }
}
