//! The error type and every user-facing wording of a problem, in one place.

use std::fmt;
use std::io;
use std::path::{Path, PathBuf};

use unicode_width::UnicodeWidthStr;

use crate::file_kind::{FileKind, NotRegular};
use crate::messages::Message;
use crate::msg;
use crate::text::{display_name, line_end, line_starts};

/// How bad a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Warning,
    Error,
}

impl Severity {
    /// The word for it, as messages print it (`error`, `错误`).
    pub fn word(self) -> Message {
        match self {
            Severity::Warning => msg!("severity-warning"),
            Severity::Error => msg!("severity-error"),
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.word().fmt(f)
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
    pub message: Message,
    pub hint: Message,
}

impl Finding {
    pub fn warning(
        path: Vec<Seg>,
        message: impl Into<Message>,
        hint: impl Into<Message>,
    ) -> Finding {
        Finding {
            severity: Severity::Warning,
            path,
            on_key: false,
            needle: None,
            message: message.into(),
            hint: hint.into(),
        }
    }

    pub fn error(path: Vec<Seg>, message: impl Into<Message>, hint: impl Into<Message>) -> Finding {
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
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    /// The file as the user named it (`-` is shown as `<stdin>`).
    pub path: String,
    /// 1-based line; 0 for a problem with the file as a whole (it cannot be read as text).
    pub line: usize,
    /// 1-based column, counted in characters.
    pub column: usize,
    /// What is wrong; its code names the kind of problem for scripts.
    pub message: Message,
    /// The whole source line, quoted under the message.
    pub source_line: String,
    /// How many characters the caret underlines (at least one).
    pub width: usize,
    /// What to do about it.
    pub hint: Option<Message>,
    /// The kind of problem, for code that acts on it (never on its words); `None` for most.
    pub problem: Option<Problem>,
}

/// Problems that code other than the one reporting them acts on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Problem {
    /// A key the format does not know: serde stops at the first, so checking looks for
    /// the others.
    UnknownKey,
    /// A value its key does not take: serde stops there, so checking looks for unknown keys
    /// after it too.
    Refused,
}

impl Diagnostic {
    /// A problem with a file as a whole, which has no line to quote.
    pub fn whole_file(path: &str, message: impl Into<Message>) -> Diagnostic {
        Diagnostic {
            severity: Severity::Error,
            path: path.to_owned(),
            line: 0,
            column: 0,
            message: message.into(),
            source_line: String::new(),
            width: 0,
            hint: None,
            problem: None,
        }
    }

    /// A problem at a byte offset of `source`; the caret covers the token found there.
    pub fn at_offset(
        severity: Severity,
        path: &str,
        source: &str,
        offset: usize,
        message: impl Into<Message>,
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
        message: impl Into<Message>,
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
        message: impl Into<Message>,
    ) -> Diagnostic {
        let offset = floor_char_boundary(source, start.min(source.len()));
        let line = starts.partition_point(|&s| s <= offset).max(1);
        let line_start = starts[line - 1];
        let line_end = line_end(source, offset);
        // An offset on the `\n` of a `\r\n` ends the line after its `\r`.
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
            problem: None,
        }
    }

    pub fn with_hint(mut self, hint: impl Into<Message>) -> Diagnostic {
        self.hint = Some(hint.into());
        self
    }
}

impl serde::Serialize for Diagnostic {
    /// One problem for scripts and editors: its stable `code`, and the words in the run's
    /// language.
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let lang = crate::messages::lang();
        let mut out = serializer.serialize_struct("Diagnostic", 9)?;
        out.serialize_field("severity", &self.severity)?;
        out.serialize_field("code", self.message.code())?;
        out.serialize_field("path", &self.path)?;
        out.serialize_field("line", &self.line)?;
        out.serialize_field("column", &self.column)?;
        out.serialize_field("message", &self.message.say(lang))?;
        out.serialize_field("source_line", &self.source_line)?;
        out.serialize_field("width", &self.width)?;
        out.serialize_field("hint", &self.hint.as_ref().map(|h| h.say(lang)))?;
        out.end()
    }
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// A character as messages name it: `U+001B (ESC)`, with the usual abbreviation of a control
/// character.
pub fn char_name(c: char) -> String {
    const C0: [&str; 32] = [
        "NUL", "SOH", "STX", "ETX", "EOT", "ENQ", "ACK", "BEL", "BS", "TAB", "LF", "VT", "FF",
        "CR", "SO", "SI", "DLE", "DC1", "DC2", "DC3", "DC4", "NAK", "SYN", "ETB", "CAN", "EM",
        "SUB", "ESC", "FS", "GS", "RS", "US",
    ];
    let name = match c {
        '\0'..='\u{1f}' => Some(C0[c as usize]),
        '\u{7f}' => Some("DEL"),
        '\u{85}' => Some("NEL"),
        '\u{9b}' => Some("CSI"),
        '\u{9d}' => Some("OSC"),
        _ => None,
    };
    match name {
        Some(name) => format!("U+{:04X} ({name})", c as u32),
        None => format!("U+{:04X}", c as u32),
    }
}

/// Text with every control character shown by a visible stand-in (`␛` for ESC, `�` for a C1
/// character), one for one, so that printing a message never moves the cursor, retitles
/// the terminal or rings its bell, and the caret still lands under the right character.
pub(crate) fn visible(text: &str) -> std::borrow::Cow<'_, str> {
    let shown = |c: char| c == '\n' || !(c.is_control() || matches!(c, '\u{2028}' | '\u{2029}'));
    if text.chars().all(shown) {
        return text.into();
    }
    text.chars()
        .map(|c| match c {
            '\n' => c,
            // Line and paragraph separators, which end a line in some programs.
            '\u{2028}' | '\u{2029}' => '\u{2424}',
            '\0'..='\u{1f}' => char::from_u32(0x2400 + c as u32).unwrap_or('\u{fffd}'),
            '\u{7f}' => '\u{2421}',
            c if c.is_control() => '\u{fffd}',
            c => c,
        })
        .collect::<String>()
        .into()
}

impl fmt::Display for Diagnostic {
    /// The shape editors and CI annotate: `path:line:col: severity: message`, the line
    /// quoted, and a caret placed by display width, so it sits under a Chinese character too.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let lang = crate::messages::lang();
        let message = self.message.say(lang);
        let message = visible(&message);
        let place = match self.line {
            0 => self.path.clone(),
            _ => format!("{}:{}:{}", self.path, self.line, self.column),
        };
        let head = msg!(
            "diagnostic-at",
            severity = self.severity.word(),
            place = place,
            message = message.into_owned()
        );
        writeln!(f, "{}", head.say(lang))?;
        if self.line == 0 {
            return Ok(());
        }
        let number = self.line.to_string();
        let gutter = " ".repeat(number.len());
        let mut line = visible(&self.source_line.replace('\t', " ")).into_owned();
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
            write!(f, " {}", visible(&hint.say(lang)))?;
        }
        writeln!(f)
    }
}

/// Everything that can go wrong inside the library. Each variant carries data; its words
/// are the catalogue's ([`Error::message`]), and its exit code is the variant's.
#[derive(Debug)]
pub enum Error {
    Read {
        path: String,
        source: io::Error,
    },
    Decode {
        path: String,
        message: Message,
    },
    Invalid {
        diagnostics: Vec<Diagnostic>,
    },
    Template {
        name: String,
        line: Option<usize>,
        fault: TemplateFault,
    },
    TemplatesFolder {
        path: PathBuf,
        source: io::Error,
    },
    Write {
        path: PathBuf,
        source: io::Error,
    },
    /// A folder on the way to an output is something else: a file (`-o base.yaml/x.md`), a
    /// named pipe, a link to nothing.
    UnderAFile {
        path: PathBuf,
        file: PathBuf,
        kind: FileKind,
    },
    /// An output that is not written because of what is there.
    NotWritten {
        path: PathBuf,
        why: NotWritten,
    },
    /// `--check` of an `--out-dir` that is reached through a link.
    CheckThroughLink {
        path: PathBuf,
        real: Option<PathBuf>,
    },
    /// The folder to write the outputs into is something else.
    NotAFolder {
        path: PathBuf,
        kind: FileKind,
    },
    FolderNotWritable {
        path: PathBuf,
        source: io::Error,
    },
    /// The command line asks for something that cannot be done.
    Usage(Usage),
    /// A plans folder with no plan in it; `skipped` are its entries named like plans that
    /// are not plan files (links to nothing, named pipes, folders).
    NoPlans {
        folder: PathBuf,
        skipped: Vec<(PathBuf, FileKind)>,
    },
    /// docx-rs or zip could not build the document; `detail` is their words.
    Docx {
        detail: String,
    },
}

/// What the command line asks for that cannot be done (exit code 2).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Usage {
    /// Several `-f` formats without `--out-dir`.
    SeveralFormats,
    /// `-o` names a file whose extension is no format.
    FormatFromName { path: PathBuf },
    /// Several plans without `--out-dir`.
    SeveralPlans { count: usize },
    /// A plan whose path has no file name to name its output after.
    NoFileName { plan: PathBuf },
    /// Two plans that would write the same output.
    SameOutput {
        first: PathBuf,
        second: PathBuf,
        out: PathBuf,
    },
    /// An output of `--out-dir` is the plan itself.
    OutputIsPlan { path: PathBuf },
    /// `-o` names the plan itself.
    OutputNamesPlan { path: PathBuf },
    /// `--check` with standard output as the output.
    CheckNeedsFiles,
    /// A Word document to a terminal.
    DocxToTerminal,
    /// Ctrl-C cannot be caught; `detail` is the ctrlc crate's words.
    CannotWatch { detail: String },
    /// The plans cannot be watched; `detail` is the notify crate's words.
    CannotWatchPlans { detail: String },
    /// `--each` without `--out-dir`: each member's plan needs a file of its own.
    EachNeedsOutDir,
    /// An output of `--each` is the members file.
    OutputIsMembers { path: PathBuf },
    /// `--each` with several plans: the members share one.
    EachWithSeveralPlans { count: usize },
    /// `templates show` of a name no template has.
    NoTemplate { name: String },
    /// `templates show` of a name leading out of the folder.
    TemplateOutside { name: String, link: bool },
    /// `templates eject` into a folder that holds templates already.
    EjectWouldOverwrite { dir: PathBuf, names: Vec<String> },
    /// `templates eject --force` over folders named as templates.
    EjectOverFolders { dir: PathBuf, names: Vec<String> },
    /// `init` onto a file that exists, without `--force`.
    DraftWouldOverwrite { path: PathBuf },
    /// A draft's `-o` names the plan it is drafted from.
    DraftOntoPlan { path: PathBuf },
}

/// What is wrong with a template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TemplateFault {
    /// minijinja's fault: its words (`detail`), which are the library's, shown as data.
    Engine {
        detail: String,
        syntax: bool,
        /// `loop(…)` called on a loop that is not the recursive one.
        recursion_outside_loop: bool,
    },
    /// It writes more than `mib` MiB.
    TooLarge { mib: usize },
    /// It is written for the templates of unionplan 0.1.
    OldLayout,
    /// The file cannot be used as a template (a folder, a link out of the folder…).
    Unusable(Message),
}

impl TemplateFault {
    pub fn message(&self) -> Message {
        match self {
            TemplateFault::Engine {
                detail,
                syntax,
                recursion_outside_loop,
            } => {
                let said = match syntax {
                    true => msg!("template-syntax", detail = detail),
                    false => msg!("template-engine", detail = detail),
                };
                match recursion_outside_loop {
                    true => msg!("template-loop-outside-recursion", fault = said),
                    false => said,
                }
            }
            TemplateFault::TooLarge { mib } => msg!("template-too-large", mib = *mib),
            TemplateFault::OldLayout => msg!("template-old-layout"),
            TemplateFault::Unusable(why) => why.clone(),
        }
    }
}

/// Why an output path is not written to.
#[derive(Debug)]
pub enum NotWritten {
    Folder,
    /// A symbolic link, to the path it holds: replacing it would lose the link, and writing
    /// through it would write wherever it leads.
    Link {
        to: PathBuf,
    },
    /// A named pipe that nothing reads: writing would wait for ever.
    PipeWithoutReader,
    Socket,
    Disk,
}

impl NotWritten {
    fn message(&self, path: &Path) -> Message {
        let path = display_name(path);
        match self {
            NotWritten::Folder => msg!("not-written-folder", path = path),
            NotWritten::Link { to } => {
                msg!("not-written-link", path = path, target = display_name(to))
            }
            NotWritten::PipeWithoutReader => msg!("not-written-pipe", path = path),
            NotWritten::Socket => msg!("not-written-socket", path = path),
            NotWritten::Disk => msg!("not-written-disk", path = path),
        }
    }
}

impl Usage {
    pub fn message(&self) -> Message {
        match self {
            Usage::SeveralFormats => msg!("usage-several-formats"),
            Usage::FormatFromName { path } => {
                msg!("usage-format-from-name", path = display_name(path))
            }
            Usage::SeveralPlans { count } => msg!("usage-several-plans", count = *count),
            Usage::EachNeedsOutDir => msg!("usage-each-needs-out-dir"),
            Usage::OutputIsMembers { path } => {
                msg!("usage-output-is-members", path = display_name(path))
            }
            Usage::EachWithSeveralPlans { count } => {
                msg!("usage-each-several-plans", count = *count)
            }
            Usage::NoFileName { plan } => msg!("usage-no-file-name", plan = display_name(plan)),
            Usage::SameOutput { first, second, out } => msg!(
                "usage-same-output",
                first = display_name(first),
                second = display_name(second),
                out = display_name(out)
            ),
            Usage::OutputIsPlan { path } => msg!("usage-output-is-plan", path = display_name(path)),
            Usage::OutputNamesPlan { path } => {
                msg!("usage-output-names-plan", path = display_name(path))
            }
            Usage::CheckNeedsFiles => msg!("usage-check-needs-files"),
            Usage::DocxToTerminal => msg!("usage-docx-to-terminal"),
            Usage::CannotWatch { detail } => msg!("usage-cannot-watch", detail = detail),
            Usage::CannotWatchPlans { detail } => {
                msg!("usage-cannot-watch-plans", detail = detail)
            }
            Usage::NoTemplate { name } => msg!("usage-no-template", name = name),
            Usage::TemplateOutside { name, link } => msg!(
                "template-named",
                name = name,
                why = match link {
                    true => msg!("template-link-outside"),
                    false => msg!("template-outside"),
                }
            ),
            Usage::EjectWouldOverwrite { dir, names } => msg!(
                "usage-eject-would-overwrite",
                dir = dir.display().to_string(),
                names = names.clone()
            ),
            Usage::EjectOverFolders { dir, names } => msg!(
                "usage-eject-over-folders",
                dir = dir.display().to_string(),
                names = names.clone()
            ),
            Usage::DraftWouldOverwrite { path } => {
                msg!("usage-draft-would-overwrite", path = display_name(path))
            }
            Usage::DraftOntoPlan { path } => {
                msg!("usage-draft-onto-plan", path = display_name(path))
            }
        }
    }
}

/// An io error in our words: the common kinds by name, others by the system's text, quoted.
pub fn io_message(e: &io::Error) -> Message {
    use io::ErrorKind as K;
    if let Some(not_regular) = e
        .get_ref()
        .and_then(|inner| inner.downcast_ref::<NotRegular>())
    {
        return msg!("io-not-regular", kind = not_regular.0.message());
    }
    // Words a library put in the error say more than its kind.
    if e.raw_os_error().is_none() && e.get_ref().is_some() {
        return msg!("io-other", detail = e.to_string());
    }
    let code = match e.kind() {
        K::NotFound => "io-not-found",
        K::PermissionDenied => "io-permission-denied",
        K::AlreadyExists => "io-already-exists",
        K::IsADirectory => "io-is-a-folder",
        K::NotADirectory => "io-not-a-folder",
        K::DirectoryNotEmpty => "io-folder-not-empty",
        K::ReadOnlyFilesystem => "io-read-only",
        K::StorageFull => "io-storage-full",
        K::QuotaExceeded => "io-quota-exceeded",
        K::FileTooLarge => "io-file-too-large",
        K::InvalidData => "io-invalid-data",
        K::InvalidInput => "io-invalid-input",
        K::InvalidFilename => "io-invalid-file-name",
        K::Interrupted => "io-interrupted",
        K::BrokenPipe => "io-broken-pipe",
        K::UnexpectedEof => "io-unexpected-end",
        K::ResourceBusy | K::ExecutableFileBusy => "io-busy",
        K::TimedOut => "io-timed-out",
        K::WouldBlock => "io-would-block",
        K::TooManyLinks => "io-too-many-links",
        K::CrossesDevices => "io-crosses-devices",
        K::OutOfMemory => "io-out-of-memory",
        K::Unsupported => "io-unsupported",
        _ => return msg!("io-other", detail = e.to_string()),
    };
    Message::new(code)
}

/// A line of the run's messages about an error: `error: …`.
pub fn error_line(message: Message) -> Message {
    msg!(
        "diagnostic-whole",
        severity = Severity::Error.word(),
        message = message
    )
}

/// A line of the run's messages that is a note: `note: …`.
pub fn note_line(message: Message) -> Message {
    msg!(
        "diagnostic-whole",
        severity = msg!("severity-note"),
        message = message
    )
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
    /// What went wrong, as the catalogue says it. [`Error::Invalid`]'s diagnostics are
    /// printed in their own shape by its `Display`; this is their count.
    pub fn message(&self) -> Message {
        match self {
            Error::Read { path, source } => {
                msg!("cannot-read", path = path, reason = io_message(source))
            }
            Error::Decode { path, message } => {
                msg!("cannot-decode", path = path, detail = message.clone())
            }
            Error::Invalid { diagnostics } => msg!("invalid-plan", count = diagnostics.len()),
            Error::Template { name, line, fault } => match line {
                Some(line) => msg!(
                    "template-error-at",
                    name = name,
                    line = *line,
                    fault = fault.message()
                ),
                None => msg!("template-error", name = name, fault = fault.message()),
            },
            Error::TemplatesFolder { path, source } => msg!(
                "templates-folder",
                path = path.display().to_string(),
                reason = io_message(source)
            ),
            Error::Write { path, source } => msg!(
                "cannot-write",
                path = display_name(path),
                reason = io_message(source)
            ),
            Error::UnderAFile { path, file, kind } => msg!(
                "under-a-file",
                path = display_name(path),
                file = display_name(file),
                kind = kind.message()
            ),
            Error::NotWritten { path, why } => why.message(path),
            Error::CheckThroughLink { path, real } => match real {
                Some(real) => msg!(
                    "check-through-link-real",
                    path = display_name(path),
                    real = display_name(real)
                ),
                None => msg!("check-through-link", path = display_name(path)),
            },
            Error::NotAFolder { path, kind } => msg!(
                "not-a-folder",
                path = display_name(path),
                kind = kind.message()
            ),
            Error::FolderNotWritable { path, source } => msg!(
                "folder-not-writable",
                path = display_name(path),
                reason = io_message(source)
            ),
            Error::Usage(usage) => usage.message(),
            Error::NoPlans { folder, skipped } if skipped.is_empty() => {
                msg!("no-plans", folder = display_name(folder))
            }
            Error::NoPlans { folder, skipped } => msg!(
                "no-plans-skipped",
                folder = display_name(folder),
                entries = skipped
                    .iter()
                    .map(|(path, kind)| {
                        msg!("entry-is", path = display_name(path), kind = kind.message())
                            .to_string()
                    })
                    .collect::<Vec<String>>()
            ),
            Error::Docx { detail } => msg!("docx-error", detail = detail),
        }
    }

    /// The exit code the run ends with: 1 for a plan, template or file that cannot be
    /// used, 2 for a command line that asks for what cannot be done.
    pub fn exit_code(&self) -> u8 {
        match self {
            // Watching that the system cannot do (too many watches) is no fault of the call.
            Error::Usage(Usage::CannotWatch { .. } | Usage::CannotWatchPlans { .. }) => 1,
            Error::Usage(_) | Error::NoPlans { .. } => 2,
            _ => 1,
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Invalid { diagnostics } => f.write_str(&render_diagnostics(diagnostics)),
            other => other.message().fmt(f),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Read { source, .. }
            | Error::TemplatesFolder { source, .. }
            | Error::Write { source, .. }
            | Error::FolderNotWritable { source, .. } => Some(source),
            _ => None,
        }
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
        let syntax = innermost.kind() == minijinja::ErrorKind::SyntaxError;
        let mut detail = match innermost.detail() {
            Some(detail) => detail.to_owned(),
            None => innermost.kind().to_string(),
        };
        for cause in causes {
            detail.push_str(": ");
            detail.push_str(&cause);
        }
        let recursion_outside_loop =
            template_slip(&detail) == Some(TemplateSlip::RecursionOutsideLoop);
        Error::Template {
            name: located.name().unwrap_or("<template>").to_owned(),
            line: located.line(),
            fault: TemplateFault::Engine {
                detail,
                syntax: syntax && innermost.detail().is_some(),
                recursion_outside_loop,
            },
        }
    }
}

/// A fault of a template that minijinja names by its words only.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TemplateSlip {
    /// `loop(…)` called on a loop that is not the recursive one (an inner `for`'s).
    RecursionOutsideLoop,
}

/// Reads minijinja's message of a fault: the one place that reads its text, so that a new
/// version that words it otherwise fails a test.
fn template_slip(message: &str) -> Option<TemplateSlip> {
    message
        .contains("cannot recurse outside of recursive loop")
        .then_some(TemplateSlip::RecursionOutsideLoop)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn diagnostics_are_placed_on_lines_that_end_at_any_break() {
        let source = "a\nb\r\nc\rd\r\re";
        let offset = source.find('d').unwrap();
        let d = Diagnostic::at_offset(
            Severity::Error,
            "p.yaml",
            source,
            offset,
            msg!("no-sections"),
        );
        assert_eq!((d.line, d.column, d.source_line.as_str()), (4, 1, "d"));
        let d = Diagnostic::at_offset(Severity::Error, "p.yaml", source, 3, msg!("no-sections"));
        assert_eq!((d.line, d.source_line.as_str()), (2, "b"));
    }

    #[test]
    fn control_characters_are_shown_by_stand_ins() {
        let source = "title: 工作\u{1b}[2J计划\u{9b}\u{7f}\n";
        let offset = source.find('\u{1b}').unwrap();
        let end = Some(offset + 1);
        let bad = msg!("unknown-key", key = "bad \u{7}");
        let d = Diagnostic::at_range(Severity::Error, "p.yaml", source, offset, end, bad)
            .with_hint(msg!("did-you-mean", name = "remove \u{0}"));
        assert_eq!(
            d.to_string(),
            "error: p.yaml:1:10: unknown key `bad ␇`\n  |\n1 | title: 工作␛[2J计划�␡\n  |            ^ did you mean `remove ␀`?\n"
        );
        assert_eq!(char_name('\u{1b}'), "U+001B (ESC)");
        assert_eq!(char_name('\u{9f}'), "U+009F");
    }

    #[test]
    fn caret_sits_under_wide_characters() {
        let source = "标题: 计划\n单位: 城东中学\nguidng: 以\n";
        let offset = source.find("guidng").unwrap();
        let d = Diagnostic::at_offset(
            Severity::Error,
            "p.yaml",
            source,
            offset,
            msg!("no-sections"),
        )
        .with_hint(msg!("no-sections-hint"));
        assert_eq!((d.line, d.column, d.width), (3, 1, 6));
        let offset = source.find("城东").unwrap();
        let d = Diagnostic::at_offset(
            Severity::Error,
            "p.yaml",
            source,
            offset,
            msg!("no-sections"),
        );
        assert_eq!(
            d.to_string(),
            "error: p.yaml:2:5: the plan has no sections\n  |\n2 | 单位: 城东中学\n  |       ^^^^^^^^\n"
        );
    }

    #[test]
    fn errors_are_said_in_both_languages_from_their_data() {
        use crate::messages::Lang;
        let missing = Error::Read {
            path: "计划.yaml".to_owned(),
            source: io::Error::from(io::ErrorKind::NotFound),
        };
        assert_eq!(
            missing.message().say(Lang::En),
            "cannot read 计划.yaml: no such file or folder"
        );
        assert_eq!(
            missing.message().say(Lang::Zh),
            "无法读取 `计划.yaml`：没有这个文件或文件夹"
        );
        assert_eq!(missing.exit_code(), 1);
        let usage = Error::Usage(Usage::SeveralPlans { count: 3 });
        assert_eq!(
            usage.to_string(),
            "3 plans to render: give --out-dir DIR to write each to its own file"
        );
        assert_eq!(
            usage.message().say(Lang::Zh),
            "要渲染 3 份计划：请用 `--out-dir DIR` 把每份计划写成单独的文件"
        );
        assert_eq!(usage.exit_code(), 2);
        let docx = Error::Docx {
            detail: "zip broke".to_owned(),
        };
        assert_eq!(
            docx.message().say(Lang::Zh),
            "无法生成 `Word` 文档：“zip broke”"
        );
    }

    #[test]
    fn io_errors_are_said_by_their_kind_and_others_by_the_systems_words() {
        use crate::messages::Lang;
        let said = |e: io::Error| (io_message(&e).say(Lang::En), io_message(&e).say(Lang::Zh));
        assert_eq!(
            said(io::Error::from_raw_os_error(13)),
            ("permission denied".to_owned(), "没有权限".to_owned())
        );
        assert_eq!(
            said(io::Error::from(io::ErrorKind::StorageFull)),
            (
                "no space left on the disk".to_owned(),
                "磁盘空间已满".to_owned()
            )
        );
        assert_eq!(
            said(io::Error::new(
                io::ErrorKind::InvalidInput,
                NotRegular(FileKind::NamedPipe)
            )),
            ("is a named pipe".to_owned(), "是命名管道".to_owned())
        );
        // Words a library gave are its own: shown as they are, quoted in Chinese.
        assert_eq!(
            said(io::Error::other("the tape jammed")),
            (
                "the tape jammed".to_owned(),
                "系统报告：“the tape jammed”".to_owned()
            )
        );
    }

    #[test]
    fn minijinja_faults_are_read() {
        let mut env = minijinja::Environment::new();
        env.add_template(
            "t.md",
            "{% for s in [[1]] recursive %}{% for i in s %}{{ loop(s) }}{% endfor %}{% endfor %}",
        )
        .unwrap();
        let err = env.get_template("t.md").unwrap().render(()).unwrap_err();
        assert_eq!(
            template_slip(&err.to_string()),
            Some(TemplateSlip::RecursionOutsideLoop),
            "{err}"
        );
        let err = Error::from(err);
        let Error::Template { name, .. } = &err else {
            panic!("a template error");
        };
        assert_eq!(name, "t.md");
        let message = err.message().say(crate::messages::Lang::En);
        assert!(message.contains("{% set nodes = loop %}"), "{message}");
        let message = err.message().say(crate::messages::Lang::Zh);
        assert!(message.contains("{% set nodes = loop %}"), "{message}");
        assert_eq!(template_slip("undefined value"), None);
    }
}
