//! The built-in templates, compiled in, and the template environment: strict undefined
//! variables, escaping by format, bounded execution and the filters templates may use.

use minijinja::syntax::SyntaxConfig;
use minijinja::value::Value;
use minijinja::{escape_formatter, AutoEscape, Environment, UndefinedBehavior};
use unicode_width::UnicodeWidthStr;

use crate::error::Error;

/// Every built-in template, by name. `plan.<ext>` is the entry point of each format.
pub const BUILTIN: &[(&str, &str)] = &[
    ("plan.md", include_str!("../templates/plan.md")),
    ("node.md", include_str!("../templates/node.md")),
    ("plan.html", include_str!("../templates/plan.html")),
    ("node.html", include_str!("../templates/node.html")),
    ("print.css", include_str!("../templates/print.css")),
    ("plan.txt", include_str!("../templates/plan.txt")),
    ("node.txt", include_str!("../templates/node.txt")),
];

/// The source of a built-in template.
pub fn builtin(name: &str) -> Option<&'static str> {
    BUILTIN
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, source)| *source)
}

/// Characters on a line of an official document's page (GB/T 9704-2012: 28 × 22).
pub const LINE_CHARS: usize = 28;

/// Execution budget of one render: generous for any real plan, yet a runaway loop in a
/// template stops in well under a second.
const FUEL: u64 = 50_000_000;

const MARKDOWN: &str = "markdown";

/// The template environment with the built-ins loaded.
pub fn environment() -> Result<Environment<'static>, Error> {
    let mut env = Environment::new();
    env.set_syntax(
        SyntaxConfig::builder()
            .trim_blocks(true)
            .lstrip_blocks(true)
            .keep_trailing_newline(true)
            .build()?,
    );
    env.set_undefined_behavior(UndefinedBehavior::Strict);
    env.set_fuel(Some(FUEL));
    env.set_auto_escape_callback(|name| match name.rsplit('.').next() {
        Some("html" | "htm") => AutoEscape::Html,
        Some("md") => AutoEscape::Custom(MARKDOWN.into()),
        _ => AutoEscape::None,
    });
    env.set_formatter(|out, state, value| {
        // An absent value (a node without a title) prints as nothing.
        if value.is_none() {
            return Ok(());
        }
        if matches!(state.auto_escape(), AutoEscape::Custom(name) if name == MARKDOWN) {
            if value.is_safe() {
                return out
                    .write_str(value.as_str().unwrap_or_default())
                    .map_err(Into::into);
            }
            return out
                .write_str(&escape_markdown(&value.to_string()))
                .map_err(Into::into);
        }
        escape_formatter(out, state, value)
    });
    env.add_filter("align_right", align_right);
    env.add_filter("align_center", align_center);
    // Built-ins are compiled when a render first asks for them, so one format does not pay
    // for the others. Templates added with `add_template` take precedence over the loader.
    env.set_loader(|name| Ok(builtin(name).map(str::to_owned)));
    Ok(env)
}

/// Escapes text so that a CommonMark reader takes it as literal text: no emphasis, links,
/// HTML, code, headings, lists, block quotes or thematic breaks.
pub fn escape_markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut line_start = true;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if line_start {
            // A run of digits followed by `.` or `)` opens an ordered list.
            if c.is_ascii_digit() {
                let mut digits = String::from(c);
                while let Some(&d) = chars.peek().filter(|d| d.is_ascii_digit()) {
                    digits.push(d);
                    chars.next();
                }
                out.push_str(&digits);
                if let Some(&p @ ('.' | ')')) = chars.peek() {
                    out.push('\\');
                    out.push(p);
                    chars.next();
                }
                line_start = false;
                continue;
            }
            if matches!(c, '-' | '+' | '=') {
                out.push('\\');
                out.push(c);
                line_start = false;
                continue;
            }
        }
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '&' | '#' | '~' | '|' | '!' => {
                out.push('\\');
                out.push(c);
            }
            _ => out.push(c),
        }
        line_start = c == '\n';
    }
    out
}

/// How many full-width character cells a text takes (an ASCII character is half a cell).
fn cells(text: &str) -> usize {
    text.width().div_ceil(2)
}

/// Right-aligns text on a line of `width` full-width characters, padding with U+3000.
fn align_right(text: &str, width: Option<usize>) -> String {
    let width = width.unwrap_or(LINE_CHARS);
    let pad = width.saturating_sub(cells(text));
    format!("{}{text}", "\u{3000}".repeat(pad))
}

/// Centers text on a line of `width` full-width characters, padding with U+3000.
fn align_center(text: &str, width: Option<usize>) -> String {
    let width = width.unwrap_or(LINE_CHARS);
    let pad = width.saturating_sub(cells(text)) / 2;
    format!("{}{text}", "\u{3000}".repeat(pad))
}

/// Renders the entry template of a format with the view as context.
pub fn render(env: &Environment<'_>, name: &str, context: &Value) -> Result<String, Error> {
    Ok(env.get_template(name)?.render(context)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_table_matches_the_templates_folder() {
        let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("templates");
        let mut on_disk: Vec<String> = std::fs::read_dir(folder)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        on_disk.sort();
        let mut built_in: Vec<String> = BUILTIN.iter().map(|(n, _)| n.to_string()).collect();
        built_in.sort();
        assert_eq!(built_in, on_disk);
    }

    #[test]
    fn markdown_escaping() {
        assert_eq!(escape_markdown("1. 完善"), "1\\. 完善");
        assert_eq!(escape_markdown("12) 项"), "12\\) 项");
        assert_eq!(escape_markdown("2027年"), "2027年");
        assert_eq!(escape_markdown("- 项"), "\\- 项");
        assert_eq!(escape_markdown("a-b"), "a-b");
        assert_eq!(escape_markdown("***"), "\\*\\*\\*");
        assert_eq!(escape_markdown("<b>&amp;"), "\\<b\\>\\&amp;");
        assert_eq!(escape_markdown("# x"), "\\# x");
        assert_eq!(escape_markdown("a\n1. b"), "a\n1\\. b");
    }

    #[test]
    fn alignment_counts_full_width_cells() {
        assert_eq!(
            align_right("城东中学工会", Some(8)),
            "\u{3000}\u{3000}城东中学工会"
        );
        assert_eq!(
            align_right("2027年1月5日", Some(8)),
            "\u{3000}\u{3000}2027年1月5日"
        );
        assert_eq!(align_center("计划", Some(6)), "\u{3000}\u{3000}计划");
        let long = "长".repeat(30);
        assert_eq!(align_center(&long, None), long);
    }
}
