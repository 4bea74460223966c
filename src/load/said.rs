//! What the YAML library's messages say. It gives many of its errors as text only, so this
//! is the one place that reads that text; a test per form of message feeds the library an
//! input that makes it, so that a new version that words one otherwise fails a test.

use super::takes::Step;

/// A message of the YAML library (or of serde under it), read.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct Said<'a> {
    /// The message without the place the library appends (" at line L column C"): the
    /// diagnostic shows the place.
    pub text: &'a str,
    pub what: What<'a>,
}

#[derive(Debug, PartialEq, Eq)]
pub(super) enum What<'a> {
    /// The reader refuses a character, which it names by its position in the stream only.
    RefusedCharacter,
    /// A bound of the reader, after the data path (`sections[0]: `) it was met at.
    Limit { prefix: &'a str, limit: Limit },
    /// A key or value serde does not take, after its data path, with what it expected.
    Name {
        prefix: &'a str,
        slip: Slip,
        given: &'a str,
        expected: Vec<&'a str>,
    },
    /// The file is one value, not a mapping of a plan's keys (a finished document, a list).
    NotAPlan,
    /// The YAML reader cannot read the text; the code of the words that say why.
    Syntax(&'static str),
    /// serde's words for a value of another type than its key takes (`invalid type: …`).
    Type,
    /// Words of the plan model's own (a month that does not exist), or of nothing known.
    Other,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Limit {
    Recursion,
    Repetition,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Slip {
    UnknownField,
    DuplicateField,
    UnknownVariant,
}

/// Reads a message of the YAML library, as its `Display` writes it. A refusal of the
/// plan model's own is not read for the library's words: it quotes what the user wrote,
/// which may hold any words.
pub(super) fn read(full: &str) -> Said<'_> {
    let text = full.find(" at line ").map_or(full, |at| &full[..at]);
    let what = match crate::model::refused_in(text) {
        true => What::Other,
        false => what(text),
    };
    Said { text, what }
}

fn what(text: &str) -> What<'_> {
    if text.starts_with("control characters are not allowed") {
        return What::RefusedCharacter;
    }
    for (words, limit) in [
        ("recursion limit exceeded", Limit::Recursion),
        ("repetition limit exceeded", Limit::Repetition),
    ] {
        if let Some(prefix) = text.strip_suffix(words) {
            return What::Limit { prefix, limit };
        }
    }
    for (words, slip) in [
        ("unknown field", Slip::UnknownField),
        ("duplicate field", Slip::DuplicateField),
        ("unknown variant", Slip::UnknownVariant),
    ] {
        let Some(at) = text.find(words) else {
            continue;
        };
        let mut quoted = text[at + words.len()..].split('`').skip(1).step_by(2);
        let Some(given) = quoted.next() else {
            break;
        };
        return What::Name {
            prefix: &text[..at],
            slip,
            given,
            expected: quoted.collect(),
        };
    }
    if text.ends_with("expected struct Plan") {
        return What::NotAPlan;
    }
    if let Some((_, code)) = SYNTAX.iter().find(|(words, _)| text.contains(words)) {
        return What::Syntax(code);
    }
    let words = path(text).1;
    let serde_words = [
        "invalid type: ",
        "invalid value: ",
        "invalid length ",
        "missing field `",
    ];
    if serde_words.iter().any(|w| words.starts_with(w)) {
        return What::Type;
    }
    if is_syntax(text) {
        return What::Syntax("yaml-unreadable");
    }
    What::Other
}

/// Whether the words are the YAML reader's, about its syntax, rather than serde's.
fn is_syntax(text: &str) -> bool {
    [
        "while scanning",
        "while parsing",
        "did not find",
        "found ",
        "could not find",
    ]
    .iter()
    .any(|w| text.contains(w))
}

/// serde's data path before its words (`sections[0].title: invalid type: …`), read into its
/// steps, and the words after it.
pub(super) fn path(text: &str) -> (Vec<Step>, &str) {
    let Some((path, words)) = text.split_once(": ") else {
        return (Vec::new(), text);
    };
    let mut steps = Vec::new();
    for part in path.split('.') {
        let (key, indexes) = part.split_once('[').unwrap_or((part, ""));
        if key.is_empty() && indexes.is_empty() || key.contains(' ') {
            return (Vec::new(), text);
        }
        if !key.is_empty() {
            steps.push(Step::Key(key.to_owned()));
        }
        for index in indexes.split('[').filter(|i| !i.is_empty()) {
            match index.strip_suffix(']').and_then(|i| i.parse().ok()) {
                Some(i) => steps.push(Step::Entry(i)),
                None => return (Vec::new(), text),
            }
        }
    }
    (steps, words)
}

/// The YAML reader's complaints, each with the code of the plain words that say it (and of
/// `…-hint`, what usually causes it in a plan written by hand).
const SYNTAX: &[(&str, &str)] = &[
    (
        "did not find expected '-' indicator",
        "yaml-list-misaligned",
    ),
    (
        "block sequence entries are not allowed in this context",
        "yaml-list-after-value",
    ),
    (
        "mapping values are not allowed in this context",
        "yaml-colon-in-value",
    ),
    ("did not find expected key", "yaml-text-after-quote"),
    ("could not find expected ':'", "yaml-missing-colon"),
    ("cannot start any", "yaml-reserved-start"),
    ("found unexpected end of stream", "yaml-unclosed"),
    ("did not find expected ',' or ']'", "yaml-unclosed-bracket"),
    ("found unknown escape character", "yaml-unknown-escape"),
    ("unknown anchor", "yaml-unknown-anchor"),
    ("more than one document", "yaml-several-documents"),
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Plan;

    /// The library's message for a plan file's text.
    fn message(yaml: &str) -> String {
        serde_yaml::from_str::<Plan>(yaml).unwrap_err().to_string()
    }

    fn what(yaml: &str) -> What<'static> {
        let message: &'static str = message(yaml).leak();
        read(message).what
    }

    #[test]
    fn the_place_is_cut_off() {
        let full = message("sections: [a, b\n");
        assert!(full.contains(" at line "), "{full}");
        let said = read(&full);
        assert!(!said.text.contains(" at line ") && !said.text.is_empty());
    }

    #[test]
    fn a_refused_character() {
        assert_eq!(what("title: a\u{1}b\n"), What::RefusedCharacter);
    }

    #[test]
    fn limits() {
        let deep: String = (0..200)
            .map(|i| format!("{}- items:\n", "  ".repeat(i)))
            .collect();
        let deep = format!("sections:\n{deep}");
        let said = what(&deep);
        assert!(
            matches!(
                said,
                What::Limit {
                    limit: Limit::Recursion,
                    ..
                }
            ),
            "{said:?}"
        );
        let bomb = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/invalid/alias-bomb.yaml"
        ))
        .unwrap();
        assert!(matches!(
            what(&bomb),
            What::Limit {
                limit: Limit::Repetition,
                ..
            }
        ));
    }

    /// The data path, slip, name given and names expected of a message about a name.
    fn name(yaml: &str) -> (&'static str, Slip, &'static str, Vec<&'static str>) {
        match what(yaml) {
            What::Name {
                prefix,
                slip,
                given,
                expected,
            } => (prefix, slip, given, expected),
            other => panic!("{yaml:?} says {other:?}"),
        }
    }

    #[test]
    fn names_not_taken() {
        let (prefix, slip, given, expected) = name("sections:\n- title: a\n  itmes: [b]\n");
        assert_eq!(
            (prefix, slip, given),
            ("sections[0]: ", Slip::UnknownField, "itmes")
        );
        assert!(expected.contains(&"items") && expected.contains(&"事项"));
        assert_eq!(
            name("organization: 甲\norganization: 乙\n"),
            ("", Slip::DuplicateField, "organization", Vec::new())
        );
        let (prefix, slip, given, expected) = name("period: frist-half\n");
        assert_eq!(
            (prefix, slip, given),
            ("period: ", Slip::UnknownVariant, "frist-half")
        );
        assert!(expected.contains(&"first-half"));
    }

    #[test]
    fn not_a_plan() {
        assert_eq!(what("# 计划\n\n一、指导思想\n"), What::NotAPlan);
        assert_eq!(what("- a\n- b\n"), What::NotAPlan);
    }

    #[test]
    fn every_complaint_of_the_reader_is_met() {
        let cases = [
            (
                "sections:\n  - title: a\n    items:\n    - b\n   - c\n",
                "yaml-list-misaligned",
            ),
            ("title: - a\n", "yaml-list-after-value"),
            ("title: a: b\n", "yaml-colon-in-value"),
            ("title: \"a\" b\n", "yaml-text-after-quote"),
            ("sections:\n  - a\n  b\n", "yaml-missing-colon"),
            ("title: @a\n", "yaml-reserved-start"),
            ("title: \x22a\n", "yaml-unclosed"),
            ("sections: [a, b\n", "yaml-unclosed-bracket"),
            ("title: \"a\\qb\"\n", "yaml-unknown-escape"),
            ("title: *a\n", "yaml-unknown-anchor"),
            ("title: a\n---\ntitle: b\n", "yaml-several-documents"),
        ];
        for (yaml, code) in cases {
            let full = message(yaml);
            assert_eq!(what(yaml), What::Syntax(code), "{yaml:?} makes {full:?}");
        }
        assert_eq!(SYNTAX.len(), cases.len());
        assert_eq!(what("title: ]\n"), What::Syntax("yaml-unreadable"));
    }

    #[test]
    fn types_and_paths() {
        assert_eq!(what("year: [2027]\n"), What::Type);
        assert_eq!(what("signature: 甲\n"), What::Type);
        let (steps, words) = path("具体工作安排[1].月份: month 13 does not exist");
        assert_eq!(words, "month 13 does not exist");
        assert_eq!(
            format!("{steps:?}"),
            r#"[Key("具体工作安排"), Entry(1), Key("月份")]"#
        );
        assert_eq!(path("a: b").0.len(), 1);
        assert!(path("mapping values are not allowed: x").0.is_empty());
    }
}
