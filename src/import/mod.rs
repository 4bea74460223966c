//! Document → plan: one reader per input format, each giving the paragraphs it found.

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

/// Why a document could not be read.
#[derive(Debug)]
pub enum ImportError {
    Empty,
    Binary,
    NotAZip,
    Encrypted,
    NoText,
    Corrupt { detail: String },
}

pub mod docx;
pub mod html;
pub mod markdown;
