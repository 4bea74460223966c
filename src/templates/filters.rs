//! The filters templates may use: numerals, markers, month labels, dates and alignment.

use std::collections::BTreeMap;

use minijinja::value::{Kwargs, Value};
use minijinja::{Environment, ErrorKind};
use serde::Deserialize;
use unicode_width::UnicodeWidthStr;

use crate::model::{Date, DateStyle, MonthStyle, Months};
use crate::msg;
use crate::numerals::{self, Pattern};
use crate::view;

/// Characters on a line of an official document's page (GB/T 9704-2012: 28 × 22).
pub const LINE_CHARS: usize = 28;

/// `{{ 3 | marker("（一）") }}` is （三）: the marker of the nth item in the pattern of a
/// level's first marker, as `style.numbering` takes it.
fn marker(n: u64, first: &str) -> Result<String, minijinja::Error> {
    let pattern = Pattern::infer(first).map_err(|e| {
        let said = msg!("filter-marker", reason = e.message(first));
        minijinja::Error::new(ErrorKind::InvalidOperation, said.to_string())
    })?;
    Ok(pattern.marker(n))
}

/// `{{ month.months | month_label(numerals="arabic") }}` is 7、8月份: a month (7), a range
/// ("7-8", [7, 8]) or every month of one ([7, 8, 9]), labelled as `style.month` says.
fn month_label(months: Value, style: Kwargs) -> Result<String, minijinja::Error> {
    let months = match months.len() {
        Some(len) if len > 2 && months.as_str().is_none() => Value::from(vec![
            months.get_item_by_index(0)?,
            months.get_item_by_index(len - 1)?,
        ]),
        _ => months,
    };
    let months = Months::deserialize(months)?;
    let style: BTreeMap<String, Value> = style
        .args()
        .map(|key| Ok((key.to_owned(), style.get::<Value>(key)?)))
        .collect::<Result<_, minijinja::Error>>()?;
    let style = MonthStyle::deserialize(Value::from(style))?;
    Ok(view::month_label(months, &style))
}

/// `{{ "2027-01-05" | date("chinese") }}` is 二〇二七年一月五日; without a style, 2027年1月5日.
fn date(text: &str, style: Option<Value>) -> Result<String, minijinja::Error> {
    let date = Date::parse(text).ok_or_else(|| {
        minijinja::Error::new(
            ErrorKind::InvalidOperation,
            msg!("filter-not-a-date", text = text).to_string(),
        )
    })?;
    let style = match style {
        Some(style) => DateStyle::deserialize(style)?,
        None => DateStyle::default(),
    };
    Ok(view::format_date(date, style))
}

/// How many full-width character cells a text takes (an ASCII character is half a cell).
fn cells(text: &str) -> usize {
    text.width().div_ceil(2)
}

/// The widest line `align_right` and `align_center` lay text out on, in full-width
/// characters: a page's line is 28, a landscape one under 50. A wider one is a template
/// error, not gigabytes of padding.
pub const MAX_ALIGN_WIDTH: usize = 1000;

/// The line width a filter was given, or the GB/T 9704 line.
fn align_width(filter: &str, width: Option<u64>) -> Result<usize, minijinja::Error> {
    match width {
        None => Ok(LINE_CHARS),
        Some(width) if width <= MAX_ALIGN_WIDTH as u64 => Ok(width as usize),
        Some(width) => Err(minijinja::Error::new(
            ErrorKind::InvalidOperation,
            msg!(
                "filter-too-wide",
                filter = filter,
                width = width.to_string(),
                max = MAX_ALIGN_WIDTH
            )
            .to_string(),
        )),
    }
}

/// Right-aligns text on a line of `width` full-width characters, padding with U+3000.
fn align_right(text: &str, width: Option<u64>) -> Result<String, minijinja::Error> {
    let width = align_width("align_right", width)?;
    let pad = width.saturating_sub(cells(text));
    Ok(format!("{}{text}", "\u{3000}".repeat(pad)))
}

/// Centers text on a line of `width` full-width characters, padding with U+3000.
fn align_center(text: &str, width: Option<u64>) -> Result<String, minijinja::Error> {
    let width = align_width("align_center", width)?;
    let pad = width.saturating_sub(cells(text)) / 2;
    Ok(format!("{}{text}", "\u{3000}".repeat(pad)))
}

/// Adds every filter to `env` under the name templates call it by.
pub(super) fn add_filters(env: &mut Environment<'static>) {
    env.add_filter("align_right", align_right);
    env.add_filter("align_center", align_center);
    env.add_filter("chinese", numerals::chinese);
    env.add_filter("marker", marker);
    env.add_filter("month_label", month_label);
    env.add_filter("date", date);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::templates::render_str;

    #[test]
    fn filters_call_the_functions_the_view_uses() {
        let cases = [
            ("{{ 12 | chinese }}", "十二"),
            ("{{ 3 | marker('（一）') }}", "（三）"),
            ("{{ 12 | marker('1、') }}", "12、"),
            ("{{ 7 | month_label }}", "七月份"),
            ("{{ '7-8' | month_label(range='—') }}", "七—八月份"),
            ("{{ [7, 8, 9] | month_label }}", "七、八、九月份"),
            ("{{ [12, 1] | month_label(january='元') }}", "十二、元月份"),
            (
                "{{ 2 | month_label(numerals='arabic', suffix='月') }}",
                "2月",
            ),
            ("{{ '2027-01-05' | date }}", "2027年1月5日"),
            ("{{ '2027-01-05' | date('chinese') }}", "二〇二七年一月五日"),
            ("{{ '2027-01-05' | date('中文') }}", "二〇二七年一月五日"),
        ];
        for (template, expected) in cases {
            assert_eq!(render_str(template).unwrap(), expected, "{template}");
        }
        for wrong in [
            "{{ 3 | marker('x') }}",
            "{{ 13 | month_label }}",
            "{{ 3 | month_label(colour='red') }}",
            "{{ '2027-02-30' | date }}",
            "{{ '2027-02-03' | date('roman') }}",
        ] {
            assert!(render_str(wrong).is_err(), "{wrong}");
        }
    }

    #[test]
    fn alignment_counts_full_width_cells() {
        assert_eq!(
            align_right("城东中学工会", Some(8)).unwrap(),
            "\u{3000}\u{3000}城东中学工会"
        );
        assert_eq!(
            align_right("2027年1月5日", Some(8)).unwrap(),
            "\u{3000}\u{3000}2027年1月5日"
        );
        assert_eq!(
            align_center("计划", Some(6)).unwrap(),
            "\u{3000}\u{3000}计划"
        );
        let long = "长".repeat(30);
        assert_eq!(align_center(&long, None).unwrap(), long);
        let widest = align_right("", Some(MAX_ALIGN_WIDTH as u64)).unwrap();
        assert_eq!(widest.chars().count(), MAX_ALIGN_WIDTH);
    }

    #[test]
    fn alignment_wider_than_a_line_can_be_is_an_error() {
        for template in [
            r#"{{ "x"|align_right(18446744073709551615) }}"#,
            r#"{{ "x"|align_center(100000000000) }}"#,
            r#"{{ "x"|align_right(1001) }}"#,
            r#"{{ "x"|align_center(-1) }}"#,
            r#"{{ "x"|align_right(1e300) }}"#,
        ] {
            assert!(render_str(template).is_err(), "{template}");
        }
    }
}
