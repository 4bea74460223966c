//! What a plan or a template can cost the machine: the node bound, tags, the alignment
//! filters and the cap on a template's output.

use std::path::Path;

use super::{run_in, stdout, unionplan};

/// The bound of `src/load/bound.rs`, as the message prints it.
const BOUND: &str = "250,000";
const MAX_NODES: usize = 250_000;

fn path(p: &Path) -> &str {
    p.to_str().expect("temporary paths are UTF-8")
}

/// Runs `args` in `dir`, expecting a refusal; gives standard error.
fn refused(dir: &Path, args: &[&str]) -> String {
    let output = run_in(dir, args);
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert_eq!(output.status.code(), Some(1), "{args:?}: {stderr}");
    assert!(output.stdout.is_empty(), "{args:?}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    stderr
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
    let dir = tempfile::tempdir().unwrap();
    // 8.3 million items in 15.8 MiB, under the 16 MiB limit on files.
    let text = flat_plan(8_300_000);
    assert!(text.len() < 16 << 20);
    std::fs::write(dir.path().join("flood.yaml"), &text).unwrap();
    for args in [
        &["check", "flood.yaml"][..],
        &["render", "flood.yaml", "-f", "docx", "-o", "flood.docx"],
        &["render", "flood.yaml", "-f", "txt"],
    ] {
        let stderr = refused(dir.path(), args);
        // The 249,998th item is the 250,001st node: column 12 + 2 × 249,997.
        let column = 12 + 2 * (MAX_NODES - 3);
        assert!(
            stderr.starts_with(&format!(
                "error: flood.yaml:1:{column}: the plan holds more than {BOUND} keys, values and items"
            )),
            "{stderr}"
        );
        assert!(
            stderr.contains("split the plan into several files"),
            "{stderr}"
        );
    }
    assert!(!dir.path().join("flood.docx").exists());
}

#[test]
fn aliases_count_as_all_they_repeat() {
    let dir = tempfile::tempdir().unwrap();
    // 200 aliases to one section of 10,000 items: a 25 KB file.
    let mut text = format!(
        "organization: 城东中学工会\nsections:\n  - &big {{title: 甲, items: [{}]}}\n",
        "x,".repeat(10_000)
    );
    for _ in 0..200 {
        text.push_str("  - *big\n");
    }
    assert!(text.len() < 25_000);
    std::fs::write(dir.path().join("aliases.yaml"), &text).unwrap();
    for args in [
        &["check", "aliases.yaml"][..],
        &["render", "aliases.yaml", "-f", "docx", "-o", "aliases.docx"],
    ] {
        let stderr = refused(dir.path(), args);
        // Five nodes before the section, which holds 10,005 (the mapping, two keys, the title,
        // the list and its items): the 24th alias passes the bound, on line 3 + 24.
        assert!(
            stderr.starts_with(&format!(
                "error: aliases.yaml:27:5: the plan holds more than {BOUND} keys, values and \
                 items (an alias counts as all it repeats)"
            )),
            "{stderr}"
        );
    }
}

#[test]
fn a_plan_at_the_bound_renders_in_every_format_and_one_more_node_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("at.yaml"), flat_plan(MAX_NODES - 3)).unwrap();
    std::fs::write(dir.path().join("over.yaml"), flat_plan(MAX_NODES - 2)).unwrap();
    let output = run_in(
        dir.path(),
        &[
            "render",
            "at.yaml",
            "-f",
            "md,html,txt,json,docx",
            "--out-dir",
            "out",
        ],
    );
    assert!(output.status.success(), "{output:?}");
    for format in ["md", "html", "txt", "json", "docx"] {
        let written = std::fs::metadata(dir.path().join("out").join(format!("at.{format}")));
        assert!(written.unwrap().len() > 100_000, "{format}");
    }
    let text = std::fs::read_to_string(dir.path().join("out/at.txt")).unwrap();
    assert_eq!(text.matches('a').count(), MAX_NODES - 3);
    // Templates of one's own have fuel enough for it too.
    let ejected = run_in(dir.path(), &["templates", "eject", "t"]);
    assert!(ejected.status.success(), "{ejected:?}");
    let output = run_in(
        dir.path(),
        &[
            "render",
            "at.yaml",
            "-f",
            "html",
            "--templates",
            "t",
            "-o",
            "t.html",
        ],
    );
    assert!(output.status.success(), "{output:?}");
    assert_eq!(
        std::fs::read(dir.path().join("t.html")).unwrap(),
        std::fs::read(dir.path().join("out/at.html")).unwrap()
    );

    let stderr = refused(dir.path(), &["render", "over.yaml", "-f", "md"]);
    let column = 12 + 2 * (MAX_NODES - 3);
    assert!(
        stderr.starts_with(&format!(
            "error: over.yaml:1:{column}: the plan holds more than {BOUND}"
        )),
        "{stderr}"
    );
}

#[test]
fn tags_are_refused_where_they_stand() {
    let dir = tempfile::tempdir().unwrap();
    for (value, tag, column) in [
        ("!!binary 5Lit5paH", "!!binary", 15),
        ("!!str 2027", "!!str", 15),
        ("&org !custom 城东", "!custom", 20),
    ] {
        std::fs::write(
            dir.path().join("tagged.yaml"),
            format!("organization: {value}\nsections: [甲]\n"),
        )
        .unwrap();
        for command in ["check", "render"] {
            let stderr = refused(dir.path(), &[command, "tagged.yaml"]);
            assert!(
                stderr.starts_with(&format!(
                    "error: tagged.yaml:1:{column}: tags (`{tag}`) are not part of the plan format"
                )),
                "{stderr}"
            );
            assert!(
                stderr.contains("remove the tag, and put the value in quotes if it must stay text"),
                "{stderr}"
            );
        }
    }
    // A `!` in a value is text.
    std::fs::write(
        dir.path().join("plain.yaml"),
        "organization: 城东!\nsections: [\"!甲\"]\n",
    )
    .unwrap();
    assert!(stdout(&run_in(dir.path(), &["render", "plain.yaml", "-f", "txt"])).contains("!甲"));
}

/// A templates folder whose plan.txt is `template`, and the failing render's standard error.
fn render_with_txt_template(template: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("t")).unwrap();
    std::fs::write(dir.path().join("t/plan.txt"), template).unwrap();
    let plan = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/annual-plan.yaml");
    let templates = dir.path().join("t");
    let output = unionplan(&[
        "render",
        path(&plan),
        "-f",
        "txt",
        "--templates",
        path(&templates),
    ]);
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(output.stdout.is_empty());
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(
        stderr.contains(path(&templates.join("plan.txt"))),
        "{stderr}"
    );
    stderr
}

#[test]
fn alignment_wider_than_a_line_can_be_is_a_template_error() {
    for template in [
        "第一行\n{{ \"x\"|align_right(18446744073709551615) }}\n",
        "第一行\n{{ \"x\"|align_center(100000000000) }}\n",
        "第一行\n{{ title|align_center(1001) }}\n",
    ] {
        let stderr = render_with_txt_template(template);
        assert!(stderr.contains("line 2"), "{stderr}");
        assert!(
            stderr.contains("a line is at most 1000 characters wide"),
            "{stderr}"
        );
    }
}

#[test]
fn a_template_writes_at_most_256_mib() {
    let stderr = render_with_txt_template(
        "{% set s = \"x\" * 100000000 %}{% for i in range(3) %}{{ s }}{% endfor %}",
    );
    assert!(
        stderr.contains("makes more than 256 MiB of output"),
        "{stderr}"
    );
}

/// The bound is counted on the events serde reads: a line that another YAML reader would
/// refuse (a comment straight after a quote, a flow list going on at the margin) does not
/// switch it off.
#[test]
fn the_bound_and_the_tag_rule_hold_where_yaml_readers_differ() {
    let dir = tempfile::tempdir().unwrap();
    for (name, first) in [
        ("comment", "organization: \"甲\"#注\n"),
        ("flow", "goals: [\n甲]\n"),
    ] {
        let tagged = format!("{first}sections:\n  - title: 好\n    body: !!binary 5Lit5paH\n");
        std::fs::write(dir.path().join(format!("{name}-tag.yaml")), tagged).unwrap();
        let stderr = refused(
            dir.path(),
            &["render", &format!("{name}-tag.yaml"), "-f", "txt"],
        );
        assert!(
            stderr.contains("tags (`!!binary`) are not part of the plan format"),
            "{stderr}"
        );
        let flood = format!("{first}{}", flat_plan(MAX_NODES));
        std::fs::write(dir.path().join(format!("{name}-flood.yaml")), flood).unwrap();
        let stderr = refused(dir.path(), &["check", &format!("{name}-flood.yaml")]);
        assert!(
            stderr.contains(&format!("the plan holds more than {BOUND} keys")),
            "{stderr}"
        );
    }
}
