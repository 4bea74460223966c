//! Text lost to a comment: YAML reads everything after ` #` on a line as a comment, so
//! `内容: #1 走访慰问困难教职工。` has no body and `标题: 关心教职工 #困难户` ends at 关心教职工.
//!
//! The rule: an empty value with ` #…` after it on its line has lost that text, whatever it
//! is. After a text value (a title, body, item, name: what the document prints), the part
//! after ` #` is taken for lost text when it starts right after the `#` (`#1`, `#困难户`), or
//! when it holds a character that is not ASCII (Chinese, full-width punctuation) and the value
//! before it does not end as a sentence (`关心教职工 # 困难户`). A note after a finished
//! sentence (`建设模范职工之家。 # 目标一`) or an ASCII note (`# TODO`) is a comment, and so
//! is any comment after a value that is not text (`年度: 2027  # 明年`).

use crate::load::{Located, Shape};

/// Where a comment stands after byte `from` on its line: the `#` and the end of the comment
/// (trailing spaces left out). Between them and `from` there may be only spaces, at least one.
pub(super) fn comment_after(text: &str, from: usize) -> Option<(usize, usize)> {
    let end = crate::text::line_end(text, from);
    let rest = &text[from..end];
    let gap = rest.len() - rest.trim_start_matches([' ', '\t']).len();
    if gap == 0 || !rest[gap..].starts_with('#') {
        return None;
    }
    let hash = from + gap;
    Some((hash, hash + text[hash..end].trim_end().len()))
}

/// The comment after an empty value, given the end of its key: `内容: #1 走访…`, or
/// `内容: ~ #1 走访…`.
pub(super) fn after_key(text: &str, key_end: usize) -> Option<(usize, usize)> {
    let end = crate::text::line_end(text, key_end);
    let colon = key_end + text[key_end..end].find(':')?;
    if !text[key_end..colon].trim().is_empty() {
        return None;
    }
    let mut from = colon + 1;
    let rest = text[from..end].trim_start_matches([' ', '\t']);
    if let Some(after) = ["~", "null", "Null", "NULL"]
        .iter()
        .find_map(|null| rest.strip_prefix(null))
    {
        from = end - after.len();
    }
    comment_after(text, from).filter(|&(hash, end)| end > hash + 1)
}

/// Whether a comment after a text value is lost text rather than a note: see the module.
pub(super) fn reads_as_text(value: &str, comment: &str) -> bool {
    let after = &comment[1..];
    if after.trim().is_empty() {
        false
    } else if !after.starts_with([' ', '\t']) {
        true
    } else {
        !after.is_ascii() && !crate::text::ends_a_sentence(value)
    }
}

/// The comment cutting a text value short, if one does: the value must be written plain (a
/// quoted value, or a `|` block, keeps its `#`), with lost text after it on its last line.
pub(super) fn cut(text: &str, value: &Located, as_read: &str) -> Option<(usize, usize)> {
    let Shape::Scalar(written) = &value.shape else {
        return None;
    };
    let plain = !text[value.start..].starts_with(['"', '\'', '|', '>']);
    if written != as_read || !plain || value.start == value.end {
        return None;
    }
    comment_after(text, value.end)
        .filter(|&(hash, end)| reads_as_text(&text[value.start..value.end], &text[hash..end]))
}

/// The line that keeps the text: `prefix` (`内容: `, `- `) and the value in quotes.
pub(super) fn quoted(prefix: &str, value: &str) -> String {
    let value = value.trim();
    if !value.contains(['"', '\\']) {
        format!("{prefix}\"{value}\"")
    } else if !value.contains('\'') {
        format!("{prefix}'{value}'")
    } else {
        let escaped = value.replace('\\', "\\\\").replace('"', "\\\"");
        format!("{prefix}\"{escaped}\"")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_that_hold_lost_text() {
        assert!(reads_as_text("", "#1 走访"));
        assert!(reads_as_text("关心教职工", "#困难户"));
        assert!(reads_as_text("关心教职工。", "#困难户"));
        assert!(reads_as_text("关心教职工", "# 困难户"));
        assert!(reads_as_text("关心", "#todo"));
        assert!(!reads_as_text("建设模范职工之家。", "# 目标一"));
        assert!(!reads_as_text("关心", "# TODO: check"));
        assert!(!reads_as_text("关心", "#"));
        assert!(!reads_as_text("关心", "#   "));
    }

    #[test]
    fn a_comment_after_a_key_or_a_value() {
        let text = "内容: #1 走访慰问。  \n年度: 2027  # 明年\n标题:\n事项: ~ # 注\na: b#c\n";
        let at = |s: &str| text.find(s).unwrap();
        let comment = |found: Option<(usize, usize)>| found.map(|(s, e)| &text[s..e]);
        assert_eq!(
            comment(after_key(text, at("内容") + 6)),
            Some("#1 走访慰问。")
        );
        assert_eq!(comment(after_key(text, at("标题") + 6)), None);
        assert_eq!(comment(after_key(text, at("事项") + 6)), Some("# 注"));
        assert_eq!(comment(comment_after(text, at("2027") + 4)), Some("# 明年"));
        // A `#` with no space before it is part of the text.
        assert_eq!(comment_after(text, at("b#c") + 1), None);
    }

    #[test]
    fn the_fix_quotes_the_value() {
        assert_eq!(quoted("内容: ", "#1 走访。"), "内容: \"#1 走访。\"");
        assert_eq!(quoted("- ", "他说\"好\" #1"), "- '他说\"好\" #1'");
        assert_eq!(quoted("", "a\"b' #c"), "\"a\\\"b' #c\"");
    }
}
