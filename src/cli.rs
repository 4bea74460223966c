//! The command line: clap types whose doc comments are the help text. No I/O, no logic.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

pub use crate::format::Format;
pub use crate::messages::Lang;

/// Turn a YAML trade-union work plan (工会工作计划) into the finished document.
#[derive(Debug, Parser)]
#[command(name = "unionplan", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,

    /// The language of messages, zh (简体中文) or en [default: UNIONPLAN_LANG, else the
    /// locale's]
    #[arg(
        long,
        global = true,
        value_enum,
        value_name = "LANG",
        hide_possible_values = true
    )]
    pub lang: Option<Lang>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Render a plan to Markdown, HTML, plain text or a Word document.
    Render(RenderArgs),
    /// Check plans without rendering: every problem in every file, with its line and column.
    Check(CheckArgs),
    /// Print the JSON Schema of the plan format, for editors' YAML support.
    Schema,
    /// List, show or eject the built-in templates, to make your own.
    Templates(TemplatesArgs),
    /// Turn last year's plan (text, Markdown, Word or a saved web page) into a plan file.
    Import(ImportArgs),
    /// Start a plan file: the standard sections, ×× where your words go, a note on each key.
    Init(InitArgs),
    /// Draft the next period's plan from this one: years, period and date moved on.
    Next(NextArgs),
    /// Draft the summary (总结) of a plan's period, its sections and key items as headings.
    Summary(SummaryArgs),
}

#[derive(Debug, clap::Args)]
pub struct ImportArgs {
    /// The document to read; `-` reads standard input.
    #[arg(value_name = "DOCUMENT")]
    pub document: PathBuf,

    /// Write the plan to FILE instead of standard output; with --split, a folder.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// The language of the plan's keys.
    #[arg(long, value_enum, default_value_t = KeyNames::Zh)]
    pub keys: KeyNames,

    /// The document's format [default: from its extension, else from its contents].
    #[arg(long, value_enum)]
    pub from: Option<SourceFormat>,

    /// Write every document of a page holding several, one plan each, into the folder -o.
    #[arg(long, requires = "output")]
    pub split: bool,
}

#[derive(Debug, clap::Args)]
pub struct InitArgs {
    /// The file to write [default: 计划.yaml, or plan.yaml with --keys en]; `-` prints it.
    #[arg(value_name = "FILE")]
    pub file: Option<PathBuf>,

    /// The span the plan covers.
    #[arg(long, value_enum, default_value_t = PeriodName::Year)]
    pub period: PeriodName,

    /// A plan or a summary.
    #[arg(long, value_enum, default_value_t = KindName::Plan)]
    pub kind: KindName,

    /// The language of the plan's keys (and of the notes on them).
    #[arg(long, value_enum, default_value_t = KeyNames::Zh)]
    pub keys: KeyNames,

    /// The issuing union (单位), e.g. 城东中学工会 [default: ××工会, to fill in].
    #[arg(long, value_name = "单位")]
    pub org: Option<String>,

    /// The plan's year (年度); for a term or a school year, the year the school year starts
    /// [default: next year, or this year for a spring term: the period that starts next year].
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(i32).range(1900..=2200))]
    pub year: Option<i32>,

    /// Overwrite FILE if it exists.
    #[arg(long)]
    pub force: bool,
}

/// The periods a plan covers, as `init` takes them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PeriodName {
    /// 全年
    #[value(alias = "全年")]
    Year,
    /// 上半年 (January–June)
    #[value(alias = "上半年")]
    FirstHalf,
    /// 下半年 (July–December)
    #[value(alias = "下半年")]
    SecondHalf,
    /// 上学期 (September–January)
    #[value(alias = "上学期")]
    AutumnTerm,
    /// 下学期 (February–July)
    #[value(alias = "下学期")]
    SpringTerm,
    /// 学年 (September–August)
    #[value(alias = "学年")]
    SchoolYear,
}

/// A plan or a summary, as `init` takes them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum KindName {
    /// 工作计划
    #[value(alias = "计划")]
    Plan,
    /// 工作总结
    #[value(alias = "总结")]
    Summary,
}

#[derive(Debug, clap::Args)]
pub struct SummaryArgs {
    /// The plan whose period the summary is of; `-` reads standard input.
    #[arg(value_name = "PLAN")]
    pub plan: PathBuf,

    /// Write the draft to FILE instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Overwrite FILE if it exists (a summary being written is never replaced unasked).
    #[arg(long)]
    pub force: bool,
}

/// The language of an imported plan's keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum KeyNames {
    /// 单位, 正文, 事项 …
    Zh,
    /// organization, sections, items …
    En,
}

/// The formats `import` reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SourceFormat {
    /// Plain text
    Txt,
    /// Markdown
    Md,
    /// A Word document
    Docx,
    /// A saved web page
    Html,
}

#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// Plan files (YAML), or folders holding them (*.yaml, *.yml); `-` reads standard input.
    #[arg(value_name = "PLAN", required = true)]
    pub plans: Vec<PathBuf>,

    /// Treat warnings (placeholders, festivals in the wrong month, …) as errors, as CI should.
    #[arg(long)]
    pub strict: bool,

    /// How to print problems: for people, or one JSON object per line for editors and CI.
    #[arg(long, value_enum, default_value_t = ReportFormat::Human)]
    pub format: ReportFormat,

    /// Put VALUE in place of the plan's at PATH, e.g. `--set 单位=城东中学工会` or
    /// `--set 落款.日期=2027-01-05`: keys in either language, list entries counted from 1
    /// (`正文.2.标题`). Repeatable.
    #[arg(long = "set", value_name = "PATH=VALUE")]
    pub set: Vec<String>,

    /// One plan per member union: a CSV table (UTF-8, or GBK as Excel saves it) or a YAML
    /// list, whose columns are paths as for --set, and a 文件名 (file) column naming each
    /// output (else its 单位).
    #[arg(long, value_name = "MEMBERS")]
    pub each: Option<std::path::PathBuf>,
}

/// How `check` prints problems.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    /// `path:line:col: severity: message`, the line quoted, a caret and a hint
    Human,
    /// One JSON object per problem, one per line
    Json,
}

#[derive(Debug, clap::Args)]
pub struct RenderArgs {
    /// Plan files (YAML), or folders holding them (*.yaml, *.yml); `-` reads standard input.
    #[arg(value_name = "PLAN", required = true)]
    pub plans: Vec<PathBuf>,

    /// Output formats, comma-separated (md,html,txt) [default: from -o's extension, else md].
    #[arg(short, long, value_enum, value_delimiter = ',')]
    pub format: Vec<Format>,

    /// Write to FILE instead of standard output (atomically: a failed render leaves it as it was).
    #[arg(short, long, value_name = "FILE", conflicts_with = "out_dir")]
    pub output: Option<PathBuf>,

    /// Write each plan to DIR/<name>.<ext>; needed for several plans or formats.
    #[arg(long, value_name = "DIR")]
    pub out_dir: Option<PathBuf>,

    /// Write nothing; exit 1 listing every output that is missing or stale, with a diff.
    #[arg(long, conflicts_with = "watch")]
    pub check: bool,

    /// Render again whenever a plan changes, until Ctrl-C.
    #[arg(long)]
    pub watch: bool,

    /// Put VALUE in place of the plan's at PATH, e.g. `--set 单位=城东中学工会` or
    /// `--set 落款.日期=2027-01-05`: keys in either language, list entries counted from 1
    /// (`正文.2.标题`). Repeatable.
    #[arg(long = "set", value_name = "PATH=VALUE")]
    pub set: Vec<String>,

    /// One plan per member union: a CSV table (UTF-8, or GBK as Excel saves it) or a YAML
    /// list, whose columns are paths as for --set, and a 文件名 (file) column naming each
    /// output (else its 单位).
    #[arg(long, value_name = "MEMBERS")]
    pub each: Option<std::path::PathBuf>,

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

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    /// clap's own check of the definition: conflicting names, arguments that cannot be
    /// given, defaults outside their value set.
    #[test]
    fn the_command_line_is_well_formed() {
        super::Cli::command().debug_assert();
    }
}

#[derive(Debug, clap::Args)]
pub struct NextArgs {
    /// The plan to draft from; `-` reads standard input.
    #[arg(value_name = "PLAN")]
    pub plan: PathBuf,

    /// Write the draft to FILE instead of standard output (never onto the plan itself).
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Overwrite FILE if it exists (a plan being written is never replaced unasked).
    #[arg(long)]
    pub force: bool,
}
