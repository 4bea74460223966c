//! The period's months: schedules outside it or out of its order, signatures dated far from it.

use crate::error::{Finding, Seg};
use crate::model::{Period, Plan, ScheduleEntry};
use crate::msg;

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
                    msg!(
                        "month-outside-period",
                        month = month,
                        period = period.name()
                    ),
                    msg!("month-outside-period-hint"),
                ));
                continue;
            };
            if seen.contains(&month) {
                out.push(Finding::warning(
                    at.clone(),
                    msg!("month-repeated", month = month),
                    msg!("month-repeated-hint"),
                ));
            } else if let Some((_, before_month)) = last.filter(|(before, _)| position < *before) {
                out.push(Finding::warning(
                    at.clone(),
                    msg!("month-out-of-order", month = month, before = before_month),
                    msg!("month-out-of-order-hint", months = month_list(order)),
                ));
            }
            seen.push(month);
            last = Some((position, month));
        }
    }
}

fn month_list(months: &[u8]) -> Vec<String> {
    months.iter().map(u8::to_string).collect()
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
        out.push(Finding::warning(
            path,
            msg!(
                "signature-school-year",
                date = dated,
                months = index(start) - at,
                year = year.to_string(),
                period = period.chinese(),
                when = period.when(year),
                span = period.months_when(year),
            ),
            msg!(
                "signature-school-year-hint",
                when = period.when(year - 1),
                span = period.months_when(year - 1),
                previous = (year - 1).to_string(),
                year = year.to_string(),
            ),
        ));
        return;
    }
    out.push(Finding::warning(
        path,
        msg!("signature-far-from-period", date = dated),
        msg!(
            "signature-far-from-period-hint",
            start = format!("{}-{:02}", start.0, start.1),
            end = format!("{}-{:02}", end.0, end.1),
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
                "`3月` is outside the plan's period, `下半年` (second-half)",
                "`8月` comes after `9月`, out of the period's order",
                "`9月` appears twice in the schedule",
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
              `年度: 2027` with `下学期` is `2027—2028学年第二学期`, `2028年2月至7月`"
            ]
        );
        let autumn = findings(
            "year: 2027\nperiod: autumn-term\nsignature: {date: 2026-08-28}\nsections: [a]\n",
        );
        assert!(
            autumn[0].contains("`2027—2028学年第一学期`, `2027年9月至2028年1月`"),
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

    #[test]
    fn the_period_in_chinese() {
        use crate::lint::said;
        use crate::messages::Lang;
        let found = said(
            Lang::Zh,
            "period: autumn-term\nschedule:\n- month: 3\n- month: 10\n- month: 9\n",
        );
        assert_eq!(
            found,
            [
                (
                    "3月不在计划期间内，计划期间是 `上学期`（9月至次年1月）".to_owned(),
                    "请删去这个月，或把 `期间` 改成计划实际涵盖的时段".to_owned()
                ),
                (
                    "9月排在10月后面，与计划期间的先后顺序不符".to_owned(),
                    "请按计划期间的顺序排列月份：9、10、11、12、1月".to_owned()
                ),
            ]
        );
        let found = said(
            Lang::Zh,
            "year: 2027\nperiod: spring-term\nsignature: {date: 2027-02-20}\nsections: [a]\n",
        );
        assert_eq!(
            found,
            [(
                "落款日期是 2027-02-20，比按现在的写法读出的计划期间早12个月：`年度: 2027` \
                 加上 `下学期`，指的是2027—2028学年第二学期（2028年2月至7月）"
                    .to_owned(),
                "学校计划的 `年度` 是学年开始的那一年；如果这是2026—2027学年第二学期\
                 （2027年2月至7月）的计划，请把 `年度: 2027` 改为 `学年: 2026—2027`"
                    .to_owned()
            )]
        );
        assert_eq!(
            said(
                Lang::Zh,
                "year: 2027\nsignature: {date: 2025-12-20}\nsections: [a]\n"
            ),
            [(
                "落款日期是 2025-12-20，离计划期间超过三个月".to_owned(),
                "计划期间是 2027-01 至 2027-12".to_owned()
            )]
        );
    }
}
