//! The catalogues against each other and against the code that says their messages.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use fluent_syntax::ast;

use super::*;

/// Each message of a catalogue with the data its words use.
fn entries(lang: Lang) -> BTreeMap<String, BTreeSet<String>> {
    let resource = fluent_syntax::parser::parse(lang.catalogue())
        .unwrap_or_else(|(_, errors)| panic!("{lang:?}: the catalogue does not parse: {errors:?}"));
    let mut entries = BTreeMap::new();
    for entry in resource.body {
        match entry {
            ast::Entry::Message(message) => {
                let mut data = BTreeSet::new();
                if let Some(pattern) = &message.value {
                    pattern_data(pattern, &mut data);
                }
                let id = message.id.name.to_owned();
                assert!(
                    entries.insert(id.clone(), data).is_none(),
                    "{lang:?}: `{id}` is defined twice"
                );
            }
            ast::Entry::Junk { content } => panic!("{lang:?}: not a message: {content}"),
            _ => {}
        }
    }
    entries
}

fn pattern_data(pattern: &ast::Pattern<&str>, data: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            expression_data(expression, data);
        }
    }
}

fn expression_data(expression: &ast::Expression<&str>, data: &mut BTreeSet<String>) {
    match expression {
        ast::Expression::Select { selector, variants } => {
            inline_data(selector, data);
            for variant in variants {
                pattern_data(&variant.value, data);
            }
        }
        ast::Expression::Inline(inline) => inline_data(inline, data),
    }
}

fn inline_data(inline: &ast::InlineExpression<&str>, data: &mut BTreeSet<String>) {
    match inline {
        ast::InlineExpression::VariableReference { id } => {
            data.insert(id.name.to_owned());
        }
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for argument in &arguments.positional {
                inline_data(argument, data);
            }
        }
        ast::InlineExpression::Placeable { expression } => expression_data(expression, data),
        _ => {}
    }
}

#[test]
fn both_languages_have_the_same_messages_with_the_same_data() {
    let (en, zh) = (entries(Lang::En), entries(Lang::Zh));
    let only = |a: &BTreeMap<String, _>, b: &BTreeMap<String, _>| -> Vec<String> {
        a.keys().filter(|k| !b.contains_key(*k)).cloned().collect()
    };
    assert_eq!(
        only(&en, &zh),
        Vec::<String>::new(),
        "in en.ftl, not in zh-CN.ftl"
    );
    assert_eq!(
        only(&zh, &en),
        Vec::<String>::new(),
        "in zh-CN.ftl, not in en.ftl"
    );
    for (code, data) in &en {
        assert_eq!(
            data, &zh[code],
            "`{code}` takes other data in en.ftl than in zh-CN.ftl"
        );
    }
}

/// The codes the source says (`msg!("code"`, `Message::new("code"`), and the string
/// literals it holds, which codes chosen by a `match` are.
fn source_codes() -> (BTreeSet<String>, BTreeSet<String>) {
    let mut said = BTreeSet::new();
    let mut literals = BTreeSet::new();
    let mut files = Vec::new();
    collect(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("src").as_path(),
        &mut files,
    );
    for file in files {
        let text: String = std::fs::read_to_string(&file)
            .unwrap()
            .lines()
            .filter(|line| !line.trim_start().starts_with("//"))
            .flat_map(|line| [line, "\n"])
            .collect();
        for start in ["msg!(\"", "Message::new(\""] {
            for (at, _) in text.match_indices(start) {
                let rest = &text[at + start.len()..];
                said.insert(rest[..rest.find('"').unwrap()].to_owned());
            }
        }
        for piece in text.split('"').skip(1).step_by(2) {
            literals.insert(piece.to_owned());
        }
    }
    (said, literals)
}

fn collect(dir: &Path, files: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            collect(&path, files);
        } else if path.extension().is_some_and(|e| e == "rs")
            && !path.ends_with("messages/tests.rs")
        {
            files.push(path);
        }
    }
}

#[test]
fn every_message_said_is_in_the_catalogues_and_every_entry_is_said() {
    let en = entries(Lang::En);
    let (said, literals) = source_codes();
    let missing: Vec<&String> = said.iter().filter(|c| !en.contains_key(*c)).collect();
    assert!(missing.is_empty(), "said but in no catalogue: {missing:?}");
    let unused: Vec<&String> = en.keys().filter(|c| !literals.contains(*c)).collect();
    assert!(
        unused.is_empty(),
        "in the catalogues, never said: {unused:?}"
    );
}

/// Han characters outside backticks and quotes: the plan's words are quoted, the message's
/// own are in its language.
fn unquoted_han(text: &str) -> bool {
    unquoted(text).chars().any(is_han)
}

fn is_han(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{9fff}' | '\u{f900}'..='\u{faff}' | '\u{20000}'..='\u{3ffff}')
}

/// The text with what is quoted (in backticks, “…”, 「…」 or `{ $data }`) left out.
fn unquoted(text: &str) -> String {
    let mut out = String::new();
    let mut close: Option<char> = None;
    for c in text.chars() {
        match close {
            Some(end) if c == end => close = None,
            Some(_) => {}
            None => match c {
                '`' => close = Some('`'),
                '“' => close = Some('”'),
                '「' => close = Some('」'),
                '{' => close = Some('}'),
                c => out.push(c),
            },
        }
    }
    out
}

#[test]
fn each_catalogue_is_in_its_language() {
    for (lang, entries) in [
        (Lang::En, Lang::En.catalogue()),
        (Lang::Zh, Lang::Zh.catalogue()),
    ] {
        for line in entries.lines() {
            let Some((code, words)) = line.split_once(" = ") else {
                continue;
            };
            if line.starts_with('#') || line.starts_with(' ') {
                continue;
            }
            // English words (two letters or more) outside quotes and data.
            let english: Vec<String> = unquoted(words)
                .split(|c: char| !c.is_ascii_alphabetic())
                .filter(|w| w.len() >= 2)
                .map(str::to_owned)
                .collect();
            match lang {
                Lang::En => assert!(
                    !unquoted_han(words),
                    "en.ftl `{code}` is not English: {words}"
                ),
                Lang::Zh => assert!(
                    english.is_empty(),
                    "zh-CN.ftl `{code}` has English words {english:?}: {words}"
                ),
            }
        }
    }
}

#[test]
fn messages_are_said_with_their_data() {
    let place = msg!(
        "diagnostic-at",
        severity = msg!("severity-error"),
        place = "p.yaml:3:1",
        message = "x"
    );
    assert_eq!(place.say(Lang::En), "error: p.yaml:3:1: x");
    assert_eq!(place.say(Lang::Zh), "错误：p.yaml:3:1：x");
    assert_eq!(place.code(), "diagnostic-at");
    // A value the model refused, placed at its path, is known by the refusal's code.
    let refused = msg!("month-out-of-range", month = "13");
    let placed = msg!("value-refused", path = "`月份`", words = refused);
    assert_eq!(placed.code(), "month-out-of-range");
    assert_eq!(placed.say(Lang::Zh), "`月份`：没有13月：月份只能是1到12");
    // A code no catalogue has still says what it was about.
    assert_eq!(
        Message::new("no-such-code").with("n", 3u8).say(Lang::En),
        "no-such-code n=3"
    );
}

#[test]
fn the_language_follows_the_environment() {
    let env = |pairs: &'static [(&'static str, &'static str)]| {
        move |name: &str| {
            pairs
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| (*v).to_owned())
        }
    };
    assert_eq!(Lang::from_env(env(&[("LANG", "zh_CN.UTF-8")])), Lang::Zh);
    assert_eq!(Lang::from_env(env(&[("LANG", "C.UTF-8")])), Lang::En);
    assert_eq!(
        Lang::from_env(env(&[("LC_ALL", "zh_TW"), ("LANG", "en_US")])),
        Lang::Zh
    );
    assert_eq!(
        Lang::from_env(env(&[
            ("LC_ALL", ""),
            ("LC_MESSAGES", "en_GB"),
            ("LANG", "zh_CN")
        ])),
        Lang::En
    );
    assert_eq!(
        Lang::from_env(env(&[("UNIONPLAN_LANG", "en"), ("LANG", "zh_CN")])),
        Lang::En
    );
    assert_eq!(Lang::from_env(env(&[("UNIONPLAN_LANG", "zh")])), Lang::Zh);
    // A value not ours to read leaves the choice to the locale.
    assert_eq!(
        Lang::from_env(env(&[("UNIONPLAN_LANG", "fr"), ("LANG", "zh_CN")])),
        Lang::Zh
    );
    assert_eq!(Lang::from_env(env(&[])), Lang::En);
}
