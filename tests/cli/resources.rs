//! What a plan or a template can cost the machine: the node bound, tags, the alignment
//! filters and the cap on a template's output.

use std::path::Path;

use super::test::{contains, like, starts_with, Expected, Test};
use super::with_templates;

/// The bound of `src/load/bound.rs`, as the message prints it.
const BOUND: &str = "250,000";
const MAX_NODES: usize = 250_000;

/// A refusal starting with `start`, never a panic.
fn refusal(start: String) -> Expected {
    starts_with(start).and(like("no panic", |stderr| !stderr.contains("panicked")))
}

/// A plan of one-letter sections, `n` of them, on one line: `3 + n` nodes.
fn flat_plan(n: usize) -> String {
    let mut text = String::with_capacity(12 + 2 * n);
    text.push_str("sections: [");
    for _ in 0..n {
        text.push_str("a,");
    }
    text.push_str("]\n");
    text
}

#[test]
fn a_flood_of_items_within_the_file_limit_is_refused_at_once() {
    // 8.3 million items in 15.8 MiB, under the 16 MiB limit on files.
    let text = flat_plan(8_300_000);
    assert!(text.len() < 16 << 20);
    let mut next = Test::new().write("flood.yaml", &text);
    for args in [
        &["check", "flood.yaml"][..],
        &["render", "flood.yaml", "-f", "docx", "-o", "flood.docx"],
        &["render", "flood.yaml", "-f", "txt"],
    ] {
        // The 249,998th item is the 250,001st node: column 12 + 2 × 249,997.
        let column = 12 + 2 * (MAX_NODES - 3);
        let refused = next
            .args(args)
            .status(1)
            .stderr(
                refusal(format!(
                    "error: flood.yaml:1:{column}: the plan holds more than {BOUND} keys, values \
                     and items"
                ))
                .and(contains("split the plan into several files")),
            )
            .run();
        assert!(!refused.path("flood.docx").exists());
        next = refused.again();
    }
}

#[test]
fn aliases_count_as_all_they_repeat() {
    // 200 aliases to one section of 10,000 items: a 25 KB file.
    let mut text = format!(
        "organization: 城东中学工会\nsections:\n  - &big {{title: 甲, items: [{}]}}\n",
        "x,".repeat(10_000)
    );
    for _ in 0..200 {
        text.push_str("  - *big\n");
    }
    assert!(text.len() < 25_000);
    let mut next = Test::new().write("aliases.yaml", &text);
    for args in [
        &["check", "aliases.yaml"][..],
        &["render", "aliases.yaml", "-f", "docx", "-o", "aliases.docx"],
    ] {
        // Five nodes before the section, which holds 10,005 (the mapping, two keys, the title,
        // the list and its items): the 24th alias passes the bound, on line 3 + 24.
        next = next
            .args(args)
            .status(1)
            .stderr(refusal(format!(
                "error: aliases.yaml:27:5: the plan holds more than {BOUND} keys, values and \
                 items (an alias counts as all it repeats)"
            )))
            .run()
            .again();
    }
}

#[test]
fn a_plan_at_the_bound_renders_in_every_format_and_one_more_node_is_refused() {
    let formats = ["md", "html", "txt", "json", "docx"];
    let at = Test::new()
        .write("at.yaml", flat_plan(MAX_NODES - 3))
        .write("over.yaml", flat_plan(MAX_NODES - 2))
        .args([
            "render",
            "at.yaml",
            "-f",
            &formats.join(","),
            "--out-dir",
            "out",
        ])
        .stderr("5 written, 0 unchanged\n")
        .run();
    for format in formats {
        let written = std::fs::metadata(at.path("out").join(format!("at.{format}")));
        assert!(written.unwrap().len() > 100_000, "{format}");
    }
    assert_eq!(at.read("out/at.txt").matches('a').count(), MAX_NODES - 3);
    // Templates of one's own have fuel enough for it too.
    let own = at
        .again()
        .args(["templates", "eject", "t"])
        .stderr(format!(
            "wrote {} templates into t; render with --templates t\n",
            std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("templates"))
                .unwrap()
                .count()
        ))
        .run()
        .again()
        .args([
            "render",
            "at.yaml",
            "-f",
            "html",
            "--templates",
            "t",
            "-o",
            "t.html",
        ])
        .run();
    assert_eq!(
        std::fs::read(own.path("t.html")).unwrap(),
        std::fs::read(own.path("out/at.html")).unwrap()
    );

    let column = 12 + 2 * (MAX_NODES - 3);
    own.again()
        .args(["render", "over.yaml", "-f", "md"])
        .status(1)
        .stderr(refusal(format!(
            "error: over.yaml:1:{column}: the plan holds more than {BOUND}"
        )))
        .run();
}

#[test]
fn tags_are_refused_where_they_stand() {
    for (value, tag, column) in [
        ("!!binary 5Lit5paH", "!!binary", 15),
        ("!!str 2027", "!!str", 15),
        ("&org !custom 城东", "!custom", 20),
    ] {
        let line = format!("organization: {value}");
        let mut next = Test::new().write("tagged.yaml", format!("{line}\nsections: [甲]\n"));
        for command in ["check", "render"] {
            next = next
                .args([command, "tagged.yaml"])
                .status(1)
                .stderr(format!(
                    "error: tagged.yaml:1:{column}: tags (`{tag}`) are not part of the plan \
                     format\n  |\n1 | {line}\n  | {}{} remove the tag, and put the value in \
                     quotes if it must stay text\n",
                    " ".repeat(column - 1),
                    "^".repeat(tag.len())
                ))
                .run()
                .again();
        }
    }
    // A `!` in a value is text.
    Test::new()
        .write("plain.yaml", "organization: 城东!\nsections: [\"!甲\"]\n")
        .args(["render", "plain.yaml", "-f", "txt"])
        .stdout(contains("!甲"))
        .run();
}

/// A render of the annual plan with a templates folder whose plan.txt is `template`: it
/// fails with `message` about that file.
fn render_with_txt_template(template: &str, message: &str) {
    with_templates(Test::new().write("t/plan.txt", template), "txt")
        .status(1)
        .stderr(format!("error: template `t/plan.txt`{message}\n"))
        .run();
}

#[test]
fn alignment_wider_than_a_line_can_be_is_a_template_error() {
    for (template, call) in [
        (
            "第一行\n{{ \"x\"|align_right(18446744073709551615) }}\n",
            "align_right(18446744073709551615)",
        ),
        (
            "第一行\n{{ \"x\"|align_center(100000000000) }}\n",
            "align_center(100000000000)",
        ),
        (
            "第一行\n{{ title|align_center(1001) }}\n",
            "align_center(1001)",
        ),
    ] {
        render_with_txt_template(
            template,
            &format!(
                " line 2: {call}: a line is at most 1000 characters wide (28 on the GB/T 9704 page)"
            ),
        );
    }
}

#[test]
fn a_template_writes_at_most_256_mib() {
    render_with_txt_template(
        "{% set s = \"x\" * 100000000 %}{% for i in range(3) %}{{ s }}{% endfor %}",
        ": makes more than 256 MiB of output, far beyond any plan's document: check the \
         template's loops",
    );
}

/// The bound is counted on the events serde reads: a line that another YAML reader would
/// refuse (a comment straight after a quote, a flow list going on at the margin) does not
/// switch it off.
#[test]
fn the_bound_and_the_tag_rule_hold_where_yaml_readers_differ() {
    for first in ["organization: \"甲\"#注\n", "goals: [\n甲]\n"] {
        let tagged = format!("{first}sections:\n  - title: 好\n    body: !!binary 5Lit5paH\n");
        let flood = format!("{first}{}", flat_plan(MAX_NODES));
        let line = first.lines().count() + 3;
        Test::new()
            .write("tag.yaml", tagged)
            .write("flood.yaml", flood)
            .args(["render", "tag.yaml", "-f", "txt"])
            .status(1)
            .stderr(refusal(format!(
                "error: tag.yaml:{line}:11: tags (`!!binary`) are not part of the plan format\n"
            )))
            .run()
            .again()
            .args(["check", "flood.yaml"])
            .status(1)
            .stderr(
                refusal(format!("error: flood.yaml:{}:", first.lines().count() + 1))
                    .and(contains(format!("the plan holds more than {BOUND} keys"))),
            )
            .run();
    }
}
