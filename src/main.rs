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
                _ => {
                    let severity = unionplan::error::Severity::Error.word();
                    let line = unionplan::msg!(
                        "diagnostic-whole",
                        severity = severity,
                        message = err.to_string()
                    );
                    writeln!(std::io::stderr(), "{line}")
                }
            };
            ExitCode::from(if err.is_usage() { 2 } else { 1 })
        }
    }
}
