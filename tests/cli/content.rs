//! What the text of a plan may hold: no control characters, numbers kept as written, month
//! ranges that run forward, and places counted right whatever ends the file's lines.

use std::path::Path;

use super::{report, run_in};

/// Writes `bytes` as `name` in `dir` and runs `unionplan` with `args` there.
fn run_on(dir: &Path, name: &str, bytes: &[u8], args: &[&str]) -> std::process::Output {
    std::fs::write(dir.join(name), bytes).unwrap();
    run_in(dir, args)
}

fn stderr_of(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn a_lone_carriage_return_ends_a_line() {
    let dir = tempfile::tempdir().unwrap();
    let output = run_on(
        dir.path(),
        "mac.yaml",
        b"a: 1\rb: 2\r",
        &["check", "mac.yaml"],
    );
    assert_eq!(output.status.code(), Some(1), "{}", report(&output));
    let stderr = stderr_of(&output);
    let places: Vec<&str> = stderr.lines().filter(|l| l.starts_with("error:")).collect();
    assert_eq!(
        places,
        [
            "error: mac.yaml:1:1: unknown key `a`",
            "error: mac.yaml:2:1: unknown key `b`"
        ],
        "{stderr}"
    );
    assert!(stderr.contains("1 | a: 1\n"), "{stderr}");
    assert!(stderr.contains("2 | b: 2\n"), "{stderr}");

    // A repeated key is shown where it repeats, and CRLF stays one line break.
    let output = run_on(
        dir.path(),
        "mixed.yaml",
        b"title: \xe8\xae\xa1\xe5\x88\x92\r\nsections: [a]\rtitle: b\r",
        &["check", "mixed.yaml"],
    );
    let stderr = stderr_of(&output);
    assert!(
        stderr.starts_with("error: mixed.yaml:3:1: duplicate key `title`\n"),
        "{stderr}"
    );
    assert!(stderr.contains("first at line 1"), "{stderr}");
}
