//! Years in the text that contradict the plan's year, but not a year the text refers to: a
//! target ahead (对标2035年), work or results behind (巩固2024年成果, 2019年以来).

use crate::error::{Finding, Seg};
use crate::model::Period;
use crate::msg;

/// Four-digit years (19xx, 20xx) followed by 年 or a dash (2026—2027), as byte ranges.
fn year_spans(text: &str) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut spans = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len() && bytes[i].is_ascii_digit() {
            i += 1;
        }
        let number = &text[start..i];
        let rest = text[i..].trim_start();
        // A range of years written with another separator (`2027～2028`, `2027至2028`): the
        // first year is marked by the second.
        let range = rest
            .strip_prefix(crate::model::SCHOOL_YEAR_SEPARATORS)
            .is_some_and(|after| {
                let digits = after
                    .trim_start()
                    .bytes()
                    .take_while(u8::is_ascii_digit)
                    .count();
                digits == 4
            });
        let marked = range || ["年", "—", "-", "–"].iter().any(|m| rest.starts_with(m));
        if number.len() == 4 && (number.starts_with("19") || number.starts_with("20")) && marked {
            spans.push((start, i));
        }
    }
    spans
}

/// Which way from the plan's year a year that is a reference points.
#[derive(Clone, Copy, PartialEq)]
enum Points {
    /// A target ahead: 对标2035年, 2035年远景目标.
    Ahead,
    /// Work or results behind: 巩固2024年成果, 2019年以来.
    Back,
    /// A bound either way: 2030年以后, 2025年以前, 比2025年.
    Either,
}

/// Words written before a year that make it a reference, and the way it points.
const BEFORE: &[(&str, Points)] = &[
    ("对标", Points::Ahead),
    ("对照", Points::Either),
    ("瞄准", Points::Ahead),
    ("面向", Points::Ahead),
    ("迈向", Points::Ahead),
    ("展望", Points::Ahead),
    ("到", Points::Ahead),
    ("巩固", Points::Back),
    ("总结", Points::Back),
    ("回顾", Points::Back),
    ("延续", Points::Back),
    ("保持", Points::Back),
    ("自", Points::Back),
    ("从", Points::Back),
    ("截至", Points::Back),
    ("截止", Points::Back),
    ("荣获", Points::Back),
    ("获得", Points::Back),
    ("获评", Points::Back),
    ("被评为", Points::Back),
    ("比", Points::Either),
    ("较", Points::Either),
];

/// Words written after a year's 年 (or 年度, 年的) that make it a reference.
const AFTER: &[(&str, Points)] = &[
    ("远景", Points::Ahead),
    ("愿景", Points::Ahead),
    ("目标", Points::Ahead),
    ("规划", Points::Ahead),
    ("以来", Points::Back),
    ("至今", Points::Back),
    ("成果", Points::Back),
    ("成绩", Points::Back),
    ("经验", Points::Back),
    ("基础", Points::Back),
    ("取得", Points::Back),
    ("以前", Points::Either),
    ("之前", Points::Either),
    ("以后", Points::Either),
    ("之后", Points::Either),
    ("起", Points::Either),
];

/// Whether the year written at `start..end` of `text` is a reference the plan makes to
/// another time, not the time of what it does: a target ahead of it (对标2035年), work or
/// results behind it (巩固2024年成果, 2019年以来), or a bound (2030年以后). What the words
/// around it say must agree with where it lies from the plan's year (`later`).
fn is_reference(text: &str, start: usize, end: usize, later: bool) -> bool {
    let fits = |points: Points| match points {
        Points::Ahead => later,
        Points::Back => !later,
        Points::Either => true,
    };
    let before = text[..start].trim_end();
    if BEFORE
        .iter()
        .any(|&(word, points)| before.ends_with(word) && fits(points))
    {
        return true;
    }
    let Some(after) = text[end..].trim_start().strip_prefix('年') else {
        return false;
    };
    let after = after.strip_prefix('度').unwrap_or(after);
    let after = after.strip_prefix('的').unwrap_or(after);
    AFTER
        .iter()
        .any(|&(word, points)| after.starts_with(word) && fits(points))
}

/// A year in the title or text that contradicts `year`. In the text, a year the plan refers
/// to (对标2035年, 巩固2024年成果, 2019年以来) is no contradiction; the title names the
/// plan's own year.
pub(super) fn years(period: Period, year: i32, path: &[Seg], text: &str, out: &mut Vec<Finding>) {
    let school = period.is_school();
    let last = if school { year + 1 } else { year };
    // The title must name the plan's own year; text may also look a year back or ahead.
    let title = path == [Seg::Key("title")];
    let (low, high) = if title {
        (year, last)
    } else {
        (year - 1, last + 1)
    };
    for (start, end) in year_spans(text) {
        let written = &text[start..end];
        let Ok(found) = written.parse::<i32>() else {
            continue;
        };
        if !(low..=high).contains(&found)
            && (title || !is_reference(text, start, end, found > high))
        {
            let span = if school {
                format!("{year}—{}", year + 1)
            } else {
                year.to_string()
            };
            out.push(
                Finding::warning(
                    path.to_vec(),
                    msg!("year-contradicts", found = written, year = span),
                    msg!("year-contradicts-hint"),
                )
                .at(written),
            );
        }
    }
}

/// Years written in Chinese numerals digit by digit and followed by 年 (二〇二七年), as byte
/// ranges with their value.
fn chinese_year_spans(text: &str) -> Vec<(usize, usize, i32)> {
    let digit = is_chinese_digit;
    let mut spans = Vec::new();
    let mut run: Option<usize> = None;
    for (at, c) in text.char_indices().chain([(text.len(), ' ')]) {
        match (digit(c), run) {
            (true, None) => run = Some(at),
            (true, Some(_)) => {}
            (false, Some(start)) => {
                run = None;
                let written = &text[start..at];
                let marked = text[at..].starts_with('年')
                    || text[at..].starts_with(crate::model::SCHOOL_YEAR_SEPARATORS);
                let year =
                    crate::numerals::parse_number(written).filter(|_| written.chars().count() == 4);
                if let Some(year) = year.filter(|y| (1900..2100).contains(y)).filter(|_| marked) {
                    spans.push((start, at, year as i32));
                }
            }
            (false, None) => {}
        }
    }
    spans
}

/// The years written in `text` that name the plan's own time rather than another: the
/// plan's year (for a school, either of its school year's), in digits or in Chinese
/// numerals (二〇二七年), unless the words around it
/// make it a reference to another time (荣获2027年度…, 2027年以来); in the title every
/// such year is the plan's own. Two years joined by a dash (2026—2027学年) are a school
/// year, the plan's own only for a school's plan and its school year. Each is a byte range
/// with its value.
pub(crate) fn own_years(
    period: Period,
    year: i32,
    title: bool,
    text: &str,
) -> Vec<(usize, usize, i32)> {
    let last = if period.is_school() { year + 1 } else { year };
    let mut years: Vec<(usize, usize, i32)> = year_spans(text)
        .into_iter()
        .filter_map(|(start, end)| Some((start, end, text[start..end].parse().ok()?)))
        .chain(chinese_year_spans(text))
        .collect();
    years.sort();
    let mut own = Vec::new();
    let mut i = 0;
    while i < years.len() {
        let (start, end, first) = years[i];
        if let Some(second) = second_year(text, end) {
            if period.is_school() && first == year && second.2 == year + 1 {
                own.extend([(start, end, first), second]);
            }
            i += 1;
            // The second year is passed over, found as one or not.
            while years.get(i).is_some_and(|y| y.0 < second.1) {
                i += 1;
            }
            continue;
        }
        if (year..=last).contains(&first) && (title || !is_reference(text, start, end, false)) {
            own.push((start, end, first));
        }
        i += 1;
    }
    own
}

/// The year after a dash (or two, or 至) that follows a year ending at `end`:
/// 2026—2027, 2026年—2027年, 二〇二六至二〇二七.
fn second_year(text: &str, end: usize) -> Option<(usize, usize, i32)> {
    let rest = &text[end..];
    let rest = rest.strip_prefix('年').unwrap_or(rest);
    let after = rest.trim_start_matches(crate::model::SCHOOL_YEAR_SEPARATORS);
    let dashes = rest[..rest.len() - after.len()].chars().count();
    if !(1..=2).contains(&dashes) {
        return None;
    }
    let start = text.len() - after.len();
    let digits = after.len() - after.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    if digits == 4 {
        let year = after[..4].parse().ok()?;
        return Some((start, start + 4, year));
    }
    let chinese = after.len() - after.trim_start_matches(is_chinese_digit).len();
    let written = &after[..chinese];
    let year = crate::numerals::parse_number(written).filter(|_| written.chars().count() == 4)?;
    Some((start, start + chinese, i32::try_from(year).ok()?))
}

fn is_chinese_digit(c: char) -> bool {
    "〇零一二三四五六七八九".contains(c)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::findings;

    #[test]
    fn years_the_plan_refers_to() {
        let found = |text: &str| findings(&format!("year: 2027\nsections: [\"{text}\"]\n"));
        // A target ahead, work and results behind, a span up to now, a bound.
        for text in [
            "对标2035年远景目标",
            "到2035年，建成",
            "2035年远景目标",
            "巩固2024年成果",
            "巩固2024年度创建成果",
            "2025年以来，我校",
            "自2020年起",
            "比2024年增长",
            "荣获2023年度先进职工之家",
            "2030年以后",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
        // The plan's own work, dated in another year: a year not updated.
        for text in [
            "做好2024年工会经费预算",
            "2025年3月召开教代会",
            "于2024年10月推选上报",
            "2025年工作目标",
        ] {
            assert_eq!(found(text).len(), 1, "{text}");
        }
        // The words must point where the year lies: no target behind, no results ahead.
        assert_eq!(found("对标2024年").len(), 1);
        assert_eq!(found("巩固2030年成果").len(), 1);
        assert_eq!(found("2030年以来").len(), 1);
        // The title names the plan's own year, whatever the words.
        assert_eq!(
            findings("year: 2027\ntitle: 对标2035年工作计划\nsections: [a]\n").len(),
            1
        );
    }

    #[test]
    fn years_in_text() {
        fn spans(t: &str) -> Vec<&str> {
            year_spans(t).into_iter().map(|(s, e)| &t[s..e]).collect()
        }
        assert_eq!(
            spans("2026—2027学年，2019年以来，12027年，2027 年，电话2027"),
            ["2026", "2019", "2027"]
        );
    }

    #[test]
    fn years_that_contradict() {
        assert_eq!(
            findings("year: 2027\ntitle: 城东中学工会2026年工作计划\nsections: [a]\n"),
            ["2026 contradicts the plan's year, 2027"]
        );
        assert!(findings("year: 2027\nsections: [在2026年的基础上，力争2028年]\n").is_empty());
        assert!(findings("year: 2027\nsections: [2019年以来]\n").is_empty());
        assert!(findings(
            "year: 2026\nperiod: school-year\ntitle: 2026—2027学年工作计划\nsections: [a]\n"
        )
        .is_empty());
    }

    #[test]
    fn years_naming_the_plans_own_time() {
        let own = |period, year, title, text: &str| -> Vec<String> {
            own_years(period, year, title, text)
                .into_iter()
                .map(|(s, e, y)| format!("{}={y}", &text[s..e]))
                .collect()
        };
        assert_eq!(
            own(
                Period::Year,
                2027,
                false,
                "做好2027年度工作，二〇二七年，荣获2027年度先进，2027年以来"
            ),
            ["2027=2027", "二〇二七=2027"]
        );
        // A school year is the plan's own only in a school's plan, and both its years.
        assert_eq!(
            own(Period::Year, 2027, false, "2027—2028学年"),
            Vec::<String>::new()
        );
        assert_eq!(
            own(
                Period::SpringTerm,
                2026,
                false,
                "2026—2027学年，2025—2026学年，2027年3月"
            ),
            ["2026=2026", "2027=2027", "2027=2027"]
        );
        assert_eq!(
            own(Period::SchoolYear, 2026, true, "二〇二六至二〇二七学年"),
            ["二〇二六=2026", "二〇二七=2027"]
        );
        // In the title every year of the plan's is its own.
        assert_eq!(
            own(Period::Year, 2027, true, "2027年以来工作计划"),
            ["2027=2027"]
        );
    }

    #[test]
    fn years_in_chinese() {
        use crate::messages::Lang;
        assert_eq!(
            crate::lint::said(
                Lang::Zh,
                "year: 2026\nperiod: school-year\ntitle: 2025—2026学年工作计划\nsections: [a]\n"
            ),
            [(
                "2025年与计划的年度（2026—2027）不符".to_owned(),
                "请改正这个年份；如果错的是计划的年度，请改 `年度`".to_owned()
            )]
        );
    }
}
