//! Writing results: files atomically (temporary file, then rename), or standard output.

use std::borrow::Cow;
use std::fs::{File, Permissions};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use crate::error::Error;

/// Replaces `path` with `contents` in one step: readers see the old file or the new one,
/// never a half-written file, and a failure leaves the old file as it was.
pub fn write_atomic(path: &Path, contents: &[u8]) -> Result<(), Error> {
    let existing = std::fs::metadata(path).ok().map(|meta| meta.permissions());
    replace(path, contents, existing)
}

/// An output file as it stands, its contents and permissions, or `None` when there is
/// none: one failed open for the outputs of a fresh batch.
pub fn existing(path: &Path) -> Result<Option<(Vec<u8>, Permissions)>, Error> {
    let read = File::open(path).and_then(|mut file| {
        let meta = file.metadata()?;
        let mut contents = Vec::with_capacity(meta.len() as usize);
        file.read_to_end(&mut contents)?;
        Ok((contents, meta.permissions()))
    });
    match read {
        Ok(existing) => Ok(Some(existing)),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(source) => Err(Error::Read {
            path: path.display().to_string(),
            source,
        }),
    }
}

/// As [`write_atomic`], for a caller that has already looked at the file: `existing` are
/// the permissions of the file replaced, `None` when there is none.
pub fn replace(path: &Path, contents: &[u8], existing: Option<Permissions>) -> Result<(), Error> {
    let fail = |source| Error::Write {
        path: path.to_owned(),
        source,
    };
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    let dir = absolute(dir);
    let dir = dir.as_ref();
    // A new file is created as any file the user makes (0666 less the umask); a file that is
    // replaced keeps its permissions.
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
    file.write_all(contents).map_err(fail)?;
    if let Some(permissions) = existing {
        file.as_file().set_permissions(permissions).map_err(fail)?;
    }
    file.persist(path).map_err(|e| fail(e.error))?;
    Ok(())
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

/// Writes to standard output. A closed pipe (`unionplan render … | head`) is not an error.
pub fn write_stdout(contents: &[u8]) -> Result<(), Error> {
    let mut stdout = io::stdout().lock();
    match stdout.write_all(contents).and_then(|()| stdout.flush()) {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => Err(Error::Write {
            path: "<stdout>".into(),
            source: e,
        }),
        _ => Ok(()),
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
    }
}
