//! The readers of `import` on documents the program itself writes: every paragraph of every
//! example, rendered to DOCX, HTML or Markdown, comes back as the plain-text rendering shows it.

use super::{examples, relative, unionplan};

type Reader = fn(&[u8]) -> Result<Vec<unionplan::import::Block>, unionplan::import::ImportError>;

/// What a paragraph says, its spacing aside (the text rendering indents and aligns with
/// spaces where DOCX uses indents and tabs).
fn words(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{3000}')
        .collect()
}

fn comes_back(format: &str, read: Reader) {
    let dir = tempfile::tempdir().unwrap();
    for plan in examples() {
        let name = plan.file_stem().unwrap().to_string_lossy().into_owned();
        let document = dir.path().join(format!("{name}.{format}"));
        let txt = dir.path().join(format!("{name}.txt"));
        for (format, out) in [(format, &document), ("txt", &txt)] {
            let output = unionplan(&[
                "render",
                &relative(&plan),
                "-f",
                format,
                "-o",
                out.to_str().unwrap(),
            ]);
            assert!(
                output.status.success(),
                "{}",
                String::from_utf8_lossy(&output.stderr)
            );
        }
        let blocks = match read(&std::fs::read(&document).unwrap()) {
            Ok(blocks) => blocks,
            Err(error) => panic!("{name}.{format} not read: {error:?}"),
        };
        let read: Vec<String> = blocks.iter().map(|b| words(&b.text)).collect();
        let shown: Vec<String> = std::fs::read_to_string(&txt)
            .unwrap()
            .lines()
            .map(words)
            .filter(|line| !line.is_empty())
            .collect();
        assert!(shown.len() > 10, "{name}: {} lines", shown.len());
        assert_eq!(read, shown, "{name}.{format}");
    }
}

#[test]
fn every_paragraph_of_a_rendered_docx_comes_back() {
    comes_back("docx", unionplan::import::docx::read);
}

#[test]
fn every_paragraph_of_a_rendered_page_comes_back() {
    comes_back("html", unionplan::import::html::read);
}

#[test]
fn every_paragraph_of_rendered_markdown_comes_back() {
    comes_back("md", unionplan::import::markdown::read);
}
