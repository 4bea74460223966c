//! What the text of a plan may hold: no control characters, numbers kept as written, month
//! ranges that run forward, and places counted right whatever ends the file's lines.

use std::path::Path;

use super::{report, run_in, support};

/// Writes `bytes` as `name` in `dir` and runs `unionplan` with `args` there.
fn run_on(dir: &Path, name: &str, bytes: &[u8], args: &[&str]) -> std::process::Output {
    std::fs::write(dir.join(name), bytes).unwrap();
    run_in(dir, args)
}

#[test]
fn a_lone_carriage_return_ends_a_line() {
    let dir = tempfile::tempdir().unwrap();
    let output = run_on(
        dir.path(),
        "mac.yaml",
        b"a: 1\rb: 2\r",
        &["check", "mac.yaml"],
    );
    assert_eq!(output.status.code(), Some(1), "{}", report(&output));
    let stderr = support::stderr(&output);
    let places: Vec<&str> = stderr.lines().filter(|l| l.starts_with("error:")).collect();
    assert_eq!(
        places,
        [
            "error: mac.yaml:1:1: unknown key `a`",
            "error: mac.yaml:2:1: unknown key `b`"
        ],
        "{stderr}"
    );
    assert!(stderr.contains("1 | a: 1\n"), "{stderr}");
    assert!(stderr.contains("2 | b: 2\n"), "{stderr}");

    // A repeated key is shown where it repeats, and CRLF stays one line break.
    let output = run_on(
        dir.path(),
        "mixed.yaml",
        b"title: \xe8\xae\xa1\xe5\x88\x92\r\nsections: [a]\rtitle: b\r",
        &["check", "mixed.yaml"],
    );
    let stderr = support::stderr(&output);
    assert!(
        stderr.starts_with("error: mixed.yaml:3:1: duplicate key `title`\n"),
        "{stderr}"
    );
    assert!(stderr.contains("first at line 1"), "{stderr}");
}

/// The escapes of the hostile plans that reached a terminal or a page raw, and where each
/// must be pointed at.
const CONTROL: [(&str, &str); 5] = [
    (r#"title: "标题\x1b]0;pwned\x07""#, "1:11"),
    (r#"sections: ["\x1b[2J签"]"#, "1:13"),
    (r#"sections: ["a\0b"]"#, "1:14"),
    (r#"sections: ["第一段\r1. 列表"]"#, "1:16"),
    (r#"sections: [{title: "标题\r==="}]"#, "1:23"),
];

#[test]
fn control_characters_in_text_are_refused_in_every_format() {
    let dir = tempfile::tempdir().unwrap();
    for (line, place) in CONTROL {
        let plan = if line.starts_with("title") {
            format!("{line}\nsections: [正文]\n")
        } else {
            format!("{line}\n")
        };
        std::fs::write(dir.path().join("plan.yaml"), &plan).unwrap();
        let check = run_in(dir.path(), &["check", "plan.yaml"]);
        assert_eq!(check.status.code(), Some(1), "{plan}{}", report(&check));
        let stderr = support::stderr(&check);
        assert!(
            stderr.starts_with(&format!(
                "error: plan.yaml:{place}: the text holds an invisible control character, U+"
            )),
            "{plan}{stderr}"
        );
        assert!(
            stderr.contains("remove the invisible control character U+"),
            "{stderr}"
        );
        assert!(
            !stderr.contains(['\u{1b}', '\u{7}', '\0', '\r']),
            "{stderr:?}"
        );
        for format in ["md", "html", "txt", "json", "docx"] {
            let out = format!("plan.{format}");
            let render = run_in(dir.path(), &["render", "plan.yaml", "-o", &out]);
            assert_eq!(render.status.code(), Some(1), "{plan} -f {format}");
            assert!(render.stdout.is_empty(), "{plan} -f {format}");
            assert!(!dir.path().join(&out).exists(), "{plan} -f {format}");
            let render = run_in(dir.path(), &["render", "plan.yaml", "-f", format]);
            assert_eq!(render.status.code(), Some(1), "{plan} -f {format}");
            assert!(render.stdout.is_empty(), "{plan} -f {format}");
        }
    }
}

#[test]
fn every_text_field_is_checked_for_control_characters() {
    let dir = tempfile::tempdir().unwrap();
    let plan = "title: \"甲\\e\"\norganization: \"乙\\x01\"\npreface: \"丙\\x7f\"\n\
                sections:\n  - title: \"丁\\b\"\n    body: [\"戊\\f\"]\n    items: [\"己\\v\", {title: \"庚\\x9b\"}]\n\
                \x20   schedule: [{month: 3, items: [\"辛\\N\"]}]\n\
                closing: \"壬\\t\"\nsignature: {organization: \"癸\\a\"}\n\
                style: {numbering: [\"一\\x1b、\"]}\n";
    let output = run_on(
        dir.path(),
        "every.yaml",
        plan.as_bytes(),
        &["check", "every.yaml"],
    );
    let stderr = support::stderr(&output);
    let names: Vec<&str> = stderr
        .lines()
        .filter_map(|l| l.split_once("control character, ").map(|(_, name)| name))
        .collect();
    assert_eq!(
        names,
        [
            "U+001B (ESC)",
            "U+0001 (SOH)",
            "U+007F (DEL)",
            "U+0008 (BS)",
            "U+000C (FF)",
            "U+000B (VT)",
            "U+009B (CSI)",
            "U+0085 (NEL)",
            "U+0009 (TAB)",
            "U+0007 (BEL)",
            "U+001B (ESC)",
        ],
        "{stderr}"
    );
}

#[test]
fn a_raw_control_byte_is_shown_at_its_place() {
    let dir = tempfile::tempdir().unwrap();
    let output = run_on(
        dir.path(),
        "raw.yaml",
        "organization: 城东中学工会\ntitle: 工作\x1b[2J计划\nsections: [正文]\n".as_bytes(),
        &["check", "raw.yaml"],
    );
    assert_eq!(output.status.code(), Some(1), "{}", report(&output));
    assert_eq!(
        support::stderr(&output),
        "error: raw.yaml:2:10: the file holds an invisible control character, U+001B (ESC)\n  \
         |\n2 | title: 工作␛[2J计划\n  |            ^ remove the invisible control character \
         U+001B (ESC): a plan's text may not hold one\n"
    );
    // A tab, which YAML lets through, inside a plain value.
    let output = run_on(
        dir.path(),
        "tab.yaml",
        "title: 工作\t计划\nsections: [正文]\n".as_bytes(),
        &["check", "tab.yaml"],
    );
    assert!(
        support::stderr(&output).starts_with(
            "error: tab.yaml:1:10: the text holds an invisible control character, U+0009 (TAB)"
        ),
        "{}",
        report(&output)
    );
}

#[test]
fn a_month_range_runs_forward_in_the_period() {
    let dir = tempfile::tempdir().unwrap();
    let plan = |period: &str, month: &str| {
        format!("period: {period}\nschedule:\n  - month: {month}\n    items: [活动。]\n")
    };
    let output = run_on(
        dir.path(),
        "year.yaml",
        plan("year", "[3, 1]").as_bytes(),
        &["render", "year.yaml", "-f", "txt"],
    );
    assert_eq!(output.status.code(), Some(1), "{}", report(&output));
    assert!(output.stdout.is_empty());
    assert_eq!(
        support::stderr(&output),
        "error: year.yaml:3:12: the months 3-1 run backwards, from 3月 back to 1月\n  |\n\
         3 |   - month: [3, 1]\n  |            ^^^^^^ a range runs forward, as a 全年 (year) \
         plan does (1月…12月): write `1-3` (一至三月) or list the months one by one\n"
    );
    // Across the new year only where the period crosses it, or spills over its end.
    for (period, month, fine) in [
        ("school-year", "12-1", true),
        ("autumn-term", "\"12—1\"", true),
        ("second-half", "12-1", true),
        ("autumn-term", "8-9", true),
        ("year", "12-1", false),
        ("school-year", "\"3-1\"", false),
        ("autumn-term", "[3, 1]", false),
        ("spring-term", "7-2", false),
    ] {
        let output = run_on(
            dir.path(),
            "p.yaml",
            plan(period, month).as_bytes(),
            &["check", "p.yaml"],
        );
        let stderr = support::stderr(&output);
        assert_eq!(
            !stderr.contains("run backwards"),
            fine,
            "{period} {month}: {stderr}"
        );
        assert_eq!(
            output.status.code() == Some(0),
            fine,
            "{period} {month}: {stderr}"
        );
    }
}

#[test]
fn numbers_in_text_are_kept_as_written() {
    let dir = tempfile::tempdir().unwrap();
    let plan = "title: 0x10\n\
                sections:\n  - title: +12\n    items: [0o17, 0x1F, 007, 1_000, True, 0b101, -0, &n 0o7, *n]\n\
                \x20   body: 0o10\nclosing: [+1]\n";
    let output = run_on(
        dir.path(),
        "n.yaml",
        plan.as_bytes(),
        &["render", "n.yaml", "-f", "json"],
    );
    let view: serde_json::Value =
        serde_json::from_slice(&output.stdout).unwrap_or_else(|_| panic!("{}", report(&output)));
    assert_eq!(view["title"], "0x10");
    let section = &view["sections"][0];
    assert_eq!(section["title"], "+12");
    assert_eq!(section["body"], serde_json::json!(["0o10"]));
    let items: Vec<&str> = section["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|item| item["body"][0].as_str().unwrap())
        .collect();
    assert_eq!(
        items,
        ["0o17", "0x1F", "007", "1_000", "True", "0b101", "-0", "0o7", "0o7"]
    );
    assert_eq!(view["closing"], serde_json::json!(["+1"]));
    // A float would come back changed (1.50 as 1.5): it is refused, with the way to keep it.
    let output = run_on(
        dir.path(),
        "f.yaml",
        b"sections: [1.50]\n",
        &["check", "f.yaml"],
    );
    assert_eq!(output.status.code(), Some(1));
    assert!(
        support::stderr(&output).contains("put it in quotes to keep it as written"),
        "{}",
        report(&output)
    );
}
