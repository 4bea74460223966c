//! The period's months: schedules outside it or out of its order, signatures dated far from it.

use crate::error::{Finding, Seg};
use crate::model::{Period, Plan, ScheduleEntry};

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

/// A signature dated more than three months outside the period. A school's plan whose
/// year is given by `year` alone and dated months before its period, in the period a year
/// earlier, was most likely written for that one (`年度: 2027` with 下学期 is spring 2028,
/// and a secretary writing for spring 2027 types 2027): it is told which school year it was
/// read as and how to write the other.
pub(super) fn signature_date(plan: &Plan, out: &mut Vec<Finding>) {
    let (Some(year), Some(date)) = (
        plan.calendar_year(),
        plan.signature.as_ref().and_then(|s| s.date),
    ) else {
        return;
    };
    let period = plan.period;
    let index = |(y, m): (i32, u8)| y * 12 + i32::from(m) - 1;
    let at = index((date.year, date.month));
    let near = |year: i32| {
        let (start, end) = period.span(year);
        at >= index(start) - 3 && at <= index(end) + 3
    };
    if near(year) {
        return;
    }
    let (start, end) = period.span(year);
    let dated = format!("{}-{:02}-{:02}", date.year, date.month, date.day);
    let path = vec![Seg::Key("signature"), Seg::Key("date")];
    let ambiguous = period.is_school() && plan.school_year.is_none();
    if ambiguous && at < index(start) && near(year - 1) {
        let chinese = period.chinese();
        out.push(Finding::warning(
            path,
            format!(
                "the signature is dated {dated}, {} months before the plan's period as read: \
                 `年度: {year}` with {chinese} is {}, {}",
                index(start) - at,
                period.when(year),
                period.months_when(year)
            ),
            format!(
                "a school's `年度` is the year its school year starts; for {}, {}, write \
                 `学年: {}—{year}` in place of `年度: {year}`",
                period.when(year - 1),
                period.months_when(year - 1),
                year - 1
            ),
        ));
        return;
    }
    out.push(Finding::warning(
        path,
        format!("the signature is dated {dated}, more than three months outside the period"),
        format!(
            "the period runs {}-{:02} to {}-{:02}",
            start.0, start.1, end.0, end.1
        ),
    ));
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

    #[test]
    fn a_term_dated_a_year_before_it_as_read() {
        let found = findings(
            "year: 2027\nperiod: spring-term\nsignature: {date: 2027-02-20}\nsections: [a]\n",
        );
        assert_eq!(
            found,
            [
                "the signature is dated 2027-02-20, 12 months before the plan's period as read: \
              `年度: 2027` with 下学期 is 2027—2028学年第二学期, 2028年2月至7月"
            ]
        );
        let autumn = findings(
            "year: 2027\nperiod: autumn-term\nsignature: {date: 2026-08-28}\nsections: [a]\n",
        );
        assert!(
            autumn[0].contains("2027—2028学年第一学期, 2027年9月至2028年1月"),
            "{autumn:?}"
        );
        // Said without doubt, or dated in the term as read: nothing to ask.
        for plan in [
            "school_year: 2026—2027\nperiod: spring-term\nsignature: {date: 2027-02-20}\n",
            "year: 2026\nperiod: spring-term\nsignature: {date: 2027-02-20}\n",
            "year: 2027\nperiod: spring-term\nsignature: {date: 2028-01-10}\n",
        ] {
            assert!(
                findings(&format!("{plan}sections: [a]\n")).is_empty(),
                "{plan}"
            );
        }
        // Given by its school year, a term dated a year early is only far from its period.
        assert_eq!(
            findings(
                "school_year: 2027—2028\nperiod: spring-term\nsignature: {date: 2027-02-20}\n\
                 sections: [a]\n"
            ),
            ["the signature is dated 2027-02-20, more than three months outside the period"]
        );
        // Two years early is no slip of one year.
        assert!(findings(
            "year: 2027\nperiod: spring-term\nsignature: {date: 2026-02-20}\nsections: [a]\n"
        )[0]
        .contains("more than three months"));
    }
}
