//! Links, named pipes, sockets and devices among plans and templates, and `--watch` when
//! plans and folders come and go.

#![cfg(unix)]

use std::io::Write;
use std::os::unix::fs::symlink;
use std::path::Path;
use std::process::Output;

use super::plans_folder;
use super::support::{
    mkfifo, null_device, run_within, skip, stderr, unionplan_in, unprivileged_in, Watcher, PATIENCE,
};
use super::test::line_starting;

/// A socket file, as a server leaves behind.
fn socket(path: &Path) -> std::os::unix::net::UnixListener {
    std::os::unix::net::UnixListener::bind(path).unwrap()
}

/// Runs the binary in `dir`, and fails the test if it has not ended within PATIENCE (a
/// named pipe opened for reading waits for a writer forever).
fn run_bounded(dir: &Path, args: &[&str]) -> Output {
    run_within(&mut unionplan_in(dir, args), PATIENCE)
}

/// A link slipped into a repository of plans must not show another file's lines in a CI log:
/// a link out of the folder is skipped, unread; named on the command line, it is read.
#[test]
fn a_plan_link_out_of_the_folder_is_never_read() {
    let dir = plans_folder();
    let secret = dir.path().join("secret.txt");
    std::fs::write(&secret, "root:$y$j9T$SECRET:19000:0:99999:7:::\n").unwrap();
    symlink("../secret.txt", dir.path().join("plans/leak.yaml")).unwrap();

    for args in [
        &["check", "plans"][..],
        &["render", "plans", "--out-dir", "out"],
    ] {
        let run = run_bounded(dir.path(), args);
        let text = stderr(&run);
        assert_eq!(run.status.code(), Some(0), "{args:?}: {text}");
        assert!(!text.contains("SECRET"), "{args:?}: {text}");
        assert!(
            text.contains("warning: plans/leak.yaml: a link that leads out of the folder (to "),
            "{args:?}: {text}"
        );
        assert!(!String::from_utf8_lossy(&run.stdout).contains("SECRET"));
    }
    let strict = run_bounded(dir.path(), &["check", "--strict", "plans"]);
    assert_eq!(strict.status.code(), Some(1), "{}", stderr(&strict));
    assert!(!stderr(&strict).contains("SECRET"));

    // Named, it is read: the user chose it.
    let named = run_bounded(dir.path(), &["check", "plans/leak.yaml"]);
    assert_eq!(named.status.code(), Some(1));
    assert!(stderr(&named).contains("SECRET"), "{}", stderr(&named));
}

#[test]
fn broken_links_in_a_plans_folder_are_named_and_fail_a_strict_check() {
    let dir = plans_folder();
    let plans = dir.path().join("plans");
    symlink("gone.yaml", plans.join("x.yaml")).unwrap();
    symlink("loop.yml", plans.join("loop.yml")).unwrap();

    let check = run_bounded(dir.path(), &["check", "plans"]);
    let text = stderr(&check);
    assert_eq!(check.status.code(), Some(0), "{text}");
    assert!(
        text.contains("warning: plans/x.yaml: a link to nothing (plans/gone.yaml): skipped"),
        "{text}"
    );
    assert!(
        text.contains("warning: plans/loop.yml: a link that loops back on itself: skipped"),
        "{text}"
    );

    let strict = run_bounded(dir.path(), &["check", "--strict", "plans"]);
    let text = stderr(&strict);
    assert_eq!(strict.status.code(), Some(1), "{text}");
    assert!(
        text.contains("error: plans/x.yaml: a link to nothing"),
        "{text}"
    );

    let json = run_bounded(dir.path(), &["check", "--format", "json", "plans"]);
    let stdout = String::from_utf8_lossy(&json.stdout);
    assert!(stdout.contains(r#""path":"plans/x.yaml""#), "{stdout}");

    // render says so too, and renders the plans there are.
    let args = ["render", "plans", "--out-dir", "out", "-f", "txt"];
    let render = run_bounded(dir.path(), &args);
    let text = stderr(&render);
    assert_eq!(render.status.code(), Some(0), "{text}");
    assert!(
        text.contains("warning: plans/x.yaml: a link to nothing"),
        "{text}"
    );
    assert!(dir.path().join("out/annual-plan.txt").is_file());
    let check = run_bounded(dir.path(), &[&args[..], &["--check"][..]].concat());
    let text = stderr(&check);
    assert_eq!(check.status.code(), Some(0), "{text}");
    assert!(
        text.contains("warning: plans/x.yaml: a link to nothing"),
        "{text}"
    );
}

#[test]
fn a_folder_of_nothing_but_broken_links_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let plans = dir.path().join("plans");
    std::fs::create_dir(&plans).unwrap();
    symlink("gone.yaml", plans.join("a.yaml")).unwrap();
    mkfifo(&plans.join("b.yaml"));
    for command in ["check", "render"] {
        let output = run_bounded(dir.path(), &[command, "plans"]);
        let text = stderr(&output);
        assert_eq!(output.status.code(), Some(2), "{command}: {text}");
        assert!(text.contains("no plans (*.yaml, *.yml) in plans"), "{text}");
        assert!(
            text.contains("plans/a.yaml is a link to nothing (plans/gone.yaml)")
                && text.contains("plans/b.yaml is a named pipe"),
            "{command}: {text}"
        );
    }
}

#[test]
fn special_files_named_like_plans_are_skipped_unopened() {
    let dir = plans_folder();
    let plans = dir.path().join("plans");
    mkfifo(&plans.join("pipe.yaml"));
    symlink("pipe.yaml", plans.join("to-pipe.yaml")).unwrap();
    let _listener = socket(&plans.join("socket.yaml"));
    let device = null_device(
        "special_files_named_like_plans_are_skipped_unopened: a device",
        &plans.join("null.yaml"),
    );
    std::fs::create_dir(plans.join("old.yaml")).unwrap();

    let check = run_bounded(dir.path(), &["check", "plans"]);
    let text = stderr(&check);
    assert_eq!(check.status.code(), Some(0), "{text}");
    for (name, kind) in [
        ("pipe.yaml", "a named pipe"),
        ("to-pipe.yaml", "a named pipe"),
        ("socket.yaml", "a socket"),
        ("old.yaml", "a folder"),
    ] {
        assert!(
            text.contains(&format!(
                "warning: plans/{name}: {kind}, not a plan file: skipped"
            )),
            "{name}: {text}"
        );
    }
    if device {
        assert!(
            text.contains("warning: plans/null.yaml: a character device, not a plan file"),
            "{text}"
        );
    }
    let strict = run_bounded(dir.path(), &["check", "--strict", "plans"]);
    assert_eq!(strict.status.code(), Some(1), "{}", stderr(&strict));
    let render = run_bounded(dir.path(), &["render", "plans", "--out-dir", "out"]);
    assert_eq!(render.status.code(), Some(0), "{}", stderr(&render));
    assert!(stderr(&render).contains("plans/pipe.yaml: a named pipe"));
}

/// A plan named on the command line is read whatever it is, as `-` is: a pipe from the
/// shell's `<(…)` is one.
#[test]
fn a_plan_named_on_the_command_line_may_be_a_pipe() {
    let dir = tempfile::tempdir().unwrap();
    let pipe = dir.path().join("plan.yaml");
    mkfifo(&pipe);
    let plan =
        std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/annual-plan.yaml"))
            .unwrap();
    let writer = std::thread::spawn(move || {
        std::fs::OpenOptions::new()
            .write(true)
            .open(&pipe)
            .unwrap()
            .write_all(&plan)
            .unwrap();
    });
    let output = run_bounded(dir.path(), &["render", "plan.yaml", "-f", "txt"]);
    writer.join().unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(String::from_utf8_lossy(&output.stdout).contains("一、指导思想"));
}

#[test]
fn a_special_file_named_like_a_template_is_an_error() {
    let dir = plans_folder();
    let tpl = dir.path().join("tpl");
    let signature = tpl.join("signature.html");
    const RENDER: [&str; 6] = [
        "render",
        "plans/annual-plan.yaml",
        "-f",
        "html",
        "--templates",
        "tpl",
    ];
    // An empty templates folder for each case.
    let empty = || {
        let _ = std::fs::remove_dir_all(&tpl);
        std::fs::create_dir(&tpl).unwrap();
    };
    type Make<'a> = Box<dyn Fn() + 'a>;
    let cases: Vec<(&str, Make)> = vec![
        (
            "is a named pipe, not a template file",
            Box::new(|| mkfifo(&signature)),
        ),
        (
            "is a folder, not a template file",
            Box::new(|| std::fs::create_dir(&signature).unwrap()),
        ),
        (
            "is a link to nothing (tpl/gone.html)",
            Box::new(|| symlink("gone.html", &signature).unwrap()),
        ),
        (
            "is a link that loops back on itself",
            Box::new(|| symlink("signature.html", &signature).unwrap()),
        ),
        (
            "is a named pipe, not a template file",
            Box::new(|| {
                mkfifo(&tpl.join("pipe.html"));
                symlink("pipe.html", &signature).unwrap();
            }),
        ),
        (
            "is a socket, not a template file",
            Box::new(|| drop(socket(&signature))),
        ),
    ];
    for (said, make) in cases {
        empty();
        make();
        let output = run_bounded(dir.path(), &RENDER);
        let text = stderr(&output);
        assert_eq!(output.status.code(), Some(1), "{said}: {text}");
        assert!(
            text.contains(&format!("error: template `tpl/signature.html`: {said}")),
            "{said}: {text}"
        );
        assert!(output.stdout.is_empty(), "{said}: nothing is rendered");
        let list = run_bounded(dir.path(), &["templates", "list", "--templates", "tpl"]);
        assert_eq!(list.status.code(), Some(1), "{said}: {}", stderr(&list));
        assert!(stderr(&list).contains(said), "{said}: {}", stderr(&list));
    }

    empty();
    if null_device(
        "a_special_file_named_like_a_template_is_an_error: a device",
        &signature,
    ) {
        let output = run_bounded(dir.path(), &RENDER);
        assert_eq!(output.status.code(), Some(1));
        assert!(
            stderr(&output).contains("is a character device, not a template file"),
            "{}",
            stderr(&output)
        );
    }

    // A partial that is a pipe is refused as well, by the template including it.
    empty();
    std::fs::write(&signature, "{% include \"part.html\" %}\n").unwrap();
    mkfifo(&tpl.join("part.html"));
    let output = run_bounded(dir.path(), &RENDER);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("template `part.html` is a named pipe, not a template file"),
        "{}",
        stderr(&output)
    );
}

/// A file the user running unionplan cannot read: as root every file can be read, so the
/// renders run as nobody then.
#[test]
fn an_unreadable_file_named_like_a_template_is_an_error() {
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::Permissions::from_mode;
    let dir = plans_folder();
    std::fs::set_permissions(dir.path(), mode(0o755)).unwrap();
    // A link into a folder that cannot be entered, and a file that cannot be read.
    let link = dir.path().join("link");
    std::fs::create_dir_all(link.join("locked")).unwrap();
    std::fs::write(link.join("locked/signature.txt"), "mine\n").unwrap();
    symlink("locked/signature.txt", link.join("signature.txt")).unwrap();
    let file = dir.path().join("file");
    std::fs::create_dir(&file).unwrap();
    std::fs::write(file.join("signature.txt"), "mine\n").unwrap();
    std::fs::set_permissions(link.join("locked"), mode(0)).unwrap();
    std::fs::set_permissions(file.join("signature.txt"), mode(0)).unwrap();

    let run = |args: &[&str]| unprivileged_in(dir.path(), args).output();
    match run(&["render", "plans/annual-plan.yaml", "-f", "txt"]) {
        Ok(out) if out.status.success() => {}
        other => {
            skip(
                "an_unreadable_file_named_like_a_template_is_an_error",
                &format!("cannot run as another user ({other:?})"),
                "CI runs as root, with setpriv",
            );
            return;
        }
    }
    for folder in ["link", "file"] {
        let args = [
            "render",
            "plans/annual-plan.yaml",
            "-f",
            "txt",
            "--templates",
            folder,
        ];
        let output = run(&args).unwrap();
        let text = stderr(&output);
        assert_eq!(output.status.code(), Some(1), "{folder}: {text}");
        // What follows is the system's reason.
        line_starting(format!(
            "error: template `{folder}/signature.txt`: cannot be read: "
        ))
        .check("standard error", &text);
    }
    std::fs::set_permissions(link.join("locked"), mode(0o755)).unwrap();
}

#[test]
fn eject_counts_any_entry_in_the_way_and_replaces_links_themselves() {
    let dir = tempfile::tempdir().unwrap();
    let tpl = dir.path().join("tpl");
    std::fs::create_dir(&tpl).unwrap();
    let outside = dir.path().join("outside.html");
    std::fs::write(&outside, "kept\n").unwrap();
    symlink("gone.html", tpl.join("plan.html")).unwrap();
    symlink("../outside.html", tpl.join("page.html")).unwrap();
    mkfifo(&tpl.join("node.html"));
    std::fs::create_dir(tpl.join("print.css")).unwrap();

    let eject = run_bounded(dir.path(), &["templates", "eject", "tpl"]);
    let text = stderr(&eject);
    assert_eq!(eject.status.code(), Some(2), "{text}");
    for name in ["plan.html", "page.html", "node.html", "print.css"] {
        assert!(text.contains(name), "{name}: {text}");
    }
    assert!(!tpl.join("signature.html").exists(), "nothing is written");
    assert_eq!(
        std::fs::read_link(tpl.join("plan.html")).unwrap(),
        Path::new("gone.html")
    );

    let forced = run_bounded(dir.path(), &["templates", "eject", "tpl", "--force"]);
    assert_eq!(forced.status.code(), Some(2), "a folder is not replaced");
    assert!(stderr(&forced).contains("print.css"), "{}", stderr(&forced));
    assert!(!tpl.join("signature.html").exists(), "nothing is written");

    std::fs::remove_dir(tpl.join("print.css")).unwrap();
    let forced = run_bounded(dir.path(), &["templates", "eject", "tpl", "--force"]);
    assert_eq!(forced.status.code(), Some(0), "{}", stderr(&forced));
    for name in ["plan.html", "page.html", "node.html"] {
        let meta = std::fs::symlink_metadata(tpl.join(name)).unwrap();
        assert!(meta.file_type().is_file(), "{name} is a file now");
        let text = std::fs::read_to_string(tpl.join(name)).unwrap();
        assert!(text.starts_with("{# Ejected from unionplan"), "{name}");
    }
    assert_eq!(
        std::fs::read_to_string(&outside).unwrap(),
        "kept\n",
        "nothing is written through a link"
    );
    assert!(!dir.path().join("gone.html").exists());
}

fn example(name: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("examples")
        .join(name)
}

/// Puts `contents` at `path` in one step, as editors that save by renaming do, so that the
/// watcher never sees half a file however loaded the machine is.
fn put(path: &Path, contents: &[u8]) {
    let temp = path.parent().unwrap().parent().unwrap().join(".incoming");
    std::fs::write(&temp, contents).unwrap();
    std::fs::rename(&temp, path).unwrap();
}

/// Puts an example plan at `path`.
fn put_example(name: &str, path: &Path) {
    put(path, &std::fs::read(example(name)).unwrap());
}

/// Changes the text of a plan.
fn edit(plan: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(plan).unwrap();
    assert!(text.contains(from));
    put(plan, text.replace(from, to).as_bytes());
}

const WATCH_FOLDER: [&str; 7] = [
    "render",
    "plans",
    "--out-dir",
    "out",
    "-f",
    "txt",
    "--watch",
];

#[test]
fn watch_renders_a_plan_added_to_the_folder() {
    let dir = plans_folder();
    std::fs::remove_file(dir.path().join("plans/half-year-summary.yaml")).unwrap();
    let mut watcher = Watcher::start(dir.path(), &WATCH_FOLDER);
    watcher.wait_for("watching 2 plans; Ctrl-C to stop");
    put_example(
        "half-year-summary.yaml",
        &dir.path().join("plans/half-year-summary.yaml"),
    );
    let before = watcher.wait_for("rendered plans/half-year-summary.yaml");
    assert!(before.is_empty(), "{before:?}");
    let out = std::fs::read_to_string(dir.path().join("out/half-year-summary.txt")).unwrap();
    assert!(out.contains("半年"), "{out}");
    let (after, clean) = watcher.interrupt();
    assert!(clean, "{after:?}");
}

#[test]
fn watch_says_a_plan_that_fails_failed() {
    let dir = plans_folder();
    let plan = dir.path().join("plans/annual-plan.yaml");
    let mut watcher = Watcher::start(dir.path(), &WATCH_FOLDER);
    watcher.wait_for("watching 3 plans; Ctrl-C to stop");
    put(&plan, b"title: [\n");
    let before = watcher.wait_for("failed plans/annual-plan.yaml");
    assert!(
        before
            .iter()
            .any(|line| line.starts_with("error: plans/annual-plan.yaml:")),
        "{before:?}"
    );
    assert!(
        !before.iter().any(|line| line.starts_with("rendered")),
        "{before:?}"
    );
    put_example("annual-plan.yaml", &plan);
    watcher.wait_for("rendered plans/annual-plan.yaml");
    let (after, clean) = watcher.interrupt();
    assert!(clean, "{after:?}");
}

#[test]
fn watch_reports_a_deleted_plan_once_and_renders_it_when_it_is_back() {
    let dir = plans_folder();
    let plan = dir.path().join("plans/hospital-plan.yaml");
    let mut watcher = Watcher::start(dir.path(), &WATCH_FOLDER);
    watcher.wait_for("watching 3 plans; Ctrl-C to stop");
    std::fs::remove_file(&plan).unwrap();
    let before = watcher.wait_for("removed plans/hospital-plan.yaml");
    assert!(before.is_empty(), "{before:?}");
    // Something else changes, so that the watcher looks again: not a word of the plan gone.
    edit(
        &dir.path().join("plans/annual-plan.yaml"),
        "城东中学工会将",
        "城东中学工会要",
    );
    let between = watcher.wait_for("rendered plans/annual-plan.yaml");
    assert!(between.is_empty(), "{between:?}");
    assert!(
        dir.path().join("out/hospital-plan.txt").is_file(),
        "its output is left in place"
    );
    put_example("hospital-plan.yaml", &plan);
    let between = watcher.wait_for("rendered plans/hospital-plan.yaml");
    assert!(between.is_empty(), "{between:?}");
    let (after, clean) = watcher.interrupt();
    assert!(clean, "{after:?}");
    assert!(after.iter().all(|l| !l.starts_with("removed")), "{after:?}");
}

#[test]
fn watch_reports_a_deleted_plan_named_on_the_command_line() {
    let dir = plans_folder();
    let plan = dir.path().join("plans/annual-plan.yaml");
    let mut watcher = Watcher::start(
        dir.path(),
        &[
            "render",
            "plans/annual-plan.yaml",
            "-o",
            "out.txt",
            "--watch",
        ],
    );
    watcher.wait_for("watching 1 plan; Ctrl-C to stop");
    std::fs::remove_file(&plan).unwrap();
    let before = watcher.wait_for("removed plans/annual-plan.yaml");
    assert!(before.is_empty(), "{before:?}");
    let text = std::fs::read_to_string(example("annual-plan.yaml"))
        .unwrap()
        .replace("城东中学工会将", "城东中学工会要");
    put(&plan, text.as_bytes());
    let between = watcher.wait_for("rendered plans/annual-plan.yaml");
    assert!(between.is_empty(), "{between:?}");
    assert!(std::fs::read_to_string(dir.path().join("out.txt"))
        .unwrap()
        .contains("城东中学工会要"));
    assert!(watcher.interrupt().1);
}

#[test]
fn watch_follows_a_plans_folder_deleted_and_made_anew() {
    let dir = plans_folder();
    let plans = dir.path().join("plans");
    let annual = plans.join("annual-plan.yaml");
    let out = dir.path().join("out/annual-plan.txt");
    let mut watcher = Watcher::start(dir.path(), &WATCH_FOLDER);
    watcher.wait_for("watching 3 plans; Ctrl-C to stop");

    // Slowly: the watcher sees the folder gone, then back.
    std::fs::remove_dir_all(&plans).unwrap();
    watcher.wait_for("plans/ is gone; waiting for it to come back");
    std::fs::create_dir(&plans).unwrap();
    watcher.wait_for("plans/ is back; watching it again");
    put_example("annual-plan.yaml", &annual);
    watcher.wait_for("rendered plans/annual-plan.yaml");
    edit(&annual, "城东中学工会将", "城东中学工会要");
    watcher.wait_for_output("plans/annual-plan.yaml", &out, "城东中学工会要");

    // At once, as `git checkout` does: later edits are rendered still.
    std::fs::remove_dir_all(&plans).unwrap();
    std::fs::create_dir(&plans).unwrap();
    std::fs::copy(example("annual-plan.yaml"), &annual).unwrap();
    watcher.wait_for_output("plans/annual-plan.yaml", &out, "城东中学工会将");
    edit(&annual, "城东中学工会将", "城东中学工会必将");
    watcher.wait_for_output("plans/annual-plan.yaml", &out, "城东中学工会必将");
    assert!(watcher.interrupt().1);
}

#[test]
fn watch_follows_a_templates_folder_deleted_and_made_anew() {
    let dir = plans_folder();
    let tpl = dir.path().join("tpl");
    std::fs::create_dir(&tpl).unwrap();
    let signature = tpl.join("signature.txt");
    std::fs::write(&signature, "（一）\n").unwrap();
    let mut watcher = Watcher::start(
        dir.path(),
        &[
            "render",
            "plans/annual-plan.yaml",
            "-o",
            "out.txt",
            "--templates",
            "tpl",
            "--watch",
        ],
    );
    watcher.wait_for("watching 1 plan; Ctrl-C to stop");
    let out = dir.path().join("out.txt");
    assert!(std::fs::read_to_string(&out).unwrap().contains("（一）"));
    let plan = "plans/annual-plan.yaml";

    std::fs::remove_dir_all(&tpl).unwrap();
    watcher.wait_for("tpl/ is gone; waiting for it to come back");
    std::fs::create_dir(&tpl).unwrap();
    watcher.wait_for("tpl/ is back; watching it again");
    put(&signature, "（二）\n".as_bytes());
    watcher.wait_for_output(plan, &out, "（二）");

    // At once.
    std::fs::remove_dir_all(&tpl).unwrap();
    std::fs::create_dir(&tpl).unwrap();
    std::fs::write(&signature, "（三）\n").unwrap();
    watcher.wait_for_output(plan, &out, "（三）");
    put(&signature, "（四）\n".as_bytes());
    watcher.wait_for_output(plan, &out, "（四）");
    assert!(watcher.interrupt().1);
}
