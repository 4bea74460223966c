//! The command line: clap types whose doc comments are the help text. No I/O, no logic.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

/// Turn a YAML trade-union work plan (工会工作计划) into the finished document.
#[derive(Debug, Parser)]
#[command(name = "unionplan", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Render a plan to Markdown, HTML or plain text.
    Render(RenderArgs),
    /// List, show or eject the built-in templates, to make your own.
    Templates(TemplatesArgs),
}

#[derive(Debug, clap::Args)]
pub struct RenderArgs {
    /// The plan file (YAML); `-` reads standard input.
    #[arg(value_name = "PLAN")]
    pub plan: PathBuf,

    /// Output format [default: from -o's extension, else md].
    #[arg(short, long, value_enum)]
    pub format: Option<Format>,

    /// Write to FILE instead of standard output (atomically: a failed render leaves it as it was).
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// A folder of templates: a file there replaces the built-in of the same name, and other
    /// files can be included from them.
    #[arg(long, value_name = "DIR")]
    pub templates: Option<PathBuf>,
}

#[derive(Debug, clap::Args)]
pub struct TemplatesArgs {
    #[command(subcommand)]
    pub command: TemplatesCommand,
}

#[derive(Debug, Subcommand)]
pub enum TemplatesCommand {
    /// List the built-in templates, and which of them a folder replaces.
    List {
        /// The folder of templates to compare with the built-ins.
        #[arg(long, value_name = "DIR")]
        templates: Option<PathBuf>,
    },
    /// Print the source of a template.
    Show {
        /// The template's name, as `templates list` gives it (e.g. `signature.html`).
        name: String,
        /// Show the template as this folder makes it: its own file where it has one.
        #[arg(long, value_name = "DIR")]
        templates: Option<PathBuf>,
    },
    /// Write the built-in templates into a folder, to edit and use with `render --templates`.
    Eject {
        /// The folder to write into; it is created if missing.
        dir: PathBuf,
        /// Overwrite templates already in the folder.
        #[arg(long)]
        force: bool,
    },
}

/// An output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// CommonMark
    Md,
    /// One self-contained HTML5 page with a GB/T 9704 print stylesheet
    Html,
    /// Plain UTF-8 text indented with full-width spaces
    Txt,
    /// The render context that templates receive, as JSON
    Json,
}

impl Format {
    /// The format a file name's extension stands for.
    pub fn from_extension(ext: &str) -> Option<Format> {
        match ext.to_ascii_lowercase().as_str() {
            "md" | "markdown" => Some(Format::Md),
            "html" | "htm" => Some(Format::Html),
            "txt" | "text" => Some(Format::Txt),
            "json" => Some(Format::Json),
            _ => None,
        }
    }

    /// The name of the format's entry template.
    pub fn template(self) -> Option<&'static str> {
        match self {
            Format::Md => Some("plan.md"),
            Format::Html => Some("plan.html"),
            Format::Txt => Some("plan.txt"),
            Format::Json => None,
        }
    }
}
