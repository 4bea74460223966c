//! The messages of running the program in the user's language: the locale, `UNIONPLAN_LANG`
//! and `--lang` choose it, and errors of files, of the command line (ours and clap's), batch
//! summaries and `render --check` are said in it, word for word.

use super::test::Test;

const PLAN: &str = "title: 计划\nsections: [正文]\n";

/// A run under a Chinese locale.
fn chinese() -> Test {
    Test::new().env("LANG", "zh_CN.UTF-8")
}

#[test]
fn a_missing_plan_is_said_in_the_locales_language() {
    Test::new()
        .args(["render", "missing.yaml"])
        .stderr("error: cannot read missing.yaml: no such file or folder\n")
        .status(1)
        .run();
    chinese()
        .args(["render", "missing.yaml"])
        .stderr("错误：无法读取 `missing.yaml`：没有这个文件或文件夹\n")
        .status(1)
        .run();
}

#[test]
fn each_way_of_choosing_the_language_is_heard() {
    let zh = "错误：无法读取 `missing.yaml`：没有这个文件或文件夹\n";
    let en = "error: cannot read missing.yaml: no such file or folder\n";
    let check = ["check", "missing.yaml"];
    let check_zh = "错误：missing.yaml：无法读取 `missing.yaml`：没有这个文件或文件夹\n";
    for (test, expected) in [
        (Test::new().env("UNIONPLAN_LANG", "zh"), zh),
        (Test::new().arg("--lang").arg("zh"), zh),
        (Test::new().arg("--lang=zh"), zh),
        // LC_ALL is read before LANG, either way.
        (Test::new().env("LC_ALL", "zh_CN.UTF-8"), zh),
        (chinese().env("LC_ALL", "en_US.UTF-8"), en),
        // The command line is read before the environment.
        (chinese().arg("--lang").arg("en"), en),
        (Test::new().env("UNIONPLAN_LANG", "zh").arg("--lang=en"), en),
    ] {
        test.args(["render", "missing.yaml"])
            .stderr(expected)
            .status(1)
            .run();
    }
    // `check` names the file it cannot read as the place of the problem.
    chinese().args(check).stderr(check_zh).status(1).run();
}

#[test]
fn a_usage_error_of_ours_is_said_in_either_language() {
    let args = ["render", "plan.yaml", "-f", "md,html", "-o", "plan.md"];
    Test::new()
        .write("plan.yaml", PLAN)
        .args(args)
        .stderr(
            "error: several formats at once: give --out-dir DIR to write each to its own file\n",
        )
        .status(2)
        .run();
    chinese()
        .write("plan.yaml", PLAN)
        .args(args)
        .stderr("错误：一次给了多种格式：请用 `--out-dir DIR` 把每种格式写成单独的文件\n")
        .status(2)
        .run();
}

#[test]
fn clap_refusals_are_said_in_chinese_and_left_as_clap_words_them_in_english() {
    let unknown = ["check", "--stirct", "plan.yaml"];
    Test::new()
        .args(unknown)
        .stderr(
            "error: unexpected argument '--stirct' found\n\n  \
             tip: a similar argument exists: '--strict'\n\n\
             Usage: unionplan check --strict <PLAN>...\n\n\
             For more information, try '--help'.\n",
        )
        .status(2)
        .run();
    chinese()
        .args(unknown)
        .stderr(
            "错误：未知的参数 `--stirct`\n\n  \
             提示：是不是要写 `--strict`？\n\n\
             用法：unionplan check --strict <PLAN>...\n\n\
             更多信息请运行 `--help`。\n",
        )
        .status(2)
        .run();
    // `--lang` is read before clap parses the line it is on.
    Test::new()
        .args(["--lang", "zh", "rendr"])
        .stderr(
            "错误：未知的子命令 `rendr`\n\n  \
             提示：是不是要写 `render`？\n\n\
             用法：unionplan [OPTIONS] <COMMAND>\n\n\
             更多信息请运行 `--help`。\n",
        )
        .status(2)
        .run();
    let invalid = ["render", "-f", "pdf", "plan.yaml"];
    Test::new()
        .args(invalid)
        .stderr(
            "error: invalid value 'pdf' for '--format <FORMAT>'\n  \
             [possible values: md, html, txt, json, docx]\n\n\
             For more information, try '--help'.\n",
        )
        .status(2)
        .run();
    chinese()
        .args(invalid)
        .stderr(
            "错误：`--format <FORMAT>` 的值 `pdf` 无效，可用的值：`md`、`html`、`txt`、`json`、\
             `docx`\n\n更多信息请运行 `--help`。\n",
        )
        .status(2)
        .run();
    chinese()
        .args(["render"])
        .stderr(
            "错误：缺少必需的参数：`<PLAN>...`\n\n\
             用法：unionplan render <PLAN>...\n\n\
             更多信息请运行 `--help`。\n",
        )
        .status(2)
        .run();
}

#[test]
fn help_and_version_are_printed_as_they_are_under_any_locale() {
    let version = format!("unionplan {}\n", env!("CARGO_PKG_VERSION"));
    chinese().arg("--version").stdout(version).run();
    let help = Test::new()
        .arg("--help")
        .stdout(super::test::anything())
        .run();
    chinese().arg("--help").stdout(help.stdout).run();
}

#[test]
fn a_batch_summary_is_counted_in_either_language() {
    let plans = |test: Test| test.write("a.yaml", PLAN).write("b.yaml", PLAN);
    let args = [
        "render",
        "a.yaml",
        "gone.yaml",
        "b.yaml",
        "--out-dir",
        "out",
    ];
    let ran = plans(Test::new())
        .args(args)
        .stderr(
            "error: cannot read gone.yaml: no such file or folder\n\
             2 written, 0 unchanged\n\
             error: 1 of 3 plans failed: gone.yaml\n",
        )
        .status(1)
        .run();
    ran.again()
        .args(["render", "a.yaml", "--out-dir", "out"])
        .stderr("0 written, 1 unchanged\n")
        .run();
    plans(chinese())
        .args(args)
        .stderr(
            "错误：无法读取 `gone.yaml`：没有这个文件或文件夹\n\
             已写入 2 个，0 个无变化\n\
             错误：3 份计划中有 1 份失败：`gone.yaml`\n",
        )
        .status(1)
        .run();
}

#[test]
fn stale_outputs_are_said_in_either_language() {
    let stale = |test: Test| {
        test.write("a.yaml", PLAN)
            .write("out/a.md", "旧的\n")
            .args(["render", "a.yaml", "--out-dir", "out", "--check"])
            .status(1)
    };
    stale(Test::new())
        .stdout(super::test::starts_with(
            "stale: out/a.md\n--- out/a.md\n+++ out/a.md (rendered)\n",
        ))
        .stderr("error: 1 output missing or stale: render again without --check\n")
        .run();
    stale(chinese())
        .stdout(super::test::starts_with(
            "已过时：`out/a.md`\n--- out/a.md\n+++ out/a.md（渲染结果）\n",
        ))
        .stderr("错误：有 1 个输出缺少或已过时：请去掉 `--check` 重新渲染\n")
        .run();
    chinese()
        .write("a.yaml", PLAN)
        .write("b.yaml", PLAN)
        .args(["render", "a.yaml", "b.yaml", "--out-dir", "out", "--check"])
        .stdout("缺少：`out/a.md`\n缺少：`out/b.md`\n")
        .stderr("错误：有 2 个输出缺少或已过时：请去掉 `--check` 重新渲染\n")
        .status(1)
        .run();
    Test::new()
        .write("a.yaml", PLAN)
        .write("b.yaml", PLAN)
        .args(["render", "a.yaml", "b.yaml", "--out-dir", "out", "--check"])
        .stdout("missing: out/a.md\nmissing: out/b.md\n")
        .stderr("error: 2 outputs missing or stale: render again without --check\n")
        .status(1)
        .run();
}
