//! The readers of `import` on documents the program itself writes: every paragraph of every
//! example, rendered to DOCX, comes back as the text the plain-text rendering shows.

use super::{examples, relative, unionplan};

/// What a paragraph says, its spacing aside (the text rendering indents and aligns with
/// spaces where DOCX uses indents and tabs).
fn words(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{3000}')
        .collect()
}

#[test]
fn every_paragraph_of_a_rendered_docx_comes_back() {
    let dir = tempfile::tempdir().unwrap();
    for plan in examples() {
        let name = plan.file_stem().unwrap().to_string_lossy().into_owned();
        let docx = dir.path().join(format!("{name}.docx"));
        let txt = dir.path().join(format!("{name}.txt"));
        for (format, out) in [("docx", &docx), ("txt", &txt)] {
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
        let blocks = match unionplan::import::docx::read(&std::fs::read(&docx).unwrap()) {
            Ok(blocks) => blocks,
            Err(error) => panic!("{name}.docx not read: {error:?}"),
        };
        let read: Vec<String> = blocks.iter().map(|b| words(&b.text)).collect();
        let shown: Vec<String> = std::fs::read_to_string(&txt)
            .unwrap()
            .lines()
            .map(words)
            .filter(|line| !line.is_empty())
            .collect();
        assert!(shown.len() > 10, "{name}: {} lines", shown.len());
        assert_eq!(read, shown, "{name}");
    }
}
