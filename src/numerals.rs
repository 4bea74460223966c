//! Integers as Chinese numerals, numbering markers and their patterns: pure functions.

use std::fmt;

use crate::messages::Message;
use crate::msg;

const DIGITS: [char; 10] = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/// Writes `n` as a Chinese numeral the way documents count: 十一, 二十, 一百零一, 一千零一十.
///
/// A leading 一十 is written 十 (十五, not 一十五) only when the number is below twenty;
/// inside larger numbers the 一 stays (一百一十五).
pub fn chinese(n: u64) -> String {
    if n == 0 {
        return "零".to_owned();
    }
    let mut out = String::new();
    // Groups of four digits: 亿 above 万 above units.
    let groups = [
        (n / 100_000_000, "亿"),
        ((n / 10_000) % 10_000, "万"),
        (n % 10_000, ""),
    ];
    let mut started = false;
    let mut pending_zero = false;
    for (group, unit) in groups {
        if group == 0 {
            if started {
                pending_zero = true;
            }
            continue;
        }
        if started && (pending_zero || group < 1000) {
            out.push('零');
        }
        pending_zero = false;
        if group >= 10_000 {
            // Only the 亿 group can exceed four digits.
            out.push_str(&chinese(group));
        } else {
            write_group(&mut out, group, started);
        }
        out.push_str(unit);
        started = true;
    }
    out
}

/// Writes a group of at most four digits; `inner` says whether it follows a higher group.
fn write_group(out: &mut String, group: u64, inner: bool) {
    let places = [(1000, "千"), (100, "百"), (10, "十"), (1, "")];
    let mut seen = false;
    let mut zero = false;
    for (value, unit) in places {
        let digit = (group / value) % 10;
        if digit == 0 {
            zero = seen;
            continue;
        }
        if zero {
            out.push('零');
            zero = false;
        }
        let bare_ten = value == 10 && digit == 1 && !seen && !inner;
        if !bare_ten {
            out.push(DIGITS[digit as usize]);
        }
        out.push_str(unit);
        seen = true;
    }
}

/// Writes a year digit by digit, as dates in official documents do: 二〇二七.
pub fn chinese_digits(n: u64) -> String {
    n.to_string()
        .chars()
        .map(|c| match c.to_digit(10) {
            Some(0) => '〇',
            Some(d) => DIGITS[d as usize],
            None => c,
        })
        .collect()
}

/// The circled numbers ① to ㊿ that Unicode has.
fn circled(n: u64) -> Option<char> {
    let code = match n {
        1..=20 => 0x2460 + n - 1,
        21..=35 => 0x3251 + n - 21,
        36..=50 => 0x32B1 + n - 36,
        _ => return None,
    };
    char::from_u32(code as u32)
}

/// The parenthesized numbers ⑴ to ⒇ that Unicode has.
fn parenthesized(n: u64) -> Option<char> {
    (1..=20)
        .contains(&n)
        .then(|| char::from_u32(0x2474 + n as u32 - 1))
        .flatten()
}

fn parenthesized_number(c: char) -> Option<u64> {
    (1..=20).find(|&n| parenthesized(n) == Some(c))
}

/// How a level writes its numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Numeral {
    /// 一 二 三
    Chinese,
    /// 1 2 3
    Arabic,
    /// ① ② ③, falling back to arabic digits past ㊿
    Circled,
    /// ⑴ ⑵ ⑶, falling back to (21) past ⒇
    Parenthesized,
}

/// One level's marker: the number between a fixed prefix and suffix, e.g. `（` 一 `）`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pattern {
    pub prefix: String,
    pub numeral: Numeral,
    pub suffix: String,
}

/// Why a marker could not serve as a level's pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PatternError {
    /// The marker holds no number one (一, 1 or ①).
    NoNumber,
    /// The marker is numbered, but not with one.
    NotFirst,
    /// More than one number: the markers of several levels written as one (`一、（一）1、`).
    Several,
}

/// The reason alone, as a template's `marker` filter words its error (`marker `x` …`);
/// a plan's checks say [`PatternError::message`].
impl fmt::Display for PatternError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PatternError::NoNumber => write!(f, "holds no number one (一, 1 or ①)"),
            PatternError::NotFirst => write!(f, "is not the first marker of its level"),
            PatternError::Several => write!(f, "holds the markers of several levels"),
        }
    }
}

impl PatternError {
    /// What is wrong with `marker`, given as a level's first marker.
    pub fn message(&self, marker: &str) -> Message {
        match self {
            PatternError::NoNumber => msg!("numbering-no-number", marker = marker),
            PatternError::NotFirst => msg!("numbering-not-first", marker = marker),
            PatternError::Several => msg!("numbering-several-levels", marker = marker),
        }
    }

    /// How to write the marker instead.
    pub fn hint(&self) -> Message {
        match self {
            PatternError::NoNumber => msg!("numbering-no-number-hint"),
            PatternError::NotFirst => msg!("numbering-not-first-hint"),
            PatternError::Several => msg!("numbering-several-levels-hint"),
        }
    }
}

impl Pattern {
    /// Infers the pattern from the marker of a level's first item: `一、`, `（一）`, `(一)`,
    /// `1.`, `1、`, `（1）`, `(1)`, `①`, or any other text around 一, 1 or ①.
    pub fn infer(first: &str) -> Result<Pattern, PatternError> {
        let first = first.trim();
        let numerals = [
            ('一', Numeral::Chinese),
            ('1', Numeral::Arabic),
            ('①', Numeral::Circled),
            ('⑴', Numeral::Parenthesized),
        ];
        for (one, numeral) in numerals {
            if let Some(at) = first.find(one) {
                let prefix = &first[..at];
                let suffix = &first[at + one.len_utf8()..];
                if numeral == Numeral::Arabic && suffix.starts_with(|c: char| c.is_ascii_digit()) {
                    return Err(PatternError::NotFirst);
                }
                let numbered = |c: char| {
                    c.is_ascii_digit()
                        || DIGITS.contains(&c)
                        || c == '十'
                        || circled_number(c).is_some()
                        || parenthesized_number(c).is_some()
                };
                if prefix.chars().chain(suffix.chars()).any(numbered) {
                    return Err(PatternError::Several);
                }
                return Ok(Pattern {
                    prefix: prefix.to_owned(),
                    numeral,
                    suffix: suffix.to_owned(),
                });
            }
        }
        let numbered = first
            .chars()
            .any(|c| c.is_ascii_digit() || DIGITS.contains(&c) || "十②③④⑤⑥⑦⑧⑨⑩".contains(c));
        Err(if numbered {
            PatternError::NotFirst
        } else {
            PatternError::NoNumber
        })
    }

    /// The marker of the `n`th item (counting from 1) at this level.
    pub fn marker(&self, n: u64) -> String {
        let number = match self.numeral {
            Numeral::Chinese => chinese(n),
            Numeral::Arabic => n.to_string(),
            Numeral::Circled => match circled(n) {
                Some(c) => c.to_string(),
                None => n.to_string(),
            },
            Numeral::Parenthesized => match parenthesized(n) {
                Some(c) => c.to_string(),
                None => format!("({n})"),
            },
        };
        format!("{}{}{}", self.prefix, number, self.suffix)
    }
}

/// GB/T 9704-2012's four levels: 一、 （一） 1. （1）.
pub fn default_patterns() -> Vec<Pattern> {
    ["一、", "（一）", "1.", "（1）"]
        .iter()
        .map(|m| Pattern::infer(m).expect("built-in markers are valid"))
        .collect()
}

// ---------------------------------------------------------------------------------------
// Reading numbers, months and dates as people type them: Chinese numerals, full-width
// digits, the separators of Chinese writing.
// ---------------------------------------------------------------------------------------

/// The text with full-width digits and punctuation (０–９, ．／－) written as ASCII.
pub fn half_width(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
            '．' => '.',
            '／' => '/',
            '－' => '-',
            '　' => ' ',
            _ => c,
        })
        .collect()
}

fn chinese_digit(c: char) -> Option<u64> {
    match c {
        '〇' | '零' => Some(0),
        '两' => Some(2),
        _ => DIGITS.iter().position(|&d| d == c).map(|d| d as u64),
    }
}

/// Reads a number written in arabic digits (half- or full-width), as a Chinese numeral with
/// units (十二, 三十一, 一百零一), or digit by digit (二〇二七): `None` for anything else.
pub fn parse_number(text: &str) -> Option<u64> {
    let text = half_width(text.trim());
    if text.is_empty() {
        return None;
    }
    if text.chars().all(|c| c.is_ascii_digit()) {
        return text.parse().ok();
    }
    let chars: Vec<char> = text.chars().collect();
    if chars.iter().all(|&c| chinese_digit(c).is_some()) {
        // Digit by digit: 二〇二七; a lone digit is itself.
        return chars.iter().try_fold(0u64, |n, &c| {
            n.checked_mul(10)?.checked_add(chinese_digit(c)?)
        });
    }
    // With units, below 万: 十, 十二, 二十, 一百零一, 一千零一十.
    let mut total = 0u64;
    let mut digit: Option<u64> = None;
    let mut last_unit = u64::MAX;
    for &c in &chars {
        if let Some(d) = chinese_digit(c) {
            if digit.is_some() && d != 0 {
                return None;
            }
            digit = (d != 0).then_some(d).or(digit);
            continue;
        }
        let unit = match c {
            '十' => 10,
            '百' => 100,
            '千' => 1000,
            _ => return None,
        };
        if unit >= last_unit {
            return None;
        }
        let n = match digit.take() {
            Some(d) => d,
            None if unit == 10 && total == 0 => 1,
            None => return None,
        };
        total += n * unit;
        last_unit = unit;
    }
    Some(total + digit.unwrap_or(0))
}

/// Why a month expression could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MonthError {
    /// Not a month at all.
    NotAMonth,
    /// A number that is no month: 13, 0.
    NoSuchMonth(u64),
    /// A month of the lunar calendar (正月, 腊月), which the plan's months are not.
    Lunar(&'static str),
    /// More than two months that do not follow one another: 三、五、七月.
    NotARun,
}

/// The separators between the months of a run: 七、八月, 7—8月, 7~8, 七至八月.
const MONTH_SEPARATORS: [char; 12] = [
    '、', '—', '–', '-', '~', '～', '至', '到', ',', '，', '－', '〜',
];

/// Reads a month or a run of months as typed: 3, 3月, 3月份, 三月, 三月份, 元月, 十二月份,
/// 七、八月, 七八月, 七至八月, 7—8月, 7-8, 7~8, full-width digits. The first and last month of the
/// run (the same for a single month); a list of three or more must follow one another.
pub fn parse_months(text: &str) -> Result<(u8, u8), MonthError> {
    let text = half_width(text.trim());
    for (lunar, name) in [("正月", "正月"), ("腊月", "腊月"), ("冬月", "冬月")] {
        if text.contains(lunar) {
            return Err(MonthError::Lunar(name));
        }
    }
    let mut months: Vec<u8> = Vec::new();
    for part in text.split(MONTH_SEPARATORS) {
        let part = part.trim();
        let part = part.strip_suffix('份').unwrap_or(part);
        let part = part.strip_suffix('月').unwrap_or(part).trim();
        // Two months that follow one another, run together: 七八月, 三四月份.
        let pair: Vec<u64> = part.chars().filter_map(chinese_digit).collect();
        if let [a @ 1..=8, b] = pair[..] {
            if part.chars().count() == 2 && b == a + 1 {
                months.extend([a as u8, b as u8]);
                continue;
            }
        }
        let n = match part {
            "元" => 1,
            _ => parse_number(part).ok_or(MonthError::NotAMonth)?,
        };
        match u8::try_from(n) {
            Ok(m @ 1..=12) => months.push(m),
            _ => return Err(MonthError::NoSuchMonth(n)),
        }
    }
    // Months listed with 、 or a comma are one after another (七、八月); only a dash, a tilde
    // or 至 makes a range of any length (三至五月). 三、五月 is two months, not three.
    let listed = text.contains(['、', ',', '，']);
    match months.as_slice() {
        [] => Err(MonthError::NotAMonth),
        [m] => Ok((*m, *m)),
        [first, last] if listed && *last != *first % 12 + 1 => Err(MonthError::NotARun),
        [first, last] => Ok((*first, *last)),
        [first, .., last] => {
            let follows = months.windows(2).all(|w| w[1] == w[0] % 12 + 1);
            if follows {
                Ok((*first, *last))
            } else {
                Err(MonthError::NotARun)
            }
        }
    }
}

/// The days of a month: 28 to 31; `None` for a month that does not exist.
pub fn days_in_month(year: i32, month: u8) -> Option<u8> {
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    Some(match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    })
}

/// Why a date could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateError {
    /// Not written as a date.
    NotADate,
    /// A year outside 1000–9999.
    NoSuchYear(u64),
    /// A month that does not exist.
    NoSuchMonth(u64),
    /// A day past the month's end (or day 0): the month has `days` days.
    NoSuchDay {
        year: i32,
        month: u8,
        day: u64,
        days: u8,
    },
}

/// Reads a date as typed: 2027-01-05, 2027-1-5, 2027/1/5, 2027.1.5, 2027年1月5日 (or 5号),
/// 二〇二七年一月五日, with half- or full-width digits: (year, month, day).
pub fn parse_date(text: &str) -> Result<(i32, u8, u8), DateError> {
    let text = half_width(text.trim());
    let parts: Vec<&str> = if text.contains('年') {
        let Some((year, rest)) = text.split_once('年') else {
            return Err(DateError::NotADate);
        };
        let Some((month, day)) = rest.split_once('月') else {
            return Err(DateError::NotADate);
        };
        let day = day.trim();
        let day = day
            .strip_suffix('日')
            .or_else(|| day.strip_suffix('号'))
            .unwrap_or(day);
        vec![year, month, day]
    } else {
        let separator = ['-', '/', '.']
            .into_iter()
            .find(|&s| text.contains(s))
            .ok_or(DateError::NotADate)?;
        text.split(separator).collect()
    };
    let [year, month, day] = parts.as_slice() else {
        return Err(DateError::NotADate);
    };
    let number = |s: &str| parse_number(s).ok_or(DateError::NotADate);
    let month = match month.trim() {
        "元" => 1,
        month => number(month)?,
    };
    let (year, day) = (number(year)?, number(day)?);
    if !(1000..=9999).contains(&year) {
        return Err(DateError::NoSuchYear(year));
    }
    let year = year as i32;
    let month = u8::try_from(month)
        .ok()
        .filter(|m| (1..=12).contains(m))
        .ok_or(DateError::NoSuchMonth(month))?;
    let days = days_in_month(year, month).ok_or(DateError::NoSuchMonth(month.into()))?;
    match u8::try_from(day) {
        Ok(d) if (1..=days).contains(&d) => Ok((year, month, d)),
        _ => Err(DateError::NoSuchDay {
            year,
            month,
            day,
            days,
        }),
    }
}

/// Reads a year as typed: 2027, 2027年, ２０２７, 二〇二七年: `None` for anything else.
pub fn parse_year(text: &str) -> Option<u64> {
    let text = text.trim();
    let text = text.strip_suffix('年').unwrap_or(text).trim();
    let digits = half_width(text);
    let by_digit = digits
        .chars()
        .all(|c| c.is_ascii_digit() || chinese_digit(c).is_some());
    by_digit.then(|| parse_number(&digits)).flatten()
}

/// 2027年1月5日 in every form a secretary types it, for the tests of the readers and of the
/// schema's pattern.
#[cfg(test)]
pub(crate) const JANUARY_5_AS_TYPED: [&str; 11] = [
    "2027-01-05",
    "2027-1-5",
    "2027/1/5",
    "2027.1.5",
    "2027年1月5日",
    "2027年01月05日",
    "2027年1月5号",
    "２０２７年１月５日",
    "２０２７－０１－０５",
    "二〇二七年一月五日",
    "二零二七年元月五日",
];

#[cfg(test)]
mod reading_tests {
    use super::*;

    #[test]
    fn numbers_as_typed() {
        for (text, n) in [
            ("3", 3),
            ("１２", 12),
            ("三", 3),
            ("十", 10),
            ("十二", 12),
            ("二十", 20),
            ("三十一", 31),
            ("一百零一", 101),
            ("一千零一十", 1010),
            ("二〇二七", 2027),
            ("二零二七", 2027),
            ("两", 2),
        ] {
            assert_eq!(parse_number(text), Some(n), "{text}");
        }
        for text in ["", "十十", "三三十", "一二十", "a", "3a", "百"] {
            assert_eq!(parse_number(text), None, "{text}");
        }
    }

    #[test]
    fn written_numbers_read_back() {
        for n in 0..=9999 {
            assert_eq!(parse_number(&chinese(n)), Some(n), "{}", chinese(n));
        }
    }

    #[test]
    fn months_as_typed() {
        for (text, months) in [
            ("3", (3, 3)),
            ("３", (3, 3)),
            ("3月", (3, 3)),
            ("3月份", (3, 3)),
            ("三月", (3, 3)),
            ("三月份", (3, 3)),
            ("元月", (1, 1)),
            ("十一月", (11, 11)),
            ("十二月份", (12, 12)),
            ("七、八月", (7, 8)),
            ("七、八月份", (7, 8)),
            ("七至八月", (7, 8)),
            ("七月至八月", (7, 8)),
            ("7—8月", (7, 8)),
            ("7-8月", (7, 8)),
            ("7~8", (7, 8)),
            ("7～8", (7, 8)),
            ("７—８", (7, 8)),
            ("12-1", (12, 1)),
            ("九、十、十一月", (9, 11)),
            ("十二、一、二月", (12, 2)),
            ("七八月", (7, 8)),
            ("三四月份", (3, 4)),
        ] {
            assert_eq!(parse_months(text), Ok(months), "{text}");
        }
        assert_eq!(parse_months("十三月"), Err(MonthError::NoSuchMonth(13)));
        assert_eq!(parse_months("0月"), Err(MonthError::NoSuchMonth(0)));
        assert_eq!(parse_months("正月"), Err(MonthError::Lunar("正月")));
        assert_eq!(parse_months("三、五、七月"), Err(MonthError::NotARun));
        assert_eq!(parse_months("三、五月"), Err(MonthError::NotARun));
        assert_eq!(parse_months("3月、5月"), Err(MonthError::NotARun));
        assert_eq!(parse_months("十二、一月"), Ok((12, 1)));
        assert_eq!(parse_months("三至五月"), Ok((3, 5)));
        assert_eq!(parse_months("七九月"), Err(MonthError::NoSuchMonth(79)));
        assert_eq!(parse_months("spring"), Err(MonthError::NotAMonth));
        assert_eq!(parse_months("7-"), Err(MonthError::NotAMonth));
    }

    #[test]
    fn dates_as_typed() {
        for text in JANUARY_5_AS_TYPED {
            assert_eq!(parse_date(text), Ok((2027, 1, 5)), "{text}");
        }
        assert_eq!(parse_date("二〇二七年十二月三十一日"), Ok((2027, 12, 31)));
        assert_eq!(
            parse_date("2027-02-30"),
            Err(DateError::NoSuchDay {
                year: 2027,
                month: 2,
                day: 30,
                days: 28
            })
        );
        assert_eq!(parse_date("2028-02-29"), Ok((2028, 2, 29)));
        assert!(matches!(
            parse_date("2027-04-31"),
            Err(DateError::NoSuchDay { days: 30, .. })
        ));
        assert_eq!(parse_date("2027-13-01"), Err(DateError::NoSuchMonth(13)));
        assert_eq!(parse_date("2027-1/5"), Err(DateError::NotADate));
        assert_eq!(parse_date("20270105"), Err(DateError::NotADate));
        assert_eq!(parse_date("27-1-5"), Err(DateError::NoSuchYear(27)));
    }

    /// Full-width digits for the ASCII ones.
    fn wide(text: &str) -> String {
        text.chars()
            .map(|c| match c.to_digit(10) {
                Some(d) => char::from_u32('０' as u32 + d).unwrap_or(c),
                None => c,
            })
            .collect()
    }

    #[test]
    fn every_month_in_every_spelling_and_run() {
        let spellings = |m: u8| {
            let n = u64::from(m);
            [n.to_string(), wide(&n.to_string()), chinese(n)]
        };
        for m in 1..=12u8 {
            for spelling in spellings(m) {
                for suffix in ["", "月", "月份"] {
                    let text = format!("{spelling}{suffix}");
                    assert_eq!(parse_months(&text), Ok((m, m)), "{text}");
                }
            }
            let last = m % 12 + 1;
            for (a, b) in spellings(m).into_iter().zip(spellings(last)) {
                for separator in MONTH_SEPARATORS {
                    let text = format!("{a}{separator}{b}月份");
                    assert_eq!(parse_months(&text), Ok((m, last)), "{text}");
                }
            }
        }
    }

    #[test]
    fn every_day_of_two_years_in_every_writing() {
        for year in [2027, 2028] {
            for month in 1..=12u8 {
                let days = days_in_month(year, month).unwrap();
                for day in 1..=days {
                    let (m, d) = (u64::from(month), u64::from(day));
                    for text in [
                        format!("{year}-{month:02}-{day:02}"),
                        format!("{year}/{month}/{day}"),
                        format!("{year}.{month}.{day}"),
                        wide(&format!("{year}年{month}月{day}日")),
                        format!(
                            "{}年{}月{}日",
                            chinese_digits(year as u64),
                            chinese(m),
                            chinese(d)
                        ),
                    ] {
                        assert_eq!(parse_date(&text), Ok((year, month, day)), "{text}");
                    }
                }
                let past = format!("{year}-{month}-{}", days + 1);
                assert!(
                    matches!(parse_date(&past), Err(DateError::NoSuchDay { days: n, .. }) if n == days),
                    "{past}"
                );
            }
        }
    }

    #[test]
    fn years_as_typed() {
        for text in ["2027", "2027年", "２０２７", "二〇二七年", " 2027 年"] {
            assert_eq!(parse_year(text), Some(2027), "{text}");
        }
        for text in ["2027.5", "二千零二十七", "明年", ""] {
            assert_eq!(parse_year(text), None, "{text}");
        }
    }
}

/// The marker of the `n`th item at `level` (from 1); levels deeper than the patterns
/// given repeat the last one.
pub fn level_marker(patterns: &[Pattern], level: usize, n: u64) -> String {
    patterns
        .get(level.saturating_sub(1))
        .or(patterns.last())
        .expect("there is always at least one pattern")
        .marker(n)
}

/// Reads a Chinese numeral below 一万 (一, 十二, 一百零五); only the form [`chinese`] writes
/// is read, so that a run of numerals that is a word (三八, 一二) is no number.
pub fn parse_chinese(s: &str) -> Option<u64> {
    parse_number(s).filter(|&n| chinese(n) == s)
}

/// A marker typed by hand at the start of a text: `一、`, `（二）`, `3.`, `①`, `第四，` …
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Typed {
    /// Bytes of the marker as typed.
    pub marker_len: usize,
    /// Bytes of the marker and the spaces after it: what the text is without it.
    pub len: usize,
    pub number: u64,
    /// The pattern the marker is written in, to number it with.
    pub pattern: Pattern,
}

/// What may close a bracketed marker, full- or half-width: `（一）`, `(1)`, `（1)`.
const CLOSING: &str = "）)］]】〕";
/// What may follow a bare number as its marker's end: `一、`, `1.`, `1．`, `1，`, `1）`.
const AFTER_BARE: &str = "、，,．.）)";
/// What ends 第一 as a marker: `第一，`, `第一、`.
const AFTER_ORDINAL: &str = "、，,．.：:";
/// What a 第 marker may name: 第一条, 第一章, 第一部分; never 第一次, 第一届, 第一节课.
const ORDINAL_UNITS: [&str; 3] = ["条", "章", "部分"];

fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\u{3000}')
}

/// An arabic digit, half- or full-width.
fn arabic_digit(c: char) -> Option<u64> {
    match c {
        '0'..='9' => Some(c as u64 - '0' as u64),
        '０'..='９' => Some(c as u64 - '０' as u64),
        _ => None,
    }
}

fn circled_number(c: char) -> Option<u64> {
    (1..=50).find(|&n| circled(n) == Some(c))
}

/// The number at the start of `text` (arabic of at most three digits, a Chinese numeral, or
/// a circled number), how it is written, and what follows it.
fn leading_number(text: &str) -> Option<(u64, Numeral, &str)> {
    let first = text.chars().next()?;
    if let Some(n) = circled_number(first) {
        return Some((n, Numeral::Circled, &text[first.len_utf8()..]));
    }
    if let Some(n) = parenthesized_number(first) {
        return Some((n, Numeral::Parenthesized, &text[first.len_utf8()..]));
    }
    if arabic_digit(first).is_some() {
        let end = text
            .char_indices()
            .find(|&(_, c)| arabic_digit(c).is_none())
            .map_or(text.len(), |(at, _)| at);
        let digits = &text[..end];
        if digits.chars().count() > 3 {
            return None;
        }
        let n = digits
            .chars()
            .filter_map(arabic_digit)
            .fold(0, |n, d| n * 10 + d);
        return (n > 0).then_some((n, Numeral::Arabic, &text[end..]));
    }
    let end = text
        .char_indices()
        .find(|&(_, c)| !DIGITS.contains(&c) && !"十百千".contains(c))
        .map_or(text.len(), |(at, _)| at);
    // Most texts start with a word, not a number: no need to read one.
    if end == 0 {
        return None;
    }
    let n = parse_chinese(&text[..end]).filter(|&n| n > 0)?;
    Some((n, Numeral::Chinese, &text[end..]))
}

/// Whether `text` (what follows `1、` or `一、`) goes on to list months, as in 3、4月 and
/// 一、二月份: then the number before was a month, not a marker.
fn months_follow(text: &str) -> bool {
    let rest = text.trim_start_matches(|c: char| {
        arabic_digit(c).is_some() || DIGITS.contains(&c) || "十、，,".contains(c)
    });
    rest.len() < text.len() && rest.starts_with('月')
}

/// The marker typed at the start of `text`, if there is one, with the text around it:
/// `一、` `一，` `一.` `（一）` `(一)` `1、` `1.` `1．` `1，` `1）` `（1）` `(1)` `①` `第一，`
/// `第一条`, in full- or half-width digits and brackets. A number that is the text's own
/// is none: `1.5倍`, `5.13`, `2027年`, `3月8日`, `10%`, `1+2`, and a bare 一 without its
/// punctuation (`一是`, `一年来`, `一流`). Nothing after the marker, nothing typed before.
pub fn leading_marker(text: &str) -> Option<Typed> {
    let first = text.chars().next()?;
    let (prefix, rest) = if "（(［[【〔第".contains(first) {
        text.split_at(first.len_utf8())
    } else {
        ("", text)
    };
    let bracket = !prefix.is_empty() && prefix != "第";
    // Spaces inside a bracket are a slip of the hand: `( 三)`.
    let rest = if bracket {
        rest.trim_start_matches(is_space)
    } else {
        rest
    };
    let (number, numeral, after) = leading_number(rest)?;
    let after = if bracket {
        after.trim_start_matches(is_space)
    } else {
        after
    };
    let next = after.chars().next();
    let suffix_len = match (prefix, numeral) {
        ("第", Numeral::Circled | Numeral::Parenthesized) => return None,
        ("第", _) => {
            let unit = ORDINAL_UNITS
                .iter()
                .find(|u| after.starts_with(*u))
                .map_or(0, |u| u.len());
            let sep = after[unit..]
                .chars()
                .next()
                .filter(|&c| AFTER_ORDINAL.contains(c))
                .map_or(0, char::len_utf8);
            if unit + sep == 0 {
                return None;
            }
            unit + sep
        }
        ("", Numeral::Circled | Numeral::Parenthesized) => next
            .filter(|&c| "、．.".contains(c))
            .map_or(0, char::len_utf8),
        ("", _) => {
            // A space before a full-width mark is a slip (`一 、`); before `.` it is a number.
            let spaced = after.trim_start_matches(is_space);
            let gap = after.len() - spaced.len();
            let sep = spaced
                .chars()
                .next()
                .filter(|&c| AFTER_BARE.contains(c) && (gap == 0 || "、，．）".contains(c)))?;
            let following = &spaced[sep.len_utf8()..];
            let digit_follows = following.chars().next().and_then(arabic_digit).is_some();
            if numeral == Numeral::Arabic && digit_follows && sep != '、' && sep != '）' {
                return None;
            }
            // A festival written with a dot, 五.四青年节, 三．八妇女节, 十.一国庆: a day, not a
            // marker; 三.三八节系列活动 and 一.一年来的工作 are markers.
            if numeral == Numeral::Chinese && "．.".contains(sep) && is_festival(following) {
                return None;
            }
            if sep == '、' && months_follow(following) {
                return None;
            }
            // The next number after it is a list in the text: 一、二年级, 1、2号楼, 三，四月.
            let listed = leading_number(following)
                .is_some_and(|(m, kind, _)| kind == numeral && m == number + 1);
            if "、，,".contains(sep) && listed {
                return None;
            }
            gap + sep.len_utf8()
        }
        (_, _) => {
            let close = next.filter(|&c| CLOSING.contains(c))?;
            let then = after[close.len_utf8()..].chars().next();
            close.len_utf8() + then.filter(|&c| c == '、').map_or(0, char::len_utf8)
        }
    };
    let suffix = &after[..suffix_len];
    let marker_len = text.len() - after.len() + suffix_len;
    let content = text[marker_len..].trim_start_matches(is_space);
    if content.is_empty() {
        return None;
    }
    Some(Typed {
        marker_len,
        len: text.len() - content.len(),
        number,
        pattern: Pattern {
            prefix: prefix.to_owned(),
            numeral,
            suffix: suffix.to_owned(),
        },
    })
}

/// Whether `text`, after `五.` or `三．`, goes on as a festival's day and name: `四青年节`,
/// `八妇女节`, `一国庆`, `一期间`.
fn is_festival(text: &str) -> bool {
    const NAMES: [&str; 17] = [
        "节", "青年", "妇女", "劳动", "儿童", "建党", "建军", "国庆", "国际", "重阳", "植树",
        "护士", "庆祝", "期间", "前夕", "活动", "长假",
    ];
    let day: usize = text
        .chars()
        .take_while(|c| "一二三四五六七八九十".contains(*c))
        .map(char::len_utf8)
        .sum();
    // A day of the month, 一 to 三十一: `三八节` after `三.` is a festival's name, no day.
    let valid = parse_number(&text[..day]).is_some_and(|d| (1..=31).contains(&d));
    valid && NAMES.iter().any(|n| text[day..].starts_with(n))
}

/// A month label typed by hand at the start of a schedule's item: `三月份：`, `3月：`,
/// `七、八月：`, `7-8月 `.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TypedMonths {
    /// Bytes of the label as typed, with the colon or comma that ends it.
    pub label_len: usize,
    /// Bytes of the label and the spaces after it.
    pub len: usize,
    pub first: u8,
    pub last: u8,
}

/// A month, 1 to 12, at the start of `text`: 3, ３, 三, 十二, 元 or 正; and what follows.
fn leading_month(text: &str) -> Option<(u8, &str)> {
    let first = text.chars().next()?;
    if matches!(first, '元' | '正') {
        return Some((1, &text[first.len_utf8()..]));
    }
    let (n, numeral, rest) = leading_number(text)?;
    let counted = matches!(numeral, Numeral::Chinese | Numeral::Arabic);
    (counted && (1..=12).contains(&n)).then_some((n as u8, rest))
}

/// The month label typed at the start of `text`, if there is one: months (one, a list with
/// 、 or a range with — - ~ 至), 月 or 月份, then a colon, a comma or a space, and more text.
/// `3月8日`, `三月份开展` and `3月初：` are the item's own words, not a label.
pub fn leading_months(text: &str) -> Option<TypedMonths> {
    let (first, mut rest) = leading_month(text)?;
    let mut last = first;
    while let Some(sep) = rest.chars().next().filter(|&c| "、—–-~～至到".contains(c)) {
        let (month, after) = leading_month(&rest[sep.len_utf8()..])?;
        last = month;
        rest = after;
    }
    rest = rest.strip_prefix('月')?;
    rest = rest.strip_prefix('份').unwrap_or(rest);
    let end = rest.chars().next()?;
    let label_end = if "：:，,".contains(end) {
        end.len_utf8()
    } else if is_space(end) {
        0
    } else {
        return None;
    };
    let label_len = text.len() - rest.len() + label_end;
    let content = text[label_len..].trim_start_matches(is_space);
    if content.is_empty() {
        return None;
    }
    Some(TypedMonths {
        label_len,
        len: text.len() - content.len(),
        first,
        last,
    })
}

/// What a hand typed before a text that the tool numbers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Typing {
    Marker(Typed),
    Months(TypedMonths),
}

impl Typing {
    /// Bytes it takes with the spaces after it.
    pub fn skipped_len(&self) -> usize {
        match self {
            Typing::Marker(t) => t.len,
            Typing::Months(m) => m.len,
        }
    }

    /// Bytes of what was typed, without the spaces after it.
    pub fn typed_len(&self) -> usize {
        match self {
            Typing::Marker(t) => t.marker_len,
            Typing::Months(m) => m.label_len,
        }
    }
}

/// What was typed at the start of `text` that the tool writes itself, in order, each with
/// its byte offset: a marker, and, for an item of a schedule (`months`), then a month label
/// and a marker after it (`1. 三月份：`, `三月份：1.`).
pub fn typed_prefixes(text: &str, months: bool) -> Vec<(usize, Typing)> {
    let mut found = Vec::new();
    // Every marker and month label starts with a number, a bracket, 第, or 元/正 for January;
    // most texts start with a word, and are done with at one look.
    let Some(first) = text.chars().next() else {
        return found;
    };
    let may_start = arabic_digit(first).is_some()
        || circled_number(first).is_some()
        || DIGITS.contains(&first)
        || "十百千〇两（(［[【〔第元正".contains(first);
    if !may_start {
        return found;
    }
    let mut at = 0;
    if let Some(marker) = leading_marker(text) {
        at = marker.len;
        found.push((0, Typing::Marker(marker)));
    }
    if months {
        if let Some(label) = leading_months(&text[at..]) {
            let start = at;
            at += label.len;
            found.push((start, Typing::Months(label)));
            if found.len() == 1 {
                if let Some(marker) = leading_marker(&text[at..]) {
                    found.push((at, Typing::Marker(marker)));
                }
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// An independent reader of Chinese numerals, to check `chinese` against.
    fn parse(s: &str) -> Option<u64> {
        let digit = |c: char| DIGITS.iter().position(|&d| d == c).map(|d| d as u64);
        let mut total = 0u64; // finished 亿 and 万 groups
        let mut section = 0u64; // current group below 万
        let mut number = 0u64; // last digit read
        for c in s.chars() {
            if let Some(d) = digit(c) {
                number = d;
                continue;
            }
            match c {
                '十' | '百' | '千' => {
                    let unit = match c {
                        '十' => 10,
                        '百' => 100,
                        _ => 1000,
                    };
                    let n = if number == 0 && c == '十' { 1 } else { number };
                    section += n * unit;
                    number = 0;
                }
                '万' => {
                    total += (section + number) * 10_000;
                    section = 0;
                    number = 0;
                }
                '亿' => {
                    total = (total + section + number) * 100_000_000;
                    section = 0;
                    number = 0;
                }
                _ => return None,
            }
        }
        Some(total + section + number)
    }

    #[test]
    fn numbers_as_documents_write_them() {
        let table = [
            (1, "一"),
            (9, "九"),
            (10, "十"),
            (11, "十一"),
            (19, "十九"),
            (20, "二十"),
            (21, "二十一"),
            (99, "九十九"),
            (100, "一百"),
            (101, "一百零一"),
            (110, "一百一十"),
            (111, "一百一十一"),
            (1000, "一千"),
            (1001, "一千零一"),
            (1010, "一千零一十"),
            (1100, "一千一百"),
            (10_000, "一万"),
            (10_001, "一万零一"),
            (10_010, "一万零一十"),
            (10_100, "一万零一百"),
            (11_000, "一万一千"),
            (100_000, "十万"),
            (110_000, "十一万"),
            (1_000_000, "一百万"),
            (100_000_001, "一亿零一"),
            (100_010_000, "一亿零一万"),
        ];
        for (n, expected) in table {
            assert_eq!(chinese(n), expected, "{n}");
        }
    }

    #[test]
    fn years_digit_by_digit() {
        assert_eq!(chinese_digits(2027), "二〇二七");
        assert_eq!(chinese_digits(2000), "二〇〇〇");
    }

    #[test]
    fn patterns_inferred_from_first_markers() {
        let cases = [
            ("一、", 3, "三、"),
            ("（一）", 12, "（十二）"),
            ("(一)", 4, "(四)"),
            ("1.", 10, "10."),
            ("1、", 2, "2、"),
            ("（1）", 7, "（7）"),
            ("(1)", 7, "(7)"),
            ("①", 3, "③"),
            ("①", 21, "㉑"),
            ("①", 36, "㊱"),
            ("①", 50, "㊿"),
            ("①", 51, "51"),
            ("⑴", 2, "⑵"),
            ("⑴", 21, "(21)"),
            ("第一条", 2, "第二条"),
        ];
        for (first, n, expected) in cases {
            assert_eq!(
                Pattern::infer(first).unwrap().marker(n),
                expected,
                "{first} {n}"
            );
        }
    }

    #[test]
    fn markers_that_are_not_a_first_marker_are_refused() {
        assert_eq!(Pattern::infer("三、"), Err(PatternError::NotFirst));
        assert_eq!(Pattern::infer("2."), Err(PatternError::NotFirst));
        assert_eq!(Pattern::infer("12."), Err(PatternError::NotFirst));
        assert_eq!(Pattern::infer("、"), Err(PatternError::NoNumber));
        assert_eq!(Pattern::infer(""), Err(PatternError::NoNumber));
    }

    #[test]
    fn chinese_numerals_read_back() {
        for (text, n) in [
            ("一", 1),
            ("十", 10),
            ("十二", 12),
            ("九十九", 99),
            ("一百零五", 105),
        ] {
            assert_eq!(parse_chinese(text), Some(n), "{text}");
        }
        for word in ["三八", "一二", "一十", "十〇", "", "两"] {
            assert_eq!(parse_chinese(word), None, "{word}");
        }
    }

    /// The typed marker's text and number, if `text` starts with one.
    fn typed(text: &str) -> Option<(&str, u64)> {
        leading_marker(text).map(|t| (&text[..t.marker_len], t.number))
    }

    #[test]
    fn typed_markers_of_every_pattern_are_found() {
        let cases = [
            ("一、指导思想", "一、", 1),
            ("一，加强学习", "一，", 1),
            ("二.开展活动", "二.", 2),
            ("（一）增强服务意识", "（一）", 1),
            ("(二)关心教职工", "(二)", 2),
            ("（十二）其他", "（十二）", 12),
            ("1、提高教代会质量。", "1、", 1),
            ("1.组织“五一”活动", "1.", 1),
            ("3． 开展", "3．", 3),
            ("1，开展", "1，", 1),
            ("2）开展", "2）", 2),
            ("2)开展", "2)", 2),
            ("（1）开展", "（1）", 1),
            ("(3)开展", "(3)", 3),
            ("（3)开展", "（3)", 3),
            ("①开展", "①", 1),
            ("⑫开展", "⑫", 12),
            ("⑴ 加强民主管理", "⑴", 1),
            ("⑵开展", "⑵", 2),
            ("第四，加强", "第四，", 4),
            ("第二、加强", "第二、", 2),
            ("第三条 工会", "第三条", 3),
            ("第一部分 总结", "第一部分", 1),
            ("１２、全角", "１２、", 12),
            ("（２）全角", "（２）", 2),
            ("（一）、多一个顿号", "（一）、", 1),
            ("( 三)加强", "( 三)", 3),
            ("一 、指导思想", "一 、", 1),
            ("1、2027年启动", "1、", 1),
            ("一、三八节活动", "一、", 1),
            ("三.三八节系列活动", "三.", 3),
            ("一.一年来的主要工作", "一.", 1),
            ("二.二〇二六年工作打算", "二.", 2),
        ];
        for (text, marker, n) in cases {
            assert_eq!(typed(text), Some((marker, n)), "{text}");
        }
    }

    #[test]
    fn the_spaces_after_a_marker_go_with_it() {
        let t = leading_marker("一、　 指导思想").unwrap();
        assert_eq!(t.marker_len, "一、".len());
        assert_eq!(t.len, "一、　 ".len());
        assert_eq!(t.pattern.marker(2), "二、");
        let t = leading_marker("（三） 工会").unwrap();
        assert_eq!(t.pattern.marker(4), "（四）");
    }

    #[test]
    fn numbers_that_are_the_texts_own_are_no_markers() {
        let words = [
            "1+2示范学校",
            "5.13汶川地震纪念日",
            "2027年工作",
            "3月8日开展活动",
            "10%的教职工",
            "1.5倍",
            "1,000人",
            "一是加强学习",
            "一年来",
            "一流的服务",
            "一线教师",
            "三八妇女节",
            "一二·九运动",
            "五.四青年节专题庆祝活动",
            "三．八妇女节",
            "十.一国庆",
            "五.一期间组织职工疗休养",
            "第一次会议",
            "第一届运动会",
            "第一节课",
            "第一学期",
            "3、4月开展",
            "一、二月份",
            "一、二年级教师分两批体检。",
            "1、2号楼教师办公室装空调。",
            "一，二年级组开展拔河比赛。",
            "三、四年级",
            "1.1 组织",
            "3 名教师",
            "1 . 5",
            "一、",
            "（一）",
            "(1)",
            "0.开展",
            "2027.开展",
            "十一五规划",
            "",
        ];
        for text in words {
            assert_eq!(typed(text), None, "{text}");
        }
    }

    #[test]
    fn month_labels_typed_into_items() {
        fn label(text: &str) -> Option<(&str, u8, u8, &str)> {
            leading_months(text).map(|m| (&text[..m.label_len], m.first, m.last, &text[m.len..]))
        }
        assert_eq!(label("三月份：开展"), Some(("三月份：", 3, 3, "开展")));
        assert_eq!(label("3月：开展"), Some(("3月：", 3, 3, "开展")));
        assert_eq!(label("３月: 开展"), Some(("３月:", 3, 3, "开展")));
        assert_eq!(label("七、八月：暑假"), Some(("七、八月：", 7, 8, "暑假")));
        assert_eq!(label("7-8月 暑假"), Some(("7-8月", 7, 8, "暑假")));
        assert_eq!(label("元月份，寒假"), Some(("元月份，", 1, 1, "寒假")));
        assert_eq!(label("十二月：年终"), Some(("十二月：", 12, 12, "年终")));
        for text in [
            "3月8日开展",
            "三月份开展",
            "3月初：开展",
            "13月：",
            "三月：",
        ] {
            assert_eq!(label(text), None, "{text}");
        }
    }

    #[test]
    fn typed_prefixes_in_order() {
        fn kinds(text: &str) -> Vec<(usize, &str)> {
            typed_prefixes(text, true)
                .into_iter()
                .map(|(at, t)| (at, &text[at..at + t.typed_len()]))
                .collect()
        }
        assert_eq!(kinds("1. 三月份：开展"), [(0, "1."), (3, "三月份：")]);
        assert_eq!(kinds("三月份：1.开展"), [(0, "三月份："), (12, "1.")]);
        assert_eq!(kinds("开展"), []);
        assert_eq!(typed_prefixes("三月份：开展", false), []);
    }

    #[test]
    fn level_markers_repeat_the_last_pattern() {
        let patterns = default_patterns();
        assert_eq!(level_marker(&patterns, 1, 2), "二、");
        assert_eq!(level_marker(&patterns, 4, 3), "（3）");
        assert_eq!(level_marker(&patterns, 7, 3), "（3）");
    }

    proptest! {
        #[test]
        fn round_trips_through_a_reader(n in 0u64..1_000_000_000_000) {
            prop_assert_eq!(parse(&chinese(n)), Some(n));
        }

        #[test]
        fn never_two_zeros_in_a_row(n in 0u64..1_000_000_000_000) {
            prop_assert!(!chinese(n).contains("零零"));
        }

        #[test]
        fn never_a_leading_yi_shi(n in 0u64..1_000_000_000_000) {
            prop_assert!(!chinese(n).starts_with("一十"));
        }

        #[test]
        fn no_trailing_zero(n in 1u64..1_000_000_000_000) {
            prop_assert!(!chinese(n).ends_with('零'));
        }

        #[test]
        fn typed_markers_are_found_in_every_pattern(n in 1u64..=99) {
            let firsts = [
                "一、", "一，", "一.", "（一）", "(一)", "1、", "1.", "1．", "1，", "1）",
                "（1）", "(1)", "①", "第一，", "第一、", "第一条",
            ];
            for first in firsts {
                let pattern = Pattern::infer(first).unwrap();
                if pattern.numeral == Numeral::Circled && n > 50 {
                    continue;
                }
                let marker = pattern.marker(n);
                let text = format!("{marker}开展活动");
                let typed = leading_marker(&text);
                prop_assert_eq!(typed.as_ref().map(|t| t.number), Some(n), "{}", text);
                let typed = typed.unwrap();
                prop_assert_eq!(&text[..typed.marker_len], marker.as_str());
                prop_assert_eq!(typed.pattern, pattern);
            }
        }

        #[test]
        fn typed_prefixes_end_inside_the_text(text in "[（(第一二三十0-9０-９①、，.．）) 　月份：a-z]{0,12}") {
            for (at, typed) in typed_prefixes(&text, true) {
                prop_assert!(at + typed.skipped_len() < text.len());
                prop_assert!(text.is_char_boundary(at + typed.typed_len()));
                prop_assert!(text.is_char_boundary(at + typed.skipped_len()));
            }
        }

        #[test]
        fn chinese_numerals_parse_back(n in 1u64..10_000) {
            prop_assert_eq!(parse_chinese(&chinese(n)), Some(n));
        }
    }
}
