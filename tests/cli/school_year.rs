//! The school year a term belongs to: `学年: 2026—2027` says it without doubt, and a plan
//! given it renders as the same plan given `年度: 2026`, the year its school year starts.

use super::test::{anything, contains, Test};
use super::{printed, FORMATS};

const BY_SCHOOL_YEAR: &str = "tests/fixtures/lenient/school-year.yaml";
const BY_YEAR: &str = "tests/fixtures/lenient/school-year-as-year.yaml";

#[test]
fn a_spring_term_given_its_school_year_is_titled_by_it() {
    let md = printed(&["render", BY_SCHOOL_YEAR, "-f", "md"]);
    assert_eq!(
        md.lines().next(),
        Some("# 城东中学工会2026—2027学年第二学期工作计划"),
        "{md}"
    );
    let txt = printed(&["render", BY_SCHOOL_YEAR, "-f", "txt"]);
    assert_eq!(
        txt.lines().next(),
        Some("　　　城东中学工会2026—2027学年第二学期工作计划"),
        "{txt}"
    );
}

#[test]
fn the_school_year_and_the_year_it_starts_render_alike() {
    for format in FORMATS {
        let by_school_year = printed(&["render", BY_SCHOOL_YEAR, "-f", format]);
        let by_year = printed(&["render", BY_YEAR, "-f", format]);
        assert_eq!(by_school_year, by_year, "{format}");
    }
}

/// The title line a spring term's plan renders with `lines` at its top.
fn title(lines: &str) -> String {
    let plan = format!("单位: 城东中学工会\n期间: 下学期\n{lines}\n正文: [学习。]\n");
    let text = Test::new()
        .write("p.yaml", plan)
        .args(["render", "p.yaml", "-f", "md"])
        .stdout(anything())
        .run()
        .stdout;
    text.lines().next().unwrap_or_default().to_owned()
}

#[test]
fn school_years_as_typed() {
    for typed in [
        "学年: 2026—2027",
        "学年: 2026-2027",
        "学年: 2026～2027",
        "学年: 2026至2027",
        "学年: 2026——2027",
        "学年: 2026—2027学年",
        "学年: 2026-2027学年度",
        "学年: ２０２６—２０２７",
        "学年: 二〇二六至二〇二七学年",
        "school_year: 2026 - 2027",
        // 年度 agreeing: the year the school year starts, or the year a spring term lies in.
        "学年: 2026—2027\n年度: 2026",
        "学年: 2026—2027\n年度: 2027",
    ] {
        assert_eq!(
            title(typed),
            "# 城东中学工会2026—2027学年第二学期工作计划",
            "{typed}"
        );
    }
}

#[test]
fn a_school_year_that_is_not_one_is_refused_at_its_place() {
    for (typed, message) in [
        (
            "学年: 2026",
            "3:5: `学年`: `2026` is one year: a school year is written with both of its years, \
             such as 2026—2027",
        ),
        (
            "学年: 2027—2026",
            "3:5: the school year 2027—2026 runs backwards",
        ),
        (
            "学年: 2026/2027",
            "3:5: `学年`: `2026/2027` is not a school year",
        ),
    ] {
        let plan = format!("单位: 城东中学工会\n期间: 下学期\n{typed}\n正文: [学习。]\n");
        Test::new()
            .write("p.yaml", plan)
            .args(["check", "p.yaml"])
            .status(1)
            .stderr(contains(format!("error: p.yaml:{message}")))
            .run();
    }
}

#[test]
fn the_schema_knows_the_key() {
    let schema: serde_json::Value = serde_json::from_str(&printed(&["schema"])).unwrap();
    for key in ["school_year", "学年"] {
        let property = &schema["properties"][key];
        assert!(property.is_object(), "{key}: {property}");
    }
    let pattern = schema["$defs"]["SchoolYear"]["pattern"].as_str().unwrap();
    let regex = regex_lite::Regex::new(pattern).unwrap();
    assert!(regex.is_match("2026—2027学年") && !regex.is_match("2026"));
}
