//! The plain-text reader: one [`Block`] per line, blank lines kept as empty blocks, decoded
//! as a plan file is (UTF-8 with or without a BOM, UTF-16 with one, GBK / GB18030).

use super::{Block, ImportError};
use crate::load::Source;

/// Reads a text document's lines.
pub fn read(bytes: &[u8]) -> Result<Vec<Block>, ImportError> {
    let content = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if content.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(ImportError::Empty);
    }
    let source = Source::from_bytes(String::new(), bytes).map_err(|_| ImportError::Binary)?;
    // A NUL, or control characters by the line, is no text; a form feed from a PDF or a
    // few stray control characters are (they are dropped, and said).
    let controls = (source.text.chars())
        .filter(|&c| c.is_control() && !c.is_whitespace())
        .count();
    let lines = source.text.lines().count().max(1);
    if source.text.contains('\0') || controls > 4 + lines / 10 {
        return Err(ImportError::Binary);
    }
    Ok(crate::text::lines(&source.text)
        .enumerate()
        .map(|(i, line)| Block {
            text: line.to_owned(),
            heading: None,
            line: i + 1,
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(bytes: &[u8]) -> Vec<String> {
        read(bytes).unwrap().into_iter().map(|b| b.text).collect()
    }

    #[test]
    fn lines_in_every_encoding_a_plan_is_read_in() {
        let utf8 = "城东中学工会\r\n\r\n一、指导思想\n".as_bytes();
        assert_eq!(texts(utf8), ["城东中学工会", "", "一、指导思想"]);
        let bom = [b"\xEF\xBB\xBF".as_slice(), utf8].concat();
        assert_eq!(texts(&bom), texts(utf8));
        let (gbk, _, _) = encoding_rs::GBK.encode("城东中学工会\n一、指导思想\n");
        assert_eq!(texts(&gbk), ["城东中学工会", "一、指导思想"]);
    }

    #[test]
    fn a_stray_control_character_is_still_text() {
        assert_eq!(texts("一、学习\u{c}\n二、\u{19}维权\n".as_bytes()).len(), 2);
    }

    #[test]
    fn empty_and_binary_documents_are_refused() {
        assert_eq!(read(b""), Err(ImportError::Empty));
        assert_eq!(read(b"\xEF\xBB\xBF \n\n"), Err(ImportError::Empty));
        assert_eq!(
            read(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"),
            Err(ImportError::Binary)
        );
    }
}
