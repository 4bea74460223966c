//! The Markdown escaper: text that a CommonMark reader reads back as the text it was.

use std::fmt;

/// The name of the escaping that templates ending in `.md` get.
pub(super) const MARKDOWN: &str = "markdown";

/// Escapes text so that a CommonMark reader takes it as literal text: no emphasis, links,
/// HTML, code, headings, lists, block quotes or thematic breaks.
pub fn escape_markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    write_markdown(&mut out, text).expect("a String takes any text");
    out
}

/// Writes text escaped as [`escape_markdown`] does, a run of plain text at a time. Every
/// character that takes a backslash is ASCII, so the text is scanned as bytes.
pub(super) fn write_markdown(out: &mut impl fmt::Write, text: &str) -> fmt::Result {
    let bytes = text.as_bytes();
    // Where the text not yet written starts.
    let mut plain = 0;
    let mut line_start = true;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let escape = if line_start && b.is_ascii_digit() {
            // A run of digits followed by `.` or `)` opens an ordered list.
            while bytes.get(i).is_some_and(u8::is_ascii_digit) {
                i += 1;
            }
            line_start = false;
            if !matches!(bytes.get(i), Some(b'.' | b')')) {
                continue;
            }
            true
        } else {
            let escape = (line_start && matches!(b, b'-' | b'+' | b'='))
                || matches!(
                    b,
                    b'\\'
                        | b'`'
                        | b'*'
                        | b'_'
                        | b'['
                        | b']'
                        | b'<'
                        | b'>'
                        | b'&'
                        | b'#'
                        | b'~'
                        | b'|'
                        | b'!'
                );
            // CommonMark ends a line at `\n`, `\r\n` and a lone `\r` alike.
            line_start = matches!(b, b'\n' | b'\r');
            escape
        };
        if escape {
            out.write_str(&text[plain..i])?;
            out.write_char('\\')?;
            plain = i;
        }
        i += 1;
    }
    out.write_str(&text[plain..])
}

#[cfg(test)]
mod tests {
    use super::*;
    use minijinja::value::Value;

    use crate::templates::Templates;
    use crate::view;

    #[test]
    fn markdown_escaping() {
        // Each text as it is escaped: without the backslashes, the text itself.
        for escaped in [
            "1\\. 完善",
            "12\\) 项",
            "2027年",
            "\\- 项",
            "a-b",
            "\\*\\*\\*",
            "\\<b\\>\\&amp;",
            "\\# x",
            "a\n1\\. b",
            "第一段\r1\\. 列表",
            "标题\r\\===",
            "a\r\n\\- b",
        ] {
            assert_eq!(escape_markdown(&escaped.replace('\\', "")), escaped);
        }
    }

    /// Pieces of text that are Markdown syntax at the start of a line or anywhere, and every
    /// way a line can end.
    const MARKDOWN_PIECES: &[&str] = &[
        "一项",
        "、",
        "（）：",
        "a",
        "7",
        "12",
        ".",
        ")",
        "1. ",
        "3) ",
        "- ",
        "+ ",
        "* ",
        "=",
        "-",
        "\\",
        "`",
        "*",
        "_",
        "[",
        "]",
        "<",
        ">",
        "&",
        "#",
        "# ",
        "~",
        "|",
        "!",
        " ",
        "\n",
        "\r",
        "\r\n",
    ];

    /// What a CommonMark reader (with GitHub's extensions) takes a paragraph to say.
    fn read_back(markdown: &str) -> String {
        use pulldown_cmark::{Event, Options, Parser, Tag};
        let mut text = String::new();
        for event in Parser::new_ext(markdown, Options::ENABLE_GFM | Options::ENABLE_TABLES) {
            match event {
                Event::Text(t) => text.push_str(&t),
                Event::SoftBreak => text.push('\n'),
                Event::Start(Tag::Paragraph) | Event::End(_) => {}
                other => panic!("{other:?} in {markdown:?}"),
            }
        }
        text
    }

    use proptest::strategy::Strategy;

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig {
            cases: 1024,
            ..proptest::prelude::ProptestConfig::default()
        })]

        #[test]
        fn escaped_text_reads_back_as_itself(
            text in proptest::collection::vec(proptest::sample::select(MARKDOWN_PIECES), 1..12)
                .prop_map(|pieces| pieces.concat())
        ) {
            // A reader ends a line at `\n`, `\r\n` or `\r`, and gives each back as `\n`.
            let lines = text.replace("\r\n", "\n").replace('\r', "\n");
            // Lines as a paragraph keeps them: no blank or indented line, no line that
            // starts or ends with a space.
            proptest::prop_assume!(lines.lines().all(|l| !l.is_empty() && l.trim() == l));
            proptest::prop_assume!(!lines.ends_with('\n'));
            proptest::prop_assert_eq!(read_back(&escape_markdown(&text)), lines);
        }

        /// Whatever a text field holds, the Markdown has the blocks a plain text would
        /// give it: the same headings and paragraphs, none more, none of another kind.
        #[test]
        fn no_text_makes_a_block_of_its_own(
            texts in proptest::collection::vec(
                "[一项、（）0-9a-z.)\\-+=\\\\`*_\\[\\]<>&#~|! \n\r\t]{1,12}",
                9,
            )
        ) {
            // The plain text with the same spaces and line breaks, each other character 字.
            // The titled item is laid out inline whatever its title ends in, so that the
            // layout does not hang on the text either.
            let plain_char = |c: char| if c.is_whitespace() { c } else { '字' };
            let plain: Vec<String> = texts
                .iter()
                .map(|t| t.chars().map(plain_char).collect())
                .collect();
            proptest::prop_assert_eq!(blocks(&plan_markdown(&texts)), blocks(&plan_markdown(&plain)));
        }
    }

    /// A plan with a text in each field the Markdown template prints, rendered.
    fn plan_markdown(t: &[String]) -> String {
        let plan = serde_json::json!({
            "title": t[0],
            "organization": t[1],
            "preface": [t[2]],
            "sections": [{
                "title": t[3],
                "body": [t[4]],
                "items": [t[5], {"title": t[6], "body": t[7], "layout": "inline"}],
                "schedule": [{"month": 3, "items": [t[8]]}],
            }],
            "closing": [t[2]],
            "signature": {"organization": t[1], "date": "2027-01-05"},
        });
        let plan: crate::model::Plan = serde_json::from_value(plan).unwrap();
        let view = view::build(crate::validate::valid(plan).unwrap());
        let markdown = Templates::new(None)
            .unwrap()
            .render("plan.md", &Value::from(minijinja::value::Serde(&view)))
            .unwrap();
        String::from_utf8(markdown).unwrap()
    }

    /// The blocks a CommonMark reader (with GitHub's extensions) sees, in order.
    fn blocks(markdown: &str) -> Vec<String> {
        use pulldown_cmark::{Event, Options, Parser};
        Parser::new_ext(markdown, Options::ENABLE_GFM | Options::ENABLE_TABLES)
            .filter_map(|event| match event {
                Event::Start(tag) => Some(format!("{tag:?}")),
                Event::Text(_) | Event::End(_) | Event::SoftBreak | Event::HardBreak => None,
                other => Some(format!("{other:?}")),
            })
            .collect()
    }
}
