//! README.zh-CN.md, the documentation in Chinese, stays true: every command it shows runs
//! with the exit code it says, every plan it shows passes `check --strict` (but the one shown
//! faulty on purpose, which must fail), and the first plan renders as shown.
//!
//! What the README says for this test to read, in words a reader takes as plain advice:
//! a plan's block opens with `# 保存为 NAME` (the file the commands use), a plan faulty on
//! purpose says `故意写错` on that line, a command that fails on purpose has the comment
//! `# 退出码 N` after it, and one that runs until stopped says `按 Ctrl-C 停止`.

#[cfg(unix)]
use std::path::Path;
#[cfg(unix)]
use std::process::Command;

use super::support::{self, CodeBlock};
use super::test::{anything, Test};

const README: &str = "README.zh-CN.md";

fn blocks() -> Vec<CodeBlock> {
    support::code_blocks(&support::readme(README))
}

/// A plan the README shows: the file it says to save it as, if it names one.
struct Plan {
    name: Option<String>,
    text: String,
    faulty: bool,
}

fn plans(blocks: &[CodeBlock]) -> Vec<Plan> {
    blocks
        .iter()
        .filter(|b| b.lang == "yaml")
        .map(|b| {
            let first = b.text.lines().next().unwrap_or("");
            let name = first.strip_prefix("# 保存为 ").map(|rest| {
                rest.split(|c: char| c == '（' || c.is_whitespace())
                    .next()
                    .unwrap()
                    .to_owned()
            });
            Plan {
                faulty: name.is_some() && first.contains("故意写错"),
                name,
                text: b.text.clone(),
            }
        })
        .collect()
}

/// A line of a shell block, as a reader types it, with what the README says of it.
#[cfg(unix)]
struct Line {
    command: String,
    status: i32,
    until_stopped: bool,
}

/// The lines a reader runs from one shell block: all but the comments and the set-up's
/// `cargo` lines, which build the tool this test runs. A line is not picked by its first
/// word, so a misspelt `unionplan` is run too, and fails.
#[cfg(unix)]
fn lines(block: &CodeBlock) -> Vec<Line> {
    block
        .text
        .lines()
        .map(|line| line.strip_prefix("$ ").unwrap_or(line))
        .filter(|line| !line.trim().is_empty() && !line.trim_start().starts_with('#'))
        .filter(|line| line.split_whitespace().next() != Some("cargo"))
        .map(|line| {
            let (command, comment) = line.split_once(" #").unwrap_or((line, ""));
            // `# 退出码 1`, opening the comment: not a sentence that speaks of exit codes.
            let status = comment
                .trim_start()
                .strip_prefix("退出码")
                .map(|code| {
                    let digits: String = code
                        .trim_start()
                        .chars()
                        .take_while(char::is_ascii_digit)
                        .collect();
                    digits
                        .parse()
                        .unwrap_or_else(|_| panic!("`{line}`: 退出码 without a number"))
                })
                .unwrap_or(0);
            Line {
                command: command.trim().to_owned(),
                status,
                until_stopped: comment.contains("按 Ctrl-C 停止"),
            }
        })
        .collect()
}

/// The shell blocks of the README, each with its lines.
#[cfg(unix)]
fn shell_blocks(blocks: &[CodeBlock]) -> Vec<(&CodeBlock, Vec<Line>)> {
    blocks
        .iter()
        .filter(|b| matches!(b.lang.as_str(), "sh" | "console" | "bash"))
        .map(|b| (b, lines(b)))
        .filter(|(_, lines)| !lines.is_empty())
        .collect()
}

/// A folder as a reader of the README has it: every plan it shows saved under its name, and
/// the repository's `examples/` when `lines` name them.
#[cfg(unix)]
fn reader_folder(plans: &[Plan], lines: &[Line]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for plan in plans {
        if let Some(name) = &plan.name {
            let path = dir.path().join(name);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(&path, &plan.text).unwrap();
        }
    }
    if lines.iter().any(|l| l.command.contains("examples/")) {
        let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
        std::fs::create_dir(dir.path().join("examples")).unwrap();
        for entry in std::fs::read_dir(examples).unwrap() {
            let entry = entry.unwrap();
            std::fs::copy(
                entry.path(),
                dir.path().join("examples").join(entry.file_name()),
            )
            .unwrap();
        }
    }
    dir
}

/// `line` run as a reader runs it, by the shell, in `dir`, with the binary under test first
/// on `PATH`; what went wrong, if it did not end with its exit code.
#[cfg(unix)]
fn run_line(line: &Line, dir: &Path) -> Option<String> {
    if line.until_stopped {
        return run_until_stopped(line, dir);
    }
    let bin = Path::new(env!("CARGO_BIN_EXE_unionplan")).parent().unwrap();
    let path = std::env::join_paths(std::iter::once(bin.to_owned()).chain(std::env::split_paths(
        &std::env::var_os("PATH").unwrap_or_default(),
    )))
    .unwrap();
    let mut command = Command::new("sh");
    support::english(&mut command)
        .args(["-c", &line.command])
        .env("PATH", path)
        .current_dir(dir);
    let output = support::run_within(&mut command, support::PATIENCE);
    (output.status.code() != Some(line.status)).then(|| {
        format!(
            "`{}` exited {:?}, not {}:\n{}",
            line.command,
            output.status.code(),
            line.status,
            support::stderr(&output)
        )
    })
}

/// A command that runs until stopped (`--watch` on a folder of plans): it renders, renders
/// again when a plan is saved, and ends cleanly on Ctrl-C. It is the binary's own, so its
/// words are its arguments.
#[cfg(unix)]
fn run_until_stopped(line: &Line, dir: &Path) -> Option<String> {
    let mut words = line.command.split_whitespace();
    if words.next() != Some("unionplan") {
        return Some(format!("`{}` is not a unionplan command", line.command));
    }
    let args: Vec<&str> = words.collect();
    let after = |option: &str| {
        let at = args.iter().position(|a| *a == option)?;
        args.get(at + 1).map(|a| dir.join(a))
    };
    let (Some(plans), Some(out)) = (after("render"), after("--out-dir")) else {
        return Some(format!("`{}`: no plans folder and --out-dir", line.command));
    };
    let mut watcher = support::Watcher::start(dir, &args);
    watcher.wait_for_text("watching");
    let written = std::fs::read_dir(&out).map_or(0, |d| d.count());
    if written == 0 {
        return Some(format!("`{}` wrote nothing at first", line.command));
    }
    let plan = std::fs::read_dir(&plans)
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let mut text = std::fs::read_to_string(&plan).unwrap();
    text.push_str("# 改过一处\n");
    std::fs::write(&plan, text).unwrap();
    watcher.wait_for_text("rendered ");
    let (_, clean) = watcher.interrupt();
    (!clean).then(|| format!("`{}` did not end cleanly on Ctrl-C", line.command))
}

/// Every command of the README, block by block, each block in a folder of its own, as a
/// reader following that part has it.
#[cfg(unix)]
#[test]
fn every_command_it_shows_runs() {
    let blocks = blocks();
    let plans = plans(&blocks);
    let shell = shell_blocks(&blocks);
    let all: Vec<&Line> = shell.iter().flat_map(|(_, lines)| lines).collect();
    // What the README shows, so that a change in how it is read cannot empty this test.
    assert!(all.len() >= 20, "only {} commands found", all.len());
    assert!(all.iter().any(|l| l.status == 1), "no command that fails");
    assert!(all.iter().any(|l| l.until_stopped), "no --watch");
    assert!(all.iter().any(|l| l.command.starts_with("UNIONPLAN_LANG=")));
    let mut failures = Vec::new();
    for (block, lines) in &shell {
        let dir = reader_folder(&plans, lines);
        // The other files the README shows by name (a members table).
        for shown in blocks.iter().filter(|b| b.lang != "yaml") {
            if let Some(file) = &shown.file {
                std::fs::write(dir.path().join(file), &shown.text).unwrap();
            }
        }
        for line in lines {
            if let Some(failure) = run_line(line, dir.path()) {
                failures.push(format!("{README}, under “{}”: {failure}", block.heading));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The README's plans are good plans, but for the one faulty on purpose, which must be.
#[test]
fn every_plan_it_shows_passes_strict_checking() {
    let plans = plans(&blocks());
    assert!(plans.len() >= 5, "only {} plans found", plans.len());
    assert_eq!(plans.iter().filter(|p| p.faulty).count(), 1);
    for (n, plan) in plans.iter().enumerate() {
        let name = plan.name.clone().unwrap_or(format!("plan-{n}.yaml"));
        let test = Test::new()
            .write(&name, &plan.text)
            .args(["check", "--strict", &name]);
        if plan.faulty {
            test.status(1).stderr(anything()).run();
        } else {
            test.run();
        }
    }
}

/// The first plan, shown with its plain text, renders as shown.
#[test]
fn first_plan_renders_as_shown() {
    let blocks = blocks();
    let plans = plans(&blocks);
    let plan = plans
        .iter()
        .find(|p| p.name.as_deref() == Some("plan.yaml"))
        .expect("plan.yaml is shown");
    let shown = blocks
        .iter()
        .find(|b| b.lang == "text")
        .expect("its rendering is shown");
    Test::new()
        .write("plan.yaml", &plan.text)
        .args(["render", "plan.yaml", "-f", "txt"])
        .stdout(&shown.text)
        .run();
}
