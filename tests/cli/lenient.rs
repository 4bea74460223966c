//! Forms a secretary types, read as what they unambiguously say: months in words and
//! Chinese ranges, dates in every common writing, a year as text, one entry for a list. The
//! plan renders exactly as its canonical twin, and the JSON Schema accepts what the tool
//! accepts.

use std::path::Path;
use std::process::Command;

use super::support;
use super::test::{anything, contains, Test};
use super::{printed, FORMATS};

const TYPED: &str = "tests/fixtures/lenient/typed.yaml";
const CANONICAL: &str = "tests/fixtures/lenient/canonical.yaml";

#[test]
fn a_plan_typed_loosely_renders_as_its_canonical_twin() {
    for format in FORMATS {
        let typed = printed(&["render", TYPED, "-f", format]);
        let canonical = printed(&["render", CANONICAL, "-f", format]);
        assert_eq!(typed, canonical, "{format}");
    }
    let text = printed(&["render", TYPED, "-f", "txt"]);
    let labels: Vec<&str> = text
        .lines()
        .map(|l| l.trim_start_matches('　'))
        .filter(|l| l.ends_with("月份："))
        .collect();
    assert_eq!(
        labels,
        [
            "一月份：",
            "三月份：",
            "四月份：",
            "五月份：",
            "六月份：",
            "七、八月份：",
            "九、十月份：",
            "十一月份：",
            "十二月份："
        ],
        "{text}"
    );
    assert!(text.contains("城西小学工会2027年工作计划"), "{text}");
    assert!(text.trim_end().ends_with("2027年1月5日"), "{text}");
    // The one item written without a list is numbered as an item.
    assert!(
        text.contains("1.每学年召开一次教代会，做到校务公开。"),
        "{text}"
    );
}

/// A plan's text, rendered as plain text.
fn txt_of(plan: String) -> String {
    Test::new()
        .write("p.yaml", plan)
        .args(["render", "p.yaml", "-f", "txt"])
        .stdout(anything())
        .run()
        .stdout
}

/// The months label a one-entry schedule renders with `month` typed as given.
fn label(month: &str) -> String {
    let text = txt_of(format!(
        "具体工作安排:\n  - 月份: {month}\n    事项: 开展活动。\n"
    ));
    let label = text
        .lines()
        .map(|l| l.trim_start_matches('　'))
        .find(|l| l.ends_with('：'));
    label.unwrap_or_default().to_owned()
}

#[test]
fn months_in_every_common_writing() {
    for (typed, expected) in [
        ("3", "三月份："),
        ("３", "三月份："),
        ("3月", "三月份："),
        ("3月份", "三月份："),
        ("三月", "三月份："),
        ("三月份", "三月份："),
        ("元月", "一月份："),
        ("十一月", "十一月份："),
        ("十二月份", "十二月份："),
        ("七、八月", "七、八月份："),
        ("七至八月", "七、八月份："),
        ("七八月", "七、八月份："),
        ("7—8月", "七、八月份："),
        ("7-8月", "七、八月份："),
        ("7~8", "七、八月份："),
        ("7～8", "七、八月份："),
        ("７—８", "七、八月份："),
        ("\"7-8\"", "七、八月份："),
        ("[7, 8]", "七、八月份："),
    ] {
        assert_eq!(label(typed), expected, "{typed}");
    }
}

#[test]
fn an_impossible_month_is_refused_at_its_place() {
    for (typed, message) in [
        ("十三月", "month 13 does not exist: months run from 1 to 12"),
        ("0月", "month 0 does not exist: months run from 1 to 12"),
        (
            "正月",
            "`正月` is a month of the lunar calendar: write the calendar month it falls in, \
             such as 2 or `二月`",
        ),
        (
            "三、五、七月",
            "`三、五、七月` are months that do not follow one another: give each its own \
             entry, or write a run such as `七、八月`",
        ),
    ] {
        let plan = format!("具体工作安排:\n  - 月份: {typed}\n    事项: 开展活动。\n");
        let width: usize = typed
            .chars()
            .map(|c| if c.is_ascii() { 1 } else { 2 })
            .sum();
        Test::new()
            .write("p.yaml", &plan)
            .args(["check", "p.yaml"])
            .status(1)
            .stderr(format!(
                "error: p.yaml:2:9: `具体工作安排` entry 1 `月份`: {message}\n  |\n2 |   - 月份: {typed}\n  \
                 |           {}\n",
                "^".repeat(width)
            ))
            .run();
    }
}

/// What `text` renders as the signature date, typed as the signature's `日期`.
fn signature_date(date: &str) -> String {
    let text = txt_of(format!(
        "正文: [学习。]\n落款: {{单位: 城西小学工会, 日期: {date}}}\n"
    ));
    text.trim_end()
        .lines()
        .last()
        .unwrap()
        .trim_start_matches('　')
        .to_owned()
}

#[test]
fn dates_in_every_common_writing() {
    for typed in [
        "2027年1月5日",
        "2027年01月05日",
        "2027.1.5",
        "2027/1/5",
        "2027-1-5",
        "2027-01-05",
        "'2027-01-05'",
        "２０２７年１月５日",
        "２０２７－０１－０５",
        "二〇二七年一月五日",
        "二零二七年一月五日",
    ] {
        assert_eq!(signature_date(typed), "2027年1月5日", "{typed}");
    }
}

#[test]
fn an_impossible_date_says_why_in_the_calendar_s_words() {
    for (typed, why) in [
        ("2027-02-30", "February 2027 has 28 days"),
        ("2028-02-30", "February 2028 has 29 days"),
        ("2027-02-29", "February 2027 has 28 days"),
        ("2027年4月31日", "April 2027 has 30 days"),
        ("二〇二七年六月三十一日", "June 2027 has 30 days"),
        (
            "2027-13-01",
            "month 13 does not exist, months run from 1 to 12",
        ),
    ] {
        Test::new()
            .write(
                "p.yaml",
                format!("正文: [学习。]\n落款:\n  日期: {typed}\n"),
            )
            .args(["check", "p.yaml"])
            .status(1)
            .stderr(contains(format!(
                "error: p.yaml:3:7: `落款` `日期`: `{typed}` is not a date: {why}\n"
            )))
            .run();
    }
}

#[test]
fn a_year_as_text() {
    for typed in ["'2027'", "2027年", "２０２７", "二〇二七年"] {
        Test::new()
            .write(
                "p.yaml",
                format!("单位: 城西小学工会\n年度: {typed}\n正文: [学习。]\n"),
            )
            .args(["render", "p.yaml", "-f", "txt"])
            .stdout(contains("城西小学工会2027年工作计划"))
            .run();
    }
    Test::new()
        .write("p.yaml", "年度: 2027.5\n正文: [学习。]\n")
        .args(["check", "p.yaml"])
        .status(1)
        .stderr(
            "error: p.yaml:1:5: `年度`: `2027.5` is not a year: write it as a number such as \
             2027\n  |\n1 | 年度: 2027.5\n  |       ^^^^^^\n",
        )
        .run();
}

#[test]
fn one_string_where_a_list_is_expected_is_a_list_of_one() {
    let one = "正文: 学习。\n";
    let list = "正文: [学习。]\n";
    let render = |plan: &str| {
        Test::new()
            .write("p.yaml", plan)
            .args(["render", "p.yaml", "-f", "txt"])
            .stdout(anything())
            .run()
            .stdout
    };
    assert_eq!(render(one), render(list));
    let nested = "正文:\n  - 标题: 慰问。\n    事项: 走访困难教职工。\n";
    assert!(render(nested).contains("（一）走访困难教职工。"));
    let numbering = "版式: {序号: 第一部分}\n正文: [学习。]\n";
    assert!(render(numbering).contains("第一部分学习。"));
    // Truly the wrong type still says what the key takes.
    Test::new()
        .write("p.yaml", "正文: [{标题: 慰问。, 事项: {a: 1}}]\n")
        .args(["check", "p.yaml"])
        .status(1)
        .stderr(contains(
            "error: p.yaml:1:20: `正文` entry 1 `事项` takes a list of items",
        ))
        .run();
}

/// Each form the tool accepts, as the one value of a plan, with the key it goes under.
const ACCEPTED: [(&str, &str); 15] = [
    ("月份", "三月份"),
    ("月份", "元月"),
    ("月份", "七、八月"),
    ("月份", "7—8月"),
    ("月份", "７～８"),
    ("月份", "十二月份"),
    ("日期", "2027年1月5日"),
    ("日期", "2027.1.5"),
    ("日期", "2027/1/5"),
    ("日期", "2027-01-05"),
    ("日期", "二〇二七年一月五日"),
    ("日期", "2028-02-29"),
    ("年度", "2027年"),
    ("年度", "二〇二七年"),
    ("事项", "开展教师节庆祝活动。"),
];

/// Forms the tool refuses, which the schema's patterns refuse too.
const REFUSED: [(&str, &str); 7] = [
    ("月份", "十三月"),
    ("月份", "0月"),
    ("日期", "2027-02-30"),
    ("日期", "2027-04-31"),
    ("日期", "2027-02-29"),
    ("年度", "2027.5"),
    ("年度", "明年"),
];

/// A plan with `value` under `key`, as JSON (what a schema validator is given).
fn plan_with(key: &str, value: &str) -> serde_json::Value {
    let entry = |month: &str, items: serde_json::Value| serde_json::json!({ "具体工作安排": [{ "月份": month, "事项": items }] });
    let mut plan = match key {
        "月份" => entry(value, serde_json::json!(["开展活动。"])),
        "事项" => entry("9", serde_json::json!(value)),
        "日期" => serde_json::json!({ "落款": { "日期": value } }),
        _ => serde_json::json!({ "年度": value }),
    };
    if key == "年度" && value == "2027.5" {
        plan["年度"] = serde_json::json!(2027.5);
    }
    if plan.get("具体工作安排").is_none() {
        plan["正文"] = serde_json::json!(["学习。"]);
    }
    plan
}

#[test]
fn the_tool_and_the_schema_agree() {
    let run = |plan: &serde_json::Value| {
        let yaml = serde_yaml::to_string(plan).unwrap();
        Test::new()
            .write("p.yaml", yaml)
            .args(["check", "p.yaml"])
            .status(0)
            .stderr(anything())
    };
    for (key, value) in ACCEPTED {
        run(&plan_with(key, value)).run();
    }
    for (key, value) in REFUSED {
        run(&plan_with(key, value)).status(1).run();
    }

    // The schema, checked by Python's jsonschema where it is installed.
    let probe = Command::new("python3")
        .args(["-c", "import jsonschema"])
        .output();
    if !probe.is_ok_and(|o| o.status.success())
        && !support::skip(
            "the_tool_and_the_schema_agree (the schema half)",
            "no python3 with jsonschema",
            "`.ci/run` installs jsonschema with pip in a virtual environment",
        )
    {
        return;
    }
    let schema = printed(&["schema"]);
    let cases: Vec<serde_json::Value> = ACCEPTED
        .iter()
        .map(|(k, v)| serde_json::json!([true, format!("{k}: {v}"), plan_with(k, v)]))
        .chain(
            REFUSED
                .iter()
                .map(|(k, v)| serde_json::json!([false, format!("{k}: {v}"), plan_with(k, v)])),
        )
        .chain(
            // Every example and both plans of the lenient fixture, whole.
            super::examples()
                .into_iter()
                .chain([TYPED, CANONICAL].map(|p| Path::new(env!("CARGO_MANIFEST_DIR")).join(p)))
                .map(|path| {
                    let text = std::fs::read_to_string(&path).unwrap();
                    let plan: serde_json::Value = serde_yaml::from_str(&text).unwrap();
                    serde_json::json!([true, path.display().to_string(), plan])
                }),
        )
        .collect();
    let check = Test::new()
        .write("schema.json", schema)
        .write("cases.json", serde_json::to_string(&cases).unwrap())
        .write(
            "check.py",
            "import json, jsonschema\n\
             schema = json.load(open('schema.json', encoding='utf-8'))\n\
             cls = jsonschema.validators.validator_for(schema)\n\
             cls.check_schema(schema)\n\
             v = cls(schema)\n\
             for ok, name, plan in json.load(open('cases.json', encoding='utf-8')):\n\
             \x20   if v.is_valid(plan) != ok:\n\
             \x20       print(name, 'valid' if not ok else 'invalid')\n",
        );
    let dir = check.path("");
    let output = Command::new("python3")
        .arg("check.py")
        .current_dir(&dir)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert_eq!(
        String::from_utf8_lossy(&output.stdout),
        "",
        "schema disagrees with the tool"
    );
}
