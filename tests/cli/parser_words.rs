//! No words of the YAML library reach the user: a value of the wrong kind is answered with
//! what its key takes and a small example in the file's own key language, every such value
//! of a file at once, at a data path in the user's words; the reader's complaints about the
//! syntax are said plainly, with the fix.

use super::test::{anything, Test};

fn check(plan: &str, lang: &str, stderr: &str) {
    Test::new()
        .write("plan.yaml", plan)
        .args(["--lang", lang, "check", "plan.yaml"])
        .status(1)
        .stderr(stderr)
        .run();
}

const SIGNATURE_AS_TEXT: &str =
    "单位: 城南小学工会\n指导思想: 以服务教职工为中心。\n落款: 城南小学工会\n";

#[test]
fn a_signature_typed_as_a_line_is_shown_as_keys_in_the_files_language() {
    check(
        SIGNATURE_AS_TEXT,
        "en",
        "error: plan.yaml:3:5: `落款` takes the keys `单位`, `日期` on the lines below it, \
         indented\n  |\n3 | 落款: 城南小学工会\n  |       ^^^^^^^^^^^^ write it as `落款:` / \
         `  单位: 城南小学工会` / `  日期: 2027-01-05`\n",
    );
    check(
        SIGNATURE_AS_TEXT,
        "zh",
        "错误：plan.yaml:3:5：`落款` 应写成下面几行缩进的键 `单位`、`日期`\n  |\n3 | 落款: \
         城南小学工会\n  |       ^^^^^^^^^^^^ 可以这样写：`落款:` / `  单位: 城南小学工会` / \
         `  日期: 2027-01-05`\n",
    );
}

const DATE_AS_NUMBER: &str = "organization: 城南小学工会\nguiding_ideology: 以服务教职工为中心。\n\
                              signature:\n  date: 20270105\n";

#[test]
fn a_date_typed_as_digits_says_how_a_date_is_written() {
    check(
        DATE_AS_NUMBER,
        "en",
        "error: plan.yaml:4:9: `signature` `date` takes a date, such as `2027-01-05`\n  |\n4 | \
         \x20 date: 20270105\n  |         ^^^^^^^^ write it as `date: 2027-01-05`\n",
    );
    check(
        DATE_AS_NUMBER,
        "zh",
        "错误：plan.yaml:4:9：`signature`的 `date` 应写成日期，如 `2027-01-05`\n  |\n4 |   date: \
         20270105\n  |         ^^^^^^^^ 可以这样写：`date: 2027-01-05`\n",
    );
}

#[test]
fn a_schedule_written_by_month_keys_is_shown_as_a_list() {
    check(
        "单位: 城南小学工会\n具体工作安排:\n  三月: 开展活动。\n",
        "zh",
        "错误：plan.yaml:3:3：`具体工作安排` 应写成若干项，每项有 `月份` 和 `事项`\n  |\n3 |   三月: \
         开展活动。\n  |   ^^^^^^^^^^^^^^^^ 可以这样写：`具体工作安排:` / `  - 月份: 3` / `    事项:` \
         / `      - 组织“三八”妇女节活动。`\n",
    );
}

const TWO_WRONG: &str = "单位: 城南小学工会\n具体工作安排:\n  - 月份: 3\n    事项: 开展活动。\n  \
                         - 月份: [4, 5, 6]\n    事项: 组织活动。\n版式: 中文\n";

#[test]
fn every_value_of_the_wrong_kind_is_named_at_a_one_based_path() {
    check(
        TWO_WRONG,
        "en",
        "error: plan.yaml:5:9: `具体工作安排` entry 2 `月份`: a month range is two months, the \
         first and the last: `[7, 8]`\n  |\n5 |   - 月份: [4, 5, 6]\n  |           ^^^^^^^^^\n\n\
         error: plan.yaml:7:5: `版式` takes the keys `序号`, `月份`, `日期` on the lines below it, \
         indented\n  |\n7 | 版式: 中文\n  |       ^^^^ write it as `版式:` / `  月份:` / \
         `    数字: 中文`\n",
    );
    check(
        TWO_WRONG,
        "zh",
        "错误：plan.yaml:5:9：`具体工作安排` 第2项的 `月份`：月份区间是两个月份，即第一个月和最后一个月：\
         `[7, 8]`\n  |\n5 |   - 月份: [4, 5, 6]\n  |           ^^^^^^^^^\n\n错误：plan.yaml:\
         7:5：`版式` 应写成下面几行缩进的键 `序号`、`月份`、`日期`\n  |\n7 | 版式: 中文\n  |       \
         ^^^^ 可以这样写：`版式:` / `  月份:` / `    数字: 中文`\n",
    );
}

#[test]
fn a_fixture_of_many_wrong_values_names_each_in_the_order_of_the_lines() {
    let ran = Test::new()
        .in_repo()
        .args(["check", "tests/fixtures/invalid/type-errors-many.yaml"])
        .status(1)
        .stderr(anything())
        .run();
    let lines: Vec<usize> = ran
        .stderr
        .lines()
        .filter_map(|l| l.strip_prefix("error: tests/fixtures/invalid/type-errors-many.yaml:"))
        .map(|l| l.split(':').next().unwrap().parse().unwrap())
        .collect();
    assert_eq!(lines, [3, 7, 8, 12, 14, 15], "{}", ran.stderr);
}

#[test]
fn a_tab_in_the_indentation_is_named() {
    check(
        "单位: 城南小学工会\n指导思想:\n\t- 学习。\n",
        "en",
        "error: plan.yaml:3:1: a tab in the indentation: YAML indents with spaces only\n  |\n3 |  - \
         学习。\n  | ^ replace the tab with spaces, as many as the lines beside it use\n",
    );
    check(
        "单位: 城南小学工会\n指导思想:\n\t- 学习。\n",
        "zh",
        "错误：plan.yaml:3:1：缩进里有制表符（`Tab`）：`YAML` 只能用空格缩进\n  |\n3 |  - 学习。\n  | \
         ^ 把制表符换成空格，空格数和旁边的行一样\n",
    );
}

#[test]
fn a_line_without_its_colon_is_named_on_its_own_line() {
    check(
        "单位: 城南小学工会\n指导思想\n  以服务教职工为中心。\n重点工作:\n  - 关心教职工生活。\n",
        "en",
        "error: plan.yaml:2:1: this line is neither a key with `: ` nor a list item\n  |\n2 | \
         指导思想\n  | ^^^^^^^^ a key needs `: ` after it; text that runs over several lines goes \
         in quotes or after `|`\n",
    );
}

#[test]
fn a_second_colon_in_a_value_is_answered_with_the_value_in_quotes() {
    let plan = "单位: 城南小学工会\n重点工作:\n  - 标题: 活动安排: 三月开展活动\n";
    check(
        plan,
        "en",
        "error: plan.yaml:3:13: a second `: ` on this line: YAML reads the value as another \
         key\n  |\n3 |   - 标题: 活动安排: 三月开展活动\n  |                   ^ put a value \
         that contains `: ` in quotes, `- 标题: \"活动安排: 三月开展活动\"`; otherwise this key is \
         indented differently from the keys beside it\n",
    );
    check(
        plan,
        "zh",
        "错误：plan.yaml:3:13：这一行有第二个 `: `，`YAML` 把值读成了又一个键\n  |\n3 |   - 标题: \
         活动安排: 三月开展活动\n  |                   ^ 值里有 `: ` 时请加上引号，写成 `- 标题: \
         \"活动安排: 三月开展活动\"`；否则就是这个键的缩进和旁边的键不一样\n",
    );
}

#[test]
fn an_unclosed_quote_is_shown_where_it_opens() {
    check(
        "单位: 城南小学工会\n指导思想: \"以服务教职工为中心。\n重点工作:\n  - 关心教职工生活。\n",
        "en",
        "error: plan.yaml:2:7: this quote or bracket is never closed\n  |\n2 | 指导思想: \
         \"以服务教职工为中心。\n  |           ^^^^^^^^^^^^^^^^^^^^^ close it where the value \
         ends, on the line it opens: `\"…\"`, `[…]`\n",
    );
}

#[test]
fn a_value_that_starts_with_a_reserved_character_is_put_in_quotes() {
    for c in ['@', '`', '*', '&', '!', '|', '>'] {
        let shown = if c == '`' {
            "a backquote".to_owned()
        } else {
            format!("`{c}`")
        };
        let plan =
            format!("单位: 城南小学工会\n重点工作:\n  - 内容: {c}全体教职工 按时参加学习。\n");
        Test::new()
            .write("plan.yaml", plan)
            .args(["check", "plan.yaml"])
            .status(1)
            .stderr(format!(
                "error: plan.yaml:3:9: a value cannot start with {shown} unquoted: YAML gives the \
                 character a meaning of its own there\n  |\n3 |   - 内容: {c}全体教职工 按时参加学\
                 习。\n  |           ^^^^^^^^^^^ put the value in quotes: `- 内容: \"{c}全体教职工 按\
                 时参加学习。\"` (`@`, `%`, `&`, `*`, `!`, `|`, `>` and the backquote are reserved at \
                 the start of a value)\n"
            ))
            .run();
    }
}

#[test]
fn a_key_written_twice_under_two_names_is_named_as_written_at_both_places() {
    let plan =
        "单位: 城南小学工会\n重点工作:\n  - 关心教职工生活。\nkey_tasks:\n  - 加强民主管理。\n";
    check(
        plan,
        "en",
        "error: plan.yaml:4:1: duplicate key `key_tasks`: the same key as `重点工作`\n  |\n4 | \
         key_tasks:\n  | ^^^^^^^^^ first at line 2; a key may appear once in its mapping: merge \
         the two, or remove one\n",
    );
    check(
        plan,
        "zh",
        "错误：plan.yaml:4:1：键 `key_tasks` 重复了：它和 `重点工作` 是同一个键\n  |\n4 | key_tasks:\n\
         \x20 | ^^^^^^^^^ 第 2 行已经写过；同一处每个键只能写一次：请把两处合并，或删去一处\n",
    );
}

/// serde's and the YAML reader's own words, which no message may hold.
const PARSER_WORDS: [&str; 8] = [
    "invalid type",
    "invalid value",
    "expected struct",
    "expected a sequence",
    "field identifier",
    "cannot start any token",
    "mapping values",
    "could not find expected",
];

#[test]
fn no_message_of_an_invalid_fixture_holds_the_parsers_words() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/invalid");
    let mut fixtures: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|e| e == "yaml"))
        .collect();
    fixtures.sort();
    assert!(fixtures.len() > 40);
    for fixture in fixtures {
        for lang in ["en", "zh"] {
            let ran = Test::new()
                .in_repo()
                .arg("--lang")
                .arg(lang)
                .arg("check")
                .arg(&fixture)
                .status(1)
                .stderr(anything())
                .run();
            for words in PARSER_WORDS {
                assert!(
                    !ran.stderr.contains(words),
                    "{} in {lang} says {words:?}:\n{}",
                    fixture.display(),
                    ran.stderr
                );
            }
        }
    }
}

/// The first line of each error `check` gives for a faulty plan, and all it printed.
fn error_lines(plan: &str) -> (Vec<String>, String) {
    let ran = Test::new()
        .write("plan.yaml", plan)
        .args(["check", "plan.yaml"])
        .status(1)
        .stderr(anything())
        .run();
    let heads = ran
        .stderr
        .lines()
        .filter(|l| l.starts_with("error: "))
        .map(str::to_owned)
        .collect();
    (heads, ran.stderr)
}

/// A value of the wrong kind does not hide an unknown key after it, nor a key in a block
/// after it that holds a wrong value of its own.
#[test]
fn a_value_of_the_wrong_kind_hides_no_unknown_key() {
    let (heads, stderr) = error_lines(
        "单位: 城南小学工会\n年度: abc\n指导思想: 以服务教职工为中心。\n备忘: 下周交\n\
         版式:\n  日期: 乱写\n  颜色: 红\n",
    );
    assert_eq!(
        heads,
        [
            "error: plan.yaml:2:5: `年度`: `abc` is not a year: write it as a number such as 2027",
            "error: plan.yaml:4:1: unknown key `备忘`",
            "error: plan.yaml:6:7: `版式` `日期` takes one of `数字`, `阿拉伯数字`, `中文`, `汉字`",
            "error: plan.yaml:7:3: unknown key `颜色`",
        ],
        "{stderr}"
    );
}

/// A refusal of the model quotes what was written, which may hold any words: they are not
/// read as the YAML library's.
#[test]
fn words_in_a_refused_value_are_not_taken_for_the_readers() {
    let (heads, stderr) = error_lines("落款:\n  日期: not found yet\n年度: abc\n");
    assert_eq!(
        heads,
        [
            "error: plan.yaml:2:7: `落款` `日期`: `not found yet` is not a date: write it as \
             2027-01-05 or `2027年1月5日`",
            "error: plan.yaml:3:5: `年度`: `abc` is not a year: write it as a number such as 2027",
        ],
        "{stderr}"
    );
}
