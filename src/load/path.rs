//! A data path as a user types it (`落款.日期`, `正文.2.标题`, `signature.date`) read into
//! the model's path: keys in either language, list entries counted from 1.

use super::takes::{self, Takes};
use crate::error::Seg;
use crate::messages::Message;
use crate::model;
use crate::msg;

/// Why a typed path is no path of the format: what to say, the hint, and the byte range of
/// the step at fault within the path.
#[derive(Debug)]
pub struct BadPath {
    pub message: Message,
    pub hint: Option<Message>,
    pub start: usize,
    pub end: usize,
}

/// What a step of the path stands on.
#[derive(Clone, Copy)]
enum Slot {
    Keys(&'static str),
    /// A list, and what its entries are.
    List(Entry),
    /// A shorthand section: a section's keys, or its items by number.
    Content,
    Leaf,
}

#[derive(Clone, Copy)]
enum Entry {
    Node,
    Schedule,
    Leaf,
}

fn slot_of(takes: Takes) -> Slot {
    match takes {
        Takes::Keys(what) => Slot::Keys(what),
        Takes::Items => Slot::List(Entry::Node),
        Takes::Schedule => Slot::List(Entry::Schedule),
        Takes::Paragraphs | Takes::Markers => Slot::List(Entry::Leaf),
        Takes::Content => Slot::Content,
        _ => Slot::Leaf,
    }
}

/// The steps of a typed path with their byte ranges; `.`, a full-width `．` and `。` all part
/// steps, as a Chinese keyboard types them.
fn steps(typed: &str) -> Vec<(usize, &str)> {
    let mut steps = Vec::new();
    let mut start = 0;
    for (at, c) in typed.char_indices() {
        if matches!(c, '.' | '．' | '。') {
            steps.push((start, &typed[start..at]));
            start = at + c.len_utf8();
        }
    }
    steps.push((start, &typed[start..]));
    steps
}

/// An entry's number, in ASCII or full-width digits.
fn number(step: &str) -> Option<usize> {
    if step.is_empty() {
        return None;
    }
    step.chars()
        .map(|c| match c {
            '0'..='9' => Some(c as usize - '0' as usize),
            '０'..='９' => Some(c as usize - '０' as usize),
            _ => None,
        })
        .try_fold(0usize, |n, d| n.checked_mul(10)?.checked_add(d?))
}

/// Reads a typed path into the model's path.
pub fn resolve(typed: &str) -> Result<Vec<Seg>, BadPath> {
    let mut path = Vec::new();
    let mut slot = Slot::Keys("plan");
    let mut before = String::new();
    for (start, step) in steps(typed) {
        let bad = |message: Message, hint: Option<Message>| BadPath {
            message,
            hint,
            start,
            end: start + step.len().max(1),
        };
        let step = step.trim();
        if step.is_empty() {
            return Err(bad(
                msg!("set-path-empty-step"),
                Some(msg!("set-path-hint")),
            ));
        }
        let keyed = |what: &'static str| -> Result<(Seg, Slot), BadPath> {
            let keys = takes::keys(what);
            if let Some(n) = number(step) {
                let _ = n;
                return Err(bad(
                    msg!("set-path-needs-key", path = &before, step = step),
                    Some(msg!("set-path-hint")),
                ));
            }
            match model::english_key(keys, step) {
                Some(english) => {
                    let takes = takes::takes(what, english).map_or(Slot::Leaf, slot_of);
                    Ok((Seg::Key(english), takes))
                }
                None => Err(bad(
                    msg!("unknown-key", key = step),
                    crate::suggest::suggest(step, keys).map(|s| s.message()),
                )),
            }
        };
        let numbered = |then: Slot| -> Result<(Seg, Slot), BadPath> {
            match number(step) {
                Some(0) => Err(bad(msg!("set-path-zero"), Some(msg!("set-path-hint")))),
                Some(n) => Ok((Seg::Index(n - 1), then)),
                None => Err(bad(
                    msg!("set-path-needs-entry", path = &before, step = step),
                    Some(msg!("set-path-hint")),
                )),
            }
        };
        let (seg, next) = match slot {
            Slot::Keys(what) => keyed(what)?,
            Slot::List(Entry::Node) => numbered(Slot::Keys("node"))?,
            Slot::List(Entry::Schedule) => numbered(Slot::Keys("schedule entry"))?,
            Slot::List(Entry::Leaf) => numbered(Slot::Leaf)?,
            Slot::Content if number(step).is_some() => numbered(Slot::Keys("node"))?,
            Slot::Content => keyed("node")?,
            Slot::Leaf => {
                return Err(bad(
                    msg!("set-path-past-value", path = &before, step = step),
                    Some(msg!("set-path-hint")),
                ))
            }
        };
        if !before.is_empty() {
            before.push('.');
        }
        before.push_str(step);
        path.push(seg);
        slot = next;
    }
    Ok(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_in_either_language_and_entries_from_one() {
        assert_eq!(
            resolve("落款.日期").unwrap(),
            [Seg::Key("signature"), Seg::Key("date")]
        );
        assert_eq!(
            resolve("sections.2.title").unwrap(),
            [Seg::Key("sections"), Seg::Index(1), Seg::Key("title")]
        );
        assert_eq!(
            resolve("重点工作。１。事项.3").unwrap(),
            [
                Seg::Key("key_tasks"),
                Seg::Index(0),
                Seg::Key("items"),
                Seg::Index(2)
            ]
        );
        assert_eq!(
            resolve("正文.1.安排.2.月份").unwrap(),
            [
                Seg::Key("sections"),
                Seg::Index(0),
                Seg::Key("schedule"),
                Seg::Index(1),
                Seg::Key("month")
            ]
        );
    }

    #[test]
    fn what_is_no_path_is_said_at_its_step() {
        let bad = resolve("落款.日其").unwrap_err();
        assert_eq!(bad.message.code(), "unknown-key");
        assert_eq!(&"落款.日其"[bad.start..bad.end], "日其");
        assert_eq!(
            resolve("正文.0").unwrap_err().message.code(),
            "set-path-zero"
        );
        assert_eq!(
            resolve("正文.标题").unwrap_err().message.code(),
            "set-path-needs-entry"
        );
        assert_eq!(
            resolve("落款.1").unwrap_err().message.code(),
            "set-path-needs-key"
        );
        assert_eq!(
            resolve("单位.名称").unwrap_err().message.code(),
            "set-path-past-value"
        );
        assert_eq!(
            resolve("落款..日期").unwrap_err().message.code(),
            "set-path-empty-step"
        );
    }
}
