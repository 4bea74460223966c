//! Every fixture's messages in each language. Under a Chinese locale no English word is left
//! outside key names, paths and quoted text; under `LANG=C`, no Chinese outside keys and
//! quoted text. The Chinese messages of every fixture are pinned as reviewed snapshots, as the
//! English ones are in cli.rs.

use std::path::{Path, PathBuf};
use std::process::Output;

use super::support::unionplan_in;

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Every fixture, as a path relative to the repository.
fn fixtures() -> Vec<String> {
    let mut found = Vec::new();
    for group in ["invalid", "lint", "lenient"] {
        let dir = repo().join("tests/fixtures").join(group);
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path: PathBuf = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "yaml") {
                let name = path.file_name().unwrap().to_str().unwrap().to_owned();
                found.push(format!("tests/fixtures/{group}/{name}"));
            }
        }
    }
    found.sort();
    assert!(found.len() > 50, "the fixtures are there: {found:?}");
    found
}

/// `unionplan ARGS` in the repository under the locale `lang` (`LANG`'s value).
fn under(lang: &str, args: &[&str]) -> Output {
    unionplan_in(repo(), args)
        .env("LANG", lang)
        .output()
        .expect("the binary runs")
}

/// What a message says in its own words: the file's path, the quoted source lines and
/// whatever stands in backticks or quotes taken out.
fn own_words(output: &str, path: &str) -> String {
    let mut words = String::new();
    for line in output.replace(path, "").lines() {
        let trimmed = line.trim_start();
        let gutter = trimmed
            .trim_start_matches(|c: char| c.is_ascii_digit())
            .trim_start();
        if gutter.starts_with("| ") || gutter == "|" {
            if trimmed.len() != gutter.len() {
                // `12 | the quoted line`
                continue;
            }
            // `   |     ^^^^ the hint`
            words.push_str(gutter.trim_start_matches(['|', ' ', '^']));
        } else {
            words.push_str(line);
        }
        words.push('\n');
    }
    let mut out = String::new();
    let mut close: Option<char> = None;
    for c in words.chars() {
        match close {
            Some(end) if c == end => close = None,
            Some(_) => {}
            None => match c {
                '`' => close = Some('`'),
                '“' => close = Some('”'),
                '‘' => close = Some('’'),
                '「' => close = Some('」'),
                '"' => close = Some('"'),
                c => out.push(c),
            },
        }
    }
    out
}

fn is_han(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{9fff}' | '\u{f900}'..='\u{faff}' | '\u{20000}'..='\u{3ffff}')
}

/// The English words (two letters or more) left in a text.
fn english_words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| w.len() >= 2)
        .map(str::to_owned)
        .collect()
}

fn messages(lang: &str, path: &str) -> String {
    let mut all = String::new();
    for command in ["check", "render"] {
        let output = under(lang, &[command, path]);
        all.push_str(&String::from_utf8_lossy(&output.stderr));
    }
    all
}

#[test]
fn under_a_chinese_locale_messages_are_chinese() {
    let mut stray = Vec::new();
    for path in fixtures() {
        let said = messages("zh_CN.UTF-8", &path);
        let words = english_words(&own_words(&said, &path));
        if !words.is_empty() {
            stray.push(format!("{path}: {words:?}\n{said}"));
        }
    }
    assert!(
        stray.is_empty(),
        "English words in Chinese messages:\n{}",
        stray.join("\n")
    );
}

#[test]
fn under_the_c_locale_messages_are_english() {
    let mut stray = Vec::new();
    for path in fixtures() {
        let said = messages("C", &path);
        let han: String = own_words(&said, &path)
            .chars()
            .filter(|&c| is_han(c))
            .collect();
        if !han.is_empty() {
            stray.push(format!("{path}: {han}\n{said}"));
        }
    }
    assert!(
        stray.is_empty(),
        "Chinese outside quotes in English messages:\n{}",
        stray.join("\n")
    );
}

#[test]
fn own_words_leave_out_what_is_quoted() {
    let output = "警告：p.yaml:3:5：`3月` 不在计划期间内\n  |\n3 | - month: 3\n  |   ^ 删去这一项，或把 `period` 改成计划覆盖的期间\n";
    assert_eq!(
        own_words(output, "p.yaml"),
        "警告：:3:5： 不在计划期间内\n\n删去这一项，或把  改成计划覆盖的期间\n"
    );
    assert_eq!(english_words("error: 3月 is \"x\""), ["error", "is"]);
}

/// Every fixture's `check` output under a Chinese locale, reviewed.
#[test]
fn check_in_chinese() {
    insta::glob!("../fixtures", "*/*.yaml", |path| {
        let relative = path
            .strip_prefix(repo())
            .unwrap()
            .to_str()
            .unwrap()
            .to_owned();
        let output = under("zh_CN.UTF-8", &["check", &relative]);
        insta::assert_snapshot!(format!(
            "exit: {:?}\n--- stderr\n{}",
            output.status.code(),
            String::from_utf8_lossy(&output.stderr)
        ));
    });
}

/// The README's table of problem codes: every code a fixture's problem carries is there,
/// and every code there is one the catalogues have.
#[test]
fn the_readme_lists_every_code_a_problem_carries() {
    let readme = std::fs::read_to_string(repo().join("README.md")).unwrap();
    let table = &readme[readme.find("### Problem codes").unwrap()..];
    let table = &table[..table.find("\n## ").unwrap()];
    let listed: Vec<&str> = table
        .lines()
        .filter_map(|line| line.strip_prefix("| `"))
        .flat_map(|line| line.split(" |").next().unwrap().split(", "))
        .map(|code| code.trim_matches('`'))
        .collect();
    let catalogue = std::fs::read_to_string(repo().join("src/messages/en.ftl")).unwrap();
    for code in &listed {
        assert!(
            catalogue
                .lines()
                .any(|l| l.starts_with(&format!("{code} = "))),
            "the README lists `{code}`, which no message has"
        );
    }
    let mut unlisted = std::collections::BTreeSet::new();
    for path in fixtures() {
        let output = under("C", &["check", "--format", "json", &path]);
        for line in String::from_utf8_lossy(&output.stdout).lines() {
            let problem: serde_json::Value = serde_json::from_str(line).unwrap();
            let code = problem["code"].as_str().unwrap().to_owned();
            if !listed.contains(&code.as_str()) {
                unlisted.insert(format!("{code} ({path})"));
            }
        }
    }
    assert!(
        unlisted.is_empty(),
        "codes missing from the README: {unlisted:?}"
    );
}
