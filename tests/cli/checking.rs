//! The plan's checks, said in the secretary's language: each problem at its place, in
//! Chinese under a Chinese locale, with the code scripts match on.

use super::test::{contains, Test};

const PLAN: &str = "单位: 城东中学工会\n期间: 上半年\n日期: 2027年1月5日\n具体工作安排:\n  - 月份: [3, 1]\n    事项: [开展活动。]\n";

#[test]
fn checks_are_said_in_chinese_under_a_chinese_locale() {
    Test::new()
        .write("p.yaml", PLAN)
        .env("LANG", "zh_CN.UTF-8")
        .args(["check", "p.yaml"])
        .status(1)
        .stderr(
            "错误：p.yaml:3:1：键 `日期` 不能写在这一层\n  |\n3 | 日期: 2027年1月5日\n  | ^^^^ \
             `日期` 是 `落款` 下的键：请把它缩进到 `落款:` 下面\n",
        )
        .run();
    Test::new()
        .write("p.yaml", PLAN.replace("日期: 2027年1月5日\n", ""))
        .env("LANG", "zh_CN.UTF-8")
        .args(["check", "p.yaml"])
        .status(1)
        .stderr(
            contains("错误：p.yaml:4:9：月份 `3-1` 倒过来了：从3月倒回到1月\n").and(contains(
                "区间要顺着`上半年`的月份往后数（从1月到6月）：请写成 `1-3`（一至三月），\
                 或者把月份逐个列出\n",
            )),
        )
        .run();
}

#[test]
fn scripts_get_one_code_for_each_kind_of_problem() {
    Test::new()
        .write("p.yaml", PLAN)
        .args(["check", "--format", "json", "p.yaml"])
        .status(1)
        .stdout(
            contains(r#""code":"key-at-wrong-level""#)
                .and(contains(r#""message":"unknown key `日期`""#)),
        )
        .run();
    Test::new()
        .write(
            "p.yaml",
            "学年: 2026—2027\n年度: 2027\n期间: 上学期\n正文: [学习。]\n",
        )
        .args(["check", "--format", "json", "--lang", "zh", "p.yaml"])
        .status(1)
        .stdout(
            contains(r#""code":"year-disagrees-with-school-year""#).and(contains(
                "`年度` 2027 和 `学年` 2026—2027 对不上：这个学年从2026年开始",
            )),
        )
        .run();
}

/// A file full of one mistake shows the first warnings and says that more are left.
#[test]
fn warnings_past_those_shown_are_said_to_be_there() {
    let plan = format!("单位: 城南小学工会\n正文:\n{}", "  - 标题:\n".repeat(300));
    let ran = Test::new()
        .write("p.yaml", plan)
        .env("LANG", "zh_CN.UTF-8")
        .args(["check", "p.yaml"])
        .stderr(contains(
            "警告：p.yaml：还有很多警告没有列出：请先改好前 200 条，再检查一次\n",
        ))
        .run();
    assert_eq!(ran.stderr.matches("警告：").count(), 201, "{}", ran.stderr);
}
