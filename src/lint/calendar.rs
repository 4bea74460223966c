//! The period's months: schedules outside it or out of its order, signatures dated far from it.

use crate::error::{Finding, Seg};
use crate::model::{Date, Period, ScheduleEntry};

/// Schedule months outside the period, out of its order, or repeated.
pub(super) fn schedule_months(
    period: Period,
    path: &[Seg],
    schedule: &[ScheduleEntry],
    out: &mut Vec<Finding>,
) {
    let order = period.months();
    let mut last: Option<(usize, u8)> = None;
    let mut seen = Vec::new();
    for (e, entry) in schedule.iter().enumerate() {
        // A range that runs backwards is an error of its own; its months mean nothing.
        if !entry.month.runs_forward_from(period.start()) {
            continue;
        }
        let mut at = path.to_vec();
        at.extend([Seg::Index(e), Seg::Key("month")]);
        for month in entry.month.iter() {
            let Some(position) = order.iter().position(|&m| m == month) else {
                out.push(Finding::warning(
                    at.clone(),
                    format!("{month}月 is outside the plan's period, {}", period.name()),
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
                    format!("order the months as the period runs: {}", month_list(order)),
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
    let (start, end) = period.span(year);
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
