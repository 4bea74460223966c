//! Output paths that are not plain files: devices, named pipes, links, folders, read-only
//! folders, files owned by someone else, names that are not UTF-8.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};

use super::support::stderr;
#[cfg(unix)]
use super::support::{as_nobody, mkfifo, mknod, root, run_within, unprivileged_in};
use super::test::{contains, ends_with, like, line_starting, starts_with, Test};
use super::{plans_folder, report, run_in};

const PLAN: &str = "title: 计划\nsections: [正文]\n";

/// A run in a folder holding `base.yaml`.
fn with_plan() -> Test {
    Test::new().write("base.yaml", PLAN)
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// Runs the binary in `dir`, killed and failing the test after `limit` (a hang is a failure,
/// not a stuck test run), and kept under 2 GB of address space (reading a device without end
/// is a failure, not a machine out of memory).
#[cfg(unix)]
fn run_for(dir: &Path, args: &[&str], limit: Duration) -> Output {
    let mut command = Command::new("sh");
    super::support::english(&mut command);
    command
        .arg("-c")
        .arg("ulimit -v 2000000 && exec \"$0\" \"$@\"")
        .arg(env!("CARGO_BIN_EXE_unionplan"))
        .args(args)
        .current_dir(dir);
    run_within(&mut command, limit)
}

#[cfg(unix)]
fn is_char_device(path: &Path) -> bool {
    use std::os::unix::fs::FileTypeExt;
    std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_char_device())
}

#[cfg(unix)]
fn is_fifo(path: &Path) -> bool {
    use std::os::unix::fs::FileTypeExt;
    std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_fifo())
}

const LIMIT: Duration = Duration::from_secs(30);

#[cfg(unix)]
#[test]
fn a_device_is_written_into_never_replaced() {
    if !root("a_device_is_written_into_never_replaced") {
        return;
    }
    let dir = with_plan().into_dir();
    let null = dir.path().join("null.md");
    mknod(&null, "1", "3");
    let output = run_for(dir.path(), &["render", "base.yaml", "-o", "null.md"], LIMIT);
    assert_eq!(output.status.code(), Some(0), "{}", report(&output));
    assert!(is_char_device(&null), "null.md is still the device");

    std::fs::create_dir(dir.path().join("out")).unwrap();
    mknod(&dir.path().join("out/base.md"), "1", "3");
    let output = run_for(dir.path(), &["render", ".", "--out-dir", "out"], LIMIT);
    assert_eq!(output.status.code(), Some(0), "{}", report(&output));
    assert!(is_char_device(&dir.path().join("out/base.md")));
    assert_eq!(
        std::fs::read_dir(dir.path().join("out")).unwrap().count(),
        1
    );
}

/// A block device is a disk or a partition: run as root, `-o` must not write a plan over it.
#[cfg(unix)]
#[test]
fn a_block_device_is_never_written() {
    if !root("a_block_device_is_never_written") {
        return;
    }
    use std::os::unix::fs::FileTypeExt;
    let dir = with_plan().into_dir();
    let disk = dir.path().join("disk.md");
    // A loop device's numbers: nothing is attached to it, and nothing is written to it.
    let made = std::process::Command::new("mknod")
        .arg(&disk)
        .args(["b", "7", "250"])
        .status()
        .unwrap();
    assert!(made.success());
    let output = run_for(dir.path(), &["render", "base.yaml", "-o", "disk.md"], LIMIT);
    assert_eq!(output.status.code(), Some(1), "{}", report(&output));
    assert!(
        stderr(&output).contains("error: disk.md is a block device, a disk or a partition"),
        "{}",
        stderr(&output)
    );
    let kind = std::fs::symlink_metadata(&disk).unwrap().file_type();
    assert!(kind.is_block_device(), "disk.md is still the device");
}

#[cfg(unix)]
#[test]
fn check_does_not_compare_with_a_device() {
    if !root("check_does_not_compare_with_a_device") {
        return;
    }
    let dir = with_plan().into_dir();
    std::fs::create_dir(dir.path().join("out")).unwrap();
    // /dev/null reads as empty, /dev/zero never ends: neither is opened.
    for (minor, name) in [("3", "null"), ("5", "zero")] {
        let device = dir.path().join(format!("out/{name}.md"));
        mknod(&device, "1", minor);
        let output = run_for(
            dir.path(),
            &[
                "render",
                "base.yaml",
                "-o",
                &format!("out/{name}.md"),
                "--check",
            ],
            LIMIT,
        );
        assert_eq!(output.status.code(), Some(1), "{}", report(&output));
        assert_eq!(
            stdout(&output),
            format!("stale: out/{name}.md (cannot compare with a device)\n")
        );
        assert!(is_char_device(&device));
    }
}

#[cfg(unix)]
#[test]
fn a_named_pipe_without_a_reader_fails_at_once() {
    let dir = with_plan().into_dir();
    std::fs::create_dir(dir.path().join("out")).unwrap();
    let fifo = dir.path().join("out/base.md");
    mkfifo(&fifo);
    for args in [
        &["render", "base.yaml", "-o", "out/base.md"][..],
        &["render", ".", "--out-dir", "out"],
    ] {
        let output = run_for(dir.path(), args, LIMIT);
        assert_eq!(output.status.code(), Some(1), "{}", report(&output));
        assert!(
            stderr(&output).contains("out/base.md is a named pipe with nothing reading it"),
            "{}",
            report(&output)
        );
        assert!(is_fifo(&fifo));
    }
    let output = run_for(
        dir.path(),
        &["render", ".", "--out-dir", "out", "--check"],
        LIMIT,
    );
    assert_eq!(output.status.code(), Some(1), "{}", report(&output));
    assert_eq!(
        stdout(&output),
        "stale: out/base.md (cannot compare with a named pipe)\n"
    );
}

#[cfg(unix)]
#[test]
fn a_named_pipe_with_a_reader_gets_the_document() {
    let dir = with_plan().into_dir();
    let fifo = dir.path().join("plan.md");
    mkfifo(&fifo);
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::read_to_string(fifo).unwrap())
    };
    // The reader opens first; the writer may still come before it, so try for a while.
    let start = Instant::now();
    let output = loop {
        let output = run_for(dir.path(), &["render", "base.yaml", "-o", "plan.md"], LIMIT);
        if output.status.success() || start.elapsed() > Duration::from_secs(10) {
            break output;
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    assert_eq!(output.status.code(), Some(0), "{}", report(&output));
    assert!(reader.join().unwrap().contains("正文"));
    assert!(is_fifo(&fifo));
}

#[cfg(unix)]
#[test]
fn standard_output_named_as_a_file_is_written_into() {
    let dir = with_plan().into_dir();
    let output = run_for(
        dir.path(),
        &["render", "base.yaml", "-f", "md", "-o", "/dev/stdout"],
        LIMIT,
    );
    assert_eq!(output.status.code(), Some(0), "{}", report(&output));
    assert!(stdout(&output).contains("正文"), "{}", report(&output));
    for stderr_named in ["/dev/stderr", "/dev/fd/2"] {
        let output = run_for(
            dir.path(),
            &["render", "base.yaml", "-f", "txt", "-o", stderr_named],
            LIMIT,
        );
        assert_eq!(output.status.code(), Some(0), "{}", report(&output));
        assert!(stderr(&output).contains("正文"), "{}", report(&output));
    }
    // Opened again by its name, a descriptor is written after what it holds.
    let out = dir.path().join("out.md");
    std::fs::write(&out, "kept\n").unwrap();
    let output = Command::new("sh")
        .arg("-c")
        .arg("exec \"$0\" render base.yaml -f md -o /dev/fd/5 5>>out.md")
        .arg(env!("CARGO_BIN_EXE_unionplan"))
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", report(&output));
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(
        text.starts_with("kept\n") && text.contains("正文"),
        "{text}"
    );
}

#[cfg(unix)]
#[test]
fn a_link_as_the_output_is_refused() {
    let test = with_plan().write("elsewhere/real.md", "old text");
    std::os::unix::fs::symlink("elsewhere/real.md", test.path("link.md")).unwrap();
    let refused = test
        .args(["render", "base.yaml", "-o", "link.md"])
        .status(1)
        .stderr(starts_with(
            "error: link.md is a symbolic link (to elsewhere/real.md): unionplan does not write \
             through links",
        ))
        .run();
    assert!(std::fs::symlink_metadata(refused.path("link.md"))
        .unwrap()
        .file_type()
        .is_symlink());
    assert_eq!(refused.read("elsewhere/real.md"), "old text");

    let test = refused.again().folder("out");
    std::os::unix::fs::symlink("../elsewhere/real.md", test.path("out/base.md")).unwrap();
    let refused = test
        .args(["render", ".", "--out-dir", "out"])
        .status(1)
        .stderr(contains("out/base.md is a symbolic link"))
        .run();
    assert_eq!(refused.read("elsewhere/real.md"), "old text");
}

#[cfg(unix)]
#[test]
fn a_link_among_the_folders_is_followed() {
    let test = with_plan().folder("real");
    std::os::unix::fs::symlink("real", test.path("linkdir")).unwrap();
    let written = test
        .args(["render", "base.yaml", "-o", "linkdir/plan.md"])
        .run();
    assert!(written.read("real/plan.md").contains("正文"));
    let written = written
        .again()
        .args(["render", ".", "--out-dir", "linkdir"])
        .stderr("1 written, 0 unchanged\n")
        .run();
    assert!(written.path("real/base.md").is_file());
    assert!(std::fs::symlink_metadata(written.path("linkdir"))
        .unwrap()
        .file_type()
        .is_symlink());
}

#[cfg(unix)]
#[test]
fn check_never_reads_through_a_link() {
    let test = with_plan()
        .write("secret", "TOP SECRET password\n")
        .folder("pub");
    std::os::unix::fs::symlink("../secret", test.path("pub/base.txt")).unwrap();
    test.args(["render", "base.yaml", "--out-dir", "pub"])
        .args(["-f", "txt", "--check"])
        .status(1)
        .stdout("stale: pub/base.txt (a link, not compared)\n")
        .stderr("error: 1 output missing or stale: render again without --check\n")
        .run();
}

/// `--check` of base.yaml against the base.md there: stale (exit 1); what it prints.
fn stale(dir: &tempfile::TempDir) -> String {
    let args = ["render", "base.yaml", "-o", "base.md", "--check"];
    let output = run_for(dir.path(), &args, LIMIT);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    stdout(&output)
}

/// A stale file of `lines` lines, none of them in the rendering.
fn unlike(lines: usize) -> String {
    (0..lines).map(|i| format!("{i:08} 旧的一行\n")).collect()
}

#[cfg(unix)]
#[test]
fn a_big_diff_is_cut_short() {
    let dir = with_plan().into_dir();
    let old = unlike(6_000_000_usize.div_ceil(22));
    assert!(old.len() >= 6_000_000);
    std::fs::write(dir.path().join("base.md"), &old).unwrap();
    let printed = stale(&dir);
    // Cut by the deadline, or, on a machine fast enough to finish it, by its length.
    cut_short(&printed, &[TOO_DIFFERENT, TOO_LONG]);
}

const TOO_DIFFERENT: &str = "stale: base.md (too different to show in full)\n";
const TOO_LONG: &str = "stale: base.md (the diff is too long to show in full)\n";

/// A diff printed in part: it starts with one of `starts`, and stays short.
fn cut_short(printed: &str, starts: &[&str]) {
    assert!(
        starts.iter().any(|start| printed.starts_with(start)),
        "{}",
        &printed[..printed.floor_char_boundary(500)]
    );
    assert!(printed.len() < 100_000, "{} bytes printed", printed.len());
}

/// A folder on the way that is a link (committed in place of `published/`) could lead
/// anywhere: `--check` reads nothing through it.
#[cfg(unix)]
#[test]
fn check_never_reads_through_a_linked_folder() {
    let dir = with_plan().into_dir();
    std::fs::create_dir(dir.path().join("secret")).unwrap();
    std::fs::write(dir.path().join("secret/base.txt"), "TOPSECRET line\n").unwrap();
    std::os::unix::fs::symlink("secret", dir.path().join("pub")).unwrap();
    // An --out-dir reached through a link is said once, with the folder to give instead.
    let args = [
        "render",
        "base.yaml",
        "--out-dir",
        "pub",
        "-f",
        "txt",
        "--check",
    ];
    let output = run_for(dir.path(), &args, LIMIT);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert_eq!(stdout(&output), "");
    let real = dir.path().join("secret").canonicalize().unwrap();
    assert_eq!(
        stderr(&output),
        format!(
            "error: pub is reached through a symbolic link: --check reads nothing through links, \
             which could lead anywhere; give --out-dir the folder itself: {}\n",
            real.display()
        )
    );
    // One output reached through a link is not compared.
    let args = ["render", "base.yaml", "-o", "pub/base.txt", "--check"];
    let output = run_for(dir.path(), &args, LIMIT);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert_eq!(
        stdout(&output),
        "stale: pub/base.txt (reached through a link, not compared)\n"
    );
    assert!(!stderr(&output).contains("TOPSECRET"));
}

#[cfg(unix)]
#[test]
fn a_long_diff_is_cut_short_too() {
    let dir = with_plan().into_dir();
    // One line of 15 MiB: quick to diff, far too long for a log.
    std::fs::write(dir.path().join("base.md"), "x".repeat(15 << 20) + "\n").unwrap();
    cut_short(&stale(&dir), &[TOO_LONG]);
}

/// The old file's lines reach a terminal or a CI log: a control character in them is shown,
/// never sent.
#[cfg(unix)]
#[test]
fn a_diff_shows_control_characters_without_sending_them() {
    let dir = with_plan().into_dir();
    std::fs::write(
        dir.path().join("base.md"),
        "hello \x1b]0;pwned\x07 \x1b[2J world\rhidden\n",
    )
    .unwrap();
    let printed = stale(&dir);
    assert!(
        // The diff ends a line at the carriage return too; it is shown where it stands.
        printed.contains("-hello ␛]0;pwned␇ ␛[2J world␍-hidden\n"),
        "{printed}"
    );
    assert!(
        !printed.contains(|c: char| c.is_control() && c != '\n'),
        "{printed:?}"
    );
}

#[cfg(unix)]
#[test]
fn a_huge_existing_file_is_not_read_to_compare() {
    let dir = with_plan().into_dir();
    // Sparse: no disk is used for it.
    std::fs::File::create(dir.path().join("base.md"))
        .unwrap()
        .set_len(17 << 20)
        .unwrap();
    assert_eq!(
        stale(&dir),
        "stale: base.md (too large to compare: over 16 MiB)\n"
    );
}

#[cfg(unix)]
#[test]
fn a_replaced_file_keeps_its_owner_and_group() {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    if !root("a_replaced_file_keeps_its_owner_and_group") {
        return;
    }
    let dir = with_plan().into_dir();
    let out = dir.path().join("base.md");
    std::fs::write(&out, "old").unwrap();
    std::fs::set_permissions(&out, std::fs::Permissions::from_mode(0o640)).unwrap();
    std::os::unix::fs::chown(&out, Some(65534), Some(65534)).unwrap();
    let output = run_in(dir.path(), &["render", "base.yaml", "-o", "base.md"]);
    assert_eq!(output.status.code(), Some(0), "{}", report(&output));
    let meta = std::fs::metadata(&out).unwrap();
    assert!(std::fs::read_to_string(&out).unwrap().contains("正文"));
    assert_eq!((meta.uid(), meta.gid()), (65534, 65534));
    assert_eq!(meta.mode() & 0o7777, 0o640);
}

#[cfg(unix)]
#[test]
fn names_that_are_not_utf8_keep_their_bytes() {
    use std::ffi::OsStr;
    use std::os::unix::ffi::OsStrExt;
    let name = |bytes: &[u8]| Path::new(OsStr::from_bytes(bytes)).to_owned();
    let written = Test::new()
        .write(name(b"plans/\xff.yaml"), PLAN)
        .write(name(b"plans/\xfe.yaml"), PLAN)
        .args(["render", "plans", "--out-dir", "out"])
        .stderr("2 written, 0 unchanged\n")
        .run();
    for byte in [0xff, 0xfe] {
        let out = written.path(name(&[b'o', b'u', b't', b'/', byte, b'.', b'm', b'd']));
        assert!(out.is_file(), "{byte:x}.md");
    }

    // In messages, the bytes are shown escaped: two names never look alike.
    written
        .again()
        .write(name(b"plans/\xff.yaml"), "sections: [正文]\nmonth: 13\n")
        .args(["render", "plans", "--out-dir", "out"])
        .status(1)
        .stderr(
            starts_with("error: plans/\\xFF.yaml:2:1: unknown key `month`\n")
                .and(ends_with("error: 1 of 2 plans failed: plans/\\xFF.yaml\n")),
        )
        .run()
        .again()
        .write(name(b"more/\xfe.yaml"), PLAN)
        .args(["render", "plans", "more", "--out-dir", "out"])
        .status(2)
        .stderr(
            "error: plans/\\xFE.yaml and more/\\xFE.yaml would both be written to out/\\xFE.md: \
             rename one of them\n",
        )
        .run();
}

/// Runs `args` in the folder of `test`, then again with `--check`: each run fails (exit 1)
/// with `message` and nothing else on standard error.
fn fails_with_and_without_check(test: Test, args: &[&str], message: &str) {
    let mut next = test;
    for check in [&[][..], &["--check"]] {
        next = next
            .args(args)
            .args(check)
            .status(1)
            .stderr(message)
            .run()
            .again();
    }
}

#[test]
fn an_out_dir_that_is_a_file_is_named_as_such() {
    fails_with_and_without_check(
        with_plan().write("out", "a file"),
        &["render", "base.yaml", "--out-dir", "out"],
        "error: out is a file, not a folder: give a folder to write the outputs into\n",
    );
}

#[test]
fn writing_where_a_folder_is_says_so() {
    with_plan()
        .folder("dir.md")
        .args(["render", "base.yaml", "-o", "dir.md"])
        .status(1)
        .stderr(
            "error: dir.md is a folder, where the output is to be written: move the folder \
             away, or write the output elsewhere\n",
        )
        .run();
}

#[test]
fn writing_under_a_file_says_which_is_the_file() {
    fails_with_and_without_check(
        with_plan(),
        &["render", "base.yaml", "-o", "base.yaml/x.md"],
        "error: cannot write base.yaml/x.md: base.yaml is a file, not a folder\n",
    );
    with_plan()
        .args(["render", "base.yaml", "-o", "base.yaml/a/x.md"])
        .status(1)
        .stderr("error: cannot write base.yaml/a/x.md: base.yaml is a file, not a folder\n")
        .run();
}

/// What stands where a folder must be is named as what it is, for render, --check and eject;
/// no message is the system's "File exists".
#[cfg(unix)]
#[test]
fn what_stands_in_the_way_of_a_folder_is_named() {
    let mut next = with_plan().write("file", "x").folder("out/base.md");
    std::os::unix::fs::symlink("gone", next.path("dangling")).unwrap();
    mkfifo(&next.path("pipe"));
    for (args, message) in [
        (
            &["render", "base.yaml", "--out-dir", "dangling"][..],
            "error: dangling is a link to nothing (gone), not a folder: give a folder to write \
             the outputs into\n",
        ),
        (
            &["render", "base.yaml", "--out-dir", "pipe"],
            "error: pipe is a named pipe, not a folder: give a folder to write the outputs into\n",
        ),
        (
            &["render", "base.yaml", "-o", "dangling/x.md"],
            "error: cannot write dangling/x.md: dangling is a link to nothing (gone), not a \
             folder\n",
        ),
        (
            &["render", "base.yaml", "-o", "pipe/x.md"],
            "error: cannot write pipe/x.md: pipe is a named pipe, not a folder\n",
        ),
        (
            &["templates", "eject", "file"],
            "error: file is a file, not a folder: give a folder to write the outputs into\n",
        ),
        (
            &["templates", "eject", "dangling"],
            "error: dangling is a link to nothing (gone), not a folder: give a folder to write \
             the outputs into\n",
        ),
        (
            &["render", "base.yaml", "--out-dir", "out"],
            "error: out/base.md is a folder, where the output is to be written: move the folder \
             away, or write the output elsewhere\n",
        ),
    ] {
        next = next
            .args(args)
            .status(1)
            .stderr(starts_with(message))
            .run()
            .again();
    }
}

#[cfg(unix)]
fn read_only_folder(path: &Path) -> PathBuf {
    use std::os::unix::fs::PermissionsExt;
    std::fs::create_dir(path).unwrap();
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o555)).unwrap();
    path.to_owned()
}

#[cfg(unix)]
#[test]
fn a_write_error_names_the_output_not_a_temporary_file() {
    let dir = with_plan().into_dir();
    read_only_folder(&dir.path().join("out"));
    let output = unprivileged_in(dir.path(), &["render", "base.yaml", "-o", "out/plan.md"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1), "{}", report(&output));
    line_starting("error: cannot write out/plan.md: ")
        .and(like("no temporary file named", |s| {
            !s.contains(".unionplan-")
        }))
        .check("standard error", &stderr(&output));
}

#[cfg(unix)]
#[test]
fn a_read_only_out_dir_is_reported_once() {
    let dir = plans_folder();
    read_only_folder(&dir.path().join("out"));
    let output = unprivileged_in(dir.path(), &["render", "plans", "--out-dir", "out"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1), "{}", report(&output));
    line_starting("error: cannot write into the folder out: ")
        .and(ends_with(": make it writable, or give another folder\n"))
        .check("standard error", &stderr(&output));
}

#[cfg(unix)]
#[test]
fn a_user_who_cannot_give_a_file_away_keeps_its_group() {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    if !root("a_user_who_cannot_give_a_file_away_keeps_its_group") {
        return;
    }
    let dir = with_plan().into_dir();
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o777)).unwrap();
    let out = dir.path().join("base.md");
    std::fs::write(&out, "old").unwrap();
    std::os::unix::fs::chown(&out, Some(0), Some(100)).unwrap();
    std::fs::set_permissions(&out, std::fs::Permissions::from_mode(0o664)).unwrap();
    // nobody, in group 100 besides its own: it may pass the file to group 100, not to root.
    let output = as_nobody(&[100])
        .args(["render", "base.yaml", "-o", "base.md"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", report(&output));
    let meta = std::fs::metadata(&out).unwrap();
    assert!(std::fs::read_to_string(&out).unwrap().contains("正文"));
    assert_eq!((meta.uid(), meta.gid()), (65534, 100));
    assert_eq!(meta.mode() & 0o7777, 0o664);
}

/// `2>&1 | head -1` closes the pipe while unionplan still has things to say: it goes on, says
/// nothing more, and ends with its own exit code, never a panic (101).
#[test]
fn a_closed_pipe_is_not_a_panic() {
    use std::process::Stdio;
    let dir = plans_folder();
    std::fs::write(dir.path().join("plans/broken.yaml"), "title: [\n").unwrap();
    for (args, code) in [
        (&["check", "plans"][..], 1),
        (&["render", "plans", "--out-dir", "out", "-f", "md"], 1),
        (&["check", "--format", "json", "plans"], 1),
        (&["render", "plans/annual-plan.yaml", "-f", "html"], 0),
    ] {
        let mut child = super::support::unionplan_in(dir.path(), args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // The reader goes before a word is read.
        drop(child.stdout.take());
        drop(child.stderr.take());
        let status = child.wait().unwrap();
        assert_eq!(status.code(), Some(code), "{args:?}");
    }
}

/// A device or a pipe has no extension to tell the format by: Markdown, as on standard output.
#[test]
fn a_stream_without_an_extension_gets_markdown() {
    let dir = with_plan().into_dir();
    let output = run_for(
        dir.path(),
        &["render", "base.yaml", "-o", "/dev/stdout"],
        LIMIT,
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(stdout(&output).starts_with("# "), "{}", stdout(&output));
}
