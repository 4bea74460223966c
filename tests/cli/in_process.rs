//! The library drives the whole program in-process: what `run_with` writes into the buffers
//! it is given, and the exit code it returns, are what the binary prints and exits with.

use std::path::Path;
use std::process::ExitCode;

use clap::Parser;

use super::{run_in, unionplan};

/// A command line run in this process: its exit code (or the error that `main` prints),
/// its output and its messages.
fn in_process(args: &[&str]) -> (Result<ExitCode, String>, Vec<u8>, String) {
    let cli = unionplan::cli::Cli::try_parse_from(
        std::iter::once("unionplan").chain(args.iter().copied()),
    )
    .expect("the command line parses");
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let code = unionplan::run_with(cli, &mut out, &mut err).map_err(|e| e.to_string());
    (code, out, String::from_utf8(err).expect("UTF-8"))
}

#[test]
fn a_plan_rendered_in_process_is_the_snapshot() {
    let (code, out, err) = in_process(&["render", "examples/annual-plan.yaml", "-o", "-"]);
    assert_eq!(code, Ok(ExitCode::SUCCESS));
    assert_eq!(err, "");
    let snapshot =
        std::fs::read_to_string("tests/snapshots/cli__md@annual-plan.yaml.snap").unwrap();
    // The snapshot's body follows its front matter, indented as insta keeps it.
    let body = snapshot.splitn(3, "---\n").nth(2).unwrap();
    let out = String::from_utf8(out).unwrap();
    assert_eq!(out.trim_end(), body.trim_end());
    assert!(out.starts_with("# "), "{out}");
}

#[test]
fn every_command_prints_in_process_what_the_binary_prints() {
    let root = env!("CARGO_MANIFEST_DIR");
    for args in [
        &[
            "render",
            "tests/fixtures/lint/festival-date.yaml",
            "-f",
            "txt",
        ][..],
        &["render", "tests/fixtures/invalid/month-13.yaml"],
        &["check", "tests/fixtures/lint/months-period.yaml"],
        &[
            "check",
            "--format",
            "json",
            "tests/fixtures/lint/months-period.yaml",
        ],
        &["render", "examples/annual-plan.yaml", "-f", "docx"],
        &["schema"],
        &["templates", "list"],
        &["templates", "show", "signature.html"],
    ] {
        let (code, out, err) = in_process(args);
        let binary = run_in(Path::new(root), args);
        assert_eq!(out, binary.stdout, "{args:?}: output");
        assert_eq!(err.as_bytes(), binary.stderr, "{args:?}: messages");
        let code = code.unwrap_or_else(|e| panic!("{args:?}: {e}"));
        let expected = ExitCode::from(binary.status.code().unwrap() as u8);
        assert_eq!(code, expected, "{args:?}: exit code");
    }
}

/// A buffer is no terminal: a Word document can be printed into it.
#[test]
fn a_word_document_goes_into_the_buffer() {
    let (code, out, err) = in_process(&["render", "examples/annual-plan.yaml", "-f", "docx"]);
    assert_eq!((code, err.as_str()), (Ok(ExitCode::SUCCESS), ""));
    assert!(out.starts_with(b"PK\x03\x04"), "a ZIP archive");
}

#[test]
fn stale_outputs_and_usage_errors_reach_the_caller() {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("plan.yaml");
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/annual-plan.yaml"),
        &plan,
    )
    .unwrap();
    let out = dir.path().join("out");
    let (plan, out) = (plan.to_str().unwrap(), out.to_str().unwrap());
    let check = ["render", plan, "--out-dir", out, "--check"];
    let (code, stdout, stderr) = in_process(&check);
    assert_eq!(code, Ok(ExitCode::FAILURE));
    assert_eq!(stdout, format!("missing: {out}/plan.md\n").as_bytes());
    assert_eq!(
        stderr,
        "error: 1 output missing or stale: render again without --check\n"
    );
    let (code, ..) = in_process(&["render", plan, plan, "-o", "x.md"]);
    assert_eq!(
        code,
        Err("2 plans to render: give --out-dir DIR to write each to its own file".into())
    );
    assert_eq!(
        unionplan(&["render", plan, plan, "-o", "x.md"])
            .status
            .code(),
        Some(2)
    );
}
