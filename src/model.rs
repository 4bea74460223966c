//! The plan as written in YAML: serde types with English keys and their Chinese aliases.
//!
//! These types mirror the file, nothing more: defaults that depend on other fields (titles,
//! headings, numbering) are the view's business.

use std::fmt;

use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Serialize};

use crate::error::Seg;
use crate::messages::Message;
use crate::msg;
use crate::numerals::{self, DateError, MonthError};

thread_local! {
    /// The last value the model refused, as the message it was refused with: serde carries
    /// a custom error as text only, so the code and data travel beside it.
    static REFUSED: std::cell::RefCell<Option<Message>> = const { std::cell::RefCell::new(None) };
}

/// An error of serde's for a value the model refuses with `message`, which
/// [`take_refusal`] gives back.
pub fn refuse<E: de::Error>(message: Message) -> E {
    let error = E::custom(&message);
    REFUSED.with(|last| *last.borrow_mut() = Some(message));
    error
}

/// Forgets the last refusal, before a value is read: what is then refused is that value's.
pub fn forget_refusal() {
    REFUSED.with(|last| last.borrow_mut().take());
}

/// Whether serde's message `full` is the model's refusal (its words are in it): its words,
/// which quote what the user wrote, are then not the YAML library's to be read.
pub fn refused_in(full: &str) -> bool {
    REFUSED.with(|last| {
        last.borrow()
            .as_ref()
            .is_some_and(|message| full.contains(&message.to_string()))
    })
}

/// The message the model refused a value with, if `words` (serde's text of the error,
/// its path taken off) are its words: the message then reaches the user as data, in the
/// language and with the code of its own.
pub fn take_refusal(words: &str) -> Option<Message> {
    REFUSED
        .with(|last| last.borrow_mut().take())
        .filter(|message| words.starts_with(&message.to_string()))
}

/// Visitor methods that take every scalar as text. A number or a boolean arrives here as
/// YAML read it (`0o17` as 15, `True` as true); loading puts back the text as written
/// ([`Plan::texts_mut`] finds them). Floats are refused rather than rewritten (`1.50` would
/// come back as `1.5`): quoting keeps them as written.
macro_rules! scalar_text_visits {
    ($make:expr) => {
        fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
            Ok(($make)(v.to_owned()))
        }
        fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
            Ok(($make)(v))
        }
        fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
            Ok(($make)(v.to_string()))
        }
        fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
            Ok(($make)(v.to_string()))
        }
        fn visit_i128<E: de::Error>(self, v: i128) -> Result<Self::Value, E> {
            Ok(($make)(v.to_string()))
        }
        fn visit_u128<E: de::Error>(self, v: u128) -> Result<Self::Value, E> {
            Ok(($make)(v.to_string()))
        }
        fn visit_bool<E: de::Error>(self, v: bool) -> Result<Self::Value, E> {
            Ok(($make)(v.to_string()))
        }
        fn visit_f64<E: de::Error>(self, _: f64) -> Result<Self::Value, E> {
            Err(refuse(msg!("text-reads-as-number")))
        }
    };
}

/// A whole plan or summary.
#[derive(Debug, Default, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Plan {
    /// The document title; by default built from organization, year, period and kind.
    #[serde(default, alias = "标题")]
    pub title: Option<Text>,
    /// The issuing union, e.g. 城东中学工会.
    #[serde(default, alias = "单位")]
    pub organization: Option<Text>,
    /// The plan's year; for school terms and years, the year the school year starts.
    #[serde(default, alias = "年度")]
    pub year: Option<Year>,
    /// The school year a school's plan belongs to, both its years: 2026—2027.
    #[serde(default, alias = "学年")]
    pub school_year: Option<SchoolYear>,
    /// The span the plan covers (default: the whole year).
    #[serde(default, alias = "期间")]
    pub period: Period,
    /// Plan (default) or summary.
    #[serde(default, alias = "文种")]
    pub kind: Kind,
    /// Paragraphs before the first section.
    #[serde(default, alias = "前言")]
    pub preface: Paragraphs,
    /// The body: sections, each a node with title, body, items and schedule.
    #[serde(default, alias = "正文", deserialize_with = "some_one_or_many")]
    #[schemars(with = "Option<OneOrMany<Item>>")]
    pub sections: Option<Vec<Item>>,
    /// Shorthand for a section 指导思想 (not together with `sections`).
    #[serde(default, alias = "指导思想")]
    pub guiding_ideology: Option<Content>,
    /// Shorthand for a section 工作目标 (not together with `sections`).
    #[serde(default, alias = "工作目标")]
    pub goals: Option<Content>,
    /// Shorthand for a section 重点工作 (not together with `sections`).
    #[serde(default, alias = "重点工作")]
    pub key_tasks: Option<Content>,
    /// Shorthand for a section 具体工作安排 holding a month-by-month schedule.
    #[serde(default, alias = "具体工作安排")]
    pub schedule: Option<Vec<ScheduleEntry>>,
    /// Paragraphs after the last section.
    #[serde(default, alias = "结束语")]
    pub closing: Paragraphs,
    /// The 落款: organization and date under the text.
    #[serde(default, alias = "落款")]
    pub signature: Option<Signature>,
    /// Presentation: numbering markers, month labels, date style.
    #[serde(default, alias = "版式")]
    pub style: Style,
}

/// The four shorthand keys, in the order their sections appear, with their default headings.
pub const SHORTHAND: [(&str, &str); 4] = [
    ("guiding_ideology", "指导思想"),
    ("goals", "工作目标"),
    ("key_tasks", "重点工作"),
    ("schedule", "具体工作安排"),
];

/// A section of a plan's body as the file gives it: an entry of `sections`, or a shorthand
/// key standing for one.
#[derive(Debug, Clone)]
pub struct Section {
    /// Where the file gives it: `sections[i]`, or the shorthand key.
    pub path: Vec<Seg>,
    /// The shorthand key it is given by, with the heading it takes unless it gives one.
    pub shorthand: Option<(&'static str, &'static str)>,
    pub given: Given,
}

/// What a section is written as.
#[derive(Debug, Clone)]
pub enum Given {
    /// An entry of `sections`.
    Item(Item),
    /// The value of `guiding_ideology`, `goals` or `key_tasks`.
    Content(Content),
    /// The value of `schedule`.
    Schedule(Vec<ScheduleEntry>),
}

impl Plan {
    /// The year the plan's calendar is read from: for a school's plan, the year its school
    /// year starts, which `school_year` says without doubt; otherwise `year`.
    pub fn calendar_year(&self) -> Option<i32> {
        (self.school_year.map(|s| s.first)).or(self.year.map(|y| y.0))
    }

    /// The shorthand keys that stand for a section with its content, each with its field;
    /// `schedule`, the fourth, holds a schedule.
    fn contents_mut(&mut self) -> [((&'static str, &'static str), &mut Option<Content>); 3] {
        let [ideology, goals, tasks, _] = SHORTHAND;
        [
            (ideology, &mut self.guiding_ideology),
            (goals, &mut self.goals),
            (tasks, &mut self.key_tasks),
        ]
    }

    /// Takes the plan's body out as sections: the entries of `sections`, then the sections
    /// the shorthand keys stand for, in their fixed order, each with its data path.
    pub fn take_sections(&mut self) -> Vec<Section> {
        let mut sections: Vec<Section> = (self.sections.take().into_iter().flatten())
            .enumerate()
            .map(|(i, item)| Section {
                path: vec![Seg::Key("sections"), Seg::Index(i)],
                shorthand: None,
                given: Given::Item(item),
            })
            .collect();
        let given: Vec<_> = self
            .contents_mut()
            .into_iter()
            .filter_map(|(key, content)| Some((key, Given::Content(content.take()?))))
            .collect();
        let given = given.into_iter().chain(
            self.schedule
                .take()
                .map(|s| (SHORTHAND[3], Given::Schedule(s))),
        );
        sections.extend(given.map(|(key, given)| Section {
            path: vec![Seg::Key(key.0)],
            shorthand: Some(key),
            given,
        }));
        sections
    }
}

impl Plan {
    /// Calls `f` with every piece of text the plan holds (titles, bodies, items, names; not
    /// the numbering markers) and its data path, to change it in place.
    pub fn texts_mut(&mut self, f: &mut dyn FnMut(&[Seg], &mut String)) {
        fn at(
            path: &mut Vec<Seg>,
            seg: Seg,
            f: &mut dyn FnMut(&[Seg], &mut String),
            text: &mut String,
        ) {
            path.push(seg);
            f(path, text);
            path.pop();
        }
        fn paragraphs(
            path: &mut Vec<Seg>,
            f: &mut dyn FnMut(&[Seg], &mut String),
            ps: &mut Paragraphs,
        ) {
            for (i, p) in ps.0.iter_mut().enumerate() {
                at(path, Seg::Index(i), f, p);
            }
        }
        fn items(path: &mut Vec<Seg>, f: &mut dyn FnMut(&[Seg], &mut String), items: &mut [Item]) {
            for (i, item) in items.iter_mut().enumerate() {
                path.push(Seg::Index(i));
                match item {
                    Item::Text(t) => f(path, t),
                    Item::Node(n) => node(path, f, n),
                }
                path.pop();
            }
        }
        fn node(path: &mut Vec<Seg>, f: &mut dyn FnMut(&[Seg], &mut String), node: &mut Node) {
            if let Some(Text(t)) = &mut node.title {
                at(path, Seg::Key("title"), f, t);
            }
            path.push(Seg::Key("body"));
            paragraphs(path, f, &mut node.body);
            path.pop();
            path.push(Seg::Key("items"));
            items(path, f, &mut node.items);
            path.pop();
            path.push(Seg::Key("schedule"));
            schedule(path, f, &mut node.schedule);
            path.pop();
        }
        fn schedule(
            path: &mut Vec<Seg>,
            f: &mut dyn FnMut(&[Seg], &mut String),
            entries: &mut [ScheduleEntry],
        ) {
            for (e, entry) in entries.iter_mut().enumerate() {
                path.extend([Seg::Index(e), Seg::Key("items")]);
                items(path, f, &mut entry.items);
                path.truncate(path.len() - 2);
            }
        }
        let path = &mut Vec::with_capacity(16);
        for (key, text) in [
            ("title", &mut self.title),
            ("organization", &mut self.organization),
        ] {
            if let Some(Text(t)) = text {
                at(path, Seg::Key(key), f, t);
            }
        }
        for (key, ps) in [
            ("preface", &mut self.preface),
            ("closing", &mut self.closing),
        ] {
            path.push(Seg::Key(key));
            paragraphs(path, f, ps);
            path.pop();
        }
        if let Some(Text(t)) = self
            .signature
            .as_mut()
            .and_then(|s| s.organization.as_mut())
        {
            path.push(Seg::Key("signature"));
            at(path, Seg::Key("organization"), f, t);
            path.pop();
        }
        if let Some(sections) = &mut self.sections {
            path.push(Seg::Key("sections"));
            items(path, f, sections);
            path.pop();
        }
        for ((key, _), content) in self.contents_mut() {
            path.push(Seg::Key(key));
            match content {
                Some(Content::Body(ps)) => paragraphs(path, f, ps),
                Some(Content::Items(list)) => items(path, f, list),
                Some(Content::Node(n)) => node(path, f, n),
                None => {}
            }
            path.pop();
        }
        if let Some(entries) = &mut self.schedule {
            path.push(Seg::Key("schedule"));
            schedule(path, f, entries);
            path.pop();
        }
    }
}

/// A year: a number, or text as typed (`'2027'`, `2027年`, `２０２７`, `二〇二七年`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Year(pub i32);

impl<'de> Deserialize<'de> for Year {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct YearVisitor;
        impl Visitor<'_> for YearVisitor {
            type Value = Year;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a year such as 2027")
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Year, E> {
                const YEARS: std::ops::RangeInclusive<i64> = 1900..=2200;
                if YEARS.contains(&v) {
                    Ok(Year(v as i32))
                } else {
                    Err(refuse(msg!(
                        "year-out-of-range",
                        year = v.to_string(),
                        first = YEARS.start().to_string(),
                        last = YEARS.end().to_string()
                    )))
                }
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Year, E> {
                self.visit_i64(i64::try_from(v).unwrap_or(i64::MAX))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Year, E> {
                Err(refuse(msg!("not-a-year", text = v.to_string())))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Year, E> {
                match numerals::parse_year(v) {
                    Some(n) => self.visit_u64(n),
                    None => Err(refuse(msg!("not-a-year", text = v))),
                }
            }
        }
        deserializer.deserialize_any(YearVisitor)
    }
}

/// A school year as typed, both its years (`2026—2027`, `2026-2027`, `2026至2027学年`,
/// `２０２６～２０２７`): which school year a term belongs to, said without doubt. Whether the
/// years follow each other is validation's business.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SchoolYear {
    pub first: i32,
    pub last: i32,
}

/// What may stand between the two years of a school year, once or twice (`2026——2027`).
pub const SCHOOL_YEAR_SEPARATORS: &[char] = &[
    '-', '‐', '‑', '−', '﹣', '－', '—', '–', '―', '~', '～', '〜', '至', '到',
];

impl SchoolYear {
    /// Reads a school year as typed: two years (each as [`numerals::parse_year`] reads it,
    /// from 1900 to 2200) with a dash, a tilde, 至 or 到 between them, and 学年 or 学年度
    /// after them, if at all.
    pub fn parse(text: &str) -> Option<SchoolYear> {
        let text = text.trim();
        let text = (text.strip_suffix("学年度"))
            .or_else(|| text.strip_suffix("学年"))
            .unwrap_or(text);
        let at = text.find(SCHOOL_YEAR_SEPARATORS)?;
        let (first, rest) = text.split_at(at);
        let rest = rest.strip_prefix(SCHOOL_YEAR_SEPARATORS)?;
        let last = rest.strip_prefix(SCHOOL_YEAR_SEPARATORS).unwrap_or(rest);
        let year = |text: &str| {
            numerals::parse_year(text)
                .filter(|y| (1900..=2200).contains(y))
                .map(|y| y as i32)
        };
        Some(SchoolYear {
            first: year(first)?,
            last: year(last)?,
        })
    }
}

impl fmt::Display for SchoolYear {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "{}—{}", self.first, self.last)
    }
}

impl<'de> Deserialize<'de> for SchoolYear {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct SchoolYearVisitor;
        impl Visitor<'_> for SchoolYearVisitor {
            type Value = SchoolYear;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a school year such as 2026—2027")
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<SchoolYear, E> {
                Err(refuse(msg!(
                    "school-year-one-year",
                    year = v.to_string(),
                    next = v.saturating_add(1).to_string()
                )))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<SchoolYear, E> {
                self.visit_i64(i64::try_from(v).unwrap_or(i64::MAX))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<SchoolYear, E> {
                Err(refuse(msg!("not-a-school-year", text = v.to_string())))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<SchoolYear, E> {
                if let Some(year) = numerals::parse_year(v) {
                    return self.visit_u64(year);
                }
                SchoolYear::parse(v).ok_or_else(|| refuse(msg!("not-a-school-year", text = v)))
            }
        }
        deserializer.deserialize_any(SchoolYearVisitor)
    }
}

/// The span of time a plan covers (its calendar is in `calendar`).
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
pub enum Period {
    #[default]
    #[serde(rename = "year", alias = "全年", alias = "年度")]
    Year,
    #[serde(rename = "first-half", alias = "上半年")]
    FirstHalf,
    #[serde(rename = "second-half", alias = "下半年")]
    SecondHalf,
    #[serde(rename = "autumn-term", alias = "上学期", alias = "第一学期")]
    AutumnTerm,
    #[serde(rename = "spring-term", alias = "下学期", alias = "第二学期")]
    SpringTerm,
    #[serde(rename = "school-year", alias = "学年")]
    SchoolYear,
}

/// Plan or summary.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
pub enum Kind {
    #[default]
    #[serde(rename = "plan", alias = "计划")]
    Plan,
    #[serde(rename = "summary", alias = "总结")]
    Summary,
}

/// A section or an item: one recursive type.
#[derive(Debug, Default, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Node {
    /// The heading, or the lead phrase of an item, verbatim with its punctuation.
    #[serde(default, alias = "标题")]
    pub title: Option<Text>,
    /// Paragraphs: a string, or a list of strings.
    #[serde(default, alias = "内容")]
    pub body: Paragraphs,
    /// Child nodes; a plain string is a node with only a body.
    #[serde(default, alias = "事项", deserialize_with = "one_or_many")]
    #[schemars(with = "OneOrMany<Item>")]
    pub items: Vec<Item>,
    /// A month-by-month schedule.
    #[serde(default, alias = "安排")]
    pub schedule: Vec<ScheduleEntry>,
    /// false for a label that takes no marker and uses up no numbering level.
    #[serde(default = "yes", alias = "编号")]
    pub numbered: bool,
    /// heading (title on its own line) or inline (title runs into the body).
    #[serde(default, alias = "样式")]
    pub layout: Option<Layout>,
}

fn yes() -> bool {
    true
}

/// Whether a title stands on its own line or runs into the body.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
pub enum Layout {
    #[serde(rename = "heading", alias = "标题")]
    Heading,
    #[serde(rename = "inline", alias = "段内", alias = "行内")]
    Inline,
}

/// An entry of an item list: a node, or a plain string standing for a node with only a body.
#[derive(Debug, Clone)]
pub enum Item {
    Text(String),
    Node(Node),
}

impl Item {
    pub fn into_node(self) -> Node {
        match self {
            Item::Text(text) => Node {
                body: Paragraphs(vec![text]),
                numbered: true,
                ..Node::default()
            },
            Item::Node(node) => node,
        }
    }
}

impl<'de> Deserialize<'de> for Item {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ItemVisitor;
        impl<'de> Visitor<'de> for ItemVisitor {
            type Value = Item;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an item: a string, or a mapping with title, body, items or schedule")
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Item, A::Error> {
                Node::deserialize(de::value::MapAccessDeserializer::new(map)).map(Item::Node)
            }
            fn visit_seq<A: SeqAccess<'de>>(self, _: A) -> Result<Item, A::Error> {
                Err(refuse(msg!("item-cannot-be-a-list")))
            }
            scalar_text_visits!(Item::Text);
        }
        deserializer.deserialize_any(ItemVisitor)
    }
}

/// The value of a shorthand key: a body, a list of items, or a whole node.
#[derive(Debug, Clone)]
pub enum Content {
    Body(Paragraphs),
    Items(Vec<Item>),
    Node(Node),
}

impl<'de> Deserialize<'de> for Content {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ContentVisitor;
        impl<'de> Visitor<'de> for ContentVisitor {
            type Value = Content;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str(
                    "text, a list of paragraphs or items, or a mapping with title, body and items",
                )
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Content, A::Error> {
                Node::deserialize(de::value::MapAccessDeserializer::new(map)).map(Content::Node)
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Content, A::Error> {
                let mut items = Vec::new();
                while let Some(item) = seq.next_element::<Item>()? {
                    items.push(item);
                }
                if items.iter().all(|item| matches!(item, Item::Text(_))) {
                    let paragraphs = items
                        .into_iter()
                        .filter_map(|item| match item {
                            Item::Text(text) => Some(text),
                            Item::Node(_) => None,
                        })
                        .collect();
                    Ok(Content::Body(Paragraphs(paragraphs)))
                } else {
                    Ok(Content::Items(items))
                }
            }
            scalar_text_visits!(|text| Content::Body(Paragraphs(vec![text])));
        }
        deserializer.deserialize_any(ContentVisitor)
    }
}

/// One or more paragraphs: a string, or a list of strings.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Paragraphs(pub Vec<String>);

impl<'de> Deserialize<'de> for Paragraphs {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ParagraphsVisitor;
        impl<'de> Visitor<'de> for ParagraphsVisitor {
            type Value = Paragraphs;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("text, or a list of paragraphs")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Paragraphs, A::Error> {
                let mut paragraphs = Vec::new();
                while let Some(Text(text)) = seq.next_element::<Text>()? {
                    paragraphs.push(text);
                }
                Ok(Paragraphs(paragraphs))
            }
            fn visit_unit<E: de::Error>(self) -> Result<Paragraphs, E> {
                Ok(Paragraphs::default())
            }
            scalar_text_visits!(|text| Paragraphs(vec![text]));
        }
        deserializer.deserialize_any(ParagraphsVisitor)
    }
}

/// A piece of text. YAML reads `2027` or `true` as numbers and booleans; as text they are
/// kept as written rather than refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Text(pub String);

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct TextVisitor;
        impl<'de> Visitor<'de> for TextVisitor {
            type Value = Text;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("text")
            }
            scalar_text_visits!(Text);
        }
        deserializer.deserialize_any(TextVisitor)
    }
}

/// A list, or a single entry written without one (`事项: 开展教师节庆祝活动。`): a
/// secretary writes one item as she writes one paragraph. A scalar is the list's one entry;
/// a mapping or anything else keeps the type's own message.
pub fn one_or_many<'de, D, T>(deserializer: D) -> Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    use serde::de::IntoDeserializer;
    struct OneOrManyVisitor<T>(std::marker::PhantomData<T>);
    impl<'de, T: Deserialize<'de>> Visitor<'de> for OneOrManyVisitor<T> {
        type Value = Vec<T>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a list, or a single entry written as text")
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<T>, A::Error> {
            let mut list = Vec::new();
            while let Some(entry) = seq.next_element()? {
                list.push(entry);
            }
            Ok(list)
        }
        fn visit_unit<E: de::Error>(self) -> Result<Vec<T>, E> {
            Ok(Vec::new())
        }
        fn visit_str<E: de::Error>(self, v: &str) -> Result<Vec<T>, E> {
            T::deserialize(v.into_deserializer()).map(|one| vec![one])
        }
        fn visit_i64<E: de::Error>(self, v: i64) -> Result<Vec<T>, E> {
            T::deserialize(v.into_deserializer()).map(|one| vec![one])
        }
        fn visit_u64<E: de::Error>(self, v: u64) -> Result<Vec<T>, E> {
            T::deserialize(v.into_deserializer()).map(|one| vec![one])
        }
        fn visit_f64<E: de::Error>(self, v: f64) -> Result<Vec<T>, E> {
            T::deserialize(v.into_deserializer()).map(|one| vec![one])
        }
        fn visit_bool<E: de::Error>(self, v: bool) -> Result<Vec<T>, E> {
            T::deserialize(v.into_deserializer()).map(|one| vec![one])
        }
    }
    deserializer.deserialize_any(OneOrManyVisitor(std::marker::PhantomData))
}

/// [`one_or_many`] for a list that may be left out.
fn some_one_or_many<'de, D, T>(deserializer: D) -> Result<Option<Vec<T>>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    one_or_many(deserializer).map(Some)
}

/// The schema of a list that [`one_or_many`] reads: the list, or its one entry alone.
pub struct OneOrMany<T>(std::marker::PhantomData<T>);

/// One month (or run of months) of a schedule.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ScheduleEntry {
    #[serde(alias = "月份")]
    pub month: Months,
    #[serde(default, alias = "事项", deserialize_with = "one_or_many")]
    #[schemars(with = "OneOrMany<Item>")]
    pub items: Vec<Item>,
}

/// A single month or a run of consecutive months, which may cross the new year (12-1).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Months {
    pub first: u8,
    pub last: u8,
}

impl Months {
    /// Whether the range runs forward in the year's months counted from `start`: 12-1 does
    /// from September, not from January.
    pub fn runs_forward_from(self, start: u8) -> bool {
        let at = |m: u8| (m + 12 - start) % 12;
        at(self.first) <= at(self.last)
    }

    /// The months in order, wrapping from December to January.
    pub fn iter(self) -> impl Iterator<Item = u8> {
        let len = (self.last + 12 - self.first) % 12 + 1;
        (0..len).map(move |i| (self.first - 1 + i) % 12 + 1)
    }
}

fn month_number<E: de::Error>(n: i64) -> Result<u8, E> {
    if (1..=12).contains(&n) {
        Ok(n as u8)
    } else {
        Err(refuse(msg!("month-out-of-range", month = n.to_string())))
    }
}

impl<'de> Deserialize<'de> for Months {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct MonthsVisitor;
        impl<'de> Visitor<'de> for MonthsVisitor {
            type Value = Months;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a month from 1 to 12, or a range such as \"7-8\" or [7, 8]")
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Months, E> {
                let m = month_number(v)?;
                Ok(Months { first: m, last: m })
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Months, E> {
                self.visit_i64(i64::try_from(v).unwrap_or(i64::MAX))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Months, E> {
                match numerals::parse_months(v) {
                    Ok((first, last)) => Ok(Months { first, last }),
                    Err(MonthError::NoSuchMonth(n)) => {
                        month_number(i64::try_from(n).unwrap_or(i64::MAX))
                            .map(|m| Months { first: m, last: m })
                    }
                    Err(MonthError::Lunar(name)) => Err(refuse(msg!("lunar-month", month = name))),
                    Err(MonthError::NotARun) => Err(refuse(msg!("months-not-a-run", text = v))),
                    Err(MonthError::NotAMonth) => Err(refuse(msg!("not-a-month", text = v))),
                }
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Months, A::Error> {
                let mut months = Vec::new();
                while let Some(m) = seq.next_element::<i64>()? {
                    months.push(month_number::<A::Error>(m)?);
                }
                match months.as_slice() {
                    [m] => Ok(Months {
                        first: *m,
                        last: *m,
                    }),
                    [first, last] => Ok(Months {
                        first: *first,
                        last: *last,
                    }),
                    _ => Err(refuse(msg!("month-range-length"))),
                }
            }
        }
        deserializer.deserialize_any(MonthsVisitor)
    }
}

/// The issuing organization and the date under the text.
#[derive(Debug, Default, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Signature {
    #[serde(default, alias = "单位")]
    pub organization: Option<Text>,
    #[serde(default, alias = "日期")]
    pub date: Option<Date>,
}

/// A calendar date, written 2027-01-05, 2027-1-5, 2027/1/5, 2027.1.5, 2027年1月5日 or
/// 二〇二七年一月五日.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

impl Date {
    pub fn parse(s: &str) -> Option<Date> {
        Date::read(s).ok()
    }

    /// Reads a date in any of the forms it is written in, or says why it is none.
    pub fn read(s: &str) -> Result<Date, DateError> {
        numerals::parse_date(s).map(|(year, month, day)| Date { year, month, day })
    }
}

/// Why `text` is not a date, in the words of the calendar.
pub fn date_error(text: &str, error: &DateError) -> Message {
    match error {
        DateError::NotADate => msg!("not-a-date", text = text),
        DateError::NoSuchYear(year) => {
            msg!(
                "date-year-not-four-digits",
                text = text,
                year = year.to_string()
            )
        }
        DateError::NoSuchMonth(month) => {
            msg!(
                "date-month-out-of-range",
                text = text,
                month = month.to_string()
            )
        }
        DateError::NoSuchDay {
            year, month, days, ..
        } => msg!(
            "impossible-date",
            text = text,
            year = year.to_string(),
            month = *month,
            days = *days
        ),
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct DateVisitor;
        impl Visitor<'_> for DateVisitor {
            type Value = Date;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a date such as 2027-01-05 or 2027年1月5日")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Date, E> {
                Date::read(v).map_err(|error| refuse(date_error(v, &error)))
            }
        }
        deserializer.deserialize_any(DateVisitor)
    }
}

/// Presentation settings.
#[derive(Debug, Default, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Style {
    /// The marker of the first item at each numbered level, top down.
    #[serde(default, alias = "序号", deserialize_with = "some_one_or_many")]
    #[schemars(with = "Option<OneOrMany<Marker>>")]
    pub numbering: Option<Vec<Marker>>,
    #[serde(default, alias = "月份")]
    pub month: MonthStyle,
    #[serde(default, alias = "日期")]
    pub date: DateStyle,
}

/// A numbering marker as written. Unquoted, YAML reads `1.` as the number 1.0: for a
/// marker that can only mean `1.`, so it is taken as such.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Marker(pub String);

impl<'de> Deserialize<'de> for Marker {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct MarkerVisitor;
        impl Visitor<'_> for MarkerVisitor {
            type Value = Marker;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a numbering marker such as 一、 （一） 1. （1）")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Marker, E> {
                Ok(Marker(v.to_owned()))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Marker, E> {
                Ok(Marker(v.to_string()))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Marker, E> {
                Ok(Marker(v.to_string()))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Marker, E> {
                if v == 1.0 {
                    Ok(Marker("1.".to_owned()))
                } else {
                    Err(refuse(msg!("marker-not-first", marker = v.to_string())))
                }
            }
        }
        deserializer.deserialize_any(MarkerVisitor)
    }
}

/// How schedule months are labelled.
#[derive(Debug, Default, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MonthStyle {
    #[serde(default, alias = "数字")]
    pub numerals: MonthNumerals,
    #[serde(default, alias = "一月")]
    pub january: January,
    #[serde(default, alias = "区间")]
    pub range: RangeStyle,
    #[serde(default, alias = "后缀")]
    pub suffix: MonthSuffix,
}

#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, Deserialize)]
pub enum MonthNumerals {
    /// 二月份
    #[default]
    #[serde(rename = "chinese", alias = "中文", alias = "汉字")]
    Chinese,
    /// 2月份
    #[serde(rename = "arabic", alias = "阿拉伯数字", alias = "数字")]
    Arabic,
}

#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, Deserialize)]
pub enum January {
    /// 一月份
    #[default]
    #[serde(rename = "一", alias = "one")]
    One,
    /// 元月份
    #[serde(rename = "元", alias = "yuan")]
    Yuan,
}

#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, Deserialize)]
pub enum RangeStyle {
    /// 七、八月份
    #[default]
    #[serde(rename = "、", alias = "list")]
    List,
    /// 七—八月份
    #[serde(rename = "—", alias = "dash", alias = "-")]
    Dash,
}

#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, Deserialize)]
pub enum MonthSuffix {
    /// 二月份
    #[default]
    #[serde(rename = "月份")]
    Yuefen,
    /// 二月
    #[serde(rename = "月")]
    Yue,
}

#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, Deserialize)]
pub enum DateStyle {
    /// 2027年1月5日
    #[default]
    #[serde(rename = "arabic", alias = "阿拉伯数字", alias = "数字")]
    Arabic,
    /// 二〇二七年一月五日
    #[serde(rename = "chinese", alias = "中文", alias = "汉字")]
    Chinese,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::messages::Lang;

    #[test]
    fn dates_that_are_none_are_told_in_both_languages() {
        let said = |text: &str| {
            let error = Date::read(text).unwrap_err();
            let message = date_error(text, &error);
            (message.code(), message.say(Lang::En), message.say(Lang::Zh))
        };
        assert_eq!(
            said("2027年4月31日"),
            (
                "impossible-date",
                "`2027年4月31日` is not a date: April 2027 has 30 days".to_owned(),
                "`2027年4月31日` 不是日期：2027年4月只有30天".to_owned()
            )
        );
        assert_eq!(
            said("2027-13-01"),
            (
                "date-month-out-of-range",
                "`2027-13-01` is not a date: month 13 does not exist, months run from 1 to 12"
                    .to_owned(),
                "`2027-13-01` 不是日期：没有13月，月份只能是1到12".to_owned()
            )
        );
    }

    fn months(yaml: &str) -> Result<Months, String> {
        serde_yaml::from_str::<Months>(yaml).map_err(|e| e.to_string())
    }

    #[test]
    fn months_single_and_ranges() {
        assert_eq!(months("3").unwrap(), Months { first: 3, last: 3 });
        assert_eq!(months("\"7-8\"").unwrap(), Months { first: 7, last: 8 });
        assert_eq!(months("7—8").unwrap(), Months { first: 7, last: 8 });
        assert_eq!(months("[7, 8]").unwrap(), Months { first: 7, last: 8 });
        assert_eq!(months("12-1").unwrap(), Months { first: 12, last: 1 });
        assert!(months("13")
            .unwrap_err()
            .contains("month 13 does not exist"));
        assert!(months("0").is_err());
        assert!(months("[7, 8, 9]").is_err());
        assert!(months("spring").unwrap_err().contains("is not a month"));
        for (yaml, first, last) in [
            ("三月份", 3, 3),
            ("元月", 1, 1),
            ("七、八月份", 7, 8),
            ("7—8月", 7, 8),
            ("７～８", 7, 8),
            ("十二月", 12, 12),
        ] {
            assert_eq!(months(yaml), Ok(Months { first, last }), "{yaml}");
        }
        assert!(months("十三月")
            .unwrap_err()
            .contains("month 13 does not exist"));
        assert!(months("正月").unwrap_err().contains("lunar calendar"));
    }

    #[test]
    fn month_ranges_wrap_over_the_new_year() {
        let wrap: Vec<u8> = Months { first: 11, last: 2 }.iter().collect();
        assert_eq!(wrap, [11, 12, 1, 2]);
        let plain: Vec<u8> = Months { first: 7, last: 8 }.iter().collect();
        assert_eq!(plain, [7, 8]);
        assert!(Months { first: 12, last: 1 }.runs_forward_from(9));
        assert!(!Months { first: 12, last: 1 }.runs_forward_from(1));
        assert!(!Months { first: 3, last: 1 }.runs_forward_from(1));
        assert!(Months { first: 3, last: 3 }.runs_forward_from(4));
    }

    #[test]
    fn dates_are_checked() {
        assert_eq!(
            Date::parse("2027-01-05"),
            Some(Date {
                year: 2027,
                month: 1,
                day: 5
            })
        );
        assert_eq!(Date::parse("2028-02-29").map(|d| d.day), Some(29));
        assert_eq!(Date::parse("2027-02-29"), None);
        assert_eq!(Date::parse("2027-13-01"), None);
        assert_eq!(Date::parse("2027/01/05").map(|d| d.month), Some(1));
        assert_eq!(Date::parse("2027-1/5"), None);
    }

    fn date(yaml: &str) -> Result<Date, String> {
        serde_yaml::from_str::<Date>(yaml).map_err(|e| e.to_string())
    }

    #[test]
    fn dates_as_typed_and_why_one_is_impossible() {
        let day = Date {
            year: 2027,
            month: 1,
            day: 5,
        };
        // Unquoted, YAML hands these over as text.
        for yaml in [
            "2027-01-05",
            "2027-1-5",
            "2027.1.5",
            "2027/1/5",
            "2027年1月5日",
        ] {
            assert_eq!(date(yaml), Ok(day), "{yaml}");
        }
        assert!(date("2027-02-30")
            .unwrap_err()
            .contains("February 2027 has 28 days"));
        assert!(date("2028-02-30")
            .unwrap_err()
            .contains("February 2028 has 29 days"));
        assert!(date("2027-04-31")
            .unwrap_err()
            .contains("April 2027 has 30 days"));
        assert!(date("2027-13-01")
            .unwrap_err()
            .contains("month 13 does not exist"));
        assert!(date("明天").unwrap_err().contains("2027年1月5日"));
    }

    #[test]
    fn school_years_as_typed() {
        let read = |yaml: &str| serde_yaml::from_str::<SchoolYear>(yaml).map_err(|e| e.to_string());
        let year = SchoolYear {
            first: 2026,
            last: 2027,
        };
        for yaml in [
            "2026—2027",
            "2026-2027",
            "'2026～2027'",
            "2026至2027学年",
            "2026——2027学年度",
            "２０２６－２０２７",
            "2026年—2027年",
        ] {
            assert_eq!(read(yaml), Ok(year), "{yaml}");
        }
        // Years that do not follow each other are read as written, for validation to say so.
        assert_eq!(
            read("2027-2026").map(|y| y.to_string()),
            Ok("2027—2026".to_owned())
        );
        assert!(read("2026").unwrap_err().contains("such as 2026—2027"));
        assert!(read("2026/2027").unwrap_err().contains("not a school year"));
        assert!(read("1899-1900").is_err());
    }

    #[test]
    fn years_as_numbers_or_text() {
        let year = |yaml: &str| serde_yaml::from_str::<Year>(yaml).map_err(|e| e.to_string());
        for yaml in ["2027", "'2027'", "2027年", "２０２７", "二〇二七年"] {
            assert_eq!(year(yaml), Ok(Year(2027)), "{yaml}");
        }
        assert!(year("2027.5").unwrap_err().contains("is not a year"));
        assert!(year("明年").unwrap_err().contains("is not a year"));
        assert!(year("1800").unwrap_err().contains("out of range"));
        assert!(year("1800年").unwrap_err().contains("out of range"));
    }

    #[test]
    fn one_string_for_a_list_is_a_list_of_one() {
        let node: Node = serde_yaml::from_str(
            "事项: 开展教师节庆祝活动。
",
        )
        .unwrap();
        assert!(matches!(&node.items[..], [Item::Text(t)] if t == "开展教师节庆祝活动。"));
        let entry: ScheduleEntry = serde_yaml::from_str(
            "月份: 9
事项: 庆祝。
",
        )
        .unwrap();
        assert_eq!(entry.items.len(), 1);
        let plan: Plan = serde_yaml::from_str(
            "正文: 学习。
版式: {序号: 一、}
",
        )
        .unwrap();
        assert_eq!(plan.sections.map(|s| s.len()), Some(1));
        assert_eq!(plan.style.numbering, Some(vec![Marker("一、".into())]));
        let wrong = serde_yaml::from_str::<Node>(
            "事项: {a: 1}
",
        )
        .unwrap_err();
        assert!(wrong.to_string().contains("expected a list"), "{wrong}");
    }

    #[test]
    fn items_are_strings_or_nodes() {
        let items: Vec<Item> =
            serde_yaml::from_str("- 完善台帐。\n- title: 学习为先。\n  body: 教师必需学习。\n")
                .unwrap();
        assert!(matches!(&items[0], Item::Text(t) if t == "完善台帐。"));
        assert!(matches!(&items[1], Item::Node(n) if n.title == Some(Text("学习为先。".into()))));
    }

    #[test]
    fn shorthand_content_tells_bodies_from_items() {
        let body: Content = serde_yaml::from_str("- 第一段。\n- 第二段。\n").unwrap();
        assert!(matches!(body, Content::Body(Paragraphs(p)) if p.len() == 2));
        let items: Content = serde_yaml::from_str("- 第一段。\n- title: 标题\n").unwrap();
        assert!(matches!(items, Content::Items(i) if i.len() == 2));
    }

    #[test]
    fn unquoted_one_dot_is_a_marker() {
        let style: Style = serde_yaml::from_str("numbering: [一、, （一）, 1., （1）]").unwrap();
        let markers: Vec<String> = style.numbering.unwrap().into_iter().map(|m| m.0).collect();
        assert_eq!(markers, ["一、", "（一）", "1.", "（1）"]);
    }

    #[test]
    fn chinese_keys_and_values() {
        let plan: Plan =
            serde_yaml::from_str("单位: 城东中学工会\n年度: 2027\n期间: 上半年\n文种: 总结\n")
                .unwrap();
        assert_eq!(plan.period, Period::FirstHalf);
        assert_eq!(plan.kind, Kind::Summary);
        assert_eq!(plan.year, Some(Year(2027)));
    }
}

/// The keys a struct accepts, as serde knows them: each English name followed by its alias.
pub fn keys_of<'de, T: Deserialize<'de>>() -> &'static [&'static str] {
    names_of::<T>()
}

/// The values an enum accepts, as serde knows them, aliases included.
pub fn variants_of<'de, T: Deserialize<'de>>() -> &'static [&'static str] {
    names_of::<T>()
}

/// The field names of a struct, or the variant names of an enum, that serde's derive gives
/// the deserializer, caught by a deserializer that holds no data.
fn names_of<'de, T: Deserialize<'de>>() -> &'static [&'static str] {
    struct Introspect<'a>(&'a mut &'static [&'static str]);
    impl<'de> Deserializer<'de> for Introspect<'_> {
        type Error = de::value::Error;
        fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Self::Error> {
            Err(de::Error::custom("neither a struct nor an enum"))
        }
        fn deserialize_struct<V: Visitor<'de>>(
            self,
            _: &'static str,
            fields: &'static [&'static str],
            _: V,
        ) -> Result<V::Value, Self::Error> {
            *self.0 = fields;
            Err(de::Error::custom("introspected"))
        }
        fn deserialize_enum<V: Visitor<'de>>(
            self,
            _: &'static str,
            variants: &'static [&'static str],
            _: V,
        ) -> Result<V::Value, Self::Error> {
            *self.0 = variants;
            Err(de::Error::custom("introspected"))
        }
        serde::forward_to_deserialize_any! {
            bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes
            byte_buf option unit unit_struct newtype_struct seq tuple tuple_struct map
            identifier ignored_any
        }
    }
    let mut names: &'static [&'static str] = &[];
    let _ = T::deserialize(Introspect(&mut names));
    names
}

/// Every struct of the format, by the name its keys are listed under.
pub fn structs() -> [(&'static str, &'static [&'static str]); 6] {
    [
        ("plan", keys_of::<Plan>()),
        ("node", keys_of::<Node>()),
        ("schedule entry", keys_of::<ScheduleEntry>()),
        ("signature", keys_of::<Signature>()),
        ("style", keys_of::<Style>()),
        ("month style", keys_of::<MonthStyle>()),
    ]
}

/// The names a key (given by its English name) may be written with, in any struct.
pub fn aliases_of(english: &str) -> Vec<&'static str> {
    structs()
        .iter()
        .flat_map(|(_, keys)| keys.chunks(2))
        .filter(|pair| pair[0] == english)
        .filter_map(|pair| pair.get(1).copied())
        .collect()
}

/// The English name of a key written in either language, in whichever struct has it.
pub fn english_name(written: &str) -> Option<&'static str> {
    structs()
        .iter()
        .find_map(|(_, keys)| english_key(keys, written))
}

/// The English name of a key as written in a struct's key list, if it is one.
pub fn english_key(keys: &'static [&'static str], written: &str) -> Option<&'static str> {
    keys.chunks(2)
        .find(|pair| pair.contains(&written))
        .map(|pair| pair[0])
}

#[cfg(test)]
mod key_tests {
    use super::*;

    #[test]
    fn every_key_has_one_chinese_alias() {
        for (name, keys) in structs() {
            assert!(!keys.is_empty(), "{name}");
            assert_eq!(keys.len() % 2, 0, "{name}: {keys:?}");
            for pair in keys.chunks(2) {
                assert!(pair[0].is_ascii(), "{name}: {pair:?}");
                assert!(!pair[1].is_ascii(), "{name}: {pair:?}");
            }
        }
        assert_eq!(aliases_of("schedule"), ["具体工作安排", "安排"]);
        assert_eq!(english_key(keys_of::<Node>(), "事项"), Some("items"));
    }
}
