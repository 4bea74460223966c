//! The slips of typing a plan by hand that YAML misreads without naming them: a full-width
//! colon or space where YAML wants a half-width one, and a missing space after `-` or `:`.
//! Found by a look at the head of each line (its indentation, dashes and key), so that each is
//! named at its own line and column, whether YAML then refuses the file or reads the line as
//! text.

use crate::messages::Message;
use crate::model::structs;
use crate::msg;

/// A slip at a place of the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Slip {
    /// Byte offsets of the character the caret covers.
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    /// The line's text from its key or dash on, as it should be typed.
    pub fixed: String,
    /// The key before the colon, when the slip is after one.
    pub key: String,
    /// A slip whatever YAML makes of the line; a weak one (a word of the line's own before a
    /// colon, which a line of text may hold) is named only when YAML cannot read the file.
    pub strong: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    /// `年度：2027`
    FullWidthColon,
    /// `　- 每月…`
    FullWidthIndent,
    /// `年度:　2027`
    FullWidthAfterColon,
    /// `-　每月…`
    FullWidthAfterDash,
    /// `-每月…`
    NoSpaceAfterDash,
    /// `单位:城南小学工会`
    NoSpaceAfterColon,
}

impl Slip {
    /// What the slip is and how to type it instead.
    pub fn words(&self) -> (Message, Message) {
        let fix = format!("`{}`", shortened(&self.fixed));
        let key = self.key.as_str();
        match self.kind {
            Kind::FullWidthColon => (
                msg!("slip-full-width-colon", key = key),
                msg!("slip-full-width-colon-hint", fix = fix),
            ),
            Kind::FullWidthIndent => (
                msg!("slip-full-width-indent"),
                msg!("slip-full-width-indent-hint"),
            ),
            Kind::FullWidthAfterColon => (
                msg!("slip-full-width-after-colon", key = key),
                msg!("slip-full-width-after-colon-hint", fix = fix),
            ),
            Kind::FullWidthAfterDash => (
                msg!("slip-full-width-after-dash"),
                msg!("slip-full-width-after-dash-hint", fix = fix),
            ),
            Kind::NoSpaceAfterDash => (
                msg!("slip-no-space-after-dash"),
                msg!("slip-no-space-after-dash-hint", fix = fix),
            ),
            Kind::NoSpaceAfterColon => (
                msg!("slip-no-space-after-colon", key = key),
                msg!("slip-no-space-after-colon-hint", fix = fix),
            ),
        }
    }
}

/// The fix shown in a hint: the line's start, enough to recognise it.
fn shortened(text: &str) -> String {
    const SHOWN: usize = 24;
    if text.chars().count() <= SHOWN {
        text.to_owned()
    } else {
        let head: String = text.chars().take(SHOWN).collect();
        format!("{head}…")
    }
}

const IDEOGRAPHIC_SPACE: char = '\u{3000}';

/// Every slip in the text, in the order of the lines (the first `MAX`).
pub(super) fn scan(text: &str) -> Vec<Slip> {
    const MAX: usize = 200;
    // The common case, a file without any of the characters a slip needs, costs one look.
    let may_slip = text.contains('：')
        || text.contains(IDEOGRAPHIC_SPACE)
        || text.as_bytes().windows(2).any(|w| {
            (w[0] == b':' || w[0] == b'-') && !matches!(w[1], b' ' | b'\t' | b'\n' | b'\r')
        });
    if !may_slip {
        return Vec::new();
    }
    let starts = crate::text::line_starts(text);
    let line_at = |i: usize| -> &str {
        let start = starts[i];
        &text[start..crate::text::line_end(text, start)]
    };
    let mut found = Vec::new();
    // The indentation of the key whose value is a block scalar (`|`, `>`): lines indented
    // deeper are its text.
    let mut block: Option<usize> = None;
    for (number, &start) in starts.iter().enumerate() {
        if found.len() >= MAX {
            break;
        }
        let line = line_at(number);
        let indent_end = line
            .char_indices()
            .find(|&(_, c)| !matches!(c, ' ' | '\t' | IDEOGRAPHIC_SPACE))
            .map_or(line.len(), |(i, _)| i);
        let rest = &line[indent_end..];
        if rest.is_empty() {
            continue;
        }
        let depth = line[..indent_end].chars().count();
        if let Some(parent) = block {
            if depth > parent {
                continue;
            }
            block = None;
        }
        if rest.starts_with('#') {
            continue;
        }
        let next_deeper = || {
            (number + 1..starts.len())
                .map(line_at)
                .find(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
                .is_some_and(|l| {
                    l.chars()
                        .take_while(|&c| matches!(c, ' ' | '\t' | IDEOGRAPHIC_SPACE))
                        .count()
                        > depth
                })
        };
        let line_slips = head(rest, start + indent_end, next_deeper);
        if let Some(at) = line[..indent_end].find(IDEOGRAPHIC_SPACE) {
            // Structure after it (a dash, a key) makes it indentation; else it indents text.
            let structure = rest.starts_with('-') || key_head(rest).is_some();
            if structure {
                found.push(Slip {
                    start: start + at,
                    end: start + at + IDEOGRAPHIC_SPACE.len_utf8(),
                    kind: Kind::FullWidthIndent,
                    fixed: String::new(),
                    key: String::new(),
                    strong: rest.starts_with('-') || key_head(rest).is_some_and(known),
                });
            }
        }
        found.extend(line_slips);
        if opens_block(rest) {
            block = Some(depth + dashes(rest));
        }
    }
    found.truncate(MAX);
    found
}

/// The width of the `- ` dashes a line's content starts with.
fn dashes(rest: &str) -> usize {
    let mut width = 0;
    let mut r = rest;
    while let Some(after) = r.strip_prefix("- ") {
        let spaces = after.len() - after.trim_start_matches(' ').len();
        width += 1 + spaces;
        r = &after[spaces..];
    }
    width
}

/// Whether the value on a line is a block scalar's indicator (`|`, `>-`, `|+2`), so the
/// lines below are its text.
fn opens_block(rest: &str) -> bool {
    let value = rest.split(" #").next().unwrap_or_default().trim_end();
    let Some(at) = value.rfind(['|', '>']) else {
        return false;
    };
    let indicator = &value[at + 1..];
    let before = value[..at].trim_end();
    indicator
        .chars()
        .all(|c| matches!(c, '-' | '+' | '0'..='9'))
        && (before.is_empty() || before.ends_with(':') || before == "-")
}

/// The key a line's content starts with and the separator after it: the word before the
/// first colon, half- or full-width, when it is a word.
fn key_head(rest: &str) -> Option<&str> {
    let at = rest.find([':', '：'])?;
    let key = &rest[..at];
    key_like(key).then_some(key)
}

fn key_like(key: &str) -> bool {
    let count = key.chars().count();
    (1..=16).contains(&count)
        && key.chars().all(|c| c.is_alphanumeric() || c == '_')
        && !key.chars().all(|c| c.is_ascii_digit())
}

/// Whether a word is a key of the format, in English or Chinese.
fn known(key: &str) -> bool {
    structs().iter().any(|(_, keys)| keys.contains(&key))
}

/// The slips after a line's indentation: in its dashes, and after its key.
fn head(mut rest: &str, mut at: usize, next_deeper: impl Fn() -> bool) -> Vec<Slip> {
    let mut found = Vec::new();
    let mut dashed = false;
    let line = rest;
    let line_at = at;
    // The line as it should be typed, from `rest` on: the fixes made so far.
    let fixed = |slip_end: usize, insert: &str| -> String {
        let offset = slip_end - line_at;
        format!("{}{insert}{}", &line[..offset], &line[offset..])
    };
    while let Some(after) = rest.strip_prefix('-') {
        let Some(c) = after.chars().next() else {
            break;
        };
        match c {
            ' ' | '\t' => {
                let skip = after.len() - after.trim_start_matches([' ', '\t']).len();
                rest = &after[skip..];
                at += 1 + skip;
                dashed = true;
            }
            IDEOGRAPHIC_SPACE => {
                let start = at + 1;
                let end = start + c.len_utf8();
                let mut fixed = fixed(end, "");
                fixed.replace_range(start - line_at..end - line_at, " ");
                found.push(Slip {
                    start,
                    end,
                    kind: Kind::FullWidthAfterDash,
                    fixed,
                    key: String::new(),
                    strong: true,
                });
                rest = &after[c.len_utf8()..];
                at = end;
                dashed = true;
            }
            // `---`, `-1`, `->`: a document marker, a number, a sign of the text's own.
            c if c.is_ascii_punctuation() || c.is_ascii_digit() => break,
            c if c.is_alphanumeric() => {
                found.push(Slip {
                    start: at,
                    end: at + 1,
                    kind: Kind::NoSpaceAfterDash,
                    fixed: fixed(at + 1, " "),
                    key: String::new(),
                    strong: true,
                });
                rest = after;
                at += 1;
                dashed = true;
            }
            _ => break,
        }
    }
    let Some(key) = key_head(rest) else {
        return found;
    };
    let colon_at = at + key.len();
    let after = &rest[key.len()..];
    let is_known = known(key);
    let slip = |kind, start: usize, end: usize, fixed: String, strong| Slip {
        start,
        end,
        kind,
        fixed,
        key: key.to_owned(),
        strong,
    };
    if let Some(value) = after.strip_prefix('：') {
        let end = colon_at + '：'.len_utf8();
        let opens = value.trim().is_empty() && next_deeper();
        if is_known || opens || !dashed {
            let value = value.trim_start_matches([' ', '\t', IDEOGRAPHIC_SPACE]);
            let space = if value.is_empty() { "" } else { " " };
            let fixed = format!("{}:{space}{value}", &line[..colon_at - line_at]);
            found.push(slip(
                Kind::FullWidthColon,
                colon_at,
                end,
                fixed,
                is_known || opens,
            ));
        }
        return found;
    }
    let value = &after[1..];
    let Some(c) = value.chars().next() else {
        return found;
    };
    let weak_ok = is_known || !dashed;
    match c {
        ' ' | '\t' => {}
        IDEOGRAPHIC_SPACE if weak_ok => {
            let start = colon_at + 1;
            let end = start + c.len_utf8();
            let mut fixed = fixed(end, "");
            fixed.replace_range(start - line_at..end - line_at, " ");
            found.push(slip(Kind::FullWidthAfterColon, start, end, fixed, is_known));
        }
        // `http://…`, `8:30`, `a::b`: text of its own.
        '/' | ':' => {}
        c if weak_ok
            && (is_known || !c.is_ascii_digit())
            && (c.is_alphanumeric() || !c.is_ascii() || matches!(c, '[' | '"' | '\'')) =>
        {
            found.push(slip(
                Kind::NoSpaceAfterColon,
                colon_at,
                colon_at + 1,
                fixed(colon_at + 1, " "),
                is_known,
            ));
        }
        _ => {}
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each slip of a text as (line, column in characters, kind, strong).
    fn slips(text: &str) -> Vec<(usize, usize, Kind, bool)> {
        scan(text)
            .into_iter()
            .map(|s| {
                let before = &text[..s.start];
                let line = before.matches('\n').count() + 1;
                let column = before[before.rfind('\n').map_or(0, |i| i + 1)..]
                    .chars()
                    .count()
                    + 1;
                (line, column, s.kind, s.strong)
            })
            .collect()
    }

    #[test]
    fn full_width_colons_after_a_key() {
        assert_eq!(
            slips("单位：城南小学工会\n年度: 2027\n"),
            [(1, 3, Kind::FullWidthColon, true)]
        );
        assert_eq!(
            slips("重点工作：\n  - 内容：走访。\n"),
            [
                (1, 5, Kind::FullWidthColon, true),
                (2, 7, Kind::FullWidthColon, true)
            ]
        );
        // A word of the text's own before `：` in a list item is the item's text.
        assert_eq!(slips("事项:\n  - 要求：全员参加。\n"), []);
        // A list item that ends in `：` with more below it wanted to be a key.
        assert_eq!(
            slips("- 活动安排：\n    - 走访。\n"),
            [(1, 7, Kind::FullWidthColon, true)]
        );
        // After a key, `：` is the value's.
        assert_eq!(slips("内容: 要求：全员参加。\n"), []);
        // A word of its own at a key's place is named only when YAML fails.
        assert_eq!(slips("活动：走访\n"), [(1, 3, Kind::FullWidthColon, false)]);
    }

    #[test]
    fn full_width_spaces() {
        assert_eq!(
            slips("事项:\n\u{3000}- 每月一次。\n"),
            [(2, 1, Kind::FullWidthIndent, true)]
        );
        assert_eq!(
            slips("年度:\u{3000}2027\n"),
            [(1, 4, Kind::FullWidthAfterColon, true)]
        );
        assert_eq!(
            slips("事项:\n  -\u{3000}每月一次。\n"),
            [(2, 4, Kind::FullWidthAfterDash, true)]
        );
        // A paragraph indented with full-width spaces, as Chinese text is, is text.
        assert_eq!(slips("内容: 第一段，\n  \u{3000}\u{3000}第二段。\n"), []);
        assert_eq!(slips("内容: |\n  \u{3000}\u{3000}第一段。\n  - 一\n"), []);
    }

    #[test]
    fn missing_spaces() {
        assert_eq!(
            slips("事项:\n  -每月一次。\n"),
            [(2, 3, Kind::NoSpaceAfterDash, true)]
        );
        assert_eq!(
            slips("单位:城南小学工会\n"),
            [(1, 3, Kind::NoSpaceAfterColon, true)]
        );
        assert_eq!(
            slips("-月份:9\n"),
            [
                (1, 1, Kind::NoSpaceAfterDash, true),
                (1, 4, Kind::NoSpaceAfterColon, true)
            ]
        );
        // Numbers, times, addresses, dashes of the text, document markers.
        for text in [
            "---\n年度: 2027\n",
            "事项:\n  - 8:30 集合。\n",
            "事项:\n  - -1\n",
            "事项:\n  - 时间:8:30\n",
            "网址: http://example.com\n",
            "事项:\n  - 见 http://example.com\n",
            "内容: 一--二\n",
            "事项:\n  - \"a:b\"\n",
            "# 单位:城南\n",
            "内容: >-\n  -每月\n  单位:甲\n",
        ] {
            assert_eq!(slips(text), [], "{text:?}");
        }
    }

    #[test]
    fn the_fix_is_the_line_as_it_should_be() {
        let fixes: Vec<String> = scan("  - 月份：9\n单位:甲\n  -走访\n年度:\u{3000}2027\n")
            .into_iter()
            .map(|s| s.fixed)
            .collect();
        assert_eq!(fixes, ["- 月份: 9", "单位: 甲", "- 走访", "年度: 2027"]);
    }
}
