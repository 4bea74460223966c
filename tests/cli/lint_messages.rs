//! The lints speak the secretary's language: under a Chinese locale every warning and its
//! hint are in Chinese, with the plan's own words quoted; `--format json` gives each its code.

use super::test::{anything, Test};

/// A plan with a typed marker, a festival under the wrong month and a year not updated.
const PLAN: &str =
    "单位: 城南小学工会\n年度: 2027\n重点工作:\n- 标题: 三、加强民主管理\n  内容: 召开教代会。\n\
                    具体工作安排:\n- 月份: 4\n  事项: [庆祝“三八”妇女节, 评选三八红旗手]\n\
                    结束语: 对标2035年远景目标，做好2025年工会经费预算。\n";

#[test]
fn warnings_are_said_in_chinese_under_a_chinese_locale() {
    let ran = Test::new()
        .write("plan.yaml", PLAN)
        .env("LANG", "zh_CN.UTF-8")
        .args(["check", "plan.yaml"])
        .stderr(anything())
        .run();
    let said: Vec<&str> = ran
        .stderr
        .lines()
        .filter(|l| l.starts_with("警告") || l.contains('^'))
        .collect();
    assert_eq!(
        said,
        [
            "警告：plan.yaml:4:7：手动输入了序号 `三、`，而工具在这里编的是 `（一）`",
            "  |         ^^^^ 工具会自动编号，请删去 `三、`",
            "警告：plan.yaml:8:11：`三八妇女节` 在3月，却排在了4月",
            "  |               ^^^^ 请移到3月的安排里（提前筹备可以放在前面的月份，写明“筹备”“迎”等字样即可）",
            "警告：plan.yaml:9:20：2025年与计划的年度（2027）不符",
            "  |                                 ^^^^ 请改正这个年份；如果错的是计划的年度，请改 `年度`",
        ],
        "{}",
        ran.stderr
    );
}

#[test]
fn each_warning_has_its_code() {
    let ran = Test::new()
        .write("plan.yaml", PLAN)
        .args(["check", "--format", "json", "plan.yaml"])
        .stdout(anything())
        .stderr(anything())
        .run();
    let codes: Vec<String> = format!("{}{}", ran.stdout, ran.stderr)
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v["code"].as_str().map(str::to_owned))
        .collect();
    assert_eq!(
        codes,
        ["typed-marker", "festival-wrong-month", "year-contradicts"]
    );
}
