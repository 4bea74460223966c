//! DOCX: the bytes are stable, the XML says GB/T 9704, and a real client opens every example.

use std::collections::BTreeMap;
use std::io::{Cursor, Read};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use roxmltree::{Document, Node};
use serde_json::Value;
use unicode_width::UnicodeWidthChar;

use super::test::{anything, like, starts_with, Test};
use super::tools::{on_path, run, tools};
use super::{examples, relative, sections_in_order, stdout, unionplan, Part};

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/// Renders a plan to `dir/<name>.docx` and returns the file's bytes.
fn render_docx(plan: &Path, dir: &Path) -> (PathBuf, Vec<u8>) {
    let name = plan.file_stem().unwrap().to_string_lossy();
    let out = dir.join(format!("{name}.docx"));
    let output = unionplan(&["render", &relative(plan), "-o", out.to_str().unwrap()]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(output.stdout.is_empty());
    let bytes = std::fs::read(&out).unwrap();
    (out, bytes)
}

/// The parts of a DOCX archive, and the timestamps of its entries.
struct Package {
    parts: BTreeMap<String, String>,
    times: Vec<zip::DateTime>,
}

fn unpack(bytes: &[u8]) -> Package {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).expect("a ZIP archive");
    let mut parts = BTreeMap::new();
    let mut times = Vec::new();
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i).unwrap();
        times.push(entry.last_modified().expect("a timestamp"));
        let mut text = String::new();
        entry.read_to_string(&mut text).expect("a UTF-8 part");
        parts.insert(entry.name().to_owned(), text);
    }
    Package { parts, times }
}

impl Package {
    fn xml(&self, name: &str) -> Document<'_> {
        let text = self
            .parts
            .get(name)
            .unwrap_or_else(|| panic!("{name} is in the archive"));
        Document::parse(text).unwrap_or_else(|e| panic!("{name} is well-formed XML: {e}"))
    }
}

fn is_w(node: &Node, name: &str) -> bool {
    node.is_element() && node.tag_name().namespace() == Some(W) && node.tag_name().name() == name
}

fn child<'a, 'i>(node: Node<'a, 'i>, name: &str) -> Option<Node<'a, 'i>> {
    node.children().find(|n| is_w(n, name))
}

fn descendants<'a, 'i: 'a>(
    node: Node<'a, 'i>,
    name: &'a str,
) -> impl Iterator<Item = Node<'a, 'i>> + 'a {
    node.descendants().filter(move |n| is_w(n, name))
}

fn val<'a>(node: Option<Node<'a, '_>>, attribute: &str) -> Option<&'a str> {
    node?.attribute((W, attribute))
}

/// A paragraph as a reader sees it: its style, its text, and each text run's East Asian
/// font and size.
#[derive(Debug, PartialEq)]
struct Para {
    style: String,
    text: String,
    runs: Vec<(String, String)>,
}

fn paragraphs(root: Node) -> Vec<Para> {
    descendants(root, "p")
        .map(|p| {
            let style = val(child(p, "pPr").and_then(|pr| child(pr, "pStyle")), "val")
                .unwrap_or_default()
                .to_owned();
            let mut text = String::new();
            let mut runs = Vec::new();
            for r in descendants(p, "r") {
                let t: String = descendants(r, "t").filter_map(|t| t.text()).collect();
                if t.is_empty() {
                    continue;
                }
                text.push_str(&t);
                let rpr = child(r, "rPr");
                let fonts = rpr.and_then(|rpr| child(rpr, "rFonts"));
                let size = rpr.and_then(|rpr| child(rpr, "sz"));
                runs.push((
                    val(fonts, "eastAsia").unwrap_or_default().to_owned(),
                    val(size, "val").unwrap_or_default().to_owned(),
                ));
            }
            Para { style, text, runs }
        })
        .collect()
}

fn face(level: u64) -> &'static str {
    match level {
        1 => "黑体",
        2 => "楷体_GB2312",
        _ => "仿宋_GB2312",
    }
}

/// What the document must hold, read off the render context (`-f json`): each paragraph's
/// text, and the East Asian font of its first run.
fn expected(view: &Value) -> Vec<(String, &'static str)> {
    fn strings(value: &Value) -> impl Iterator<Item = String> + '_ {
        value
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s.as_str().unwrap().to_owned())
    }
    let mut out = vec![(view["title"].as_str().unwrap().to_owned(), "方正小标宋简体")];
    out.extend(strings(&view["preface"]).map(|p| (p, "仿宋_GB2312")));
    for part in sections_in_order(view) {
        let n = match part {
            Part::Node(n) => n,
            Part::Month(month) => {
                let label = format!("{}：", month["label"].as_str().unwrap());
                out.push((label, face(month["level"].as_u64().unwrap())));
                continue;
            }
        };
        let lead = format!(
            "{}{}",
            n["marker"].as_str().unwrap(),
            n["title"].as_str().unwrap_or("")
        );
        let level = n["level"].as_u64().unwrap();
        let mut body = strings(&n["body"]);
        if n["layout"] == "heading" {
            out.push((lead, face(level)));
        } else {
            let first = body.next().unwrap_or_default();
            let font = if lead.is_empty() {
                "仿宋_GB2312"
            } else {
                face(level)
            };
            out.push((format!("{lead}{first}"), font));
        }
        out.extend(body.map(|p| (p, "仿宋_GB2312")));
    }
    out.extend(strings(&view["closing"]).map(|p| (p, "仿宋_GB2312")));
    if let Some(signature) = view["signature"].as_object() {
        out.push((
            signature["organization"].as_str().unwrap().to_owned(),
            "仿宋_GB2312",
        ));
        if let Some(date) = signature["date"].as_str() {
            out.push((date.to_owned(), "仿宋_GB2312"));
        }
    }
    out
}

/// The headings a reader must find in order: every heading and month label, marker included.
fn headings(view: &Value) -> Vec<String> {
    sections_in_order(view)
        .into_iter()
        .filter_map(|part| match part {
            Part::Node(n) if n["layout"] == "heading" => Some(format!(
                "{}{}",
                n["marker"].as_str().unwrap(),
                n["title"].as_str().unwrap_or("")
            )),
            Part::Node(_) => None,
            Part::Month(month) => Some(format!("{}：", month["label"].as_str().unwrap())),
        })
        .collect()
}

fn view_of(plan: &Path) -> Value {
    serde_json::from_str(&stdout(&unionplan(&[
        "render",
        &relative(plan),
        "-f",
        "json",
    ])))
    .unwrap()
}

#[test]
fn docx_renders_are_byte_identical() {
    let dir = tempfile::tempdir().unwrap();
    for plan in examples() {
        let (_, first) = render_docx(&plan, dir.path());
        let (_, second) = render_docx(&plan, dir.path());
        assert!(first == second, "{}: two renders differ", plan.display());
        let piped = Test::new()
            .in_repo()
            .args(["render", &relative(&plan), "-f", "docx"])
            .stdout(anything())
            .run();
        assert!(
            piped.stdout_bytes == first,
            "{}: standard output and -o differ",
            plan.display()
        );
    }
}

#[test]
fn docx_xml_follows_gb_t_9704() {
    let dir = tempfile::tempdir().unwrap();
    for plan in examples() {
        let name = plan.display().to_string();
        let (_, bytes) = render_docx(&plan, dir.path());
        let package = unpack(&bytes);

        // Fixed timestamps: in the ZIP entries and in the document properties.
        assert!(
            package.times.iter().all(|t| *t == zip::DateTime::DEFAULT),
            "{name}: {:?}",
            package.times
        );
        let core = package.xml("docProps/core.xml");
        for date in ["created", "modified"] {
            let node = core
                .descendants()
                .find(|n| n.tag_name().name() == date)
                .unwrap();
            assert_eq!(node.text(), Some("1980-01-01T00:00:00Z"), "{name}: {date}");
        }

        // The page: A4, the margins, 22 lines.
        let document = package.xml("word/document.xml");
        let sect = descendants(document.root(), "sectPr").last().unwrap();
        let size = child(sect, "pgSz");
        assert_eq!(
            (val(size, "w"), val(size, "h")),
            (Some("11906"), Some("16838")),
            "{name}"
        );
        let margin = child(sect, "pgMar");
        assert_eq!(
            ["top", "bottom", "left", "right"].map(|side| val(margin, side)),
            [Some("2098"), Some("1984"), Some("1587"), Some("1474")],
            "{name}"
        );
        let grid = child(sect, "docGrid");
        assert_eq!(val(grid, "linePitch"), Some("579"), "{name}");

        // Every run of text names its East Asian font; the title is 22 pt, the rest 16 pt.
        let paras = paragraphs(document.root());
        for p in &paras {
            for (font, size) in &p.runs {
                assert!(!font.is_empty(), "{name}: a run without w:eastAsia: {p:?}");
                let want = if p.style == "Title" { "44" } else { "32" };
                assert_eq!(size, want, "{name}: {p:?}");
            }
        }
        for r in descendants(document.root(), "r") {
            if let Some(fonts) = child(r, "rPr").and_then(|rpr| child(rpr, "rFonts")) {
                assert!(fonts.attribute((W, "ascii")).is_some(), "{name}");
                assert_eq!(fonts.attribute((W, "hint")), Some("eastAsia"), "{name}");
            }
        }

        // Same content, order and numbering as the view, each in its level's font.
        let got: Vec<(String, &str)> = paras
            .iter()
            .map(|p| (p.text.clone(), p.runs[0].0.as_str()))
            .collect();
        let want = expected(&view_of(&plan));
        for (i, (got, want)) in got.iter().zip(&want).enumerate() {
            assert_eq!(
                (got.0.as_str(), got.1),
                (want.0.as_str(), want.1),
                "{name}: paragraph {i}"
            );
        }
        assert_eq!(got.len(), want.len(), "{name}: paragraphs");
        assert_eq!(paras[0].style, "Title", "{name}");
        let n = paras.len();
        let has_signature = view_of(&plan)["signature"].is_object();
        if has_signature {
            assert!(paras[n - 1].style == "Signature", "{name}: 落款 last");
        }

        // The same paragraphs, in the same order, as the plain-text rendering.
        let txt = stdout(&unionplan(&["render", &relative(&plan), "-f", "txt"]));
        let lines: Vec<&str> = txt
            .lines()
            .map(|l| l.trim_matches(|c: char| c == '\u{3000}' || c == ' '))
            .filter(|l| !l.is_empty())
            .collect();
        for (i, (p, line)) in paras.iter().zip(&lines).enumerate() {
            assert_eq!(
                p.text, *line,
                "{name}: paragraph {i} against the plain text"
            );
        }
        assert_eq!(
            paras.len(),
            lines.len(),
            "{name}: paragraphs against the plain text"
        );

        // The styles behind the paragraphs.
        let styles = package.xml("word/styles.xml");
        let style = |id: &str| {
            let found: Vec<Node> = descendants(styles.root(), "style")
                .filter(|s| s.attribute((W, "styleId")) == Some(id))
                .collect();
            assert_eq!(found.len(), 1, "{name}: one style `{id}`");
            found[0]
        };
        let run_val = |s: Node, element: &str, attribute: &str| -> Option<String> {
            val(child(child(s, "rPr")?, element), attribute).map(str::to_owned)
        };
        let para_val = |s: Node, element: &str, attribute: &str| -> Option<String> {
            val(child(child(s, "pPr")?, element), attribute).map(str::to_owned)
        };
        let normal = style("Normal");
        assert_eq!(
            run_val(normal, "rFonts", "eastAsia").unwrap(),
            "仿宋_GB2312"
        );
        assert_eq!(run_val(normal, "sz", "val").unwrap(), "32");
        // 0.25 pt tighter: 28 characters of 15.75 pt on the 442 pt line.
        assert_eq!(run_val(normal, "spacing", "val").unwrap(), "-5");
        assert_eq!(para_val(normal, "ind", "firstLine").unwrap(), "630");
        assert_eq!(para_val(normal, "spacing", "line").unwrap(), "579");
        assert_eq!(para_val(normal, "spacing", "lineRule").unwrap(), "exact");
        let title = style("Title");
        assert_eq!(
            run_val(title, "rFonts", "eastAsia").unwrap(),
            "方正小标宋简体"
        );
        assert_eq!(run_val(title, "sz", "val").unwrap(), "44");
        assert_eq!(para_val(title, "jc", "val").unwrap(), "center");
        for (id, font) in [
            ("Heading1", "黑体"),
            ("Heading2", "楷体_GB2312"),
            ("Heading3", "仿宋_GB2312"),
            ("Heading4", "仿宋_GB2312"),
        ] {
            assert_eq!(run_val(style(id), "rFonts", "eastAsia").unwrap(), font);
        }
        assert_eq!(para_val(style("Signature"), "jc", "val").unwrap(), "right");

        // Page numbers — N — in 4号 宋体, on the outer side: odd pages right, even left.
        let settings = package.xml("word/settings.xml");
        assert!(descendants(settings.root(), "evenAndOddHeaders")
            .next()
            .is_some());
        let rels = package.xml("word/_rels/document.xml.rels");
        let target = |id: &str| {
            rels.descendants()
                .find(|n| n.attribute("Id") == Some(id))
                .and_then(|n| n.attribute("Target"))
                .unwrap()
                .to_owned()
        };
        for reference in descendants(sect, "footerReference") {
            let side = match val(Some(reference), "type") {
                Some("default") => "right",
                Some("even") => "left",
                other => panic!("{name}: footer {other:?}"),
            };
            let id = reference
                .attribute((
                    "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
                    "id",
                ))
                .unwrap();
            let footer = package.xml(&format!("word/{}", target(id)));
            let p = descendants(footer.root(), "p").next().unwrap();
            assert_eq!(
                val(child(p, "pPr").and_then(|pr| child(pr, "jc")), "val"),
                Some(side)
            );
            let instr: String = descendants(p, "instrText")
                .filter_map(|n| n.text())
                .collect();
            assert_eq!(instr.trim(), "PAGE", "{name}");
            let text: String = descendants(p, "t").filter_map(|n| n.text()).collect();
            assert_eq!(text, "— 1 —", "{name}");
            for r in descendants(p, "r") {
                let rpr = child(r, "rPr");
                assert_eq!(
                    val(rpr.and_then(|x| child(x, "rFonts")), "eastAsia"),
                    Some("宋体")
                );
                assert_eq!(val(rpr.and_then(|x| child(x, "sz")), "val"), Some("28"));
            }
        }
        assert_eq!(descendants(sect, "footerReference").count(), 2, "{name}");
    }
}

#[test]
fn docx_format_follows_the_extension_and_keeps_xml_valid() {
    // Characters XML escapes. (A control character, which XML cannot carry, is refused
    // before rendering: see tests/cli/content.rs.)
    let written = Test::new()
        .write(
            "p.yaml",
            "title: \"<甲> & \\\"乙\\\" 丙\"\nsections: [正文]\n",
        )
        .args(["render", "p.yaml", "-o", "P.DOCX"])
        .run();
    let package = unpack(&std::fs::read(written.path("P.DOCX")).unwrap());
    let document = package.xml("word/document.xml");
    assert_eq!(paragraphs(document.root())[0].text, "<甲> & \"乙\" 丙");
}

fn have(tool: &str) -> bool {
    on_path(tool).is_some()
}

/// Whether the client tools are here; under CI=true their absence fails the test.
fn client_tools() -> bool {
    tools(
        "LibreOffice (libreoffice-writer-nogui) and poppler-utils",
        ["soffice", "pdfinfo", "pdftotext"].map(|t| (t, on_path(t))),
    )
    .is_some()
}

/// LibreOffice converts every example's DOCX to PDF; the PDF is A4, holds at most 22 lines
/// of 28 characters a page, and shows every heading with its marker, in order.
#[test]
fn libreoffice_prints_every_example_on_a4() {
    if !client_tools() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let plans = examples();
    let files: Vec<PathBuf> = plans
        .iter()
        .map(|plan| render_docx(plan, dir.path()).0)
        .collect();
    let profile = dir.path().join("profile");
    let output = run(
        Command::new("soffice")
            .arg(format!(
                "-env:UserInstallation=file://{}",
                profile.display()
            ))
            .args([
                "--headless",
                "--norestore",
                "--convert-to",
                "pdf",
                "--outdir",
            ])
            .arg(dir.path())
            .args(&files)
            .env("HOME", dir.path()),
        Duration::from_secs(600),
    );
    assert!(
        output.status.success(),
        "soffice: {}\n{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    let mut fullest_page = 0;
    for (plan, file) in plans.iter().zip(&files) {
        let name = plan.display().to_string();
        let pdf = file.with_extension("pdf");
        assert!(pdf.exists(), "{name}: no PDF\n{output:?}");

        let info = Command::new("pdfinfo").arg(&pdf).output().unwrap();
        let info = String::from_utf8_lossy(&info.stdout);
        let size = info
            .lines()
            .find(|l| l.starts_with("Page size:"))
            .unwrap_or_else(|| panic!("{name}: {info}"));
        assert!(size.contains("(A4)"), "{name}: {size}");

        let text = Command::new("pdftotext")
            .args(["-enc", "UTF-8"])
            .arg(&pdf)
            .arg("-")
            .output()
            .unwrap();
        // Lines wrap and digits get spaced; compare without any white space.
        let text: String = String::from_utf8_lossy(&text.stdout)
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect();
        let view = view_of(plan);
        let title: String = view["title"]
            .as_str()
            .unwrap()
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect();
        let mut at = text
            .find(&title)
            .unwrap_or_else(|| panic!("{name}: the title is not in the PDF"));
        for heading in headings(&view) {
            let heading: String = heading.chars().filter(|c| !c.is_whitespace()).collect();
            match text[at..].find(&heading) {
                Some(i) => at += i + heading.len(),
                None => panic!("{name}: `{heading}` is not in the PDF after what came before"),
            }
        }
        assert!(text.contains("—1—"), "{name}: no page number");

        // The grid: a full line of Chinese holds 28 characters, a page 22 lines.
        let layout = Command::new("pdftotext")
            .args(["-layout", "-enc", "UTF-8"])
            .arg(&pdf)
            .arg("-")
            .output()
            .unwrap();
        let layout = String::from_utf8_lossy(&layout.stdout);
        let wide = |line: &str| line.chars().filter(|c| c.width() == Some(2)).count();
        let longest = layout.lines().map(wide).max().unwrap_or(0);
        assert_eq!(longest, 28, "{name}: characters on the fullest line");
        for (i, page) in layout.split('\u{c}').enumerate() {
            let lines = page
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty() && !l.starts_with('—'))
                .count();
            assert!(lines <= 22, "{name}: page {} has {lines} lines", i + 1);
            fullest_page = fullest_page.max(lines);
        }
    }
    assert_eq!(
        fullest_page, 22,
        "lines on the fullest page of all examples"
    );
}

/// A Word document is refused on a terminal, where it would only be noise.
#[test]
fn docx_to_a_terminal_is_a_usage_error() {
    if !have("script") {
        eprintln!("skipped: `script` (util-linux) not found");
        return;
    }
    let command = format!(
        "{} render examples/annual-plan.yaml -f docx",
        env!("CARGO_BIN_EXE_unionplan")
    );
    let output = Command::new("script")
        .args(["-qec", &command, "/dev/null"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::null())
        .output()
        .unwrap();
    let shown = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(2), "{shown}");
    assert!(shown.contains("-o plan.docx"), "{shown}");
}

/// In a batch, DOCX is one more format: the files match single renders, a second run leaves
/// them alone, and --check finds a stale one, without a line diff of a ZIP archive.
#[test]
fn batch_and_check_treat_docx_like_the_other_formats() {
    let examples = examples();
    let mut test = Test::new();
    for plan in &examples {
        let name = plan.file_name().unwrap().to_string_lossy();
        test = test.copy(&relative(plan), format!("plans/{name}"));
    }
    let args = ["render", "plans", "-f", "docx,txt", "--out-dir", "out"];
    let outputs = 2 * examples.len();
    let written = test
        .args(args)
        .stderr(format!("{outputs} written, 0 unchanged\n"))
        .run();
    for plan in &examples {
        let (_, single) = render_docx(plan, written.dir.path());
        let name = plan.file_stem().unwrap().to_string_lossy().into_owned();
        let batch = std::fs::read(written.path(format!("out/{name}.docx"))).unwrap();
        assert!(batch == single, "{name}: batch and single renders differ");
    }
    let stale = written
        .again()
        .args(args)
        .stderr(format!("0 written, {outputs} unchanged\n"))
        .run()
        .again()
        .args(args)
        .arg("--check")
        .stderr(format!("{outputs} up to date\n"))
        .run();
    let plan = stale.path("plans/annual-plan.yaml");
    let text = std::fs::read_to_string(&plan)
        .unwrap()
        .replace("城东中学工会将", "城东中学工会要");
    std::fs::write(&plan, text).unwrap();
    // The text gets a diff, the ZIP archive none.
    stale
        .again()
        .args(args)
        .arg("--check")
        .status(1)
        .stdout(
            starts_with("stale: out/annual-plan.docx\nstale: out/annual-plan.txt\n--- ")
                .and(like("one stale text", |s| {
                    s.matches("stale: ").count() == 2
                })),
        )
        .stderr("error: 2 outputs missing or stale: render again without --check\n")
        .run();
}
