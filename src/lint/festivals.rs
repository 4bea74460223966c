//! Festivals scheduled in a month they do not fall in, or written with a wrong date. A
//! festival's name that stands for something else is no festival: an honour named after it
//! (三八红旗手, 五一劳动奖章), or in a clause that sums it up or sends its papers
//! (总结“三八”妇女节活动, 教师节表彰方案上报).

use std::sync::LazyLock;

use regex_lite::Regex;

use super::Texts;
use crate::error::{Finding, Seg};
use crate::msg;

/// A festival: the names it goes by, its month and day.
struct Festival {
    name: &'static str,
    /// Its two numerals (三八), written together or with a dot or 、 between (三·八).
    numbers: Option<(char, char)>,
    /// Its name as a word (妇女节).
    word: &'static str,
    month: u8,
    day: u8,
}

const FESTIVALS: &[Festival] = &[
    Festival {
        name: "元旦",
        numbers: None,
        word: "元旦",
        month: 1,
        day: 1,
    },
    Festival {
        name: "三八妇女节",
        numbers: Some(('三', '八')),
        word: "妇女节",
        month: 3,
        day: 8,
    },
    Festival {
        name: "植树节",
        numbers: None,
        word: "植树节",
        month: 3,
        day: 12,
    },
    Festival {
        name: "五一劳动节",
        numbers: Some(('五', '一')),
        word: "劳动节",
        month: 5,
        day: 1,
    },
    Festival {
        name: "五四青年节",
        numbers: Some(('五', '四')),
        word: "青年节",
        month: 5,
        day: 4,
    },
    Festival {
        name: "护士节",
        numbers: None,
        word: "护士节",
        month: 5,
        day: 12,
    },
    Festival {
        name: "六一儿童节",
        numbers: Some(('六', '一')),
        word: "儿童节",
        month: 6,
        day: 1,
    },
    Festival {
        name: "七一建党节",
        numbers: Some(('七', '一')),
        word: "建党节",
        month: 7,
        day: 1,
    },
    Festival {
        name: "八一建军节",
        numbers: Some(('八', '一')),
        word: "建军节",
        month: 8,
        day: 1,
    },
    Festival {
        name: "教师节",
        numbers: None,
        word: "教师节",
        month: 9,
        day: 10,
    },
    Festival {
        name: "国庆节",
        numbers: None,
        word: "国庆",
        month: 10,
        day: 1,
    },
];

/// Whether a festival's name can start with `c`: the quick test that keeps the scan cheap.
fn may_start_festival(c: char) -> bool {
    matches!(
        c,
        '元' | '三'
            | '妇'
            | '植'
            | '五'
            | '劳'
            | '青'
            | '护'
            | '六'
            | '儿'
            | '七'
            | '建'
            | '八'
            | '教'
            | '国'
    )
}

/// Every festival named in `text`, with the byte range of its name, in one pass.
fn festival_mentions(text: &str) -> Vec<(&'static Festival, usize, usize)> {
    let mut found = Vec::new();
    for (at, c) in text.char_indices() {
        if !may_start_festival(c) {
            continue;
        }
        let rest = &text[at..];
        for festival in FESTIVALS {
            if festival.word.starts_with(c) && rest.starts_with(festival.word) {
                found.push((festival, at, at + festival.word.len()));
            }
            let Some((first, second)) = festival.numbers.filter(|(first, _)| *first == c) else {
                continue;
            };
            let mut after = rest[first.len_utf8()..].chars();
            let len = match (after.next(), after.next()) {
                (Some(b), _) if b == second => first.len_utf8() + b.len_utf8(),
                (Some(sep), Some(b)) if "·•・.、".contains(sep) && b == second => {
                    first.len_utf8() + sep.len_utf8() + b.len_utf8()
                }
                _ => continue,
            };
            found.push((festival, at, at + len));
        }
    }
    found
}

/// Words that make a festival in an earlier month a preparation, not a misplacement.
const PREPARATION: [&str; 5] = ["迎", "筹备", "准备", "筹划", "预备"];

/// Words that make a festival the subject of work looking back on it (总结“三八”妇女节活动).
const LOOKING_BACK: [&str; 3] = ["总结", "回顾", "小结"];

/// Words that make a festival the subject of papers sent before or after it (教师节表彰方案上报,
/// 推荐…人选), not the festival held in that month.
const PAPERS: [&str; 9] = [
    "方案", "上报", "报送", "申报", "材料", "人选", "推荐", "评选", "名单",
];

/// The words of an honour named after a festival: 三八红旗手, 五一劳动奖章, 五四青年奖章,
/// 五一巾帼标兵. Such a name is a title given any month, not the festival.
const HONOURS: [&str; 6] = ["红旗", "奖章", "奖状", "标兵", "巾帼", "先锋号"];

/// Whether a festival's name at `start..end` of `text` is part of an honour's name: the
/// honour follows it, past quotes and the festival's own word (五一劳动奖章, “三八”红旗手).
fn names_an_honour(festival: &Festival, text: &str, end: usize) -> bool {
    let after = text[end..].trim_start_matches(['“', '”', '\u{22}', '\'', '‘', '’', '「', '」']);
    let own = festival.word.trim_end_matches('节');
    let after = after.strip_prefix(own).unwrap_or(after);
    HONOURS.iter().any(|h| after.starts_with(h))
}

/// The clause of `text` holding `start..end`: what the words around a festival's name say of it
/// (总结“三八”妇女节活动，庆祝五四青年节 sums up the one and holds the other).
fn clause(text: &str, start: usize, end: usize) -> &str {
    let stops = ['，', ',', '；', ';', '。', '！', '？', '\n'];
    let from = text[..start].rfind(stops).map_or(0, |i| {
        i + text[i..].chars().next().map_or(1, char::len_utf8)
    });
    let to = text[end..].find(stops).map_or(text.len(), |i| end + i);
    &text[from..to]
}

/// Whether one of `months` is one to three months before the festival.
fn months_near(festival: &Festival, months: &[u8]) -> bool {
    months
        .iter()
        .any(|&m| (1..=3).contains(&((festival.month + 12 - m) % 12)))
}

/// A festival in a schedule month it does not fall in.
pub(super) fn festival_months(months: &[u8], texts: &Texts<'_>, out: &mut Vec<Finding>) {
    let mut seen: Vec<&Festival> = Vec::new();
    let mentions = texts.iter().flat_map(|(path, text)| {
        festival_mentions(text)
            .into_iter()
            .filter(|&(festival, _, end)| !names_an_honour(festival, text, end))
            .map(move |(festival, start, end)| {
                (festival, path, clause(text, start, end), &text[start..end])
            })
    });
    for (festival, path, clause, written) in mentions {
        if seen.iter().any(|f| std::ptr::eq(*f, festival)) {
            continue;
        }
        seen.push(festival);
        if months.contains(&festival.month) {
            continue;
        }
        let says = |words: &[&str]| words.iter().any(|w| clause.contains(w));
        // Work for the festival in the months before it, or on it (a summing up, its papers),
        // is not the festival held in the wrong month.
        let around = (says(&PREPARATION) && months_near(festival, months))
            || says(&LOOKING_BACK)
            || says(&PAPERS);
        if !around {
            let month_names: Vec<String> = months.iter().map(|m| format!("{m}月")).collect();
            out.push(
                Finding::warning(
                    path.clone(),
                    msg!(
                        "festival-wrong-month",
                        festival = festival.name,
                        month = festival.month,
                        months = month_names,
                    ),
                    msg!("festival-wrong-month-hint", month = festival.month),
                )
                .at(written),
            );
        }
    }
}

/// Quotes and brackets, which may stand between a festival's name and its date.
const QUOTES: &str = "[“”\u{22}'‘’「」（）() ]*";

/// A date: 5.13, 5．13 or 5月13日 (or 号), its month and day captured.
const DATE: &str = "([0-9]{1,2})[.．月]([0-9]{1,2})[日号]?";

/// A date at the start of a text, and one at its end, each built the first time a text next to
/// a festival has a digit in it (which most plans never have).
static DATES: [LazyLock<Regex>; 2] = [
    LazyLock::new(|| date(&format!("^{QUOTES}({DATE})"))),
    LazyLock::new(|| date(&format!("({DATE}){QUOTES}$"))),
];

fn date(pattern: &str) -> Regex {
    Regex::new(pattern).expect("the date pattern is valid")
}

/// A date such as 5.13, 5．13 or 5月13日 at the start (or, with `last`, the end) of `s`,
/// allowing only quotes and brackets around it: its month, day and text.
fn written_date(s: &str, last: bool) -> Option<(u8, u8, String)> {
    if !s.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    let found = DATES[usize::from(last)].captures(s)?;
    let number = |i: usize| found[i].parse::<u8>().ok();
    Some((number(2)?, number(3)?, found[1].to_string()))
}

/// A festival written with a wrong date: “5.13”护士节.
pub(super) fn festival_dates(path: &[Seg], text: &str, out: &mut Vec<Finding>) {
    for (festival, start, end) in festival_mentions(text) {
        if names_an_honour(festival, text, end) {
            continue;
        }
        // A date written right before or after the name, quotes and all.
        let before = &text[..start];
        let before = &before[before.char_indices().rev().nth(7).map_or(0, |(i, _)| i)..];
        let after = &text[end..];
        let after = &after[..after.char_indices().nth(7).map_or(after.len(), |(i, _)| i)];
        let near =
            |s: &str, last: bool| written_date(s, last).map(|(m, d, w)| (Some(m), Some(d), w));
        for (month, day, written) in [near(before, true), near(after, false)]
            .into_iter()
            .flatten()
        {
            if (month, day) != (Some(festival.month), Some(festival.day)) {
                out.push(
                    Finding::warning(
                        path.to_vec(),
                        msg!(
                            "festival-date",
                            festival = festival.name,
                            month = festival.month,
                            day = festival.day,
                            written = written.trim(),
                        ),
                        msg!(
                            "festival-date-hint",
                            month = festival.month,
                            day = festival.day
                        ),
                    )
                    .at(written.trim()),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::findings;

    #[test]
    fn written_dates_near_a_name() {
        assert_eq!(written_date("“5.13”", true), Some((5, 13, "5.13".into())));
        assert_eq!(
            written_date("（9月9日）", false),
            Some((9, 9, "9月9日".into()))
        );
        assert_eq!(written_date("于5.12", true), Some((5, 12, "5.12".into())));
        assert_eq!(written_date("5.12的", true), None);
        assert_eq!(written_date("庆祝", false), None);
        assert_eq!(
            written_date("5．13号起", false),
            Some((5, 13, "5．13号".into()))
        );
        assert_eq!(written_date("12.5.13", true), Some((5, 13, "5.13".into())));
        assert_eq!(written_date("9.100", false), Some((9, 10, "9.10".into())));
        assert_eq!(written_date("5.123", true), None);
    }

    #[test]
    fn every_festival_name_passes_the_quick_test() {
        for f in FESTIVALS {
            assert!(
                may_start_festival(f.word.chars().next().unwrap()),
                "{}",
                f.name
            );
            if let Some((first, _)) = f.numbers {
                assert!(may_start_festival(first), "{}", f.name);
            }
        }
    }

    #[test]
    fn festivals_in_their_months() {
        let yaml =
            |month: u8, text: &str| format!("schedule:\n- month: {month}\n  items: [\"{text}\"]\n");
        assert!(findings(&yaml(3, "庆祝“三·八”妇女节")).is_empty());
        assert_eq!(
            findings(&yaml(4, "庆祝“三八”妇女节")),
            ["`三八妇女节` falls in `3月`, but it is scheduled under `4月`"]
        );
        assert!(findings(&yaml(8, "筹备教师节庆祝活动")).is_empty());
        assert!(findings(&yaml(12, "迎元旦联欢会")).is_empty());
        assert_eq!(findings(&yaml(10, "教师节表彰")).len(), 1);
        assert!(findings("schedule:\n- month: 7-8\n  items: [庆祝八一建军节]\n").is_empty());
    }

    #[test]
    fn honours_work_on_a_festival_and_its_papers() {
        let yaml =
            |month: u8, text: &str| format!("schedule:\n- month: {month}\n  items: [\"{text}\"]\n");
        // An honour named after a festival is given in any month, and has no date of its own.
        for (month, text) in [
            (4, "评选表彰三八红旗手"),
            (11, "表彰“三八”红旗集体"),
            (3, "推荐五一劳动奖章人选"),
            (10, "申报五四青年奖章（5.4）"),
            (12, "创建五一巾帼标兵岗"),
        ] {
            assert!(findings(&yaml(month, text)).is_empty(), "{month}月 {text}");
        }
        // Summed up, or the subject of papers sent: the festival is not held that month.
        assert!(findings(&yaml(4, "总结“三八”妇女节活动")).is_empty());
        assert!(findings(&yaml(12, "回顾全年：三八妇女节、教师节慰问")).is_empty());
        assert!(findings(&yaml(6, "教师节表彰方案上报")).is_empty());
        assert!(findings(&yaml(10, "上报教师节表彰名单")).is_empty());
        // The festival itself; and only the clause naming it says what it stands for.
        assert_eq!(findings(&yaml(4, "三八节趣味运动会")).len(), 1);
        assert_eq!(findings(&yaml(10, "教师节表彰")).len(), 1);
        assert_eq!(
            findings(&yaml(4, "评选三八红旗手，庆祝三八妇女节")),
            ["`三八妇女节` falls in `3月`, but it is scheduled under `4月`"]
        );
    }

    #[test]
    fn festival_dates() {
        assert_eq!(
            findings("sections: [“5.13”护士节庆祝活动]\n"),
            ["`护士节` is on `5月12日`, not `5.13`"]
        );
        assert!(findings("sections: [“5.12”护士节庆祝活动]\n").is_empty());
        assert!(findings("sections: [开展“3.8”节庆祝活动]\n").is_empty());
        assert_eq!(findings("sections: [教师节（9月9日）]\n").len(), 1);
    }

    #[test]
    fn festivals_in_chinese() {
        use crate::lint::said;
        use crate::messages::Lang;
        // The months of a range, joined as Chinese joins a list.
        assert_eq!(
            said(
                Lang::Zh,
                "schedule:\n- month: 7-8\n  items: [庆祝“三八”妇女节]\n"
            ),
            [(
                "`三八妇女节` 在3月，却排在了7月、8月".to_owned(),
                "请移到3月的安排里（提前筹备可以放在前面的月份，写明“筹备”“迎”等字样即可）"
                    .to_owned()
            )]
        );
        assert_eq!(
            said(Lang::Zh, "sections: [“5.13”护士节庆祝活动]\n"),
            [(
                "`护士节` 是5月12日，不是 `5.13`".to_owned(),
                "请改为 `5月12日`".to_owned()
            )]
        );
        assert_eq!(
            said(
                Lang::En,
                "schedule:\n- month: 7-8\n  items: [庆祝“三八”妇女节]\n"
            )[0]
            .0,
            "`三八妇女节` falls in `3月`, but it is scheduled under `7月, 8月`"
        );
    }
}
