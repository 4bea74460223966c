//! The program as its users meet it: the binary on examples and on broken plans.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use pulldown_cmark::{Event, HeadingLevel, Parser, Tag};

#[path = "cli/browser.rs"]
mod browser;
#[path = "cli/templates.rs"]
mod templates;

const FORMATS: [&str; 4] = ["md", "html", "txt", "json"];

fn unionplan(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_unionplan"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("the binary runs")
}

fn stdout(output: &Output) -> String {
    assert!(
        output.status.success(),
        "exit {:?}\n{}",
        output.status.code(),
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout.clone()).expect("output is UTF-8")
}

fn examples() -> Vec<PathBuf> {
    let mut paths: Vec<PathBuf> =
        std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("examples"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
            .collect();
    paths.sort();
    assert!(paths.len() >= 6, "the examples are there");
    paths
}

fn relative(path: &Path) -> String {
    path.strip_prefix(env!("CARGO_MANIFEST_DIR"))
        .unwrap()
        .to_string_lossy()
        .replace('\\', "/")
}

#[test]
fn every_example_in_every_format() {
    insta::glob!("../examples", "*.yaml", |path| {
        for format in FORMATS {
            let output = unionplan(&["render", &relative(path), "-f", format]);
            insta::assert_snapshot!(format!("{format}"), stdout(&output));
        }
    });
}

#[test]
fn rendering_is_deterministic() {
    for path in examples() {
        for format in FORMATS {
            let first = unionplan(&["render", &relative(&path), "-f", format]);
            let second = unionplan(&["render", &relative(&path), "-f", format]);
            assert_eq!(
                first.stdout,
                second.stdout,
                "{} -f {format}",
                path.display()
            );
        }
    }
}

/// What a CommonMark reader makes of the Markdown: the title is the one level-1 heading,
/// each top-level section a level-2 heading, and nothing is a list, quote, HTML, emphasis,
/// code or link.
#[test]
fn markdown_reads_as_headings_and_paragraphs_only() {
    for path in examples() {
        let plan = relative(&path);
        let json: serde_json::Value =
            serde_json::from_str(&stdout(&unionplan(&["render", &plan, "-f", "json"]))).unwrap();
        let markdown = stdout(&unionplan(&["render", &plan, "-f", "md"]));

        let mut h1 = Vec::new();
        let mut h2 = 0;
        let mut in_h1 = false;
        for event in Parser::new(&markdown) {
            match event {
                Event::Start(Tag::Heading { level, .. }) => {
                    in_h1 = level == HeadingLevel::H1;
                    if level == HeadingLevel::H2 {
                        h2 += 1;
                    }
                    assert!(level <= HeadingLevel::H3, "{plan}: heading {level:?}");
                }
                Event::Text(text) if in_h1 => h1.push(text.to_string()),
                Event::End(_) => in_h1 = false,
                Event::Start(Tag::Paragraph) | Event::Text(_) | Event::HardBreak => {}
                Event::SoftBreak => panic!("{plan}: a paragraph spans lines"),
                other => panic!("{plan}: Markdown syntax in the output: {other:?}"),
            }
        }
        assert_eq!(h1.concat(), json["title"].as_str().unwrap(), "{plan}");
        let sections = json["sections"].as_array().unwrap().len();
        assert_eq!(h2, sections, "{plan}: one ## per top-level section");
    }
}

#[test]
fn markdown_escapes_what_would_become_syntax() {
    let plan = "sections:\n\
                - title: \"1. 标题 # 不是 *强调* <b>粗</b>\"\n\
                \x20 body: [\"- 不是列表\", \"> 不是引用\", \"***\", \"[链接](x) `代码` &amp; _下划线_\", \"<script>alert(1)</script>\"]\n";
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("p.yaml");
    std::fs::write(&file, plan).unwrap();
    let markdown = stdout(&unionplan(&["render", file.to_str().unwrap()]));
    let mut texts = String::new();
    for event in Parser::new(&markdown) {
        match event {
            Event::Text(t) => texts.push_str(&t),
            Event::Start(Tag::Heading { .. } | Tag::Paragraph) | Event::End(_) => {}
            other => panic!("Markdown syntax in the output: {other:?}\n{markdown}"),
        }
    }
    for literal in [
        "1. 标题 # 不是 *强调* <b>粗</b>",
        "- 不是列表",
        "> 不是引用",
        "***",
        "[链接](x) `代码` &amp; _下划线_",
        "<script>alert(1)</script>",
    ] {
        assert!(
            texts.contains(literal),
            "{literal} is read back as text:\n{texts}"
        );
    }
}

#[test]
fn html_escapes_content() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("p.yaml");
    std::fs::write(
        &file,
        "title: \"<script>alert('x')</script> & \\\"引号\\\"\"\nsections: [正文]\n",
    )
    .unwrap();
    let html = stdout(&unionplan(&[
        "render",
        file.to_str().unwrap(),
        "-f",
        "html",
    ]));
    assert!(!html.contains("<script>"), "{html}");
    assert!(html
        .contains("&lt;script&gt;alert(&#x27;x&#x27;)&lt;&#x2f;script&gt; &amp; &quot;引号&quot;"));
}

/// Text that would be markup if a renderer took it as such, in every field a template prints.
const HOSTILE: [&str; 16] = [
    "<script>alert('x')</script> & \"引号\"",
    "<b>城东</b>工会 & 'Co'",
    "<img src=x onerror=alert(1)> &amp; &lt; &#x27;",
    "1. 标题 # 不是 *强调* <i>斜</i>",
    "- 不是列表",
    "> 不是引用",
    "***",
    "[链接](http://x) `代码` _下划线_ ~~删除~~ [^1]",
    "| a | b |",
    "<!-- 注释 --></p><p>",
    "<script>alert(2)</script>",
    "\"双引号\" '单引号' & </style>",
    "<em>三八</em> & \"节\"",
    "<http://example.com> \\ 反斜杠 \\*",
    "1) 不是列表",
    "<span>工会</span>",
];

/// A plan that puts [`HOSTILE`] text in every field, numbered with markers that are
/// markup too, written out as a file.
fn hostile_plan(dir: &Path) -> PathBuf {
    let h = HOSTILE;
    let plan = serde_json::json!({
        "title": h[0],
        "organization": h[1],
        "preface": [h[2], h[15]],
        "sections": [{
            "title": h[3],
            "body": [h[4], h[5], h[6], h[7], h[8], h[9]],
            "items": [h[10], {"title": h[11], "body": h[14]}],
            "schedule": [{"month": 3, "items": [h[12]]}],
        }],
        "closing": [h[13]],
        "signature": {"date": "2027-01-05"},
        "style": {"numbering": ["<一>", "(1)&"]},
    });
    let file = dir.join("hostile.yaml");
    // JSON is YAML too.
    std::fs::write(&file, plan.to_string()).unwrap();
    file
}

/// Text as an HTML page must carry it: `<`, `>`, `&`, both quotes and `/` as references.
fn html_text(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#x27;")
        .replace('/', "&#x2f;")
}

#[test]
fn html_escapes_every_field() {
    let dir = tempfile::tempdir().unwrap();
    let plan = hostile_plan(dir.path());
    let html = stdout(&unionplan(&[
        "render",
        plan.to_str().unwrap(),
        "-f",
        "html",
    ]));
    let mut tags: Vec<&str> = html
        .match_indices('<')
        .map(|(at, _)| {
            let rest = &html[at + 1..];
            let end = rest
                .find(|c: char| c.is_whitespace() || c == '>')
                .unwrap_or(rest.len());
            rest[..end].trim_start_matches('/')
        })
        .collect();
    tags.sort_unstable();
    tags.dedup();
    assert_eq!(
        tags,
        [
            "!DOCTYPE", "article", "body", "div", "h1", "h2", "head", "html", "meta", "p", "span",
            "style", "title"
        ],
        "only the template's own elements"
    );
    for text in HOSTILE.iter().chain(&["&lt;一&gt;", "(1)&amp;"]) {
        let escaped = if text.starts_with("&lt;") || text.ends_with("&amp;") {
            text.to_string()
        } else {
            html_text(text)
        };
        assert!(html.contains(&escaped), "{text} is escaped:\n{html}");
    }
}

/// Every field of a plan full of Markdown and HTML reads back as literal text, also with
/// the extensions GitHub-flavoured readers turn on.
#[test]
fn markdown_never_turns_content_into_syntax() {
    use pulldown_cmark::Options;
    let dir = tempfile::tempdir().unwrap();
    let plan = hostile_plan(dir.path());
    let markdown = stdout(&unionplan(&["render", plan.to_str().unwrap(), "-f", "md"]));
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_GFM;
    let mut texts = String::new();
    for event in Parser::new_ext(&markdown, options) {
        match event {
            Event::Text(t) => texts.push_str(&t),
            Event::HardBreak => texts.push('\n'),
            Event::Start(Tag::Heading { .. } | Tag::Paragraph) | Event::End(_) => {}
            other => panic!("Markdown syntax in the output: {other:?}\n{markdown}"),
        }
    }
    for text in HOSTILE.iter().chain(&["<一>", "(1)&"]) {
        assert!(texts.contains(text), "{text} reads back as text:\n{texts}");
    }
}

#[test]
fn format_follows_the_output_extension() {
    let dir = tempfile::tempdir().unwrap();
    for (name, starts) in [
        ("p.html", "<!DOCTYPE html>"),
        ("p.md", "# "),
        ("p.txt", "\u{3000}"),
        ("p.json", "{"),
    ] {
        let out = dir.path().join(name);
        let output = unionplan(&[
            "render",
            "examples/annual-plan.yaml",
            "-o",
            out.to_str().unwrap(),
        ]);
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        assert!(output.stdout.is_empty());
        let written = std::fs::read_to_string(&out).unwrap();
        assert!(
            written.starts_with(starts),
            "{name}: {}",
            &written[..40.min(written.len())]
        );
    }
}

#[test]
fn reads_standard_input() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_unionplan"))
        .args(["render", "-", "-f", "txt"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all("单位: 城东中学工会\n年度: 2027\n指导思想: 以学习为先。\n".as_bytes())
        .unwrap();
    let output = child.wait_with_output().unwrap();
    assert_eq!(
        stdout(&output),
        "\u{3000}\u{3000}\u{3000}\u{3000}\u{3000}\u{3000}\u{3000}城东中学工会2027年工作计划\n\n\
         \u{3000}\u{3000}一、指导思想\n\u{3000}\u{3000}以学习为先。\n"
    );
}

#[test]
fn a_failed_render_leaves_the_output_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("plan.html");
    std::fs::write(&out, "published version").unwrap();
    let output = unionplan(&[
        "render",
        "tests/fixtures/invalid/month-13.yaml",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "published version");
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        1,
        "no temporary file left"
    );
}

#[test]
fn output_naming_the_plan_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("plan.yaml");
    std::fs::write(&plan, "sections: [正文]\n").unwrap();
    let output = unionplan(&[
        "render",
        plan.to_str().unwrap(),
        "-f",
        "md",
        "-o",
        plan.to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        std::fs::read_to_string(&plan).unwrap(),
        "sections: [正文]\n"
    );
}

#[test]
fn invalid_plans_name_the_place() {
    insta::glob!("fixtures/invalid", "*.yaml", |path| {
        let output = unionplan(&["render", &relative(path)]);
        let report = format!(
            "exit: {:?}\nstdout: {:?}\n--- stderr\n{}",
            output.status.code(),
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
        insta::assert_snapshot!(report);
    });
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(unionplan(&["render"]).status.code(), Some(2));
    assert_eq!(
        unionplan(&["render", "examples/annual-plan.yaml", "-f", "pdf"])
            .status
            .code(),
        Some(2)
    );
    let output = unionplan(&["render", "examples/annual-plan.yaml", "-o", "plan.doc"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("-f md, html, txt or json"));
}

/// The README shows a plan and its plain-text rendering: they must stay true.
#[test]
fn readme_example_renders_as_shown() {
    let readme =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    let block = |fence: &str, nth: usize| -> String {
        let start = readme
            .match_indices(fence)
            .nth(nth)
            .expect("the block is there")
            .0
            + fence.len();
        let end = start + readme[start..].find("```").unwrap();
        readme[start..end].to_owned()
    };
    let plan = block("```yaml\n", 0);
    let shown = block("```text\n", 1);
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("readme.yaml");
    std::fs::write(&file, plan).unwrap();
    assert_eq!(
        stdout(&unionplan(&["render", file.to_str().unwrap(), "-f", "txt"])),
        shown
    );
}
