//! `unionplan next`: the next period's draft, edited in the plan's own text.

use super::test::{anything, contains, Test};
use super::{examples, relative};

/// The plans `next` is tried on: every example and the drafting fixtures.
fn plans() -> Vec<String> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/drafting/next");
    let mut fixtures: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| relative(&e.unwrap().path()))
        .filter(|p| p.ends_with(".yaml"))
        .collect();
    fixtures.sort();
    assert!(fixtures.len() >= 2, "the fixtures are there");
    examples()
        .iter()
        .map(|p| relative(p))
        .chain(fixtures)
        .collect()
}

/// A change as `next` reports it on standard error: line, column, the old and new text.
#[derive(Debug)]
struct Reported {
    line: usize,
    column: usize,
    old: String,
    new: String,
}

/// The changes reported for the plan `name`, in English (`file:L:C: `old` → `new``) or in
/// Chinese (`file:L:C：`old` 改为 `new``).
fn reported(stderr: &str, name: &str) -> Vec<Reported> {
    let mut found = Vec::new();
    for line in stderr.lines() {
        let Some(rest) = line.strip_prefix(&format!("{name}:")) else {
            continue;
        };
        let Some((place, said)) = rest.split_once(": `").or_else(|| rest.split_once("：`")) else {
            continue;
        };
        let Some((l, c)) = place.split_once(':') else {
            continue;
        };
        let (Ok(l), Ok(c)) = (l.parse(), c.parse()) else {
            continue;
        };
        let said = said.strip_suffix('`').expect("the new text is quoted");
        let (old, new) = said
            .split_once("` → `")
            .or_else(|| said.split_once("` 改为 `"))
            .expect("old and new");
        found.push(Reported {
            line: l,
            column: c,
            old: old.to_owned(),
            new: new.to_owned(),
        });
    }
    found
}

/// The plan's text with the reported changes made, each checked to read, at its line and
/// column, what the report says it read; the changes must not overlap and each must stay
/// on its line, clear of comments.
fn replay(input: &str, changes: &[Reported]) -> String {
    let starts: Vec<usize> = std::iter::once(0)
        .chain(input.match_indices('\n').map(|(i, _)| i + 1))
        .collect();
    let mut out = String::new();
    let mut at = 0;
    for change in changes {
        let line = starts[change.line - 1];
        let offset = line
            + input[line..]
                .char_indices()
                .nth(change.column - 1)
                .map(|(i, _)| i)
                .unwrap();
        assert!(
            offset >= at,
            "changes overlap or are out of order: {change:?}"
        );
        assert!(
            input[offset..].starts_with(&change.old),
            "line {} column {} reads {:?}, not {:?}",
            change.line,
            change.column,
            &input[offset
                ..input[offset..]
                    .find('\n')
                    .map_or(input.len(), |e| offset + e)],
            change.old
        );
        for text in [&change.old, &change.new] {
            assert!(!text.contains('\n') && !text.contains(" #"), "{change:?}");
        }
        out.push_str(&input[at..offset]);
        out.push_str(&change.new);
        at = offset + change.old.len();
    }
    out.push_str(&input[at..]);
    out
}

/// `next` of `plan` (a path in the repository): the draft and standard error.
fn next(plan: &str, lang: &str) -> (String, String) {
    let ran = Test::new()
        .in_repo()
        .args(["next", plan, "--lang", lang])
        .stdout(anything())
        .stderr(anything())
        .run();
    (ran.stdout, ran.stderr)
}

fn read(plan: &str) -> String {
    std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(plan)).unwrap()
}

#[test]
fn only_the_reported_values_change() {
    for plan in plans() {
        let input = read(&plan);
        for lang in ["en", "zh"] {
            let (draft, stderr) = next(&plan, lang);
            let changes = reported(&stderr, &plan);
            // The year, or the period, and the date move in every plan.
            assert!(changes.len() >= 2, "{plan}: {stderr}");
            assert_eq!(
                replay(&input, &changes),
                draft,
                "{plan} ({lang}):\n{stderr}"
            );
            // Comments, and the lines of keys, stay as they were.
            let comments = |text: &str| -> Vec<String> {
                text.lines()
                    .filter(|l| l.trim_start().starts_with('#'))
                    .map(str::to_owned)
                    .collect()
            };
            assert_eq!(comments(&input), comments(&draft), "{plan}");
            assert_eq!(input.lines().count(), draft.lines().count(), "{plan}");
        }
    }
}

#[test]
fn twice_from_a_first_half_is_the_next_years_first_half() {
    let plan = "tests/fixtures/drafting/next/first-half-mixed.yaml";
    let once = Test::new()
        .copy(plan, "plan.yaml")
        .args(["next", "plan.yaml", "-o", "second-half.yaml"])
        .stderr(contains("the draft of 2027年下半年 from 2027年上半年"))
        .run();
    let twice = once
        .again()
        .args(["next", "second-half.yaml", "-o", "first-half.yaml"])
        .stderr(contains(
            "second-half.yaml: the draft of 2028年上半年 from 2027年下半年",
        ))
        .run();
    let draft = twice.read("first-half.yaml");
    assert!(
        draft.contains("\n年度: 2028 # the plan's year, 2027\n"),
        "{draft}"
    );
    assert!(draft.contains("\nperiod: 上半年\n"), "{draft}");
    let rendered = twice
        .again()
        .args(["render", "first-half.yaml", "-f", "json"])
        .stdout(anything())
        .stderr(anything())
        .run();
    let view: serde_json::Value = serde_json::from_str(&rendered.stdout).unwrap();
    assert_eq!(view["title"], "城北中学工会2028年上半年工作计划");

    // Without a title, the one the plan's data gives.
    let plain = "organization: 城东中学工会\nyear: 2027\nperiod: first-half\nsections: [学习。]\n";
    let first = Test::new()
        .write("plan.yaml", plain)
        .args(["next", "plan.yaml", "-o", "a.yaml"])
        .stderr(anything())
        .run();
    let second = first
        .again()
        .args(["next", "a.yaml", "-o", "b.yaml"])
        .stderr(anything())
        .run();
    assert_eq!(
        second.read("b.yaml"),
        "organization: 城东中学工会\nyear: 2028\nperiod: first-half\nsections: [学习。]\n"
    );
    second
        .again()
        .args(["render", "b.yaml", "-f", "txt"])
        .stdout(contains("城东中学工会2028年上半年工作计划"))
        .run();
}

#[test]
fn comments_and_years_naming_other_things_are_kept() {
    let plan = "tests/fixtures/drafting/next/first-half-mixed.yaml";
    let once = Test::new()
        .copy(plan, "plan.yaml")
        .args(["next", "plan.yaml", "-o", "a.yaml"])
        .stderr(anything())
        .run();
    let twice = once
        .again()
        .args(["next", "a.yaml", "-o", "b.yaml"])
        .stderr(anything())
        .run();
    let draft = twice.read("b.yaml");
    for kept in [
        "# 城北中学工会2027年上半年工作计划（2026年12月起草）\n",
        "# 下一期的计划由 unionplan next 起草：这些注释原样保留，2027年也不改。\n",
        "   # 标题写明年份：2027\n",
        "   # 上半年的第一件事\n",
        "在2026年获评的“模范职工之家”",
        "2019年以来",
        "荣获2027年度区先进工会",
        "对标2035年远景目标",
        "2026年下半年启动的",
        "2026—2027学年第二学期的教代会",
        "表彰2026年度优秀女教职工",
        "\\u4e0a报体检结果",
    ] {
        assert!(draft.contains(kept), "{kept} is kept:\n{draft}");
    }
    for moved in [
        "title: \"城北中学工会2028年上半年工作计划\"",
        "  2028年上半年，学校工会",
        "  继续做好二〇二八年工会各项工作。\n",
        "  做好2028年度会员信息台账的更新。\n",
        "  - title: '做好2028年上半年''职工之家''建设。'\n",
        "落实2028年工作要点。",
        "      - 制定2028年上半年工会工作计划。",
        "closing: 让我们在2028年上半年\n  再接再厉",
        "  date: \"2028年1月8日\"\n",
    ] {
        assert!(draft.contains(moved), "{moved} is in the draft:\n{draft}");
    }
}

/// The headlines of the warnings `check` prints for `plan` in `dir`.
fn warnings(test: Test, plan: &str) -> (Vec<String>, Test) {
    let ran = test.args(["check", plan]).stderr(anything()).run();
    let lines = ran
        .stderr
        .lines()
        .filter(|l| l.starts_with("warning: "))
        .map(str::to_owned)
        .collect();
    (lines, ran.again())
}

#[test]
fn the_draft_checks_as_the_plan_did_but_for_what_next_reports() {
    for plan in plans() {
        let test = Test::new().copy(&plan, "plan.yaml");
        let (before, test) = warnings(test, "plan.yaml");
        let drafted = test
            .args(["next", "plan.yaml", "-o", "draft.yaml"])
            .stderr(anything())
            .run();
        let said = drafted.stderr.clone();
        // check exits 0: no errors in the draft.
        let (after, _) = warnings(drafted.again(), "draft.yaml");
        for warning in after {
            let was = warning.replace("draft.yaml", "plan.yaml");
            assert!(
                said.contains(&warning) || before.contains(&was),
                "{plan}: {warning} is neither the plan's nor reported by next:\n{said}"
            );
        }
    }
}

#[test]
fn months_outside_the_new_period_are_kept_and_reported() {
    let ran = Test::new()
        .copy("examples/annual-plan.yaml", "annual.yaml")
        .copy("examples/chinese-keys-plan.yaml", "plan.yaml")
        .args(["next", "plan.yaml", "-o", "draft.yaml"])
        .stderr(contains(
            "kept as written, though it does not fit 2028年上半年; check it:\n\
             warning: draft.yaml:35:17: `7月` is outside the plan's period, `上半年` (first-half)\n",
        ))
        .run();
    let draft = ran.read("draft.yaml");
    assert!(draft.contains("          - 月份: 7-8\n"));
    assert_eq!(draft.matches("- 月份:").count(), 5);
}

#[test]
fn a_full_run_as_the_user_sees_it() {
    for (name, lang) in [("en", "en"), ("zh", "zh")] {
        let (draft, stderr) = next("tests/fixtures/drafting/next/first-half-mixed.yaml", lang);
        insta::assert_snapshot!(
            format!("next_first_half_{name}"),
            format!("--- stdout\n{draft}--- stderr\n{stderr}")
        );
    }
}

#[test]
fn the_draft_is_written_atomically_and_never_onto_the_plan() {
    let plan = "examples/annual-plan.yaml";
    let written = Test::new()
        .copy(plan, "plan.yaml")
        .args(["next", "plan.yaml", "-o", "2028.yaml"])
        .stderr(contains("plan.yaml:3:7: `2027` → `2028`\n"))
        .run();
    assert_eq!(written.read("2028.yaml"), next(plan, "en").0);
    let original = written.read("plan.yaml");
    let refused = written
        .again()
        .args(["next", "plan.yaml", "-o", "plan.yaml"])
        .status(2)
        .stderr("error: plan.yaml is the plan itself: writing there would overwrite it\n")
        .run();
    assert_eq!(refused.read("plan.yaml"), original);
    // The same run is the same draft, byte for byte.
    assert_eq!(next(plan, "en"), next(plan, "en"));
}

#[test]
fn a_broken_plan_gives_its_errors_and_no_draft() {
    let broken = Test::new()
        .write(
            "plan.yaml",
            "year: 2027\nperiod: 上半年\n具体工作安排:\n  - 月份: 13\n",
        )
        .args(["next", "plan.yaml", "-o", "draft.yaml"])
        .status(1)
        .stderr(contains("error: plan.yaml:4:9: ").and(contains("month 13 does not exist")))
        .run();
    assert!(!broken.path("draft.yaml").exists());
    Test::new()
        .write("plan.yaml", "organization: 城东中学工会\nsections: [学习。]\n")
        .args(["next", "plan.yaml", "--lang", "zh"])
        .status(1)
        .stderr(
            "错误：plan.yaml：计划没有写年度（`年度`），标题里也没有年份：请先写上 `年度`，才能起草下一期的计划\n",
        )
        .run();
}

#[test]
fn terms_and_school_years_follow_the_school_calendar() {
    let (draft, stderr) = next("tests/fixtures/drafting/next/spring-term.yaml", "zh");
    for moved in [
        "学年: 2027—2028\n期间: 上学期\n标题: 城南小学工会2027—2028学年第一学期工作计划\n",
        "本学期（2027—2028学年上学期），工会在2025—2026学年",
        "日期: 二〇二七年八月二十八日 # 开学第一周\n",
    ] {
        assert!(draft.contains(moved), "{moved}:\n{draft}");
    }
    assert!(stderr.starts_with(
        "tests/fixtures/drafting/next/spring-term.yaml：已由2026—2027学年第二学期的计划起草2027—2028学年第一学期的计划，改动 11 处\n"
    ), "{stderr}");
    let autumn = "学年: 2026—2027\n期间: 上学期\n落款: {日期: 2026-08-31}\n正文: [a]\n";
    Test::new()
        .write("plan.yaml", autumn)
        .args(["next", "plan.yaml"])
        .stdout("学年: 2026—2027\n期间: 下学期\n落款: {日期: 2027-02-28}\n正文: [a]\n")
        .stderr(anything())
        .run();
    let whole = "year: 2026\nperiod: school-year\ntitle: 2026-2027学年工作计划\nsignature: {date: 2026-08-31}\nsections: [a]\n";
    Test::new()
        .write("plan.yaml", whole)
        .args(["next", "plan.yaml"])
        .stdout("year: 2027\nperiod: school-year\ntitle: 2027-2028学年工作计划\nsignature: {date: 2027-08-31}\nsections: [a]\n")
        .stderr(anything())
        .run();
}

#[test]
fn a_plan_whose_title_alone_names_its_year_and_period() {
    let plan = "title: 城东中学工会2027年上半年工作计划\nsections: [做好2027年上半年工作。]\nsignature: {date: 2027-01-05}\n";
    Test::new()
        .write("plan.yaml", plan)
        .args(["next", "plan.yaml"])
        .stdout("title: 城东中学工会2027年下半年工作计划\nsections: [做好2027年下半年工作。]\nsignature: {date: 2027-07-05}\n")
        .stderr(
            "plan.yaml: the draft of 2027年下半年 from 2027年上半年, 3 changes\n\
             plan.yaml:1:19: `上半年` → `下半年`\n\
             plan.yaml:2:19: `上半年` → `下半年`\n\
             plan.yaml:3:19: `2027-01-05` → `2027-07-05`\n",
        )
        .run();
    let term = "title: 城东中学工会2026—2027学年第二学期工作计划\nsections: [a]\n";
    Test::new()
        .write("plan.yaml", term)
        .args(["next", "plan.yaml"])
        .stdout("title: 城东中学工会2027—2028学年第一学期工作计划\nsections: [a]\n")
        .stderr(anything())
        .run();
}

#[test]
fn a_byte_order_mark_and_crlf_line_ends_are_kept() {
    let plan = "tests/fixtures/lint/bom-crlf.yaml";
    let ran = Test::new()
        .in_repo()
        .args(["next", plan])
        .stdout(anything())
        .stderr(anything())
        .run();
    let input = read(plan);
    let text = input
        .strip_prefix('\u{feff}')
        .expect("the fixture has a BOM");
    let draft = ran
        .stdout
        .strip_prefix('\u{feff}')
        .expect("so has the draft");
    let changes = reported(&ran.stderr, plan);
    assert_eq!(changes.len(), 1, "{}", ran.stderr);
    assert_eq!(replay(text, &changes), draft);
    assert_eq!(draft.matches("\r\n").count(), text.matches("\r\n").count());
}

#[test]
fn a_period_that_stays_is_left_as_written() {
    for (period, year, next_year) in [
        ("年度", "2027", "2028"),
        ("全年", "二〇二七年", "二〇二八年"),
        ("year", "'2027'", "'2028'"),
    ] {
        let plan = format!("期间: {period}\n年度: {year}\n正文: [做好2027年的工作。]\n");
        Test::new()
            .write("plan.yaml", &plan)
            .args(["next", "plan.yaml"])
            .stdout(format!(
                "期间: {period}\n年度: {next_year}\n正文: [做好2028年的工作。]\n"
            ))
            .stderr(anything())
            .run();
    }
}

#[test]
fn a_draft_being_written_is_not_replaced_unasked() {
    let ran = Test::new()
        .copy("examples/annual-plan.yaml", "plan.yaml")
        .write("2028.yaml", "明年的计划，已经改了一半\n")
        .args(["next", "plan.yaml", "-o", "2028.yaml"])
        .stderr("error: 2028.yaml already exists: pass --force to overwrite it\n")
        .status(2)
        .run();
    assert_eq!(ran.read("2028.yaml"), "明年的计划，已经改了一半\n");
    let ran = ran
        .again()
        .args(["next", "plan.yaml", "-o", "2028.yaml", "--force"])
        .stderr(anything())
        .run();
    assert!(ran.read("2028.yaml").contains("year: 2028"));
}

#[test]
fn a_year_from_a_shared_block_is_named_and_nothing_is_drafted() {
    let plan = "x-base: &base\n  单位: 城东中学工会\n  年度: 2027\n<<: *base\n指导思想: 以2027年工作为重点。\n";
    let ran = Test::new()
        .write("plan.yaml", plan)
        .args(["--lang", "zh", "next", "plan.yaml", "-o", "2028.yaml"])
        .stderr(contains(
            "错误：plan.yaml：`年度`：计划里的这个值来自用 `<<` 或别名共用的一段",
        ))
        .status(1)
        .run();
    assert!(!ran.path("2028.yaml").exists());
}

#[test]
fn a_school_year_written_with_a_tilde_or_zhi_moves_on() {
    let plan = "标题: 城东中学工会2027～2028学年工作计划\n年度: 2027\n期间: 学年\n指导思想: 做好2027至2028学年的工作。\n";
    let ran = Test::new()
        .write("plan.yaml", plan)
        .args(["next", "plan.yaml"])
        .stdout(anything())
        .stderr(anything())
        .run();
    assert_eq!(
        ran.stdout,
        "标题: 城东中学工会2028～2029学年工作计划\n年度: 2028\n期间: 学年\n指导思想: 做好2028至2029学年的工作。\n"
    );
}
