//! The error type and every user-facing wording of a problem, in one place.

use std::fmt;
use std::io;
use std::path::PathBuf;

use unicode_width::UnicodeWidthStr;

use crate::file_kind::FileKind;

/// How bad a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Warning,
    Error,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Warning => "warning",
            Severity::Error => "error",
        })
    }
}

/// A step of a data path into the plan: a key (by its English name) or a list index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Seg {
    Key(&'static str),
    Index(usize),
}

/// A problem found in the plan's data, placed by its data path; the file's positions turn
/// it into a [`Diagnostic`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub severity: Severity,
    pub path: Vec<Seg>,
    /// Point at the key the path ends on rather than at its value.
    pub on_key: bool,
    /// The text within the value to point at (a placeholder in a long paragraph).
    pub needle: Option<String>,
    pub message: String,
    pub hint: String,
}

impl Finding {
    pub fn warning(path: Vec<Seg>, message: impl Into<String>, hint: impl Into<String>) -> Finding {
        Finding {
            severity: Severity::Warning,
            path,
            on_key: false,
            needle: None,
            message: message.into(),
            hint: hint.into(),
        }
    }

    pub fn error(path: Vec<Seg>, message: impl Into<String>, hint: impl Into<String>) -> Finding {
        Finding {
            severity: Severity::Error,
            ..Finding::warning(path, message, hint)
        }
    }

    pub fn at(mut self, needle: impl Into<String>) -> Finding {
        self.needle = Some(needle.into());
        self
    }

    pub fn on_key(mut self) -> Finding {
        self.on_key = true;
        self
    }
}

/// One problem in a plan file, at a place in it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Diagnostic {
    pub severity: Severity,
    /// The file as the user named it (`-` is shown as `<stdin>`).
    pub path: String,
    /// 1-based line; 0 for a problem with the file as a whole (it cannot be read as text).
    pub line: usize,
    /// 1-based column, counted in characters.
    pub column: usize,
    pub message: String,
    /// The whole source line, quoted under the message.
    pub source_line: String,
    /// How many characters the caret underlines (at least one).
    pub width: usize,
    /// What to do about it.
    pub hint: Option<String>,
}

impl Diagnostic {
    /// A problem with a file as a whole, which has no line to quote.
    pub fn whole_file(path: &str, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            severity: Severity::Error,
            path: path.to_owned(),
            line: 0,
            column: 0,
            message: message.into(),
            source_line: String::new(),
            width: 0,
            hint: None,
        }
    }

    /// A problem at a byte offset of `source`; the caret covers the token found there.
    pub fn at_offset(
        severity: Severity,
        path: &str,
        source: &str,
        offset: usize,
        message: impl Into<String>,
    ) -> Diagnostic {
        Diagnostic::at_range(severity, path, source, offset, None, message)
    }

    /// A problem covering `start..end` of `source` (up to the end of its first line), or
    /// without an end, the token that starts at `start`.
    pub fn at_range(
        severity: Severity,
        path: &str,
        source: &str,
        start: usize,
        end: Option<usize>,
        message: impl Into<String>,
    ) -> Diagnostic {
        Diagnostic::in_lines(
            severity,
            path,
            source,
            &line_starts(source),
            start,
            end,
            message,
        )
    }

    /// As [`Diagnostic::at_range`], with the byte offsets of the line starts of `source`
    /// (from [`line_starts`]) given, so that many diagnostics in a large file stay cheap.
    pub fn in_lines(
        severity: Severity,
        path: &str,
        source: &str,
        starts: &[usize],
        start: usize,
        end: Option<usize>,
        message: impl Into<String>,
    ) -> Diagnostic {
        let offset = floor_char_boundary(source, start.min(source.len()));
        let line = starts.partition_point(|&s| s <= offset).max(1);
        let line_start = starts[line - 1];
        let line_end = source[offset..]
            .find('\n')
            .map_or(source.len(), |i| offset + i);
        let source_line = source[line_start..line_end].trim_end_matches('\r');
        let column = source[line_start..offset].chars().count() + 1;
        let rest = &source[offset..line_end.max(offset)];
        let width = match end {
            Some(end) => {
                let end = floor_char_boundary(source, end.clamp(offset, line_end));
                source[offset..end].trim_end().chars().count()
            }
            None => rest
                .chars()
                .take_while(|c| !c.is_whitespace() && !matches!(c, ':' | ',' | ']' | '}' | '#'))
                .count(),
        }
        .max(1);
        Diagnostic {
            severity,
            path: path.to_owned(),
            line,
            column,
            message: message.into(),
            source_line: source_line.to_owned(),
            width,
            hint: None,
        }
    }

    pub fn with_hint(mut self, hint: impl Into<String>) -> Diagnostic {
        self.hint = Some(hint.into());
        self
    }
}

/// The byte offset where each line of `source` starts.
pub fn line_starts(source: &str) -> Vec<usize> {
    std::iter::once(0)
        .chain(source.match_indices('\n').map(|(i, _)| i + 1))
        .collect()
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

impl fmt::Display for Diagnostic {
    /// The shape editors and CI annotate: `path:line:col: severity: message`, the line
    /// quoted, and a caret placed by display width, so it sits under a Chinese character too.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            return writeln!(f, "{}: {}: {}", self.severity, self.path, self.message);
        }
        writeln!(
            f,
            "{}: {}:{}:{}: {}",
            self.severity, self.path, self.line, self.column, self.message
        )?;
        let number = self.line.to_string();
        let gutter = " ".repeat(number.len());
        let mut line = self.source_line.replace('\t', " ");
        let mut column = self.column;
        // A very long line is quoted around the column only.
        const BEFORE: usize = 40;
        const TOTAL: usize = 100;
        if line.chars().count() > TOTAL {
            let skip = column.saturating_sub(BEFORE + 1);
            let mut window: String = line.chars().skip(skip).take(TOTAL).collect();
            if skip > 0 {
                window.insert(0, '…');
                column = column - skip + 1;
            }
            if line.chars().count() > skip + TOTAL {
                window.push('…');
            }
            line = window;
        }
        let before: String = line.chars().take(column - 1).collect();
        let token: String = line
            .chars()
            .skip(column - 1)
            .take(self.width)
            .filter(|&c| c != '…')
            .collect();
        let carets = "^".repeat(token.width().max(1));
        writeln!(f, "{gutter} |")?;
        writeln!(f, "{number} | {line}")?;
        write!(f, "{gutter} | {}{carets}", " ".repeat(before.width()))?;
        if let Some(hint) = &self.hint {
            write!(f, " {hint}")?;
        }
        writeln!(f)
    }
}

/// Everything that can go wrong inside the library.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("cannot read {path}: {source}")]
    Read {
        path: String,
        #[source]
        source: io::Error,
    },
    #[error("{path}: {message}")]
    Decode { path: String, message: String },
    #[error("{}", render_diagnostics(.diagnostics))]
    Invalid { diagnostics: Vec<Diagnostic> },
    #[error("template `{name}`{}: {message}", line.map(|l| format!(" line {l}")).unwrap_or_default())]
    Template {
        name: String,
        line: Option<usize>,
        message: String,
    },
    #[error("cannot use {} as the templates folder: {source}", path.display())]
    TemplatesFolder {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
    #[error("cannot write {}: {source}", path.display())]
    Write {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
    #[error("{0}")]
    Usage(String),
    /// A plans folder with no plan in it; `skipped` are its entries named like plans that
    /// are not plan files (links to nothing, named pipes, folders).
    #[error("{}", no_plans(folder, skipped))]
    NoPlans {
        folder: PathBuf,
        skipped: Vec<(PathBuf, FileKind)>,
    },
    #[error("cannot build the Word document: {message}")]
    Docx { message: String },
}

fn no_plans(folder: &std::path::Path, skipped: &[(PathBuf, FileKind)]) -> String {
    let mut message = format!("no plans (*.yaml, *.yml) in {}", folder.display());
    if !skipped.is_empty() {
        let entries: Vec<String> = skipped
            .iter()
            .map(|(path, kind)| format!("{} is {kind}", path.display()))
            .collect();
        message.push_str(&format!(
            ": {}; a plan is a regular file, or a link to one",
            entries.join(", ")
        ));
    }
    message
}

/// Diagnostics as printed: each in its shape, a blank line between them.
pub fn render_diagnostics(diagnostics: &[Diagnostic]) -> String {
    let mut out = String::new();
    for (i, d) in diagnostics.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        out.push_str(&d.to_string());
    }
    // The last line break belongs to whoever prints the error.
    out.truncate(out.trim_end().len());
    out
}

impl Error {
    /// Whether the fault lies with how the program was called (exit code 2).
    pub fn is_usage(&self) -> bool {
        matches!(self, Error::Usage(_) | Error::NoPlans { .. })
    }
}

impl From<minijinja::Error> for Error {
    /// A fault inside an included or imported template arrives wrapped in the error of the
    /// template that included it: the innermost template and line are where the fault is.
    fn from(err: minijinja::Error) -> Self {
        let mut innermost = &err;
        let mut located = &err;
        let mut causes = Vec::new();
        let mut source = std::error::Error::source(&err);
        while let Some(inner) = source {
            match inner.downcast_ref::<minijinja::Error>() {
                Some(inner) => {
                    innermost = inner;
                    if inner.name().is_some() {
                        located = inner;
                    }
                }
                None => causes.push(inner.to_string()),
            }
            source = inner.source();
        }
        let mut message = match (innermost.kind(), innermost.detail()) {
            (minijinja::ErrorKind::SyntaxError, Some(detail)) => format!("syntax error: {detail}"),
            (_, Some(detail)) => detail.to_owned(),
            (kind, None) => kind.to_string(),
        };
        for cause in causes {
            message.push_str(": ");
            message.push_str(&cause);
        }
        if message.contains("cannot recurse outside of recursive loop") {
            message.push_str(
                " (inside a `for` of its own, `loop` is that loop: save the loop over the \
                 sections first, as schedule.<ext> does with `{% set nodes = loop %}`)",
            );
        }
        Error::Template {
            name: located.name().unwrap_or("<template>").to_owned(),
            line: located.line(),
            message,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn caret_sits_under_wide_characters() {
        let source = "标题: 计划\n单位: 城东中学\nguidng: 以\n";
        let offset = source.find("guidng").unwrap();
        let d = Diagnostic::at_offset(Severity::Error, "p.yaml", source, offset, "unknown key")
            .with_hint("did you mean?");
        assert_eq!((d.line, d.column, d.width), (3, 1, 6));
        let offset = source.find("城东").unwrap();
        let d = Diagnostic::at_offset(Severity::Error, "p.yaml", source, offset, "bad");
        assert_eq!(
            d.to_string(),
            "error: p.yaml:2:5: bad\n  |\n2 | 单位: 城东中学\n  |       ^^^^^^^^\n"
        );
    }
}
