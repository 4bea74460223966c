//! Every sentence said to the user, in one catalogue per language: `en.ftl` and `zh-CN.ftl`,
//! in Project Fluent's format, so that a translator edits one file with the tools made for it.
//!
//! Code says what happened as a [`Message`], a stable code with its data; the words are
//! looked up only when the message is shown, in the language chosen once for the run
//! ([`set_lang`]). A test checks that both catalogues hold the same messages with the same
//! data, and that every code the program uses is in them.

use std::borrow::Cow;
use std::fmt;
use std::sync::atomic::{AtomicU8, Ordering};
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

/// A language messages are said in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Lang {
    /// English
    #[value(alias = "en-US", alias = "en_US")]
    En,
    /// 简体中文
    #[value(alias = "zh-CN", alias = "zh_CN")]
    Zh,
}

static LANG: AtomicU8 = AtomicU8::new(0);

/// The language of the run's messages.
pub fn lang() -> Lang {
    match LANG.load(Ordering::Relaxed) {
        1 => Lang::Zh,
        _ => Lang::En,
    }
}

/// Chooses the language of every message said from now on.
pub fn set_lang(lang: Lang) {
    LANG.store(lang as u8, Ordering::Relaxed);
}

impl Lang {
    /// The language asked for by `UNIONPLAN_LANG`, else the locale's: `LC_ALL`, else
    /// `LC_MESSAGES`, else `LANG` (the first that is set and not empty, as POSIX reads
    /// them); on Windows, the user's display language. Chinese when it starts with `zh`.
    pub fn from_env(var: impl Fn(&str) -> Option<String>) -> Lang {
        if let Some(asked) = var("UNIONPLAN_LANG").and_then(|v| Lang::named(&v)) {
            return asked;
        }
        let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
            .into_iter()
            .filter_map(&var)
            .find(|v| !v.is_empty())
            .or_else(system_locale);
        match locale {
            Some(locale) if locale.to_ascii_lowercase().starts_with("zh") => Lang::Zh,
            _ => Lang::En,
        }
    }

    /// `zh`, `zh-CN`, `zh_CN.UTF-8`, `en`, `en_US`… as a language, if it is one of ours.
    pub fn named(name: &str) -> Option<Lang> {
        let name = name.trim().to_ascii_lowercase();
        if name.starts_with("zh") {
            Some(Lang::Zh)
        } else if name.starts_with("en") || name == "c" || name.starts_with("c.") || name == "posix"
        {
            Some(Lang::En)
        } else {
            None
        }
    }

    fn catalogue(self) -> &'static str {
        match self {
            Lang::En => include_str!("en.ftl"),
            Lang::Zh => include_str!("zh-CN.ftl"),
        }
    }

    fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh-CN",
        }
    }

    /// How the items of a list are joined.
    fn list_separator(self) -> &'static str {
        match self {
            Lang::En => ", ",
            Lang::Zh => "、",
        }
    }
}

#[cfg(windows)]
fn system_locale() -> Option<String> {
    sys_locale::get_locale()
}

/// Elsewhere the locale is what the environment says, and nothing more.
#[cfg(not(windows))]
fn system_locale() -> Option<String> {
    None
}

/// Something said to the user: a code from the catalogues and the data its words take.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    code: &'static str,
    args: Vec<(&'static str, Arg)>,
}

/// A piece of data a message shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Arg {
    /// Shown as it is: a key, a quoted text, a path.
    Text(String),
    /// A number, which a catalogue may also choose its words by (`1 plan`, `2 plans`).
    Number(i64),
    /// Items joined as the language joins a list (`a, b` or `a、b`).
    List(Vec<String>),
    /// A message of its own, said in the same language.
    Said(Box<Message>),
}

impl Message {
    /// The message of `code`, without data; see also [`msg!`](crate::msg).
    pub fn new(code: &'static str) -> Message {
        Message {
            code,
            args: Vec::new(),
        }
    }

    /// The message with one more piece of data, under `name` as the catalogues call it.
    pub fn with(mut self, name: &'static str, value: impl Into<Arg>) -> Message {
        self.args.push((name, value.into()));
        self
    }

    /// The stable code, as `check --format json` gives it and the README lists it. A
    /// message that only places another at a path (`value-refused`: "`月份`: …") has the
    /// code of the one it places.
    pub fn code(&self) -> &'static str {
        match (self.code, self.arg("words")) {
            ("value-refused", Some(Arg::Said(placed))) => placed.code(),
            (code, _) => code,
        }
    }

    /// The data given under `name`.
    pub fn arg(&self, name: &str) -> Option<&Arg> {
        self.args.iter().find(|(n, _)| *n == name).map(|(_, a)| a)
    }

    /// The words in `lang`.
    pub fn say(&self, lang: Lang) -> String {
        let bundle = bundle(lang);
        let Some(pattern) = bundle.get_message(self.code).and_then(|m| m.value()) else {
            // A code missing from a catalogue is a fault a test catches; the user still
            // learns what the message was about.
            return self.fallback(lang);
        };
        let mut args = FluentArgs::new();
        for (name, value) in &self.args {
            let value = match value {
                Arg::Text(text) => FluentValue::from(text.as_str()),
                Arg::Number(n) => FluentValue::from(*n),
                Arg::List(items) => FluentValue::from(items.join(lang.list_separator())),
                Arg::Said(message) => FluentValue::from(message.say(lang)),
            };
            args.set(*name, value);
        }
        let mut errors = Vec::new();
        let text = bundle.format_pattern(pattern, Some(&args), &mut errors);
        match errors.is_empty() {
            true => text.into_owned(),
            false => self.fallback(lang),
        }
    }

    fn fallback(&self, lang: Lang) -> String {
        let mut text = self.code.to_owned();
        for (name, value) in &self.args {
            let value = match value {
                Arg::Text(text) => text.clone(),
                Arg::Number(n) => n.to_string(),
                Arg::List(items) => items.join(lang.list_separator()),
                Arg::Said(message) => message.say(lang),
            };
            text.push_str(&format!(" {name}={value}"));
        }
        text
    }
}

impl fmt::Display for Message {
    /// The words in the run's language.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.say(lang()))
    }
}

fn bundle(lang: Lang) -> &'static FluentBundle<FluentResource> {
    static BUNDLES: [OnceLock<FluentBundle<FluentResource>>; 2] =
        [OnceLock::new(), OnceLock::new()];
    BUNDLES[lang as usize].get_or_init(|| {
        let tag = lang.tag().parse().expect("a language tag");
        let mut bundle = FluentBundle::new_concurrent(vec![tag]);
        // The words go to terminals and files, not to a page mixing writing directions.
        bundle.set_use_isolating(false);
        let resource = FluentResource::try_new(lang.catalogue().to_owned())
            .unwrap_or_else(|(resource, _)| resource);
        // A message defined twice keeps its first wording; the catalogue test refuses it.
        let _ = bundle.add_resource(resource);
        bundle
    })
}

impl From<&str> for Arg {
    fn from(text: &str) -> Arg {
        Arg::Text(text.to_owned())
    }
}

impl From<String> for Arg {
    fn from(text: String) -> Arg {
        Arg::Text(text)
    }
}

impl From<&String> for Arg {
    fn from(text: &String) -> Arg {
        Arg::Text(text.clone())
    }
}

impl From<Cow<'_, str>> for Arg {
    fn from(text: Cow<'_, str>) -> Arg {
        Arg::Text(text.into_owned())
    }
}

impl From<char> for Arg {
    fn from(c: char) -> Arg {
        Arg::Text(c.to_string())
    }
}

impl From<Message> for Arg {
    fn from(message: Message) -> Arg {
        Arg::Said(Box::new(message))
    }
}

impl From<Vec<String>> for Arg {
    fn from(items: Vec<String>) -> Arg {
        Arg::List(items)
    }
}

macro_rules! number_arg {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(n: $t) -> Arg {
                Arg::Number(i64::try_from(n).unwrap_or(i64::MAX))
            }
        }
    )*};
}
number_arg!(u8, u16, u32, u64, usize, i32, i64);

/// A [`Message`]: `msg!("unknown-key", key = name)` is the message of code `unknown-key`
/// with the data `key`. The code must be in both catalogues; a test reads every `msg!` of
/// the source to hold them to it.
#[macro_export]
macro_rules! msg {
    ($code:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::messages::Message::new($code)$(.with(stringify!($name), $value))*
    };
}

#[cfg(test)]
mod tests;
