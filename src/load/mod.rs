//! Bytes to text to plan model: the only module that decodes input or names a YAML crate.

mod bound;
mod index;
mod said;
mod slips;

use std::cell::OnceCell;
use std::io::Read;
use std::path::Path;

use crate::error::{Diagnostic, Error, Finding, Problem, Severity};
use crate::messages::Message;
use crate::model::{self, Plan};
use crate::text::display_name;
use said::{Limit, Said, Slip, What};

/// How every message names a path; kept here for the callers that name it by `load`.
pub use bound::{MAX_NODES, MAX_TEXT};
pub use index::{Entry, Located, Shape};

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
}

impl Source {
    /// Reads a plan from a path, or standard input for `-`.
    pub fn read(path: &Path) -> Result<Source, Error> {
        let name = display_name(path);
        let mut bytes = Vec::new();
        let read = if path == Path::new("-") {
            std::io::stdin().take(MAX_BYTES + 1).read_to_end(&mut bytes)
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
                message: format!(
                    "is larger than {} MiB, far beyond any plan: give the plan's YAML file",
                    MAX_BYTES >> 20
                ),
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
        let decode_error = |message: &str| Error::Decode {
            path: name.clone(),
            message: message.to_owned(),
        };
        let (text, encoding) = if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
            (utf8(rest).ok_or_else(|| decode_error(NOT_TEXT))?, None)
        } else if let Some((encoding, _)) = encoding_rs::Encoding::for_bom(bytes) {
            let (text, _, malformed) = encoding.decode(bytes);
            if malformed {
                return Err(decode_error(NOT_TEXT));
            }
            (text.into_owned(), Some(encoding.name()))
        } else if bytes.contains(&0) && !stray_nuls(bytes) {
            return Err(decode_error(
                "is a binary file, not a plan: give the YAML file of the plan",
            ));
        } else if let Some(text) = utf8(bytes) {
            // A stray NUL of a text file is shown where it is, as YAML refuses it.
            (text, None)
        } else if let Some(stray) = not_utf8_at(&name, bytes) {
            // UTF-8 but for a few bytes: read as GBK, it would be every character garbled.
            return Err(stray);
        } else {
            let text = encoding_rs::GB18030
                .decode_without_bom_handling_and_without_replacement(bytes)
                .ok_or_else(|| decode_error(NOT_TEXT))?;
            (text.into_owned(), Some("GBK"))
        };
        let mut source = Source {
            name,
            text,
            notes: Vec::new(),
            index: OnceCell::new(),
            lines: OnceCell::new(),
            slips: Vec::new(),
        };
        if let Some(encoding) = encoding {
            source.notes.push(
                Diagnostic::at_offset(
                    Severity::Warning,
                    &source.name,
                    &source.text,
                    0,
                    format!(
                        "the file is encoded as {encoding}, not UTF-8; it was read as {encoding}"
                    ),
                )
                .with_hint(
                    "save it as UTF-8 (记事本 Notepad: 文件 › 另存为 › 编码: UTF-8, \
                     File › Save As › Encoding: UTF-8; or `iconv -f GB18030 -t UTF-8`)",
                ),
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
        let reads = self.bounded().is_ok() && serde_yaml::from_str::<Plan>(&self.text).is_ok();
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

    /// Parses the text into the plan model. Every failure names line and column.
    pub fn parse(&self) -> Result<Plan, Error> {
        self.bounded()?;
        let err = match serde_yaml::from_str::<Plan>(&self.text) {
            Ok(plan) => return Ok(self.as_written(plan)),
            Err(err) => err,
        };
        let (said, not_a_plan) = self.yaml_error(&err);
        // What YAML says at a slip, or up to two lines after it, is what the slip made it
        // say; a file that is "not a plan" is one for its slips.
        let explained = not_a_plan
            || self
                .slips
                .iter()
                .any(|slip| (slip.line..=slip.line + 2).contains(&said.line));
        let mut diagnostics = self.slips.clone();
        if !explained || diagnostics.is_empty() {
            diagnostics.push(said);
        }
        diagnostics.sort_by_key(|d| (d.line, d.column));
        Err(Error::Invalid { diagnostics })
    }

    /// The checks that keep a file the YAML reader would take long over, or misread, from it.
    fn bounded(&self) -> Result<(), Error> {
        if self.text.trim().is_empty() || is_only_comments(&self.text) {
            let empty = Diagnostic::at_offset(Severity::Error, &self.name, &self.text, 0, "the plan is empty")
                .with_hint("a plan needs at least `sections` (or the shorthand keys), usually with `organization` and `year`");
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
                "the file nests too deeply (more than 128 levels)",
            )
            .with_hint("a plan needs a handful of levels: check the brackets");
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
            let Some(written) = self
                .index()
                .and_then(|root| root.scalar_at(path, &model::aliases_of))
            else {
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
                    format!(
                        "the file holds an invisible line separator, {}",
                        crate::error::char_name(c)
                    ),
                )
                .with_hint(
                    "text pasted from Word or a web page brings it along: remove it, or press \
                     Enter where a new line or paragraph is meant",
                )
            })
            .collect()
    }

    /// Turns a YAML library error into a diagnostic that quotes the line, with a
    /// suggestion when a key or value is misspelt.
    /// Says too whether the library found the file to be no plan at all.
    fn yaml_error(&self, err: &serde_yaml::Error) -> (Diagnostic, bool) {
        let full = err.to_string();
        let said = said::read(&full);
        if said.what == What::RefusedCharacter {
            if let Some((at, c)) = self.text.char_indices().find(|&(_, c)| refused_by_yaml(c)) {
                let what = if c.is_control() {
                    "an invisible control character,"
                } else {
                    "the character"
                };
                return (
                    self.at(
                        Severity::Error,
                        at,
                        Some(at + c.len_utf8()),
                        format!("the file holds {what} {}", crate::error::char_name(c)),
                    )
                    .with_hint(crate::error::control_hint(c)),
                    false,
                );
            }
        }
        let mut offset = err.location().map_or(0, |l| l.index());
        let mut first_line = None;
        // serde names a repeated key at the start of its mapping: point at the repetition.
        if let What::Name {
            slip: Slip::DuplicateField,
            given: key,
            ..
        } = said.what
        {
            if let Some((first, again)) = repeated_key(&self.text, offset, key) {
                first_line = Some(first);
                offset = again;
            }
        }
        let library_hint = said.hint;
        // A finished document (Markdown, text) or a bare list where the plan belongs.
        let not_a_plan = said.what == What::NotAPlan;
        let problem = matches!(
            said.what,
            What::Name {
                slip: Slip::UnknownField,
                ..
            }
        )
        .then_some(Problem::UnknownKey);
        let (message, hint) = explain(&said);
        let mut diagnostic =
            Diagnostic::at_offset(Severity::Error, &self.name, &self.text, offset, message);
        diagnostic.problem = problem;
        // serde's words for a value YAML read as nothing at all.
        let empty = full.contains("invalid type: unit value");
        let hint = hint.or_else(|| {
            empty
                .then(|| lost_to_comment(&diagnostic.source_line))
                .flatten()
        });
        // Two slips YAML's own words do not explain to someone who writes Chinese.
        let hint = hint.or_else(|| {
            if self.text[offset..].starts_with('\t') {
                Some("YAML indents with spaces, not tabs".to_owned())
            } else {
                // YAML often notices a full-width colon only on the line after it.
                let full_width = |line: &str| line.contains('：') && !line.contains(": ");
                let fix =
                    "a key ends with an ASCII colon and a space (`单位: …`), not a full-width `：`";
                let previous = diagnostic
                    .line
                    .checked_sub(2)
                    .and_then(|i| crate::text::lines(&self.text).nth(i))
                    .is_some_and(full_width);
                if full_width(&diagnostic.source_line) {
                    Some(fix.to_owned())
                } else if previous {
                    Some(format!("line {}: {fix}", diagnostic.line - 1))
                } else {
                    None
                }
            }
        });
        let hint = match hint {
            Some(hint) => Some(hint),
            None if not_a_plan => {
                diagnostic.message = "this is not a plan: a plan's file holds keys such as \
                                      `organization:` and `sections:`"
                    .into();
                Some(
                    "write the plan as keys and values, not as the finished document: a plan \
                     starts `单位: 城南小学工会`, `年度: 2027`, `指导思想: 以…为指导。`, each \
                     on a line of its own, a space after each `:`; the README's plan format \
                     lists every key"
                        .to_owned(),
                )
            }
            None => match (library_hint, first_line) {
                (Some(hint), Some(line)) => Some(format!("first at line {line}; {hint}")),
                (hint, _) => hint.map(str::to_owned),
            },
        };
        let diagnostic = match hint {
            Some(hint) => diagnostic.with_hint(hint),
            None => diagnostic,
        };
        (diagnostic, not_a_plan)
    }
}

/// The hint for a line whose value YAML read as empty because it starts with `#` (`- #1 走访…`,
/// `月份: #3`), a comment to YAML: the line with the value in quotes.
fn lost_to_comment(line: &str) -> Option<String> {
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
    let fix = if comment.contains('"') {
        format!("{} '{comment}'", key_or_dash.trim_start())
    } else {
        format!("{} \"{comment}\"", key_or_dash.trim_start())
    };
    Some(format!(
        "YAML reads everything after ` #` as a comment, so the value here is empty: put the \
         text in quotes, `{fix}`"
    ))
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

/// The line of the first of two `key`s (by either name) in the mapping that starts at byte
/// `start`, and the byte offset of the second.
fn repeated_key(text: &str, start: usize, key: &str) -> Option<(usize, usize)> {
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
                None => seen = Some(line_number),
                Some(first) => return Some((first, at + depth)),
            }
        }
    }
    None
}

/// Rewords serde's "unknown field `x`, expected one of `a`, `b`", "unknown variant …" and
/// its limits into the tool's terms, with the closest name or what to do as a hint.
fn explain(said: &Said) -> (String, Option<String>) {
    match &said.what {
        What::Limit { prefix, limit } => {
            let (words, hint) = match limit {
                Limit::Recursion => (
                    "the file nests too deeply (more than 128 levels)",
                    "a plan needs a handful of levels: check the indentation",
                ),
                Limit::Repetition => (
                    "aliases (*name) expand the file beyond what a plan can be",
                    "write the repeated parts out, or repeat fewer aliases",
                ),
            };
            (format!("{prefix}{words}"), Some(hint.to_owned()))
        }
        What::Name {
            prefix,
            slip,
            given,
            expected,
        } => {
            let word = match slip {
                Slip::UnknownField => "unknown key",
                Slip::DuplicateField => "duplicate key",
                Slip::UnknownVariant => "unknown value",
            };
            let message = format!("{prefix}{word} `{given}`");
            let hint = crate::suggest::suggest(given, expected).map(|s| s.to_string());
            (message, hint)
        }
        _ => (said.text.to_owned(), None),
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

    /// Turns a finding, placed by data path, into a diagnostic placed by line and column.
    pub fn diagnose(&self, finding: Finding) -> Diagnostic {
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
    if !source.starts_with('"') {
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

const NOT_TEXT: &str = "cannot be read as text (not UTF-8, UTF-16 or GBK): save it as UTF-8";

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
        format!(
            "the byte 0x{:02X} is not UTF-8, while the rest of the file is",
            bytes[at]
        ),
    )
    .with_hint(
        "this part was likely pasted from a file in another encoding: type the characters \
         here again, or save the whole file as UTF-8",
    );
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

#[cfg(test)]
mod tests {
    use super::*;

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
            lost_to_comment("      - #1 走访慰问困难教职工。").as_deref(),
            Some(
                "YAML reads everything after ` #` as a comment, so the value here is empty: put \
                 the text in quotes, `- \"#1 走访慰问困难教职工。\"`"
            )
        );
        assert!(lost_to_comment("  - 月份: #3").is_some_and(|h| h.ends_with("`- 月份: \"#3\"`")));
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
