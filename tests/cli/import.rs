//! `unionplan import`: documents of the genre into plan files, and back.

use super::relative;
use super::test::{anything, contains, starts_with, Test};

/// The Chinese characters of a text.
fn han(text: &str) -> Vec<char> {
    text.chars()
        .filter(|c| ('\u{4e00}'..='\u{9fff}').contains(c))
        .collect()
}

/// How many of `a`'s characters `b` has in the same order: their longest common
/// subsequence.
fn in_order(a: &[char], b: &[char]) -> usize {
    let mut row = vec![0usize; b.len() + 1];
    for &x in a {
        let mut diagonal = 0;
        for (j, &y) in b.iter().enumerate() {
            let up = row[j + 1];
            row[j + 1] = if x == y {
                diagonal + 1
            } else {
                row[j + 1].max(row[j])
            };
            diagonal = up;
        }
    }
    row[b.len()]
}

/// Each fixture's plan (text, Markdown, a saved page, Word), and the plain text it renders
/// to: the YAML must load (`render` reads it with the loader, warnings aside) and give the
/// document back, all but the site's words it drops: 97 % of the paragraphs' Chinese
/// characters as the reader finds them, in order.
#[test]
fn every_fixture_imports_and_renders_back() {
    insta::glob!("../fixtures/import", "**/*.{txt,md,html,docx}", |path| {
        let document = relative(path);
        let imported = Test::new()
            .in_repo()
            .args(["import", &document])
            .stdout(anything())
            .stderr(anything())
            .run();
        insta::assert_snapshot!("yaml", imported.stdout);
        let plan = imported.path("plan.yaml");
        std::fs::write(&plan, &imported.stdout).unwrap();
        let rendered = imported
            .again()
            .args(["render", "plan.yaml", "-f", "txt"])
            .stdout(anything())
            .stderr(anything())
            .run();
        insta::assert_snapshot!("txt", rendered.stdout);
        // Every document of the page, each rendered back, against the page.
        let split = rendered
            .again()
            .args([
                "import",
                &format!("{}/{document}", env!("CARGO_MANIFEST_DIR")),
            ])
            .args(["--split", "-o", "split"])
            .stderr(anything())
            .run();
        let said = split.stderr.clone();
        let plans: Vec<String> = (said.lines())
            .filter_map(|l| Some(l.rsplit_once(": lines ")?.0.to_owned()))
            .collect();
        assert!(!plans.is_empty(), "{said}");
        let mut back = String::new();
        let mut again = split.again();
        for plan in plans {
            let shown = (again.args(["render", &plan, "-f", "txt"]))
                .stdout(anything())
                .stderr(anything())
                .run();
            back.push_str(&shown.stdout);
            again = shown.again();
        }
        let bytes = std::fs::read(path).unwrap();
        let kind = unionplan::import::Kind::from_extension(&document).unwrap();
        let blocks = unionplan::import::read(kind, &bytes).unwrap();
        let source: Vec<char> = blocks.iter().flat_map(|b| han(&b.text)).collect();
        let kept = in_order(&source, &han(&back));
        // What import says it dropped as the site's is not asked back.
        let dropped: usize = (said.lines())
            .filter_map(|l| l.split_once("dropped, not part of the plan: "))
            .map(|(_, text)| han(text).len())
            .sum();
        let asked = source.len() - dropped.min(source.len());
        assert!(
            kept * 100 >= asked * 97,
            "{document}: {kept} of {asked} characters came back\n{said}"
        );
    });
}

#[test]
fn the_summary_says_counts_style_corrections_and_drops() {
    Test::new()
        .in_repo()
        .args(["import", "tests/fixtures/import/mistakes.txt", "-o"])
        .arg("-")
        .stdout(anything())
        .stderr(
            "tests/fixtures/import/mistakes.txt: 5 sections, 5 items, 0 months; numbering `一、 1.`\n\
             tests/fixtures/import/mistakes.txt:9: corrected: `2、` is written unlike its level; written `2.`\n\
             tests/fixtures/import/mistakes.txt:11: corrected: `三、` repeats the number before it; numbered `四、`\n\
             tests/fixtures/import/mistakes.txt:12: corrected: `（1）` is written unlike its level; written `1.`\n\
             tests/fixtures/import/mistakes.txt:13: corrected: `(2)` is written unlike its level; written `2.`\n",
        )
        .run();
    Test::new()
        .in_repo()
        .args(["import", "tests/fixtures/import/two-documents.txt", "--lang", "zh"])
        .stdout(contains("组织教职工参加业务培训。").and(
            super::test::like("the second document is not in it", |out| {
                !out.contains("健步走")
            }),
        ))
        .stderr(
            "tests/fixtures/import/two-documents.txt：2 个部分，0 个事项，0 个月份；序号 `一、`\n\
             tests/fixtures/import/two-documents.txt:1：不属于计划，已去掉：学校工会工作计划范文（精选2篇）\n\
             tests/fixtures/import/two-documents.txt:2：不属于计划，已去掉：下面是小编整理的学校工会工作计划，仅供参考。\n\
             tests/fixtures/import/two-documents.txt:4：不属于计划，已去掉：篇一\n\
             tests/fixtures/import/two-documents.txt:10：不属于计划，已去掉：篇二\n\
             tests/fixtures/import/two-documents.txt:15：不属于计划，已去掉：返回首页\n\
             页面上后面还有 1 篇文档：用 `--split -o 文件夹` 逐篇导入\n",
        )
        .run();
}

#[test]
fn split_writes_one_plan_per_document() {
    let ran = Test::new()
        .copy("tests/fixtures/import/two-documents.txt", "page.txt")
        .args([
            "import", "page.txt", "--split", "-o", "plans", "--keys", "en",
        ])
        .stderr(
            starts_with("plans/01-学校工会工作计划.yaml: lines 4–8\n")
                .and(contains("plans/02-学校工会工作计划.yaml: lines 10–14\n")),
        )
        .run();
    let second = ran.read("plans/02-学校工会工作计划.yaml");
    assert!(
        second.starts_with("organization: 学校工会\nsections:\n"),
        "{second}"
    );
    assert!(second.contains("- title: 文体活动\n    body: 组织教职工健步走活动。\n"));
}

#[test]
fn standard_input_and_english_keys() {
    Test::new()
        .args(["import", "-", "--keys", "en"])
        .stdin("城东中学工会2027年工作计划\n一、学习\n组织学习。\n二、维权\n开好教代会。\n")
        .stdout(
            "organization: 城东中学工会\nyear: 2027\nsections:\n  - title: 学习\n    body: 组织学习。\n\
             \x20 - title: 维权\n    body: 开好教代会。\nstyle:\n  numbering: [一、]\n",
        )
        .stderr("<stdin>: 2 sections, 0 items, 0 months; numbering `一、`\n")
        .run();
}

#[test]
fn bad_input_is_refused_by_name_and_nothing_is_written() {
    let cases: [(&str, &[u8], &str); 3] = [
        (
            "empty.txt",
            b"",
            "error: empty.txt: is empty: there is no plan to import\n",
        ),
        (
            "picture.txt",
            b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR",
            "error: picture.txt: is a binary file, not a text: give the document of the plan\n",
        ),
        (
            "plan.docx",
            b"PK\x03\x04rest",
            "error: plan.docx: is not a Word document (.docx): it is not a zip archive\n",
        ),
    ];
    for (name, bytes, said) in cases {
        let ran = Test::new()
            .write(name, bytes)
            .args(["import", name, "-o", "plan.yaml"])
            .status(1)
            .stderr(said)
            .run();
        assert!(!ran.path("plan.yaml").exists(), "{name}");
    }
}

#[test]
fn the_input_is_never_overwritten() {
    let ran = Test::new()
        .write("plan.txt", "一、学习\n组织学习。\n")
        .args(["import", "plan.txt", "-o", "plan.txt"])
        .status(2)
        .stderr(starts_with("error: plan.txt is the plan itself"))
        .run();
    assert_eq!(ran.read("plan.txt"), "一、学习\n组织学习。\n");
}

/// The README's before and after stay true: the text it shows imports to the plan it shows.
#[test]
fn readme_before_and_after() {
    let blocks = super::support::code_blocks(&super::support::readme("README.md"));
    let block = |lang: &str| {
        blocks
            .iter()
            .find(|b| b.heading.starts_with("Bringing in last year's plan") && b.lang == lang)
            .unwrap_or_else(|| panic!("the {lang} block is there"))
            .text
            .clone()
    };
    // The second text block is what it says of the document.
    let said = blocks
        .iter()
        .filter(|b| b.heading.starts_with("Bringing in last year's plan") && b.lang == "text")
        .nth(1)
        .expect("the summary block is there")
        .text
        .clone();
    Test::new()
        .write("2026年工作计划.txt", block("text"))
        .args(["import", "2026年工作计划.txt"])
        .stdout(block("yaml"))
        .stderr(said)
        .run();
}
