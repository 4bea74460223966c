//! "Did you mean": the one rule that picks the name a misspelt key, value or template name
//! most likely stands for, by spelling, by sound (a pinyin input method's homophones) and by
//! the words people use for a key.

use std::fmt;

use pinyin::ToPinyin;

use crate::messages::Message;
use crate::msg;

/// What to tell a user who wrote a name that is not one of `candidates`.
#[derive(Debug, PartialEq, Eq)]
pub enum Suggestion<'a> {
    /// The one name that was most likely meant.
    Meant(&'a str),
    /// Nothing is close: the names that are taken here, in the language the user wrote in.
    OneOf(Vec<&'a str>),
}

impl Suggestion<'_> {
    /// The one wording of a suggestion, wherever a name is misspelt.
    pub fn message(&self) -> Message {
        match self {
            Suggestion::Meant(name) => msg!("did-you-mean", name = *name),
            Suggestion::OneOf(names) => {
                let names: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
                msg!("one-of", names = names)
            }
        }
    }
}

impl fmt::Display for Suggestion<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.message().fmt(f)
    }
}

/// The suggestion for `given` among `candidates`: the closest name if one is close enough
/// ([`closest`]), else the candidates in the language `given` is written in (a key typed in
/// Chinese is answered with the Chinese keys, not with both lists). `None` when there is
/// nothing to offer.
pub fn suggest<'a>(given: &str, candidates: &[&'a str]) -> Option<Suggestion<'a>> {
    if let Some(meant) = closest(given, candidates) {
        return Some(Suggestion::Meant(meant));
    }
    let chinese = has_chinese(given);
    let same_language: Vec<&str> = (candidates.iter().copied())
        .filter(|c| has_chinese(c) == chinese)
        .collect();
    let names = if same_language.is_empty() {
        candidates.to_vec()
    } else {
        same_language
    };
    (!names.is_empty()).then_some(Suggestion::OneOf(names))
}

/// The candidate closest to a misspelt name, if one is close enough to be meant.
///
/// - A word people use for a key (`工会名称`, `组织` for `单位`) means that key.
/// - Otherwise the names are compared a character at a time, a Chinese character by its
///   reading, so that a homophone (`知道思想` for `指导思想`, `重点公作` for `重点工作`) is no
///   edit at all: at most a third of the longer name's characters apart in edits (a swap of
///   two neighbours is one), always one.
/// - A file's name is counted without its extension, which says nothing of what the file is
///   meant to be: `seal.html` is three edits from `plan.html` and a file of its own.
///
/// Of two as close, the one that sorts first, so that the answer does not hang on the order
/// a list is kept in.
pub fn closest<'a>(given: &str, candidates: &[&'a str]) -> Option<&'a str> {
    if let Some(meant) = synonym(given, candidates) {
        return Some(meant);
    }
    let sounds = sounds(given);
    candidates
        .iter()
        .map(|c| {
            (
                strsim::generic_damerau_levenshtein(&sounds, &self::sounds(c)),
                *c,
            )
        })
        .filter(|(distance, c)| *distance <= (stem_length(given).max(stem_length(c)) / 3).max(1))
        .min()
        .map(|(_, c)| c)
}

/// Words people write for a key, with the key they mean. Checked only against the keys that
/// are taken where the word stands, so `名称` is `单位` in a plan and nothing in a node.
const SYNONYMS: &[(&[&str], &str)] = &[
    (
        &[
            "组织",
            "名称",
            "单位名称",
            "单位全称",
            "工会",
            "工会名称",
            "组织名称",
            "发文单位",
        ],
        "单位",
    ),
    (&["年", "年份", "计划年度"], "年度"),
    (&["时期", "时段", "阶段"], "期间"),
    (&["题目", "主题", "名字"], "标题"),
    (&["文字", "说明", "描述", "正文内容"], "内容"),
    (&["子项", "条目", "项目", "工作事项"], "事项"),
    (&["署名", "签名", "落款单位"], "落款"),
    (&["时间", "落款日期", "成文日期"], "日期"),
    (
        &["工作安排", "月度安排", "每月安排", "工作日程"],
        "具体工作安排",
    ),
    (&["目标", "工作目的"], "工作目标"),
    (&["思想", "指导方针"], "指导思想"),
    (&["重点", "主要工作", "重点任务", "工作重点"], "重点工作"),
];

fn synonym<'a>(given: &str, candidates: &[&'a str]) -> Option<&'a str> {
    let (_, key) = SYNONYMS.iter().find(|(words, _)| words.contains(&given))?;
    candidates.iter().copied().find(|c| c == key)
}

/// A name as it sounds: each Chinese character by its reading without tone (the first, for a
/// character read more than one way), every other character as itself.
fn sounds(name: &str) -> Vec<Sound> {
    name.chars()
        .map(|c| match c.to_pinyin() {
            Some(reading) => Sound::Read(reading.plain()),
            None => Sound::Char(c),
        })
        .collect()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Sound {
    Read(&'static str),
    Char(char),
}

fn has_chinese(name: &str) -> bool {
    name.chars().any(|c| c.to_pinyin().is_some())
}

/// The characters before the first dot: all of a key or a value, the stem of a file's name.
fn stem_length(name: &str) -> usize {
    name.chars().take_while(|&c| c != '.').count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::messages::Lang;
    use crate::model::{keys_of, Node, Plan};

    #[test]
    fn plan_keys() {
        let keys = keys_of::<Plan>();
        assert_eq!(closest("guidng_ideology", keys), Some("guiding_ideology"));
        assert_eq!(closest("sectons", keys), Some("sections"));
        assert_eq!(closest("标提", &["标题", "内容"]), Some("标题"));
        // A long key is still recognised with a few letters wrong or missing.
        assert_eq!(closest("guiding_idea", keys), Some("guiding_ideology"));
        assert_eq!(closest("guiding_id", keys), None);
        assert_eq!(closest("zzz", &["title", "body"]), None);
    }

    #[test]
    fn homophones_of_a_pinyin_input_method() {
        let keys = keys_of::<Plan>();
        assert_eq!(closest("知道思想", keys), Some("指导思想"));
        assert_eq!(closest("重点公作", keys), Some("重点工作"));
        assert_eq!(closest("工作木标", keys), Some("工作目标"));
        assert_eq!(closest("落宽", keys), Some("落款"));
        assert_eq!(closest("具体工作按排", keys), Some("具体工作安排"));
        // One character of another sound in four is still one edit.
        assert_eq!(closest("指导思路", keys), Some("指导思想"));
        // Two characters of other sounds are another word.
        assert_eq!(closest("天气", keys), None);
    }

    #[test]
    fn words_people_use_for_a_key() {
        let keys = keys_of::<Plan>();
        assert_eq!(closest("工会名称", keys), Some("单位"));
        assert_eq!(closest("组织", keys), Some("单位"));
        assert_eq!(closest("单位名称", keys), Some("单位"));
        assert_eq!(closest("年份", keys), Some("年度"));
        // Only where the key is taken: a node has no 单位.
        assert_eq!(closest("工会名称", keys_of::<Node>()), None);
    }

    #[test]
    fn one_suggestion_or_the_names_in_the_users_language() {
        let keys = keys_of::<Node>();
        assert_eq!(suggest("itmes", keys), Some(Suggestion::Meant("items")));
        let Some(Suggestion::OneOf(names)) = suggest("完全不同", keys) else {
            panic!("nothing is close to 完全不同");
        };
        assert!(
            names.contains(&"标题") && names.iter().all(|n| has_chinese(n)),
            "{names:?}"
        );
        let Some(Suggestion::OneOf(names)) = suggest("zzz", keys) else {
            panic!("nothing is close to zzz");
        };
        assert!(
            names.contains(&"title") && !names.iter().any(|n| has_chinese(n)),
            "{names:?}"
        );
        let one_of = Suggestion::OneOf(vec!["year", "first-half"]).message();
        assert_eq!(one_of.say(Lang::En), "expected one of `year`, `first-half`");
        assert_eq!(one_of.say(Lang::Zh), "应为其中之一：`year`、`first-half`");
        let meant = Suggestion::Meant("标题").message();
        assert_eq!(meant.say(Lang::Zh), "是不是要写 `标题`？");
        assert_eq!(suggest("x", &[]), None);
    }

    #[test]
    fn enum_values() {
        let periods = ["year", "first-half", "second-half"];
        assert_eq!(closest("frist-half", &periods), Some("first-half"));
        assert_eq!(closest("yaer", &periods), Some("year"));
        // A short name is one edit from its meaning at most.
        assert_eq!(closest("ye", &periods), None);
    }

    #[test]
    fn template_names() {
        let builtins = ["plan.html", "page.html", "schedule.html", "plan.md"];
        assert_eq!(closest("shedule.html", &builtins), Some("schedule.html"));
        assert_eq!(closest("plan.html", &builtins), Some("plan.html"));
        // Three edits from plan.html and four from page.html: a template of its own.
        assert_eq!(closest("seal.html", &builtins), None);
        // A wrong extension is one edit, as a wrong letter is.
        assert_eq!(closest("plan.htm", &builtins), Some("plan.html"));
        // node.md and note.md are both one edit from nobe.md.
        assert_eq!(closest("nobe.md", &["note.md", "node.md"]), Some("node.md"));
        assert_eq!(closest("nobe.md", &["node.md", "note.md"]), Some("node.md"));
    }
}
