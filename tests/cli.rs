//! The program as its users meet it: the binary on examples and on broken plans.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use pulldown_cmark::{Event, HeadingLevel, Parser, Tag};

#[path = "cli/browser.rs"]
mod browser;
#[path = "cli/content.rs"]
mod content;
#[path = "cli/docx.rs"]
mod docx;
#[path = "cli/in_process.rs"]
mod in_process;
#[path = "cli/output_paths.rs"]
mod output_paths;
#[path = "cli/resources.rs"]
mod resources;
#[path = "cli/support.rs"]
mod support;
#[path = "cli/templates.rs"]
mod templates;
#[path = "cli/tools.rs"]
mod tools;
#[path = "cli/watch_and_links.rs"]
mod watch_and_links;

const FORMATS: [&str; 4] = ["md", "html", "txt", "json"];

fn unionplan(args: &[&str]) -> Output {
    support::unionplan_in(Path::new(env!("CARGO_MANIFEST_DIR")), args)
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

/// A part of the sections in the render context (`-f json`): a section or item, or one
/// month of a schedule.
enum Part<'a> {
    Node(&'a serde_json::Value),
    Month(&'a serde_json::Value),
}

/// The nodes and months of the context's sections in the order a document prints them: a
/// node, the nodes under it, then each month of its schedule followed by the month's items.
fn sections_in_order(view: &serde_json::Value) -> Vec<Part<'_>> {
    fn walk<'a>(node: &'a serde_json::Value, out: &mut Vec<Part<'a>>) {
        out.push(Part::Node(node));
        for item in node["items"].as_array().unwrap() {
            walk(item, out);
        }
        for month in node["schedule"].as_array().unwrap() {
            out.push(Part::Month(month));
            for item in month["items"].as_array().unwrap() {
                walk(item, out);
            }
        }
    }
    let mut out = Vec::new();
    for section in view["sections"].as_array().unwrap() {
        walk(section, &mut out);
    }
    out
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

#[cfg(unix)]
#[test]
fn output_that_is_the_plan_under_another_name_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("plan.yaml");
    std::fs::write(&plan, "sections: [正文]\n").unwrap();
    std::os::unix::fs::symlink(&plan, dir.path().join("link.yaml")).unwrap();
    std::fs::hard_link(&plan, dir.path().join("hard.yaml")).unwrap();
    for input in ["link.yaml", "hard.yaml"] {
        let output = run_in(
            dir.path(),
            &["render", input, "-f", "md", "-o", "plan.yaml"],
        );
        assert_eq!(
            output.status.code(),
            Some(2),
            "{input}: {}",
            report(&output)
        );
    }
    assert_eq!(
        std::fs::read_to_string(&plan).unwrap(),
        "sections: [正文]\n"
    );
}

#[test]
fn output_dash_is_standard_output() {
    let output = unionplan(&[
        "render",
        "examples/annual-plan.yaml",
        "-f",
        "txt",
        "-o",
        "-",
    ]);
    assert!(stdout(&output).contains("城东中学工会2027年工作计划"));
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
    assert!(String::from_utf8_lossy(&output.stderr).contains("-f md, html, txt, json or docx"));
}

/// The README shows a plan and its plain-text rendering: they must stay true.
#[test]
fn readme_example_renders_as_shown() {
    let readme =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    let section = &readme[readme
        .find("### With English keys")
        .expect("the example is there")..];
    let block = |fence: &str| -> String {
        let start = section.find(fence).expect("the block is there") + fence.len();
        let end = start + section[start..].find("```").unwrap();
        section[start..end].to_owned()
    };
    let plan = block("```yaml\n");
    let shown = block("```text\n");
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("readme.yaml");
    std::fs::write(&file, plan).unwrap();
    assert_eq!(
        stdout(&unionplan(&["render", file.to_str().unwrap(), "-f", "txt"])),
        shown
    );
}

fn report(output: &Output) -> String {
    format!(
        "exit: {:?}\nstdout: {:?}\n--- stderr\n{}",
        output.status.code(),
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

/// One fixture per error class and per lint: what `check` prints and its exit code.
#[test]
fn check_reports_every_problem_with_its_place() {
    insta::glob!("fixtures", "*/*.yaml", |path| {
        insta::assert_snapshot!(report(&unionplan(&["check", &relative(path)])));
    });
}

#[test]
fn examples_pass_strict_checking() {
    let mut args = vec!["check".to_owned(), "--strict".to_owned()];
    args.extend(examples().iter().map(|p| relative(p)));
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let output = unionplan(&args);
    assert_eq!(output.status.code(), Some(0), "{}", report(&output));
    assert!(output.stderr.is_empty(), "{}", report(&output));
}

#[test]
fn strict_turns_warnings_into_errors() {
    let plan = "tests/fixtures/lint/festival-date.yaml";
    let lenient = unionplan(&["check", plan]);
    assert_eq!(lenient.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&lenient.stderr).starts_with("warning: "));
    let strict = unionplan(&["check", "--strict", plan]);
    assert_eq!(strict.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&strict.stderr).starts_with("error: "));
}

#[test]
fn check_reports_json_lines() {
    let output = unionplan(&[
        "check",
        "--format",
        "json",
        "tests/fixtures/lint/months-period.yaml",
    ]);
    let lines: Vec<serde_json::Value> = String::from_utf8(output.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is a JSON object"))
        .collect();
    let places: Vec<(u64, u64, &str)> = lines
        .iter()
        .map(|d| {
            (
                d["line"].as_u64().unwrap(),
                d["column"].as_u64().unwrap(),
                d["severity"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        places,
        [(6, 12, "warning"), (10, 12, "warning"), (12, 12, "warning")]
    );
    assert_eq!(lines[0]["path"], "tests/fixtures/lint/months-period.yaml");
}

#[test]
fn render_warns_but_renders() {
    let output = unionplan(&[
        "render",
        "tests/fixtures/lint/festival-date.yaml",
        "-f",
        "txt",
    ]);
    assert!(stdout(&output).contains("“5.13”护士节"));
    assert!(String::from_utf8_lossy(&output.stderr).contains("护士节 is on 5月12日"));
}

#[test]
fn gbk_is_read_with_a_warning_and_bom_crlf_silently() {
    let gbk = unionplan(&["render", "tests/fixtures/lint/gbk.yaml", "-f", "txt"]);
    let bom = unionplan(&["render", "tests/fixtures/lint/bom-crlf.yaml", "-f", "txt"]);
    assert_eq!(stdout(&gbk), stdout(&bom), "both read as the same plan");
    assert!(stdout(&bom).contains("城东中学工会2027年工作计划"));
    assert!(String::from_utf8_lossy(&gbk.stderr).contains("encoded as GBK"));
    assert!(bom.stderr.is_empty(), "{}", report(&bom));
}

/// Hostile input: each gets an error, never a crash or a hang.
#[test]
fn hostile_input_gets_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, bytes: &[u8]| {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        path.to_str().unwrap().to_owned()
    };
    let mut deep = String::from("sections:\n");
    for level in 1..1000 {
        deep.push_str(&"  ".repeat(level));
        deep.push_str("- items:\n");
    }
    let flow = format!("sections: {}", "[{items: ".repeat(1000));
    let line = "  - 组织教职工积极参与学校民主管理，为学校的发展献计献策。\n";
    let large = format!("sections:\n{}", line.repeat((17 << 20) / line.len() + 1));
    let cases = [
        (write("deep.yaml", deep.as_bytes()), "nests too deeply"),
        (write("flow.yaml", flow.as_bytes()), "nests too deeply"),
        (write("large.yaml", large.as_bytes()), "larger than 16 MiB"),
        (
            write("binary.yaml", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"),
            "binary file",
        ),
        (
            write("latin.yaml", b"organization: \xff\xfe\xfd\xfc\n"),
            "cannot be read as text",
        ),
        (
            "tests/fixtures/invalid/alias-bomb.yaml".to_owned(),
            "an alias counts as all it repeats",
        ),
    ];
    for (path, expected) in cases {
        for command in ["check", "render"] {
            let output = unionplan(&[command, &path]);
            assert_eq!(
                output.status.code(),
                Some(1),
                "{command} {path}: {}",
                report(&output)
            );
            let stderr = String::from_utf8_lossy(&output.stderr);
            assert!(stderr.contains(expected), "{command} {path}: {stderr}");
            assert!(!stderr.contains("panicked"), "{stderr}");
        }
    }
}

#[test]
fn schema_lists_keys_in_both_languages() {
    let schema: serde_json::Value = serde_json::from_str(&stdout(&unionplan(&["schema"]))).unwrap();
    for key in [
        "organization",
        "单位",
        "sections",
        "正文",
        "schedule",
        "具体工作安排",
    ] {
        assert!(schema["properties"].get(key).is_some(), "{key}");
    }
    assert_eq!(schema["additionalProperties"], false);
}

/// A folder of plans as a county union keeps them.
fn plans_folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("plans")).unwrap();
    for name in [
        "annual-plan.yaml",
        "hospital-plan.yaml",
        "half-year-summary.yaml",
    ] {
        std::fs::copy(
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("examples")
                .join(name),
            dir.path().join("plans").join(name),
        )
        .unwrap();
    }
    dir
}

fn run_in(dir: &Path, args: &[&str]) -> Output {
    support::unionplan_in(dir, args).output().unwrap()
}

fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map(|d| {
            d.map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

#[test]
fn batch_renders_a_folder_in_every_format_and_matches_single_renders() {
    let dir = plans_folder();
    let output = run_in(
        dir.path(),
        &["render", "plans", "-f", "md,html,txt", "--out-dir", "out"],
    );
    assert_eq!(output.status.code(), Some(0), "{}", report(&output));
    assert_eq!(names(&dir.path().join("out")).len(), 9);
    let single = run_in(
        dir.path(),
        &["render", "plans/hospital-plan.yaml", "-f", "html"],
    );
    assert_eq!(
        std::fs::read(dir.path().join("out/hospital-plan.html")).unwrap(),
        single.stdout
    );
}

#[test]
fn batch_goes_on_past_an_invalid_plan_and_names_it() {
    let dir = plans_folder();
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/invalid/month-13.yaml"),
        dir.path().join("plans/broken.yaml"),
    )
    .unwrap();
    let output = run_in(
        dir.path(),
        &["render", "plans", "-f", "md,txt", "--out-dir", "out"],
    );
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        names(&dir.path().join("out")),
        [
            "annual-plan.md",
            "annual-plan.txt",
            "half-year-summary.md",
            "half-year-summary.txt",
            "hospital-plan.md",
            "hospital-plan.txt"
        ]
    );
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("plans/broken.yaml:5:9"), "{stderr}");
    assert!(
        stderr.contains("1 of 4 plans failed: plans/broken.yaml"),
        "{stderr}"
    );
}

#[test]
fn unchanged_outputs_are_not_rewritten() {
    let dir = plans_folder();
    let render = || {
        run_in(
            dir.path(),
            &["render", "plans", "-f", "md,html", "--out-dir", "out"],
        )
    };
    assert!(render().status.success());
    let file = dir.path().join("out/annual-plan.html");
    let long_ago =
        std::time::SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(1_000_000_000);
    std::fs::File::options()
        .write(true)
        .open(&file)
        .unwrap()
        .set_modified(long_ago)
        .unwrap();
    let output = render();
    assert!(String::from_utf8_lossy(&output.stderr).contains("0 written, 6 unchanged"));
    assert_eq!(
        std::fs::metadata(&file).unwrap().modified().unwrap(),
        long_ago
    );
}

#[test]
fn check_finds_fresh_stale_and_missing_outputs() {
    let dir = plans_folder();
    let args = ["render", "plans", "-f", "md,html", "--out-dir", "out"];
    let check = [
        "render",
        "plans",
        "-f",
        "md,html",
        "--out-dir",
        "out",
        "--check",
    ];
    assert!(run_in(dir.path(), &args).status.success());

    let fresh = run_in(dir.path(), &check);
    assert_eq!(fresh.status.code(), Some(0), "{}", report(&fresh));
    assert!(fresh.stdout.is_empty());

    let plan = dir.path().join("plans/annual-plan.yaml");
    let text = std::fs::read_to_string(&plan)
        .unwrap()
        .replace("城东中学工会将", "城东中学工会要");
    std::fs::write(&plan, text).unwrap();
    std::fs::remove_file(dir.path().join("out/hospital-plan.html")).unwrap();
    let before = names(&dir.path().join("out"));

    let stale = run_in(dir.path(), &check);
    assert_eq!(stale.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&stale.stdout);
    assert!(stdout.contains("stale: out/annual-plan.md"), "{stdout}");
    assert!(stdout.contains("\n-新的一年，城东中学工会将"), "{stdout}");
    assert!(stdout.contains("\n+新的一年，城东中学工会要"), "{stdout}");
    assert!(
        stdout.contains("missing: out/hospital-plan.html"),
        "{stdout}"
    );
    assert!(!stdout.contains("half-year-summary"), "{stdout}");
    assert_eq!(
        names(&dir.path().join("out")),
        before,
        "--check writes nothing"
    );
}

#[test]
fn outputs_with_the_same_name_are_refused_before_writing() {
    let dir = plans_folder();
    std::fs::create_dir(dir.path().join("more")).unwrap();
    std::fs::copy(
        dir.path().join("plans/annual-plan.yaml"),
        dir.path().join("more/annual-plan.yaml"),
    )
    .unwrap();
    let output = run_in(dir.path(), &["render", "plans", "more", "--out-dir", "out"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("would both be written to"));
    assert!(names(&dir.path().join("out")).is_empty());
}

#[test]
fn several_plans_or_formats_need_a_folder() {
    let dir = plans_folder();
    assert_eq!(
        run_in(dir.path(), &["render", "plans"]).status.code(),
        Some(2)
    );
    let output = run_in(
        dir.path(),
        &["render", "plans/annual-plan.yaml", "-f", "md,html"],
    );
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("--out-dir"));
}

#[cfg(unix)]
#[test]
fn watch_renders_on_change_and_stops_on_ctrl_c() {
    let dir = plans_folder();
    let mut watcher = support::Watcher::start(
        dir.path(),
        &[
            "render",
            "plans/annual-plan.yaml",
            "-o",
            "out.txt",
            "--watch",
        ],
    );
    watcher.wait_for_text("watching");
    assert!(std::fs::read_to_string(dir.path().join("out.txt"))
        .unwrap()
        .contains("一、指导思想"));
    let plan = dir.path().join("plans/annual-plan.yaml");
    let text = std::fs::read_to_string(&plan)
        .unwrap()
        .replace("城东中学工会将", "城东中学工会要");
    std::fs::write(&plan, text).unwrap();
    watcher.wait_for_text("rendered plans/annual-plan.yaml");
    assert!(std::fs::read_to_string(dir.path().join("out.txt"))
        .unwrap()
        .contains("城东中学工会要"));
    assert!(watcher.interrupt().1, "Ctrl-C ends the watch cleanly");
}

#[cfg(unix)]
#[test]
fn watch_renders_again_when_a_template_changes() {
    let dir = plans_folder();
    assert!(run_in(dir.path(), &["templates", "eject", "tpl"])
        .status
        .success());
    let mut watcher = support::Watcher::start(
        dir.path(),
        &[
            "render",
            "plans/annual-plan.yaml",
            "-o",
            "out.txt",
            "--templates",
            "tpl",
            "--watch",
        ],
    );
    watcher.wait_for_text("watching");
    let signature = dir.path().join("tpl/signature.txt");
    let text = std::fs::read_to_string(&signature).unwrap();
    std::fs::write(&signature, format!("{text}（盖章）\n")).unwrap();
    watcher.wait_for_text("rendered plans/annual-plan.yaml");
    assert!(std::fs::read_to_string(dir.path().join("out.txt"))
        .unwrap()
        .contains("（盖章）"));
    assert!(watcher.interrupt().1);
}
