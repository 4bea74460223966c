//! The slips of typing a plan by hand with a Chinese input method, each named at its own
//! line and column with what to type instead: errors when YAML cannot read the file, warnings
//! when it reads the line as text.

use super::test::{contains, Test};

#[test]
fn a_full_width_colon_is_named_on_its_own_line() {
    Test::new()
        .write(
            "plan.yaml",
            "单位: 城南小学工会\n年度：2027\n指导思想: 以服务教职工为中心。\n",
        )
        .args(["check", "plan.yaml"])
        .status(1)
        .stderr(
            "error: plan.yaml:2:3: a full-width colon `：` after `年度`: YAML does not read it \
             as a key\n  |\n2 | 年度：2027\n  |     ^^ type a half-width `:` followed by a \
             space: `年度: 2027`\n",
        )
        .run();
}

#[test]
fn a_missing_space_after_a_colon_is_named_on_line_one() {
    Test::new()
        .write("plan.yaml", "单位:城南小学工会\n")
        .args(["check", "plan.yaml"])
        .status(1)
        .stderr(
            "error: plan.yaml:1:3: no space after `单位:`: YAML reads the line as one text, not \
             as a key and its value\n  |\n1 | 单位:城南小学工会\n  |     ^ put a space after \
             `:`: `单位: 城南小学工会`\n",
        )
        .run();
}

#[test]
fn a_missing_space_after_a_dash_is_named_on_its_line() {
    Test::new()
        .write(
            "plan.yaml",
            "单位: 城南小学工会\n重点工作:\n  - 标题: 关心教职工\n    事项:\n      - 走访。\n      \
             -读书沙龙。\n    内容: 做好服务。\n",
        )
        .args(["check", "plan.yaml"])
        .status(1)
        .stderr(
            "error: plan.yaml:6:7: no space after `-`: YAML reads the line as text, not as a \
             list item\n  |\n6 |       -读书沙龙。\n  |       ^ put a space after `-`: \
             `- 读书沙龙。`\n",
        )
        .run();
}

#[test]
fn full_width_spaces_are_named_as_such() {
    Test::new()
        .write(
            "plan.yaml",
            "单位: 城南小学工会\n年度:\u{3000}2027\n具体工作安排:\n  - 月份: 9\n    事项:\n\
             \u{3000}- 召开工会委员会议。\n",
        )
        .args(["check", "plan.yaml"])
        .status(1)
        .stderr(
            "error: plan.yaml:2:4: a full-width space (U+3000) after `年度:`: YAML does not \
             read it as a key\n  |\n2 | 年度:\u{3000}2027\n  |      ^^ type a half-width \
             space after `:` instead: `年度: 2027`\n\nerror: plan.yaml:6:1: a full-width space \
             (U+3000) in the indentation: YAML does not read it as one\n  |\n6 | \u{3000}- \
             召开工会委员会议。\n  | ^^ indent with half-width spaces only: delete the \
             full-width space and type spaces instead\n",
        )
        .run();
}

/// A line YAML reads as an item's text is named too, as a warning: the plan still renders,
/// and `--strict` refuses it. A word of the text's own before `：` is text.
#[test]
fn a_slip_yaml_reads_as_text_is_a_warning() {
    let plan =
        "单位: 城南小学工会\n具体工作安排:\n  - 月份: 9\n    事项:\n      - 要求：全员参加。\n\
                \x20     - 内容：走访慰问。\n";
    let ran = Test::new()
        .write("plan.yaml", plan)
        .args(["check", "plan.yaml"])
        .stderr(
            "warning: plan.yaml:6:11: a full-width colon `：` after `内容`: YAML does not read \
             it as a key\n  |\n6 |       - 内容：走访慰问。\n  |             ^^ type a \
             half-width `:` followed by a space: `- 内容: 走访慰问。`\n",
        )
        .run();
    ran.again()
        .args(["check", "--strict", "plan.yaml"])
        .status(1)
        .stderr(contains("error: plan.yaml:6:11: a full-width colon"))
        .run();
}

/// What is not a slip: `：` inside a value, times, addresses, negative numbers, dashes of
/// the text, and a block of text.
#[test]
fn colons_and_dashes_of_the_text_are_left_alone() {
    Test::new()
        .write(
            "plan.yaml",
            "单位: 城南小学工会\n年度: 2027\n前言: 要求：全员参加。网址 http://example.com\n\
             具体工作安排:\n  - 月份: 9\n    事项:\n      - 8:30 集合。\n      - -1\n      \
             - 一--二\n      - 时间:周三\n结束语: |\n  -每月总结。\n  单位:甲\n",
        )
        .args(["check", "--strict", "plan.yaml"])
        .run();
}

/// A user with only the binary has no examples folder: the hint shows how a plan starts.
#[test]
fn a_document_given_as_the_plan_is_told_how_a_plan_starts() {
    Test::new()
        .write("plan.yaml", "# 工作计划\n\n一、指导思想\n")
        .args(["check", "plan.yaml"])
        .status(1)
        .stderr(contains("a plan starts `单位: 城南小学工会`, `年度: 2027`"))
        .run();
}
