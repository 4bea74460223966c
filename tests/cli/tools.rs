//! Finding and running the outside tools some tests need (Chromium, the W3C checker,
//! LibreOffice, poppler). Under `CI=true` a missing tool fails the test; elsewhere the test
//! says what it skipped and passes.

use std::io::{Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::Duration;

use super::support::{skip, wait_within};

pub fn on_path(name: &str) -> Option<PathBuf> {
    std::env::split_paths(&std::env::var_os("PATH")?)
        .map(|dir| dir.join(name))
        .find(|path| path.is_file())
}

pub fn vnu_jar() -> Option<PathBuf> {
    if let Some(jar) = std::env::var_os("UNIONPLAN_VNU_JAR") {
        let jar = PathBuf::from(jar);
        return jar.is_file().then_some(jar);
    }
    let home = std::env::var_os("HOME")?;
    let jar = Path::new(&home).join(".cache/unionplan-ci/node_modules/vnu-jar/build/dist/vnu.jar");
    jar.is_file().then_some(jar)
}

/// The tools a test needs. A missing one fails the test under CI=true; elsewhere the
/// test is skipped with a notice.
pub fn tools<const N: usize>(
    test: &str,
    found: [(&str, Option<PathBuf>); N],
) -> Option<[PathBuf; N]> {
    let missing: Vec<&str> = found
        .iter()
        .filter(|(_, path)| path.is_none())
        .map(|(name, _)| *name)
        .collect();
    if missing.is_empty() {
        return Some(found.map(|(_, path)| path.unwrap()));
    }
    let missing = missing.join(", ");
    skip(
        test,
        &format!("{missing} not found"),
        ".ci/run installs them",
    );
    None
}

/// Runs a command to its end, failing the test if it fails or hangs. Its output goes to
/// files, so that a full pipe cannot stall it while it is watched, nor a helper process it
/// leaves behind holding a pipe open keep the test waiting.
pub fn run(command: &mut Command, limit: Duration) -> Output {
    let mut out = tempfile::tempfile().unwrap();
    let mut err = tempfile::tempfile().unwrap();
    let mut child = command
        .stdin(Stdio::null())
        .stdout(out.try_clone().unwrap())
        .stderr(err.try_clone().unwrap())
        .spawn()
        .unwrap_or_else(|e| panic!("{command:?}: {e}"));
    let status = wait_within(&mut child, limit, command);
    let read = |file: &mut std::fs::File| {
        let mut bytes = Vec::new();
        file.seek(SeekFrom::Start(0)).unwrap();
        file.read_to_end(&mut bytes).unwrap();
        bytes
    };
    let output = Output {
        status,
        stdout: read(&mut out),
        stderr: read(&mut err),
    };
    assert!(
        output.status.success(),
        "{command:?}: {}\n{}",
        output.status,
        String::from_utf8_lossy(&output.stderr)
    );
    output
}
