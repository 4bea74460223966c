//! The lints that read the file as written, not only the model it gives: keys YAML reads
//! as empty, and text lost to a ` #` comment. The file is indexed only when its lines could
//! hold either.

use super::{comments, empty, plan_texts};
use crate::error::{Diagnostic, Severity};
use crate::load::Source;
use crate::messages::Message;
use crate::model::{aliases_of, Plan, Section};
use crate::msg;

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
                    msg!("comment-ate-value", key = &null.key, comment = comment),
                    msg!("comment-ate-value-hint", fix = fix),
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
    let nodes = empty::empty_nodes(sections, &nulls);
    let mut more = nulls.len() >= SHOWN || nodes.len() > SHOWN;
    out.extend(nodes.into_iter().take(SHOWN).map(|f| source.diagnose(f)));
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
    more |= out.len() > SHOWN;
    out.truncate(SHOWN);
    if more {
        // The file is full of one mistake: the rest are said to be there, not counted.
        let mut note =
            Diagnostic::whole_file(&source.name, msg!("many-more-warnings", shown = SHOWN));
        note.severity = Severity::Warning;
        out.push(note);
    }
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
        msg!("comment-ate-text-lines-hint", comment = comment)
    } else {
        let prefix = &text[line_start(text, start)..start];
        let fix = comments::quoted(prefix.trim_start(), &text[start..end]);
        msg!("comment-ate-text-hint", comment = comment, fix = fix)
    };
    lost(
        source,
        (hash, end),
        msg!("comment-ate-text", comment = comment, shown = shown),
        hint,
    )
}

/// The warning for text a `#` took out of a value, from the `#` to the end of its line.
fn lost(
    source: &Source,
    (hash, end): (usize, usize),
    message: Message,
    hint: Message,
) -> Diagnostic {
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

    #[test]
    fn lost_and_empty_in_chinese() {
        use crate::messages::Lang;
        let text = "指导思想:\n工作目标: 建设模范职工之家。\n重点工作:\n- 内容: #1 走访慰问困难教职工。\n- 标题: 关心教职工 #困难户\n";
        let source = Source::from_bytes("p.yaml".into(), text.as_bytes()).unwrap();
        let mut plan: Plan = serde_yaml::from_str(text).unwrap();
        let sections = plan.take_sections();
        let said: Vec<(String, String)> = written(&source, &plan, &sections)
            .into_iter()
            .map(|d| (d.message.say(Lang::Zh), d.hint.unwrap().say(Lang::Zh)))
            .collect();
        assert_eq!(
            said,
            [
                (
                    "`指导思想` 是空的：这一部分不会印出来，后面各部分的序号都会往前挪一位"
                        .to_owned(),
                    "请在它下面缩进写上内容，或删去这个键".to_owned()
                ),
                (
                    "`内容` 是空的：`YAML` 把 ` #` 后面的内容都当作注释，所以 \
                     `#1 走访慰问困难教职工。` 被丢掉了"
                        .to_owned(),
                    "请给这段文字加上引号：`- 内容: \"#1 走访慰问困难教职工。\"`；注释要单独写一行"
                        .to_owned()
                ),
                (
                    "` #` 后面的文字被丢掉了：`YAML` 把 `#困难户` 当作注释，这个值到 \
                     `关心教职工` 就结束了"
                        .to_owned(),
                    "如果 `#困难户` 是正文的一部分，请给整个值加上引号：\
                     `- 标题: \"关心教职工 #困难户\"`；如果是注释，请单独写一行"
                        .to_owned()
                ),
            ]
        );
    }
}
