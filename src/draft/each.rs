//! `--each MEMBERS`: one plan per member union, from a table whose columns name paths of the
//! plan (`单位`, `落款.日期`), or a YAML list of such maps. A `文件名` (`file`) column names
//! each member's output; without it, the member's 单位 does.

use std::path::Path;
use std::sync::Arc;

use crate::draft::set::bad_path;
use crate::error::{Diagnostic, Error, Seg, Severity};
use crate::load::{self, Override, Place, Source};
use crate::msg;

/// One member union: the name of its output files (without extension) and its values.
#[derive(Debug, Clone)]
pub struct Member {
    pub name: String,
    /// How messages name the member: its name and where its row is (`城东 (members.csv:2)`).
    pub label: String,
    pub overrides: Vec<Override>,
}

/// The problems of one plan checked for each member, each said once. One that every
/// member's plan has alike stands as it is; one in the plan's file that only some have (a
/// year one member sets makes the 落款 date stray) names the member in its hint.
pub fn attribute(plan: &str, runs: Vec<(Option<String>, Vec<Diagnostic>)>) -> Vec<Diagnostic> {
    use std::collections::{HashMap, HashSet};
    let key = |d: &Diagnostic| {
        let hint = d.hint.as_ref().map(ToString::to_string).unwrap_or_default();
        format!(
            "{}\0{}\0{}\0{}\0{hint}",
            d.path, d.line, d.column, d.message
        )
    };
    let mut shared: HashMap<String, usize> = HashMap::new();
    for (_, diagnostics) in &runs {
        let mut seen = HashSet::new();
        for d in diagnostics {
            if seen.insert(key(d)) {
                *shared.entry(key(d)).or_default() += 1;
            }
        }
    }
    let all = runs.len();
    let mut said = HashSet::new();
    let mut out = Vec::new();
    for (member, diagnostics) in runs {
        for mut d in diagnostics {
            let k = key(&d);
            if let Some(member) = member
                .as_ref()
                .filter(|_| shared[&k] < all && d.path == plan)
            {
                d.hint = Some(match d.hint.take() {
                    Some(hint) => msg!("for-member-hint", hint = hint, member = member),
                    None => msg!("for-member", member = member),
                });
            }
            if said.insert(key(&d)) {
                out.push(d);
            }
        }
    }
    out
}

/// Whether a column or key names the output rather than a path of the plan.
fn names_output(key: &str) -> bool {
    matches!(key.trim(), "文件名" | "文件") || key.trim().eq_ignore_ascii_case("file")
}

/// The members a file lists: a table (CSV, as Excel saves it: UTF-8 with or without a byte
/// order mark, or GBK) or, named `.yaml`/`.yml`, a YAML list of maps.
pub fn read(path: &Path) -> Result<Vec<Member>, Error> {
    let source = Source::read(path)?;
    let yaml = path
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("yaml") || e.eq_ignore_ascii_case("yml"));
    let members = if yaml {
        from_yaml(&source)
    } else {
        from_table(&source)
    }?;
    if members.is_empty() {
        return Err(Error::Invalid {
            diagnostics: vec![Diagnostic::whole_file(&source.name, msg!("members-none"))],
        });
    }
    Ok(members)
}

fn invalid(diagnostics: Vec<Diagnostic>) -> Error {
    Error::Invalid { diagnostics }
}

/// The members a file lists, or, if any is wrong, the errors of the file.
fn found(members: Vec<Member>, diagnostics: Vec<Diagnostic>) -> Result<Vec<Member>, Error> {
    if diagnostics.is_empty() {
        Ok(members)
    } else {
        Err(invalid(diagnostics))
    }
}

fn from_table(source: &Source) -> Result<Vec<Member>, Error> {
    let text: Arc<str> = Arc::from(source.text.as_str());
    let starts: Arc<[usize]> = Arc::from(source.starts());
    let place = |key: (usize, usize), value: (usize, usize)| {
        Place::new(
            source.name.clone(),
            text.clone(),
            starts.clone(),
            key,
            value,
        )
    };
    // Excel's "Unicode text" is parted by tabs.
    let first = source.text.lines().next().unwrap_or("");
    let delimiter = if first.contains('\t') && !first.contains(',') {
        b'\t'
    } else {
        b','
    };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(source.text.as_bytes());
    let mut records = reader.records();
    let error_at = |at: usize, message| source.at(Severity::Error, at, None, message);
    let unreadable = |e: csv::Error| {
        let at = e.position().map_or(0, |p| p.byte() as usize);
        invalid(vec![error_at(
            at,
            msg!("members-not-read", words = e.to_string()),
        )])
    };
    let Some(header) = records.next() else {
        return Ok(Vec::new());
    };
    let header = header.map_err(unreadable)?;
    let header_spans = field_spans(&source.text, &header, delimiter);
    // Each column: a path of the plan, the output's name, or nothing (an empty header).
    enum Column {
        Path(Vec<Seg>, String, (usize, usize)),
        Name,
        Empty,
    }
    let mut columns = Vec::new();
    let mut diagnostics = Vec::new();
    for (cell, &span) in header.iter().zip(&header_spans) {
        let key = cell.trim();
        if key.is_empty() {
            columns.push(Column::Empty);
        } else if names_output(key) {
            columns.push(Column::Name);
        } else {
            match load::resolve_path(key) {
                Ok(path)
                    if columns
                        .iter()
                        .any(|c| matches!(c, Column::Path(p, _, _) if *p == path)) =>
                {
                    diagnostics.push(
                        error_at(span.0, msg!("members-column-twice", column = key))
                            .with_hint(msg!("members-column-twice-hint")),
                    );
                    columns.push(Column::Empty);
                }
                Ok(path) => columns.push(Column::Path(path, key.to_owned(), span)),
                Err(bad) => {
                    let offset = span.0 + (cell.len() - cell.trim_start().len());
                    let mut d = bad_path(&place(span, span), offset, bad);
                    d.message = msg!("members-unknown-column", column = key, problem = d.message);
                    diagnostics.push(d);
                    columns.push(Column::Empty);
                }
            }
        }
    }
    if !diagnostics.is_empty() {
        return Err(invalid(diagnostics));
    }
    let mut members = Vec::new();
    let mut names = Names::default();
    for record in records {
        let record = record.map_err(unreadable)?;
        if record.iter().all(|cell| cell.trim().is_empty()) {
            continue;
        }
        let start = record_start(&source.text, &record);
        let spans = field_spans(&source.text, &record, delimiter);
        if record
            .iter()
            .skip(columns.len())
            .any(|cell| !cell.trim().is_empty())
        {
            let (at, _) = spans[columns.len()];
            let d = error_at(at, msg!("members-extra-cell", columns = columns.len()))
                .with_hint(msg!("members-extra-cell-hint"));
            diagnostics.push(d);
            continue;
        }
        let mut overrides = Vec::new();
        let mut name = None;
        let mut organization = None;
        for ((cell, column), &span) in record.iter().zip(&columns).zip(&spans) {
            if cell.trim().is_empty() {
                continue;
            }
            match column {
                Column::Name => name = Some((cell.trim().to_owned(), span)),
                Column::Path(path, key, key_span) => {
                    if *path == [Seg::Key("organization")] {
                        organization = Some((cell.trim().to_owned(), span));
                    }
                    let value = place(*key_span, span);
                    overrides.push(Override::scalar(
                        path.clone(),
                        key.clone(),
                        cell.trim(),
                        value,
                    ));
                }
                Column::Empty => {
                    let d = error_at(span.0, msg!("members-cell-without-column"))
                        .with_hint(msg!("members-extra-cell-hint"));
                    diagnostics.push(d);
                }
            }
        }
        names.add(
            source,
            start,
            name.or(organization),
            overrides,
            &mut members,
            &mut diagnostics,
        );
    }
    found(members, diagnostics)
}

/// Where a record's text starts: past the line break the reader counts as its start (the
/// `\n` of a `\r\n` after an empty row).
fn record_start(text: &str, record: &csv::StringRecord) -> usize {
    let at = record
        .position()
        .map_or(0, |p| p.byte() as usize)
        .min(text.len());
    at + text[at..].len() - text[at..].trim_start_matches(['\r', '\n']).len()
}

/// The byte range of each field of a record in the text: found after the one before, as
/// written (a quoted field is found by its first line).
fn field_spans(text: &str, record: &csv::StringRecord, delimiter: u8) -> Vec<(usize, usize)> {
    let mut at = record_start(text, record);
    let mut spans = Vec::new();
    for field in record.iter() {
        let first = field.lines().next().unwrap_or("");
        // Looked for on its line only: a field written otherwise (`"南湖""幼儿园"`) is not
        // searched for through the rest of a large table.
        let line = &text[at..crate::text::line_end(text, at)];
        let found = match first {
            "" => None,
            first => line.find(first).map(|i| at + i),
        };
        let start = found.unwrap_or(at);
        let end = if found.is_some() {
            start + first.len()
        } else {
            start
        };
        spans.push((start, end));
        // Past the separator after this field, when it is on the line.
        at = text[end..]
            .find([char::from(delimiter), '\n'])
            .map_or(text.len(), |i| (end + i + 1).min(text.len()));
    }
    spans
}

fn from_yaml(source: &Source) -> Result<Vec<Member>, Error> {
    let entries = load::members(source)?;
    let text: Arc<str> = Arc::from(source.text.as_str());
    let starts: Arc<[usize]> = Arc::from(source.starts());
    let mut members = Vec::new();
    let mut names = Names::default();
    let mut diagnostics = Vec::new();
    for cells in entries {
        let start = cells.first().map_or(0, |c| c.key_span.0);
        let mut overrides = Vec::new();
        let mut name = None;
        let mut organization = None;
        for cell in &cells {
            let place = Place::new(
                source.name.clone(),
                text.clone(),
                starts.clone(),
                cell.key_span,
                cell.value_span,
            );
            if names_output(&cell.key) {
                name = cell.text.clone().map(|t| (t, cell.value_span));
                continue;
            }
            match load::resolve_path(&cell.key) {
                Ok(path) => {
                    if path == [Seg::Key("organization")] {
                        organization = cell.text.clone().map(|t| (t, cell.value_span));
                    }
                    overrides.push(Override::from_cell(path, cell, place));
                }
                Err(bad) => {
                    let mut d = bad_path(&place, cell.key_span.0, bad);
                    d.message = msg!("members-unknown-key", key = &cell.key, problem = d.message);
                    diagnostics.push(d);
                }
            }
        }
        names.add(
            source,
            start,
            name.or(organization),
            overrides,
            &mut members,
            &mut diagnostics,
        );
    }
    found(members, diagnostics)
}

/// The names given so far (in lower case), so that two members cannot write the same files.
#[derive(Default)]
struct Names(std::collections::HashSet<String>);

impl Names {
    /// The member whose entry starts at `start`, named by its `文件名` or 单位 (`given`), or
    /// the error that it cannot be named so.
    fn add(
        &mut self,
        source: &Source,
        start: usize,
        given: Option<(String, (usize, usize))>,
        overrides: Vec<Override>,
        members: &mut Vec<Member>,
        diagnostics: &mut Vec<Diagnostic>,
    ) {
        match self.take(source, start, given) {
            Ok(name) => members.push(Member {
                label: format!("{name} ({}:{})", source.name, source.line_of(start)),
                name,
                overrides,
            }),
            Err(d) => diagnostics.push(*d),
        }
    }

    /// The output name of the member whose entry starts at `start`, from its `文件名` or its
    /// 单位 (text and place): a file name only, never a path.
    fn take(
        &mut self,
        source: &Source,
        start: usize,
        given: Option<(String, (usize, usize))>,
    ) -> Result<String, Box<Diagnostic>> {
        let Some((mut name, (at, end))) = given else {
            return Err(Box::new(
                source
                    .at(Severity::Error, start, None, msg!("member-without-name"))
                    .with_hint(msg!("member-without-name-hint")),
            ));
        };
        let refuse = |message| {
            source
                .at(Severity::Error, at, Some(end), message)
                .with_hint(msg!("member-name-hint"))
        };
        // `城东.docx` names the outputs 城东.md, 城东.docx…, not 城东.docx.md.
        if let Some((stem, ext)) = name.rsplit_once('.') {
            if crate::format::Format::from_extension(ext).is_some() && !stem.is_empty() {
                name = stem.to_owned();
            }
        }
        if !safe_file_name(&name) {
            return Err(Box::new(refuse(msg!(
                "member-name-not-a-file-name",
                name = &name
            ))));
        }
        // Windows and macOS do not tell 城东 from 城东 in another case.
        if !self.0.insert(name.to_lowercase()) {
            let twice = msg!("member-name-twice", name = &name);
            return Err(Box::new(
                source
                    .at(Severity::Error, at, Some(end), twice)
                    .with_hint(msg!("member-name-twice-hint")),
            ));
        }
        Ok(name)
    }
}

/// Whether `name` is a plain file name on every system: no folder in it, nothing Windows
/// refuses, no name of a device, not hidden.
fn safe_file_name(name: &str) -> bool {
    const DEVICES: [&str; 22] = [
        "CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8",
        "COM9", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
    ];
    let stem = name.split('.').next().unwrap_or(name).trim();
    !name.is_empty()
        && name.len() <= 200
        && !name.starts_with('.')
        && !name.ends_with(['.', ' '])
        && !name.chars().any(|c| {
            c.is_control() || matches!(c, '/' | '\\' | '<' | '>' | ':' | '\u{22}' | '|' | '?' | '*')
        })
        && !DEVICES.iter().any(|d| d.eq_ignore_ascii_case(stem))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_member_name_is_a_file_name_only() {
        for good in ["城东中学工会", "2027 城东", "城东中学工会.计划"] {
            assert!(safe_file_name(good), "{good}");
        }
        for bad in [
            "",
            "..",
            "../etc/passwd",
            "a/b",
            "a\\b",
            ".hidden",
            "C:x",
            "NUL",
            "nul.txt",
            "a?",
            "a\u{1b}b",
            "尾点.",
        ] {
            assert!(!safe_file_name(bad), "{bad}");
        }
    }
}
