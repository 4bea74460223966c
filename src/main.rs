use std::io::Write;
use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = unionplan::cli::Cli::parse();
    match unionplan::run(cli) {
        Ok(code) => code,
        Err(err) => {
            // Not eprintln!, which panics when standard error is a closed pipe.
            let _ = match &err {
                unionplan::Error::Invalid { .. } => writeln!(std::io::stderr(), "{err}"),
                _ => writeln!(std::io::stderr(), "error: {err}"),
            };
            ExitCode::from(if err.is_usage() { 2 } else { 1 })
        }
    }
}
