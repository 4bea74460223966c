//! The period's months: schedules outside it or out of its order, signatures dated far from it.

use crate::error::{Finding, Seg};
use crate::model::{Date, Period, ScheduleEntry};

/// The months of a period, in the order its schedule runs.
pub fn period_months(period: Period) -> Vec<u8> {
    match period {
        Period::Year => (1..=12).collect(),
        Period::FirstHalf => (1..=6).collect(),
        Period::SecondHalf => (7..=12).collect(),
        Period::AutumnTerm => vec![9, 10, 11, 12, 1],
        Period::SpringTerm => (2..=7).collect(),
        Period::SchoolYear => (9..=12).chain(1..=8).collect(),
    }
}

/// The month a period's schedule is read from: its first month, less half of the months
/// the period leaves out, so that a range just before the period (8-9 for an autumn term)
/// or just after it still runs forward, as in the calendar.
pub fn period_start(period: Period) -> u8 {
    let months = period_months(period);
    let outside = 12 - months.len() as u8;
    (months[0] - 1 + 12 - outside / 2) % 12 + 1
}

pub fn period_name(period: Period) -> &'static str {
    match period {
        Period::Year => "全年 (year)",
        Period::FirstHalf => "上半年 (first-half)",
        Period::SecondHalf => "下半年 (second-half)",
        Period::AutumnTerm => "上学期 (autumn-term, 9月–1月)",
        Period::SpringTerm => "下学期 (spring-term, 2月–7月)",
        Period::SchoolYear => "学年 (school-year, 9月–8月)",
    }
}

/// Schedule months outside the period, out of its order, or repeated.
pub(super) fn schedule_months(
    period: Period,
    path: &[Seg],
    schedule: &[ScheduleEntry],
    out: &mut Vec<Finding>,
) {
    let order = period_months(period);
    let mut last: Option<(usize, u8)> = None;
    let mut seen = Vec::new();
    for (e, entry) in schedule.iter().enumerate() {
        // A range that runs backwards is an error of its own; its months mean nothing.
        if !entry.month.runs_forward_from(period_start(period)) {
            continue;
        }
        let mut at = path.to_vec();
        at.extend([Seg::Index(e), Seg::Key("month")]);
        for month in entry.month.iter() {
            let Some(position) = order.iter().position(|&m| m == month) else {
                out.push(Finding::warning(
                    at.clone(),
                    format!(
                        "{month}月 is outside the plan's period, {}",
                        period_name(period)
                    ),
                    "remove the entry, or set `period` to the span the plan covers",
                ));
                continue;
            };
            if seen.contains(&month) {
                out.push(Finding::warning(
                    at.clone(),
                    format!("{month}月 appears twice in the schedule"),
                    "merge the items into one entry for the month",
                ));
            } else if let Some((_, before_month)) = last.filter(|(before, _)| position < *before) {
                out.push(Finding::warning(
                    at.clone(),
                    format!("{month}月 comes after {before_month}月, out of the period's order"),
                    format!(
                        "order the months as the period runs: {}",
                        month_list(&order)
                    ),
                ));
            }
            seen.push(month);
            last = Some((position, month));
        }
    }
}

fn month_list(months: &[u8]) -> String {
    months
        .iter()
        .map(u8::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

/// A signature dated more than three months outside the period.
pub(super) fn signature_date(period: Period, year: i32, date: Date, out: &mut Vec<Finding>) {
    let (start, end) = match period {
        Period::Year => ((year, 1), (year, 12)),
        Period::FirstHalf => ((year, 1), (year, 6)),
        Period::SecondHalf => ((year, 7), (year, 12)),
        Period::AutumnTerm => ((year, 9), (year + 1, 1)),
        Period::SpringTerm => ((year + 1, 2), (year + 1, 7)),
        Period::SchoolYear => ((year, 9), (year + 1, 8)),
    };
    let index = |(y, m): (i32, u8)| y * 12 + i32::from(m) - 1;
    let at = index((date.year, date.month));
    if at < index(start) - 3 || at > index(end) + 3 {
        out.push(Finding::warning(
            vec![Seg::Key("signature"), Seg::Key("date")],
            format!(
                "the signature is dated {}-{:02}-{:02}, more than three months outside the period",
                date.year, date.month, date.day
            ),
            format!(
                "the period runs {}-{:02} to {}-{:02}",
                start.0, start.1, end.0, end.1
            ),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::findings;

    #[test]
    fn months_outside_out_of_order_or_repeated() {
        let found = findings(
            "period: second-half\nschedule:\n- month: 3\n- month: 9\n- month: 8\n- month: 9\n",
        );
        assert_eq!(
            found,
            [
                "3月 is outside the plan's period, 下半年 (second-half)",
                "8月 comes after 9月, out of the period's order",
                "9月 appears twice in the schedule",
            ]
        );
        assert!(findings("period: autumn-term\nschedule:\n- month: 9\n- month: 12-1\n").is_empty());
    }

    #[test]
    fn periods_start_half_their_gap_early() {
        let starts: Vec<u8> = [
            Period::Year,
            Period::FirstHalf,
            Period::SecondHalf,
            Period::AutumnTerm,
            Period::SpringTerm,
            Period::SchoolYear,
        ]
        .into_iter()
        .map(period_start)
        .collect();
        assert_eq!(starts, [1, 10, 4, 6, 11, 9]);
    }

    #[test]
    fn signature_dates() {
        assert!(findings("year: 2027\nsignature: {date: 2026-12-20}\nsections: [a]\n").is_empty());
        assert_eq!(
            findings("year: 2027\nsignature: {date: 2025-12-20}\nsections: [a]\n").len(),
            1
        );
        assert_eq!(
            findings(
                "year: 2027\nperiod: first-half\nsignature: {date: 2027-11-01}\nsections: [a]\n"
            )
            .len(),
            1
        );
    }
}
