//! The program as its users meet it: the binary on examples and on broken plans.

use std::path::{Path, PathBuf};
use std::process::Output;

use pulldown_cmark::{Event, HeadingLevel, Parser, Tag};

use test::{anything, contains, like, starts_with, Test};

#[path = "cli/architecture.rs"]
mod architecture;
#[path = "cli/browser.rs"]
mod browser;
#[path = "cli/checking.rs"]
mod checking;
#[path = "cli/content.rs"]
mod content;
#[path = "cli/docx.rs"]
mod docx;
#[path = "cli/drafting_init.rs"]
mod drafting_init;
#[path = "cli/drafting_members.rs"]
mod drafting_members;
#[path = "cli/drafting_next.rs"]
mod drafting_next;
#[path = "cli/drafting_summary.rs"]
mod drafting_summary;
#[path = "cli/fixture_languages.rs"]
mod fixture_languages;
#[path = "cli/help.rs"]
mod help;
#[path = "cli/import.rs"]
mod import;
#[path = "cli/import_readers.rs"]
mod import_readers;
#[path = "cli/in_process.rs"]
mod in_process;
#[path = "cli/language.rs"]
mod language;
#[path = "cli/lenient.rs"]
mod lenient;
#[path = "cli/lint_messages.rs"]
mod lint_messages;
#[path = "cli/nothing_lost.rs"]
mod nothing_lost;
#[path = "cli/output_paths.rs"]
mod output_paths;
#[path = "cli/parser_words.rs"]
mod parser_words;
#[path = "cli/readme_zh.rs"]
mod readme_zh;
#[path = "cli/resources.rs"]
mod resources;
#[path = "cli/school_year.rs"]
mod school_year;
#[path = "cli/slips.rs"]
mod slips;
#[path = "cli/support.rs"]
mod support;
#[path = "cli/templates.rs"]
mod templates;
#[path = "cli/test.rs"]
mod test;
#[path = "cli/tools.rs"]
mod tools;
#[path = "cli/typed_markers.rs"]
mod typed_markers;
#[path = "cli/watch_and_links.rs"]
mod watch_and_links;

const FORMATS: [&str; 4] = ["md", "html", "txt", "json"];

fn unionplan(args: &[&str]) -> Output {
    support::unionplan_in(Path::new(env!("CARGO_MANIFEST_DIR")), args)
        .output()
        .expect("the binary runs")
}

/// What the binary prints on standard output for `args`, run in the repository: it must
/// succeed with nothing on standard error.
fn printed(args: &[&str]) -> String {
    test::Test::new()
        .in_repo()
        .args(args)
        .stdout(test::anything())
        .run()
        .stdout
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
            let args = ["render", &relative(&path), "-f", format];
            assert_eq!(printed(&args), printed(&args), "{args:?}");
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
            serde_json::from_str(&printed(&["render", &plan, "-f", "json"])).unwrap();
        let markdown = printed(&["render", &plan, "-f", "md"]);

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
                - title: \"1.5 标题 # 不是 *强调* <b>粗</b>\"\n\
                \x20 body: [\"- 不是列表\", \"> 不是引用\", \"***\", \"[链接](x) `代码` &amp; _下划线_\", \"<script>alert(1)</script>\"]\n";
    let markdown = Test::new()
        .write("p.yaml", plan)
        .args(["render", "p.yaml"])
        .stdout(anything())
        .stderr(
            "warning: p.yaml:3:31: placeholder `***` left in the text\n  |\n3 |   body: [\"- 不是列表\", \
             \"> 不是引用\", \"***\", \"[链接](x) `代码` &amp; _下划线_\", \"<script>alert(1)</script>\"]\n  \
             |                                       ^^^ fill in the real value\n",
        )
        .run()
        .stdout;
    let mut texts = String::new();
    for event in Parser::new(&markdown) {
        match event {
            Event::Text(t) => texts.push_str(&t),
            Event::Start(Tag::Heading { .. } | Tag::Paragraph) | Event::End(_) => {}
            other => panic!("Markdown syntax in the output: {other:?}\n{markdown}"),
        }
    }
    for literal in [
        "1.5 标题 # 不是 *强调* <b>粗</b>",
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
    Test::new()
        .write(
            "p.yaml",
            "title: \"<script>alert('x')</script> & \\\"引号\\\"\"\nsections: [正文]\n",
        )
        .args(["render", "p.yaml", "-f", "html"])
        .stdout(
            contains(
                "&lt;script&gt;alert(&#x27;x&#x27;)&lt;&#x2f;script&gt; &amp; &quot;引号&quot;",
            )
            .and(like("no <script>", |html| !html.contains("<script>"))),
        )
        .run();
}

/// Text that would be markup if a renderer took it as such, in every field a template prints.
const HOSTILE: [&str; 16] = [
    "<script>alert('x')</script> & \"引号\"",
    "<b>城东</b>工会 & 'Co'",
    "<img src=x onerror=alert(1)> &amp; &lt; &#x27;",
    "1.5 标题 # 不是 *强调* <i>斜</i>",
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

/// [`hostile_plan`] rendered as `format`. It warns: `***` is a placeholder too.
fn render_hostile(format: &str) -> String {
    Test::new()
        .write("hostile.yaml", hostile_plan())
        .args(["render", "hostile.yaml", "-f", format])
        .stdout(anything())
        .stderr(starts_with(
            "warning: hostile.yaml:1:203: placeholder `***` left in the text\n",
        ))
        .run()
        .stdout
}

/// A plan that puts [`HOSTILE`] text in every field, numbered with markers that are
/// markup too.
fn hostile_plan() -> String {
    let h = HOSTILE;
    let plan = serde_json::json!({
        "title": h[0],
        "organization": h[1],
        "preface": [h[2], h[15]],
        "sections": [{
            "title": h[3],
            "body": [h[4], h[5], h[6], h[7], h[8], h[9]],
            // Inline as asked, though its title runs into its body (a warning).
            "items": [h[10], {"title": h[11], "body": h[14], "layout": "inline"}],
            "schedule": [{"month": 3, "items": [h[12]]}],
        }],
        "closing": [h[13]],
        "signature": {"date": "2027-01-05"},
        "style": {"numbering": ["<一>", "(1)&"]},
    });
    // JSON is YAML too.
    plan.to_string()
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
    let html = render_hostile("html");
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
    let markdown = render_hostile("md");
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
    for (name, starts) in [
        ("p.html", "<!DOCTYPE html>"),
        ("p.md", "# "),
        ("p.txt", "\u{3000}"),
        ("p.json", "{"),
    ] {
        let written = Test::new()
            .copy("examples/annual-plan.yaml", "annual-plan.yaml")
            .args(["render", "annual-plan.yaml", "-o", name])
            .run()
            .read(name);
        assert!(
            written.starts_with(starts),
            "{name}: {}",
            &written[..40.min(written.len())]
        );
    }
}

#[test]
fn reads_standard_input() {
    Test::new()
        .args(["render", "-", "-f", "txt"])
        .stdin("单位: 城东中学工会\n年度: 2027\n指导思想: 以学习为先。\n")
        .stdout(
            "\u{3000}\u{3000}\u{3000}\u{3000}\u{3000}\u{3000}\u{3000}城东中学工会2027年工作计划\n\n\
             \u{3000}\u{3000}一、指导思想\n\u{3000}\u{3000}以学习为先。\n",
        )
        .run();
}

#[test]
fn a_failed_render_leaves_the_output_untouched() {
    let test = Test::new()
        .write("plan.html", "published version")
        .in_repo();
    let out = test.path("plan.html");
    let failed = test
        .args(["render", "tests/fixtures/invalid/month-13.yaml", "-o"])
        .arg(&out)
        .status(1)
        .stderr(starts_with(
            "error: tests/fixtures/invalid/month-13.yaml:5:9: `具体工作安排` entry 1 `月份`: month \
             13 does not exist",
        ))
        .run();
    assert_eq!(failed.read("plan.html"), "published version");
    assert_eq!(
        std::fs::read_dir(failed.dir.path()).unwrap().count(),
        1,
        "no temporary file left"
    );
}

#[test]
fn output_naming_the_plan_is_refused() {
    let refused = Test::new()
        .write("plan.yaml", "sections: [正文]\n")
        .args(["render", "plan.yaml", "-f", "md", "-o", "plan.yaml"])
        .status(2)
        .stderr("error: -o plan.yaml names the plan itself: rendering would overwrite it\n")
        .run();
    assert_eq!(refused.read("plan.yaml"), "sections: [正文]\n");
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
    let mut next = Test::new().write("plan.yaml", "sections: [正文]\n");
    std::os::unix::fs::symlink(next.path("plan.yaml"), next.path("link.yaml")).unwrap();
    std::fs::hard_link(next.path("plan.yaml"), next.path("hard.yaml")).unwrap();
    for input in ["link.yaml", "hard.yaml"] {
        let refused = next
            .args(["render", input, "-f", "md", "-o", "plan.yaml"])
            .status(2)
            .stderr("error: -o plan.yaml names the plan itself: rendering would overwrite it\n")
            .run();
        assert_eq!(refused.read("plan.yaml"), "sections: [正文]\n");
        next = refused.again();
    }
}

#[test]
fn output_dash_is_standard_output() {
    let output = printed(&[
        "render",
        "examples/annual-plan.yaml",
        "-f",
        "txt",
        "-o",
        "-",
    ]);
    assert_eq!(
        output,
        printed(&["render", "examples/annual-plan.yaml", "-f", "txt"])
    );
    assert!(output.contains("城东中学工会2027年工作计划"));
}

/// What the argument parser says is its own; the exit code and the silence on standard
/// output are the program's.

#[test]
fn usage_errors_exit_2() {
    for args in [
        &["render"][..],
        &["render", "examples/annual-plan.yaml", "-f", "pdf"],
    ] {
        Test::new()
            .in_repo()
            .args(args)
            .status(2)
            .stderr(like("a usage error", |stderr| {
                stderr.starts_with("error: ")
            }))
            .run();
    }
    Test::new()
        .in_repo()
        .args(["render", "examples/annual-plan.yaml", "-o", "plan.doc"])
        .status(2)
        .stderr(
            "error: cannot tell the format from `plan.doc`: give -f md, html, txt, json or docx\n",
        )
        .run();
}

/// The README shows a plan and its plain-text rendering: they must stay true.
#[test]
fn readme_example_renders_as_shown() {
    let blocks = support::code_blocks(&support::readme("README.md"));
    let block = |lang: &str| -> String {
        let block = blocks
            .iter()
            .find(|b| b.heading.starts_with("With English keys") && b.lang == lang)
            .unwrap_or_else(|| panic!("the {lang} block of the example is there"));
        block.text.clone()
    };
    Test::new()
        .write("readme.yaml", block("yaml"))
        .args(["render", "readme.yaml", "-f", "txt"])
        .stdout(block("text"))
        .run();
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
    Test::new()
        .in_repo()
        .args(["check", "--strict"])
        .args(examples().iter().map(|p| relative(p)))
        .run();
}

#[test]
fn strict_turns_warnings_into_errors() {
    let plan = "tests/fixtures/lint/festival-date.yaml";
    Test::new()
        .in_repo()
        .args(["check", plan])
        .stderr(starts_with(format!("warning: {plan}:")))
        .run();
    Test::new()
        .in_repo()
        .args(["check", "--strict", plan])
        .status(1)
        .stderr(starts_with(format!("error: {plan}:")))
        .run();
}

#[test]
fn check_reports_json_lines() {
    let output = Test::new()
        .in_repo()
        .args([
            "check",
            "--format",
            "json",
            "tests/fixtures/lint/months-period.yaml",
        ])
        .stdout(anything())
        .run();
    let lines: Vec<serde_json::Value> = output
        .stdout
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
    Test::new()
        .in_repo()
        .args([
            "render",
            "tests/fixtures/lint/festival-date.yaml",
            "-f",
            "txt",
        ])
        .stdout(contains("“5.13”护士节"))
        .stderr(starts_with("warning: ").and(contains("`护士节` is on `5月12日`")))
        .run();
}

#[test]
fn gbk_is_read_with_a_warning_and_bom_crlf_silently() {
    let bom = printed(&["render", "tests/fixtures/lint/bom-crlf.yaml", "-f", "txt"]);
    assert!(bom.contains("城东中学工会2027年工作计划"));
    Test::new()
        .in_repo()
        .args(["render", "tests/fixtures/lint/gbk.yaml", "-f", "txt"])
        .stdout(bom)
        .stderr(starts_with("warning: ").and(contains("encoded as GBK")))
        .run();
}

/// Hostile input: each gets an error, never a crash or a hang.
#[test]
fn hostile_input_gets_an_error() {
    let mut deep = String::from("sections:\n");
    for level in 1..1000 {
        deep.push_str(&"  ".repeat(level));
        deep.push_str("- items:\n");
    }
    let flow = format!("sections: {}", "[{items: ".repeat(1000));
    let line = "  - 组织教职工积极参与学校民主管理，为学校的发展献计献策。\n";
    let large = format!("sections:\n{}", line.repeat((17 << 20) / line.len() + 1));
    let alias_bomb = std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/invalid/alias-bomb.yaml"),
    )
    .unwrap();
    let cases: [(&str, &[u8], &str); 6] = [
        ("deep.yaml", deep.as_bytes(), "nests too deeply"),
        ("flow.yaml", flow.as_bytes(), "nests too deeply"),
        ("large.yaml", large.as_bytes(), "larger than 16 MiB"),
        (
            "binary.yaml",
            b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR",
            "binary file",
        ),
        (
            "latin.yaml",
            b"organization: \xff\xfe\xfd\xfc\n",
            "cannot be read as text",
        ),
        (
            "alias-bomb.yaml",
            &alias_bomb,
            "an alias counts as all it repeats",
        ),
    ];
    for (name, bytes, expected) in cases {
        let mut next = Test::new().write(name, bytes);
        for command in ["check", "render"] {
            next = next
                .args([command, name])
                .status(1)
                .stderr(
                    starts_with(format!("error: {name}"))
                        .and(contains(expected))
                        .and(like("no panic", |stderr| !stderr.contains("panicked"))),
                )
                .run()
                .again();
        }
    }
}

#[test]
fn schema_lists_keys_in_both_languages() {
    let schema: serde_json::Value = serde_json::from_str(&printed(&["schema"])).unwrap();
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

/// `test` renders the annual plan as `format` with the templates of the folder `t`, which
/// the test writes.
fn with_templates(test: Test, format: &str) -> Test {
    test.copy("examples/annual-plan.yaml", "annual-plan.yaml")
        .args(["render", "annual-plan.yaml", "-f", format])
        .args(["--templates", "t"])
}

/// A folder of plans as a county union keeps them.
fn plans() -> Test {
    [
        "annual-plan.yaml",
        "hospital-plan.yaml",
        "half-year-summary.yaml",
    ]
    .into_iter()
    .fold(Test::new(), |test, name| {
        test.copy(&format!("examples/{name}"), format!("plans/{name}"))
    })
}

/// [`plans`], for the tests that run the binary their own way.
fn plans_folder() -> tempfile::TempDir {
    plans().into_dir()
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
    let batch = plans()
        .args(["render", "plans", "-f", "md,html,txt", "--out-dir", "out"])
        .stderr("9 written, 0 unchanged\n")
        .run();
    assert_eq!(names(&batch.path("out")).len(), 9);
    let written = std::fs::read(batch.path("out/hospital-plan.html")).unwrap();
    let single = batch
        .again()
        .args(["render", "plans/hospital-plan.yaml", "-f", "html"])
        .stdout(anything())
        .run();
    assert_eq!(written, single.stdout_bytes);
}

#[test]
fn batch_goes_on_past_an_invalid_plan_and_names_it() {
    let batch = plans()
        .copy("tests/fixtures/invalid/month-13.yaml", "plans/broken.yaml")
        .args(["render", "plans", "-f", "md,txt", "--out-dir", "out"])
        .status(1)
        .stderr(
            "error: plans/broken.yaml:5:9: `具体工作安排` entry 1 `月份`: month 13 does not exist: \
             months run from 1 to 12\n  |\n5 |   - 月份: 13\n  |           ^^\n6 written, 0 unchanged\n\
             error: 1 of 4 plans failed: plans/broken.yaml\n",
        )
        .run();
    assert_eq!(
        names(&batch.path("out")),
        [
            "annual-plan.md",
            "annual-plan.txt",
            "half-year-summary.md",
            "half-year-summary.txt",
            "hospital-plan.md",
            "hospital-plan.txt"
        ]
    );
}

#[test]
fn unchanged_outputs_are_not_rewritten() {
    let args = ["render", "plans", "-f", "md,html", "--out-dir", "out"];
    let first = plans().args(args).stderr("6 written, 0 unchanged\n").run();
    let file = first.path("out/annual-plan.html");
    let long_ago =
        std::time::SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(1_000_000_000);
    std::fs::File::options()
        .write(true)
        .open(&file)
        .unwrap()
        .set_modified(long_ago)
        .unwrap();
    let second = first
        .again()
        .args(args)
        .stderr("0 written, 6 unchanged\n")
        .run();
    assert_eq!(
        std::fs::metadata(second.path("out/annual-plan.html"))
            .unwrap()
            .modified()
            .unwrap(),
        long_ago
    );
}

#[test]
fn check_finds_fresh_stale_and_missing_outputs() {
    let args = ["render", "plans", "-f", "md,html", "--out-dir", "out"];
    let written = plans().args(args).stderr("6 written, 0 unchanged\n").run();
    let fresh = written
        .again()
        .args(args)
        .arg("--check")
        .stderr("6 up to date\n")
        .run();

    let plan = fresh.path("plans/annual-plan.yaml");
    let text = std::fs::read_to_string(&plan)
        .unwrap()
        .replace("城东中学工会将", "城东中学工会要");
    std::fs::write(&plan, text).unwrap();
    std::fs::remove_file(fresh.path("out/hospital-plan.html")).unwrap();
    let before = names(&fresh.path("out"));

    let stale = fresh
        .again()
        .args(args)
        .arg("--check")
        .status(1)
        .stdout(
            starts_with("stale: out/annual-plan.md")
                .and(contains("\n-新的一年，城东中学工会将"))
                .and(contains("\n+新的一年，城东中学工会要"))
                .and(contains("missing: out/hospital-plan.html"))
                .and(like("no word of the fresh plan", |stdout| {
                    !stdout.contains("half-year-summary")
                })),
        )
        .stderr("error: 3 outputs missing or stale: render again without --check\n")
        .run();
    assert_eq!(names(&stale.path("out")), before, "--check writes nothing");
}

#[test]
fn outputs_with_the_same_name_are_refused_before_writing() {
    let refused = plans()
        .copy("examples/annual-plan.yaml", "more/annual-plan.yaml")
        .args(["render", "plans", "more", "--out-dir", "out"])
        .status(2)
        .stderr(
            "error: plans/annual-plan.yaml and more/annual-plan.yaml would both be written to \
             out/annual-plan.md: rename one of them\n",
        )
        .run();
    assert!(names(&refused.path("out")).is_empty());
}

#[test]
fn several_plans_or_formats_need_a_folder() {
    plans()
        .args(["render", "plans"])
        .status(2)
        .stderr("error: 3 plans to render: give --out-dir DIR to write each to its own file\n")
        .run()
        .again()
        .args(["render", "plans/annual-plan.yaml", "-f", "md,html"])
        .status(2)
        .stderr(
            "error: several formats at once: give --out-dir DIR to write each to its own file\n",
        )
        .run();
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
    let dir = plans()
        .args(["templates", "eject", "tpl"])
        .stderr(contains("wrote ").and(contains(" templates into tpl")))
        .run()
        .dir;
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
