//! The built-in templates, compiled in; a user's folder over them; eject; and the template
//! environment: strict undefined variables, escaping by format, bounded execution and the
//! filters templates may use.
//!
//! This module holds the table, the environment, a folder's overrides and eject; a folder's
//! files are read in `folder`, the filters are in `filters`, the Markdown escaper is in
//! `markdown`, and `old_layout` refuses replacements written for unionplan 0.1.

mod filters;
mod folder;
mod markdown;
mod old_layout;

pub use filters::{LINE_CHARS, MAX_ALIGN_WIDTH};
pub use markdown::escape_markdown;

use folder::{open_folder, read_inside, safe_segments, Unusable};
use markdown::{write_markdown, MARKDOWN};

use std::path::{Path, PathBuf};

use minijinja::syntax::SyntaxConfig;
use minijinja::value::Value;
use minijinja::{escape_formatter, AutoEscape, Environment, UndefinedBehavior};

use crate::error::{Error, TemplateFault, Usage};
use crate::output;

/// The table of built-in templates: each name is a file in `templates/`.
macro_rules! builtin {
    ($($name:literal),* $(,)?) => {
        &[$(($name, include_str!(concat!("../../templates/", $name)))),*]
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

/// Execution budget of one render with a user's templates, in template instructions.
/// Templates like the built-ins spend forty to sixty per item, so a plan at the node bound
/// ([`crate::load::MAX_NODES`], at most that many items) fits; a runaway loop in a user's
/// template stops after a second or so instead of hanging a CI job. The built-ins alone
/// run without it: they end, and counting costs time.
const FUEL: u64 = 25_000_000;

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
                // Remove in 0.4, with old_layout.rs: see there why.
                old_layout::refuse(folder, name, &source)?;
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
                fault: TemplateFault::TooLarge {
                    mib: MAX_OUTPUT >> 20,
                },
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
            Error::Template { name, line, fault } => Error::Template {
                name: self.shown(name),
                line,
                fault,
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

/// Files at the top of `folder` whose names come close to a built-in's without being one
/// (`shedule.html`, `Plan.html`, `plan.html.j2`), with the name they likely mean: such a
/// file replaces nothing, and is used only if a template includes it by that name.
pub fn near_misses(folder: &Path) -> Vec<(String, &'static str)> {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return Vec::new();
    };
    let builtins: Vec<&'static str> = BUILTIN.iter().map(|(builtin, _)| *builtin).collect();
    let mut misses: Vec<(String, &'static str)> = entries
        .filter_map(Result::ok)
        .filter_map(|entry| entry.file_name().into_string().ok())
        .filter(|name| builtin(name).is_none())
        .filter_map(|name| {
            let plain = name.strip_suffix(".j2").unwrap_or(&name).to_lowercase();
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
        Error::Usage(Usage::NoTemplate {
            name: name.to_owned(),
        })
    };
    if let Some(folder) = folder {
        let root = open_folder(folder)?;
        match read_inside(&root, name) {
            Ok(Some(source)) => return Ok(source),
            Ok(None) => {}
            Err(Unusable::Outside { link }) => {
                return Err(Error::Usage(Usage::TemplateOutside {
                    name: name.to_owned(),
                    link,
                }))
            }
            Err(err) => return Err(err.replacing(folder, &root, name)),
        }
    }
    builtin(name).map(str::to_owned).ok_or_else(unknown)
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
        return Err(Error::Usage(Usage::EjectWouldOverwrite {
            dir: dir.to_owned(),
            names: names.iter().map(|n| n.to_string()).collect(),
        }));
    }
    let folders: Vec<&str> = existing
        .iter()
        .filter(|(_, t)| t.is_dir())
        .map(|(name, _)| *name)
        .collect();
    if !folders.is_empty() {
        return Err(Error::Usage(Usage::EjectOverFolders {
            dir: dir.to_owned(),
            names: folders.iter().map(|n| n.to_string()).collect(),
        }));
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
    filters::add_filters(&mut env);
    Ok(env)
}

/// A template rendered in the environment every render uses.
#[cfg(test)]
fn render_str(template: &str) -> Result<String, minijinja::Error> {
    environment().unwrap().render_str(template, ())
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

    #[test]
    fn the_ejected_header_prints_nothing() {
        let header = ejected_header("plan.txt");
        assert!(header.contains(env!("CARGO_PKG_VERSION")), "{header}");
        assert_eq!(
            render_str(&format!("{header}　　正文\n")).unwrap(),
            "　　正文\n"
        );
    }
}
