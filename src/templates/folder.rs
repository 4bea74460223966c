//! A user's templates folder: names and links that stay inside it, files read as templates.

use std::io::Read;
use std::path::{Path, PathBuf};

use minijinja::ErrorKind;

use super::builtin;
use crate::error::{io_message, Error, TemplateFault};
use crate::file_kind::{self, FileKind};
use crate::messages::Message;
use crate::msg;

/// The user's folder, canonical, or the error that names it.
pub(super) fn open_folder(folder: &Path) -> Result<PathBuf, Error> {
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
pub(super) fn safe_segments(name: &str) -> Option<Vec<&str>> {
    name.split('/')
        .map(|segment| {
            let plain = !matches!(segment, "" | "." | "..") && !segment.contains(['\\', ':']);
            plain.then_some(segment)
        })
        .collect()
}

/// Why a file of the templates folder cannot be used as a template.
#[derive(Debug)]
pub(super) enum Unusable {
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
    pub(super) fn sentence(&self, replacing: bool) -> Message {
        let builtin = if replacing { "yes" } else { "no" };
        match self {
            Unusable::Outside { link: false } => msg!("template-outside"),
            Unusable::Outside { link: true } => msg!("template-link-outside"),
            Unusable::NotATemplate(kind) if kind.is_broken_link() => msg!(
                "template-broken-link",
                kind = kind.message(),
                builtin = builtin
            ),
            Unusable::NotATemplate(kind) => msg!(
                "template-not-a-file",
                kind = kind.message(),
                builtin = builtin
            ),
            Unusable::Unreadable(e) => msg!("template-unreadable", reason = io_message(e)),
            Unusable::NotUtf8 => msg!("template-not-utf8"),
        }
    }

    /// As the error of a template that includes or imports `name`.
    pub(super) fn in_template(self, name: &str) -> minijinja::Error {
        minijinja::Error::new(
            ErrorKind::InvalidOperation,
            msg!("template-named", name = name, why = self.sentence(false)).to_string(),
        )
    }

    /// As the error of the file `name` of `folder` (found at `root`, canonical), which
    /// replaces a built-in or is shown. A link's target is named from the folder as the user gave it.
    pub(super) fn replacing(self, folder: &Path, root: &Path, name: &str) -> Error {
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
            fault: TemplateFault::Unusable(unusable.sentence(builtin(name).is_some())),
        }
    }
}

/// Reads the template `name` from the folder `root` (canonical), refusing any name or
/// link that leads outside it. A name that is not there is `None`; anything else there that
/// is not a regular file (a folder, a named pipe, a device, a link to nothing) is refused,
/// never opened and never quietly replaced by the built-in.
pub(super) fn read_inside(root: &Path, name: &str) -> Result<Option<String>, Unusable> {
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

#[cfg(test)]
mod tests {
    use super::*;

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
}
