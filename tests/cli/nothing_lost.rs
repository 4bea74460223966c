//! Nothing a secretary typed is lost or glued without a word: text after ` #`, keys left
//! empty, titles that would run into their bodies, placeholders of a form.

use super::test::{anything, contains, Ran, Test};

/// The `warning:` lines of a run's messages.
fn warnings(stderr: &str) -> Vec<&str> {
    stderr
        .lines()
        .filter(|l| l.starts_with("warning:"))
        .collect()
}

/// `check` run on `plan`, written as plan.yaml; its messages are for the test to read.
fn check(plan: &str) -> Ran {
    Test::new()
        .write("plan.yaml", plan)
        .args(["check", "plan.yaml"])
        .stderr(anything())
        .run()
}

#[test]
fn a_body_after_a_hash_is_named_with_the_quoted_fix() {
    let plan = "organization: 城南小学工会\nyear: 2027  # 明年\nsections:\n\
                - title: 关心教职工。\n  内容: #1 走访慰问困难教职工。\n\
                - 标题: 关心教职工 #困难户\n  内容: 重阳节座谈。\n";
    let ran = check(plan);
    assert_eq!(
        warnings(&ran.stderr),
        [
            "warning: plan.yaml:5:7: `内容` is empty: YAML reads everything after ` #` as a \
             comment, so `#1 走访慰问困难教职工。` is left out",
            "warning: plan.yaml:6:13: the text after ` #` is left out: YAML reads `#困难户` as \
             a comment, so the value ends at `关心教职工`",
        ],
        "{}",
        ran.stderr
    );
    assert!(
        ran.stderr
            .contains("put the text in quotes: `内容: \"#1 走访慰问困难教职工。\"`"),
        "{}",
        ran.stderr
    );
    assert!(
        ran.stderr
            .contains("`- 标题: \"关心教职工 #困难户\"`; if it is a comment, put it on a line"),
        "{}",
        ran.stderr
    );
    // Quoted, the text is kept and nothing is said; a comment on its own line is a comment.
    ran.again()
        .write(
            "fixed.yaml",
            "organization: 城南小学工会\nsections:\n# 第一项\n\
             - title: 关心教职工。\n  内容: \"#1 走访慰问困难教职工。\"\n",
        )
        .args(["check", "--strict", "fixed.yaml"])
        .run();
}

#[test]
fn an_empty_section_is_named_and_fails_strict_checking() {
    let plan = "organization: 城南小学工会\n指导思想:\n工作目标: 建设模范职工之家。\n";
    let ran = Test::new()
        .write("plan.yaml", plan)
        .args(["check", "--strict", "plan.yaml"])
        .status(1)
        .stderr(anything())
        .run();
    assert!(
        ran.stderr.starts_with(
            "error: plan.yaml:2:1: `指导思想` is empty: the section is left out, and the \
             sections after it are numbered one lower\n"
        ),
        "{}",
        ran.stderr
    );
    // Without --strict the plan renders as before, the warning said.
    ran.again()
        .args(["render", "plan.yaml", "-f", "txt"])
        .stdout(contains("　　一、工作目标\n　　建设模范职工之家。\n"))
        .stderr(contains("warning: plan.yaml:2:1: `指导思想` is empty"))
        .run();
}

#[test]
fn empty_values_items_and_months_are_named() {
    let plan = "organization: 城南小学工会\nsections:\n- title:\n  body: 召开教代会。\n\
                - title: 关心教职工\n  items: [\"\", 慰问困难教职工。]\n\
                - title: 具体工作安排\n  schedule:\n  - month: 3\n  - month: 4\n    items: [健步行。]\n";
    let ran = check(plan);
    assert_eq!(
        warnings(&ran.stderr),
        [
            "warning: plan.yaml:3:3: `title` is empty",
            "warning: plan.yaml:6:11: this item is empty: it would print as a number with \
             nothing after it",
            "warning: plan.yaml:9:5: this month of the schedule has nothing in it",
        ],
        "{}",
        ran.stderr
    );
}

const GLUED: &str = "organization: 城南小学工会\nsections:\n- title: 主要工作\n  items:\n\
                     \x20 - title: 加强民主管理\n    body: 每学年召开一次教代会。\n\
                     \x20 - title: 学习为先。\n    body: 教师必需学习。\n";

#[test]
fn a_title_without_a_stop_takes_its_own_line() {
    let ran = Test::new()
        .write("plan.yaml", GLUED)
        .args(["render", "plan.yaml", "-f", "md"])
        .stdout(anything())
        .run();
    assert!(
        ran.stdout.contains(
            "### （一）加强民主管理\n\n每学年召开一次教代会。\n\n（二）学习为先。教师必需学习。\n"
        ),
        "{}",
        ran.stdout
    );
    assert!(!ran.stdout.contains("加强民主管理每学年"), "{}", ran.stdout);
    let ran = ran
        .again()
        .args(["render", "plan.yaml", "-f", "txt"])
        .stdout(anything())
        .run();
    assert!(
        ran.stdout.contains(
            "　　（一）加强民主管理\n　　每学年召开一次教代会。\n　　（二）学习为先。教师必需学习。\n"
        ),
        "{}",
        ran.stdout
    );
    // Written `layout: inline`, it is glued as asked, and the warning says so.
    ran.again()
        .write(
            "inline.yaml",
            GLUED.replace(
                "body: 每学年召开一次教代会。\n",
                "body: 每学年召开一次教代会。\n    layout: inline\n",
            ),
        )
        .args(["check", "inline.yaml"])
        .stderr(
            "warning: inline.yaml:5:12: the title runs into its body as one phrase: \
             `加强民主管理每学年召开一次教…`\n  |\n5 |   - title: 加强民主管理\n  |            \
             ^^^^^^^^^^^^ end the title with `。` or `：` (`加强民主管理。`), or give it its own \
             line with `layout: heading` (`样式: 标题`)\n",
        )
        .run();
}

#[test]
fn names_and_blanks_of_a_form_are_placeholders_and_words_are_not() {
    let plan = "organization: 城南小学工会\nsections:\n\
                - 由某某同志负责，联系人【姓名】，于○月○日前报○○小学。\n\
                - 某些工作在二〇二七年、二○○七年的基础上推进。\n";
    let ran = check(plan);
    let found: Vec<&str> = warnings(&ran.stderr)
        .into_iter()
        .map(|l| l.split(": ").nth(2).unwrap_or(l))
        .collect();
    assert_eq!(
        found,
        [
            "placeholder `某某` left in the text",
            "placeholder `【姓名】` left in the text",
            "placeholder `○月` left in the text",
            "placeholder `○日` left in the text",
            "placeholder `○○` left in the text",
        ],
        "{}",
        ran.stderr
    );
}

#[test]
fn the_gbk_warning_names_notepads_chinese_menus() {
    Test::new()
        .in_repo()
        .args(["check", "tests/fixtures/lint/gbk.yaml"])
        .stderr(contains("记事本 Notepad: 文件 › 另存为 › 编码: UTF-8"))
        .run();
}
