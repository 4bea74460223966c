//! Bytes to text to plan model: the only module that decodes input or names the YAML crate.

use std::io::Read;
use std::path::Path;

use crate::error::{Diagnostic, Error, Severity};
use crate::model::Plan;
use crate::view::Place;

/// A plan file's text, kept for quoting lines in diagnostics.
#[derive(Debug, Clone)]
pub struct Source {
    /// The name shown in diagnostics: the path as given, or `<stdin>`.
    pub name: String,
    pub text: String,
}

impl Source {
    /// Reads a plan from a path, or standard input for `-`.
    pub fn read(path: &Path) -> Result<Source, Error> {
        let name = display_name(path);
        let mut bytes = Vec::new();
        let read = if path == Path::new("-") {
            std::io::stdin().read_to_end(&mut bytes).map(drop)
        } else {
            std::fs::read(path).map(|b| bytes = b)
        };
        read.map_err(|source| Error::Read {
            path: name.clone(),
            source,
        })?;
        Source::from_bytes(name, &bytes)
    }

    /// Decodes bytes as UTF-8, with or without a byte order mark.
    pub fn from_bytes(name: String, bytes: &[u8]) -> Result<Source, Error> {
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        match std::str::from_utf8(bytes) {
            Ok(text) => Ok(Source {
                name,
                text: text.to_owned(),
            }),
            Err(err) => Err(Error::Decode {
                message: format!(
                    "is not UTF-8 text (byte {} cannot be read): save the file as UTF-8",
                    err.valid_up_to() + 1
                ),
                path: name,
            }),
        }
    }

    /// Parses the text into the plan model. Every failure names line and column.
    pub fn parse(&self) -> Result<Plan, Error> {
        if self.text.trim().is_empty() || is_only_comments(&self.text) {
            return Err(Error::Decode {
                path: self.name.clone(),
                message: "is empty: a plan needs at least `organization`, `year` and `sections` \
                          (or the shorthand keys)"
                    .to_owned(),
            });
        }
        serde_yaml::from_str::<Plan>(&self.text).map_err(|err| self.yaml_error(&err))
    }

    /// Turns a YAML library error into a diagnostic that quotes the line.
    fn yaml_error(&self, err: &serde_yaml::Error) -> Error {
        let full = err.to_string();
        // The library appends its own "at line L column C"; the diagnostic shows the place.
        let message = full
            .find(" at line ")
            .map_or(full.as_str(), |at| &full[..at])
            .to_owned();
        let offset = err.location().map_or(0, |l| l.index());
        let diagnostic =
            Diagnostic::at_offset(Severity::Error, &self.name, &self.text, offset, message);
        Error::Invalid {
            diagnostics: vec![diagnostic],
        }
    }
}

impl Source {
    /// The byte offset of a place in the text, for a problem found after parsing.
    pub fn locate(&self, place: &Place) -> usize {
        match place {
            Place::TopKey(english, chinese) => self.top_key(english, chinese).unwrap_or(0),
            Place::ValueUnder(english, chinese, value) => {
                let key = self.top_key(english, chinese).unwrap_or(0);
                self.text[key..]
                    .find(value.as_str())
                    .map_or(key, |at| key + at)
            }
        }
    }

    /// Where a top-level key is written, in either language, quoted or not.
    fn top_key(&self, english: &str, chinese: &str) -> Option<usize> {
        let mut offset = 0;
        for line in self.text.split_inclusive('\n') {
            let key = line.trim_start_matches(['"', '\'']);
            let bare = |name: &str| {
                key.strip_prefix(name)
                    .is_some_and(|rest| rest.trim_start_matches(['"', '\'']).starts_with(':'))
            };
            if bare(english) || bare(chinese) {
                return Some(offset);
            }
            offset += line.len();
        }
        None
    }
}

fn is_only_comments(text: &str) -> bool {
    text.lines().all(|line| {
        let line = line.trim();
        line.is_empty() || line.starts_with('#') || line == "---" || line == "..."
    })
}

/// How a path is named in messages.
pub fn display_name(path: &Path) -> String {
    if path == Path::new("-") {
        "<stdin>".to_owned()
    } else {
        path.display().to_string()
    }
}
