//! unionplan turns a YAML definition of a trade-union work plan (工会工作计划) into the
//! finished document.
//!
//! The pipeline runs one way, each stage in its own module:
//!
//! ```text
//! load (bytes → text → model) ─► view (numbering, labels, titles, dates)
//!   ─► templates (minijinja, one per format; a user's folder over the built-ins)
//!   ─► output (atomic files or stdout)
//! ```
//!
//! [`run`] is the whole program, so tests can drive it in-process.

/// Prints a line to standard error. A stream that is closed (`2>&1 | head`) is not a reason
/// to stop, and never a panic, as `eprintln!` would make it: what is said there is for a
/// reader who has gone.
macro_rules! note {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stderr(), $($arg)*);
    }};
}

/// Prints to standard output, as [`note!`] does to standard error (`| head` is not an error).
macro_rules! say {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = write!(std::io::stdout(), $($arg)*);
    }};
}

pub mod batch;
pub mod cli;
mod cmd;
pub mod docx;
pub mod error;
pub mod file_kind;
pub mod format;
pub mod lint;
pub mod load;
pub mod model;
pub mod numerals;
pub mod output;
pub mod render;
pub mod schema;
pub mod templates;
pub mod validate;
pub mod view;
pub mod watch;

use std::process::ExitCode;

pub use error::Error;

/// Runs one command line.
pub fn run(cli: cli::Cli) -> Result<ExitCode, Error> {
    match &cli.command {
        cli::Command::Render(args) => cmd::render::execute(args),
        cli::Command::Check(args) => cmd::check::execute(args),
        cli::Command::Schema => cmd::schema::execute().map(|()| ExitCode::SUCCESS),
        cli::Command::Templates(args) => cmd::templates::execute(args).map(|()| ExitCode::SUCCESS),
    }
}
