//! The output formats: which a command line means, the extension and template of each, and
//! what an output file is named.

use std::ffi::{OsStr, OsString};
use std::path::Path;

use clap::ValueEnum;

use crate::error::{Error, Usage};
use crate::output;

/// An output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// CommonMark
    Md,
    /// One self-contained HTML5 page with a GB/T 9704 print stylesheet
    Html,
    /// Plain UTF-8 text indented with full-width spaces
    Txt,
    /// The render context that templates receive, as JSON
    Json,
    /// A Word document in the GB/T 9704 layout (A4, 仿宋 3号, 22 lines of 28 characters)
    Docx,
}

impl Format {
    /// The format a file name's extension stands for.
    pub fn from_extension(ext: &str) -> Option<Format> {
        match ext.to_ascii_lowercase().as_str() {
            "md" | "markdown" => Some(Format::Md),
            "html" | "htm" => Some(Format::Html),
            "txt" | "text" => Some(Format::Txt),
            "json" => Some(Format::Json),
            "docx" => Some(Format::Docx),
            _ => None,
        }
    }

    /// The file extension of the format.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Md => "md",
            Format::Html => "html",
            Format::Txt => "txt",
            Format::Json => "json",
            Format::Docx => "docx",
        }
    }

    /// Whether the output is text that a line diff can show.
    pub fn is_text(self) -> bool {
        self != Format::Docx
    }

    /// The name of the format's entry template.
    pub fn template(self) -> Option<&'static str> {
        match self {
            Format::Md => Some("plan.md"),
            Format::Html => Some("plan.html"),
            Format::Txt => Some("plan.txt"),
            Format::Json | Format::Docx => None,
        }
    }

    /// The name of a plan's output in this format, `<stem>.<ext>`, the stem's bytes kept as
    /// they are (a name need not be UTF-8).
    pub fn file_name(self, stem: &OsStr) -> OsString {
        let mut name = stem.to_owned();
        name.push(".");
        name.push(self.extension());
        name
    }
}

/// The formats to write into a folder: those asked for, each once, in the order given;
/// Markdown when none is.
pub fn for_folder(asked: &[Format]) -> Vec<Format> {
    if asked.is_empty() {
        return vec![Format::Md];
    }
    let mut unique = Vec::new();
    for f in asked {
        if !unique.contains(f) {
            unique.push(*f);
        }
    }
    unique
}

/// The one format of a single output (`output` is `-o FILE`, `None` for standard output):
/// the one asked for, else what the file's extension says, else Markdown.
pub fn for_output(asked: &[Format], output: Option<&Path>) -> Result<Format, Error> {
    match (asked, output) {
        ([format], _) => Ok(*format),
        // A device or a pipe has no extension to tell: Markdown, as on standard output.
        ([], Some(out)) if matches!(output::look(out), Ok(output::Found::Stream(_))) => {
            Ok(of_path(out).unwrap_or(Format::Md))
        }
        ([], Some(out)) => of_path(out),
        ([], None) => Ok(Format::Md),
        (_, _) => Err(Error::Usage(Usage::SeveralFormats)),
    }
}

/// The format a file's extension names.
fn of_path(out: &Path) -> Result<Format, Error> {
    out.extension()
        .and_then(|e| e.to_str())
        .and_then(Format::from_extension)
        .ok_or_else(|| {
            Error::Usage(Usage::FormatFromName {
                path: out.to_owned(),
            })
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_asked_twice_are_written_once_in_the_order_given() {
        use Format::*;
        assert_eq!(for_folder(&[Html, Md, Html, Docx, Md]), [Html, Md, Docx]);
        assert_eq!(for_folder(&[]), [Md]);
    }

    #[test]
    fn a_single_output_takes_its_format_from_its_name() {
        let out = |name: &str| for_output(&[], Some(Path::new(name)));
        assert_eq!(out("plan.HTM").unwrap(), Format::Html);
        assert_eq!(out("plan.text").unwrap(), Format::Txt);
        assert_eq!(
            for_output(&[Format::Docx], Some(Path::new("plan.md"))).unwrap(),
            Format::Docx
        );
        assert_eq!(for_output(&[], None).unwrap(), Format::Md);
        assert_eq!(
            out("plan.pdf").unwrap_err().to_string(),
            "cannot tell the format from `plan.pdf`: give -f md, html, txt, json or docx"
        );
        assert!(for_output(&[Format::Md, Format::Txt], None).is_err());
    }

    #[test]
    fn an_output_is_named_after_the_plan() {
        assert_eq!(
            Format::Docx.file_name(OsStr::new("年度计划")),
            "年度计划.docx"
        );
    }
}
