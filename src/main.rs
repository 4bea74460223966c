use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = unionplan::cli::Cli::parse();
    match unionplan::run(cli) {
        Ok(code) => code,
        Err(err) => {
            match &err {
                unionplan::Error::Invalid { .. } => eprintln!("{err}"),
                _ => eprintln!("error: {err}"),
            }
            ExitCode::from(if err.is_usage() { 2 } else { 1 })
        }
    }
}
