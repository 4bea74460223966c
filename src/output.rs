//! Writing results: what an output path names is looked at first; a file is replaced
//! atomically (temporary file, then rename), a device or named pipe is written straight into,
//! a link or a folder is refused; or standard output, through the [`Streams`] a command is
//! given.

use std::borrow::Cow;
use std::fs::{Metadata, OpenOptions};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard, OnceLock};

use crate::error::{Error, NotWritten};
use crate::file_kind::FileKind;
use crate::messages::Message;
use crate::msg;

/// What an output path names, looked at without following a link and before anything is
/// opened: opening a named pipe can wait for ever, reading a device may never end.
#[derive(Debug)]
pub enum Found {
    /// Nothing yet: the output is created.
    Nothing,
    /// A regular file, replaced atomically.
    File(Metadata),
    /// Written straight into, never replaced and never read.
    Stream(Stream),
    Folder,
    /// A symbolic link, to the path it holds.
    Link(PathBuf),
    Socket,
    /// A block device: a disk or a partition, never written over.
    Disk,
}

/// An output that is written into where it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stream {
    /// A character device (`/dev/null`).
    Device,
    /// A named pipe (FIFO).
    Fifo,
    /// `/dev/stdout`, `/dev/stderr`, `/dev/fd/N`: a descriptor of this process by its name.
    Descriptor,
}

impl Stream {
    /// What it is, as a message says it.
    pub fn describe(self) -> Message {
        match self {
            Stream::Device => msg!("stream-device"),
            Stream::Fifo => msg!("kind-named-pipe"),
            Stream::Descriptor => msg!("stream-descriptor"),
        }
    }
}

/// Looks at what `path` names. `/dev/stdout` and its kin are links in the file system, but
/// name what this process writes to, so they count as streams.
pub fn look(path: &Path) -> io::Result<Found> {
    if names_a_descriptor(path) {
        return Ok(Found::Stream(Stream::Descriptor));
    }
    let meta = match std::fs::symlink_metadata(path) {
        Ok(meta) => meta,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Found::Nothing),
        Err(e) => return Err(e),
    };
    let kind = meta.file_type();
    if kind.is_symlink() {
        return Ok(Found::Link(std::fs::read_link(path)?));
    }
    Ok(match FileKind::from_type(kind) {
        FileKind::Folder => Found::Folder,
        FileKind::CharDevice => Found::Stream(Stream::Device),
        FileKind::BlockDevice => Found::Disk,
        FileKind::NamedPipe => Found::Stream(Stream::Fifo),
        FileKind::Socket => Found::Socket,
        _ => Found::File(meta),
    })
}

fn names_a_descriptor(path: &Path) -> bool {
    cfg!(unix) && descriptor(path).is_some()
}

/// The number of the descriptor `path` names: 1 for `/dev/stdout`, N for `/dev/fd/N`.
fn descriptor(path: &Path) -> Option<u32> {
    if path == Path::new("/dev/stdout") {
        return Some(1);
    }
    if path == Path::new("/dev/stderr") {
        return Some(2);
    }
    ["/dev/fd/", "/proc/self/fd/"].iter().find_map(|folder| {
        let n = path.strip_prefix(folder).ok()?.to_str()?;
        n.bytes()
            .all(|b| b.is_ascii_digit())
            .then(|| n.parse().ok())?
    })
}

/// Whether a folder on the way to `path`, as it is written, is a symbolic link. `--check`
/// reads nothing through one: a link committed in place of `published/` could lead to any
/// folder, and the diff would show what a file there holds.
pub fn through_link(path: &Path) -> bool {
    path.ancestors()
        .skip(1)
        .take_while(|p| !p.as_os_str().is_empty())
        .any(|p| std::fs::symlink_metadata(p).is_ok_and(|m| m.file_type().is_symlink()))
}

/// Writes `contents` to `path` as its kind asks: a file (or nothing) is replaced atomically,
/// a device or named pipe written into; a link, a folder or a socket is refused.
pub fn write_atomic(path: &Path, contents: &[u8]) -> Result<(), Error> {
    match look(path).map_err(|e| write_error(path, e))? {
        Found::Nothing => replace(path, contents, None),
        Found::File(meta) => replace(path, contents, Some(&meta)),
        Found::Stream(stream) => write_into(path, stream, contents),
        found => Err(refusal(path, found)),
    }
}

/// The error for an output that is not written because of what it is: a folder, a link or
/// a socket.
pub fn refusal(path: &Path, found: Found) -> Error {
    let why = match found {
        Found::Link(to) => NotWritten::Link { to },
        Found::Socket => NotWritten::Socket,
        Found::Disk => NotWritten::Disk,
        _ => NotWritten::Folder,
    };
    Error::NotWritten {
        path: path.to_owned(),
        why,
    }
}

/// The contents of `path`, a regular file as [`look`] found it, when it holds at most
/// `limit` bytes (`None` when it holds more). Opened so that it cannot have become a link, a
/// named pipe or a device in the meantime.
pub fn read_file(path: &Path, limit: u64) -> io::Result<Option<Vec<u8>>> {
    let file = crate::file_kind::open_regular(path, false)?;
    let meta = file.metadata()?;
    if meta.len() > limit {
        return Ok(None);
    }
    let mut contents = Vec::with_capacity(meta.len() as usize);
    file.take(limit + 1).read_to_end(&mut contents)?;
    Ok((contents.len() as u64 <= limit).then_some(contents))
}

/// Replaces `path` with `contents` in one step: readers see the old file or the new one,
/// never a half-written file, and a failure leaves the old file as it was. `existing` is the
/// file replaced, `None` when there is none: the new file keeps its permissions, and its owner
/// and group as far as the system lets this user give them.
pub fn replace(path: &Path, contents: &[u8], existing: Option<&Metadata>) -> Result<(), Error> {
    let fail = |source| write_error(path, source);
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    let dir = absolute(dir);
    let dir = dir.as_ref();
    // A new file is created as any file the user makes (0666 less the umask).
    let mut builder = tempfile::Builder::new();
    builder.prefix(".unionplan-").suffix(".tmp");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut file = match builder.tempfile_in(dir) {
        // `-o reports/2027/plan.html` makes the folders, as `--out-dir` does.
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            std::fs::create_dir_all(dir).and_then(|()| builder.tempfile_in(dir))
        }
        made => made,
    }
    .map_err(fail)?;
    // No fsync: the rename already guarantees readers never see half a file, and a flush to
    // disk per output would make a batch of thousands of files wait on the disk.
    file.as_file_mut().write_all(contents).map_err(fail)?;
    if let Some(existing) = existing {
        // The owner first: a change of owner clears the set-id bits the mode then restores.
        #[cfg(unix)]
        keep_owner(file.as_file(), existing).map_err(fail)?;
        file.as_file()
            .set_permissions(existing.permissions())
            .map_err(fail)?;
    }
    file.persist(path).map_err(|e| fail(e.error))?;
    Ok(())
}

/// Gives the new file the owner and group of the one it replaces. Only root may give a file
/// away, and anyone may give it to a group they are in: what is not allowed is left as is.
#[cfg(unix)]
fn keep_owner(file: &std::fs::File, existing: &Metadata) -> io::Result<()> {
    use std::os::unix::fs::{fchown, MetadataExt};
    let new = file.metadata()?;
    let (uid, gid) = (existing.uid(), existing.gid());
    if (new.uid(), new.gid()) == (uid, gid) {
        return Ok(());
    }
    let denied = |r: io::Result<()>| match r {
        Err(e) if e.kind() == io::ErrorKind::PermissionDenied => None,
        r => Some(r),
    };
    denied(fchown(file, Some(uid), Some(gid)))
        .or_else(|| denied(fchown(file, None, Some(gid))))
        .unwrap_or(Ok(()))
}

/// Writes into a device, a named pipe or a descriptor named by its path: no temporary file,
/// no rename. A named pipe is opened without waiting, so that one nobody reads fails at once
/// instead of hanging; it is then written to as any pipe is.
#[cfg_attr(not(unix), allow(unused_variables))]
pub fn write_into(path: &Path, stream: Stream, contents: &[u8]) -> Result<(), Error> {
    let fail = |source| write_error(path, source);
    // Standard output and error are written as they are open, not opened again by their
    // name: that could not be done for a socket, and would not keep their place.
    let written = match (stream, descriptor(path)) {
        (Stream::Descriptor, Some(1)) => {
            let mut out = io::stdout().lock();
            Some(out.write_all(contents).and_then(|()| out.flush()))
        }
        (Stream::Descriptor, Some(2)) => Some(io::stderr().lock().write_all(contents)),
        _ => None,
    };
    if let Some(written) = written {
        return match written {
            Err(e) if e.kind() != io::ErrorKind::BrokenPipe => Err(fail(e)),
            _ => Ok(()),
        };
    }
    let mut options = OpenOptions::new();
    options.write(true);
    #[cfg(unix)]
    {
        use rustix::fs::OFlags;
        use std::os::unix::fs::OpenOptionsExt;
        match stream {
            // Another descriptor, opened again: after what a shell's `>>` keeps, and at the
            // start of what its `>` emptied.
            Stream::Descriptor => options.append(true),
            Stream::Device => options.custom_flags(OFlags::NOFOLLOW.bits() as i32),
            Stream::Fifo => {
                options.custom_flags((OFlags::NOFOLLOW | OFlags::NONBLOCK).bits() as i32)
            }
        };
    }
    let mut file = match options.open(path) {
        #[cfg(unix)]
        Err(e)
            if stream == Stream::Fifo
                && e.raw_os_error() == Some(rustix::io::Errno::NXIO.raw_os_error()) =>
        {
            return Err(Error::NotWritten {
                path: path.to_owned(),
                why: NotWritten::PipeWithoutReader,
            })
        }
        opened => opened.map_err(fail)?,
    };
    #[cfg(unix)]
    if stream == Stream::Fifo {
        use rustix::fs::{fcntl_getfl, fcntl_setfl, OFlags};
        fcntl_getfl(&file)
            .and_then(|flags| fcntl_setfl(&file, flags - OFlags::NONBLOCK))
            .map_err(|e| fail(e.into()))?;
    }
    // A reader that stops early (`head`) is not an error, as for standard output.
    match file.write_all(contents).and_then(|()| file.flush()) {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => Err(fail(e)),
        _ => Ok(()),
    }
}

/// Makes sure `dir` can take the outputs of `--out-dir`, before any plan is rendered, so
/// that a file in its place or a folder that cannot be written is said once: made when
/// `write` and missing, then tried for writing.
pub fn out_dir(dir: &Path, write: bool) -> Result<(), Error> {
    match FileKind::of(dir) {
        Ok(FileKind::Folder) => {}
        Ok(kind) => {
            return Err(Error::NotAFolder {
                path: dir.to_owned(),
                kind,
            })
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound && !write => return Ok(()),
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            std::fs::create_dir_all(dir).map_err(|e| write_error(dir, e))?
        }
        Err(e) => return Err(write_error(dir, e)),
    }
    #[cfg(unix)]
    if write {
        use rustix::fs::{access, Access};
        access(dir, Access::WRITE_OK | Access::EXEC_OK).map_err(|e| Error::FolderNotWritable {
            path: dir.to_owned(),
            source: e.into(),
        })?;
    }
    Ok(())
}

/// The error for a failed write of the output `path`: a file where a folder must be is
/// named, and the temporary file is not.
pub fn write_error(path: &Path, source: io::Error) -> Error {
    on_the_way_or(path, || Error::Write {
        path: path.to_owned(),
        source: without_temporary(source),
    })
}

/// The error for a failed look at, or read of, the output `path` (`--check`).
pub fn read_error(path: &Path, source: io::Error) -> Error {
    on_the_way_or(path, || Error::Read {
        path: crate::text::display_name(path),
        source,
    })
}

/// What stands where a folder on the way to `path` must be, if anything does; else `error`.
fn on_the_way_or(path: &Path, error: impl FnOnce() -> Error) -> Error {
    match not_a_folder_on_the_way(path) {
        Some((file, kind)) => Error::UnderAFile {
            path: path.to_owned(),
            file,
            kind,
        },
        None => error(),
    }
}

/// The nearest of the folders on the way to `path` that is there but not a folder (`base.yaml`
/// of `base.yaml/a/x.md`, a named pipe, a link to nothing), and what it is.
fn not_a_folder_on_the_way(path: &Path) -> Option<(PathBuf, FileKind)> {
    path.ancestors()
        .skip(1)
        .take_while(|p| !p.as_os_str().is_empty())
        .find_map(|p| match FileKind::of(p) {
            Err(_) => None,
            Ok(kind) => Some((p, kind)),
        })
        .and_then(|(p, kind)| (kind != FileKind::Folder).then(|| (p.to_owned(), kind)))
}

/// An error of the tempfile crate, which names its temporary file: the message without it.
/// The user named the output, and the output is what messages name.
fn without_temporary(e: io::Error) -> io::Error {
    if e.raw_os_error().is_some() {
        return e;
    }
    let text = e.to_string();
    let Some((message, _)) = text.split_once(" at path ") else {
        return e;
    };
    // tempfile keeps the system's error as words only (`… (os error 2)`): the error itself
    // again, to be said in the user's language.
    let os_error = message
        .strip_suffix(')')
        .and_then(|m| m.rsplit_once("(os error "))
        .and_then(|(_, code)| code.parse().ok());
    match os_error {
        Some(code) => io::Error::from_raw_os_error(code),
        None => io::Error::new(e.kind(), message.to_owned()),
    }
}

/// A folder as an absolute path, against the working directory looked up once per run: the
/// temporary file makes its folder absolute, and would look it up for every output.
fn absolute(dir: &Path) -> Cow<'_, Path> {
    static WORKING: OnceLock<Option<PathBuf>> = OnceLock::new();
    match WORKING.get_or_init(|| std::env::current_dir().ok()) {
        Some(working) if dir.is_relative() => Cow::Owned(working.join(dir)),
        _ => Cow::Borrowed(dir),
    }
}

/// Where a command's output and messages go: standard output and standard error in the
/// program, buffers in a test. Shared by the threads that render many plans.
pub struct Streams<'a> {
    out: Mutex<&'a mut (dyn Write + Send)>,
    err: Mutex<&'a mut (dyn Write + Send)>,
    /// Whether the output is a terminal, asked only when it matters.
    terminal: fn() -> bool,
}

impl<'a> Streams<'a> {
    pub fn new(out: &'a mut (dyn Write + Send), err: &'a mut (dyn Write + Send)) -> Self {
        Streams {
            out: Mutex::new(out),
            err: Mutex::new(err),
            terminal: || false,
        }
    }

    /// The same, with an output that is a terminal where `terminal` says so.
    pub fn terminal(self, terminal: fn() -> bool) -> Self {
        Streams { terminal, ..self }
    }

    /// Whether the output is a terminal (a Word document is not printed there).
    pub fn is_terminal(&self) -> bool {
        (self.terminal)()
    }

    /// Writes a result to the output. A closed pipe (`unionplan render … | head`) is not an
    /// error.
    pub fn write_out(&self, contents: &[u8]) -> Result<(), Error> {
        let mut out = self.out();
        match out.write_all(contents).and_then(|()| out.flush()) {
            Err(e) if e.kind() != io::ErrorKind::BrokenPipe => Err(Error::Write {
                path: "<stdout>".into(),
                source: e,
            }),
            _ => Ok(()),
        }
    }

    /// Prints to the output (see `say!`): a reader who stops early is not a reason to stop.
    pub fn say(&self, text: std::fmt::Arguments<'_>) {
        let _ = self.out().write_fmt(text);
    }

    /// Prints a line of messages (see `note!`). A stream that is closed (`2>&1 | head`) is
    /// not a reason to stop, and never a panic, as `eprintln!` would make it: what is said
    /// there is for a reader who has gone.
    pub fn note(&self, text: std::fmt::Arguments<'_>) {
        let mut err = self.err();
        let _ = err.write_fmt(text).and_then(|()| err.write_all(b"\n"));
    }

    /// The output, held for a run of writes.
    pub fn out(&self) -> MutexGuard<'_, &'a mut (dyn Write + Send)> {
        self.out.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The messages stream, held for a run of writes.
    pub fn err(&self) -> MutexGuard<'_, &'a mut (dyn Write + Send)> {
        self.err.lock().unwrap_or_else(|e| e.into_inner())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_a_file_and_leaves_no_temporary_behind() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("plan.md");
        std::fs::write(&path, "old").unwrap();
        write_atomic(&path, b"new").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "new");
        let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(names.len(), 1);
    }

    #[test]
    fn missing_folders_are_made() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("reports/2027/plan.md");
        write_atomic(&path, b"x").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"x");
    }

    #[test]
    fn a_folder_that_cannot_be_made_is_an_error_naming_the_file() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("taken"), "a file").unwrap();
        let err = write_atomic(&dir.path().join("taken/plan.md"), b"x").unwrap_err();
        assert!(err.to_string().contains("plan.md"), "{err}");
        assert!(err.to_string().contains("taken is a file"), "{err}");
    }

    #[test]
    fn descriptors_are_known_by_name() {
        for path in [
            "/dev/stdout",
            "/dev/stderr",
            "/dev/fd/1",
            "/proc/self/fd/12",
        ] {
            assert_eq!(names_a_descriptor(Path::new(path)), cfg!(unix), "{path}");
        }
        assert_eq!(descriptor(Path::new("/dev/fd/7")), Some(7));
        for path in [
            "/dev/fd/",
            "/dev/fd/x",
            "/dev/fd/+1",
            "dev/stdout",
            "/dev/stdout/x",
        ] {
            assert!(!names_a_descriptor(Path::new(path)), "{path}");
        }
    }

    #[test]
    fn the_temporary_file_is_not_named() {
        // tempfile's own error, as a write into a folder that is gone makes it.
        let folder = tempfile::tempdir().unwrap();
        let gone = folder.path().join("gone");
        let e = tempfile::Builder::new()
            .prefix(".unionplan-")
            .tempfile_in(&gone)
            .unwrap_err();
        assert!(
            e.to_string().contains(".unionplan-"),
            "tempfile names its file: {e}"
        );
        let e = without_temporary(e);
        assert_eq!(e.kind(), io::ErrorKind::NotFound);
        let text = e.to_string();
        assert!(!text.contains("gone") && !text.is_empty(), "{text}");
        let said = crate::error::io_message(&e);
        assert_eq!(said.code(), "io-not-found");
    }
}
