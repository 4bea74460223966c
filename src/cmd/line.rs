//! The command line as read: the language it asks for, known before it is parsed, and
//! clap's refusals of it said in that language.

use std::ffi::OsString;

use clap::error::{ContextKind, ContextValue, ErrorKind};

use crate::messages::{Lang, Message};
use crate::msg;

/// The language of the run's messages: `--lang` (or `--lang=`) among the arguments before a
/// `--`, else the environment's. Read from the raw arguments, so that a command line clap
/// refuses is refused in that language too.
pub fn lang_of(args: &[OsString], var: impl Fn(&str) -> Option<String>) -> Lang {
    let mut args = args.iter().skip(1).map(|a| a.to_string_lossy());
    while let Some(arg) = args.next() {
        let asked = match arg.as_ref() {
            "--" => break,
            "--lang" => args.next().map(|v| v.into_owned()),
            other => other.strip_prefix("--lang=").map(str::to_owned),
        };
        if let Some(lang) = asked.as_deref().and_then(Lang::named) {
            return lang;
        }
    }
    Lang::from_env(var)
}

/// What to print for a command line clap refused, in `lang`: clap's own text for help,
/// the version and in English; in Chinese, words of ours built from what clap found.
pub fn refusal(err: &clap::Error, lang: Lang) -> Option<String> {
    if lang == Lang::En
        || matches!(
            err.kind(),
            ErrorKind::DisplayHelp | ErrorKind::DisplayVersion
        )
    {
        return None;
    }
    // With no subcommand, clap shows the help (to standard error): it is help still.
    if err.kind() == ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand {
        return None;
    }
    let mut lines = vec![crate::error::error_line(problem(err)).say(lang)];
    if let Some(tip) = tip(err) {
        lines.push(String::new());
        lines.push(format!("  {}", msg!("cli-tip", tip = tip).say(lang)));
    }
    if let Some(usage) = text(err, ContextKind::Usage) {
        let usage = usage.trim();
        let usage = usage.strip_prefix("Usage:").unwrap_or(usage).trim();
        lines.push(String::new());
        lines.push(msg!("cli-usage", usage = usage).say(lang));
    }
    lines.push(String::new());
    lines.push(msg!("cli-more").say(lang));
    Some(lines.join("\n") + "\n")
}

/// What is wrong with the command line.
fn problem(err: &clap::Error) -> Message {
    let arg = text(err, ContextKind::InvalidArg).unwrap_or_default();
    match err.kind() {
        ErrorKind::UnknownArgument => msg!("cli-unknown-argument", arg = arg),
        ErrorKind::InvalidSubcommand => msg!(
            "cli-unknown-subcommand",
            name = text(err, ContextKind::InvalidSubcommand).unwrap_or_default()
        ),
        ErrorKind::InvalidValue => {
            let value = text(err, ContextKind::InvalidValue).unwrap_or_default();
            let valid = list(err, ContextKind::ValidValue);
            match (value.is_empty(), valid.is_empty()) {
                (true, _) => msg!("cli-missing-value", arg = arg),
                (false, true) => msg!("cli-invalid-value", value = value, arg = arg),
                (false, false) => msg!(
                    "cli-invalid-value-of",
                    value = value,
                    arg = arg,
                    values = quoted(valid)
                ),
            }
        }
        ErrorKind::MissingRequiredArgument => {
            msg!(
                "cli-missing-argument",
                args = quoted(list(err, ContextKind::InvalidArg))
            )
        }
        ErrorKind::MissingSubcommand => msg!("cli-missing-subcommand"),
        ErrorKind::ArgumentConflict => match text(err, ContextKind::PriorArg) {
            // clap says an option given twice conflicts with itself.
            Some(other) if other == arg => msg!("cli-repeated", arg = arg),
            other => msg!("cli-conflict", arg = arg, other = other.unwrap_or_default()),
        },
        ErrorKind::NoEquals => msg!("cli-no-equals", arg = arg),
        ErrorKind::TooManyValues | ErrorKind::WrongNumberOfValues | ErrorKind::TooFewValues => {
            msg!("cli-values-count", arg = arg)
        }
        ErrorKind::InvalidUtf8 => msg!("cli-not-utf8"),
        // What clap says of the rest is quoted: its words, not ours.
        _ => {
            let said = err.render().to_string();
            let first = said.lines().next().unwrap_or_default();
            let first = first.strip_prefix("error: ").unwrap_or(first);
            msg!("cli-other", detail = first)
        }
    }
}

/// The name clap found close to a misspelt one: an option, a subcommand or a value.
fn tip(err: &clap::Error) -> Option<Message> {
    let suggested = [
        ContextKind::SuggestedArg,
        ContextKind::SuggestedSubcommand,
        ContextKind::SuggestedValue,
    ]
    .into_iter()
    .find_map(|kind| list(err, kind).into_iter().next())?;
    Some(msg!("did-you-mean", name = suggested))
}

fn text(err: &clap::Error, kind: ContextKind) -> Option<String> {
    match err.get(kind)? {
        ContextValue::String(s) => Some(s.clone()),
        ContextValue::StyledStr(s) => Some(s.to_string()),
        ContextValue::Strings(v) => v.first().cloned(),
        ContextValue::StyledStrs(v) => v.first().map(|s| s.to_string()),
        ContextValue::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

fn list(err: &clap::Error, kind: ContextKind) -> Vec<String> {
    match err.get(kind) {
        Some(ContextValue::Strings(v)) => v.clone(),
        Some(ContextValue::StyledStrs(v)) => v.iter().map(|s| s.to_string()).collect(),
        Some(ContextValue::String(s)) => vec![s.clone()],
        Some(ContextValue::StyledStr(s)) => vec![s.to_string()],
        _ => Vec::new(),
    }
}

fn quoted(items: Vec<String>) -> Vec<String> {
    items.into_iter().map(|i| format!("`{i}`")).collect()
}

#[cfg(test)]
mod tests {
    use clap::Parser;

    use super::*;
    use crate::cli::Cli;

    fn args(line: &[&str]) -> Vec<OsString> {
        line.iter().map(OsString::from).collect()
    }

    #[test]
    fn the_language_is_read_before_the_line_is_parsed() {
        let none = |_: &str| None;
        let zh = |name: &str| (name == "LANG").then(|| "zh_CN.UTF-8".to_owned());
        assert_eq!(lang_of(&args(&["u", "--lang", "zh", "x"]), none), Lang::Zh);
        assert_eq!(lang_of(&args(&["u", "check", "--lang=zh"]), none), Lang::Zh);
        assert_eq!(lang_of(&args(&["u", "--lang", "en"]), zh), Lang::En);
        assert_eq!(lang_of(&args(&["u", "--", "--lang", "en"]), zh), Lang::Zh);
        assert_eq!(lang_of(&args(&["u", "--lang", "fr"]), zh), Lang::Zh);
        assert_eq!(lang_of(&args(&["u", "check"]), none), Lang::En);
    }

    #[test]
    fn clap_refusals_are_said_in_chinese() {
        let err = Cli::try_parse_from(["unionplan", "check", "--stirct", "p.yaml"]).unwrap_err();
        assert_eq!(refusal(&err, Lang::En), None);
        assert_eq!(
            refusal(&err, Lang::Zh).unwrap(),
            "错误：未知的参数 `--stirct`\n\n  提示：是不是要写 `--strict`？\n\n\
             用法：unionplan check --strict <PLAN>...\n\n更多信息请运行 `--help`。\n"
        );
        let err = Cli::try_parse_from(["unionplan", "render", "-f", "pdf", "p"]).unwrap_err();
        let said = refusal(&err, Lang::Zh).unwrap();
        assert!(
            said.starts_with(
                "错误：`--format <FORMAT>` 的值 `pdf` 无效，可用的值：`md`、`html`、`txt`、`json`、`docx`\n"
            ),
            "{said}"
        );
        let err = Cli::try_parse_from(["unionplan", "--help"]).unwrap_err();
        assert_eq!(refusal(&err, Lang::Zh), None);
    }
}
