//! The title line (organization, year, period, kind) and the 落款 at the end.

use crate::model::{Date, Kind, Period};

/// What a title line says.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Title {
    pub organization: Option<String>,
    pub year: Option<i32>,
    pub school_year: Option<(i32, i32)>,
    pub period: Period,
    pub kind: Kind,
    /// The line itself, kept when the default title would read otherwise.
    pub verbatim: Option<String>,
}

/// The words that make a line a plan's title.
pub const KINDS: [&str; 10] = [
    "计划", "总结", "思路", "要点", "打算", "安排", "計劃", "總結", "要點", "安排",
];

/// Whether a first line reads as the document's title: short, unnumbered, naming a kind.
pub fn is_title(text: &str) -> bool {
    text.chars().count() <= 50
        && !crate::text::ends_a_sentence(text)
        && !text.ends_with(['，', ',', '、', '：', ':'])
        && crate::numerals::leading_marker(text).is_none()
        && KINDS.iter().any(|k| text.contains(k))
}

/// A year of four digits at `at` in `chars` (19xx or 20xx, half- or full-width).
fn year_at(text: &str) -> Option<(usize, i32, usize)> {
    let half = crate::numerals::half_width(text);
    let bytes = half.as_bytes();
    for at in 0..bytes.len().saturating_sub(3) {
        let digits = &bytes[at..at + 4];
        if digits.iter().all(u8::is_ascii_digit)
            && (at == 0 || !bytes[at - 1].is_ascii_digit())
            && bytes.get(at + 4).is_none_or(|b| !b.is_ascii_digit())
        {
            let year: i32 = std::str::from_utf8(digits).ok()?.parse().ok()?;
            if (1900..=2200).contains(&year) {
                // Back to the original text's byte offsets: count characters.
                let chars = half[..at].chars().count();
                let start = text.char_indices().nth(chars).map_or(text.len(), |c| c.0);
                let end = text
                    .char_indices()
                    .nth(chars + 4)
                    .map_or(text.len(), |c| c.0);
                return Some((start, year, end));
            }
        }
    }
    None
}

/// Reads the title line.
pub fn read(text: &str) -> Title {
    let mut title = Title::default();
    let mut org_end = text.len();
    if let Some((start, year, end)) = year_at(text) {
        org_end = start;
        title.year = Some(year);
        let rest = &text[end..];
        let rest = rest.trim_start_matches('年');
        let rest = rest.trim_start_matches(crate::model::SCHOOL_YEAR_SEPARATORS);
        if let Some((_, last, _)) = year_at(rest).filter(|(s, ..)| *s == 0) {
            title.school_year = Some((year, last));
            title.period = Period::SchoolYear;
        }
    }
    let periods = [
        ("上半年", Period::FirstHalf),
        ("下半年", Period::SecondHalf),
        ("第一学期", Period::AutumnTerm),
        ("上学期", Period::AutumnTerm),
        ("秋季学期", Period::AutumnTerm),
        ("第二学期", Period::SpringTerm),
        ("下学期", Period::SpringTerm),
        ("春季学期", Period::SpringTerm),
        // Traditional text.
        ("第一學期", Period::AutumnTerm),
        ("上學期", Period::AutumnTerm),
        ("秋季學期", Period::AutumnTerm),
        ("第二學期", Period::SpringTerm),
        ("下學期", Period::SpringTerm),
        ("春季學期", Period::SpringTerm),
    ];
    for (words, period) in periods {
        if let Some(at) = text.find(words) {
            title.period = period;
            org_end = org_end.min(at);
            break;
        }
    }
    if title.period.is_school() && title.school_year.is_none() {
        if let Some(year) = title.year {
            title.school_year = Some((year, year + 1));
        }
    }
    if text.contains("总结") || text.contains("總結") {
        title.kind = Kind::Summary;
    }
    for word in [
        "年度", "工作", "计划", "总结", "思路", "要点", "計劃", "總結", "要點",
    ] {
        if let Some(at) = text.find(word) {
            org_end = org_end.min(at);
        }
    }
    // A year written as a placeholder (20xx年, ××年) ends the organization too.
    if let Some(at) = text.find('年') {
        let year_chars = |c: char| {
            c.is_ascii_digit()
                || ('０'..='９').contains(&c)
                || "xX×＊*〇零一二三四五六七八九".contains(c)
        };
        let start = text[..at]
            .char_indices()
            .rev()
            .take_while(|&(_, c)| year_chars(c))
            .last()
            .map_or(at, |(i, _)| i);
        if start < at {
            org_end = org_end.min(start);
        }
    }
    let organization = text[..org_end].trim();
    if organization.chars().count() >= 2 {
        title.organization = Some(organization.to_owned());
    }
    let default = crate::view::default_title(
        title.organization.as_deref().unwrap_or(""),
        title.year,
        title.period,
        title.kind,
    );
    if default != text {
        title.verbatim = Some(text.to_owned());
    }
    title
}

/// A 落款's date as written, and whether it is written in Chinese numerals.
pub fn date(text: &str) -> Option<(Date, bool)> {
    let text = text.trim();
    let date = Date::parse(text)?;
    let chinese = text.chars().any(|c| "〇零一二三四五六七八九十".contains(c));
    Some((date, chinese))
}

/// Whether a line can be the organization of a 落款: short, no sentence, no marker.
pub fn is_signer(text: &str) -> bool {
    let len = text.chars().count();
    (2..=30).contains(&len)
        && !crate::text::ends_a_sentence(text)
        && !text.contains(['，', ',', '、'])
        && crate::numerals::leading_marker(text).is_none()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_say_organization_year_period_and_kind() {
        let t = read("城东中学工会2027年上半年工作计划");
        assert_eq!(t.organization.as_deref(), Some("城东中学工会"));
        assert_eq!(
            (t.year, t.period, t.kind),
            (Some(2027), Period::FirstHalf, Kind::Plan)
        );
        assert_eq!(t.verbatim, None);
        let t = read("滨江小学工会2026—2027学年第二学期工作总结");
        assert_eq!(t.school_year, Some((2026, 2027)));
        assert_eq!((t.period, t.kind), (Period::SpringTerm, Kind::Summary));
        assert_eq!(t.verbatim, None);
        let t = read("区教育工会20xx年工作思路");
        assert_eq!(t.organization.as_deref(), Some("区教育工会"));
        assert_eq!(t.year, None);
        assert_eq!(t.verbatim.as_deref(), Some("区教育工会20xx年工作思路"));
    }

    #[test]
    fn signature_dates_in_any_form() {
        assert_eq!(date("二〇二七年一月五日").map(|d| d.1), Some(true));
        assert_eq!(date("2027.1.5").map(|d| (d.0.day, d.1)), Some((5, false)));
        assert_eq!(date("2027年1月"), None);
        assert!(is_signer("城东中学工会"));
        assert!(!is_signer("一、学习。"));
    }
}
