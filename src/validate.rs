//! Checking a plan file: every problem at once, each at its line and column, and the plan
//! the view cannot fail on when there is none. When the model cannot be read for an unknown
//! key, the whole file is walked for unknown keys, so a file with three typos hears about all
//! three.

use crate::error::{char_name, Diagnostic, Error, Finding, Problem, Seg, Severity};
use crate::lint;
use crate::load::{Entry, Located, Shape, Source};
use crate::messages::Message;
use crate::model::{
    aliases_of, english_key, keys_of, Marker, MonthStyle, Months, Node, Plan, ScheduleEntry,
    SchoolYear, Section, Signature, Style, Year, SHORTHAND,
};
use crate::msg;
use crate::numerals::{self, Pattern};
use crate::suggest;

/// The most lint warnings shown for one file: past that, a file is full of one mistake.
const MAX_SHOWN: usize = 200;

/// What checking a plan found: the plan when nothing stops its view, and every problem.
#[derive(Debug)]
pub struct Report {
    pub plan: Option<ValidPlan>,
    pub diagnostics: Vec<Diagnostic>,
}

/// Reads, checks and lints a plan.
pub fn check(source: &Source) -> Report {
    let mut diagnostics = source.notes.clone();
    let parsed = source.parse();
    // serde stops at its first error; then the whole file is searched for unknown keys, which
    // a value of the wrong kind before them would hide.
    let unknown = match &parsed {
        Err(Error::Invalid { diagnostics })
            if diagnostics
                .iter()
                .any(|d| matches!(d.problem, Some(Problem::UnknownKey | Problem::Refused))) =>
        {
            source
                .index()
                .map(|root| unknown_keys(root, source))
                .unwrap_or_default()
        }
        _ => Vec::new(),
    };
    let plan = match parsed {
        Err(Error::Invalid {
            diagnostics: errors,
        }) => {
            // The walk has reported serde's unknown key already.
            let repeated = |d: &Diagnostic| {
                unknown
                    .iter()
                    .any(|u| u.line == d.line && u.column == d.column)
            };
            diagnostics.extend(errors.into_iter().filter(|d| !repeated(d)));
            None
        }
        Err(other) => {
            diagnostics.push(Diagnostic::whole_file(
                &source.name,
                msg!("plan-not-read", error = other.message()),
            ));
            None
        }
        Ok(mut plan) => {
            let (sections, body_problems) = body(&mut plan);
            let (controls, more) = control_characters(&plan, &sections);
            if more {
                diagnostics.push(Diagnostic::whole_file(
                    &source.name,
                    msg!("more-control-characters", shown = MAX_SHOWN),
                ));
            }
            diagnostics.extend(
                controls
                    .into_iter()
                    .chain(backward_ranges(&plan, &sections))
                    .map(|f| source.diagnose(f)),
            );
            let mut findings = lint::lint(&plan, &sections);
            if findings.len() > MAX_SHOWN {
                let more = if findings.len() >= lint::LIMIT {
                    msg!("many-more-warnings", shown = MAX_SHOWN)
                } else {
                    msg!(
                        "more-warnings",
                        more = findings.len() - MAX_SHOWN,
                        shown = MAX_SHOWN
                    )
                };
                let mut note = Diagnostic::whole_file(&source.name, more);
                note.severity = Severity::Warning;
                diagnostics.push(note);
                findings.truncate(MAX_SHOWN);
            }
            diagnostics.extend(findings.into_iter().map(|f| source.diagnose(f)));
            diagnostics.extend(lint::written(source, &plan, &sections));
            match finish(plan, sections, body_problems) {
                Ok(valid) => Some(valid),
                Err(findings) => {
                    diagnostics.extend(findings.into_iter().map(|f| source.diagnose(f)));
                    None
                }
            }
        }
    };
    diagnostics.extend(unknown);
    diagnostics.sort_by_key(|d| (d.line, d.column));
    diagnostics.dedup();
    let plan = if diagnostics.iter().any(|d| d.severity == Severity::Error) {
        None
    } else {
        plan
    };
    Report { plan, diagnostics }
}

/// A plan in which validation found nothing the view could fail on; only this module makes
/// one.
#[derive(Debug)]
pub struct ValidPlan {
    /// The plan but for its body, which is in `sections`.
    plan: Plan,
    sections: Vec<Section>,
    /// The numbering pattern of each level, from the style's markers or the defaults.
    patterns: Vec<Pattern>,
}

impl ValidPlan {
    pub fn into_parts(self) -> (Plan, Vec<Section>, Vec<Pattern>) {
        (self.plan, self.sections, self.patterns)
    }
}

/// The plan, if nothing in it stops a view from being built; otherwise every such problem.
pub fn valid(mut plan: Plan) -> Result<ValidPlan, Vec<Finding>> {
    let (sections, problems) = body(&mut plan);
    finish(plan, sections, problems)
}

/// Takes the plan's body out as sections, with what is wrong with it: shorthand keys
/// beside `sections`, or no section at all.
fn body(plan: &mut Plan) -> (Vec<Section>, Vec<Finding>) {
    let with_sections = plan.sections.is_some();
    let sections = plan.take_sections();
    let mut problems = Vec::new();
    if with_sections {
        for (english, chinese) in sections.iter().filter_map(|s| s.shorthand) {
            problems.push(
                Finding::error(
                    vec![Seg::Key(english)],
                    msg!(
                        "shorthand-beside-sections",
                        key = english,
                        chinese = chinese
                    ),
                    msg!("shorthand-beside-sections-hint"),
                )
                .on_key(),
            );
        }
    }
    if sections.is_empty() {
        problems.push(
            Finding::error(
                vec![Seg::Key("sections")],
                msg!("no-sections"),
                msg!("no-sections-hint"),
            )
            .on_key(),
        );
    }
    (sections, problems)
}

/// The valid plan, unless the numbering markers or the body's `problems` stop it.
fn finish(
    plan: Plan,
    sections: Vec<Section>,
    body_problems: Vec<Finding>,
) -> Result<ValidPlan, Vec<Finding>> {
    let mut problems = Vec::new();
    let patterns = numbering_patterns(&plan, &mut problems);
    school_year(&plan, &mut problems);
    problems.extend(body_problems);
    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(ValidPlan {
        plan,
        sections,
        patterns,
    })
}

/// A school year whose years do not follow each other, one given to a plan that is not a
/// school's, or one that `year` contradicts.
fn school_year(plan: &Plan, problems: &mut Vec<Finding>) {
    let Some(given @ SchoolYear { first, last }) = plan.school_year else {
        return;
    };
    let at = || vec![Seg::Key("school_year")];
    let school_year = given.to_string();
    if last != first + 1 {
        let message = if last == first {
            msg!("school-year-same-year", school_year = school_year)
        } else if last < first {
            msg!("school-year-backwards", school_year = school_year)
        } else {
            msg!("school-year-not-consecutive", school_year = school_year)
        };
        let start = first.min(last);
        problems.push(Finding::error(
            at(),
            message,
            msg!(
                "school-year-not-consecutive-hint",
                first = start.to_string(),
                next = (start + 1).to_string()
            ),
        ));
        return;
    }
    if !plan.period.is_school() {
        problems.push(
            Finding::error(
                at(),
                msg!(
                    "school-year-on-non-school-plan",
                    period = plan.period.name()
                ),
                msg!(
                    "school-year-on-non-school-plan-hint",
                    first = first.to_string()
                ),
            )
            .on_key(),
        );
        return;
    }
    // `年度` agrees when it is the year the school year starts, or the one year a spring
    // term lies in (2027 for 2026—2027学年第二学期, as a secretary writes it).
    let ((start, _), (end, _)) = plan.period.span(first);
    let agrees = |year: i32| year == first || (start == end && year == start);
    if let Some(Year(year)) = plan.year.filter(|y| !agrees(y.0)) {
        problems.push(Finding::error(
            vec![Seg::Key("year")],
            msg!(
                "year-disagrees-with-school-year",
                year = year.to_string(),
                school_year = school_year.clone(),
                first = first.to_string()
            ),
            msg!(
                "year-disagrees-with-school-year-hint",
                first = first.to_string(),
                school_year = school_year
            ),
        ));
    }
}

fn numbering_patterns(plan: &Plan, problems: &mut Vec<Finding>) -> Vec<Pattern> {
    let Some(markers) = plan.style.numbering.as_ref().filter(|m| !m.is_empty()) else {
        return numerals::default_patterns();
    };
    let mut patterns = Vec::new();
    for (i, Marker(marker)) in markers.iter().enumerate() {
        match Pattern::infer(marker) {
            Ok(pattern) => patterns.push(pattern),
            Err(err) => problems.push(Finding::error(
                vec![Seg::Key("style"), Seg::Key("numbering"), Seg::Index(i)],
                err.message(marker),
                err.hint(),
            )),
        }
    }
    patterns
}

/// Whether a character may not stand in a plan's text: every C0 and C1 control character
/// and DEL, the tab and the carriage return included; only the line feed breaks a line.
pub fn is_control(c: char) -> bool {
    c.is_control() && c != '\n'
}

/// Every control character in the text a plan prints (titles, bodies, items, names and
/// numbering markers), each distinct one of a text once. Printed as they are, they would
/// retitle or clear the terminal a document is shown in, put a NUL into a web page, or, a
/// lone carriage return, start a Markdown block of their own.
/// Past [`MAX_SHOWN`] of them, the rest are only said to be there (`true`).
fn control_characters(plan: &Plan, sections: &[Section]) -> (Vec<Finding>, bool) {
    let mut found = Vec::new();
    let mut more = false;
    let mut check = |path: &[Seg], text: &str| {
        // Bytes first: a control character is a byte below 0x20, 0x7F, or (C1) after 0xC2.
        let may_hold = |b: u8| (b < 0x20 && b != b'\n') || b == 0x7f || b == 0xc2;
        if !text.bytes().any(may_hold) || !text.contains(is_control) {
            return;
        }
        if found.len() >= MAX_SHOWN {
            more = true;
            return;
        }
        let mut seen = Vec::new();
        for c in text.chars().filter(|&c| is_control(c)) {
            if !seen.contains(&c) {
                seen.push(c);
                found.push(
                    Finding::error(
                        path.to_vec(),
                        msg!("control-character", character = char_name(c)),
                        control_hint(c),
                    )
                    .at(c),
                );
            }
        }
    };
    lint::plan_texts(plan, sections, &mut check);
    for (i, Marker(marker)) in plan.style.numbering.iter().flatten().enumerate() {
        check(
            &[Seg::Key("style"), Seg::Key("numbering"), Seg::Index(i)],
            marker,
        );
    }
    (found, more)
}

/// What to do about a control character in a plan's text.
fn control_hint(c: char) -> Message {
    match c {
        '\t' => msg!("control-character-tab-hint"),
        '\r' => msg!("control-character-cr-hint"),
        _ => msg!("control-character-hint", character = char_name(c)),
    }
}

/// Month ranges that run backwards in the period's order: `[3, 1]` in a year's plan would
/// read as March to January, eleven months, when one to three was meant. 12-1 runs forward
/// in a school year or an autumn term.
fn backward_ranges(plan: &Plan, sections: &[Section]) -> Vec<Finding> {
    let start = plan.period.start();
    let order = plan.period.months();
    let mut found = Vec::new();
    for (path, schedule) in lint::schedules(sections) {
        for (e, entry) in schedule.iter().enumerate() {
            let Months { first, last } = entry.month;
            if entry.month.runs_forward_from(start) {
                continue;
            }
            let mut at = path.clone();
            at.extend([Seg::Index(e), Seg::Key("month")]);
            let forward = msg!(
                "month-range-runs-forward",
                period = plan.period.name(),
                start = order[0],
                end = order[order.len() - 1]
            );
            let reversed = Months {
                first: last,
                last: first,
            };
            let hint = if reversed.iter().count() < entry.month.iter().count() {
                msg!(
                    "month-range-backwards-hint",
                    forward = forward,
                    first = first,
                    last = last,
                    first_chinese = numerals::chinese(u64::from(first)),
                    last_chinese = numerals::chinese(u64::from(last))
                )
            } else {
                msg!("month-range-backwards-list-hint", forward = forward)
            };
            found.push(Finding::error(
                at,
                msg!("month-range-backwards", first = first, last = last),
                hint,
            ));
        }
    }
    found
}

/// The key of the plan that `key`, unknown in a `what`, belongs under: `日期` written at the
/// top of a plan is the signature's (`落款`), `numbering` is the style's. Named in the
/// language the key is written in.
fn under(what: &str, key: &str) -> Option<&'static str> {
    let nested: &[(&'static str, &'static [&'static str])] = match what {
        "plan" => &[
            ("signature", keys_of::<Signature>()),
            ("style", keys_of::<Style>()),
        ],
        "style" => &[("month", keys_of::<MonthStyle>())],
        _ => &[],
    };
    let (english, _) = nested
        .iter()
        .find(|(_, keys)| english_key(keys, key).is_some())?;
    match aliases_of(english).first() {
        Some(chinese) if !key.is_ascii() => Some(chinese),
        _ => Some(english),
    }
}

/// How deep the walk goes; serde refuses deeper files anyway.
const MAX_DEPTH: usize = 100;

/// Every key the format does not know, anywhere in the file.
fn unknown_keys(root: &Located, source: &Source) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    let mut walk = Walk {
        source,
        found: &mut found,
    };
    walk.plan(root);
    found
}

struct Walk<'a> {
    source: &'a Source,
    found: &'a mut Vec<Diagnostic>,
}

impl Walk<'_> {
    /// The entries of a mapping, each with its English key name if it is a known key.
    fn entries<'n>(
        &mut self,
        node: &'n Located,
        keys: &'static [&'static str],
        what: &str,
    ) -> Vec<(&'static str, &'n Located)> {
        let Shape::Map(entries) = &node.shape else {
            return Vec::new();
        };
        let mut known = Vec::new();
        for Entry {
            key,
            key_start,
            key_end,
            value,
        } in entries
        {
            // A merge key, and the plan's own `x-` keys, are the file's to share blocks by.
            if key == "<<" || (what == "plan" && key.starts_with("x-")) {
                continue;
            }
            match english_key(keys, key) {
                Some(english) => known.push((english, value)),
                None => {
                    let (message, hint) = match under(what, key) {
                        Some(parent) => (
                            msg!("key-at-wrong-level", key = key),
                            Some(msg!("key-at-wrong-level-hint", key = key, parent = parent)),
                        ),
                        None => (
                            msg!("unknown-key", key = key),
                            suggest::suggest(key, keys).map(|s| s.message()),
                        ),
                    };
                    let mut unknown =
                        self.source
                            .at(Severity::Error, *key_start, Some(*key_end), message);
                    unknown.hint = hint;
                    unknown.problem = Some(Problem::UnknownKey);
                    self.found.push(unknown);
                }
            }
        }
        known
    }

    fn plan(&mut self, root: &Located) {
        for (key, value) in self.entries(root, keys_of::<Plan>(), "plan") {
            match key {
                "sections" => self.items(value, 0),
                "schedule" => self.schedule(value, 0),
                // The other shorthand keys hold a section, or its items.
                key if SHORTHAND.iter().any(|(shorthand, _)| *shorthand == key) => {
                    match &value.shape {
                        Shape::Map(_) => self.node(value, 0),
                        _ => self.items(value, 0),
                    }
                }
                "signature" => {
                    self.entries(value, keys_of::<Signature>(), "signature");
                }
                "style" => {
                    for (key, value) in self.entries(value, keys_of::<Style>(), "style") {
                        if key == "month" {
                            self.entries(value, keys_of::<MonthStyle>(), "month style");
                        }
                    }
                }
                _ => {}
            }
        }
    }

    fn items(&mut self, list: &Located, depth: usize) {
        if let Shape::Seq(items) = &list.shape {
            for item in items {
                self.node(item, depth + 1);
            }
        }
    }

    fn node(&mut self, node: &Located, depth: usize) {
        if depth > MAX_DEPTH {
            return;
        }
        for (key, value) in self.entries(node, keys_of::<Node>(), "section or item") {
            match key {
                "items" => self.items(value, depth),
                "schedule" => self.schedule(value, depth),
                _ => {}
            }
        }
    }

    fn schedule(&mut self, list: &Located, depth: usize) {
        if let Shape::Seq(entries) = &list.shape {
            for entry in entries {
                for (key, value) in
                    self.entries(entry, keys_of::<ScheduleEntry>(), "schedule entry")
                {
                    if key == "items" {
                        self.items(value, depth + 1);
                    }
                }
            }
        }
    }
}

/// The data paths `model` names keys by are checked against the format here.
#[cfg(test)]
mod tests {
    use super::*;
    use crate::messages::Lang;

    fn check_text(text: &str) -> Report {
        check(&Source::from_bytes("p.yaml".into(), text.as_bytes()).unwrap())
    }

    #[test]
    fn every_unknown_key_at_once() {
        let report = check_text(
            "organization: 城东\nguidng_ideology: 以\nsections:\n- title: a\n  itmes: [b]\n  标提: c\nstyle: {month: {numeral: arabic}}\n",
        );
        let found: Vec<(usize, String, Option<String>)> = report
            .diagnostics
            .iter()
            .map(|d| {
                (
                    d.line,
                    d.message.to_string(),
                    d.hint.as_ref().map(|h| h.to_string()),
                )
            })
            .collect();
        let found: Vec<(usize, &str, Option<&str>)> = found
            .iter()
            .map(|(line, message, hint)| (*line, message.as_str(), hint.as_deref()))
            .collect();
        assert_eq!(
            found,
            [
                (
                    2,
                    "unknown key `guidng_ideology`",
                    Some("did you mean `guiding_ideology`?")
                ),
                (5, "unknown key `itmes`", Some("did you mean `items`?")),
                (6, "unknown key `标提`", Some("did you mean `标题`?")),
                (7, "unknown key `numeral`", Some("did you mean `numerals`?")),
            ]
        );
        assert!(report.plan.is_none());
    }

    /// Each diagnostic's code, and its message and hint in Chinese.
    fn said_in_chinese(report: &Report) -> Vec<(&'static str, String, Option<String>)> {
        report
            .diagnostics
            .iter()
            .map(|d| {
                (
                    d.message.code(),
                    d.message.say(Lang::Zh),
                    d.hint.as_ref().map(|h| h.say(Lang::Zh)),
                )
            })
            .collect()
    }

    #[test]
    fn unknown_keys_are_told_in_chinese() {
        let report = check_text("guidng_ideology: 以\n备忘: 甲\nsections: [a]\n");
        assert_eq!(
            said_in_chinese(&report),
            [
                (
                    "unknown-key",
                    "未知的键 `guidng_ideology`".to_owned(),
                    Some("是不是要写 `guiding_ideology`？".to_owned())
                ),
                (
                    "unknown-key",
                    "未知的键 `备忘`".to_owned(),
                    // Nothing is close: the keys a plan takes, in the language of the key.
                    Some(
                        "应为其中之一：`标题`、`单位`、`年度`、`学年`、`期间`、`文种`、`前言`、\
                         `正文`、`指导思想`、`工作目标`、`重点工作`、`具体工作安排`、`结束语`、\
                         `落款`、`版式`"
                            .to_owned()
                    )
                ),
            ]
        );
    }

    #[test]
    fn a_key_at_the_wrong_level_is_told_where_it_belongs() {
        let report = check_text("落款: {单位: 城东}\n日期: 2027年1月5日\n正文: [a]\n");
        assert_eq!(
            said_in_chinese(&report),
            [(
                "key-at-wrong-level",
                "键 `日期` 不能写在这一层".to_owned(),
                Some("`日期` 是 `落款` 下的键：请把它缩进到 `落款:` 下面".to_owned())
            )]
        );
        assert_eq!(report.diagnostics[0].problem, Some(Problem::UnknownKey));
        assert_eq!(
            report.diagnostics[0].message.to_string(),
            "unknown key `日期`"
        );
    }

    #[test]
    fn the_period_is_named_in_the_language_of_the_message() {
        let report = check_text("期间: 上半年\n学年: 2026—2027\n正文: [a]\n");
        assert_eq!(
            said_in_chinese(&report),
            [(
                "school-year-on-non-school-plan",
                "只有 `上学期`、`下学期` 或 `学年` 的计划才写 `学年`，这份计划的期间是 `上半年`"
                    .to_owned(),
                Some(
                    "把 `期间` 改为 `上学期`、`下学期` 或 `学年`；按自然年的计划，年份请写成 \
                     `年度: 2026`"
                        .to_owned()
                )
            )]
        );
        let report = check_text("具体工作安排:\n  - 月份: [3, 1]\n    事项: [甲。]\n");
        assert_eq!(
            said_in_chinese(&report),
            [(
                "month-range-backwards",
                "月份 `3-1` 倒过来了：从3月倒回到1月".to_owned(),
                Some(
                    "区间要顺着`全年`的月份往后数（从1月到12月）：请写成 `1-3`（一至三月），\
                     或者把月份逐个列出"
                        .to_owned()
                )
            )]
        );
        assert_eq!(
            report.diagnostics[0].hint.as_ref().unwrap().to_string(),
            "a range runs forward, as a `全年` (year) plan does (`1月`…`12月`): write `1-3` \
             (`一至三月`) or list the months one by one"
        );
    }

    #[test]
    fn numbering_markers_are_told_by_kind() {
        let report = check_text("正文: [a]\n版式: {序号: [一、（一）, 三、, 、]}\n");
        let said = said_in_chinese(&report);
        let codes: Vec<&str> = said.iter().map(|(code, ..)| *code).collect();
        assert_eq!(
            codes,
            [
                "numbering-several-levels",
                "numbering-not-first",
                "numbering-no-number"
            ]
        );
        assert_eq!(said[0].1, "序号 `一、（一）` 里写了好几级的序号");
    }

    #[test]
    fn control_characters_past_the_limit_are_counted_not_shown() {
        let text = format!(
            "sections: [{}]\n",
            vec!["\"a\\tb\""; MAX_SHOWN + 1].join(", ")
        );
        let report = check_text(&text);
        let errors = report
            .diagnostics
            .iter()
            .filter(|d| d.message.to_string().contains("U+0009 (TAB)"))
            .count();
        assert_eq!(errors, MAX_SHOWN);
        assert!(report.diagnostics[0]
            .message
            .to_string()
            .starts_with("more control characters not shown"));
        assert!(report.plan.is_none());
    }

    /// Pieces of plans, with every line ending and control characters raw and escaped.
    const PIECES: &[&str] = &[
        "title: ",
        "sections:",
        "  - ",
        "- ",
        "items: ",
        "body: ",
        "month: ",
        "schedule:",
        "[3, 1]",
        "12-1",
        "0o17",
        "True",
        "\"a\\x1b\"",
        "\"\\r\"",
        "\"\\t\\e\"",
        "'a'",
        "&n ",
        "*n",
        "{title: 甲}",
        "标题",
        ": ",
        "# 注",
        "\n",
        "\r",
        "\r\n",
        "\t",
        "\u{1b}",
        "\u{85}",
        "\u{9b}",
        "\0",
        "titl: ",
        "title: ",
        " ",
    ];

    proptest::proptest! {
        /// Whatever the pieces make, checking says something or nothing, and never panics.
        #[test]
        fn checking_odd_text_never_panics(
            pieces in proptest::collection::vec(proptest::sample::select(PIECES), 0..40)
        ) {
            // A raw NUL makes it a binary file, refused before it is read as text.
            let Ok(source) = Source::from_bytes("p.yaml".into(), pieces.concat().as_bytes()) else {
                return Ok(());
            };
            for d in &check(&source).diagnostics {
                let shown = d.to_string();
                proptest::prop_assert!(!shown.contains(['\u{1b}', '\0', '\r', '\u{9b}']), "{shown:?}");
            }
        }
    }

    #[test]
    fn school_years_that_contradict() {
        let problems = |yaml: &str| -> Vec<String> {
            let plan = serde_yaml::from_str(&format!("{yaml}sections: [a]\n")).unwrap();
            match valid(plan) {
                Ok(_) => Vec::new(),
                Err(found) => found.into_iter().map(|f| f.message.to_string()).collect(),
            }
        };
        for agrees in [
            "school_year: 2026—2027\nperiod: autumn-term\n",
            "school_year: 2026—2027\nperiod: school-year\nyear: 2026\n",
            "school_year: 2026—2027\nperiod: spring-term\nyear: 2026\n",
            "school_year: 2026—2027\nperiod: spring-term\nyear: 2027\n",
        ] {
            assert_eq!(problems(agrees), Vec::<String>::new(), "{agrees}");
        }
        assert_eq!(
            problems("school_year: 2026—2027\nperiod: autumn-term\nyear: 2027\n"),
            ["`year` (`年度`) 2027 disagrees with `school_year` (`学年`) 2026—2027, which starts in 2026"]
        );
        assert_eq!(
            problems("school_year: 2026—2027\nperiod: school-year\nyear: 2027\n").len(),
            1
        );
        assert_eq!(
            problems("school_year: 2026—2026\nperiod: autumn-term\n"),
            ["the school year 2026—2026 names one year twice"]
        );
        assert_eq!(
            problems("school_year: 2026—2027\n"),
            ["`school_year` (`学年`) belongs to `上学期`, `下学期` or `学年` plans, and this plan is `全年` (year)"]
        );
    }

    #[test]
    fn shorthand_and_sections_together_are_refused() {
        let plan = serde_yaml::from_str("goals: 甲\nsections: [乙]\n").unwrap();
        let problems = valid(plan).unwrap_err();
        assert_eq!(problems[0].path, [Seg::Key("goals")]);
    }
}
