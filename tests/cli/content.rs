//! What the text of a plan may hold: no control characters, numbers kept as written, month
//! ranges that run forward, and places counted right whatever ends the file's lines.

use super::test::{anything, contains, like, starts_with, Test};

#[test]
fn a_lone_carriage_return_ends_a_line() {
    let mac = Test::new()
        .write("mac.yaml", b"a: 1\rb: 2\r")
        .args(["check", "mac.yaml"])
        .status(1)
        .stderr(anything())
        .run();
    let stderr = &mac.stderr;
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
    mac.again()
        .write(
            "mixed.yaml",
            b"title: \xe8\xae\xa1\xe5\x88\x92\r\nsections: [a]\rtitle: b\r",
        )
        .args(["check", "mixed.yaml"])
        .status(1)
        .stderr(
            "error: mixed.yaml:3:1: duplicate key `title`\n  |\n3 | title: b\n  | ^^^^^ first at \
             line 1; a key may appear once in its mapping: merge the two, or remove one\n",
        )
        .run();
}

/// The escapes of the hostile plans that reached a terminal or a page raw, and where each
/// must be pointed at.
const CONTROL: [(&str, &str); 5] = [
    (r#"title: "标题\x1b]0;pwned\x07""#, "1:11"),
    (r#"sections: ["\x1b[2J签"]"#, "1:13"),
    (r#"sections: ["a\0b"]"#, "1:14"),
    (r#"sections: ["第一段\r1. 列表"]"#, "1:16"),
    (r#"sections: [{title: "标题\r===", body: 正文}]"#, "1:23"),
];

#[test]
fn control_characters_in_text_are_refused_in_every_format() {
    for (line, place) in CONTROL {
        let plan = if line.starts_with("title") {
            format!("{line}\nsections: [正文]\n")
        } else {
            format!("{line}\n")
        };
        let check = Test::new()
            .write("plan.yaml", &plan)
            .args(["check", "plan.yaml"])
            .status(1)
            .stderr(
                starts_with(format!(
                    "error: plan.yaml:{place}: the text holds an invisible control character, U+"
                ))
                .and(contains("remove the invisible control character U+"))
                .and(like("no control character", |stderr| {
                    !stderr.contains(['\u{1b}', '\u{7}', '\0', '\r'])
                })),
            )
            .run();
        // A render says what check says, and writes nothing.
        let said = check.stderr.clone();
        let mut next = check.again();
        for format in ["md", "html", "txt", "json", "docx"] {
            let out = format!("plan.{format}");
            let render = next
                .args(["render", "plan.yaml", "-o", &out])
                .status(1)
                .stderr(&said)
                .run();
            assert!(!render.path(&out).exists(), "{plan} -f {format}");
            next = render
                .again()
                .args(["render", "plan.yaml", "-f", format])
                .status(1)
                .stderr(&said)
                .run()
                .again();
        }
    }
}

#[test]
fn every_text_field_is_checked_for_control_characters() {
    let plan = "title: \"甲\\e\"\norganization: \"乙\\x01\"\npreface: \"丙\\x7f\"\n\
                sections:\n  - title: \"丁\\b\"\n    body: [\"戊\\f\"]\n    items: [\"己\\v\", {title: \"庚\\x9b\"}]\n\
                \x20   schedule: [{month: 3, items: [\"辛\\N\"]}]\n\
                closing: \"壬\\t\"\nsignature: {organization: \"癸\\a\"}\n\
                style: {numbering: [\"一\\x1b、\"]}\n";
    let check = Test::new()
        .write("every.yaml", plan)
        .args(["check", "every.yaml"])
        .status(1)
        .stderr(anything())
        .run();
    let stderr = &check.stderr;
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
    Test::new()
        .write(
            "raw.yaml",
            "organization: 城东中学工会\ntitle: 工作\x1b[2J计划\nsections: [正文]\n",
        )
        .args(["check", "raw.yaml"])
        .status(1)
        .stderr(
            "error: raw.yaml:2:10: the file holds an invisible control character, U+001B (ESC)\n  \
             |\n2 | title: 工作␛[2J计划\n  |            ^ remove the invisible control character \
             U+001B (ESC): a plan's text may not hold one\n",
        )
        .run();
    // A tab, which YAML lets through, inside a plain value.
    Test::new()
        .write("tab.yaml", "title: 工作\t计划\nsections: [正文]\n")
        .args(["check", "tab.yaml"])
        .status(1)
        .stderr(starts_with(
            "error: tab.yaml:1:10: the text holds an invisible control character, U+0009 (TAB)",
        ))
        .run();
}

#[test]
fn a_month_range_runs_forward_in_the_period() {
    let plan = |period: &str, month: &str| {
        format!("period: {period}\nschedule:\n  - month: {month}\n    items: [活动。]\n")
    };
    Test::new()
        .write("year.yaml", plan("year", "[3, 1]"))
        .args(["render", "year.yaml", "-f", "txt"])
        .status(1)
        .stderr(
            "error: year.yaml:3:12: the months 3-1 run backwards, from `3月` back to `1月`\n  |\n\
             3 |   - month: [3, 1]\n  |            ^^^^^^ a range runs forward, as a `全年` (year) \
             plan does (`1月`…`12月`): write `1-3` (`一至三月`) or list the months one by one\n",
        )
        .run();
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
        Test::new()
            .write("p.yaml", plan(period, month))
            .args(["check", "p.yaml"])
            .status(if fine { 0 } else { 1 })
            .stderr(like(
                format!("text that says the months run backwards: {}", !fine),
                move |stderr| stderr.contains("run backwards") != fine,
            ))
            .run();
    }
}

#[test]
fn numbers_in_text_are_kept_as_written() {
    let plan = "title: 0x10\n\
                sections:\n  - title: +12\n    items: [0o17, 0x1F, 007, 1_000, True, 0b101, -0, &n 0o7, *n]\n\
                \x20   body: 0o10\nclosing: [+1]\n";
    let json = Test::new()
        .write("n.yaml", plan)
        .args(["render", "n.yaml", "-f", "json"])
        .stdout(anything())
        .run();
    let view: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
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
    json.again()
        .write("f.yaml", "sections: [1.50]\n")
        .args(["check", "f.yaml"])
        .status(1)
        .stderr(
            "error: f.yaml:1:12: `sections` entry 1: this text reads as a number: put it in \
             quotes to keep it as written\n  |\n1 | sections: [1.50]\n  |            ^^^^\n",
        )
        .run();
}

/// A part that only starts the numbering again (as import writes one where a document's
/// 一、 comes round a second time) has no line of its own in any format.
#[test]
fn an_untitled_part_shows_only_its_items() {
    let plan = "organization: 城东中学工会\nyear: 2027\nsections:\n- 学习\n- 维权\n\
                - numbered: false\n  items: [发展目标, 发展思路]\n";
    let txt = Test::new()
        .write("plan.yaml", plan.as_bytes())
        .args(["render", "plan.yaml", "-f", "txt"])
        .stdout(contains(
            "　　二、维权\n　　一、发展目标\n　　二、发展思路\n",
        ))
        .run();
    let md = txt
        .again()
        .args(["render", "plan.yaml", "-f", "md"])
        .stdout(contains("二、维权\n\n一、发展目标\n"))
        .run();
    let html = md
        .again()
        .args(["render", "plan.yaml", "-f", "html"])
        .stdout(contains(
            "维权</p>\n<p><span class=\"lead level-1\">一、</span>发展目标</p>",
        ))
        .run();
    let docx = html
        .again()
        .args(["render", "plan.yaml", "-f", "docx", "-o", "plan.docx"])
        .run();
    let blocks =
        unionplan::import::docx::read(&std::fs::read(docx.path("plan.docx")).unwrap()).unwrap();
    let texts: Vec<&str> = blocks.iter().map(|b| b.text.trim()).collect();
    let at = texts.iter().position(|t| t.ends_with("维权")).unwrap();
    assert!(texts[at + 1].ends_with("发展目标"), "{texts:?}");
    // Its items are headings as the sections beside it are.
    let headed =
        "organization: 城东中学工会\nyear: 2027\nsections:\n- title: 学习\n  body: 组织学习。\n\
                  - numbered: false\n  items:\n  - title: 建家\n    body: 建设教工之家。\n";
    docx.again()
        .write("headed.yaml", headed.as_bytes())
        .args(["render", "headed.yaml", "-f", "md"])
        .stdout(contains("## 一、学习\n\n组织学习。\n\n## 一、建家\n"))
        .run();
}
