use std::io::Write;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = match unionplan::parse(std::env::args_os().collect()) {
        Ok(cli) => cli,
        Err(code) => return code,
    };
    match unionplan::run(cli) {
        Ok(code) => code,
        Err(err) => {
            // Not eprintln!, which panics when standard error is a closed pipe.
            let _ = match &err {
                unionplan::Error::Invalid { .. } => writeln!(std::io::stderr(), "{err}"),
                _ => {
                    let line = unionplan::error::error_line(err.message());
                    writeln!(std::io::stderr(), "{line}")
                }
            };
            ExitCode::from(err.exit_code())
        }
    }
}
