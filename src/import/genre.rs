//! Blocks → a plan: levels from the markers typed, month schedules, the title line, the
//! preface, the closing and the 落款, as the genre writes them. What cannot be placed is
//! kept as a paragraph where it stood, and reported.

use crate::messages::Message;
use crate::model::{Date, Kind, Layout, Period};
use crate::msg;
use crate::numerals::{self, Numeral, Pattern, Typed};

use super::pages::{self, Document, Line};
use super::title;
use super::Block;

/// A plan as import makes it, ready to be written.
#[derive(Debug, Clone, Default)]
pub struct Draft {
    pub title: Option<String>,
    pub organization: Option<String>,
    pub year: Option<i32>,
    pub school_year: Option<(i32, i32)>,
    pub period: Period,
    pub kind: Kind,
    pub preface: Vec<String>,
    pub sections: Vec<Node>,
    pub closing: Vec<String>,
    pub signature: Option<Signature>,
    pub numbering: Vec<String>,
    /// The levels of `numbering` that no marker of the source took (a month's level, whose
    /// marker the plan needs and the source never typed).
    pub spare: Vec<usize>,
    pub month: MonthStyle,
    pub chinese_date: bool,
}

#[derive(Debug, Clone, Default)]
pub struct Signature {
    pub organization: Option<String>,
    pub date: Option<Date>,
}

/// How the source labels its months.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct MonthStyle {
    pub arabic: bool,
    pub yuan: bool,
    pub dash: bool,
    pub yue: bool,
}

#[derive(Debug, Clone)]
pub struct Node {
    pub title: Option<String>,
    pub body: Vec<String>,
    pub items: Vec<Node>,
    pub schedule: Vec<Month>,
    pub numbered: bool,
    pub layout: Option<Layout>,
}

#[derive(Debug, Clone)]
pub struct Month {
    pub first: u8,
    pub last: u8,
    pub items: Vec<Node>,
}

impl Node {
    fn new(numbered: bool) -> Node {
        Node {
            title: None,
            body: Vec::new(),
            items: Vec::new(),
            schedule: Vec::new(),
            numbered,
            layout: None,
        }
    }
}

/// What import says of a document: its counts, its style, and every change it made.
#[derive(Debug, Clone, Default)]
pub struct Report {
    pub sections: usize,
    pub items: usize,
    pub months: usize,
    /// The source's numbering mistakes, corrected, with their lines.
    pub corrections: Vec<(usize, Message)>,
    /// Lines kept as paragraphs where they stood, found no place of their own.
    pub unplaced: Vec<(usize, String)>,
    /// The site's chrome and the page's text outside its documents.
    pub dropped: Vec<(usize, String)>,
    /// The line the document starts at.
    pub first_line: usize,
    pub last_line: usize,
}

/// A document read: the plan and what was said of it.
#[derive(Debug, Clone)]
pub struct Imported {
    pub draft: Draft,
    pub report: Report,
}

/// Reads every document of a page. `kind` is the format it came in: only plain text is
/// hard-wrapped at a width; Markdown, Word and HTML say where their paragraphs end.
pub fn parse(blocks: &[Block], kind: super::Kind) -> Vec<Imported> {
    let page = pages::read(blocks);
    let wrapped = kind == super::Kind::Text;
    let mut imported: Vec<Imported> = (page.documents.iter())
        .map(|d| document(d, wrapped))
        .collect();
    if let Some(first) = imported.first_mut() {
        first.report.dropped.extend(page.dropped);
        first.report.dropped.sort_by_key(|d| d.0);
    }
    imported
}

/// A marker's key: its pattern with brackets and stops written half-width, so that
/// （一） and (一), 1． and 1. are one level.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Key {
    prefix: String,
    numeral: Numeral,
    suffix: String,
}

fn narrow(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '（' => '(',
            '）' => ')',
            '．' => '.',
            '，' => ',',
            '［' => '[',
            '］' => ']',
            _ => c,
        })
        .collect()
}

impl Key {
    fn of(pattern: &Pattern) -> Key {
        Key {
            prefix: narrow(&pattern.prefix),
            numeral: pattern.numeral,
            suffix: narrow(&pattern.suffix),
        }
    }

    /// The same numerals in the same brackets, told apart only by the stop: `1.` and `1、`.
    fn near(&self, other: &Key) -> bool {
        self.numeral == other.numeral && self.prefix == other.prefix
    }
}

/// An open container while the document is read: the root, a node, or a month.
struct Frame {
    node: Node,
    month: Option<(u8, u8)>,
    /// The level its numbered children stand at, from 0.
    child_level: usize,
    /// The number of its last numbered child.
    last: u64,
    /// The number the source gave its last numbered child, which a mistake of the source
    /// puts off from `last`: the sequence goes on from the source's own.
    typed: u64,
    numbered: bool,
    /// The key its children are typed with where it is not their level's: the source's
    /// `（1）` under a level of `1.`, once corrected.
    alias: Option<Key>,
}

struct Parser {
    frames: Vec<Frame>,
    /// Each level's key and the pattern of its first marker.
    levels: Vec<Option<(Key, Pattern)>>,
    report: Report,
    month: Option<MonthStyle>,
    closing: Vec<String>,
    months_in_document: usize,
    /// The source lines that run on, their markers inline.
    run_on: std::collections::BTreeSet<usize>,
    /// The source line being read.
    line: usize,
}

const SCHEDULE_WORDS: [&str; 6] = ["安排", "行事历", "月份", "日程", "逐月", "月历"];
const CLOSING_WORDS: [&str; 9] = [
    "总之",
    "总而言之",
    "新的一年",
    "让我们",
    "展望",
    "相信在",
    "我们相信",
    "以上",
    "今后，",
];

/// Where a marker's form stands in the genre's order of levels, GB/T 9704's: 一、 over
/// （一） over 1. over （1） over ①.
fn rank(key: &Key) -> u8 {
    let bracket = !key.prefix.is_empty() && key.prefix != "第";
    match (key.numeral, bracket) {
        (Numeral::Chinese, false) => 0,
        (Numeral::Chinese, true) => 1,
        (Numeral::Arabic, false) => 2,
        (Numeral::Arabic, true) | (Numeral::Parenthesized, _) => 3,
        (Numeral::Circled, _) => 4,
    }
}

/// A month label standing alone or opening a line: its months, its style, and the text
/// after it.
fn month_label(text: &str) -> Option<(u8, u8, MonthStyle, &str)> {
    let probe = format!("{text} x");
    let typed = match numerals::leading_months(&probe) {
        Some(typed) => typed,
        // 三月份1.配合…: in a run-on text a marker may follow 月份 without a stop.
        None => {
            let at = text.find("月份").filter(|&at| at <= 12)? + "月份".len();
            numerals::leading_marker(&text[at..])?;
            let typed = numerals::leading_months(&format!("{} {}", &text[..at], &text[at..]))?;
            return Some((
                typed.first,
                typed.last,
                month_style(&text[..at]),
                text[at..].trim(),
            ));
        }
    };
    let label = &probe[..typed.label_len];
    let rest = if typed.len >= text.len() {
        ""
    } else {
        &text[typed.len..]
    };
    Some((typed.first, typed.last, month_style(label), rest.trim()))
}

/// How a month label is written: 2月 or 二月, 元月, 七—八月, 月 or 月份.
fn month_style(label: &str) -> MonthStyle {
    let label = label.trim_end_matches([' ', '：', ':', '，', ',']);
    MonthStyle {
        arabic: label
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_digit() || ('０'..='９').contains(&c)),
        yuan: label.starts_with('元'),
        dash: label.contains(['—', '-', '–', '~', '～', '至', '到']),
        yue: !label.ends_with("月份"),
    }
}

fn width(text: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(text)
}

/// Whether a line ends a paragraph by its last character.
fn ends_paragraph(text: &str) -> bool {
    let closing = |c: char| "”’\u{22}'」』》〉）)】〕".contains(c);
    let last = text.trim_end().chars().rev().find(|&c| !closing(c));
    last.is_some_and(|c| "。！？；：….!?;:".contains(c))
}

/// Whether a line stops at a comma, mid-sentence: the next line goes on with it whatever
/// the width (a `<br>` in a saved page's paragraph, a line copied from a narrow column).
fn mid_sentence(text: &str) -> bool {
    // A comma, or a word no sentence or heading ends with: 第, 的, 和, 于 ….
    let text = text.trim_end();
    text.ends_with(['，', '、', ','])
        || [
            "第", "的", "和", "与", "及", "或", "把", "将", "于", "从", "向", "由", "对",
        ]
        .iter()
        .any(|w| text.ends_with(w))
}

/// Joins the lines of a hard-wrapped text: where lines run to one width and break
/// mid-sentence, the next line goes on the paragraph, unless it opens with a marker or a
/// blank line stands between.
fn unwrap(lines: &[Line], wrapped: bool) -> Vec<Line> {
    let widths: Vec<usize> = lines.iter().map(|l| width(&l.text)).collect();
    // The wrap width: the widest width that half the long lines broken mid-sentence come
    // within two columns of. Lines that end their sentence say nothing of a wrap, and a
    // heading or two of one length is none.
    let broken: Vec<usize> = (lines.iter().zip(&widths))
        .filter(|&(l, &w)| w >= 30 && !ends_paragraph(&l.text))
        .map(|(_, &w)| w)
        .collect();
    let mut counts = std::collections::BTreeMap::new();
    for &w in &broken {
        *counts.entry(w).or_insert(0usize) += 1;
    }
    let wrap = (counts.keys().rev())
        .find(|&&w| {
            let near: usize = counts.range(w.saturating_sub(2)..=w).map(|(_, n)| n).sum();
            near >= 2 && near * 2 >= broken.len()
        })
        .copied()
        .filter(|_| wrapped);
    // No wrap width: only the lines that stop mid-sentence go on.
    let wrap = wrap.unwrap_or(usize::MAX / 2);
    let mut joined: Vec<Line> = Vec::new();
    let mut open = false;
    for (i, (line, &w)) in lines.iter().zip(&widths).enumerate() {
        let starts =
            numerals::leading_marker(&line.text).is_some() || month_label(&line.text).is_some();
        // The 落款 keeps its lines: an organization over a date, and the date.
        let next_is_date = lines
            .get(i + 1)
            .is_some_and(|n| title::date(&n.text).is_some());
        let signs =
            title::date(&line.text).is_some() || (next_is_date && title::is_signer(&line.text));
        match joined.last_mut() {
            Some(last) if open && !line.after_blank && !starts && !line.heading && !signs => {
                last.text.push_str(&line.text);
            }
            _ => joined.push(line.clone()),
        }
        // The title line ends where it ends.
        let title = i == 0 && title::is_title(&line.text);
        open = (w + 3 >= wrap && !ends_paragraph(&line.text) || mid_sentence(&line.text))
            && !line.heading
            && !title;
    }
    joined
}

/// Whether a line holds a sequence of markers inline, each after a sentence's end or a
/// space: `…本计划。一、指导思想：…。二、具体工作：…` or `…工作计划 一、… 二、…`. An
/// enumeration inside a sentence (`主要有：（1）学习；（2）维权`) is none.
fn inline_sequence(text: &str) -> bool {
    // A numbered line holding a sequence of another form (4、…。（1）…。（2）…) is an item
    // whose paragraph enumerates, no plan run on.
    let own = numerals::leading_marker(text).map(|t| Key::of(&t.pattern));
    let mut seen: Vec<(Key, u64)> = Vec::new();
    let mut before = None;
    for (at, c) in text.char_indices() {
        let boundary = before.is_none_or(|b| "。！？!? \u{3000}".contains(b));
        before = Some(c);
        if !boundary {
            continue;
        }
        if let Some(typed) = numerals::leading_marker(&text[at..]) {
            let key = Key::of(&typed.pattern);
            let follows = |(k, n): &(Key, u64)| *k == key && *n + 1 == typed.number;
            let runs_on = own.as_ref().is_none_or(|own| *own == key);
            if at > 0 && typed.number >= 2 && seen.iter().any(follows) && runs_on {
                return true;
            }
            seen.push((key, typed.number));
        }
    }
    false
}

/// A document read into a plan.
fn document(doc: &Document, wrapped: bool) -> Imported {
    let mut lines = unwrap(&doc.lines, wrapped);
    let mut draft = Draft::default();
    let last_line = lines.last().map_or(doc.first_line, |l| l.line);
    // A run-on text's title: the words before its first marker.
    if let Some(first) = lines.first_mut() {
        let at = first.text.find([' ', '\u{3000}']);
        let runs_on = first.text.chars().count() >= 150 || inline_sequence(&first.text);
        if let Some(at) = at.filter(|_| runs_on) {
            let (head, tail) = first.text.split_at(at);
            if title::is_title(head) && numerals::leading_marker(tail.trim()).is_some() {
                let tail = tail.trim().to_owned();
                let mut rest = first.clone();
                rest.text = tail;
                first.text = head.to_owned();
                lines.insert(1, rest);
            }
        }
    }
    // The title line.
    if lines.first().is_some_and(|l| title::is_title(&l.text)) {
        let line = lines.remove(0);
        let t = title::read(&line.text);
        draft.title = t.verbatim;
        draft.organization = t.organization;
        draft.year = t.year;
        draft.school_year = t.school_year;
        draft.period = t.period;
        draft.kind = t.kind;
    }
    // What a saved page has under the 落款 (its ads, related links, copyright): a date
    // line among the last lines, signed, with only short unnumbered lines after it.
    let mut trailing = Vec::new();
    let tail_from = lines.len().saturating_sub(8);
    let signed = (tail_from..lines.len()).rev().find(|&k| {
        let text = &lines[k].text;
        let date = title::date(text).is_some()
            || text
                .rsplit_once([' ', '\u{3000}'])
                .is_some_and(|(org, d)| title::date(d).is_some() && title::is_signer(org.trim()));
        let signer = title::date(text).is_none() || k > 0 && title::is_signer(&lines[k - 1].text);
        date && signer
    });
    if let Some(k) = signed.filter(|&k| k + 1 < lines.len()) {
        let after = &lines[k + 1..];
        let chrome = after
            .iter()
            .all(|l| numerals::leading_marker(&l.text).is_none() && l.text.chars().count() <= 80);
        if chrome {
            trailing.extend(lines.drain(k + 1..).map(|l| (l.line, l.text)));
        }
    }
    // The 落款: a date at the end, the organization above it or before it on its line.
    let mut date_said = None;
    if let Some(last) = lines.last().cloned() {
        let (before, date_text) = match last.text.rsplit_once([' ', '\u{3000}']) {
            Some((before, date)) if title::date(date).is_some() => (before.trim_end(), date),
            _ => ("", last.text.as_str()),
        };
        if let Some((date, chinese)) = title::date(date_text) {
            lines.pop();
            // Before the date on its line: the organization's name, or text ending with it
            // (a run-on plan's last words), which stays text.
            let mut org = None;
            if title::is_signer(before) {
                org = Some(before.to_owned());
            } else if !before.is_empty() {
                let (rest, name) = match before.rsplit_once([' ', '\u{3000}']) {
                    Some((rest, name)) if title::is_signer(name.trim()) => {
                        (rest.trim_end(), Some(name.trim().to_owned()))
                    }
                    _ => (before, None),
                };
                org = name;
                let mut kept = last.clone();
                kept.text = rest.to_owned();
                lines.push(kept);
            }
            let org = org.or_else(|| {
                let above = lines.last().filter(|l| title::is_signer(&l.text))?;
                let org = above.text.clone();
                lines.pop();
                Some(org)
            });
            // A date written otherwise than a plan writes it (2027.1.5, 元月) is said.
            let style = if chinese {
                crate::model::DateStyle::Chinese
            } else {
                crate::model::DateStyle::Arabic
            };
            let meant = crate::view::format_date(date, style);
            if meant != date_text.trim() {
                let said = msg!(
                    "import-date-written",
                    date = date_text.trim(),
                    meant = meant
                );
                date_said = Some((last.line, said));
            }
            draft.chinese_date = chinese;
            if draft.organization.is_none() {
                draft.organization.clone_from(&org);
            }
            let organization = org.filter(|o| Some(o) != draft.organization.as_ref());
            draft.signature = Some(Signature {
                organization,
                date: Some(date),
            });
        } else if lines.len() >= 2 && title::is_signer(&last.text) {
            // An organization alone under the text, when it is the plan's own.
            let signer = last.text.ends_with("工会") || last.text.ends_with("委员会");
            if signer || draft.organization.as_deref() == Some(last.text.as_str()) {
                let org = last.text.clone();
                lines.pop();
                let organization = Some(org).filter(|o| Some(o) != draft.organization.as_ref());
                if draft.organization.is_none() {
                    draft.organization.clone_from(&organization);
                }
                draft.signature = Some(Signature {
                    organization: organization.filter(|o| Some(o) != draft.organization.as_ref()),
                    date: None,
                });
            }
        }
    }
    // The lines that run on, their markers inline: very long, or holding a sequence.
    let run_on = (lines.iter())
        .filter(|l| l.text.chars().count() >= 600 || inline_sequence(&l.text))
        .map(|l| l.line)
        .collect();
    let mut parser = Parser {
        frames: vec![Frame {
            node: Node::new(false),
            month: None,
            child_level: 0,
            last: 0,
            typed: 0,
            numbered: false,
            alias: None,
        }],
        levels: Vec::new(),
        report: Report {
            first_line: doc.first_line,
            last_line,
            ..Report::default()
        },
        month: None,
        closing: Vec::new(),
        run_on,
        line: 0,
        months_in_document: lines
            .iter()
            .filter(|l| month_label(&l.text).is_some())
            .count(),
    };
    parser.report.corrections.extend(date_said);
    parser.report.dropped = trailing;
    let mut queue: std::collections::VecDeque<(String, usize, bool)> =
        lines.into_iter().map(|l| (l.text, l.line, true)).collect();
    while let Some((text, line, at_start)) = queue.pop_front() {
        let ahead: Vec<&str> = queue.iter().take(4).map(|(t, ..)| t.as_str()).collect();
        if let Some(piece) = parser.piece(&text, line, at_start, &ahead, &mut draft) {
            queue.push_front((piece, line, false));
        }
    }
    parser.finish(draft)
}

impl Parser {
    fn top(&mut self) -> &mut Frame {
        self.frames.last_mut().expect("the root stays")
    }

    fn key_at(&self, level: usize) -> Option<&Key> {
        self.levels
            .get(level)
            .and_then(|l| l.as_ref())
            .map(|(k, _)| k)
    }

    /// The frame a marker continues (its index), and a correction if the source numbered
    /// it wrongly; `None` if it continues no sequence.
    fn place(&self, typed: &Typed, at_start: bool) -> Option<(usize, Option<Message>)> {
        let key = Key::of(&typed.pattern);
        let n = typed.number;
        let known = self
            .levels
            .iter()
            .position(|l| l.as_ref().is_some_and(|(k, _)| *k == key));
        for (i, frame) in self.frames.iter().enumerate().rev() {
            let level = frame.child_level;
            let level_key = self.key_at(level);
            if frame.last == 0 {
                if n == 1 && i + 1 == self.frames.len() {
                    match level_key {
                        // Under a month, items take the next level whatever their marker.
                        None if known.is_none() || frame.month.is_some() => return Some((i, None)),
                        Some(k) if *k == key => return Some((i, self.as_written(typed, level))),
                        Some(_) if known.is_none() => {
                            return Some((i, Some(self.written(typed, level))))
                        }
                        _ => {}
                    }
                }
                if frame.month.is_none() && frame.numbered {
                    continue;
                }
                continue;
            }
            let Some(level_key) = level_key else { continue };
            if frame.alias.as_ref() == Some(&key) && n == frame.typed + 1 {
                return Some((i, Some(self.written(typed, level))));
            }
            // On from the source's own number, or back in step after a mistake.
            if *level_key == key && (n == frame.typed + 1 || n == frame.last + 1) {
                return Some((i, self.as_written(typed, level)));
            }
            if level_key.near(&key) && n == frame.typed + 1 {
                return Some((i, Some(self.written(typed, level))));
            }
            if at_start && *level_key == key && (n == frame.typed || n == frame.typed + 2) {
                let said = self.levels[level].as_ref().expect("known").1.marker(n);
                let meant = self.levels[level]
                    .as_ref()
                    .expect("known")
                    .1
                    .marker(frame.last + 1);
                let why = if n == frame.typed {
                    "import-marker-repeated"
                } else {
                    "import-marker-skipped"
                };
                return Some((
                    i,
                    Some(Message::new(why).with("marker", said).with("meant", meant)),
                ));
            }
        }
        None
    }

    /// A first marker of a form that stands above its level's in the genre's order
    /// (`（一）` under 二、 where 一、 had `1、` straight under it): a level of its own between,
    /// so that the `1、` under it stay its children. The items of the old form before it take
    /// the new one, and that is said.
    fn insert_level(&mut self, typed: &Typed, line: usize) {
        let key = Key::of(&typed.pattern);
        let top = self.frames.len() - 1;
        let frame = &self.frames[top];
        let level = frame.child_level;
        let known = (self.levels.iter()).any(|l| l.as_ref().is_some_and(|(k, _)| *k == key));
        let Some(Some((old, pattern))) = self.levels.get(level) else {
            return;
        };
        if typed.number != 1 || frame.last != 0 || known || rank(&key) >= rank(old) {
            return;
        }
        let said = msg!(
            "import-level-inserted",
            marker = typed.pattern.marker(1),
            old = pattern.marker(1)
        );
        self.report.corrections.push((line, said));
        self.levels
            .insert(level, Some((key, typed.pattern.clone())));
    }

    /// A numbering that starts again at 1 where its level has run on before, with no label
    /// over it (一、发展目标 after 四、 and its paragraphs): a part of its own, untitled and
    /// unnumbered, opened beside the items before it, its items numbered from 1 again.
    fn restart(&mut self, typed: &Typed, line: usize) -> Option<(usize, Option<Message>)> {
        if typed.number != 1 {
            return None;
        }
        let key = Key::of(&typed.pattern);
        let at = (self.frames.iter())
            .rposition(|f| f.last >= 2 && self.key_at(f.child_level) == Some(&key))?;
        self.flush_closing(line);
        self.close_to(at + 1);
        let level = self.top().child_level;
        self.frames.push(Frame {
            node: Node::new(false),
            month: None,
            child_level: level,
            last: 0,
            typed: 0,
            numbered: false,
            alias: None,
        });
        Some((self.frames.len() - 1, None))
    }

    /// A correction when the marker is its level's but written otherwise: `(2)` after
    /// `（1）`.
    fn as_written(&self, typed: &Typed, level: usize) -> Option<Message> {
        let pattern = &self.levels[level].as_ref().expect("known").1;
        (pattern.marker(typed.number) != typed.pattern.marker(typed.number))
            .then(|| self.written(typed, level))
    }

    fn written(&self, typed: &Typed, level: usize) -> Message {
        let pattern = &self.levels[level].as_ref().expect("known").1;
        msg!(
            "import-marker-written",
            marker = typed.pattern.marker(typed.number),
            meant = pattern.marker(typed.number)
        )
    }

    /// Closes frames down to `keep` frames, each into its parent.
    fn close_to(&mut self, keep: usize) {
        while self.frames.len() > keep.max(1) {
            let frame = self.frames.pop().expect("more than the root");
            let parent = self.top();
            match frame.month {
                Some((first, last)) => parent.node.schedule.push(Month {
                    first,
                    last,
                    items: frame.node.items,
                }),
                None => parent.node.items.push(frame.node),
            }
        }
    }

    /// The first position in `content` where a marker continuing a sequence starts, for
    /// a run-on text.
    fn inline_split(&self, content: &str) -> Option<usize> {
        if !self.run_on.contains(&self.line) {
            return None;
        }
        let mut before = ' ';
        for (at, c) in content.char_indices() {
            let prev = std::mem::replace(&mut before, c);
            if at == 0 || "（(［[【〔第".contains(prev) || prev.is_ascii_digit() {
                continue;
            }
            if !(c.is_ascii_digit() || "一二三四五六七八九十（(①②③④⑤⑥⑦⑧⑨⑩元".contains(c))
            {
                continue;
            }
            let rest = &content[at..];
            if let Some(typed) = numerals::leading_marker(rest) {
                if self.place(&typed, false).is_some() {
                    return Some(at);
                }
            }
            if month_label(rest).is_some_and(|m| !m.3.is_empty()) {
                let holds = self.frames.iter().any(|f| f.month.is_some())
                    || SCHEDULE_WORDS
                        .iter()
                        .any(|w| content[..at].trim_end_matches(['：', ':']).ends_with(w));
                if holds {
                    return Some(at);
                }
            }
        }
        None
    }

    /// Reads one piece of text; gives back what follows a marker inside it, in a run-on
    /// text, to read next.
    fn piece(
        &mut self,
        text: &str,
        line: usize,
        at_start: bool,
        ahead: &[&str],
        draft: &mut Draft,
    ) -> Option<String> {
        let _ = draft;
        self.line = line;
        let next = ahead.first().copied();
        // A numbered item.
        if let Some(typed) = numerals::leading_marker(text) {
            // 第一部分：… after the document has numbered with 一、: a part over the levels,
            // its heading kept as written, the numbering starting again under it.
            let top_key = self.key_at(0);
            let part = ["部分", "章", "篇", "编"]
                .iter()
                .any(|u| typed.pattern.suffix.starts_with(u));
            if part && typed.pattern.prefix == "第" && top_key.is_some_and(|k| k.prefix != "第") {
                self.flush_closing(line);
                self.close_to(1);
                let mut node = Node::new(false);
                node.title = Some(text.to_owned());
                self.frames.push(Frame {
                    node,
                    month: None,
                    child_level: 0,
                    last: 0,
                    typed: 0,
                    numbered: false,
                    alias: None,
                });
                return None;
            }
            if at_start {
                self.insert_level(&typed, line);
            }
            let placed = self.place(&typed, at_start);
            let placed = placed.or_else(|| at_start.then(|| self.restart(&typed, line)).flatten());
            if let Some((frame, correction)) = placed {
                if let Some(correction) = correction {
                    self.report.corrections.push((line, correction));
                    let key = Key::of(&typed.pattern);
                    let level = self.frames[frame].child_level;
                    if self.key_at(level) != Some(&key) {
                        self.frames[frame].alias = Some(key);
                    }
                }
                self.flush_closing(line);
                self.close_to(frame + 1);
                let parent = self.top();
                let level = parent.child_level;
                parent.last += 1;
                parent.typed = typed.number;
                if self.levels.len() <= level {
                    self.levels.resize(level + 1, None);
                }
                if self.levels[level].is_none() {
                    let first = Pattern {
                        ..typed.pattern.clone()
                    };
                    self.levels[level] = Some((Key::of(&first), first));
                }
                self.frames.push(Frame {
                    node: Node::new(true),
                    month: None,
                    child_level: level + 1,
                    last: 0,
                    typed: 0,
                    numbered: true,
                    alias: None,
                });
                let (content, rest) = self.cut(&text[typed.len..]);
                self.top().node.body.push(content);
                return rest;
            }
        }
        // A month of a schedule.
        if let Some((first, last, style, after)) = month_label(text) {
            let open = self.frames.iter().rposition(|f| f.month.is_some());
            let holder_hint = self
                .frames
                .iter()
                .rev()
                .find(|f| f.month.is_none())
                .is_some_and(|f| {
                    let title = f.node.body.first().or(f.node.title.as_ref());
                    title.is_some_and(|t| SCHEDULE_WORDS.iter().any(|w| t.contains(w)))
                });
            if open.is_some() || holder_hint || self.months_in_document >= 3 {
                self.flush_closing(line);
                if let Some(at) = open {
                    self.close_to(at);
                }
                let seen = self.month.get_or_insert(style);
                seen.dash |= style.dash;
                seen.yuan |= style.yuan;
                let level = self.top().child_level;
                self.frames.push(Frame {
                    node: Node::new(false),
                    month: Some((first, last)),
                    child_level: level + 1,
                    last: 0,
                    typed: 0,
                    numbered: false,
                    alias: None,
                });
                if !after.is_empty() {
                    return Some(after.to_owned());
                }
                return None;
            }
        }
        // An unnumbered label over numbered items or months.
        let short = text.chars().count() <= 24;
        let labels = next.is_some_and(|n| {
            numerals::leading_marker(n).is_some_and(|t| t.number == 1) || month_label(n).is_some()
        });
        // A heading over a numbering that starts again (下半年工作思路 over 一、 after 五、),
        // on the next line or after the paragraphs that open the part
        // (二〇〇六年的工作思路, a paragraph, then 一、).
        let over = ahead
            .iter()
            .position(|t| numerals::leading_marker(t).is_some() || month_label(t).is_some());
        let restart_at = over.filter(|&k| {
            let Some(t) = numerals::leading_marker(ahead[k]) else {
                return false;
            };
            let key = Key::of(&t.pattern);
            let names_part = k == 0
                || text.ends_with(['：', ':'])
                || title::KINDS.iter().any(|w| text.contains(w));
            t.number == 1
                && names_part
                && (self.frames.iter())
                    .any(|f| f.last >= 2 && self.key_at(f.child_level) == Some(&key))
        });
        let restarts = restart_at.is_some();
        let labels = labels || restarts;
        // A part of a summary or plan over its numbered items: 上半年工作总结, 下半年工作打算.
        let names_part =
            labels && !ends_paragraph(text) && (title::KINDS.iter()).any(|w| text.ends_with(w));
        let lead = text.ends_with(['：', ':'])
            || SCHEDULE_WORDS.iter().any(|w| text.ends_with(w))
            || names_part
            || (restarts && !ends_paragraph(text));
        if short && labels && lead {
            self.flush_closing(line);
            // The label stands where the next marker's level is open.
            let next_key = ahead
                .get(restart_at.unwrap_or(0))
                .and_then(|t| numerals::leading_marker(t))
                .map(|t| Key::of(&t.pattern));
            let level = next_key.and_then(|k| {
                self.levels
                    .iter()
                    .position(|l| l.as_ref().is_some_and(|(lk, _)| *lk == k))
            });
            if next.is_some_and(|n| month_label(n).is_some()) {
                // Months under a label: the label stands beside the items before it,
                // unless it comes under a heading that holds the schedule.
                while self.frames.len() > 1 {
                    let top = self.top();
                    let holds = (top.node.body.first())
                        .is_some_and(|t| SCHEDULE_WORDS.iter().any(|w| t.contains(w)));
                    if holds && top.node.items.is_empty() && top.node.body.len() == 1 {
                        break;
                    }
                    let len = self.frames.len();
                    self.close_to(len - 1);
                }
            } else if let Some(level) = level {
                let keep = self
                    .frames
                    .iter()
                    .rposition(|f| f.child_level == level && f.month.is_none());
                if let Some(at) = keep {
                    self.close_to(at + 1);
                    if !self.top().numbered && self.frames.len() > 1 {
                        // A label after a label: siblings.
                        let len = self.frames.len();
                        self.close_to(len - 1);
                    }
                }
            }
            let level = self.top().child_level;
            let mut node = Node::new(false);
            node.title = Some(text.to_owned());
            self.frames.push(Frame {
                node,
                month: None,
                child_level: level,
                last: 0,
                typed: 0,
                numbered: false,
                alias: None,
            });
            return None;
        }
        // A paragraph. A marker that continues no sequence is said, kept as text.
        if at_start && numerals::leading_marker(text).is_some() {
            self.report.unplaced.push((line, text.to_owned()));
        }
        let (content, rest) = self.cut(text);
        self.paragraph(content, line, draft);
        rest
    }

    /// The text up to a marker inside it that continues a sequence (in a run-on text),
    /// and the rest.
    fn cut(&self, text: &str) -> (String, Option<String>) {
        match self.inline_split(text) {
            Some(at) if text.chars().count() >= 2 => {
                (text[..at].trim().to_owned(), Some(text[at..].to_owned()))
            }
            _ => (text.trim().to_owned(), None),
        }
    }

    fn paragraph(&mut self, text: String, line: usize, _draft: &mut Draft) {
        if self.frames.len() == 1 && self.frames[0].node.items.is_empty() {
            self.frames[0].node.body.push(text);
            return;
        }
        if !self.closing.is_empty() || CLOSING_WORDS.iter().any(|w| text.starts_with(w)) {
            self.closing.push(text);
            return;
        }
        let top = self.top();
        if top.month.is_some() {
            let mut node = Node::new(false);
            node.body.push(text);
            top.node.items.push(node);
            return;
        }
        if top.node.items.is_empty() && top.node.schedule.is_empty() {
            top.node.body.push(text);
            return;
        }
        // After its items: kept as an unnumbered paragraph where it stands.
        let mut node = Node::new(false);
        node.body.push(text.clone());
        top.node.items.push(node);
        self.report.unplaced.push((line, text));
    }

    /// Paragraphs taken for the closing, followed by more of the body after all: put back
    /// where they stood.
    fn flush_closing(&mut self, line: usize) {
        for text in std::mem::take(&mut self.closing) {
            self.report.unplaced.push((line, text.clone()));
            let mut node = Node::new(false);
            node.body.push(text);
            self.top().node.items.push(node);
        }
    }

    fn finish(mut self, mut draft: Draft) -> Imported {
        self.close_to(1);
        let root = self.frames.pop().expect("the root");
        draft.preface = root.node.body;
        draft.sections = root.node.items;
        // Nothing numbered: the text is one untitled part, which a plan must have.
        if draft.sections.is_empty() && !draft.preface.is_empty() {
            let mut part = Node::new(false);
            part.body = std::mem::take(&mut draft.preface);
            draft.sections.push(part);
        }
        draft.closing = std::mem::take(&mut self.closing);
        // Trailing paragraphs of the last section's last leaf stay its body; nothing to do.
        for section in &mut draft.sections {
            shape(section, true);
        }
        let used: Vec<Key> = self
            .levels
            .iter()
            .flatten()
            .map(|(k, _)| k.clone())
            .collect();
        let defaults = numerals::default_patterns();
        let mut spare = defaults.iter().filter(|p| !used.contains(&Key::of(p)));
        draft.numbering = self
            .levels
            .iter()
            .map(|l| match l {
                Some((_, p)) => p.marker(1),
                None => spare.next().map_or_else(|| "①".to_owned(), |p| p.marker(1)),
            })
            .collect();
        draft.spare = (self.levels.iter().enumerate())
            .filter(|(_, l)| l.is_none())
            .map(|(i, _)| i)
            .collect();
        draft.month = self.month.unwrap_or_default();
        let mut report = self.report;
        count(&draft.sections, &mut report, true);
        report.unplaced.retain(|(_, t)| !t.is_empty());
        // A line said once, however many reasons it has.
        report.unplaced.sort_by_key(|u| u.0);
        report.unplaced.dedup_by_key(|u| u.0);
        Imported { draft, report }
    }
}

/// Gives a node its shape: a short first line over paragraphs or items is its title; a
/// line that opens with a short sentence runs its title into its body; else a body alone.
fn shape(node: &mut Node, top: bool) {
    for item in &mut node.items {
        shape(item, false);
    }
    for month in &mut node.schedule {
        for item in &mut month.items {
            shape(item, false);
        }
    }
    if !node.numbered || node.title.is_some() || node.body.is_empty() {
        return;
    }
    let first = node.body[0].clone();
    let leaf = node.items.is_empty() && node.schedule.is_empty();
    let heading = first.chars().count() <= 30 && !ends_paragraph(&first);
    if heading && (node.body.len() > 1 || !leaf) {
        node.body.remove(0);
        let ends = crate::text::ends_a_sentence(&first);
        if !top && leaf && ends {
            node.layout = Some(Layout::Heading);
        }
        node.title = Some(first);
        return;
    }
    // 学习为先。教师必需…: a short sentence running into the rest.
    if node.body.len() == 1 && leaf {
        if let Some((at, c)) = first.char_indices().find(|&(_, c)| "。！？".contains(c)) {
            let end = at + c.len_utf8();
            let lead = &first[..end];
            if lead.chars().count() <= 12 && end < first.len() {
                node.title = Some(lead.to_owned());
                node.body[0] = first[end..].to_owned();
                if top {
                    node.layout = Some(Layout::Inline);
                }
            }
        }
    }
}

fn count(nodes: &[Node], report: &mut Report, top: bool) {
    for node in nodes {
        if node.numbered || node.title.is_some() {
            if top {
                report.sections += 1;
            } else {
                report.items += 1;
            }
        }
        count(&node.items, report, false);
        for month in &node.schedule {
            report.months += 1;
            count(&month.items, report, false);
        }
    }
}

#[cfg(test)]
mod tests;
