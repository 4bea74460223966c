//! Document → plan: one reader per input format, each giving [`Block`]s, feeding one genre
//! parser ([`genre`]) whose plan [`write`] sets down as YAML.

pub mod docx;
pub mod genre;
pub mod html;
pub mod markdown;
mod pages;
pub mod text;
mod title;
pub mod write;

use crate::messages::Message;
use crate::msg;

/// One paragraph of a source document, as a reader found it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    /// The paragraph's text, whitespace inside kept; for a DOCX paragraph with Word's
    /// automatic numbering, the marker Word shows (`一、`, `（一）`, `1.`) is put in front of the
    /// text, computed from the numbering definition, exactly as if typed.
    pub text: String,
    /// A heading level the source format says (Markdown `#`, HTML `<h2>`, a Word heading
    /// style), 1 = the title; `None` for a body paragraph.
    pub heading: Option<u8>,
    /// Where it starts in the source, 1-based line (text, Markdown, HTML) or paragraph
    /// number (DOCX), for messages.
    pub line: usize,
}

/// Why a document gives no paragraphs to read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportError {
    Empty,
    Binary,
    NotAZip,
    Encrypted,
    NoText,
    Corrupt { detail: String },
}

impl ImportError {
    /// What is wrong, in the catalogue's words.
    pub fn message(&self) -> Message {
        match self {
            ImportError::Empty => msg!("import-empty"),
            ImportError::Binary => msg!("import-binary"),
            ImportError::NotAZip => msg!("import-not-a-zip"),
            ImportError::Encrypted => msg!("import-encrypted"),
            ImportError::NoText => msg!("import-no-text"),
            ImportError::Corrupt { detail } => msg!("import-corrupt", detail = detail.as_str()),
        }
    }
}

/// The formats a document can be read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Text,
    Markdown,
    Docx,
    Html,
}

impl Kind {
    /// The format a file's name says, if it says one.
    pub fn from_extension(name: &str) -> Option<Kind> {
        let ext = name.rsplit_once('.')?.1.to_ascii_lowercase();
        match ext.as_str() {
            "txt" | "text" => Some(Kind::Text),
            "md" | "markdown" => Some(Kind::Markdown),
            "docx" => Some(Kind::Docx),
            "html" | "htm" | "xhtml" => Some(Kind::Html),
            _ => None,
        }
    }

    /// The format the bytes look like: a zip is a Word document, a page that opens as HTML
    /// is one, text with the genre's Markdown headings or lists is Markdown, else text.
    pub fn sniff(bytes: &[u8]) -> Kind {
        if bytes.starts_with(b"PK\x03\x04") {
            return Kind::Docx;
        }
        let head = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]).to_lowercase();
        let head = head.trim_start_matches('\u{feff}').trim_start();
        if head.starts_with("<html") || head.starts_with("<!doctype html") {
            return Kind::Html;
        }
        let text = String::from_utf8_lossy(bytes);
        let markdown = text.lines().any(|line| {
            let line = line.trim_start();
            let heading = line.trim_start_matches('#');
            (line.starts_with('#') && heading.starts_with(' ') && line.len() - heading.len() <= 6)
                || line
                    .strip_prefix("- ")
                    .is_some_and(|rest| crate::numerals::leading_marker(rest.trim()).is_some())
        });
        if markdown {
            Kind::Markdown
        } else {
            Kind::Text
        }
    }

    /// The format's name as `--from` takes it.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Text => "txt",
            Kind::Markdown => "md",
            Kind::Docx => "docx",
            Kind::Html => "html",
        }
    }
}

/// Reads a document's paragraphs with the reader of its format.
pub fn read(kind: Kind, bytes: &[u8]) -> Result<Vec<Block>, ImportError> {
    match kind {
        Kind::Text => text::read(bytes),
        Kind::Markdown => markdown::read(bytes),
        Kind::Docx => docx::read(bytes),
        Kind::Html => html::read(bytes),
    }
}

/// What a reader's test compares: each block's text, heading and line, or the failure.
#[cfg(test)]
fn shown(read: Result<Vec<Block>, ImportError>) -> Vec<(String, Option<u8>, usize)> {
    match read {
        Ok(blocks) => blocks
            .into_iter()
            .map(|b| (b.text, b.heading, b.line))
            .collect(),
        Err(error) => panic!("not read: {error:?}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_are_sniffed_from_the_first_bytes() {
        assert_eq!(Kind::sniff(b"PK\x03\x04rest"), Kind::Docx);
        assert_eq!(Kind::sniff(b"  <!DOCTYPE html><p>x"), Kind::Html);
        assert_eq!(Kind::sniff(b"<html lang=zh>"), Kind::Html);
        assert_eq!(Kind::sniff("## 一、指导思想\n".as_bytes()), Kind::Markdown);
        assert_eq!(
            Kind::sniff("- 1、召开教代会。\n".as_bytes()),
            Kind::Markdown
        );
        assert_eq!(
            Kind::sniff("一、指导思想\n#不是标题\n".as_bytes()),
            Kind::Text
        );
        assert_eq!(Kind::from_extension("a/计划.DOCX"), Some(Kind::Docx));
        assert_eq!(Kind::from_extension("计划"), None);
    }
}
