//! Placeholders never filled: xx年, ××, 某某, ○○, 【单位名称】, □, and dates with no numbers
//! (于月日).

use crate::error::{Finding, Seg};
use crate::msg;

/// Placeholders left in text: xx年, ××, ＊＊, ***, __, □, 某某, ○○, 【填写日期】, and dates
/// with no numbers (于月日).
pub(super) fn placeholders(path: &[Seg], text: &str, out: &mut Vec<Finding>) {
    for (start, end) in placeholder_spans(text) {
        let found = &text[start..end];
        out.push(
            Finding::warning(
                path.to_vec(),
                msg!("placeholder", found = found),
                msg!("placeholder-hint"),
            )
            .at(found),
        );
    }
    let blanks = text
        .match_indices('月')
        .filter(|(at, month)| text[at + month.len()..].starts_with('日'));
    for (at, _) in blanks {
        let mut before = text[..at].chars().rev();
        let mut blank = "月日";
        let mut previous = before.next();
        if previous == Some('年') {
            blank = "年月日";
            previous = before.next();
        }
        if !previous.is_some_and(is_numeral) {
            let date = format!("{}{blank}", previous.map(String::from).unwrap_or_default());
            out.push(
                Finding::warning(
                    path.to_vec(),
                    msg!("date-without-numbers", date = &date),
                    msg!("date-without-numbers-hint"),
                )
                .at(date),
            );
        }
    }
}

fn is_numeral(c: char) -> bool {
    c.is_ascii_digit() || "０１２３４５６７８９〇零一二三四五六七八九十元两廿卅".contains(c)
}

fn is_x(c: char) -> bool {
    matches!(c, 'x' | 'X' | 'ｘ' | 'Ｘ')
}

/// The circles typed for a name or number to fill in (○○学校, ○月○日): the white circle,
/// the ideographic zero and a capital O. A run of them among numerals is a number
/// (二〇〇七年, 二○○七年), not a placeholder.
fn is_circle(c: char) -> bool {
    matches!(c, '○' | '〇' | 'O' | 'Ｏ')
}

/// What a bracketed blank of a form says to fill in: 【单位名称】, 【填写日期】, 【姓名】 (but
/// not a label before its value, 【活动日期】：…).
const FORM_WORDS: [&str; 4] = ["名称", "填写", "姓名", "日期"];

/// The end of a bracketed blank such as 【单位名称】 starting at char `i`, if it is one.
fn form_blank(chars: &[(usize, char)], i: usize) -> Option<usize> {
    let close = chars[i + 1..]
        .iter()
        .take(20)
        .position(|&(_, c)| c == '】' || c == '【')?;
    let j = i + 1 + close;
    if chars[j].1 != '】' {
        return None;
    }
    // 【活动日期】：3月12日 is a label before its value, not a blank.
    if chars
        .get(j + 1)
        .is_some_and(|&(_, c)| c == '：' || c == ':')
    {
        return None;
    }
    let inside: String = chars[i + 1..j].iter().map(|&(_, c)| c).collect();
    FORM_WORDS
        .iter()
        .any(|word| inside.contains(word))
        .then_some(j + 1)
}

/// Byte ranges of placeholders: runs of two or more x (with a century before them, 20xx),
/// a lone x before 年月日号份, runs of ×, ＊, *, _, ＿, △ or 某 (two or more) or □, runs of
/// circles (○○, 〇〇, OO) or a lone one before 年月日号份 where no numeral is beside them, and
/// 【…】 naming what to fill in (名称, 填写, 姓名, 日期). 某 alone is a word (某些, 某种).
fn placeholder_spans(text: &str) -> Vec<(usize, usize)> {
    // Most text has none of the characters a placeholder is made of.
    let maybe = |c: char| {
        is_x(c)
            || is_circle(c)
            || matches!(c, '×' | '＊' | '*' | '_' | '＿' | '△' | '□' | '某' | '【')
    };
    if !text.contains(maybe) {
        return Vec::new();
    }
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let end_of = |i: usize| chars.get(i).map_or(text.len(), |&(at, _)| at);
    let letter = |i: Option<usize>| {
        i.and_then(|i| chars.get(i))
            .is_some_and(|&(_, c)| c.is_ascii_alphabetic() && !is_x(c))
    };
    let numeral = |i: Option<usize>| {
        i.and_then(|i| chars.get(i))
            .is_some_and(|&(_, c)| is_numeral(c) || is_circle(c))
    };
    let mut spans = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i].1;
        if c == '【' {
            if let Some(end) = form_blank(&chars, i) {
                spans.push((chars[i].0, end_of(end)));
                i = end;
                continue;
            }
        }
        let run = chars[i..]
            .iter()
            .take_while(|&&(_, d)| d == c || (is_x(c) && is_x(d)) || (is_circle(c) && is_circle(d)))
            .count();
        let next = chars.get(i + run).map(|&(_, d)| d);
        let found = if is_circle(c) {
            let among_numerals = numeral(i.checked_sub(1)) || numeral(Some(i + run));
            let inside_word = letter(i.checked_sub(1)) || letter(Some(i + run));
            !among_numerals
                && !inside_word
                && (run >= 2 || next.is_some_and(|d| "年月日号份".contains(d)))
        } else if is_x(c) {
            let inside_word = letter(i.checked_sub(1)) || letter(Some(i + run));
            !inside_word && (run >= 2 || next.is_some_and(|d| "年月日号份".contains(d)))
        } else {
            match c {
                '×' | '＊' | '*' | '_' | '＿' | '△' | '某' => run >= 2,
                '□' => true,
                _ => false,
            }
        };
        if found {
            let lone = (is_x(c) || is_circle(c)) && run == 1;
            let century = is_x(c)
                && run >= 2
                && i >= 2
                && matches!((chars[i - 2].1, chars[i - 1].1), ('1', '9') | ('2', '0'))
                && !(i >= 3 && chars[i - 3].1.is_ascii_digit());
            let start = if century { chars[i - 2].0 } else { chars[i].0 };
            let end = if lone { end_of(i + 2) } else { end_of(i + run) };
            spans.push((start, end));
        }
        i += run;
    }
    spans
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::findings;

    #[test]
    fn placeholders_are_found() {
        let found = findings(
            "sections: [\"xx年工作\", \"20xx年\", \"召开**年大会\", \"于月日举行\", \"××区\", \"x月x日\", \"□□\", \"姓名__\", \"3月12日举行\", \"Excel 表格\"]\n",
        );
        assert_eq!(
            found,
            [
                "placeholder `xx` left in the text",
                "placeholder `20xx` left in the text",
                "placeholder `**` left in the text",
                "date `于月日` has no numbers",
                "placeholder `××` left in the text",
                "placeholder `x月` left in the text",
                "placeholder `x日` left in the text",
                "placeholder `□□` left in the text",
                "placeholder `__` left in the text",
            ]
        );
    }

    #[test]
    fn placeholder_scanning() {
        fn spans(t: &str) -> Vec<&str> {
            placeholder_spans(t)
                .into_iter()
                .map(|(s, e)| &t[s..e])
                .collect()
        }
        assert_eq!(spans("20xx年与xx年"), ["20xx", "xx"]);
        assert_eq!(spans("Exxon 与 Max月 与 box"), Vec::<&str>::new());
        assert_eq!(spans("x月x日，ＸＸ区"), ["x月", "x日", "ＸＸ"]);
        assert_eq!(
            spans("a*b **c ＊＊ __ □ △△"),
            ["**", "＊＊", "__", "□", "△△"]
        );
        assert_eq!(spans("120xx"), ["xx"]);
    }

    #[test]
    fn names_and_blanks_of_a_form() {
        fn spans(t: &str) -> Vec<&str> {
            placeholder_spans(t)
                .into_iter()
                .map(|(s, e)| &t[s..e])
                .collect()
        }
        assert_eq!(
            spans("某某学校与某某某同志，○○小学，〇〇区，OO街道"),
            ["某某", "某某某", "○○", "〇〇", "OO"]
        );
        assert_eq!(spans("○月○日召开"), ["○月", "○日"]);
        assert_eq!(
            spans("【单位名称】于【填写日期】，负责人【姓名】，【日期】"),
            ["【单位名称】", "【填写日期】", "【姓名】", "【日期】"]
        );
        // Words, numbers and labels that only look like them.
        assert_eq!(
            spans("某些学校、某种程度、某校，二〇〇七年、二○○七年、2○○8年，OA 系统，BOOK，【活动内容】【重要】【活动日期】：3月"),
            Vec::<&str>::new()
        );
    }

    #[test]
    fn placeholders_in_chinese() {
        use crate::messages::Lang;
        assert_eq!(
            crate::lint::said(Lang::Zh, "sections: [\"××区于月日举行\"]\n"),
            [
                (
                    "文中还留着占位符 `××`".to_owned(),
                    "请填上实际内容".to_owned()
                ),
                (
                    "日期 `于月日` 没有填数字".to_owned(),
                    "请写上具体日期，如 `3月12日`".to_owned()
                ),
            ]
        );
    }
}
