//! `unionplan summary`: the summary draft of a plan's period, from every example.

use super::test::{anything, contains, Test};
use super::{examples, relative};

/// The codes `check --format json` reports.
fn codes(json: &str) -> Vec<String> {
    json.lines()
        .map(|line| {
            let d: serde_json::Value = serde_json::from_str(line).unwrap();
            d["code"].as_str().unwrap().to_owned()
        })
        .collect()
}

/// The render context of the plan at `path` in the test's folder, or the repository's.
fn view(test: Test, path: &str) -> (serde_json::Value, Test) {
    let ran = test
        .args(["render", path, "-f", "json"])
        .stdout(anything())
        .stderr(anything())
        .run();
    (serde_json::from_str(&ran.stdout).unwrap(), ran.again())
}

fn titles(nodes: &serde_json::Value) -> Vec<String> {
    (nodes.as_array().unwrap().iter())
        .map(|n| n["title"].as_str().unwrap_or("").to_owned())
        .collect()
}

/// Every example's summary: a 总结 of the same period, year and union, in the plan's key
/// language, that `check` passes with placeholder warnings only, `check --strict` fails,
/// and that renders in every format.
#[test]
fn the_summary_of_every_example_checks_with_only_placeholders_and_renders() {
    for path in examples() {
        let plan = relative(&path);
        let drafted = Test::new()
            .copy(&plan, "plan.yaml")
            .args(["summary", "plan.yaml"])
            .stdout(anything())
            .run();
        let draft = drafted.stdout.clone();
        let (before, next) = view(drafted.again(), "plan.yaml");
        let next = next.write("summary.yaml", &draft);
        let checked = next
            .args(["check", "--format", "json", "summary.yaml"])
            .stdout(anything())
            .run();
        let found = codes(&checked.stdout);
        assert!(!found.is_empty(), "{plan}: ×× is there to fill in");
        assert!(
            found.iter().all(|c| c == "placeholder"),
            "{plan}: {found:?}"
        );
        let mut next = checked
            .again()
            .args(["check", "--strict", "summary.yaml"])
            .status(1)
            .stderr(contains("placeholder `××`"))
            .run()
            .again();
        for format in ["md", "html", "txt", "docx"] {
            let out = format!("out.{format}");
            let rendered = next
                .args(["render", "summary.yaml", "-o", &out])
                .stderr(contains("placeholder"))
                .run();
            assert!(std::fs::metadata(rendered.path(&out)).unwrap().len() > 0);
            next = rendered.again();
        }
        let (after, _) = view(next, "summary.yaml");
        assert_eq!(after["kind"], "summary", "{plan}");
        for same in ["period", "year", "organization"] {
            assert_eq!(after[same], before[same], "{plan}: {same}");
        }
        let sections = titles(&after["sections"]);
        assert_eq!(sections.last().unwrap(), "下一步工作思路", "{plan}");
        assert!(
            after["signature"]["date"].is_null(),
            "{plan}: no date made up"
        );
        let chinese = draft.contains("\n正文:\n");
        let plan_text = std::fs::read_to_string(&path).unwrap();
        assert_eq!(
            chinese,
            plan_text.contains("\n正文:\n"),
            "{plan}: key language"
        );
    }
}

/// What a secretary gets for the annual plan (shorthand keys, English) and the Chinese-keyed
/// half-year plan, read and reviewed.
#[test]
fn summaries_of_two_examples() {
    for name in ["annual-plan", "chinese-keys-plan"] {
        let drafted = Test::new()
            .in_repo()
            .args(["summary", &format!("examples/{name}.yaml")])
            .stdout(anything())
            .run();
        insta::assert_snapshot!(format!("summary-{name}"), drafted.stdout);
    }
}

/// The plan's own headings, numbered as the plan numbers them: the hospital plan's eight
/// sections (its list of the year's activities too, each to report on), then 下一步工作思路.
#[test]
fn the_summary_follows_the_plans_headings() {
    let drafted = Test::new()
        .copy("examples/hospital-plan.yaml", "plan.yaml")
        .args(["summary", "plan.yaml", "-o", "总结.yaml"])
        .stderr(
            "wrote 总结.yaml: replace every ×× with your text; \
             `unionplan check --strict 总结.yaml` lists what is left\n",
        )
        .run();
    let (after, _) = view(drafted.again(), "总结.yaml");
    assert_eq!(
        titles(&after["sections"]),
        [
            "组织机构健全",
            "认真履行院务公开，民主议事制度",
            "结合医院工作实际，有计划地安排好职工的文化生活",
            "成立“创建学习型组织，争做知识型职工”活动领导小组",
            "深入开展“和谐小家庭”创建活动",
            "深入开展职工健康教育",
            "丰富职工的文化娱乐生活",
            "全年活动计划安排",
            "下一步工作思路",
        ]
    );
    let markers: Vec<&str> = (after["sections"].as_array().unwrap().iter())
        .map(|s| s["marker"].as_str().unwrap())
        .collect();
    assert_eq!(
        markers,
        ["一、", "二、", "三、", "四、", "五、", "六、", "七、", "八、", "九、"]
    );
    assert_eq!(after["title"], "市人民医院工会2027年工作总结");
}

/// The key items of 重点工作 become headings under it, each with 完成情况：×× to fill in;
/// a title naming the plan takes 总结 for 计划.
#[test]
fn key_items_become_headings_and_the_title_follows_the_plan() {
    let plan = "title: 城东中学工会2027年上半年工作计划\n\
                organization: 城东中学工会\n\
                year: 2027\n\
                period: 上半年\n\
                guiding_ideology: 以人为本。\n\
                key_tasks:\n\
                \x20 - title: 加强民主管理。\n\
                \x20   body: 开好教代会。\n\
                \x20 - 关心困难教职工。\n\
                schedule:\n\
                \x20 - month: 3\n\
                \x20   items: [三八节活动]\n";
    let drafted = Test::new()
        .write("plan.yaml", plan)
        .args(["summary", "plan.yaml"])
        .stdout(anything())
        .run();
    let text = &drafted.stdout.clone();
    assert!(
        text.contains("\ntitle: 城东中学工会2027年上半年工作总结\n"),
        "{text}"
    );
    assert!(text.contains("\nperiod: first-half\n"));
    let (after, _) = view(drafted.again().write("s.yaml", text), "s.yaml");
    assert_eq!(
        titles(&after["sections"]),
        ["指导思想", "重点工作", "具体工作安排", "下一步工作思路"]
    );
    let items = &after["sections"][1]["items"];
    assert_eq!(titles(items), ["加强民主管理。", "关心困难教职工。"]);
    assert_eq!(items[0]["body"][0], "完成情况：××");
    assert_eq!(items[0]["marker"], "（一）");

    let untitled = Test::new()
        .write("plan.yaml", plan.replace("工作计划", "工作要点"))
        .args(["summary", "plan.yaml"])
        .stdout(anything())
        .run();
    assert!(
        !untitled.stdout.contains("\ntitle:"),
        "a title without 计划 is left to the default"
    );
}

#[test]
fn an_invalid_plan_gives_located_errors_and_writes_nothing() {
    let refused = Test::new()
        .copy("tests/fixtures/invalid/month-13.yaml", "plan.yaml")
        .args(["summary", "plan.yaml", "-o", "summary.yaml"])
        .status(1)
        .stderr(
            "error: plan.yaml:5:9: `具体工作安排` entry 1 `月份`: month 13 does not exist: \
             months run from 1 to 12\n  |\n5 |   - 月份: 13\n  |           ^^\n",
        )
        .run();
    assert!(!refused.path("summary.yaml").exists());
}

#[test]
fn the_draft_is_never_written_onto_the_plan() {
    let plan = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/annual-plan.yaml"),
    )
    .unwrap();
    let refused = Test::new()
        .write("plan.yaml", &plan)
        .args(["summary", "plan.yaml", "-o", "./plan.yaml"])
        .status(2)
        .stderr("error: -o ./plan.yaml names the plan itself: the draft would overwrite it\n")
        .run();
    assert_eq!(refused.read("plan.yaml"), plan);
    let refused = refused
        .again()
        .args(["--lang", "zh", "summary", "plan.yaml", "-o", "plan.yaml"])
        .status(2)
        .stderr("错误：`-o plan.yaml` 指的就是计划文件本身：写草稿会把它覆盖\n")
        .run();
    assert_eq!(refused.read("plan.yaml"), plan);
}

/// `-o FILE` writes what standard output shows.
#[test]
fn output_file_holds_what_stdout_shows() {
    let printed = Test::new()
        .copy("examples/autumn-term-plan.yaml", "plan.yaml")
        .args(["summary", "plan.yaml"])
        .stdout(anything())
        .run();
    let shown = printed.stdout.clone();
    let written = printed
        .again()
        .args(["summary", "plan.yaml", "-o", "s.yaml"])
        .stderr(contains("wrote s.yaml"))
        .run();
    assert_eq!(written.read("s.yaml"), shown);
}

#[test]
fn a_summary_being_written_is_not_replaced_unasked() {
    let ran = Test::new()
        .copy("examples/annual-plan.yaml", "plan.yaml")
        .write("总结.yaml", "我已经写了一半的总结\n")
        .args(["summary", "plan.yaml", "-o", "总结.yaml"])
        .stderr("error: 总结.yaml already exists: pass --force to overwrite it\n")
        .status(2)
        .run();
    assert_eq!(ran.read("总结.yaml"), "我已经写了一半的总结\n");
    let ran = ran
        .again()
        .args(["summary", "plan.yaml", "-o", "总结.yaml", "--force"])
        .stderr(anything())
        .run();
    assert!(ran.read("总结.yaml").contains("kind: summary"));
}

#[test]
fn a_marker_typed_into_the_plan_is_not_copied_into_the_headings() {
    let plan = "单位: 城东中学工会\n年度: 2027\n重点工作:\n  - 标题: 一、加强思想政治引领。\n    内容: 组织学习。\n  - （二）开展文体活动。\n";
    let drafted = Test::new()
        .write("plan.yaml", plan)
        .args(["summary", "plan.yaml"])
        .stdout(anything())
        .run();
    assert!(
        drafted
            .stdout
            .contains("\n      - 标题: 加强思想政治引领。\n"),
        "{}",
        drafted.stdout
    );
    assert!(
        drafted.stdout.contains("\n      - 标题: 开展文体活动。\n"),
        "{}",
        drafted.stdout
    );
}
