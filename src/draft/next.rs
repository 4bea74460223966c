//! `next`: the draft of the next period's plan, made by editing, in the plan's own text, the
//! values that name its period (year, period, school year, the signature's date, the years
//! and period words of the title and text). Everything else stays byte for byte.

use crate::error::{Diagnostic, Error, Finding, Seg, Severity};
use crate::lint::{own_years, plan_texts};
use crate::load::{Located, Source};
use crate::model::{self, Date, Period, SCHOOL_YEAR_SEPARATORS};
use crate::msg;
use crate::numerals;

/// One edit of the plan's text: the bytes `start..end`, which read `old`, now read `new`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub start: usize,
    pub end: usize,
    pub old: String,
    pub new: String,
}

/// The next period's draft of a plan.
#[derive(Debug)]
pub struct Draft {
    /// The draft's text: the plan's, but for the changes.
    pub text: String,
    /// Every edit, in the order of the text.
    pub changes: Vec<Change>,
    /// The plan's year and period, and the draft's.
    pub from: (i32, Period),
    pub to: (i32, Period),
    /// The words the plan named another period by (下半年 in a plan of 上半年), kept as
    /// written: in the draft they may name its own.
    pub others: Vec<Other>,
    /// What checking the plan warned of.
    pub warnings: Vec<Diagnostic>,
}

/// A word naming another period than the plan's, kept: the text's data path and the word's
/// byte offset in the draft's value.
#[derive(Debug)]
pub struct Other {
    pub path: Vec<Seg>,
    pub at: usize,
    pub word: &'static str,
}

impl Other {
    /// The warning of the word, placed in the draft `draft`.
    pub fn diagnostic(&self, draft: &Source) -> Diagnostic {
        let message = msg!("next-other-period", word = self.word);
        let hint = msg!("next-other-period-hint");
        let root = draft.index();
        let node = root.and_then(|r| r.scalar_node_at(&self.path, &model::aliases_of));
        let value = root.and_then(|r| r.scalar_at(&self.path, &model::aliases_of));
        if let (Some(node), Some(value)) = (node, value.filter(|v| v.is_char_boundary(self.at))) {
            let raw = &draft.text[node.start..node.end];
            let nth = value[..self.at].matches(self.word).count();
            if value.matches(self.word).count() == raw.matches(self.word).count() {
                if let Some((at, _)) = raw.match_indices(self.word).nth(nth) {
                    let start = node.start + at;
                    return draft
                        .at(
                            Severity::Warning,
                            start,
                            Some(start + self.word.len()),
                            message,
                        )
                        .with_hint(hint);
                }
            }
        }
        draft.diagnose(Finding::warning(self.path.clone(), message, hint).at(self.word))
    }
}

/// The period after `period` of a plan of `year`, with its year (for a school, the year its
/// school year starts).
pub fn following(year: i32, period: Period) -> (i32, Period) {
    match period {
        Period::Year => (year + 1, Period::Year),
        Period::FirstHalf => (year, Period::SecondHalf),
        Period::SecondHalf => (year + 1, Period::FirstHalf),
        Period::AutumnTerm => (year, Period::SpringTerm),
        Period::SpringTerm => (year + 1, Period::AutumnTerm),
        Period::SchoolYear => (year + 1, Period::SchoolYear),
    }
}

/// How many months a period lasts, as far as its signature moves: a year, or half of one.
fn months_of(period: Period) -> u32 {
    match period {
        Period::Year | Period::SchoolYear => 12,
        _ => 6,
    }
}

/// A piece of a text replaced: its byte range, and what it now reads.
type Edit = (usize, usize, String);

/// The words that name a half year or a term, each with the word naming the other.
const PERIOD_WORDS: [(Period, &str, &str); 6] = [
    (Period::FirstHalf, "上半年", "下半年"),
    (Period::SecondHalf, "下半年", "上半年"),
    (Period::AutumnTerm, "第一学期", "第二学期"),
    (Period::AutumnTerm, "上学期", "下学期"),
    (Period::SpringTerm, "第二学期", "第一学期"),
    (Period::SpringTerm, "下学期", "上学期"),
];

/// The next period's draft of the plan in `source`. A plan with errors gives them, as
/// `check` does, and no draft.
pub fn next(source: &Source) -> Result<Draft, Error> {
    let (errors, warnings): (Vec<Diagnostic>, Vec<Diagnostic>) =
        (crate::validate::check(source).diagnostics.into_iter())
            .partition(|d| d.severity == Severity::Error);
    if !errors.is_empty() {
        return Err(Error::Invalid {
            diagnostics: errors,
        });
    }
    let mut plan = source.parse()?;
    let root = source.index().ok_or_else(|| unreadable(source))?;
    let title = plan.title.as_ref().map(|t| t.0.clone());
    // A file without `period` is a year's plan, unless its title names another period.
    let given = root
        .scalar_at(&[Seg::Key("period")], &model::aliases_of)
        .is_some();
    let period = match (&title, given) {
        (Some(title), false) => title_period(title).unwrap_or(plan.period),
        _ => plan.period,
    };
    let year = plan
        .calendar_year()
        .or_else(|| title.as_deref().and_then(|t| title_year(period, t)))
        .ok_or_else(|| Error::Invalid {
            diagnostics: vec![Diagnostic::whole_file(&source.name, msg!("next-no-year"))],
        })?;
    let (next_year, next_period) = following(year, period);
    let shift = next_year - year;
    // A value the plan has that is not written in the file where its key says (it comes
    // through `<<` or an alias of a block): `next` edits values where they are written, so
    // it names them and writes nothing, rather than a draft half moved on.
    let date_path = [Seg::Key("signature"), Seg::Key("date")];
    let chinese = root.chinese_keys();
    let unplaced: Vec<String> = [
        (plan.year.is_some(), &[Seg::Key("year")][..], "年度", "year"),
        (
            plan.school_year.is_some(),
            &[Seg::Key("school_year")][..],
            "学年",
            "school_year",
        ),
        (
            plan.signature.as_ref().is_some_and(|s| s.date.is_some()),
            &date_path[..],
            "落款.日期",
            "signature.date",
        ),
    ]
    .into_iter()
    .filter(|(has, path, ..)| *has && root.scalar_at(path, &model::aliases_of).is_none())
    .map(|(_, _, zh, en)| format!("`{}`", if chinese { zh } else { en }))
    .collect();
    if !unplaced.is_empty() {
        let d = Diagnostic::whole_file(&source.name, msg!("next-value-shared", keys = unplaced));
        return Err(Error::Invalid {
            diagnostics: vec![d.with_hint(msg!("next-value-shared-hint"))],
        });
    }

    // The scalars to change, each by its data path, with the edits of its value.
    let mut scalars: Vec<(Vec<Seg>, Vec<Edit>)> = Vec::new();
    let value_at = |path: &[Seg]| root.scalar_at(path, &model::aliases_of);
    for key in ["year", "school_year"] {
        if let Some(value) = value_at(&[Seg::Key(key)]) {
            scalars.push((vec![Seg::Key(key)], year_edits(value, shift)));
        }
    }
    if let Some(value) = value_at(&[Seg::Key("period")]).filter(|_| next_period != period) {
        scalars.push((vec![Seg::Key("period")], period_edits(value, next_period)));
    }
    let mut date = plan.signature.as_ref().and_then(|s| s.date);
    if let (Some(value), Some(old)) = (value_at(&date_path), date) {
        let moved = add_months(old, months_of(period));
        scalars.push((date_path.to_vec(), date_edits(value, moved)));
        date = Some(moved);
    }
    let expected = Expected {
        year: plan.calendar_year().map(|_| next_year),
        // The period the draft reads as: the next, unless the title alone names it.
        period: if given { next_period } else { plan.period },
        date,
    };
    let sections = plan.take_sections();
    let mut others = Vec::new();
    plan_texts(&plan, &sections, &mut |path, text| {
        let is_title = path == [Seg::Key("title")];
        let edits = text_edits(text, is_title, (year, period), shift);
        for (at, word) in other_words(text, period) {
            // Where the word is in the draft's text, after the edits before it.
            let moved: isize = (edits.iter())
                .filter(|(_, end, _)| *end <= at)
                .map(|(start, end, new)| new.len() as isize - (end - start) as isize)
                .sum();
            others.push(Other {
                path: path.to_vec(),
                at: at.saturating_add_signed(moved),
                word,
            });
        }
        // Offsets in the text are offsets in the file's scalar only if it reads the same.
        if value_at(path) == Some(text) {
            scalars.push((path.to_vec(), edits));
        }
    });
    // An alias (`*name`) follows its anchor, which is edited where it stands.
    scalars.retain(|(path, _)| {
        let node = root.scalar_node_at(path, &model::aliases_of);
        !node.is_some_and(|n| source.text[n.start..].starts_with('*'))
    });
    for (path, edits) in &mut scalars {
        let old = value_at(path).unwrap_or_default();
        edits.retain(|(start, end, new)| old.get(*start..*end) != Some(new.as_str()));
    }
    scalars.retain(|(_, edits)| !edits.is_empty());

    // Each scalar edited within its raw text where what changes is written there as it
    // reads, else written anew, quoted; then the draft is read back to be sure.
    let mut quoted: Vec<usize> = Vec::new();
    for _ in 0..2 {
        let changes = changes(source, root, &scalars, &quoted)?;
        let text = apply_changes(&source.text, &changes);
        let wrong = misread(source, &text, &scalars, &expected)?;
        if wrong.is_empty() {
            return Ok(Draft {
                text,
                changes,
                from: (year, period),
                to: (next_year, next_period),
                others,
                warnings,
            });
        }
        quoted.extend(wrong);
    }
    Err(unreadable(source))
}

/// The draft could not be made to read as it should: the tool's fault, said as such.
fn unreadable(source: &Source) -> Error {
    Error::Invalid {
        diagnostics: vec![Diagnostic::whole_file(
            &source.name,
            msg!("next-draft-unreadable"),
        )],
    }
}

/// The period a title names by its words (上半年, 第二学期, 学年), for a plan whose file
/// gives none.
fn title_period(title: &str) -> Option<Period> {
    let words = PERIOD_WORDS.iter().map(|&(period, word, _)| (period, word));
    let named = (words.chain([(Period::SchoolYear, "学年")]))
        .filter_map(|(period, word)| Some((title.find(word)?, period)))
        .min_by_key(|&(at, period)| (at, period == Period::SchoolYear));
    // 2026—2027学年第一学期: the term after the school year.
    let term = (PERIOD_WORDS.iter()).find(|(_, word, _)| title.contains(word));
    match (named, term) {
        (Some((_, Period::SchoolYear)), Some(&(period, _, _))) => Some(period),
        (named, _) => named.map(|(_, period)| period),
    }
}

/// The year a title names, for a plan whose file gives none: the first of its years.
fn title_year(period: Period, title: &str) -> Option<i32> {
    (1900..2200).find(|&year| !own_years(period, year, true, title).is_empty())
}

/// The changes of the text that give each scalar its new value; those at `quoted` (indices
/// into `scalars`) are written anew, quoted.
fn changes(
    source: &Source,
    root: &Located,
    scalars: &[(Vec<Seg>, Vec<Edit>)],
    quoted: &[usize],
) -> Result<Vec<Change>, Error> {
    let mut changes = Vec::new();
    for (i, (path, edits)) in scalars.iter().enumerate() {
        let node = root
            .scalar_node_at(path, &model::aliases_of)
            .ok_or_else(|| unreadable(source))?;
        let old = root
            .scalar_at(path, &model::aliases_of)
            .ok_or_else(|| unreadable(source))?;
        let end = node.start + quoted_len(&source.text[node.start..node.end]);
        let raw = &source.text[node.start..end];
        let raw_edits = (!quoted.contains(&i))
            .then(|| raw_edits(raw, old, edits))
            .flatten();
        match raw_edits {
            Some(edits) => changes.extend(edits.into_iter().map(|(s, e, text)| Change {
                start: node.start + s,
                end: node.start + e,
                old: raw[s..e].to_owned(),
                new: text,
            })),
            None => changes.push(Change {
                start: node.start,
                end,
                old: raw.to_owned(),
                new: double_quoted(&apply(old, edits)),
            }),
        }
    }
    changes.sort_by_key(|c| (c.start, c.end));
    changes.dedup();
    if changes.windows(2).any(|w| w[0].end > w[1].start) {
        return Err(unreadable(source));
    }
    Ok(changes)
}

fn apply_changes(text: &str, changes: &[Change]) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    let mut at = 0;
    for change in changes {
        out.push_str(&text[at..change.start]);
        out.push_str(&change.new);
        at = change.end;
    }
    out.push_str(&text[at..]);
    out
}

/// The scalars (indices into `scalars`) that the draft `text` does not read as their new
/// values; an error if the draft does not read as a plan of the next period at all.
fn misread(
    source: &Source,
    text: &str,
    scalars: &[(Vec<Seg>, Vec<Edit>)],
    expected: &Expected,
) -> Result<Vec<usize>, Error> {
    let draft = Source::from_bytes(source.name.clone(), text.as_bytes())?;
    let Ok(read) = draft.parse() else {
        return Err(unreadable(source));
    };
    let root = draft.index().ok_or_else(|| unreadable(source))?;
    let old = source.index().ok_or_else(|| unreadable(source))?;
    let wrong: Vec<usize> = (scalars.iter().enumerate())
        .filter(|(_, (path, edits))| {
            let new = old
                .scalar_at(path, &model::aliases_of)
                .map(|old| apply(old, edits));
            root.scalar_at(path, &model::aliases_of) != new.as_deref()
        })
        .map(|(i, _)| i)
        .collect();
    let date = read.signature.as_ref().and_then(|s| s.date);
    let right = read.calendar_year() == expected.year
        && read.period == expected.period
        && date == expected.date;
    if wrong.is_empty() && !right {
        return Err(unreadable(source));
    }
    Ok(wrong)
}

/// What the draft must read as: its year (none if the plan's file gives none), its period
/// and its signature's date.
struct Expected {
    year: Option<i32>,
    period: Period,
    date: Option<Date>,
}

/// The edits of a scalar's raw text `raw`, which reads `old`, that make the edits of its
/// value: each piece where it is written as it reads (no escape, no line break within it),
/// the same occurrence of it; `None` if one is not.
fn raw_edits(raw: &str, old: &str, edits: &[Edit]) -> Option<Vec<Edit>> {
    let mut out = Vec::new();
    for &(start, end, ref text) in edits {
        let piece = &old[start..end];
        if piece.is_empty() || piece.contains(['\n', '\'', '"', '\\', ' ']) {
            return None;
        }
        if old.matches(piece).count() != raw.matches(piece).count() {
            return None;
        }
        let nth = old[..start].matches(piece).count();
        // The piece must be this occurrence of it in the value, and so in the raw text.
        if old.match_indices(piece).nth(nth).map(|(at, _)| at) != Some(start) {
            return None;
        }
        let (at, _) = raw.match_indices(piece).nth(nth)?;
        out.push((at, at + piece.len(), text.clone()));
    }
    Some(out)
}

/// The length of a scalar's raw text up to its closing quote, if it is quoted: the reader's
/// span of a quoted scalar may run on over the blanks and comment after it.
fn quoted_len(raw: &str) -> usize {
    let mut chars = raw.char_indices();
    match chars.next() {
        Some((_, '"')) => {
            while let Some((at, c)) = chars.next() {
                match c {
                    '\\' => {
                        chars.next();
                    }
                    '"' => return at + 1,
                    _ => {}
                }
            }
            raw.len()
        }
        Some((_, '\'')) => {
            let mut rest = chars.peekable();
            while let Some((at, c)) = rest.next() {
                if c == '\'' {
                    if rest.peek().is_some_and(|&(_, n)| n == '\'') {
                        rest.next();
                    } else {
                        return at + 1;
                    }
                }
            }
            raw.len()
        }
        _ => raw.len(),
    }
}

/// `value` written as a YAML double-quoted scalar, on one line.
fn double_quoted(value: &str) -> String {
    let mut out = String::from("\"");
    for c in value.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// `text` with the edits (byte ranges and their new text, in order) made.
fn apply(text: &str, edits: &[(usize, usize, String)]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for (start, end, new) in edits {
        out.push_str(&text[at..*start]);
        out.push_str(new);
        at = *end;
    }
    out.push_str(&text[at..]);
    out
}

/// The edits of a text (the title when `title`) that roll it to the next period: each year
/// naming the plan's own period moved by `shift`, each word naming its half year or term
/// (上半年, 第一学期) the next one's. A year with a period word after it naming another
/// period (2027年上半年 in a plan of 2027年下半年) names that period and stays, as does a
/// period word after another year.
fn text_edits(
    text: &str,
    title: bool,
    (year, period): (i32, Period),
    shift: i32,
) -> Vec<(usize, usize, String)> {
    let words: Vec<(&str, &str)> = (PERIOD_WORDS.iter())
        .filter(|(p, _, _)| *p == period)
        .map(|&(_, word, next)| (word, next))
        .collect();
    let years = own_years(period, year, title, text);
    let mut edits = Vec::new();
    // Period words placed by a year before them, whether it names the period or not.
    let mut dated = Vec::new();
    let mut i = 0;
    while i < years.len() {
        // A school year's two years go together.
        let mut group = vec![years[i]];
        while let Some(&next) = years.get(i + group.len()) {
            let between = &text[group[group.len() - 1].1..next.0];
            if between.is_empty()
                || !between
                    .chars()
                    .all(|c| c == '年' || SCHOOL_YEAR_SEPARATORS.contains(&c))
            {
                break;
            }
            group.push(next);
        }
        i += group.len();
        let after = group[group.len() - 1].1;
        let rest = &text[after..];
        let unit = ["学年度", "学年", "年度", "年"]
            .iter()
            .find(|u| rest.starts_with(*u))
            .map_or(0, |u| u.len());
        let word_at = after + unit;
        let own_word = words.iter().find(|(w, _)| text[word_at..].starts_with(w));
        let other_word = (PERIOD_WORDS.iter())
            .filter(|(p, _, _)| *p != period && !words.is_empty())
            .find(|(_, w, _)| text[word_at..].starts_with(w));
        if other_word.is_some() {
            dated.push(word_at);
            continue;
        }
        if shift != 0 {
            for &(start, end, found) in &group {
                edits.push((
                    start,
                    end,
                    written_like(&text[start..end], (found + shift) as u64),
                ));
            }
        }
        if let Some((word, next)) = own_word {
            dated.push(word_at);
            edits.push((word_at, word_at + word.len(), (*next).to_owned()));
        }
    }
    // The period's words not after a year name it: 第一学期 in an autumn term's plan.
    for (word, next) in &words {
        for (at, _) in text.match_indices(word) {
            if dated.contains(&at) || after_a_year(&text[..at]) {
                continue;
            }
            if edits.iter().any(|&(s, e, _)| s < at + word.len() && at < e) {
                continue;
            }
            edits.push((at, at + word.len(), (*next).to_owned()));
        }
    }
    edits.sort_by_key(|e| e.0);
    edits
}

/// The words of `text` that name, with no year before them, the half year or term that is
/// not the plan's (下半年 in a plan of 上半年): each once.
fn other_words(text: &str, period: Period) -> Vec<(usize, &'static str)> {
    let family = |p: Period| matches!(p, Period::FirstHalf | Period::SecondHalf);
    if !PERIOD_WORDS.iter().any(|(p, _, _)| *p == period) {
        return Vec::new();
    }
    let mut found: Vec<(usize, &'static str)> = (PERIOD_WORDS.iter())
        .filter(|(p, _, _)| *p != period && family(*p) == family(period))
        .flat_map(|&(_, word, _)| text.match_indices(word).map(move |(at, _)| (at, word)))
        .filter(|&(at, _)| !after_a_year(&text[..at]))
        .collect();
    found.sort();
    found
}

/// Whether `before` ends with a year and its unit (2026年, 2026—2027学年): a period word
/// after it is dated.
fn after_a_year(before: &str) -> bool {
    let bare = ["学年度", "学年", "年度", "年"]
        .iter()
        .find_map(|u| before.strip_suffix(u));
    bare.and_then(|b| b.chars().next_back())
        .is_some_and(|c| c.is_ascii_digit() || is_digit_char(c))
}

fn is_digit_char(c: char) -> bool {
    ('０'..='９').contains(&c) || "〇零一二三四五六七八九十".contains(c)
}

/// The edits of a value of `year` or `school_year` that move each of its years by `shift`,
/// written as they were (2027, 二〇二七年, ２０２７).
fn year_edits(value: &str, shift: i32) -> Vec<Edit> {
    let edits = (number_runs(value).into_iter())
        .filter_map(|(start, end)| {
            let written = &value[start..end];
            let n =
                numerals::parse_number(&numerals::half_width(written)).filter(|&n| n >= 1000)?;
            Some((
                start,
                end,
                written_like(written, (n as i64 + i64::from(shift)) as u64),
            ))
        })
        .collect();
    as_one(value, edits)
}

/// The edits of a value as one, from the first to the last: a date or a school year is
/// one change.
fn as_one(value: &str, edits: Vec<Edit>) -> Vec<Edit> {
    match (edits.first(), edits.last()) {
        (Some(&(start, _, _)), Some(&(_, end, _))) => {
            let shifted: Vec<Edit> = (edits.iter())
                .map(|(s, e, new)| (s - start, e - start, new.clone()))
                .collect();
            vec![(start, end, apply(&value[start..end], &shifted))]
        }
        _ => edits,
    }
}

/// The runs of digits of a text: ASCII, full-width or Chinese (二〇二七, 十二, 元).
fn number_runs(text: &str) -> Vec<(usize, usize)> {
    let digit = |c: char| c.is_ascii_digit() || is_digit_char(c) || c == '元' || c == '两';
    let mut runs = Vec::new();
    let mut start = None;
    for (at, c) in text.char_indices().chain([(text.len(), ' ')]) {
        match (digit(c), start) {
            (true, None) => start = Some(at),
            (false, Some(s)) => {
                runs.push((s, at));
                start = None;
            }
            _ => {}
        }
    }
    runs
}

/// `n` written the way `written` writes its number: ASCII digits (as many at least),
/// full-width ones, Chinese digit by digit (二〇二七, with 零 if it has one) or as a
/// Chinese numeral (十二; 元 for 1 where it wrote 元).
fn written_like(written: &str, n: u64) -> String {
    if written.chars().all(|c| c.is_ascii_digit()) {
        return format!("{n:0width$}", width = written.len());
    }
    if written.chars().all(|c| ('０'..='９').contains(&c)) {
        let ascii = format!("{n:0width$}", width = written.chars().count());
        return ascii
            .chars()
            .map(|c| char::from_u32(c as u32 - '0' as u32 + '０' as u32).unwrap_or(c))
            .collect();
    }
    let by_digit = written.chars().count() >= 2
        && written
            .chars()
            .all(|c| "〇零一二三四五六七八九".contains(c));
    if by_digit {
        let digits = numerals::chinese_digits(n);
        return if written.contains('零') {
            digits.replace('〇', "零")
        } else {
            digits
        };
    }
    if written == "元" && n == 1 {
        return "元".to_owned();
    }
    numerals::chinese(n)
}

/// The edit of the value of `period` that names the next period, in the language it was
/// written in (上半年 → 下半年, first-half → second-half, 第一学期 → 第二学期).
fn period_edits(value: &str, next: Period) -> Vec<Edit> {
    let word = value.trim();
    let start = value.len() - value.trim_start().len();
    let new = match PERIOD_WORDS.iter().find(|(_, w, _)| *w == word) {
        Some(&(_, _, other)) => other,
        None if word.is_ascii() => next.id(),
        None => next.chinese(),
    };
    vec![(start, start + word.len(), new.to_owned())]
}

/// `date` moved on by `months`, on the same day, or the month's last if it has fewer days
/// (08-31 + 6 months is 02-28, or 02-29).
fn add_months(date: Date, months: u32) -> Date {
    let index = date.year * 12 + i32::from(date.month) - 1 + months as i32;
    let (year, month) = (index.div_euclid(12), (index.rem_euclid(12) + 1) as u8);
    let days = numerals::days_in_month(year, month).unwrap_or(28);
    Date {
        year,
        month,
        day: date.day.min(days),
    }
}

/// The edits of a date's value that make it `date`, written the way it is: its year, month
/// and day in the same characters and separators (2027-01-05, 2027年1月5日, 二〇二七年元月五日).
fn date_edits(value: &str, date: Date) -> Vec<Edit> {
    let runs = number_runs(value);
    let numbers = [date.year as u64, u64::from(date.month), u64::from(date.day)];
    if runs.len() != 3 {
        let iso = format!("{:04}-{:02}-{:02}", date.year, date.month, date.day);
        return vec![(0, value.len(), iso)];
    }
    let edits: Vec<Edit> = (runs.into_iter().zip(numbers))
        .map(|((start, end), n)| (start, end, written_like(&value[start..end], n)))
        .collect();
    // The whole date is one change, 日 and all.
    let (start, end) = (
        value.len() - value.trim_start().len(),
        value.trim_end().len(),
    );
    let inner: Vec<Edit> = (edits.iter())
        .map(|(s, e, new)| (s - start, e - start, new.clone()))
        .collect();
    vec![(start, end, apply(&value[start..end], &inner))]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn edited(text: &str, title: bool, year: i32, period: Period) -> String {
        let (next, _) = following(year, period);
        apply(text, &text_edits(text, title, (year, period), next - year))
    }

    #[test]
    fn periods_follow_each_other() {
        assert_eq!(following(2027, Period::Year), (2028, Period::Year));
        assert_eq!(
            following(2027, Period::FirstHalf),
            (2027, Period::SecondHalf)
        );
        assert_eq!(
            following(2027, Period::SecondHalf),
            (2028, Period::FirstHalf)
        );
        assert_eq!(
            following(2026, Period::AutumnTerm),
            (2026, Period::SpringTerm)
        );
        assert_eq!(
            following(2026, Period::SpringTerm),
            (2027, Period::AutumnTerm)
        );
        assert_eq!(
            following(2026, Period::SchoolYear),
            (2027, Period::SchoolYear)
        );
    }

    #[test]
    fn years_naming_the_plan_move_and_others_stay() {
        let year = |text: &str| edited(text, false, 2027, Period::Year);
        assert_eq!(year("做好2027年工会经费预算"), "做好2028年工会经费预算");
        assert_eq!(year("2027年度考核"), "2028年度考核");
        assert_eq!(year("二〇二七年工作要点"), "二〇二八年工作要点");
        assert_eq!(year("荣获2027年度先进"), "荣获2027年度先进");
        assert_eq!(
            year("2026年获评的先进集体，2027年以来"),
            "2026年获评的先进集体，2027年以来"
        );
        assert_eq!(year("电话2027，2027 年"), "电话2027，2028 年");
        assert_eq!(year("2027—2028学年"), "2027—2028学年");
        assert_eq!(
            edited(
                "城东中学工会2027年上半年工作计划",
                true,
                2027,
                Period::FirstHalf
            ),
            "城东中学工会2027年下半年工作计划"
        );
        assert_eq!(
            edited(
                "2027年下半年，巩固上半年成果，2026年下半年",
                false,
                2027,
                Period::SecondHalf
            ),
            "2028年上半年，巩固上半年成果，2026年下半年"
        );
        assert_eq!(
            edited(
                "2027年上半年的基础上，下半年",
                false,
                2027,
                Period::SecondHalf
            ),
            "2027年上半年的基础上，上半年"
        );
    }

    #[test]
    fn school_years_and_terms() {
        let autumn = |text: &str| edited(text, false, 2026, Period::AutumnTerm);
        assert_eq!(autumn("2026—2027学年第一学期"), "2026—2027学年第二学期");
        assert_eq!(autumn("本学期即第一学期"), "本学期即第二学期");
        let spring = |text: &str| edited(text, false, 2026, Period::SpringTerm);
        assert_eq!(spring("2026—2027学年第二学期"), "2027—2028学年第一学期");
        assert_eq!(spring("2026-2027学年下学期"), "2027-2028学年上学期");
        assert_eq!(spring("2025—2026学年第二学期"), "2025—2026学年第二学期");
        let whole = |text: &str| edited(text, true, 2026, Period::SchoolYear);
        assert_eq!(
            whole("二〇二六至二〇二七学年工作计划"),
            "二〇二七至二〇二八学年工作计划"
        );
        assert_eq!(whole("2026年—2027年学年"), "2027年—2028年学年");
    }

    #[test]
    fn values_are_written_as_they_were() {
        assert_eq!(apply("2027", &year_edits("2027", 1)), "2028");
        assert_eq!(
            apply("二〇二七年", &year_edits("二〇二七年", 1)),
            "二〇二八年"
        );
        assert_eq!(apply("2026—2027", &year_edits("2026—2027", 1)), "2027—2028");
        assert_eq!(apply("２０２７", &year_edits("２０２７", 1)), "２０２８");
        assert_eq!(
            apply("上半年", &period_edits("上半年", Period::SecondHalf)),
            "下半年"
        );
        assert_eq!(
            apply(
                "first-half",
                &period_edits("first-half", Period::SecondHalf)
            ),
            "second-half"
        );
        assert_eq!(
            apply("第一学期", &period_edits("第一学期", Period::SpringTerm)),
            "第二学期"
        );
        assert_eq!(apply("year", &period_edits("year", Period::Year)), "year");
        let date = |y, m, d| Date {
            year: y,
            month: m,
            day: d,
        };
        assert_eq!(
            apply("2027-01-05", &date_edits("2027-01-05", date(2028, 1, 5))),
            "2028-01-05"
        );
        assert_eq!(
            apply(
                "2027年1月5日",
                &date_edits("2027年1月5日", date(2027, 7, 5))
            ),
            "2027年7月5日"
        );
        assert_eq!(
            apply(
                "二〇二七年元月五日",
                &date_edits("二〇二七年元月五日", date(2027, 7, 31))
            ),
            "二〇二七年七月三十一日"
        );
        assert_eq!(
            apply("2027/1/5", &date_edits("2027/1/5", date(2027, 12, 25))),
            "2027/12/25"
        );
        assert_eq!(add_months(date(2027, 8, 31), 6), date(2028, 2, 29));
        assert_eq!(add_months(date(2026, 8, 31), 6), date(2027, 2, 28));
        assert_eq!(add_months(date(2027, 7, 1), 6), date(2028, 1, 1));
        assert_eq!(add_months(date(2028, 2, 29), 12), date(2029, 2, 28));
    }

    #[test]
    fn quoted_scalars_end_at_their_quote() {
        assert_eq!(quoted_len("\"a\\\"b\"   # 2027"), 6);
        assert_eq!(quoted_len("'it''s'  # x"), 7);
        assert_eq!(quoted_len("plain"), 5);
    }

    #[test]
    fn pieces_are_edited_where_they_are_written() {
        assert_eq!(
            raw_edits(
                "\"2027年，\\u4E0A\"",
                "2027年，上",
                &[(0, 4, "2028".into())]
            ),
            Some(vec![(1, 5, "2028".to_owned())])
        );
        // An escape within what changes: the scalar is written anew.
        assert_eq!(
            raw_edits("\"\\u4E0A半年\"", "上半年", &[(0, 3, "下".into())]),
            None
        );
    }
}
