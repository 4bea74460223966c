//! `unionplan init`: the starter plan of every period, kind and key language.

use std::collections::BTreeSet;

use super::test::{anything, contains, Test};

const PERIODS: [&str; 6] = [
    "year",
    "first-half",
    "second-half",
    "autumn-term",
    "spring-term",
    "school-year",
];

/// The months a schedule of each period runs through, in its order, as the format says.
fn months(period: &str) -> Vec<u8> {
    match period {
        "year" => (1..=12).collect(),
        "first-half" => (1..=6).collect(),
        "second-half" => (7..=12).collect(),
        "autumn-term" => vec![9, 10, 11, 12, 1],
        "spring-term" => (2..=7).collect(),
        "school-year" => vec![9, 10, 11, 12, 1, 2, 3, 4, 5, 6, 7, 8],
        other => panic!("{other}"),
    }
}

/// The lines `check` reports (code and line), read from its JSON lines.
fn reported(json: &str) -> Vec<(String, u64)> {
    json.lines()
        .map(|line| {
            let d: serde_json::Value = serde_json::from_str(line).unwrap();
            (
                d["code"].as_str().unwrap().to_owned(),
                d["line"].as_u64().unwrap(),
            )
        })
        .collect()
}

/// Each starter: `check` passes it with placeholder warnings only, one on every line that
/// holds ×× (comments aside), `check --strict` fails, and it renders in every format. Its
/// text is a reviewed snapshot.
#[test]
fn every_starter_checks_with_only_placeholders_and_renders() {
    for kind in ["plan", "summary"] {
        for period in PERIODS {
            for keys in ["zh", "en"] {
                let file = if keys == "zh" {
                    "计划.yaml"
                } else {
                    "plan.yaml"
                };
                let made = Test::new()
                    .args(["init", "--year", "2027", "--period", period])
                    .args(["--kind", kind, "--keys", keys])
                    .stderr(format!(
                        "wrote {file}: replace every ×× with your text; \
                         `unionplan check --strict {file}` lists what is left\n"
                    ))
                    .run();
                let text = made.read(file);
                insta::assert_snapshot!(format!("starter-{kind}-{period}-{keys}"), text);
                assert!(
                    text.starts_with("# yaml-language-server: $schema=./unionplan.schema.json\n")
                );

                let blanks: BTreeSet<u64> = (1..)
                    .zip(text.lines())
                    .filter(|(_, l)| l.contains("××") && !l.trim_start().starts_with('#'))
                    .map(|(n, _)| n)
                    .collect();
                let checked = made
                    .again()
                    .args(["check", "--format", "json", file])
                    .stdout(anything())
                    .run();
                let found = reported(&checked.stdout);
                assert!(
                    found.iter().all(|(code, _)| code == "placeholder"),
                    "{kind} {period} {keys}: {found:?}"
                );
                let lines: BTreeSet<u64> = found.iter().map(|(_, line)| *line).collect();
                assert_eq!(lines, blanks, "{kind} {period} {keys}");

                let mut next = checked
                    .again()
                    .args(["check", "--strict", file])
                    .status(1)
                    .stderr(contains("error: ").and(contains("placeholder `××`")))
                    .run()
                    .again();
                for format in ["md", "html", "txt", "docx"] {
                    let out = format!("out.{format}");
                    let rendered = next
                        .args(["render", file, "-o", &out])
                        .stderr(contains("placeholder"))
                        .run();
                    assert!(std::fs::metadata(rendered.path(&out)).unwrap().len() > 0);
                    next = rendered.again();
                }

                let scheduled: Vec<u8> = text
                    .lines()
                    .filter_map(|l| {
                        let l = l.trim_start().strip_prefix("- ")?;
                        let n = l.strip_prefix("月份: ").or(l.strip_prefix("month: "))?;
                        Some(n.parse().unwrap())
                    })
                    .collect();
                let expected = if kind == "plan" {
                    months(period)
                } else {
                    vec![]
                };
                assert_eq!(scheduled, expected, "{kind} {period} {keys}");
            }
        }
    }
}

/// The period's own names are taken too, and its value is written in the keys' language.
#[test]
fn the_period_is_written_in_the_keys_language() {
    let zh = Test::new()
        .args(["init", "-", "--period", "上学期", "--year", "2027"])
        .stdout(anything())
        .run();
    assert!(zh.stdout.contains("\n期间: 上学期\n"), "{}", zh.stdout);
    assert!(zh.stdout.contains("\n文种: 计划\n"));
    let en = Test::new()
        .args(["init", "-", "--period", "autumn-term", "--keys", "en"])
        .args(["--kind", "总结", "--year", "2027"])
        .stdout(anything())
        .run();
    assert!(
        en.stdout.contains("\nperiod: autumn-term\n"),
        "{}",
        en.stdout
    );
    assert!(en.stdout.contains("\nkind: summary\n"));
}

#[test]
fn init_refuses_to_overwrite_without_force() {
    let refused = Test::new()
        .write("计划.yaml", "单位: 旧的\n")
        .args(["init"])
        .status(2)
        .stderr("error: 计划.yaml already exists: pass --force to overwrite it\n")
        .run();
    assert_eq!(refused.read("计划.yaml"), "单位: 旧的\n");
    let refused = refused
        .again()
        .args(["--lang", "zh", "init", "--keys", "zh"])
        .status(2)
        .stderr("错误：`计划.yaml` 已经存在：要覆盖它，请加上 `--force`\n")
        .run();
    assert_eq!(refused.read("计划.yaml"), "单位: 旧的\n");
    let forced = refused
        .again()
        .args(["--lang", "zh", "init", "--force", "--year", "2027"])
        .stderr(
            "已写好 `计划.yaml`：把每个 ×× 换成实际内容；\
             `unionplan check --strict 计划.yaml` 会逐行列出还没填的地方\n",
        )
        .run();
    let text = forced.read("计划.yaml");
    assert!(text.contains("\n单位: ××工会\n") && !text.contains("旧的"));
}

#[test]
fn org_and_year_land_in_the_file() {
    let made = Test::new()
        .args([
            "init",
            "城东.yaml",
            "--org",
            "城东中学工会",
            "--year",
            "2028",
        ])
        .stderr(contains("wrote 城东.yaml"))
        .run();
    let text = made.read("城东.yaml");
    assert!(text.contains("\n单位: 城东中学工会\n"), "{text}");
    // The 落款 follows 单位, so that the plan set out for another union is signed by it.
    assert!(!text.contains("\n  单位:"), "{text}");
    assert!(text.contains("\n年度: 2028\n"));
    assert!(!text.contains("××工会"));
    assert!(text.contains("unionplan check --strict 城东.yaml"));
    made.again()
        .args(["render", "城东.yaml", "-f", "txt"])
        .stdout(
            contains("城东中学工会2028年工作计划").and(contains("新的一年，工会将在××的领导下")),
        )
        .stderr(anything())
        .run();
}

/// Without --year, the plan is next year's: plans are written in December and January.
#[test]
fn the_default_year_is_next_year() {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs();
    let mut days = now / 86_400;
    let mut year = 1970;
    loop {
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        let length = if leap { 366 } else { 365 };
        if days < length {
            break;
        }
        days -= length;
        year += 1;
    }
    Test::new()
        .args(["init", "-", "--keys", "en"])
        .stdout(contains(format!("\nyear: {}\n", year + 1)))
        .run();
    // The spring term of next year is of the school year that starts this year.
    Test::new()
        .args(["init", "-", "--period", "spring-term"])
        .stdout(contains(format!("\n年度: {year}\n")))
        .run();
}

#[test]
fn english_keys_default_to_plan_yaml_and_dash_prints() {
    let made = Test::new()
        .args(["init", "--keys", "en", "--year", "2027"])
        .stderr(contains("wrote plan.yaml"))
        .run();
    let text = made.read("plan.yaml");
    assert!(text.contains("\norganization: ××工会\n"));
    assert!(text.contains("\nguiding_ideology: 以××为指导，××。\n"));
    let printed = made
        .again()
        .args(["init", "-", "--keys", "en", "--year", "2027"])
        .stdout(anything())
        .run();
    assert_eq!(
        printed.stdout, text,
        "`-` prints the file, and writes nothing"
    );
    assert_eq!(std::fs::read_dir(printed.dir.path()).unwrap().count(), 1);
}
