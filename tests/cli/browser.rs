//! The HTML as others see it: the W3C Nu HTML checker, and headless Chromium's print
//! measured with poppler (pdfinfo, pdftotext, pdftoppm).
//!
//! The tools are found on the PATH, the checker's jar through `UNIONPLAN_VNU_JAR` (or where
//! `.ci/run` installs it). Under `CI=true` a missing tool fails the test; elsewhere the test
//! says what it skipped and passes.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::Duration;

use super::tools::{on_path, run, tools, vnu_jar};
use super::{
    examples, hostile_plan, relative, sections_in_order, stdout, unionplan, Part, HOSTILE,
};

/// GB/T 9704-2012: A4 with margins top 37, bottom 35, left 28, right 26 mm.
const PAGE: (f64, f64) = (210.0, 297.0);
const TOP: f64 = 37.0;
const BOTTOM: f64 = PAGE.1 - 35.0;
const LEFT: f64 = 28.0;
const RIGHT: f64 = PAGE.0 - 26.0;
/// Rasterizing resolution for measuring ink.
const DPI: f64 = 100.0;
/// A hung browser must not hang CI; a healthy one prints a plan in a few seconds.
const GUARD: Duration = Duration::from_secs(300);

/// Runs a tool to a successful end, within [`GUARD`].
fn run_guarded(command: &mut Command) -> Output {
    run(command, GUARD)
}

fn text(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

/// Every example, and a plan with markup in every field, rendered to HTML in `dir`.
fn html_pages(dir: &Path) -> Vec<PathBuf> {
    let mut plans: Vec<String> = examples().iter().map(|p| relative(p)).collect();
    let hostile = dir.join("hostile.yaml");
    std::fs::write(&hostile, hostile_plan()).unwrap();
    plans.push(hostile.to_str().unwrap().to_owned());
    plans
        .iter()
        .map(|plan| {
            let name = Path::new(plan).file_stem().unwrap().to_string_lossy();
            let html = dir.join(format!("{name}.html"));
            let output = unionplan(&["render", plan, "-o", html.to_str().unwrap()]);
            assert!(output.status.success(), "{plan}: {output:?}");
            html
        })
        .collect()
}

#[test]
fn html_passes_the_w3c_checker() {
    let Some([java, jar]) = tools(
        "html_passes_the_w3c_checker",
        [("java", on_path("java")), ("vnu.jar", vnu_jar())],
    ) else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let pages = html_pages(dir.path());
    let output = Command::new(java)
        .arg("-jar")
        .arg(jar)
        .args(["--errors-only", "--format", "gnu"])
        .args(&pages)
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert!(
        output.status.success() && output.stderr.is_empty(),
        "the checker reports errors:\n{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
}

/// Prints an HTML file to PDF the way a user's browser would, in a fresh profile.
fn print_to_pdf(chromium: &Path, html: &Path) -> PathBuf {
    let pdf = html.with_extension("pdf");
    let profile = tempfile::tempdir().unwrap();
    run_guarded(
        Command::new(chromium)
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-pdf-header-footer",
            ])
            .arg(format!("--user-data-dir={}", profile.path().display()))
            .arg(format!("--print-to-pdf={}", pdf.display()))
            .arg(format!("file://{}", html.display())),
    );
    assert!(pdf.is_file(), "{} was printed", html.display());
    pdf
}

/// A page rendered to grey pixels, to measure where the ink is.
struct Ink {
    width: usize,
    height: usize,
    pixels: Vec<u8>,
}

impl Ink {
    fn of(pdftoppm: &Path, pdf: &Path, page: usize) -> Ink {
        let page = page.to_string();
        let output = run_guarded(
            Command::new(pdftoppm)
                .args(["-r", &DPI.to_string(), "-gray", "-f", &page, "-l", &page])
                .arg(pdf),
        );
        // A binary PGM: "P5", width, height, maximum, one whitespace, then the pixels.
        let data = output.stdout;
        let mut fields = Vec::new();
        let mut at = 0;
        while fields.len() < 4 {
            while data[at].is_ascii_whitespace() {
                at += 1;
            }
            let start = at;
            while !data[at].is_ascii_whitespace() {
                at += 1;
            }
            fields.push(std::str::from_utf8(&data[start..at]).unwrap().to_owned());
        }
        assert_eq!(fields[0], "P5");
        let width: usize = fields[1].parse().unwrap();
        let height: usize = fields[2].parse().unwrap();
        Ink {
            width,
            height,
            pixels: data[at + 1..at + 1 + width * height].to_vec(),
        }
    }

    fn px(mm: f64) -> usize {
        (mm / 25.4 * DPI).round() as usize
    }

    fn mm(px: usize) -> f64 {
        px as f64 * 25.4 / DPI
    }

    /// The extent of the ink between two heights, in mm: (left, top, right, bottom).
    fn bounds(&self, from_mm: f64, to_mm: f64) -> Option<(f64, f64, f64, f64)> {
        let rows = Ink::px(from_mm)..Ink::px(to_mm).min(self.height);
        let mut found: Option<(usize, usize, usize, usize)> = None;
        for y in rows {
            for x in 0..self.width {
                if self.pixels[y * self.width + x] < 128 {
                    let (l, t, r, b) = found.unwrap_or((x, y, x, y));
                    found = Some((l.min(x), t.min(y), r.max(x), b.max(y)));
                }
            }
        }
        found.map(|(l, t, r, b)| (Ink::mm(l), Ink::mm(t), Ink::mm(r + 1), Ink::mm(b + 1)))
    }

    /// The runs of rows with ink, in mm, that are separated by more than `gap` mm.
    fn lines(&self, gap: f64) -> Vec<(f64, f64)> {
        let inked = |y: usize| {
            self.pixels[y * self.width..(y + 1) * self.width]
                .iter()
                .any(|&p| p < 128)
        };
        let mut runs: Vec<(usize, usize)> = Vec::new();
        for y in (0..self.height).filter(|&y| inked(y)) {
            match runs.last_mut() {
                Some((_, end)) if Ink::mm(y - *end) <= gap => *end = y,
                _ => runs.push((y, y)),
            }
        }
        runs.into_iter()
            .map(|(a, b)| (Ink::mm(a), Ink::mm(b + 1)))
            .collect()
    }
}

/// What the reader must find in the printed text, in order: the title, then every
/// section and item with its marker, and every month of a schedule.
fn headings(json: &serde_json::Value) -> Vec<String> {
    let mut out = vec![json["title"].as_str().unwrap().to_owned()];
    for part in sections_in_order(json) {
        out.push(match part {
            Part::Node(n) => {
                let lead = match n["title"].as_str() {
                    Some(title) => title.to_owned(),
                    None => n["body"][0].as_str().unwrap().chars().take(8).collect(),
                };
                format!("{}{lead}", n["marker"].as_str().unwrap())
            }
            Part::Month(month) => format!("{}：", month["label"].as_str().unwrap()),
        });
    }
    out
}

fn squeeze(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

#[test]
fn html_prints_on_a4_with_the_official_layout() {
    let Some([chromium, pdfinfo, pdftotext, pdftoppm]) = tools(
        "html_prints_on_a4_with_the_official_layout",
        [
            ("chromium", on_path("chromium")),
            ("pdfinfo", on_path("pdfinfo")),
            ("pdftotext", on_path("pdftotext")),
            ("pdftoppm", on_path("pdftoppm")),
        ],
    ) else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    for html in html_pages(dir.path()) {
        let name = html.file_name().unwrap().to_string_lossy().into_owned();
        let pdf = print_to_pdf(&chromium, &html);
        let info = text(&run_guarded(Command::new(&pdfinfo).arg(&pdf)));
        let field = |key: &str| {
            info.lines()
                .find_map(|l| l.strip_prefix(key))
                .unwrap_or_else(|| panic!("{name}: no {key}\n{info}"))
                .trim()
                .to_owned()
        };
        assert!(field("Page size:").ends_with("(A4)"), "{name}: {info}");
        let pages: usize = field("Pages:").parse().unwrap();

        let mut body = String::new();
        let mut leftmost = f64::MAX;
        let mut rightmost = 0.0_f64;
        for page in 1..=pages {
            // The text, line by line as laid out on the page (a marker in another font
            // stays before its text): the page number — N — closes every page.
            let n = page.to_string();
            let page_text = text(&run_guarded(
                Command::new(&pdftotext)
                    .args(["-layout", "-f", &n, "-l", &n])
                    .arg(&pdf)
                    .arg("-"),
            ));
            let page_text = page_text.trim_end();
            let (content, foot) = page_text.rsplit_once('\n').unwrap_or(("", page_text));
            assert_eq!(squeeze(foot), format!("—{page}—"), "{name} page {page}");
            body.push_str(content);

            // The ink: the text inside the margins, the page number under them.
            let ink = Ink::of(&pdftoppm, &pdf, page);
            let (l, t, r, b) = ink.bounds(0.0, BOTTOM + 3.0).expect("the page has text");
            assert!(
                t >= TOP - 0.5,
                "{name} page {page}: text {t:.1} mm from the top"
            );
            assert!(
                b <= BOTTOM + 0.5,
                "{name} page {page}: text ends at {b:.1} mm"
            );
            assert!(
                l >= LEFT - 0.5,
                "{name} page {page}: text at {l:.1} mm from the left"
            );
            assert!(
                r <= RIGHT + 0.5,
                "{name} page {page}: text reaches {r:.1} mm"
            );
            leftmost = leftmost.min(l);
            rightmost = rightmost.max(r);
            let (fl, ft, fr, fb) = ink
                .bounds(BOTTOM + 3.0, PAGE.1)
                .unwrap_or_else(|| panic!("{name} page {page}: no page number"));
            // GB/T 9704 7.5: the number's dashes 7 mm under the text, one character in from
            // the right edge on odd pages and from the left edge on even ones.
            assert!(
                ((ft + fb) / 2.0 - (BOTTOM + 7.0)).abs() < 1.5,
                "{name} page {page}: page number at {ft:.1}–{fb:.1} mm"
            );
            let char_mm = 14.0 * 25.4 / 72.0;
            if page % 2 == 1 {
                assert!(
                    (RIGHT - fr - char_mm).abs() < 2.0,
                    "{name} page {page}: page number ends at {fr:.1} mm"
                );
            } else {
                assert!(
                    (fl - LEFT - char_mm).abs() < 2.0,
                    "{name} page {page}: page number starts at {fl:.1} mm"
                );
            }

            // The title: on the first page, every line centered between the margins.
            if page == 1 {
                let title_block = ink.lines(8.0)[0];
                for (top, bottom) in ink.lines(2.0) {
                    if top >= title_block.0 && bottom <= title_block.1 {
                        let (l, _, r, _) = ink.bounds(top, bottom).unwrap();
                        assert!(
                            ((l - LEFT) - (RIGHT - r)).abs() < 3.0,
                            "{name}: a title line runs {l:.1}–{r:.1} mm, not centered"
                        );
                    }
                }
            }
        }
        let long_lines = name != "hostile.html";
        assert!(
            !long_lines || (leftmost < LEFT + 1.5 && rightmost > RIGHT - 1.5),
            "{name}: the text fills the width between the margins: {leftmost:.1}–{rightmost:.1} mm"
        );

        // Every heading, with its marker, in order.
        let json_text = if name == "hostile.html" {
            stdout(&unionplan(&[
                "render",
                dir.path().join("hostile.yaml").to_str().unwrap(),
                "-f",
                "json",
            ]))
        } else {
            let plan = format!("examples/{}", name.replace(".html", ".yaml"));
            stdout(&unionplan(&["render", &plan, "-f", "json"]))
        };
        let json: serde_json::Value = serde_json::from_str(&json_text).unwrap();
        let body = squeeze(&body);
        let mut from = 0;
        for heading in headings(&json) {
            let heading = squeeze(&heading);
            match body[from..].find(&heading) {
                Some(at) => from += at + heading.len(),
                None => panic!("{name}: `{heading}` is not printed after what came before"),
            }
        }
        if name == "hostile.html" {
            for literal in HOSTILE {
                assert!(
                    body.contains(&squeeze(literal)),
                    "{name}: `{literal}` is printed as text"
                );
            }
        }
    }
}

/// On a machine without the official fonts, every font stack of the stylesheet reaches an
/// installed font that has Chinese characters before it falls to a generic family.
#[test]
fn every_font_stack_reaches_an_installed_chinese_font() {
    let Some([fc_list]) = tools(
        "every_font_stack_reaches_an_installed_chinese_font",
        [("fc-list", on_path("fc-list"))],
    ) else {
        return;
    };
    let families = |pattern: &str| -> Vec<String> {
        text(&run_guarded(Command::new(&fc_list).args([
            "--format",
            "%{family}\n",
            pattern,
        ])))
        .lines()
        .flat_map(|l| l.split(','))
        .map(str::to_owned)
        .collect()
    };
    let installed = families(":");
    let chinese = families(":lang=zh");
    let css =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("templates/print.css"))
            .unwrap();
    let stacks: Vec<&str> = css
        .split(';')
        .filter_map(|decl| {
            let (property, value) = decl.rsplit_once(':')?;
            let property = property.rsplit(['{', ';']).next()?.trim();
            (property.starts_with("--") || property == "font-family").then_some(value)
        })
        .filter(|value| value.contains('"'))
        .collect();
    assert!(
        stacks.len() >= 5,
        "the stylesheet's font stacks: {stacks:?}"
    );
    for stack in stacks {
        let names: Vec<&str> = stack
            .split(',')
            .map(|n| n.trim().trim_matches('"'))
            .collect();
        let first = names
            .iter()
            .find(|n| installed.iter().any(|f| f == *n))
            .unwrap_or_else(|| panic!("nothing of `{stack}` is installed"));
        assert!(
            chinese.iter().any(|f| f == first),
            "`{stack}` falls to {first}, which has no Chinese characters"
        );
    }
}
