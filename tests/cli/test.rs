//! A run of the binary as a test states it (after just's tests/test.rs): the files of a
//! temporary folder, the arguments and standard input, and what standard output, standard
//! error and the exit code must be.

use std::ffi::{OsStr, OsString};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use super::support::run_fed;

/// How long a run may take before it counts as hung. Generous: the slowest, a plan at the
/// node bound in every format, takes over a minute in a debug build on a loaded machine.
const DEADLINE: Duration = Duration::from_secs(300);

/// What a stream must hold: exactly a text, as a user sees it, or, where the exact text would
/// pin what the test is not about, what a predicate accepts (`what` says it in a failure).
pub enum Expected {
    Exact(String),
    Like {
        what: String,
        test: Box<dyn Fn(&str) -> bool>,
    },
}

impl From<&str> for Expected {
    fn from(text: &str) -> Expected {
        Expected::Exact(text.to_owned())
    }
}

impl From<String> for Expected {
    fn from(text: String) -> Expected {
        Expected::Exact(text)
    }
}

impl From<&String> for Expected {
    fn from(text: &String) -> Expected {
        Expected::Exact(text.clone())
    }
}

/// A stream that `test` accepts, said as `what` in a failure.
pub fn like(what: impl Into<String>, test: impl Fn(&str) -> bool + 'static) -> Expected {
    Expected::Like {
        what: what.into(),
        test: Box::new(test),
    }
}

/// Whatever the stream holds: for the tests that look at it afterwards.
pub fn anything() -> Expected {
    like("anything", |_| true)
}

pub fn contains(text: impl Into<String>) -> Expected {
    text_that("containing", text.into(), |got, text| got.contains(text))
}

pub fn starts_with(text: impl Into<String>) -> Expected {
    text_that("starting with", text.into(), |got, text| {
        got.starts_with(text)
    })
}

pub fn ends_with(text: impl Into<String>) -> Expected {
    text_that("ending with", text.into(), |got, text| got.ends_with(text))
}

fn text_that(how: &str, text: String, test: fn(&str, &str) -> bool) -> Expected {
    like(format!("text {how} {text:?}"), move |got| test(got, &text))
}

/// One line, `start` and then words not ours to pin (a library's, or the system's).
pub fn line_starting(start: impl Into<String>) -> Expected {
    let start = start.into();
    like(format!("one line starting with {start:?}"), move |got| {
        got.starts_with(&start) && got.ends_with('\n') && got.lines().count() == 1
    })
}

impl Expected {
    /// Both this and `other`.
    pub fn and(self, other: impl Into<Expected>) -> Expected {
        let other = other.into();
        like(format!("{self} and {other}"), move |got| {
            self.accepts(got) && other.accepts(got)
        })
    }

    /// Fails the test unless `got` (the stream called `name`) is as expected: for the tests
    /// that run the binary their own way.
    #[track_caller]
    pub fn check(&self, name: &str, got: &str) {
        assert!(self.accepts(got), "{}", self.mismatch(name, got));
    }

    fn accepts(&self, got: &str) -> bool {
        match self {
            Expected::Exact(text) => got == text,
            Expected::Like { test, .. } => test(got),
        }
    }

    /// What went wrong, for a failure: a diff against an exact text.
    fn mismatch(&self, name: &str, got: &str) -> String {
        match self {
            Expected::Exact(text) => format!(
                "{name} differs (- expected, + got):\n{}",
                similar::TextDiff::from_lines(text.as_str(), got).unified_diff()
            ),
            Expected::Like { what, .. } => format!("{name} is not {what}:\n{got}"),
        }
    }
}

impl std::fmt::Display for Expected {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Expected::Exact(text) => write!(f, "{text:?}"),
            Expected::Like { what, .. } => f.write_str(what),
        }
    }
}

/// One run of the binary, built up. It runs in a temporary folder of its own; unless told
/// otherwise it must exit 0 with nothing on standard output or standard error.
#[must_use]
pub struct Test {
    dir: tempfile::TempDir,
    current_dir: PathBuf,
    args: Vec<OsString>,
    env: Vec<(OsString, OsString)>,
    stdin: Option<Vec<u8>>,
    stdout: Expected,
    stderr: Expected,
    status: i32,
}

impl Test {
    pub fn new() -> Test {
        Test::in_dir(tempfile::tempdir().unwrap())
    }

    /// A run in a folder a run before left (see [`Ran::again`]).
    pub fn in_dir(dir: tempfile::TempDir) -> Test {
        Test {
            dir,
            current_dir: PathBuf::new(),
            args: Vec::new(),
            env: Vec::new(),
            stdin: None,
            stdout: Expected::Exact(String::new()),
            stderr: Expected::Exact(String::new()),
            status: 0,
        }
    }

    /// Runs in the repository, where `examples/` and `tests/fixtures/` are, as the paths in
    /// the snapshots are written; the temporary folder is still there, by [`Test::path`].
    pub fn in_repo(mut self) -> Test {
        self.current_dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
        self
    }

    /// `path` in the temporary folder.
    pub fn path(&self, path: impl AsRef<Path>) -> PathBuf {
        self.dir.path().join(path)
    }

    /// Writes `contents` at `path` in the temporary folder, making the folders on the way.
    pub fn write(self, path: impl AsRef<Path>, contents: impl AsRef<[u8]>) -> Test {
        let path = self.path(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, contents).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        self
    }

    /// Makes the folder `path` in the temporary folder.
    pub fn folder(self, path: impl AsRef<Path>) -> Test {
        std::fs::create_dir_all(self.path(path)).unwrap();
        self
    }

    /// Copies the repository's file `from` (e.g. `examples/annual-plan.yaml`) to `to` in the
    /// temporary folder.
    pub fn copy(self, from: &str, to: impl AsRef<Path>) -> Test {
        let contents = std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join(from)).unwrap();
        self.write(to, contents)
    }

    /// The temporary folder, for a test that runs the binary its own way.
    pub fn into_dir(self) -> tempfile::TempDir {
        self.dir
    }

    pub fn arg(mut self, arg: impl AsRef<OsStr>) -> Test {
        self.args.push(arg.as_ref().to_owned());
        self
    }

    pub fn args<A: AsRef<OsStr>>(self, args: impl IntoIterator<Item = A>) -> Test {
        args.into_iter().fold(self, Test::arg)
    }

    pub fn env(mut self, key: impl AsRef<OsStr>, value: impl AsRef<OsStr>) -> Test {
        self.env
            .push((key.as_ref().to_owned(), value.as_ref().to_owned()));
        self
    }

    /// Standard input; without it, standard input is empty.
    pub fn stdin(mut self, stdin: impl Into<Vec<u8>>) -> Test {
        self.stdin = Some(stdin.into());
        self
    }

    pub fn stdout(mut self, stdout: impl Into<Expected>) -> Test {
        self.stdout = stdout.into();
        self
    }

    pub fn stderr(mut self, stderr: impl Into<Expected>) -> Test {
        self.stderr = stderr.into();
        self
    }

    pub fn status(mut self, status: i32) -> Test {
        self.status = status;
        self
    }

    /// Runs the binary (failing the test if it hangs past [`DEADLINE`]) and fails the test,
    /// showing the whole run, if the exit code, standard output or standard error is not as
    /// expected.
    #[track_caller]
    pub fn run(self) -> Ran {
        let mut command = Command::new(env!("CARGO_BIN_EXE_unionplan"));
        super::support::english(&mut command);
        command
            .args(&self.args)
            .envs(self.env.iter().map(|(k, v)| (k, v)))
            .current_dir(self.dir.path().join(&self.current_dir));
        let output = run_fed(&mut command, self.stdin.as_deref(), DEADLINE);
        let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
        let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
        let mut wrong = Vec::new();
        if output.status.code() != Some(self.status) {
            wrong.push(format!(
                "exit code {:?}, not {}",
                output.status.code(),
                self.status
            ));
        }
        for (name, expected, got) in [
            ("standard output", &self.stdout, &stdout),
            ("standard error", &self.stderr, &stderr),
        ] {
            if !expected.accepts(got) {
                wrong.push(expected.mismatch(name, got));
            }
        }
        assert!(
            wrong.is_empty(),
            "unionplan {:?} in {}:\n{}\n--- stdout\n{stdout}\n--- stderr\n{stderr}",
            self.args,
            self.dir.path().join(&self.current_dir).display(),
            wrong.join("\n")
        );
        Ran {
            dir: self.dir,
            stdout,
            stdout_bytes: output.stdout,
            stderr,
        }
    }
}

/// A run that went as expected, to look further: the folder it ran in and what it printed.
pub struct Ran {
    pub dir: tempfile::TempDir,
    pub stdout: String,
    pub stdout_bytes: Vec<u8>,
    pub stderr: String,
}

impl Ran {
    /// `path` in the temporary folder.
    pub fn path(&self, path: impl AsRef<Path>) -> PathBuf {
        self.dir.path().join(path)
    }

    /// The text of the file at `path` in the temporary folder.
    pub fn read(&self, path: impl AsRef<Path>) -> String {
        let path = self.path(path);
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
    }

    /// Another run in the same folder.
    pub fn again(self) -> Test {
        Test::in_dir(self.dir)
    }
}
