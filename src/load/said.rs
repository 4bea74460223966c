//! What the YAML library's messages say. It gives many of its errors as text only, so this
//! is the one place that reads that text; a test per form of message feeds the library an
//! input that makes it, so that a new version that words one otherwise fails a test.

/// A message of the YAML library (or of serde under it), read.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct Said<'a> {
    /// The message without the place the library appends (" at line L column C"): the
    /// diagnostic shows the place.
    pub text: &'a str,
    pub what: What<'a>,
    /// What to do about one of the YAML reader's own complaints, by its words: what usually
    /// causes it in a plan written by hand.
    pub hint: Option<&'static str>,
}

#[derive(Debug, PartialEq, Eq)]
pub(super) enum What<'a> {
    /// The reader refuses a character, which it names by its position in the stream only.
    RefusedCharacter,
    /// A bound of the reader, after the data path (`sections[0]: `) it was met at.
    Limit {
        prefix: &'a str,
        limit: Limit,
    },
    /// A key or value serde does not take, after its data path, with what it expected.
    Name {
        prefix: &'a str,
        slip: Slip,
        given: &'a str,
        expected: Vec<&'a str>,
    },
    /// The file is one value, not a mapping of a plan's keys (a finished document, a list).
    NotAPlan,
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

/// Reads a message of the YAML library, as its `Display` writes it.
pub(super) fn read(full: &str) -> Said<'_> {
    let text = full.find(" at line ").map_or(full, |at| &full[..at]);
    let hint = HINTS
        .iter()
        .find(|(words, _)| text.contains(words))
        .map(|(_, hint)| *hint);
    Said {
        text,
        what: what(text),
        hint,
    }
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
    What::Other
}

const HINTS: &[(&str, &str)] = &[
    (
        "did not find expected '-' indicator",
        "line the list up: every item starts with `- ` in the same column, and the keys \
         of an item stand under its first key",
    ),
    (
        "block sequence entries are not allowed in this context",
        "a list goes on the lines below its key, each item on a line of its own that \
         starts with `- `",
    ),
    (
        "mapping values are not allowed in this context",
        "put a value that contains `: ` in quotes (\"…\"); otherwise this key is indented \
         differently from the keys beside it",
    ),
    (
        "did not find expected key",
        "a value that starts with a quote must end with it: quote the whole value, or use \
         Chinese quotes “…” inside the text; otherwise check that this line is indented \
         like the keys beside it",
    ),
    (
        "could not find expected ':'",
        "a key needs `: ` after it; text that runs over several lines goes in quotes or \
         after `|`",
    ),
    (
        "cannot start any",
        "put the value in quotes: at the start of a value YAML gives a meaning of its own \
         to some characters (`@`, `%`, `&`, `*`, `!`, `|`, `>` and the backquote)",
    ),
    (
        "found unexpected end of stream",
        "a quote or bracket opened earlier is never closed",
    ),
    (
        "did not find expected ',' or ']'",
        "a list in brackets needs its closing `]` and commas between the items; quote an \
         item that contains a comma",
    ),
    (
        "found unknown escape character",
        "inside double quotes a backslash starts an escape: write `\\\\`, or use single \
         quotes",
    ),
    (
        "duplicate field",
        "a key may appear once in its mapping: merge the two, or remove one",
    ),
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

    fn hint(yaml: &str) -> Option<&'static str> {
        read(&message(yaml)).hint
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
        assert_eq!(what("year: [2027]\n"), What::Other);
    }

    #[test]
    fn every_complaint_with_a_hint_is_met() {
        let cases = [
            (
                "sections:\n  - title: a\n    items:\n    - b\n   - c\n",
                "did not find expected '-' indicator",
            ),
            (
                "title: - a\n",
                "block sequence entries are not allowed in this context",
            ),
            (
                "title: a: b\n",
                "mapping values are not allowed in this context",
            ),
            ("title: \"a\" b\n", "did not find expected key"),
            ("sections:\n  - a\n  b\n", "could not find expected ':'"),
            ("title: @a\n", "cannot start any"),
            ("title: \"a\n", "found unexpected end of stream"),
            ("sections: [a, b\n", "did not find expected ',' or ']'"),
            ("title: \"a\\qb\"\n", "found unknown escape character"),
            ("title: a\ntitle: b\n", "duplicate field"),
        ];
        for (yaml, words) in cases {
            let full = message(yaml);
            assert!(full.contains(words), "{yaml:?} makes {full:?}");
            let expected = HINTS.iter().find(|(w, _)| *w == words).unwrap().1;
            assert_eq!(hint(yaml), Some(expected), "{yaml:?} makes {full:?}");
        }
        assert_eq!(HINTS.len(), cases.len());
    }
}
