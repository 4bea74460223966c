//! Bytes to text to plan model: the only module that decodes input or names a YAML crate.

mod bound;
mod index;
mod layer;
mod path;
mod said;
mod slips;
mod takes;

use std::cell::OnceCell;
use std::io::Read;
use std::path::Path;
use std::sync::Arc;

use crate::error::{Diagnostic, Error, Finding, Problem, Seg, Severity};
use crate::messages::Message;
use crate::model::{self, Plan};
use crate::msg;
use crate::text::display_name;
use said::{Limit, Said, Slip, What};

/// How every message names a path; kept here for the callers that name it by `load`.
pub use bound::{MAX_NODES, MAX_TEXT};
pub use index::{Entry, Located, Shape};
pub use path::{resolve as resolve_path, BadPath};

/// A plan file's text, kept for quoting lines in diagnostics.
#[derive(Debug)]
pub struct Source {
    /// The name shown in diagnostics: the path as given, or `<stdin>`.
    pub name: String,
    pub text: String,
    /// What decoding noticed (an encoding other than UTF-8).
    pub notes: Vec<Diagnostic>,
    index: OnceCell<Option<Located>>,
    lines: OnceCell<Vec<usize>>,
    /// The slips of typing ([`slips`]) named as errors when YAML cannot read the file.
    slips: Vec<Diagnostic>,
    /// Values put in place of the file's (`--set`, `--each`).
    overrides: Vec<Override>,
}

/// A value put in place of the file's by `--set` or `--each`: the data path it replaces, the
/// value, and where it was given, for the diagnostics that concern it.
#[derive(Debug, Clone)]
pub struct Override {
    /// English key names and 0-based entries.
    pub path: Vec<Seg>,
    /// The path as the user wrote it (`落款.日期`), for messages.
    pub written: String,
    value: serde_yaml::Value,
    /// The text as given, when the value is a scalar: an item `0o17` is that text.
    raw: Option<String>,
    pub place: Place,
}

/// Where an override was given: a text to quote (a `--set` argument, a members file), its
/// name, and the byte ranges of the path and the value in it.
#[derive(Debug, Clone)]
pub struct Place {
    pub name: String,
    pub text: Arc<str>,
    /// The byte offsets of the text's line starts.
    pub starts: Arc<[usize]>,
    pub key: (usize, usize),
    pub value: (usize, usize),
}

impl Place {
    /// A place in `text` (shared by the places of one members file).
    pub fn new(
        name: String,
        text: Arc<str>,
        starts: Arc<[usize]>,
        key: (usize, usize),
        value: (usize, usize),
    ) -> Place {
        Place {
            name,
            text,
            starts,
            key,
            value,
        }
    }

    /// A diagnostic at the value (or, `on_key`, the path) of the override.
    pub fn at(&self, severity: Severity, on_key: bool, message: impl Into<Message>) -> Diagnostic {
        let (start, end) = if on_key { self.key } else { self.value };
        self.span(severity, start, end, message)
    }

    /// A diagnostic covering `start..end` of the text.
    pub fn span(
        &self,
        severity: Severity,
        start: usize,
        end: usize,
        message: impl Into<Message>,
    ) -> Diagnostic {
        Diagnostic::in_lines(
            severity,
            &self.name,
            &self.text,
            &self.starts,
            start,
            Some(end),
            message,
        )
    }
}

impl Override {
    /// An override whose value is text typed on a command line or in a table cell, read as
    /// YAML reads a scalar: `2028` a number, `false` a yes-or-no, nothing or `~` no value,
    /// a quoted text the text inside, `[甲, 乙]` a list; anything else is the text as typed,
    /// so that `城东中学工会 #1`, `#1 号文件` or `要求: 全员` stays whole.
    pub fn scalar(path: Vec<Seg>, written: String, raw: &str, place: Place) -> Override {
        let typed = serde_yaml::from_str::<serde_yaml::Value>(raw).ok();
        let quoted = raw.starts_with([QUOTE, '\'']);
        // No value only when nothing is typed, or YAML's word for none: `#1 号文件` is text,
        // though YAML would read a comment; `1.50` is text, not a number that drops its 0.
        let none = matches!(raw.trim(), "" | "~" | "null" | "Null" | "NULL");
        let value = match typed {
            Some(serde_yaml::Value::Null) if !none => serde_yaml::Value::String(raw.to_owned()),
            Some(serde_yaml::Value::Number(n)) if n.is_f64() => {
                serde_yaml::Value::String(raw.to_owned())
            }
            Some(
                v @ (serde_yaml::Value::Null
                | serde_yaml::Value::Bool(_)
                | serde_yaml::Value::Number(_)),
            ) => v,
            Some(v @ serde_yaml::Value::String(_)) if quoted => v,
            // A list or mapping written as YAML writes one on a line: `[一、, 1、, （1）]`.
            Some(v @ (serde_yaml::Value::Sequence(_) | serde_yaml::Value::Mapping(_)))
                if raw.starts_with(['[', '{']) =>
            {
                v
            }
            _ => serde_yaml::Value::String(raw.to_owned()),
        };
        Override {
            path,
            written,
            value,
            raw: Some(raw.to_owned()),
            place,
        }
    }
}

/// Serde's words of a value the model refused, as the model's own message where it still
/// has it (its code and data), else as the words.
fn refused(words: &str) -> crate::messages::Arg {
    match model::take_refusal(words) {
        Some(message) => message.into(),
        None => words.into(),
    }
}

/// Where a second YAML document starts: the first `---` or `...` line after the plan's
/// own text (a `---` before it only opens the one document).
fn second_document(text: &str) -> Option<usize> {
    let mut seen_text = false;
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let bare = line.trim_end();
        let marker = ["---", "..."]
            .iter()
            .any(|m| bare == *m || bare.starts_with(&format!("{m} ")));
        if marker && (seen_text || bare.starts_with("...")) {
            return Some(at);
        }
        let content = bare.trim_start();
        if !marker && !content.is_empty() && !content.starts_with('#') && !content.starts_with('%')
        {
            seen_text = true;
        }
        at += line.len();
    }
    None
}

impl Source {
    /// Reads a plan from a path, or standard input for `-`.
    pub fn read(path: &Path) -> Result<Source, Error> {
        let name = display_name(path);
        let mut bytes = Vec::new();
        let read = if path == Path::new("-") {
            // Read once: a plan from standard input rendered for every member is one plan.
            static STDIN: std::sync::OnceLock<Vec<u8>> = std::sync::OnceLock::new();
            match STDIN.get() {
                Some(read) => {
                    bytes.clone_from(read);
                    Ok(bytes.len())
                }
                None => {
                    let read = std::io::stdin().take(MAX_BYTES + 1).read_to_end(&mut bytes);
                    if read.is_ok() {
                        let _ = STDIN.set(bytes.clone());
                    }
                    read
                }
            }
        } else {
            std::fs::File::open(path).and_then(|f| {
                // Room for the whole file up front, so that it is read in one go.
                let size = f.metadata().map_or(0, |m| m.len()).min(MAX_BYTES + 1);
                bytes.reserve_exact(size as usize);
                f.take(MAX_BYTES + 1).read_to_end(&mut bytes)
            })
        };
        read.map_err(|source| Error::Read {
            path: name.clone(),
            source,
        })?;
        if bytes.len() as u64 > MAX_BYTES {
            return Err(Error::Decode {
                path: name,
                message: msg!("file-too-large", mib = MAX_BYTES >> 20),
            });
        }
        Source::from_bytes(name, &bytes)
    }

    /// Decodes a plan's bytes. UTF-8 with or without a byte order mark and CRLF line endings
    /// are read silently. UTF-16 with a byte order mark and GBK / GB18030 (what Notepad on a
    /// Chinese Windows saves as "ANSI") are read too, with a warning saying how to convert:
    /// refusing them would stop a secretary whose file looks fine in Notepad, and the warning
    /// (an error under `--strict`) keeps CI honest.
    pub fn from_bytes(name: String, bytes: &[u8]) -> Result<Source, Error> {
        let decode_error = |message: Message| Error::Decode {
            path: name.clone(),
            message,
        };
        let (text, encoding) = if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
            (
                utf8(rest).ok_or_else(|| decode_error(msg!("file-not-text")))?,
                None,
            )
        } else if let Some((encoding, _)) = encoding_rs::Encoding::for_bom(bytes) {
            let (text, _, malformed) = encoding.decode(bytes);
            if malformed {
                return Err(decode_error(msg!("file-not-text")));
            }
            (text.into_owned(), Some(encoding.name()))
        } else if bytes.contains(&0) && !stray_nuls(bytes) {
            return Err(decode_error(msg!("file-binary")));
        } else if let Some(text) = utf8(bytes) {
            // A stray NUL of a text file is shown where it is, as YAML refuses it.
            (text, None)
        } else if let Some(stray) = not_utf8_at(&name, bytes) {
            // UTF-8 but for a few bytes: read as GBK, it would be every character garbled.
            return Err(stray);
        } else {
            let text = encoding_rs::GB18030
                .decode_without_bom_handling_and_without_replacement(bytes)
                .ok_or_else(|| decode_error(msg!("file-not-text")))?;
            (text.into_owned(), Some("GBK"))
        };
        let mut source = Source {
            name,
            text,
            notes: Vec::new(),
            index: OnceCell::new(),
            lines: OnceCell::new(),
            slips: Vec::new(),
            overrides: Vec::new(),
        };
        if let Some(encoding) = encoding {
            source.notes.push(
                Diagnostic::at_offset(
                    Severity::Warning,
                    &source.name,
                    &source.text,
                    0,
                    msg!("file-encoding", encoding = encoding),
                )
                .with_hint(msg!("file-encoding-hint")),
            );
        }
        source.find_slips();
        Ok(source)
    }

    /// Names the slips of typing ([`slips`]) at their places. When YAML cannot read the
    /// file they are errors, given in place of what YAML says (which it says a line late, or
    /// in its own words). When it can, they are warnings (errors under `--strict`): the line
    /// was read as text, which a plan may hold (`- 要求：全员参加`), so the strong slips only.
    /// The file is read once more for this only when it holds a slip.
    fn find_slips(&mut self) {
        let found = slips::scan(&self.text);
        if found.is_empty() {
            return;
        }
        let reads = self.bounded().is_ok() && self.read_plan().is_ok();
        let severity = if reads {
            Severity::Warning
        } else {
            Severity::Error
        };
        let named: Vec<Diagnostic> = found
            .iter()
            .filter(|slip| slip.strong || !reads)
            .map(|slip| {
                let (message, hint) = slip.words();
                self.at(severity, slip.start, Some(slip.end), message)
                    .with_hint(hint)
            })
            .collect();
        if reads {
            self.notes.extend(named);
        } else {
            self.slips = named;
        }
    }

    /// The same plan with values put in place of the file's.
    pub fn with_overrides(mut self, overrides: Vec<Override>) -> Source {
        self.overrides = overrides;
        self
    }

    /// The model read by serde, with merges, `x-` keys and the overrides (see [`layer`]),
    /// with the overrides that found no place; on failure, which override's value was
    /// refused if one was.
    #[allow(clippy::result_large_err)]
    fn read_plan(&self) -> Result<(Plan, Vec<Diagnostic>), (serde_yaml::Error, Option<usize>)> {
        let state = layer::State::new(
            self.overrides
                .iter()
                .map(|o| layer::Replacement {
                    path: &o.path,
                    value: &o.value,
                })
                .collect(),
        );
        let read = state.read::<Plan, _>(serde_yaml::Deserializer::from_str(&self.text));
        let plan = read.map_err(|e| (e, state.refused()))?;
        // An override no place was found or made for: its path goes through a list entry the
        // file does not have, or into a text.
        let nowhere: Vec<Diagnostic> = (state.applied().iter().zip(&self.overrides))
            .filter(|(applied, _)| !**applied)
            .map(|(_, o)| {
                o.place
                    .at(
                        Severity::Error,
                        true,
                        msg!("override-nowhere", path = &o.written),
                    )
                    .with_hint(msg!("override-nowhere-hint"))
            })
            .collect();
        Ok((plan, nowhere))
    }

    /// Parses the text into the plan model. Every failure names line and column.
    pub fn parse(&self) -> Result<Plan, Error> {
        self.bounded()?;
        model::forget_refusal();
        let mut err = match self.read_plan() {
            Ok((plan, nowhere)) if nowhere.is_empty() => return Ok(self.as_written(plan)),
            Ok((_, nowhere)) => {
                return Err(Error::Invalid {
                    diagnostics: nowhere,
                })
            }
            Err((err, Some(r))) => {
                let o = &self.overrides[r];
                // In the words a value of the file would get; else in serde's.
                let yaml = serde_yaml::to_string(&o.value).unwrap_or_default();
                let (message, hint) = takes::refused_value(&o.path, &o.written, &yaml)
                    .unwrap_or_else(|| {
                        let full = err.to_string();
                        let (_, words) = said::path(said::read(&full).text);
                        let path = msg!("path-key", key = &o.written);
                        let words = refused(words);
                        (msg!("value-refused", path = path, words = words), None)
                    });
                let mut diagnostic = o.place.at(Severity::Error, false, message);
                diagnostic.hint = hint;
                return Err(Error::Invalid {
                    diagnostics: vec![diagnostic],
                });
            }
            Err((err, None)) => err,
        };
        // serde may meet a value of the wrong type before the reader meets the syntax that
        // breaks the file further on (`title: [学习` never closed): the syntax is the problem.
        if self.index().is_none() {
            if let Err(syntax) = serde_yaml::from_str::<serde_yaml::Value>(&self.text) {
                err = syntax;
            }
        }
        let (said, what) = self.yaml_error(&err);
        let not_a_plan = what == What::NotAPlan;
        // What YAML says at a slip, or up to two lines after it, is what the slip made it
        // say; a file that is "not a plan" is one for its slips.
        let explained = not_a_plan
            || self
                .slips
                .iter()
                .any(|slip| (slip.line..=slip.line + 2).contains(&said.line));
        let mut diagnostics = self.slips.clone();
        // serde stops at the first value its key does not take: the walk finds them all,
        // that one among them.
        let refused = match what {
            What::NotAPlan | What::Syntax(_) | What::Limit { .. } | What::RefusedCharacter => {
                Vec::new()
            }
            _ => self.refused_values(),
        };
        let walked = matches!(what, What::Type | What::Other)
            || matches!(
                what,
                What::Name {
                    slip: Slip::UnknownVariant,
                    ..
                }
            );
        // serde's own is among those the walk found, in the walk's words, on its line.
        let found_by_walk = walked && refused.iter().any(|d| d.line == said.line);
        if (!explained || diagnostics.is_empty()) && !found_by_walk {
            let mut said = said;
            if walked {
                said.problem = Some(Problem::Refused);
            }
            diagnostics.push(said);
        }
        // A line with a slip is explained by it.
        let slipped = |d: &Diagnostic| self.slips.iter().any(|slip| slip.line == d.line);
        diagnostics.extend(refused.into_iter().filter(|d| !slipped(d)));
        diagnostics.sort_by_key(|d| (d.line, d.column));
        Err(Error::Invalid { diagnostics })
    }

    /// Every value of the file that its key does not take, in the tool's words.
    fn refused_values(&self) -> Vec<Diagnostic> {
        let Some(root) = self.index() else {
            return Vec::new();
        };
        takes::walk(root, &self.text)
            .into_iter()
            .map(|refused| {
                let mut diagnostic = self.at(
                    Severity::Error,
                    refused.start,
                    Some(refused.end),
                    refused.message,
                );
                // A value YAML read as empty may have been lost to a comment.
                let lost = (refused.start == refused.end)
                    .then(|| lost_to_comment(&diagnostic.source_line))
                    .flatten();
                let hint = lost.or(refused.hint);
                diagnostic.hint = hint;
                diagnostic.problem = Some(Problem::Refused);
                diagnostic
            })
            .collect()
    }

    /// The checks that keep a file the YAML reader would take long over, or misread, from it.
    fn bounded(&self) -> Result<(), Error> {
        if self.text.trim().is_empty() || is_only_comments(&self.text) {
            let empty = Diagnostic::at_offset(
                Severity::Error,
                &self.name,
                &self.text,
                0,
                msg!("plan-empty"),
            )
            .with_hint(msg!("plan-empty-hint"));
            return Err(Error::Invalid {
                diagnostics: vec![empty],
            });
        }
        if let Some(offset) = too_deep_flow(&self.text) {
            let deep = Diagnostic::at_offset(
                Severity::Error,
                &self.name,
                &self.text,
                offset,
                msg!("nests-too-deep"),
            )
            .with_hint(msg!("nests-too-deep-hint"));
            return Err(Error::Invalid {
                diagnostics: vec![deep],
            });
        }
        let separators = self.line_separators();
        if !separators.is_empty() {
            return Err(Error::Invalid {
                diagnostics: separators,
            });
        }
        if let Err(excess) = bound::check(&self.text) {
            let (start, end) = excess.span();
            let refused = self
                .at(Severity::Error, start, end, excess.message())
                .with_hint(excess.hint());
            return Err(Error::Invalid {
                diagnostics: vec![refused],
            });
        }
        Ok(())
    }

    /// Puts back, as the file writes it, the text of every value YAML read as a number or a
    /// boolean: an item `0o17`, `0x1F` or `+12` is that text, not 15, 31 or 12, and `True`
    /// stays `True`. The file is indexed only when a text could be such a value.
    fn as_written(&self, mut plan: Plan) -> Plan {
        let could_be = |text: &str| {
            matches!(text, "true" | "false")
                || text.parse::<i128>().is_ok()
                || text.parse::<u128>().is_ok()
        };
        plan.texts_mut(&mut |path, text| {
            if !could_be(text) {
                return;
            }
            // An override's text as typed; else the file's.
            let given = self.overrides.iter().rev().find(|o| {
                o.path == path
                    || (path.ends_with(&[Seg::Index(0)]) && o.path == path[..path.len() - 1])
            });
            let written = match given {
                Some(o) => o.raw.as_deref(),
                None => self
                    .index()
                    .and_then(|root| root.scalar_at(path, &model::aliases_of)),
            };
            let Some(written) = written else {
                return;
            };
            // The text as written is put back only if YAML reads it as this very value.
            let same =
                || serde_yaml::from_str::<model::Text>(written).is_ok_and(|read| read.0 == *text);
            if written != text && same() {
                *text = written.to_owned();
            }
        });
        plan
    }

    /// Where the file holds U+0085 (NEL), U+2028 or U+2029, which text pasted from Word or a
    /// web page brings along. The YAML reader ends a line at each, where neither the
    /// secretary's editor nor this tool's lines do: everything after one would be misread
    /// and misplaced. Each is an error at its place (the first 200).
    fn line_separators(&self) -> Vec<Diagnostic> {
        let separators = ['\u{85}', '\u{2028}', '\u{2029}'];
        // Each looked for on its own, by its bytes: quicker than a look at every character.
        if !separators.iter().any(|&c| self.text.contains(c)) {
            return Vec::new();
        }
        self.text
            .char_indices()
            .filter(|&(_, c)| matches!(c, '\u{85}' | '\u{2028}' | '\u{2029}'))
            .take(200)
            .map(|(at, c)| {
                self.at(
                    Severity::Error,
                    at,
                    Some(at + c.len_utf8()),
                    msg!("line-separator", char = crate::error::char_name(c)),
                )
                .with_hint(msg!("line-separator-hint"))
            })
            .collect()
    }

    /// Turns a YAML library error into a diagnostic in the tool's words that quotes the
    /// line, with what to do as a hint. Says too what kind of complaint it was.
    fn yaml_error(&self, err: &serde_yaml::Error) -> (Diagnostic, What<'static>) {
        let full = err.to_string();
        let said = said::read(&full);
        let what = match said.what {
            What::Name { slip, .. } => What::Name {
                prefix: "",
                slip,
                given: "",
                expected: Vec::new(),
            },
            What::Limit { limit, .. } => What::Limit { prefix: "", limit },
            What::RefusedCharacter => What::RefusedCharacter,
            What::NotAPlan => What::NotAPlan,
            What::Syntax(code) => What::Syntax(code),
            What::Type => What::Type,
            What::Other => What::Other,
        };
        if said.what == What::RefusedCharacter {
            if let Some((at, c)) = self.text.char_indices().find(|&(_, c)| refused_by_yaml(c)) {
                let name = crate::error::char_name(c);
                let (message, hint) = if c.is_control() {
                    (
                        msg!("refused-control-character", char = &name),
                        msg!("refused-control-character-hint", char = name),
                    )
                } else {
                    (
                        msg!("refused-character", char = &name),
                        msg!("refused-character-hint", char = name),
                    )
                };
                let diagnostic = self.at(Severity::Error, at, Some(at + c.len_utf8()), message);
                return (diagnostic.with_hint(hint), what);
            }
        }
        let mut offset = err.location().map_or(0, |l| l.index()).min(self.text.len());
        let (message, hint) = match &said.what {
            What::Name {
                slip: Slip::DuplicateField,
                given: key,
                ..
            } => match repeated_key(&self.text, offset, key) {
                Some(((first_line, first), again)) => {
                    offset = again;
                    let (key, first) = (
                        written_key(&self.text[again..]),
                        written_key(&self.text[first..]),
                    );
                    (
                        msg!(
                            "duplicate-key",
                            key = key,
                            first = first,
                            same = u8::from(key == first)
                        ),
                        Some(msg!("duplicate-key-hint", line = first_line)),
                    )
                }
                None => (
                    msg!("duplicate-key", key = *key, first = *key, same = 1u8),
                    Some(msg!("duplicate-key-hint", line = self.line_of(offset))),
                ),
            },
            What::Syntax(code) => {
                // A value that starts with a character YAML reserves, whatever the reader
                // makes of it (an alias, a tag, an anchor, a block scalar's header).
                let code = match reserved_start(&self.text, offset) {
                    Some(at)
                        if matches!(
                            *code,
                            "yaml-reserved-start" | "yaml-unreadable" | "yaml-unknown-anchor"
                        ) =>
                    {
                        offset = at;
                        &"yaml-reserved-start"
                    }
                    _ => code,
                };
                // The reader notices an unclosed quote or bracket only where the file ends.
                if matches!(*code, "yaml-unclosed" | "yaml-unclosed-bracket") {
                    offset = unclosed(&self.text[..offset]).unwrap_or(offset);
                }
                // and a line without its colon only at the next key.
                if *code == "yaml-missing-colon" {
                    offset = without_colon(&self.text, offset).unwrap_or(offset);
                }
                // The reader says the file holds several documents, not where the next starts.
                if *code == "yaml-several-documents" {
                    offset = second_document(&self.text).unwrap_or(offset);
                }
                self.syntax(code, offset)
            }
            What::NotAPlan => (msg!("not-a-plan"), Some(msg!("not-a-plan-hint"))),
            What::Other | What::Type => {
                let (path, words) = said::path(said.text);
                let path = takes::path_message(&path);
                match said.what {
                    What::Type => (msg!("value-refused-kind", path = path), None),
                    _ => (
                        msg!("value-refused", path = path, words = refused(words)),
                        None,
                    ),
                }
            }
            _ => {
                let (path, _) = said::path(said.text);
                explain(&said, takes::path_message(&path))
            }
        };
        let mut diagnostic =
            Diagnostic::at_offset(Severity::Error, &self.name, &self.text, offset, message);
        if matches!(
            said.what,
            What::Name {
                slip: Slip::UnknownField,
                ..
            }
        ) {
            diagnostic.problem = Some(Problem::UnknownKey);
        }
        // serde's words for a value YAML read as nothing at all.
        let empty = full.contains("invalid type: unit value");
        let hint = hint.or_else(|| {
            empty
                .then(|| lost_to_comment(&diagnostic.source_line))
                .flatten()
        });
        // YAML often notices a full-width colon only on the line after it.
        let hint = hint.or_else(|| {
            let full_width = |line: &str| line.contains('：') && !line.contains(": ");
            let previous = diagnostic
                .line
                .checked_sub(2)
                .and_then(|i| crate::text::lines(&self.text).nth(i))
                .is_some_and(full_width);
            if full_width(&diagnostic.source_line) {
                Some(msg!("full-width-colon-hint"))
            } else if previous {
                Some(msg!(
                    "full-width-colon-line-hint",
                    line = diagnostic.line - 1
                ))
            } else {
                None
            }
        });
        let diagnostic = match hint {
            Some(hint) => diagnostic.with_hint(hint),
            None => diagnostic,
        };
        (diagnostic, what)
    }

    /// The 1-based line of a byte offset.
    pub fn line_of(&self, offset: usize) -> usize {
        self.starts().partition_point(|&s| s <= offset)
    }

    /// The byte offsets of the line starts, worked out once.
    pub fn starts(&self) -> &[usize] {
        self.lines
            .get_or_init(|| crate::text::line_starts(&self.text))
    }

    /// The words for one of the YAML reader's complaints about its syntax, met at `offset`.
    fn syntax(&self, code: &'static str, offset: usize) -> (Message, Option<Message>) {
        let line_start = self.text[..offset].rfind(['\n', '\r']).map_or(0, |i| i + 1);
        let line = &self.text[line_start..line_end(&self.text, offset)];
        let at = self.text[offset..].chars().next();
        match code {
            "yaml-reserved-start"
                if at == Some('\t')
                    || line.starts_with([' ', '\t'])
                        && line.trim_start_matches(' ').starts_with('\t') =>
            {
                (msg!("yaml-tab"), Some(msg!("yaml-tab-hint")))
            }
            "yaml-reserved-start" => {
                let c = at.unwrap_or('@');
                let fix = quoted_value(line).unwrap_or_else(|| format!("\"{c}…\""));
                // A backquote cannot stand between backquotes: it is named.
                let c = match c {
                    '`' => msg!("backquote"),
                    c => msg!("character", char = c),
                };
                (
                    msg!("yaml-reserved-start", char = c),
                    Some(msg!("yaml-reserved-start-hint", fix = fix)),
                )
            }
            "yaml-colon-in-value"
                if !line
                    .split_once(": ")
                    .is_some_and(|(_, value)| value.contains(": ") || value.ends_with(':')) =>
            {
                (
                    msg!("yaml-indent-mismatch"),
                    Some(msg!("yaml-indent-mismatch-hint")),
                )
            }
            "yaml-text-after-quote"
                if !self.text[..offset]
                    .trim_end_matches(' ')
                    .ends_with([QUOTE, '\'']) =>
            {
                (
                    msg!("yaml-indent-mismatch"),
                    Some(msg!("yaml-indent-mismatch-hint")),
                )
            }
            "yaml-colon-in-value" => {
                let fix = quoted_value(line).unwrap_or_else(|| "\"…\"".to_owned());
                (
                    msg!("yaml-colon-in-value"),
                    Some(msg!("yaml-colon-in-value-hint", fix = fix)),
                )
            }
            "yaml-list-misaligned" => (
                msg!("yaml-list-misaligned"),
                Some(msg!("yaml-list-misaligned-hint")),
            ),
            "yaml-list-after-value" => (
                msg!("yaml-list-after-value"),
                Some(msg!("yaml-list-after-value-hint")),
            ),
            "yaml-text-after-quote" => (
                msg!("yaml-text-after-quote"),
                Some(msg!("yaml-text-after-quote-hint")),
            ),
            "yaml-missing-colon" => (
                msg!("yaml-missing-colon"),
                Some(msg!("yaml-missing-colon-hint")),
            ),
            "yaml-unclosed" => (msg!("yaml-unclosed"), Some(msg!("yaml-unclosed-hint"))),
            "yaml-unclosed-bracket" => (
                msg!("yaml-unclosed-bracket"),
                Some(msg!("yaml-unclosed-bracket-hint")),
            ),
            "yaml-several-documents" => (
                msg!("yaml-several-documents", line = line.trim_end()),
                Some(msg!("yaml-several-documents-hint")),
            ),
            "yaml-unknown-anchor" => (
                msg!("yaml-unknown-anchor"),
                Some(msg!("yaml-unknown-anchor-hint")),
            ),
            "yaml-unknown-escape" => (
                msg!("yaml-unknown-escape"),
                Some(msg!("yaml-unknown-escape-hint")),
            ),
            _ => (msg!("yaml-unreadable"), Some(msg!("yaml-unreadable-hint"))),
        }
    }
}

/// The last quote or bracket of `text` left open on its line, if a line leaves one open.
fn unclosed(text: &str) -> Option<usize> {
    let starts = crate::text::line_starts(text);
    starts.iter().rev().find_map(|&start| {
        let line = &text[start..crate::text::line_end(text, start)];
        let mut open: Vec<(usize, char)> = Vec::new();
        let mut quote: Option<(usize, char)> = None;
        for (i, c) in line.char_indices() {
            match (quote, c) {
                (Some((_, q)), _) if c == q => quote = None,
                (Some(_), _) => {}
                (None, QUOTE | '\'')
                    if open.is_empty() && !line[..i].trim_end().ends_with([':', '-']) => {}
                (None, QUOTE | '\'') => quote = Some((i, c)),
                (None, '#') if line[..i].ends_with(' ') => break,
                (None, '[' | '{') => open.push((i, c)),
                (None, ']' | '}') => {
                    open.pop();
                }
                _ => {}
            }
        }
        quote.or(open.last().copied()).map(|(i, _)| start + i)
    })
}

/// Where the value on the line of byte `at` starts with a character YAML reserves at the
/// start of a value (`内容: @全体教职工…`, `- *重点*`), if it does.
fn reserved_start(text: &str, at: usize) -> Option<usize> {
    let start = text[..at].rfind(['\n', '\r']).map_or(0, |i| i + 1);
    let line = &text[start..crate::text::line_end(text, at)];
    let content = line.trim_start_matches(' ');
    let value_at = match content.find(": ") {
        Some(colon) if !content.starts_with([QUOTE, '\'']) => colon + 2,
        _ if content.starts_with("- ") => 2,
        _ => return None,
    };
    let value = content[value_at..].trim_start_matches(' ');
    let mut chars = value.chars();
    let first = chars.next()?;
    let second = chars.next();
    let reserved = match first {
        '@' | '`' => true,
        // An alias, an anchor or a tag is a word of ASCII letters; a block scalar's header
        // ends its line.
        '*' | '&' | '!' => second.is_some_and(|c| !c.is_ascii_alphanumeric()),
        '|' | '>' => second.is_some_and(|c| !matches!(c, '-' | '+' | '0'..='9' | ' ' | '#')),
        _ => false,
    };
    reserved.then(|| start + (line.len() - value.len()))
}

/// The first of the lines just before byte `at` that hold neither a key nor a list item
/// (`指导思想` with its colon left out, and the text under it), if there are such lines.
fn without_colon(text: &str, at: usize) -> Option<usize> {
    let starts = crate::text::line_starts(text);
    let line = starts.partition_point(|&s| s <= at).max(1) - 1;
    let mut found = None;
    for &start in starts[..line].iter().rev() {
        let content = text[start..crate::text::line_end(text, start)].trim();
        if content.is_empty() || content.starts_with('#') {
            continue;
        }
        if content.contains(':') || content.starts_with("- ") || content == "-" {
            break;
        }
        found = Some(start + text[start..].len() - text[start..].trim_start().len());
    }
    found
}

/// The end of the line holding byte `at`.
fn line_end(text: &str, at: usize) -> usize {
    crate::text::line_end(text, at)
}

/// The double quote, named so that no line of this file holds an odd number of them.
const QUOTE: char = '\x22';

/// A line `key: value` with its value put in quotes, as the fix for a value YAML misreads.
fn quoted_value(line: &str) -> Option<String> {
    let content = line.trim_start_matches(' ');
    let (head, value) = match content.split_once(": ") {
        Some((key, value)) if !key.contains([QUOTE, '\'']) => (format!("{key}: "), value),
        _ => match content.strip_prefix("- ") {
            Some(value) => ("- ".to_owned(), value),
            None => return None,
        },
    };
    let value = value.trim_end();
    if value.is_empty() {
        return None;
    }
    Some(if value.contains(QUOTE) {
        format!("{head}'{}'", value.replace('\'', "''"))
    } else {
        format!("{head}\"{value}\"")
    })
}

/// The key written at the start of `text`, up to its colon.
fn written_key(text: &str) -> &str {
    let end = text.find([':', '\n', '\r']).unwrap_or(text.len());
    text[..end].trim_end()
}

/// The hint for a line whose value YAML read as empty because it starts with `#` (`- #1 走访…`,
/// `月份: #3`), a comment to YAML: the line with the value in quotes.
fn lost_to_comment(line: &str) -> Option<Message> {
    let at = [": #", "- #", ":\t#", "-\t#"]
        .iter()
        .filter_map(|start| line.find(start).map(|i| i + start.len() - 1))
        .min()?;
    let (before, comment) = line.split_at(at);
    let comment = comment.trim_end();
    // Only the first such `#` on the line, before any text of a value.
    let key_or_dash = before.trim_end();
    if comment.len() < 2 || key_or_dash.contains(" #") {
        return None;
    }
    let fix = if comment.contains(QUOTE) {
        format!("{} '{comment}'", key_or_dash.trim_start())
    } else {
        format!("{} \"{comment}\"", key_or_dash.trim_start())
    };
    Some(msg!("lost-to-comment-hint", fix = fix))
}

/// Whether the YAML reader refuses a character anywhere in a file (YAML 1.1's printable set,
/// as libyaml checks it).
fn refused_by_yaml(c: char) -> bool {
    let printable = matches!(
        c,
        '\t' | '\n' | '\r' | ' '..='~' | '\u{85}' | '\u{a0}'..='\u{d7ff}' | '\u{e000}'..='\u{fffd}'
    );
    !printable && c < '\u{10000}'
}

/// The line and byte offset of the first of two `key`s (by either name) in the mapping that
/// starts at byte `start`, and the byte offset of the second.
fn repeated_key(text: &str, start: usize, key: &str) -> Option<((usize, usize), usize)> {
    let starts = crate::text::line_starts(text);
    let first_line = starts.partition_point(|&s| s <= start).max(1) - 1;
    let indent = start - starts[first_line];
    let names = [vec![key], crate::model::aliases_of(key)].concat();
    let mut seen = None;
    for (number, &at) in starts[first_line..].iter().enumerate() {
        let line = &text[at..crate::text::line_end(text, at)];
        // The mapping's first key may stand after a `- ` on its line.
        let content = if number == 0 {
            line.get(indent..).unwrap_or_default()
        } else {
            line.trim_start_matches(' ')
        };
        let depth = line.len() - content.len();
        let blank = content.trim().is_empty() || content.starts_with('#');
        if number > 0 && !blank && depth < indent {
            break;
        }
        let written = content.split(':').next().unwrap_or_default().trim();
        if depth == indent && names.contains(&written) && content.contains(':') {
            let line_number = first_line + number + 1;
            match seen {
                None => seen = Some((line_number, at + depth)),
                Some(first) => return Some((first, at + depth)),
            }
        }
    }
    None
}

/// Rewords serde's "unknown field `x`, expected one of `a`, `b`", "unknown variant …" and
/// its limits into the tool's terms, with the closest name or what to do as a hint.
fn explain(said: &Said, path: Message) -> (Message, Option<Message>) {
    match &said.what {
        What::Limit { limit, .. } => match limit {
            Limit::Recursion => (
                msg!("nests-too-deep"),
                Some(msg!("nests-too-deep-indent-hint")),
            ),
            Limit::Repetition => (
                msg!("aliases-expand-too-far"),
                Some(msg!("aliases-expand-too-far-hint")),
            ),
        },
        What::Name {
            slip,
            given,
            expected,
            ..
        } => {
            let message = match slip {
                Slip::UnknownField => msg!("unknown-key", key = *given),
                Slip::DuplicateField => {
                    msg!("duplicate-key", key = *given, first = *given, same = 1u8)
                }
                Slip::UnknownVariant => msg!("unknown-value", path = path, value = *given),
            };
            let hint = crate::suggest::suggest(given, expected).map(|s| s.message());
            (message, hint)
        }
        _ => (msg!("yaml-unreadable"), Some(msg!("yaml-unreadable-hint"))),
    }
}

impl Source {
    /// A diagnostic covering `start..end` of the text (or the token at `start`).
    pub fn at(
        &self,
        severity: Severity,
        start: usize,
        end: Option<usize>,
        message: impl Into<Message>,
    ) -> Diagnostic {
        let starts = self
            .lines
            .get_or_init(|| crate::text::line_starts(&self.text));
        Diagnostic::in_lines(
            severity, &self.name, &self.text, starts, start, end, message,
        )
    }

    /// Where every key and value stands; `None` when the text is not YAML.
    pub fn index(&self) -> Option<&Located> {
        self.index.get_or_init(|| index::index(&self.text)).as_ref()
    }

    /// Turns a finding, placed by data path, into a diagnostic placed by line and column:
    /// in the file, or where the override that gave the value was given.
    pub fn diagnose(&self, finding: Finding) -> Diagnostic {
        let given = (self.overrides.iter().rev()).find(|o| finding.path.starts_with(&o.path));
        if let Some(o) = given {
            let mut diagnostic = o
                .place
                .at(finding.severity, finding.on_key, finding.message);
            if let Some(needle) = &finding.needle {
                let (start, end) = o.place.value;
                if let Some(at) = o.place.text[start..end].find(needle.as_str()) {
                    let at = start + at;
                    diagnostic = (o.place).span(
                        diagnostic.severity,
                        at,
                        at + needle.len(),
                        diagnostic.message,
                    );
                }
            }
            return diagnostic.with_hint(finding.hint);
        }
        let (start, end) = match self.index() {
            None => (0, None),
            Some(root) => {
                let (node, key) = root.find(&finding.path, &model::aliases_of);
                match (finding.on_key, key, &finding.needle) {
                    (true, Some((start, end)), _) => (start, Some(end)),
                    (_, _, Some(needle)) => {
                        match written(&self.text[node.start..node.end], needle) {
                            Some((at, end)) => (node.start + at, Some(node.start + end)),
                            None => (node.start, Some(node.end)),
                        }
                    }
                    _ => (node.start, Some(node.end)),
                }
            }
        };
        self.at(finding.severity, start, end, finding.message)
            .with_hint(finding.hint)
    }
}

/// Where `needle`, a piece of a scalar's value, is written in the scalar's source: as it is,
/// or, a single character inside double quotes, as the escape that stands for it (`\e`,
/// `\x1b`, `\u001B` for ESC).
fn written(source: &str, needle: &str) -> Option<(usize, usize)> {
    if let Some(at) = source.find(needle) {
        return Some((at, at + needle.len()));
    }
    let mut chars = needle.chars();
    let (Some(wanted), None) = (chars.next(), chars.next()) else {
        return None;
    };
    if !source.starts_with(QUOTE) {
        return None;
    }
    let mut rest = source.char_indices().skip(1);
    while let Some((at, c)) = rest.next() {
        if c != '\\' {
            continue;
        }
        let Some((_, e)) = rest.next() else {
            break;
        };
        let hex = |digits: usize, rest: &mut std::iter::Skip<std::str::CharIndices>| {
            let code: String = rest.by_ref().take(digits).map(|(_, d)| d).collect();
            let whole = code.len() == digits;
            u32::from_str_radix(&code, 16)
                .ok()
                .filter(|_| whole)
                .and_then(char::from_u32)
        };
        let (decoded, len) = match e {
            'x' => (hex(2, &mut rest), 4),
            'u' => (hex(4, &mut rest), 6),
            'U' => (hex(8, &mut rest), 10),
            '0' => (Some('\0'), 2),
            'a' => (Some('\u{7}'), 2),
            'b' => (Some('\u{8}'), 2),
            't' | '\t' => (Some('\t'), 1 + e.len_utf8()),
            'v' => (Some('\u{b}'), 2),
            'f' => (Some('\u{c}'), 2),
            'r' => (Some('\r'), 2),
            'e' => (Some('\u{1b}'), 2),
            'N' => (Some('\u{85}'), 2),
            _ => (None, 0),
        };
        if decoded == Some(wanted) {
            return Some((at, at + len));
        }
    }
    None
}

/// The largest file read: a year's plan is tens of kilobytes, a plan of ten thousand items
/// two megabytes. Anything bigger is a wrong file, refused before it costs time and memory.
pub const MAX_BYTES: u64 = 16 << 20;

/// Whether the NUL bytes of `bytes` are a few strays in UTF-8 text (a paste gone wrong), not
/// the sign of a binary file or of UTF-16 without its byte order mark.
fn stray_nuls(bytes: &[u8]) -> bool {
    let nuls = bytes.iter().filter(|&&b| b == 0).count();
    (nuls <= 8 || nuls * 100 < bytes.len()) && std::str::from_utf8(bytes).is_ok()
}

/// A file of UTF-8 text but for some bytes (a line pasted from a file in another encoding):
/// the first such byte, at its line and column. `None` when the file is not UTF-8 text.
fn not_utf8_at(name: &str, bytes: &[u8]) -> Option<Error> {
    let at = std::str::from_utf8(bytes).err()?.valid_up_to();
    let text = String::from_utf8_lossy(bytes);
    // Chinese text in GBK reads as UTF-8 hardly a character in a row; UTF-8 with a stray
    // byte reads as UTF-8 for all but that byte.
    let bad = text.matches('\u{fffd}').count();
    let good = text
        .chars()
        .filter(|&c| !c.is_ascii() && c != '\u{fffd}')
        .count();
    if good <= 4 * bad {
        return None;
    }
    let diagnostic = Diagnostic::at_range(
        Severity::Error,
        name,
        &text,
        at,
        Some(at + '\u{fffd}'.len_utf8()),
        msg!("byte-not-utf8", byte = format!("0x{:02X}", bytes[at])),
    )
    .with_hint(msg!("byte-not-utf8-hint"));
    Some(Error::Invalid {
        diagnostics: vec![diagnostic],
    })
}

fn utf8(bytes: &[u8]) -> Option<String> {
    std::str::from_utf8(bytes).ok().map(str::to_owned)
}

/// Where flow brackets (`[`, `{`) first open past the depth the YAML reader accepts, if they
/// do. The reader would refuse such a file anyway, but only after work that grows with the
/// square of the depth: a file of a million `[` would hold a CI job for hours.
fn too_deep_flow(text: &str) -> Option<usize> {
    const LIMIT: usize = 128;
    let mut depth = 0usize;
    for (i, b) in text.bytes().enumerate() {
        match b {
            b'[' | b'{' => {
                depth += 1;
                if depth > LIMIT {
                    return Some(i);
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    None
}

fn is_only_comments(text: &str) -> bool {
    crate::text::lines(text).all(|line| {
        let line = line.trim();
        line.is_empty() || line.starts_with('#') || line == "---" || line == "..."
    })
}

/// One key and value of an entry of a members list written in YAML.
#[derive(Debug)]
pub struct Cell {
    pub key: String,
    pub key_span: (usize, usize),
    pub value_span: (usize, usize),
    /// The value as text, when it is a scalar (what names an output).
    pub text: Option<String>,
    value: serde_yaml::Value,
}

impl Override {
    /// An override from an entry of a members list in YAML: its value whole, a list or
    /// mapping too.
    pub fn from_cell(path: Vec<Seg>, cell: &Cell, place: Place) -> Override {
        Override {
            path,
            written: cell.key.clone(),
            value: cell.value.clone(),
            raw: cell.text.clone(),
            place,
        }
    }
}

/// The entries of a members list in YAML (`- 单位: 城东中学工会`), each a list of keys
/// and values, placed in the file; an error at its place when the file is not such a list.
pub fn members(source: &Source) -> Result<Vec<Vec<Cell>>, Error> {
    let not_a_list = |at: usize| {
        source
            .at(Severity::Error, at, None, msg!("members-not-a-list"))
            .with_hint(msg!("members-not-a-list-hint"))
    };
    source.bounded()?;
    let invalid = |d: Diagnostic| Error::Invalid {
        diagnostics: vec![d],
    };
    let values: Vec<serde_yaml::Value> = match serde_yaml::from_str(&source.text) {
        Ok(values) => values,
        Err(err) => {
            let at = err
                .location()
                .map_or(0, |l| l.index())
                .min(source.text.len());
            let full = err.to_string();
            let words = said::read(&full).text.to_owned();
            return Err(invalid(match err.location() {
                Some(_) if source.index().is_none() => source.at(
                    Severity::Error,
                    at,
                    None,
                    msg!("members-not-read", words = words),
                ),
                _ => not_a_list(at),
            }));
        }
    };
    let Some(Located {
        shape: Shape::Seq(located),
        ..
    }) = source.index()
    else {
        return Err(invalid(not_a_list(0)));
    };
    let mut members = Vec::new();
    for (value, at) in values.into_iter().zip(located) {
        let (serde_yaml::Value::Mapping(map), Shape::Map(entries)) = (value, &at.shape) else {
            return Err(invalid(not_a_list(at.start)));
        };
        let mut cells = Vec::new();
        for ((_, value), entry) in map.into_iter().zip(entries) {
            let text = match &entry.value.shape {
                Shape::Scalar(s) => Some(s.clone()),
                _ => None,
            };
            cells.push(Cell {
                key: entry.key.clone(),
                key_span: (entry.key_start, entry.key_end),
                value_span: (entry.value.start, entry.value.end),
                text,
                value,
            });
        }
        members.push(cells);
    }
    Ok(members)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::messages::Lang;

    /// The line of the first key and the offset of the second.
    fn repeated_key(text: &str, start: usize, key: &str) -> Option<(usize, usize)> {
        super::repeated_key(text, start, key).map(|((line, _), again)| (line, again))
    }

    #[test]
    fn a_repeated_key_is_found_by_either_name() {
        let text = "organization: 甲\nyear: 2027\norganization: 乙\n";
        let again = text.rfind("organization").unwrap();
        assert_eq!(repeated_key(text, 0, "organization"), Some((1, again)));
        let text = "sections:\n  - title: 一\n    body: x\n\n    # 注\n    标题: 二\n  - 三\n";
        let start = text.find("title").unwrap();
        let again = text.find("标题").unwrap();
        assert_eq!(repeated_key(text, start, "title"), Some((2, again)));
        // Keys of a nested mapping or of the next item are not the same mapping's.
        let text = "- title: 一\n  items:\n    - title: 二\n- title: 三\n";
        assert_eq!(repeated_key(text, 2, "title"), None);
        // A start past the last line, or a key that is not there, finds nothing.
        assert_eq!(repeated_key("a: 1\n", 5, "a"), None);
        assert_eq!(repeated_key("a: 1\nb: 2\n", 0, "title"), None);
        // Lines may end in a lone carriage return, as YAML allows.
        let text = "a: 1\rb: 2\r\na: 3\r";
        assert_eq!(
            repeated_key(text, 0, "a"),
            Some((1, text.rfind('a').unwrap()))
        );
        assert_eq!(
            repeated_key("b: 1\r  x: 2\rb: 3", 0, "b").map(|(line, _)| line),
            Some(1)
        );
    }

    #[test]
    fn a_character_is_found_as_written_or_as_its_escape() {
        fn found<'a>(source: &'a str, needle: &str) -> Option<&'a str> {
            written(source, needle).map(|(s, e)| &source[s..e])
        }
        assert_eq!(found("a\tb", "\t"), Some("\t"));
        assert_eq!(found(r#""标题\x1b]0;\x07""#, "\u{1b}"), Some(r"\x1b"));
        assert_eq!(found(r#""标题\x1b]0;\x07""#, "\u{7}"), Some(r"\x07"));
        assert_eq!(found(r#""a\eb""#, "\u{1b}"), Some(r"\e"));
        assert_eq!(found(r#""a\u001Bb""#, "\u{1b}"), Some(r"\u001B"));
        assert_eq!(found(r#""a\U0000001bb""#, "\u{1b}"), Some(r"\U0000001b"));
        assert_eq!(found(r#""a\0b""#, "\0"), Some(r"\0"));
        assert_eq!(found(r#""a\rb""#, "\r"), Some(r"\r"));
        // An escaped backslash before `e` is no escape of ESC.
        assert_eq!(found(r#""a\\e\eb""#, "\u{1b}"), Some(r"\e"));
        assert_eq!(written(r#""a\\eb""#, "\u{1b}"), None);
        // Outside double quotes a backslash is itself.
        assert_eq!(written(r"'a\eb'", "\u{1b}"), None);
        assert_eq!(written(r#""\x1"#, "\u{1}"), None);
    }

    #[test]
    fn a_value_lost_to_a_comment_is_put_in_quotes() {
        assert_eq!(
            lost_to_comment("      - #1 走访慰问困难教职工。")
                .map(|m| m.say(Lang::En))
                .as_deref(),
            Some(
                "YAML reads everything after ` #` as a comment, so the value here is empty: put \
                 the text in quotes, `- \"#1 走访慰问困难教职工。\"`"
            )
        );
        assert!(lost_to_comment("  - 月份: #3")
            .is_some_and(|h| h.say(Lang::En).ends_with("`- 月份: \"#3\"`")));
        assert_eq!(lost_to_comment("  - 走访 #1"), None);
        assert_eq!(lost_to_comment("  - \"#1\""), None);
        assert_eq!(lost_to_comment("sections: #"), None);
    }

    #[test]
    fn comments_end_at_a_lone_carriage_return() {
        assert!(is_only_comments("# 注\r\n# 注\r"));
        assert!(!is_only_comments("# 注\rtitle: 计划\r"));
    }
}
