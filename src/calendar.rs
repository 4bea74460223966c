//! The calendar of a plan's period: its months, in the order its schedule runs, the
//! years they fall in, and the words that name it.

use serde::de::value::{Error, StrDeserializer};
use serde::de::IntoDeserializer;
use serde::Deserialize;

use crate::messages::Message;
use crate::model::{variants_of, Period};
use crate::msg;

impl Period {
    /// The months of the period, in the order its schedule runs.
    pub fn months(self) -> &'static [u8] {
        match self {
            Period::Year => &[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
            Period::FirstHalf => &[1, 2, 3, 4, 5, 6],
            Period::SecondHalf => &[7, 8, 9, 10, 11, 12],
            Period::AutumnTerm => &[9, 10, 11, 12, 1],
            Period::SpringTerm => &[2, 3, 4, 5, 6, 7],
            Period::SchoolYear => &[9, 10, 11, 12, 1, 2, 3, 4, 5, 6, 7, 8],
        }
    }

    /// Whether the period is a school's (a term or the school year), which starts in
    /// September of the plan's year.
    pub fn is_school(self) -> bool {
        matches!(
            self,
            Period::AutumnTerm | Period::SpringTerm | Period::SchoolYear
        )
    }

    /// The month a period's schedule is read from: its first month, less half of the
    /// months the period leaves out, so that a range just before the period (8-9 for an
    /// autumn term) or just after it still runs forward, as in the calendar.
    pub fn start(self) -> u8 {
        let months = self.months();
        let outside = 12 - months.len() as u8;
        (months[0] - 1 + 12 - outside / 2) % 12 + 1
    }

    /// The year a month of the period falls in, for a plan of `year` (for a school, the
    /// year its school year starts).
    pub fn year_of(self, year: i32, month: u8) -> i32 {
        if self.is_school() && month < 9 {
            year + 1
        } else {
            year
        }
    }

    /// The first and the last month of the period, each with its year.
    pub fn span(self, year: i32) -> ((i32, u8), (i32, u8)) {
        let months = self.months();
        let (first, last) = (months[0], months[months.len() - 1]);
        (
            (self.year_of(year, first), first),
            (self.year_of(year, last), last),
        )
    }

    /// What a plan's title says of the period, after the year: 上半年, 第一学期 …
    pub fn title_words(self) -> &'static str {
        match self {
            Period::Year | Period::SchoolYear => "",
            Period::FirstHalf => "上半年",
            Period::SecondHalf => "下半年",
            Period::AutumnTerm => "第一学期",
            Period::SpringTerm => "第二学期",
        }
    }

    /// What a title says of the period of a plan of `year`, the year included:
    /// 2027年上半年, 2026—2027学年第二学期 …
    pub fn when(self, year: i32) -> String {
        if self.is_school() {
            format!("{year}—{}学年{}", year + 1, self.title_words())
        } else {
            format!("{year}年{}", self.title_words())
        }
    }

    /// The months of the period of a plan of `year`, with their years: 2027年2月至7月,
    /// 2026年9月至2027年1月.
    pub fn months_when(self, year: i32) -> String {
        let ((first_year, first), (last_year, last)) = self.span(year);
        if first_year == last_year {
            format!("{first_year}年{first}月至{last}月")
        } else {
            format!("{first_year}年{first}月至{last_year}年{last}月")
        }
    }

    /// The name a plan gives the period (`autumn-term`), as the format's serde names say.
    pub fn id(self) -> &'static str {
        self.names()[0]
    }

    /// The period's first Chinese name, as a plan writes it: 下学期.
    pub fn chinese(self) -> &'static str {
        self.names()[1]
    }

    /// How messages name the period, in the run's language: `上学期` (autumn-term, `9月`–`1月`)
    /// in English, with its months for a school's period, whose months no one has by heart.
    pub fn name(self) -> Message {
        match self {
            Period::Year => msg!("period-year"),
            Period::FirstHalf => msg!("period-first-half"),
            Period::SecondHalf => msg!("period-second-half"),
            Period::AutumnTerm => msg!("period-autumn-term"),
            Period::SpringTerm => msg!("period-spring-term"),
            Period::SchoolYear => msg!("period-school-year"),
        }
    }

    /// The English name of the period and its first Chinese one, as serde lists them: the
    /// name first, then its aliases.
    fn names(self) -> [&'static str; 2] {
        let names = variants_of::<Period>();
        let reads_as = |name: &str| {
            let name: StrDeserializer<Error> = name.into_deserializer();
            Period::deserialize(name).ok()
        };
        let at = names
            .iter()
            .position(|name| reads_as(name) == Some(self))
            .expect("every period has a name");
        [names[at], names[at + 1]]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::messages::Lang;

    const PERIODS: [Period; 6] = [
        Period::Year,
        Period::FirstHalf,
        Period::SecondHalf,
        Period::AutumnTerm,
        Period::SpringTerm,
        Period::SchoolYear,
    ];

    #[test]
    fn periods_are_named_as_plans_write_them() {
        let names = |lang| -> Vec<String> { PERIODS.iter().map(|p| p.name().say(lang)).collect() };
        assert_eq!(
            names(Lang::En),
            [
                "`全年` (year)",
                "`上半年` (first-half)",
                "`下半年` (second-half)",
                "`上学期` (autumn-term, `9月`–`1月`)",
                "`下学期` (spring-term, `2月`–`7月`)",
                "`学年` (school-year, `9月`–`8月`)",
            ]
        );
        assert_eq!(
            names(Lang::Zh),
            [
                "`全年`",
                "`上半年`",
                "`下半年`",
                "`上学期`（9月至次年1月）",
                "`下学期`（2月至7月）",
                "`学年`（9月至次年8月）",
            ]
        );
        // The catalogues name each period as the format does, with the months it runs.
        for period in PERIODS {
            let [first, last] = [period.months()[0], *period.months().last().unwrap()];
            let english = period.name().say(Lang::En);
            assert!(english.starts_with(&format!("`{}` ({}", period.chinese(), period.id())));
            assert_eq!(
                english.contains(&format!("`{first}月`–`{last}月`")),
                period.is_school(),
                "{english}"
            );
            let chinese = period.name().say(Lang::Zh);
            assert!(chinese.starts_with(&format!("`{}`", period.chinese())));
            assert_eq!(
                chinese.contains(&format!("{first}月至")),
                period.is_school()
            );
        }
        for period in PERIODS {
            let written = serde_json::to_value(period).unwrap();
            assert_eq!(written, period.id(), "{period:?}");
            assert_eq!(serde_yaml::from_str::<Period>(period.id()).unwrap(), period);
        }
    }

    #[test]
    fn spans_run_into_the_next_year_for_a_school() {
        let spans: Vec<_> = PERIODS.iter().map(|p| p.span(2026)).collect();
        assert_eq!(
            spans,
            [
                ((2026, 1), (2026, 12)),
                ((2026, 1), (2026, 6)),
                ((2026, 7), (2026, 12)),
                ((2026, 9), (2027, 1)),
                ((2027, 2), (2027, 7)),
                ((2026, 9), (2027, 8)),
            ]
        );
    }

    #[test]
    fn periods_said_with_their_years() {
        let said: Vec<(String, String)> = PERIODS
            .iter()
            .map(|p| (p.when(2026), p.months_when(2026)))
            .collect();
        let said: Vec<(&str, &str)> = said.iter().map(|(a, b)| (&a[..], &b[..])).collect();
        assert_eq!(
            said,
            [
                ("2026年", "2026年1月至12月"),
                ("2026年上半年", "2026年1月至6月"),
                ("2026年下半年", "2026年7月至12月"),
                ("2026—2027学年第一学期", "2026年9月至2027年1月"),
                ("2026—2027学年第二学期", "2027年2月至7月"),
                ("2026—2027学年", "2026年9月至2027年8月"),
            ]
        );
    }

    #[test]
    fn periods_start_half_their_gap_early() {
        let starts: Vec<u8> = PERIODS.into_iter().map(Period::start).collect();
        assert_eq!(starts, [1, 10, 4, 6, 11, 9]);
    }

    #[test]
    fn every_period_covers_its_months_once() {
        for period in PERIODS {
            let months = period.months();
            let mut sorted = months.to_vec();
            sorted.sort_unstable();
            sorted.dedup();
            assert_eq!(sorted.len(), months.len(), "{period:?}");
            assert!(months.iter().all(|m| (1..=12).contains(m)), "{period:?}");
        }
    }
}
