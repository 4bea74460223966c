//! The lints that read the file as written, not only the model it gives: keys YAML reads
//! as empty, and text lost to a ` #` comment. The file is indexed only when its lines could
//! hold either.

use super::{comments, empty, plan_texts};
use crate::error::{Diagnostic, Severity};
use crate::load::Source;
use crate::model::{aliases_of, Plan, Section};

/// Every empty key, empty section, item or month, and text lost to a comment (the first
/// [`SHOWN`], in the order of their kinds).
pub fn written(source: &Source, plan: &Plan, sections: &[Section]) -> Vec<Diagnostic> {
    let text = source.text.as_str();
    let mut out = Vec::new();
    let root = || {
        if may_be_empty(text) || has_comment(text) {
            source.index()
        } else {
            None
        }
    };
    let nulls = root()
        .map(|root| empty::nulls(text, root, SHOWN))
        .unwrap_or_default();
    for null in &nulls {
        let diagnostic = match comments::after_key(text, null.key_end) {
            Some((hash, end)) => {
                let comment = &text[hash..end];
                let prefix = &text[line_start(text, null.key_start)..null.key_end];
                let fix = comments::quoted(&format!("{}: ", prefix.trim_start()), comment);
                lost(
                    source,
                    (hash, end),
                    format!(
                        "`{}` is empty: YAML reads everything after ` #` as a comment, so \
                         `{comment}` is left out",
                        null.key
                    ),
                    format!("put the text in quotes: `{fix}`; a comment goes on a line of its own"),
                )
            }
            None => {
                let (message, hint) = empty::null_words(null);
                source
                    .at(
                        Severity::Warning,
                        null.key_start,
                        Some(null.key_end),
                        message,
                    )
                    .with_hint(hint)
            }
        };
        out.push(diagnostic);
    }
    out.extend(
        empty::empty_nodes(sections, &nulls)
            .into_iter()
            .take(SHOWN)
            .map(|f| source.diagnose(f)),
    );
    if has_comment(text) {
        if let Some(root) = root() {
            plan_texts(plan, sections, &mut |path, as_read| {
                if out.len() >= 2 * SHOWN {
                    return;
                }
                let (value, _) = root.find(path, &aliases_of);
                if let Some((hash, end)) = comments::cut(text, value, as_read) {
                    out.push(cut(source, value.start, value.end, hash, end));
                }
            });
        }
    }
    out.truncate(SHOWN);
    out
}

/// The most warnings of these kinds for a file: past that, a file is full of one mistake.
const SHOWN: usize = 200;

/// The warning for a text value that ends at `value_end` because a comment follows.
fn cut(source: &Source, start: usize, value_end: usize, hash: usize, end: usize) -> Diagnostic {
    let text = source.text.as_str();
    let comment = &text[hash..end];
    let value = &text[start..value_end];
    let shown: String = if value.chars().count() > 20 {
        let tail: Vec<char> = value.chars().rev().take(12).collect();
        std::iter::once('…').chain(tail.into_iter().rev()).collect()
    } else {
        value.to_owned()
    };
    let hint = if text[start..end].contains(['\n', '\r']) {
        format!(
            "if `{comment}` belongs to the text, put the whole value in quotes; if it is a \
             comment, put it on a line of its own"
        )
    } else {
        let prefix = &text[line_start(text, start)..start];
        let fix = comments::quoted(prefix.trim_start(), &text[start..end]);
        format!(
            "if `{comment}` belongs to the text, put the whole value in quotes: `{fix}`; if it \
             is a comment, put it on a line of its own"
        )
    };
    lost(
        source,
        (hash, end),
        format!(
            "the text after ` #` is left out: YAML reads `{comment}` as a comment, so the \
             value ends at `{shown}`"
        ),
        hint,
    )
}

/// The warning for text a `#` took out of a value, from the `#` to the end of its line.
fn lost(source: &Source, (hash, end): (usize, usize), message: String, hint: String) -> Diagnostic {
    source
        .at(Severity::Warning, hash, Some(end), message)
        .with_hint(hint)
}

fn line_start(text: &str, at: usize) -> usize {
    text[..at].rfind(['\n', '\r']).map_or(0, |i| i + 1)
}

/// Whether a line could hold a comment after a value.
fn has_comment(text: &str) -> bool {
    text.contains(" #") || text.contains("\t#")
}

/// Whether a key of the file could be empty: a line ending at its colon (or in `~`, `null`)
/// with no line under it indented deeper, nor a list at its own indentation.
fn may_be_empty(text: &str) -> bool {
    let lines: Vec<&str> = crate::text::lines(text).collect();
    fn content(line: &str) -> Option<&str> {
        let trimmed = line.trim_start_matches(' ');
        (!trimmed.is_empty() && !trimmed.starts_with('#')).then_some(trimmed)
    }
    lines.iter().enumerate().any(|(i, line)| {
        let Some(trimmed) = content(line) else {
            return false;
        };
        let end = trimmed.trim_end();
        let bare = end.ends_with(':')
            || [" ~", " null", " Null", " NULL"]
                .iter()
                .any(|null| end.ends_with(null));
        if !bare {
            return false;
        }
        // Where the key starts, past the dashes of the lists it opens (`- 标题:`).
        let mut key = trimmed;
        while let Some(rest) = key.strip_prefix('-') {
            key = rest.trim_start_matches(' ');
        }
        let indent = line.len() - key.len();
        let next = lines[i + 1..]
            .iter()
            .find_map(|l| content(l).map(|c| (l, c)));
        match next {
            None => true,
            Some((l, c)) => {
                let depth = l.len() - c.len();
                depth < indent || (depth == indent && !c.starts_with('-'))
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_that_could_leave_a_key_empty() {
        assert!(!may_be_empty(
            "sections:\n  - title: 甲\n    items:\n    - 乙\n"
        ));
        assert!(!may_be_empty("sections:\n- 甲\n"));
        assert!(may_be_empty("指导思想:\n工作目标: 甲\n"));
        assert!(may_be_empty("sections:\n- 标题:\n  内容: 甲\n"));
        assert!(may_be_empty("年度: ~\n"));
        assert!(may_be_empty("sections: [甲]\n结束语:\n\n# 注\n"));
    }
}
