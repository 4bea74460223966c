//! The help text of every command, as a user sees it at a terminal 100 columns wide.

use clap::CommandFactory;

use super::test::{anything, Test};

/// The command paths below `command`, each with its own: `[]`, `["render"]`,
/// `["templates", "list"]`, … (clap's generated `help` subcommand aside).
fn command_paths(command: &clap::Command, path: Vec<String>, out: &mut Vec<Vec<String>>) {
    for sub in command.get_subcommands() {
        let mut path = path.clone();
        path.push(sub.get_name().to_owned());
        command_paths(sub, path, out);
    }
    out.push(path);
}

/// A new subcommand is covered without a word here: the paths come from the definition.
#[test]
fn every_command_has_its_help_pinned() {
    let mut paths = Vec::new();
    command_paths(&unionplan::cli::Cli::command(), Vec::new(), &mut paths);
    paths.sort();
    assert!(paths.len() > 5, "{paths:?}");
    for path in paths {
        let help = Test::new()
            .args(&path)
            .arg("--help")
            // clap wraps help to the terminal; a pipe has none, and COLUMNS says how wide.
            .env("COLUMNS", "100")
            .stdout(anything())
            .run()
            .stdout;
        let command: Vec<&str> = ["unionplan"]
            .into_iter()
            .chain(path.iter().map(String::as_str))
            .collect();
        let name = format!("help_{}", command.join("_"));
        let description = format!("{} --help", command.join(" "));
        insta::with_settings!({ snapshot_path => "../snapshots", prepend_module_to_snapshot => false, description => description, omit_expression => true }, {
            insta::assert_snapshot!(name, help);
        });
    }
}
