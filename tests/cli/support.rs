//! What the test files share for running the binary: with a deadline, as another user, as
//! `--watch` runs; skipping a test for want of root (never under `CI=true`); named pipes and
//! device nodes made inside a test's folder; the code blocks of the READMEs.

use std::io::{Read, Write};
use std::path::Path;
use std::process::{Child, Command, ExitStatus, Output, Stdio};
use std::time::{Duration, Instant};

/// Long enough for a loaded CI machine; a hang is what it catches.
pub const PATIENCE: Duration = Duration::from_secs(60);

pub fn ci() -> bool {
    std::env::var("CI").is_ok_and(|v| v == "true")
}

/// Skips `test` for want of something (`why`), saying so on the terminal; under CI=true,
/// where nothing may be skipped, fails it, with `in_ci` saying why it should not be missing.
/// Gives `false`, for `return` in the test.
pub fn skip(test: &str, why: &str, in_ci: &str) -> bool {
    if ci() {
        panic!("{test}: {why}; {in_ci}");
    }
    // Straight to the terminal: the test harness would swallow eprintln! of a passing test.
    let _ = writeln!(
        std::io::stderr(),
        "{test}: skipped, {why} (under CI=true this fails)"
    );
    false
}

/// The binary with `args`, run in `dir`.
pub fn unionplan_in(dir: &Path, args: &[&str]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_unionplan"));
    command.args(args).current_dir(dir);
    english(&mut command);
    command
}

/// The command with its messages in English, whatever the locale of the machine running the
/// tests: a test that wants another language says so.
pub fn english(command: &mut Command) -> &mut Command {
    command
        .env_remove("UNIONPLAN_LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C")
}

/// The text on standard error, as far as it is UTF-8.
pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Waits for `child` to end, killing it and failing the test after `limit`: a hang is a
/// failure, not a stuck test run. `what` names it in the failure.
pub fn wait_within(child: &mut Child, limit: Duration, what: &dyn std::fmt::Debug) -> ExitStatus {
    let start = Instant::now();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            return status;
        }
        if start.elapsed() > limit {
            child.kill().unwrap();
            child.wait().unwrap();
            panic!("{what:?} did not finish in {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// Runs `command` to its end within `limit` (see [`wait_within`]), whatever its exit code.
/// Standard input is empty; standard output and error are pipes, read on threads so that a
/// full pipe cannot stall it.
pub fn run_within(command: &mut Command, limit: Duration) -> Output {
    run_fed(command, None, limit)
}

/// [`run_within`], with `stdin` (if any) written to standard input on a thread of its own.
pub fn run_fed(command: &mut Command, stdin: Option<&[u8]>, limit: Duration) -> Output {
    let mut child = command
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("{command:?}: {e}"));
    // A program that stops reading early closes the pipe: what is left unwritten is its
    // business, not the test's.
    let feed = stdin.map(|bytes| {
        let mut pipe = child.stdin.take().unwrap();
        let bytes = bytes.to_vec();
        std::thread::spawn(move || drop(pipe.write_all(&bytes)))
    });
    let drain = |mut pipe: Box<dyn Read + Send>| {
        std::thread::spawn(move || {
            let mut bytes = Vec::new();
            let _ = pipe.read_to_end(&mut bytes);
            bytes
        })
    };
    let out = drain(Box::new(child.stdout.take().unwrap()));
    let err = drain(Box::new(child.stderr.take().unwrap()));
    let status = wait_within(&mut child, limit, command);
    if let Some(feed) = feed {
        feed.join().unwrap();
    }
    Output {
        status,
        stdout: out.join().unwrap(),
        stderr: err.join().unwrap(),
    }
}

/// A fenced code block of a Markdown file: its language (the first word after the fence),
/// its text, and the heading it stands under.
pub struct CodeBlock {
    pub lang: String,
    /// The file the block is, when its info string names one after the language
    /// (```` ```csv 会员单位.csv ````): a file a command reads that no comment can name.
    pub file: Option<String>,
    pub text: String,
    pub heading: String,
}

/// The repository's README `name` (`README.md`, `README.zh-CN.md`).
pub fn readme(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The fenced code blocks of `markdown`, in order, as a Markdown reader sees them (a fence
/// inside a list item or quoted in another block is one, or is not, as it is shown).
pub fn code_blocks(markdown: &str) -> Vec<CodeBlock> {
    use pulldown_cmark::{CodeBlockKind, Event, Parser, Tag, TagEnd};
    let mut blocks = Vec::new();
    let mut heading = String::new();
    let mut in_heading = false;
    let mut block: Option<CodeBlock> = None;
    for event in Parser::new(markdown) {
        match event {
            Event::Start(Tag::Heading { .. }) => {
                heading.clear();
                in_heading = true;
            }
            Event::End(TagEnd::Heading(_)) => in_heading = false,
            Event::Text(text) | Event::Code(text) if in_heading => heading.push_str(&text),
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info))) => {
                let mut words = info.split_whitespace();
                block = Some(CodeBlock {
                    lang: words.next().unwrap_or("").to_owned(),
                    file: words.next().map(str::to_owned),
                    text: String::new(),
                    heading: heading.clone(),
                });
            }
            Event::Text(text) if block.is_some() => {
                block.as_mut().unwrap().text.push_str(&text);
            }
            Event::End(TagEnd::CodeBlock) => blocks.extend(block.take()),
            _ => {}
        }
    }
    blocks
}

/// Whether the tests run as root.
#[cfg(unix)]
pub fn is_root() -> bool {
    let id = Command::new("id").arg("-u").output().unwrap();
    id.stdout == b"0\n"
}

/// Whether a test that needs root can run; under `CI=true` (which runs as root) it must.
#[cfg(unix)]
pub fn root(test: &str) -> bool {
    is_root() || skip(test, "it needs root", "CI runs as root")
}

/// The binary run as nobody (65534), in nobody's group and in `groups` besides:
/// `setpriv`, which needs root.
#[cfg(unix)]
pub fn as_nobody(groups: &[u32]) -> Command {
    let mut command = Command::new("setpriv");
    command.args(["--reuid=65534", "--regid=65534"]);
    if groups.is_empty() {
        command.arg("--clear-groups");
    } else {
        let groups: Vec<String> = groups.iter().map(u32::to_string).collect();
        command.arg(format!("--groups={}", groups.join(",")));
    }
    command.arg(env!("CARGO_BIN_EXE_unionplan"));
    command
}

/// The binary with `args`, run in `dir` by a user for whom permissions count: nobody when
/// the tests run as root (every file is open to root), else the user running them. `dir` is
/// opened to all (a temporary folder is its owner's alone).
#[cfg(unix)]
pub fn unprivileged_in(dir: &Path, args: &[&str]) -> Command {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o755)).unwrap();
    let mut command = if is_root() {
        as_nobody(&[])
    } else {
        Command::new(env!("CARGO_BIN_EXE_unionplan"))
    };
    english(&mut command);
    command.args(args).current_dir(dir);
    command
}

#[cfg(unix)]
pub fn mkfifo(path: &Path) {
    let status = Command::new("mkfifo").arg(path).status().unwrap();
    assert!(status.success(), "mkfifo {}", path.display());
}

/// A character device node, as `mknod path c MAJOR MINOR` makes it (1 3 is null, 1 5 zero):
/// root only, see [`root`].
#[cfg(unix)]
pub fn mknod(path: &Path, major: &str, minor: &str) {
    let made = Command::new("mknod")
        .arg(path)
        .args(["c", major, minor])
        .output()
        .unwrap();
    assert!(
        made.status.success(),
        "mknod {}: {}",
        path.display(),
        stderr(&made)
    );
}

/// The null device at `path`, where root can make it; `false` when `what` (the part of a
/// test that needs it) is skipped for want of root (see [`root`]).
#[cfg(unix)]
pub fn null_device(what: &str, path: &Path) -> bool {
    if !root(what) {
        return false;
    }
    mknod(path, "1", "3");
    true
}

/// `unionplan render … --watch` running in a folder; its stderr read line by line on a
/// thread, so that waiting for a line has a deadline ([`PATIENCE`]).
#[cfg(unix)]
pub struct Watcher {
    child: Child,
    lines: std::sync::mpsc::Receiver<String>,
    seen: Vec<String>,
}

#[cfg(unix)]
impl Watcher {
    pub fn start(dir: &Path, args: &[&str]) -> Watcher {
        use std::io::BufRead;
        let mut child = unionplan_in(dir, args)
            .stdin(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let stderr = std::io::BufReader::new(child.stderr.take().unwrap());
        let (tx, lines) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            for line in stderr.lines() {
                let Ok(line) = line else { break };
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        Watcher {
            child,
            lines,
            seen: Vec::new(),
        }
    }

    /// Reads until a line that is `line`, and returns the lines read before it.
    pub fn wait_for(&mut self, line: &str) -> Vec<String> {
        self.wait_until(&format!("{line:?}"), |got| got == line)
    }

    /// Reads until a line that contains `text`, and returns the lines read before it.
    pub fn wait_for_text(&mut self, text: &str) -> Vec<String> {
        self.wait_until(&format!("a line with {text:?}"), |got| got.contains(text))
    }

    fn wait_until(&mut self, what: &str, found: impl Fn(&str) -> bool) -> Vec<String> {
        use std::sync::mpsc::RecvTimeoutError;
        let start = Instant::now();
        let mut before = Vec::new();
        while let Some(left) = PATIENCE.checked_sub(start.elapsed()) {
            match self.lines.recv_timeout(left) {
                Ok(got) => {
                    self.seen.push(got.clone());
                    if found(&got) {
                        return before;
                    }
                    before.push(got);
                }
                Err(RecvTimeoutError::Timeout) => break,
                Err(RecvTimeoutError::Disconnected) => {
                    panic!("the watcher ended before printing {what}: {:#?}", self.seen)
                }
            }
        }
        let _ = self.child.kill();
        panic!("no {what} within {PATIENCE:?}: {:#?}", self.seen);
    }

    /// Waits for renders of `plan` until `out` holds `text`.
    pub fn wait_for_output(&mut self, plan: &str, out: &Path, text: &str) {
        let deadline = Instant::now() + PATIENCE;
        while !std::fs::read_to_string(out).is_ok_and(|o| o.contains(text)) {
            assert!(
                Instant::now() < deadline,
                "{} never holds {text}: {:#?}",
                out.display(),
                self.seen
            );
            self.wait_for(&format!("rendered {plan}"));
        }
    }

    /// Sends Ctrl-C (SIGINT); the lines printed since the last wait, and whether the
    /// watcher then ended cleanly.
    pub fn interrupt(mut self) -> (Vec<String>, bool) {
        let interrupted = Command::new("kill")
            .args(["-INT", &self.child.id().to_string()])
            .status()
            .unwrap();
        assert!(interrupted.success());
        let clean = self.child.wait().unwrap().success();
        (self.lines.try_iter().collect(), clean)
    }
}
