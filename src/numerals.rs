//! Integers as Chinese numerals, numbering markers and their patterns: pure functions.

use std::fmt;

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

/// How a level writes its numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Numeral {
    /// 一 二 三
    Chinese,
    /// 1 2 3
    Arabic,
    /// ① ② ③, falling back to arabic digits past ㊿
    Circled,
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
}

impl fmt::Display for PatternError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PatternError::NoNumber => write!(f, "holds no number one (一, 1 or ①)"),
            PatternError::NotFirst => write!(f, "is not the first marker of its level"),
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
        ];
        for (one, numeral) in numerals {
            if let Some(at) = first.find(one) {
                let prefix = &first[..at];
                let suffix = &first[at + one.len_utf8()..];
                if numeral == Numeral::Arabic && suffix.starts_with(|c: char| c.is_ascii_digit()) {
                    return Err(PatternError::NotFirst);
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
    }
}
