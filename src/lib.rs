//! unionplan turns a YAML definition of a trade-union work plan (工会工作计划) into the
//! finished document.
//!
//! The pipeline runs one way, each stage in its own module:
//!
//! ```text
//! load (bytes → text → model) ─► validate (every semantic error; lint's warnings)
//!   ─► view (numbering, labels, titles, dates; cannot fail on a valid plan)
//!   ─► templates (minijinja, one per format; a user's folder over the built-ins) or docx
//!   ─► output (atomic files, devices, or the command's streams)
//! ```
//!
//! The modules depend one way, each on those before it; `text`, `file_kind` and `error` are at the bottom,
//! `calendar` (what a period spans) and `suggest` (did you mean) serve every stage after the
//! model. A test of the source tree refuses a cycle.
//!
//! [`run`] is the whole program; [`run_with`] is the same with its output and messages
//! written where it is told, so that tests can drive it in-process.

/// Prints a line of messages to a command's [`output::Streams`] (standard error): never a
/// panic, and a closed stream is no reason to stop.
macro_rules! note {
    ($io:expr, $($arg:tt)*) => {
        $io.note(format_args!($($arg)*))
    };
}

/// Prints to a command's output (standard output), as [`note!`] does to its messages (`| head`
/// is not an error).
macro_rules! say {
    ($io:expr, $($arg:tt)*) => {
        $io.say(format_args!($($arg)*))
    };
}

pub mod batch;
pub mod calendar;
pub mod cli;
mod cmd;
pub mod docx;
pub mod draft;
pub mod error;
pub mod file_kind;
pub mod format;
pub mod import;
pub mod lint;
pub mod load;
pub mod messages;
pub mod model;
pub mod numerals;
pub mod output;
pub mod render;
pub mod schema;
pub mod suggest;
pub mod templates;
pub mod text;
pub mod validate;
pub mod view;
pub mod watch;

use std::io::Write;
use std::process::ExitCode;

pub use error::Error;

/// Reads the command line. One that clap refuses, or `--help` and `--version`, is answered
/// here, in the language it asks for (`--lang` is read before the rest), and what comes back
/// is the exit code.
pub fn parse(args: Vec<std::ffi::OsString>) -> Result<cli::Cli, ExitCode> {
    use clap::Parser;
    cli::Cli::try_parse_from(&args).map_err(|err| {
        let lang = cmd::line::lang_of(&args, |name| std::env::var(name).ok());
        match cmd::line::refusal(&err, lang) {
            Some(text) => {
                let _ = std::io::stderr().write_all(text.as_bytes());
                ExitCode::from(2)
            }
            None => {
                let _ = err.print();
                ExitCode::from(u8::try_from(err.exit_code()).unwrap_or(2))
            }
        }
    })
}

/// Runs one command line, its output on standard output and its messages on standard error.
pub fn run(cli: cli::Cli) -> Result<ExitCode, Error> {
    let lang = cli
        .lang
        .unwrap_or_else(|| messages::Lang::from_env(|name| std::env::var(name).ok()));
    messages::set_lang(lang);
    let (mut out, mut err) = (std::io::stdout(), std::io::stderr());
    let io = output::Streams::new(&mut out, &mut err)
        .terminal(|| std::io::IsTerminal::is_terminal(&std::io::stdout()));
    execute(&cli, &io)
}

/// Runs one command line, its output and messages written to `out` and `err` (never a
/// terminal), its messages in the language `--lang` names, else in English: the
/// environment is the caller's, not the command's. The error returned is for the caller to
/// print.
pub fn run_with(
    cli: cli::Cli,
    out: &mut (impl Write + Send),
    err: &mut (impl Write + Send),
) -> Result<ExitCode, Error> {
    messages::set_lang(cli.lang.unwrap_or(messages::Lang::En));
    execute(&cli, &output::Streams::new(out, err))
}

fn execute(cli: &cli::Cli, io: &output::Streams) -> Result<ExitCode, Error> {
    match &cli.command {
        cli::Command::Render(args) => cmd::render::execute(args, io),
        cli::Command::Check(args) => cmd::check::execute(args, io),
        cli::Command::Schema => cmd::schema::execute(io).map(|()| ExitCode::SUCCESS),
        cli::Command::Import(args) => cmd::import::execute(args, io).map(|()| ExitCode::SUCCESS),
        cli::Command::Init(args) => cmd::init::execute(args, io).map(|()| ExitCode::SUCCESS),
        cli::Command::Summary(args) => cmd::summary::execute(args, io).map(|()| ExitCode::SUCCESS),
        cli::Command::Next(args) => cmd::next::execute(args, io).map(|()| ExitCode::SUCCESS),
        cli::Command::Templates(args) => {
            cmd::templates::execute(args, io).map(|()| ExitCode::SUCCESS)
        }
    }
}
