//! One plan for many member unions: values set by path (`--set`), one plan per row of a
//! members table (`--each`), and blocks shared by merge keys and `x-` keys.

use super::test::{anything, contains, Test};

/// A plan of the genre, as a union writes it for its member unions to take up.
const BASE: &str = "\
# 各基层工会共用的计划
单位: 城东中学工会
年度: 2027
指导思想: 以习近平新时代中国特色社会主义思想为指导，团结动员广大教职工建功立业。
重点工作:
  - 标题: 加强思想政治引领。
    内容: 组织教职工深入学习党的二十大精神。
  - 标题: 开展文体活动。
    内容: 举办教职工趣味运动会。
落款:
  日期: 2027-01-05
";

/// The plan as plain text, as the base renders it; each member's differs from it in the
/// member's own values only.
const BASE_TXT: &str = "　　　　　　　城东中学工会2027年工作计划

　　一、指导思想
　　以习近平新时代中国特色社会主义思想为指导，团结动员广大教职工建功立业。
　　二、重点工作
　　（一）加强思想政治引领。组织教职工深入学习党的二十大精神。
　　（二）开展文体活动。举办教职工趣味运动会。

　　　　　　　　　　　　　　　　　　　　　　城东中学工会
　　　　　　　　　　　　　　　　　　　　　　2027年1月5日
";

#[test]
fn the_base_renders_as_written() {
    Test::new()
        .write("base.yaml", BASE)
        .args(["render", "base.yaml", "-f", "txt"])
        .stdout(BASE_TXT)
        .run();
}

#[test]
fn set_replaces_values_by_path_in_either_key_language() {
    let expected = BASE_TXT
        .replace("城东中学工会2027", "城西小学工会2027")
        .replace("　城东中学工会\n", "　城西小学工会\n")
        .replace("（二）开展文体活动。", "（二）开展读书活动。")
        .replace("2027年1月5日", "2027年2月1日");
    Test::new()
        .write("base.yaml", BASE)
        .args([
            "render",
            "base.yaml",
            "-f",
            "txt",
            "--set",
            "单位=城西小学工会",
            "--set",
            "signature.date=2027-02-01",
            // Full-width dots, as a Chinese keyboard types them.
            "--set",
            "重点工作。2。标题=开展读书活动。",
        ])
        .stdout(expected)
        .stderr("")
        .run();
}

#[test]
fn a_value_typed_is_text_as_typed_unless_yaml_types_it() {
    // `#` is no comment on a command line, a colon no mapping, and a year a number.
    let ran = Test::new()
        .write("base.yaml", BASE)
        .args([
            "render",
            "base.yaml",
            "-f",
            "txt",
            "--set",
            "重点工作.1.内容=要求: 全员参加 #1",
            "--set",
            "年度=2028",
            "--set",
            "重点工作.2.标题=0o17",
            "--set",
            "版式.序号=[一、, 1、]",
        ])
        .stdout(anything())
        .stderr(anything())
        .run();
    assert!(ran
        .stdout
        .contains("1、加强思想政治引领。要求: 全员参加 #1\n"));
    assert!(ran.stdout.contains("城东中学工会2028年工作计划"));
    assert!(ran.stdout.contains("　　2、0o17\n"), "{}", ran.stdout);
    assert!(
        ran.stdout.contains("　　1、加强思想政治引领。"),
        "{}",
        ran.stdout
    );
}

#[test]
fn a_key_the_plan_lacks_is_added() {
    let base = BASE.replace("落款:\n  日期: 2027-01-05\n", "");
    let ran = Test::new()
        .write("base.yaml", base)
        .args(["render", "base.yaml", "-f", "txt"])
        .args([
            "--set",
            "落款.日期=2027-03-01",
            "--set",
            "标题=城东中学工会工作要点",
        ])
        .stdout(anything())
        .run();
    let title = ran.stdout.lines().next().unwrap();
    assert_eq!(title.trim_start_matches('　'), "城东中学工会工作要点");
    assert!(
        ran.stdout.ends_with(
            "　城东中学工会\n　　　　　　　　　　　　　　　　　　　　　　2027年3月1日\n"
        ),
        "{}",
        ran.stdout
    );
}

#[test]
fn a_path_that_is_none_is_the_usual_error_at_its_argument() {
    Test::new()
        .write("base.yaml", BASE)
        .args(["render", "base.yaml", "-o", "out.txt"])
        .args(["--set", "单位=甲", "--set", "落款.日其=2027-01-05"])
        .args(["--set", "正文.0=甲", "--set", "单位"])
        .stderr(
            "\
error: --set 2:1:4: unknown key `日其`
  |
1 | 落款.日其=2027-01-05
  |      ^^^^ did you mean `日期`?

error: --set 3:1:4: entries are counted from 1
  |
1 | 正文.0=甲
  |      ^ a path is keys and entry numbers joined by dots, in either key language, entries counted from 1: `落款.日期`, `正文.2.标题`, `signature.date`

error: --set 4:1:1: not PATH=VALUE
  |
1 | 单位
  | ^^^^ write the path, `=` and the value, as in `--set 单位=城东中学工会` or `--set 落款.日期=2027-01-05`
",
        )
        .status(1)
        .run();
}

#[test]
fn nothing_is_written_for_a_value_refused_or_a_path_not_in_the_plan() {
    let ran = Test::new()
        .write("base.yaml", BASE)
        .write("out.txt", "上次的计划\n")
        .args(["render", "base.yaml", "-o", "out.txt", "--set", "年度=明年"])
        .stderr(
            "\
error: --set 1:1:4: `年度`: `明年` is not a year: write it as a number such as 2027
  |
1 | 年度=明年
  |      ^^^^
",
        )
        .status(1)
        .run();
    assert_eq!(ran.read("out.txt"), "上次的计划\n");
    let ran = ran
        .again()
        .args(["render", "base.yaml", "-o", "out.txt"])
        .args(["--set", "重点工作.3.标题=第三项"])
        .stderr(contains(
            "error: --set 1:1:1: `重点工作.3.标题` is not in the plan, and cannot be made in it",
        ))
        .status(1)
        .run();
    assert_eq!(ran.read("out.txt"), "上次的计划\n");
}

#[test]
fn a_problem_in_a_value_set_is_placed_at_its_argument() {
    Test::new()
        .write("base.yaml", BASE)
        .args([
            "check",
            "base.yaml",
            "--strict",
            "--set",
            "重点工作.1.内容=组织××学习",
        ])
        .stderr(
            "\
error: --set 1:1:13: placeholder `××` left in the text
  |
1 | 重点工作.1.内容=组织××学习
  |                     ^^ fill in the real value
",
        )
        .status(1)
        .run();
}

/// Twenty places, each its member union's name: names as long as the base's, so that the
/// 落款 stands where the base's does.
const PLACES: [&str; 20] = [
    "城东", "城西", "城南", "城北", "江东", "江西", "江南", "江北", "河东", "河西", "河南", "河北",
    "山东", "山西", "湖东", "湖西", "湖南", "湖北", "海东", "海西",
];

/// The members table: 20 member unions, their signing dates and file names.
fn members_csv() -> String {
    let mut csv = String::from("单位,落款.日期,文件名\r\n");
    for n in 1..=20 {
        let (place, day) = (PLACES[n - 1], 1 + n % 9);
        csv.push_str(&format!(
            "{place}中学工会,2027-01-{day:02},school-{n:02}\r\n"
        ));
    }
    csv
}

/// What member `n`'s plan must read: the base with its 单位 and date.
fn member_txt(n: usize) -> String {
    BASE_TXT
        .replace("城东中学工会", &format!("{}中学工会", PLACES[n - 1]))
        .replace("2027年1月5日", &format!("2027年1月{}日", 1 + n % 9))
}

#[test]
fn each_renders_one_plan_per_member_differing_only_in_its_values() {
    let ran = Test::new()
        .write("base.yaml", BASE)
        .write("members.csv", members_csv())
        .args([
            "render",
            "base.yaml",
            "--each",
            "members.csv",
            "--out-dir",
            "out",
        ])
        .args(["-f", "txt,md"])
        .stderr("40 written, 0 unchanged\n")
        .run();
    let mut names: Vec<String> = std::fs::read_dir(ran.path("out"))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    assert_eq!(names.len(), 40);
    for n in 1..=20 {
        assert_eq!(ran.read(format!("out/school-{n:02}.txt")), member_txt(n));
        assert!(ran
            .read(format!("out/school-{n:02}.md"))
            .starts_with(&format!("# {}中学工会2027年工作计划\n", PLACES[n - 1])));
    }
}

#[test]
fn a_table_saved_by_excel_in_gbk_or_with_a_byte_order_mark_is_read_alike() {
    let csv = members_csv();
    let (gbk, _, unmappable) = encoding_rs::GBK.encode(&csv);
    assert!(!unmappable);
    let with_bom = [b"\xEF\xBB\xBF".as_slice(), csv.as_bytes()].concat();
    for (name, bytes) in [("gbk.csv", gbk.to_vec()), ("bom.csv", with_bom)] {
        let ran = Test::new()
            .write("base.yaml", BASE)
            .write(name, bytes)
            .args(["render", "base.yaml", "--each", name, "--out-dir", "out"])
            .args(["-f", "txt"])
            .stderr("20 written, 0 unchanged\n")
            .run();
        for n in [1, 7, 20] {
            assert_eq!(
                ran.read(format!("out/school-{n:02}.txt")),
                member_txt(n),
                "{name}"
            );
        }
    }
}

#[test]
fn without_a_file_name_column_the_output_is_named_after_the_member() {
    let ran = Test::new()
        .write("base.yaml", BASE)
        .write("members.csv", "单位\n城西小学工会\n\n南湖幼儿园工会\n")
        .args([
            "render",
            "base.yaml",
            "--each",
            "members.csv",
            "--out-dir",
            "out",
        ])
        .args(["-f", "txt"])
        .stderr("2 written, 0 unchanged\n")
        .run();
    assert!(ran
        .read("out/城西小学工会.txt")
        .contains("城西小学工会2027年工作计划"));
    assert!(ran
        .read("out/南湖幼儿园工会.txt")
        .contains("南湖幼儿园工会2027年工作计划"));
}

#[test]
fn an_unknown_column_is_an_error_naming_it_and_nothing_is_written() {
    let ran = Test::new()
        .write("base.yaml", BASE)
        .write("members.csv", "单位,落款.日起\n城西小学工会,2027-01-05\n")
        .args([
            "render",
            "base.yaml",
            "--each",
            "members.csv",
            "--out-dir",
            "out",
        ])
        .stderr(
            "\
error: members.csv:1:7: column `落款.日起`: unknown key `日起`
  |
1 | 单位,落款.日起
  |           ^^^^ did you mean `日期`?
",
        )
        .status(1)
        .run();
    assert!(!ran.path("out").exists());
}

#[test]
fn a_file_name_that_leads_out_of_the_folder_is_refused() {
    let ran = Test::new()
        .write("base.yaml", BASE)
        .write("members.csv", "单位,文件名\n甲,../甲\n乙,乙\n丙,乙\n")
        .args(["render", "base.yaml", "--each", "members.csv", "--out-dir", "out"])
        .stderr(
            "\
error: members.csv:2:3: `../甲` cannot name a file: it would lead into another folder, or the system refuses it
  |
2 | 甲,../甲
  |    ^^^^^ a member's output is named by its `文件名`, else its `单位`: a plain name, without / \\ : * ? \" < > | or a leading dot

error: members.csv:4:3: a member before this one is named `乙` too: their outputs would overwrite each other
  |
4 | 丙,乙
  |    ^^ give each member a `文件名` of its own
",
        )
        .status(1)
        .run();
    assert!(!ran.path("out").exists() && !ran.path("甲.md").exists());
}

#[test]
fn each_needs_a_folder_to_write_to() {
    Test::new()
        .write("base.yaml", BASE)
        .write("members.csv", members_csv())
        .args(["render", "base.yaml", "--each", "members.csv"])
        .stderr("error: --each writes a plan for each member: give --out-dir DIR to put them in\n")
        .status(2)
        .run();
}

#[test]
fn check_each_checks_every_members_plan_and_says_a_shared_problem_once() {
    let base = BASE.replace("举办教职工趣味运动会。", "举办教职工趣味运动会××。");
    Test::new()
        .write("base.yaml", base)
        .write(
            "members.csv",
            "单位,指导思想\n甲工会,\n乙工会,以□□为指导。\n丙工会,\n",
        )
        .args(["check", "base.yaml", "--each", "members.csv"])
        .stderr(
            "\
warning: base.yaml:9:19: placeholder `××` left in the text
  |
9 |     内容: 举办教职工趣味运动会××。
  |                               ^^ fill in the real value

warning: members.csv:3:6: placeholder `□□` left in the text
  |
3 | 乙工会,以□□为指导。
  |          ^^ fill in the real value
",
        )
        .run();
}

#[test]
fn a_members_list_in_yaml_may_set_whole_lists() {
    let members = "\
- 单位: 城西小学工会
  重点工作:
    - 开展读书月活动。
- 单位: 南湖幼儿园工会
  文件名: 南湖
";
    let ran = Test::new()
        .write("base.yaml", BASE)
        .write("members.yaml", members)
        .args([
            "render",
            "base.yaml",
            "--each",
            "members.yaml",
            "--out-dir",
            "out",
        ])
        .args(["-f", "txt"])
        .stderr("2 written, 0 unchanged\n")
        .run();
    let west = ran.read("out/城西小学工会.txt");
    assert!(
        west.contains("　　二、重点工作\n　　开展读书月活动。\n"),
        "{west}"
    );
    assert!(!west.contains("趣味运动会"));
    assert!(ran.read("out/南湖.txt").contains("趣味运动会"));
}

#[test]
fn merge_keys_and_x_keys_share_blocks_in_a_hand_written_plan() {
    let shared = "\
x-task: &task
  标题: 开展文体活动。
  内容: 举办教职工趣味运动会。
x-signature: &signature
  日期: 2027-01-05
单位: 城东中学工会
年度: 2027
指导思想: 以习近平新时代中国特色社会主义思想为指导，团结动员广大教职工建功立业。
重点工作:
  - <<: *task
    标题: 加强思想政治引领。
    内容: 组织教职工深入学习党的二十大精神。
  - <<: *task
落款:
  <<: *signature
";
    Test::new()
        .write("shared.yaml", shared)
        .args(["render", "shared.yaml", "-f", "txt"])
        .stdout(BASE_TXT)
        .stderr("")
        .run();
    // Only the plan's own `x-` keys are skipped: elsewhere one is a key like any other.
    let nested = shared.replace("  <<: *signature\n", "  <<: *signature\n  x-note: 备注\n");
    Test::new()
        .write("shared.yaml", nested)
        .args(["check", "shared.yaml"])
        .stderr(contains("error: shared.yaml:16:3: unknown key `x-note`"))
        .status(1)
        .run();
}

#[test]
fn set_and_each_speak_chinese() {
    Test::new()
        .write("base.yaml", BASE)
        .write("members.csv", "单为\n甲\n")
        .args([
            "--lang",
            "zh",
            "render",
            "base.yaml",
            "--each",
            "members.csv",
        ])
        .args(["--out-dir", "out"])
        .stderr(contains(
            "错误：members.csv:1:1：第一行的列名 `单为`：未知的键 `单为`",
        ))
        .status(1)
        .run();
    Test::new()
        .write("base.yaml", BASE)
        .args([
            "--lang",
            "zh",
            "render",
            "base.yaml",
            "--set",
            "正文.标题=甲",
        ])
        .stderr(contains("`正文` 是一个列表：请写项的序号，而不是 `标题`"))
        .stdout(anything())
        .status(1)
        .run();
}

#[test]
fn no_output_may_overwrite_the_members_file() {
    let ran = Test::new()
        .write("base.yaml", BASE)
        .write("m.txt", "单位,文件名\n甲工会,m\n")
        .args([
            "render",
            "base.yaml",
            "--each",
            "m.txt",
            "-f",
            "txt",
            "--out-dir",
            ".",
        ])
        .stderr("error: ./m.txt is the members file: rendering would overwrite it\n")
        .status(2)
        .run();
    assert_eq!(ran.read("m.txt"), "单位,文件名\n甲工会,m\n");
}

#[test]
fn a_value_that_yaml_would_read_as_a_comment_or_a_short_number_is_text() {
    let ran = Test::new()
        .write("base.yaml", BASE)
        .args([
            "render",
            "base.yaml",
            "-f",
            "txt",
            "--set",
            "标题=#1 号文件",
        ])
        .args(["--set", "重点工作.2.内容=1.50"])
        .stdout(anything())
        .run();
    assert_eq!(
        ran.stdout.lines().next().unwrap().trim_start_matches('　'),
        "#1 号文件"
    );
    assert!(
        ran.stdout.contains("（二）开展文体活动。1.50\n"),
        "{}",
        ran.stdout
    );
}

#[test]
fn each_value_made_in_a_new_block_is_judged_at_its_own_argument() {
    let base = BASE.replace("落款:\n  日期: 2027-01-05\n", "");
    Test::new()
        .write("base.yaml", base)
        .args(["--lang", "zh", "render", "base.yaml", "-f", "txt"])
        .args([
            "--set",
            "落款.单位=城东中学工会",
            "--set",
            "落款.日期=2027-13-01",
        ])
        .stderr(
            "\
错误：--set 2:1:7：`落款.日期`：`2027-13-01` 不是日期：没有13月，月份只能是1到12
  |
1 | 落款.日期=2027-13-01
  |           ^^^^^^^^^^
",
        )
        .status(1)
        .run();
}

#[test]
fn a_value_of_the_wrong_kind_gets_the_words_a_file_would() {
    Test::new()
        .write("base.yaml", BASE)
        .args(["--lang", "zh", "render", "base.yaml", "--set", "期间=秋季"])
        .stderr(
            "\
错误：--set 1:1:4：`期间` 应写成以下之一：`全年`、`年度`、`上半年`、`下半年`、`上学期`、`第一学期`、`下学期`、`第二学期`、`学年`
  |
1 | 期间=秋季
  |      ^^^^ 可以这样写：`期间: 全年`
",
        )
        .status(1)
        .run();
}

#[test]
fn a_warning_only_some_members_plans_have_names_the_member() {
    Test::new()
        .write("base.yaml", BASE)
        .write("members.csv", "单位,年度\n乙工会,2030\n丙工会,\n")
        .args(["check", "base.yaml", "--each", "members.csv"])
        .stderr(
            "\
warning: base.yaml:11:7: the signature is dated 2027-01-05, more than three months outside the period
   |
11 |   日期: 2027-01-05
   |         ^^^^^^^^^^ the period runs 2030-01 to 2030-12 (for 乙工会 (members.csv:2))
",
        )
        .run();
}

#[test]
fn tables_as_excel_writes_them_tabs_and_empty_cells_past_the_last_column() {
    let ran = Test::new()
        .write("base.yaml", BASE)
        .write("tabs.txt", "单位\t文件名\r\n城西小学工会\t城西\r\n")
        .write(
            "wide.csv",
            "单位,文件名,,\r\n城南小学工会,城南,,\r\n,,,\r\n",
        )
        .args([
            "render",
            "base.yaml",
            "--each",
            "tabs.txt",
            "--out-dir",
            "out",
            "-f",
            "txt",
        ])
        .stderr("1 written, 0 unchanged\n")
        .run();
    assert!(ran
        .read("out/城西.txt")
        .contains("城西小学工会2027年工作计划"));
    let ran = ran
        .again()
        .args([
            "render",
            "base.yaml",
            "--each",
            "wide.csv",
            "--out-dir",
            "out",
            "-f",
            "txt",
        ])
        .stderr("1 written, 0 unchanged\n")
        .run();
    assert!(ran
        .read("out/城南.txt")
        .contains("城南小学工会2027年工作计划"));
    ran.again()
        .write(
            "twice.csv",
            "单位,signature.date,落款.日期\n甲,2027-01-05,2027-01-06\n",
        )
        .args([
            "render",
            "base.yaml",
            "--each",
            "twice.csv",
            "--out-dir",
            "out",
        ])
        .stderr(
            "\
error: twice.csv:1:19: a column before this one is `落款.日期` too
  |
1 | 单位,signature.date,落款.日期
  |                     ^^^^^^^^^ give each path one column
",
        )
        .status(1)
        .run();
}

#[test]
fn merges_inside_merged_blocks_know_a_key_in_either_language() {
    let plan = "\
x-signature: &signature {日期: 2027-01-05}
x-common: &common {落款: {<<: *signature, date: 2027-01-07}}
<<: *common
单位: 城东中学工会
年度: 2027
指导思想: 以习近平新时代中国特色社会主义思想为指导，团结动员广大教职工建功立业。
";
    let ran = Test::new()
        .write("plan.yaml", plan)
        .args(["render", "plan.yaml", "-f", "txt"])
        .stdout(anything())
        .run();
    assert!(ran.stdout.ends_with("　2027年1月7日\n"), "{}", ran.stdout);
}
