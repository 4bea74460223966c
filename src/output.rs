//! Writing results: files atomically (temporary file, then rename), or standard output.

use std::io::{self, Write};
use std::path::Path;

use crate::error::Error;

/// Replaces `path` with `contents` in one step: readers see the old file or the new one,
/// never a half-written file, and a failure leaves the old file as it was.
pub fn write_atomic(path: &Path, contents: &[u8]) -> Result<(), Error> {
    let fail = |source| Error::Write {
        path: path.to_owned(),
        source,
    };
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    let mut builder = tempfile::Builder::new();
    builder.prefix(".unionplan-").suffix(".tmp");
    let mut file = builder.tempfile_in(dir).map_err(fail)?;
    // No fsync: the rename already guarantees readers never see half a file, and a flush to
    // disk per output would make a batch of thousands of files wait on the disk.
    file.write_all(contents).map_err(fail)?;
    // A temporary file is private; the result should be as readable as any file the
    // user creates, or keep the permissions of the file it replaces.
    let permissions = match std::fs::metadata(path) {
        Ok(meta) => meta.permissions(),
        Err(_) => default_permissions(dir).map_err(fail)?,
    };
    file.as_file().set_permissions(permissions).map_err(fail)?;
    file.persist(path).map_err(|e| fail(e.error))?;
    Ok(())
}

#[cfg(unix)]
fn default_permissions(dir: &Path) -> io::Result<std::fs::Permissions> {
    use std::os::unix::fs::PermissionsExt;
    // Files get the directory's read bits, never its execute or write-for-others bits.
    let dir_mode = std::fs::metadata(dir)?.permissions().mode();
    Ok(std::fs::Permissions::from_mode(0o644 & dir_mode | 0o600))
}

#[cfg(not(unix))]
fn default_permissions(dir: &Path) -> io::Result<std::fs::Permissions> {
    let mut permissions = std::fs::metadata(dir)?.permissions();
    permissions.set_readonly(false);
    Ok(permissions)
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
    fn a_missing_folder_is_an_error_naming_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("no/such/plan.md");
        let err = write_atomic(&path, b"x").unwrap_err();
        assert!(err.to_string().contains("plan.md"), "{err}");
    }
}
