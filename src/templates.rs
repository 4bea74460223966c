//! The built-in templates, compiled in; a user's folder over them; eject; and the template
//! environment: strict undefined variables, escaping by format, bounded execution and the
//! filters templates may use.

use std::collections::BTreeMap;
use std::fmt;
use std::io::Read;
use std::path::{Path, PathBuf};

use minijinja::syntax::SyntaxConfig;
use minijinja::value::{Kwargs, Value};
use minijinja::{escape_formatter, AutoEscape, Environment, ErrorKind, UndefinedBehavior};
use serde::Deserialize;
use unicode_width::UnicodeWidthStr;

use crate::error::Error;
use crate::file_kind::{self, FileKind};
use crate::model::{Date, DateStyle, MonthStyle, Months};
use crate::numerals::{self, Pattern};
use crate::{output, view};

/// The table of built-in templates: each name is a file in `templates/`.
macro_rules! builtin {
    ($($name:literal),* $(,)?) => {
        &[$(($name, include_str!(concat!("../templates/", $name)))),*]
    };
}

/// Every built-in template, by name. `plan.<ext>` is the entry point of each format; the
/// others are the parts it is made of, so that a user's folder can replace one of them.
pub const BUILTIN: &[(&str, &str)] = builtin![
    "plan.html",
    "page.html",
    "node.html",
    "schedule.html",
    "signature.html",
    "print.css",
    "plan.md",
    "node.md",
    "schedule.md",
    "signature.md",
    "plan.txt",
    "node.txt",
    "schedule.txt",
    "signature.txt",
];

/// The source of a built-in template.
pub fn builtin(name: &str) -> Option<&'static str> {
    BUILTIN
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, source)| *source)
}

/// Characters on a line of an official document's page (GB/T 9704-2012: 28 × 22).
pub const LINE_CHARS: usize = 28;

/// Execution budget of one render with a user's templates, in template instructions.
/// Templates like the built-ins spend forty to sixty per item, so a plan at the node bound
/// ([`crate::load::MAX_NODES`], at most that many items) fits; a runaway loop in a user's
/// template stops after a second or so instead of hanging a CI job. The built-ins alone
/// run without it: they end, and counting costs time.
const FUEL: u64 = 25_000_000;

const MARKDOWN: &str = "markdown";

/// The templates a render uses: the built-ins, with a user's folder over them.
pub struct Templates {
    env: Environment<'static>,
    folder: Option<PathBuf>,
}

impl Templates {
    /// The built-ins, and over them the files of `folder` if one is given: a file with a
    /// built-in's name replaces it, and any other file there can be included or imported.
    /// Templates cannot reach outside the folder.
    pub fn new(folder: Option<&Path>) -> Result<Templates, Error> {
        let mut env = environment()?;
        let Some(folder) = folder else {
            // Built-ins are compiled when a render first asks for them, so one format does
            // not pay for the others.
            env.set_loader(|name| Ok(builtin(name).map(str::to_owned)));
            return Ok(Templates { env, folder: None });
        };
        let root = open_folder(folder)?;
        env.set_fuel(Some(FUEL));
        // A mistake in a user's template is named (`month.lable` is undefined); keeping
        // track of that costs time the built-ins need not spend.
        env.set_debug(true);
        let mut templates = Templates {
            env,
            folder: Some(folder.to_owned()),
        };
        // minijinja looks at templates added with `add_template` before its loader: the
        // folder's replacements of built-ins are added, and the loader serves the other
        // built-ins and the folder's other files.
        for (name, _) in BUILTIN {
            let replacement =
                read_inside(&root, name).map_err(|e| e.replacing(folder, &root, name))?;
            if let Some(source) = replacement {
                if let Some(line) = old_layout(name, &source) {
                    return Err(Error::Template {
                        name: folder.join(name).display().to_string(),
                        line: Some(line),
                        message: "is written for the templates of unionplan 0.1, which laid \
                                  out sections with the macros `node` and `schedule`; the \
                                  sections are now one recursive loop in node.<ext>: eject the \
                                  built-ins again and carry your changes over \
                                  (docs/templates.md)"
                            .into(),
                    });
                }
                templates
                    .env
                    .add_template_owned(*name, source)
                    .map_err(|e| templates.locate(e.into()))?;
            }
        }
        templates.env.set_loader(move |name| match builtin(name) {
            Some(source) => Ok(Some(source.to_owned())),
            None => read_inside(&root, name).map_err(|e| e.in_template(name)),
        });
        Ok(templates)
    }

    /// Renders the entry template of a format with the view as context, into at most
    /// [`MAX_OUTPUT`] bytes of text.
    pub fn render(&self, name: &str, context: &Value) -> Result<Vec<u8>, Error> {
        let mut out = Capped::default();
        let rendered = self
            .env
            .get_template(name)
            .and_then(|template| template.render_captured_to(context, &mut out));
        if out.over {
            return Err(Error::Template {
                name: self.shown(name.to_owned()),
                line: None,
                message: format!(
                    "makes more than {} MiB of output, far beyond any plan's document: \
                     check the template's loops",
                    MAX_OUTPUT >> 20
                ),
            });
        }
        rendered.map_err(|e| self.locate(e.into()))?;
        // minijinja writes whole `str`s, so the bytes are UTF-8.
        Ok(out.bytes)
    }

    /// A template error names the user's file, not just the template name, when the
    /// template came from the folder.
    fn locate(&self, err: Error) -> Error {
        match err {
            Error::Template {
                name,
                line,
                message,
            } => Error::Template {
                name: self.shown(name),
                line,
                message,
            },
            other => other,
        }
    }

    /// A template's name as messages show it: the user's file when it came from the folder.
    fn shown(&self, name: String) -> String {
        match &self.folder {
            Some(folder) if safe_segments(&name).is_some() => {
                let path = folder.join(&name);
                if path.is_file() {
                    path.display().to_string()
                } else {
                    name
                }
            }
            _ => name,
        }
    }
}

/// The most a template may write for one plan. A plan at the node bound
/// ([`crate::load::MAX_NODES`]) makes a few tens of megabytes in any format; a template
/// looping far past that is stopped here rather than by the machine's memory.
pub const MAX_OUTPUT: usize = 256 << 20;

/// A template's output, refusing to grow past [`MAX_OUTPUT`].
#[derive(Default)]
struct Capped {
    bytes: Vec<u8>,
    over: bool,
}

impl std::io::Write for Capped {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self.bytes.len() + buf.len() > MAX_OUTPUT {
            self.over = true;
            return Err(std::io::Error::other("the output is too large"));
        }
        self.bytes.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// The line of a replacement for `name` written for the built-ins of unionplan 0.1, which
/// laid out the sections with the macros `node` (node.<ext>) and `schedule`
/// (schedule.<ext>), imported by plan.<ext> and node.<ext>. Such a file would lay out
/// nothing (a schedule.html that only defines its macro) or fail on names the built-ins of
/// today do not give it. Comments are not read.
fn old_layout(name: &str, source: &str) -> Option<usize> {
    let old_macro = match name.split('.').next() {
        Some("node") => "node",
        Some("schedule") => "schedule",
        Some("plan") => "",
        _ => return None,
    };
    let imported = |word: &&str| matches!(*word, "node" | "schedule");
    let mut in_comment = false;
    source
        .lines()
        .position(|line| {
            // The text outside {# … #}, which may span lines.
            let mut code = String::new();
            let mut rest = line;
            loop {
                let marker = if in_comment { "#}" } else { "{#" };
                let Some((before, after)) = rest.split_once(marker) else {
                    if !in_comment {
                        code.push_str(rest);
                    }
                    break;
                };
                if !in_comment {
                    code.push_str(before);
                }
                in_comment = !in_comment;
                rest = after;
            }
            let words: Vec<&str> = code
                .split(|c: char| c.is_whitespace() || "(),%{}-".contains(c))
                .filter(|word| !word.is_empty())
                .collect();
            words
                .windows(2)
                .any(|pair| pair[0] == "macro" && pair[1] == old_macro)
                || words
                    .iter()
                    .skip_while(|word| **word != "import")
                    .skip(1)
                    .any(imported)
        })
        .map(|index| index + 1)
}

/// Files at the top of `folder` whose names come close to a built-in's without being one
/// (`shedule.html`, `Plan.html`, `plan.html.j2`), with the name they likely mean: such a
/// file replaces nothing, and is used only if a template includes it by that name.
pub fn near_misses(folder: &Path) -> Vec<(String, &'static str)> {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return Vec::new();
    };
    let mut misses: Vec<(String, &'static str)> = entries
        .filter_map(Result::ok)
        .filter_map(|entry| entry.file_name().into_string().ok())
        .filter(|name| builtin(name).is_none())
        .filter_map(|name| {
            let plain = name.strip_suffix(".j2").unwrap_or(&name).to_lowercase();
            let builtins: Vec<&'static str> = BUILTIN.iter().map(|(builtin, _)| *builtin).collect();
            crate::suggest::closest(&plain, &builtins).map(|builtin| (name, builtin))
        })
        .collect();
    misses.sort();
    misses
}

/// Each built-in, with the file of `folder` that replaces it, if there is one. A file there
/// that a render could not use (a named pipe, a link to nothing) is the error a render gives.
pub fn list(folder: Option<&Path>) -> Result<Vec<(&'static str, Option<PathBuf>)>, Error> {
    let (Some(folder), Some(root)) = (folder, folder.map(open_folder).transpose()?) else {
        return Ok(BUILTIN.iter().map(|(name, _)| (*name, None)).collect());
    };
    BUILTIN
        .iter()
        .map(|(name, _)| match read_inside(&root, name) {
            Ok(found) => Ok((*name, found.map(|_| folder.join(name)))),
            Err(e) => Err(e.replacing(folder, &root, name)),
        })
        .collect()
}

/// The source of a template as a render with `folder` would use it: the folder's file,
/// else the built-in. It is not compiled, so a template with an error can be shown too.
pub fn source(folder: Option<&Path>, name: &str) -> Result<String, Error> {
    let unknown = || {
        Error::Usage(format!(
            "there is no template `{name}`: `unionplan templates list` names them"
        ))
    };
    if let Some(folder) = folder {
        let root = open_folder(folder)?;
        match read_inside(&root, name) {
            Ok(Some(source)) => return Ok(source),
            Ok(None) => {}
            Err(err @ Unusable::Outside { .. }) => {
                return Err(Error::Usage(format!(
                    "template `{name}` {}",
                    err.sentence(false)
                )))
            }
            Err(err) => return Err(err.replacing(folder, &root, name)),
        }
    }
    builtin(name).map(str::to_owned).ok_or_else(unknown)
}

/// The user's folder, canonical, or the error that names it.
fn open_folder(folder: &Path) -> Result<PathBuf, Error> {
    folder
        .canonicalize()
        .and_then(|root| std::fs::read_dir(&root).map(|_| root))
        .map_err(|source| Error::TemplatesFolder {
            path: folder.to_owned(),
            source,
        })
}

/// The segments of a template name that stays inside its folder: a relative path of
/// plain names, without `..`, `.`, empty segments (an absolute path) or backslashes.
fn safe_segments(name: &str) -> Option<Vec<&str>> {
    name.split('/')
        .map(|segment| {
            let plain = !matches!(segment, "" | "." | "..") && !segment.contains(['\\', ':']);
            plain.then_some(segment)
        })
        .collect()
}

/// Why a file of the templates folder cannot be used as a template.
#[derive(Debug)]
enum Unusable {
    /// The name, or the link it is, leads out of the folder.
    Outside {
        link: bool,
    },
    /// A folder, a named pipe, a device, a link to nothing.
    NotATemplate(FileKind),
    Unreadable(std::io::Error),
    NotUtf8,
}

impl Unusable {
    /// What is wrong, as said after the template's name, and what to do if the file is to
    /// replace a built-in.
    fn sentence(&self, replacing: bool) -> String {
        let otherwise = if replacing {
            ", or remove it to use the built-in"
        } else {
            ""
        };
        match self {
            Unusable::Outside { link: false } => "leads out of the templates folder".into(),
            Unusable::Outside { link: true } => {
                "is a link that leads out of the templates folder".into()
            }
            Unusable::NotATemplate(kind) if kind.is_broken_link() => {
                format!("is {kind}: restore its target{otherwise}")
            }
            Unusable::NotATemplate(kind) => {
                format!("is {kind}, not a template file: put the template there{otherwise}")
            }
            Unusable::Unreadable(e) => format!("cannot be read: {e}"),
            Unusable::NotUtf8 => "is not UTF-8 text".into(),
        }
    }

    /// As the error of a template that includes or imports `name`.
    fn in_template(self, name: &str) -> minijinja::Error {
        minijinja::Error::new(
            ErrorKind::InvalidOperation,
            format!("template `{name}` {}", self.sentence(false)),
        )
    }

    /// As the error of the file `name` of `folder` (found at `root`, canonical), which
    /// replaces a built-in or is shown. A link's target is named from the folder as the user gave it.
    fn replacing(self, folder: &Path, root: &Path, name: &str) -> Error {
        let unusable = match self {
            Unusable::NotATemplate(FileKind::Dangling(target)) => {
                let target = match target.strip_prefix(root) {
                    Ok(inside) => folder.join(inside),
                    Err(_) => target,
                };
                Unusable::NotATemplate(FileKind::Dangling(target))
            }
            other => other,
        };
        Error::Template {
            name: folder.join(name).display().to_string(),
            line: None,
            message: unusable.sentence(builtin(name).is_some()),
        }
    }
}

/// Reads the template `name` from the folder `root` (canonical), refusing any name or
/// link that leads outside it. A name that is not there is `None`; anything else there that
/// is not a regular file (a folder, a named pipe, a device, a link to nothing) is refused,
/// never opened and never quietly replaced by the built-in.
fn read_inside(root: &Path, name: &str) -> Result<Option<String>, Unusable> {
    let segments = safe_segments(name).ok_or(Unusable::Outside { link: false })?;
    let path = segments
        .iter()
        .fold(root.to_owned(), |path, s| path.join(s));
    let kind = match FileKind::of(&path) {
        Ok(kind) => kind,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(Unusable::Unreadable(e)),
    };
    if kind.is_broken_link() {
        return Err(Unusable::NotATemplate(kind));
    }
    let real = path.canonicalize().map_err(Unusable::Unreadable)?;
    if !real.starts_with(root) {
        return Err(Unusable::Outside { link: true });
    }
    if kind != FileKind::File {
        return Err(Unusable::NotATemplate(kind));
    }
    let mut bytes = Vec::new();
    file_kind::open_regular(&real, true)
        .and_then(|mut file| file.read_to_end(&mut bytes))
        .map_err(Unusable::Unreadable)?;
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    String::from_utf8(bytes.to_vec())
        .map(Some)
        .map_err(|_| Unusable::NotUtf8)
}

/// The first line of an ejected template: a template comment, so it prints nothing.
pub fn ejected_header(name: &str) -> String {
    format!(
        "{{# Ejected from unionplan {}: the built-in template {name}. #}}\n",
        env!("CARGO_PKG_VERSION")
    )
}

/// Writes every built-in template into `dir`, each headed by the version it came from.
/// Without `force`, any entry already there under a template's name (a file, a link even to
/// nothing, a folder, a named pipe) stops it before anything is written. With `force`, a
/// file is replaced, and so is a link itself or a named pipe, a socket or a device: nothing
/// is written through a link to its target or into a pipe. A folder is refused even then.
pub fn eject(dir: &Path, force: bool) -> Result<Vec<PathBuf>, Error> {
    let targets: Vec<(PathBuf, String)> = BUILTIN
        .iter()
        .map(|(name, source)| (dir.join(name), format!("{}{source}", ejected_header(name))))
        .collect();
    // `symlink_metadata` looks at the entry itself: a link to nothing is there too.
    let existing: Vec<(&str, std::fs::FileType)> = BUILTIN
        .iter()
        .filter_map(|(name, _)| {
            let meta = std::fs::symlink_metadata(dir.join(name)).ok()?;
            Some((*name, meta.file_type()))
        })
        .collect();
    if !force && !existing.is_empty() {
        let names: Vec<&str> = existing.iter().map(|(name, _)| *name).collect();
        return Err(Error::Usage(format!(
            "{} already holds {}: pass --force to overwrite them",
            dir.display(),
            names.join(", ")
        )));
    }
    let folders: Vec<&str> = existing
        .iter()
        .filter(|(_, t)| t.is_dir())
        .map(|(name, _)| *name)
        .collect();
    if !folders.is_empty() {
        return Err(Error::Usage(format!(
            "{} holds folders named {}: --force replaces files and links, not folders; \
             move them away first",
            dir.display(),
            folders.join(", ")
        )));
    }
    crate::output::out_dir(dir, true)?;
    for (path, contents) in &targets {
        let special = std::fs::symlink_metadata(path).is_ok_and(|m| !m.file_type().is_file());
        if special {
            // The entry goes, not what it leads to.
            std::fs::remove_file(path).map_err(|source| Error::Write {
                path: path.clone(),
                source,
            })?;
        }
        output::write_atomic(path, contents.as_bytes())?;
    }
    Ok(targets.into_iter().map(|(path, _)| path).collect())
}

/// The environment every render uses, without templates: syntax, strict undefined
/// variables, escaping by file type and the filters.
fn environment() -> Result<Environment<'static>, Error> {
    let mut env = Environment::new();
    env.set_syntax(
        SyntaxConfig::builder()
            .trim_blocks(true)
            .lstrip_blocks(true)
            .keep_trailing_newline(true)
            .build()?,
    );
    env.set_undefined_behavior(UndefinedBehavior::Strict);
    env.set_auto_escape_callback(|name| {
        let name = name.strip_suffix(".j2").unwrap_or(name);
        match name.rsplit('.').next() {
            Some("html" | "htm") => AutoEscape::Html,
            Some("md") => AutoEscape::Custom(MARKDOWN.into()),
            _ => AutoEscape::None,
        }
    });
    env.set_formatter(|out, state, value| {
        // An absent value (a node without a title) prints as nothing.
        if value.is_none() {
            return Ok(());
        }
        let written = match (state.auto_escape(), value.as_str()) {
            (AutoEscape::Custom(name), text) if name == MARKDOWN => match text {
                Some(text) if value.is_safe() => out.write_str(text),
                Some(text) => write_markdown(out, text),
                None => write_markdown(out, &value.to_string()),
            },
            // Plain text as it is, without the formatting machinery.
            (AutoEscape::None, Some(text)) => out.write_str(text),
            _ => return escape_formatter(out, state, value),
        };
        written.map_err(Into::into)
    });
    env.add_filter("align_right", align_right);
    env.add_filter("align_center", align_center);
    env.add_filter("chinese", numerals::chinese);
    env.add_filter("marker", marker);
    env.add_filter("month_label", month_label);
    env.add_filter("date", date);
    Ok(env)
}

/// `{{ 3 | marker("（一）") }}` is （三）: the marker of the nth item in the pattern of a
/// level's first marker, as `style.numbering` takes it.
fn marker(n: u64, first: &str) -> Result<String, minijinja::Error> {
    let pattern = Pattern::infer(first).map_err(|e| {
        minijinja::Error::new(ErrorKind::InvalidOperation, format!("marker `{first}` {e}"))
    })?;
    Ok(pattern.marker(n))
}

/// `{{ month.months | month_label(numerals="arabic") }}` is 7、8月份: a month (7), a range
/// ("7-8", [7, 8]) or every month of one ([7, 8, 9]), labelled as `style.month` says.
fn month_label(months: Value, style: Kwargs) -> Result<String, minijinja::Error> {
    let months = match months.len() {
        Some(len) if len > 2 && months.as_str().is_none() => Value::from(vec![
            months.get_item_by_index(0)?,
            months.get_item_by_index(len - 1)?,
        ]),
        _ => months,
    };
    let months = Months::deserialize(months)?;
    let style: BTreeMap<String, Value> = style
        .args()
        .map(|key| Ok((key.to_owned(), style.get::<Value>(key)?)))
        .collect::<Result<_, minijinja::Error>>()?;
    let style = MonthStyle::deserialize(Value::from(style))?;
    Ok(view::month_label(months, &style))
}

/// `{{ "2027-01-05" | date("chinese") }}` is 二〇二七年一月五日; without a style, 2027年1月5日.
fn date(text: &str, style: Option<Value>) -> Result<String, minijinja::Error> {
    let date = Date::parse(text).ok_or_else(|| {
        minijinja::Error::new(
            ErrorKind::InvalidOperation,
            format!("`{text}` is not a date written YYYY-MM-DD"),
        )
    })?;
    let style = match style {
        Some(style) => DateStyle::deserialize(style)?,
        None => DateStyle::default(),
    };
    Ok(view::format_date(date, style))
}

/// Escapes text so that a CommonMark reader takes it as literal text: no emphasis, links,
/// HTML, code, headings, lists, block quotes or thematic breaks.
pub fn escape_markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    write_markdown(&mut out, text).expect("a String takes any text");
    out
}

/// Writes text escaped as [`escape_markdown`] does, a run of plain text at a time. Every
/// character that takes a backslash is ASCII, so the text is scanned as bytes.
fn write_markdown(out: &mut impl fmt::Write, text: &str) -> fmt::Result {
    let bytes = text.as_bytes();
    // Where the text not yet written starts.
    let mut plain = 0;
    let mut line_start = true;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let escape = if line_start && b.is_ascii_digit() {
            // A run of digits followed by `.` or `)` opens an ordered list.
            while bytes.get(i).is_some_and(u8::is_ascii_digit) {
                i += 1;
            }
            line_start = false;
            if !matches!(bytes.get(i), Some(b'.' | b')')) {
                continue;
            }
            true
        } else {
            let escape = (line_start && matches!(b, b'-' | b'+' | b'='))
                || matches!(
                    b,
                    b'\\'
                        | b'`'
                        | b'*'
                        | b'_'
                        | b'['
                        | b']'
                        | b'<'
                        | b'>'
                        | b'&'
                        | b'#'
                        | b'~'
                        | b'|'
                        | b'!'
                );
            // CommonMark ends a line at `\n`, `\r\n` and a lone `\r` alike.
            line_start = matches!(b, b'\n' | b'\r');
            escape
        };
        if escape {
            out.write_str(&text[plain..i])?;
            out.write_char('\\')?;
            plain = i;
        }
        i += 1;
    }
    out.write_str(&text[plain..])
}

/// How many full-width character cells a text takes (an ASCII character is half a cell).
fn cells(text: &str) -> usize {
    text.width().div_ceil(2)
}

/// The widest line `align_right` and `align_center` lay text out on, in full-width
/// characters: a page's line is 28, a landscape one under 50. A wider one is a template
/// error, not gigabytes of padding.
pub const MAX_ALIGN_WIDTH: usize = 1000;

/// The line width a filter was given, or the GB/T 9704 line.
fn align_width(filter: &str, width: Option<u64>) -> Result<usize, minijinja::Error> {
    match width {
        None => Ok(LINE_CHARS),
        Some(width) if width <= MAX_ALIGN_WIDTH as u64 => Ok(width as usize),
        Some(width) => Err(minijinja::Error::new(
            ErrorKind::InvalidOperation,
            format!(
                "{filter}({width}): a line is at most {MAX_ALIGN_WIDTH} characters wide \
                 (28 on the GB/T 9704 page)"
            ),
        )),
    }
}

/// Right-aligns text on a line of `width` full-width characters, padding with U+3000.
fn align_right(text: &str, width: Option<u64>) -> Result<String, minijinja::Error> {
    let width = align_width("align_right", width)?;
    let pad = width.saturating_sub(cells(text));
    Ok(format!("{}{text}", "\u{3000}".repeat(pad)))
}

/// Centers text on a line of `width` full-width characters, padding with U+3000.
fn align_center(text: &str, width: Option<u64>) -> Result<String, minijinja::Error> {
    let width = align_width("align_center", width)?;
    let pad = width.saturating_sub(cells(text)) / 2;
    Ok(format!("{}{text}", "\u{3000}".repeat(pad)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_table_matches_the_templates_folder() {
        let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("templates");
        let mut on_disk: Vec<String> = std::fs::read_dir(folder)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        on_disk.sort();
        let mut built_in: Vec<String> = BUILTIN.iter().map(|(n, _)| n.to_string()).collect();
        built_in.sort();
        assert_eq!(built_in, on_disk);
    }

    fn render_str(template: &str) -> Result<String, minijinja::Error> {
        environment().unwrap().render_str(template, ())
    }

    #[test]
    fn names_stay_inside_the_folder() {
        assert_eq!(safe_segments("node.html"), Some(vec!["node.html"]));
        assert_eq!(
            safe_segments("parts/seal.html"),
            Some(vec!["parts", "seal.html"])
        );
        assert_eq!(safe_segments(".hidden.html"), Some(vec![".hidden.html"]));
        for escaping in [
            "../x.html",
            "a/../../x",
            "/etc/passwd",
            "./x",
            "a//b",
            "a\\b",
            "C:/x",
        ] {
            assert_eq!(safe_segments(escaping), None, "{escaping}");
        }
    }

    #[test]
    fn templates_of_the_old_layout_are_recognized() {
        let old_schedule = "{# header #}\n{% macro schedule(months) %}\n{% endmacro %}\n";
        assert_eq!(old_layout("schedule.html", old_schedule), Some(2));
        let old_plan = "{%- from \"node.md\" import node %}\n{{ node(section) }}";
        assert_eq!(old_layout("plan.md", old_plan), Some(1));
        let old_node = "{% from \"schedule.txt\" import x, schedule %}\n{% macro node(n) %}";
        assert_eq!(old_layout("node.txt", old_node), Some(1));
        for (name, source) in BUILTIN {
            assert_eq!(old_layout(name, source), None, "{name}");
            let ejected = format!("{}{source}", ejected_header(name));
            assert_eq!(old_layout(name, &ejected), None, "{name}");
        }
        // Comments, other macros and other files are not the old layout.
        let commented =
            "{# 0.1 had {% macro schedule(months) %}\nand caller() #}\n{% set nodes = loop %}";
        assert_eq!(old_layout("schedule.html", commented), None);
        assert_eq!(
            old_layout("node.html", "{% macro lead(n) %}{% endmacro %}"),
            None
        );
        assert_eq!(
            old_layout("signature.html", "{% macro node(x) %}{% endmacro %}"),
            None
        );
    }

    #[test]
    fn the_ejected_header_prints_nothing() {
        let header = ejected_header("plan.txt");
        assert!(header.contains(env!("CARGO_PKG_VERSION")), "{header}");
        assert_eq!(
            render_str(&format!("{header}　　正文\n")).unwrap(),
            "　　正文\n"
        );
    }

    #[test]
    fn filters_call_the_functions_the_view_uses() {
        let cases = [
            ("{{ 12 | chinese }}", "十二"),
            ("{{ 3 | marker('（一）') }}", "（三）"),
            ("{{ 12 | marker('1、') }}", "12、"),
            ("{{ 7 | month_label }}", "七月份"),
            ("{{ '7-8' | month_label(range='—') }}", "七—八月份"),
            ("{{ [7, 8, 9] | month_label }}", "七、八、九月份"),
            ("{{ [12, 1] | month_label(january='元') }}", "十二、元月份"),
            (
                "{{ 2 | month_label(numerals='arabic', suffix='月') }}",
                "2月",
            ),
            ("{{ '2027-01-05' | date }}", "2027年1月5日"),
            ("{{ '2027-01-05' | date('chinese') }}", "二〇二七年一月五日"),
            ("{{ '2027-01-05' | date('中文') }}", "二〇二七年一月五日"),
        ];
        for (template, expected) in cases {
            assert_eq!(render_str(template).unwrap(), expected, "{template}");
        }
        for wrong in [
            "{{ 3 | marker('x') }}",
            "{{ 13 | month_label }}",
            "{{ 3 | month_label(colour='red') }}",
            "{{ '2027-02-30' | date }}",
            "{{ '2027-02-03' | date('roman') }}",
        ] {
            assert!(render_str(wrong).is_err(), "{wrong}");
        }
    }

    #[test]
    fn markdown_escaping() {
        assert_eq!(escape_markdown("1. 完善"), "1\\. 完善");
        assert_eq!(escape_markdown("12) 项"), "12\\) 项");
        assert_eq!(escape_markdown("2027年"), "2027年");
        assert_eq!(escape_markdown("- 项"), "\\- 项");
        assert_eq!(escape_markdown("a-b"), "a-b");
        assert_eq!(escape_markdown("***"), "\\*\\*\\*");
        assert_eq!(escape_markdown("<b>&amp;"), "\\<b\\>\\&amp;");
        assert_eq!(escape_markdown("# x"), "\\# x");
        assert_eq!(escape_markdown("a\n1. b"), "a\n1\\. b");
        assert_eq!(escape_markdown("第一段\r1. 列表"), "第一段\r1\\. 列表");
        assert_eq!(escape_markdown("标题\r==="), "标题\r\\===");
        assert_eq!(escape_markdown("a\r\n- b"), "a\r\n\\- b");
    }

    /// Pieces of text that are Markdown syntax at the start of a line or anywhere, and every
    /// way a line can end.
    const MARKDOWN_PIECES: &[&str] = &[
        "一项",
        "、",
        "（）：",
        "a",
        "7",
        "12",
        ".",
        ")",
        "1. ",
        "3) ",
        "- ",
        "+ ",
        "* ",
        "=",
        "-",
        "\\",
        "`",
        "*",
        "_",
        "[",
        "]",
        "<",
        ">",
        "&",
        "#",
        "# ",
        "~",
        "|",
        "!",
        " ",
        "\n",
        "\r",
        "\r\n",
    ];

    /// What a CommonMark reader (with GitHub's extensions) takes a paragraph to say.
    fn read_back(markdown: &str) -> String {
        use pulldown_cmark::{Event, Options, Parser, Tag};
        let mut text = String::new();
        for event in Parser::new_ext(markdown, Options::ENABLE_GFM | Options::ENABLE_TABLES) {
            match event {
                Event::Text(t) => text.push_str(&t),
                Event::SoftBreak => text.push('\n'),
                Event::Start(Tag::Paragraph) | Event::End(_) => {}
                other => panic!("{other:?} in {markdown:?}"),
            }
        }
        text
    }

    use proptest::strategy::Strategy;

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig {
            cases: 1024,
            ..proptest::prelude::ProptestConfig::default()
        })]

        #[test]
        fn escaped_text_reads_back_as_itself(
            text in proptest::collection::vec(proptest::sample::select(MARKDOWN_PIECES), 1..12)
                .prop_map(|pieces| pieces.concat())
        ) {
            // A reader ends a line at `\n`, `\r\n` or `\r`, and gives each back as `\n`.
            let lines = text.replace("\r\n", "\n").replace('\r', "\n");
            // Lines as a paragraph keeps them: no blank or indented line, no line that
            // starts or ends with a space.
            proptest::prop_assume!(lines.lines().all(|l| !l.is_empty() && l.trim() == l));
            proptest::prop_assume!(!lines.ends_with('\n'));
            proptest::prop_assert_eq!(read_back(&escape_markdown(&text)), lines);
        }

        /// Whatever a text field holds, the Markdown has the blocks a plain text would
        /// give it: the same headings and paragraphs, none more, none of another kind.
        #[test]
        fn no_text_makes_a_block_of_its_own(
            texts in proptest::collection::vec(
                "[一项、（）0-9a-z.)\\-+=\\\\`*_\\[\\]<>&#~|! \n\r\t]{1,12}",
                9,
            )
        ) {
            // The plain text with the same spaces and line breaks: each other character 字.
            let plain: Vec<String> = texts
                .iter()
                .map(|t| t.chars().map(|c| if c.is_whitespace() { c } else { '字' }).collect())
                .collect();
            proptest::prop_assert_eq!(blocks(&plan_markdown(&texts)), blocks(&plan_markdown(&plain)));
        }
    }

    /// A plan with a text in each field the Markdown template prints, rendered.
    fn plan_markdown(t: &[String]) -> String {
        let plan = serde_json::json!({
            "title": t[0],
            "organization": t[1],
            "preface": [t[2]],
            "sections": [{
                "title": t[3],
                "body": [t[4]],
                "items": [t[5], {"title": t[6], "body": t[7]}],
                "schedule": [{"month": 3, "items": [t[8]]}],
            }],
            "closing": [t[2]],
            "signature": {"organization": t[1], "date": "2027-01-05"},
        });
        let plan: crate::model::Plan = serde_json::from_value(plan).unwrap();
        let view = view::build(crate::validate::valid(plan).unwrap());
        let markdown = Templates::new(None)
            .unwrap()
            .render("plan.md", &Value::from(minijinja::value::Serde(&view)))
            .unwrap();
        String::from_utf8(markdown).unwrap()
    }

    /// The blocks a CommonMark reader (with GitHub's extensions) sees, in order.
    fn blocks(markdown: &str) -> Vec<String> {
        use pulldown_cmark::{Event, Options, Parser};
        Parser::new_ext(markdown, Options::ENABLE_GFM | Options::ENABLE_TABLES)
            .filter_map(|event| match event {
                Event::Start(tag) => Some(format!("{tag:?}")),
                Event::Text(_) | Event::End(_) | Event::SoftBreak | Event::HardBreak => None,
                other => Some(format!("{other:?}")),
            })
            .collect()
    }

    #[test]
    fn alignment_counts_full_width_cells() {
        assert_eq!(
            align_right("城东中学工会", Some(8)).unwrap(),
            "\u{3000}\u{3000}城东中学工会"
        );
        assert_eq!(
            align_right("2027年1月5日", Some(8)).unwrap(),
            "\u{3000}\u{3000}2027年1月5日"
        );
        assert_eq!(
            align_center("计划", Some(6)).unwrap(),
            "\u{3000}\u{3000}计划"
        );
        let long = "长".repeat(30);
        assert_eq!(align_center(&long, None).unwrap(), long);
        let widest = align_right("", Some(MAX_ALIGN_WIDTH as u64)).unwrap();
        assert_eq!(widest.chars().count(), MAX_ALIGN_WIDTH);
    }

    #[test]
    fn alignment_wider_than_a_line_can_be_is_an_error() {
        for template in [
            r#"{{ "x"|align_right(18446744073709551615) }}"#,
            r#"{{ "x"|align_center(100000000000) }}"#,
            r#"{{ "x"|align_right(1001) }}"#,
            r#"{{ "x"|align_center(-1) }}"#,
            r#"{{ "x"|align_right(1e300) }}"#,
        ] {
            assert!(render_str(template).is_err(), "{template}");
        }
    }
}
