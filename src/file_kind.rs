//! What stands at a path, found without opening it: a regular file, a folder, a named pipe,
//! a device, a link to nothing. Plans and templates are read only from regular files, so
//! that a named pipe never hangs a run and a device is never read.

use std::fmt;
use std::fs::{File, FileType};
use std::io;
use std::path::{Path, PathBuf};

use crate::messages::Message;
use crate::msg;

/// What a path leads to, links followed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileKind {
    /// A regular file, or a link to one.
    File,
    Folder,
    NamedPipe,
    Socket,
    CharDevice,
    BlockDevice,
    /// A symbolic link whose target does not exist: the target as the link names it, taken
    /// from the link's folder.
    Dangling(PathBuf),
    /// A symbolic link that cannot be followed: links that lead round in a circle, or too
    /// many of them in a row.
    Loop,
    /// A link to a file outside the folder searched (only a search of a folder says this,
    /// [`FileKind::of`] never does): a plan linked in from elsewhere is named on the command
    /// line, so that a link slipped into a folder cannot show another file's lines.
    LeadsOut(PathBuf),
    /// Anything else the system may have.
    Other,
}

impl FileKind {
    /// What `path` is. Nothing at all there (not even a link) is an error of kind
    /// `NotFound`; so is a path through a file (`plan.yaml/x`).
    pub fn of(path: &Path) -> io::Result<FileKind> {
        let meta = std::fs::symlink_metadata(path).map_err(|e| match e.kind() {
            io::ErrorKind::NotADirectory => io::Error::from(io::ErrorKind::NotFound),
            _ => e,
        })?;
        if !meta.file_type().is_symlink() {
            return Ok(FileKind::from_type(meta.file_type()));
        }
        match std::fs::metadata(path) {
            Ok(target) => Ok(FileKind::from_type(target.file_type())),
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                let target = std::fs::read_link(path)?;
                let folder = path.parent().unwrap_or(Path::new(""));
                Ok(FileKind::Dangling(folder.join(target)))
            }
            Err(e) if is_loop(&e) => Ok(FileKind::Loop),
            Err(e) => Err(e),
        }
    }

    /// What a file of type `t` is (a link's own type says only that it is a link).
    pub fn from_type(t: FileType) -> FileKind {
        if t.is_file() {
            return FileKind::File;
        }
        if t.is_dir() {
            return FileKind::Folder;
        }
        #[cfg(unix)]
        {
            use std::os::unix::fs::FileTypeExt;
            if t.is_fifo() {
                return FileKind::NamedPipe;
            }
            if t.is_socket() {
                return FileKind::Socket;
            }
            if t.is_char_device() {
                return FileKind::CharDevice;
            }
            if t.is_block_device() {
                return FileKind::BlockDevice;
            }
        }
        FileKind::Other
    }

    /// Whether it is a link that leads nowhere.
    pub fn is_broken_link(&self) -> bool {
        matches!(self, FileKind::Dangling(_) | FileKind::Loop)
    }
}

impl FileKind {
    /// What it is, as a message says it after "is": `a named pipe`, `一个命名管道`.
    pub fn message(&self) -> Message {
        match self {
            FileKind::File => msg!("kind-file"),
            FileKind::Folder => msg!("kind-folder"),
            FileKind::NamedPipe => msg!("kind-named-pipe"),
            FileKind::Socket => msg!("kind-socket"),
            FileKind::CharDevice => msg!("kind-char-device"),
            FileKind::BlockDevice => msg!("kind-block-device"),
            FileKind::Dangling(target) => {
                msg!("kind-dangling", target = crate::text::display_name(target))
            }
            FileKind::Loop => msg!("kind-loop"),
            FileKind::LeadsOut(target) => {
                msg!("kind-leads-out", target = crate::text::display_name(target))
            }
            FileKind::Other => msg!("kind-other"),
        }
    }
}

impl fmt::Display for FileKind {
    /// As a message says it: "is {kind}", in the run's language.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.message().fmt(f)
    }
}

/// The error of [`open_regular`] for what is not a regular file: carried
/// inside an [`io::Error`], said as what it is.
#[derive(Debug)]
pub struct NotRegular(pub FileKind);

impl fmt::Display for NotRegular {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        msg!("io-not-regular", kind = self.0.message()).fmt(f)
    }
}

impl std::error::Error for NotRegular {}

#[cfg(unix)]
fn is_loop(err: &io::Error) -> bool {
    err.raw_os_error() == Some(rustix::io::Errno::LOOP.raw_os_error())
}

#[cfg(not(unix))]
fn is_loop(_: &io::Error) -> bool {
    false
}

/// Opens a regular file for reading, and refuses anything else without waiting: a named
/// pipe put in its place after it was looked at opens at once (not blocking for a writer)
/// and is refused as what it is. With `follow` false, a link is refused too, also one put
/// there after the look.
pub fn open_regular(path: &Path, follow: bool) -> io::Result<File> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use rustix::fs::OFlags;
        use std::os::unix::fs::OpenOptionsExt;
        let flags = if follow {
            OFlags::NONBLOCK
        } else {
            OFlags::NONBLOCK | OFlags::NOFOLLOW
        };
        options.custom_flags(flags.bits() as i32);
    }
    #[cfg(not(unix))]
    let _ = follow;
    let file = options.open(path)?;
    let kind = FileKind::from_type(file.metadata()?.file_type());
    if kind != FileKind::File {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            NotRegular(kind),
        ));
    }
    Ok(file)
}

/// Whether two paths lead to the same file (either may not exist yet): by the file itself,
/// not its name, so that a symbolic or hard link to the plan is the plan. Nothing is opened
/// where the system can tell without (a named pipe would let a writer waiting on it start).
pub fn same_file(a: &Path, b: &Path) -> bool {
    matches!(
        (file_id::get_file_id(a), file_id::get_file_id(b)),
        (Ok(a), Ok(b)) if a == b
    )
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::symlink;

    fn mkfifo(path: &Path) {
        let made = std::process::Command::new("mkfifo").arg(path).status();
        assert!(made.unwrap().success());
    }

    #[test]
    fn tells_what_each_entry_is() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        std::fs::write(d.join("plan.yaml"), "x").unwrap();
        symlink("plan.yaml", d.join("link.yaml")).unwrap();
        symlink("gone.yaml", d.join("dangling.yaml")).unwrap();
        symlink("loop.yaml", d.join("loop.yaml")).unwrap();
        mkfifo(&d.join("pipe.yaml"));
        symlink("pipe.yaml", d.join("to-pipe.yaml")).unwrap();
        assert_eq!(FileKind::of(&d.join("plan.yaml")).unwrap(), FileKind::File);
        assert_eq!(FileKind::of(&d.join("link.yaml")).unwrap(), FileKind::File);
        assert_eq!(FileKind::of(d).unwrap(), FileKind::Folder);
        assert_eq!(
            FileKind::of(&d.join("dangling.yaml")).unwrap(),
            FileKind::Dangling(d.join("gone.yaml"))
        );
        assert_eq!(FileKind::of(&d.join("loop.yaml")).unwrap(), FileKind::Loop);
        assert_eq!(
            FileKind::of(&d.join("pipe.yaml")).unwrap(),
            FileKind::NamedPipe
        );
        assert_eq!(
            FileKind::of(&d.join("to-pipe.yaml")).unwrap(),
            FileKind::NamedPipe
        );
        for missing in ["none.yaml", "plan.yaml/x"] {
            let err = FileKind::of(&d.join(missing)).unwrap_err();
            assert_eq!(err.kind(), io::ErrorKind::NotFound, "{missing}");
        }
    }

    #[test]
    fn a_named_pipe_is_refused_without_waiting_for_a_writer() {
        let dir = tempfile::tempdir().unwrap();
        let pipe = dir.path().join("pipe.html");
        mkfifo(&pipe);
        let err = open_regular(&pipe, true).unwrap_err();
        assert_eq!(err.to_string(), "is a named pipe");
        std::fs::write(dir.path().join("file.html"), "x").unwrap();
        assert!(open_regular(&dir.path().join("file.html"), true).is_ok());
    }

    #[test]
    fn a_link_to_a_file_is_the_same_file_and_a_copy_is_not() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        std::fs::write(d.join("plan.yaml"), "x").unwrap();
        std::fs::write(d.join("copy.yaml"), "x").unwrap();
        std::fs::hard_link(d.join("plan.yaml"), d.join("hard.md")).unwrap();
        symlink("plan.yaml", d.join("soft.md")).unwrap();
        mkfifo(&d.join("pipe"));
        symlink("pipe", d.join("to-pipe")).unwrap();
        let same = |x: &str, y: &str| same_file(&d.join(x), &d.join(y));
        assert!(same("plan.yaml", "hard.md"));
        assert!(same("soft.md", "plan.yaml"));
        assert!(same("to-pipe", "pipe"));
        assert!(!same("plan.yaml", "copy.yaml"));
        assert!(!same("plan.yaml", "pipe"));
        assert!(!same("plan.yaml", "none.md"));
        assert!(!same("none.md", "none.md"));
    }
}
