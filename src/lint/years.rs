//! Years in the text that contradict the plan's year.

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
        let marked = ["年", "—", "-", "–"].iter().any(|m| rest.starts_with(m));
        if number.len() == 4 && (number.starts_with("19") || number.starts_with("20")) && marked {
            spans.push((start, i));
        }
    }
    spans
}

/// A year in the title or text that contradicts `year`.
pub(super) fn years(period: Period, year: i32, path: &[Seg], text: &str, out: &mut Vec<Finding>) {
    let school = period.is_school();
    let last = if school { year + 1 } else { year };
    // The title must name the plan's own year; text may also look a year back or ahead.
    let (low, high) = if path == [Seg::Key("title")] {
        (year, last)
    } else {
        (year - 1, last + 1)
    };
    for (start, end) in year_spans(text) {
        let written = &text[start..end];
        let Ok(found) = written.parse::<i32>() else {
            continue;
        };
        if !(low..=high).contains(&found) {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::findings;

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
        assert_eq!(findings("year: 2027\nsections: [2019年以来]\n").len(), 1);
        assert!(findings(
            "year: 2026\nperiod: school-year\ntitle: 2026—2027学年工作计划\nsections: [a]\n"
        )
        .is_empty());
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
