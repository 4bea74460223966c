//! Markers typed by hand: `一、` before a title the tool numbers `一、` itself, and month
//! labels typed into an item that stands under its month already.

use crate::error::{Finding, Seg};
use crate::model::{
    Content, Given, Item, Marker, Months, Node, Plan, ScheduleEntry, Section, Text,
};
use crate::msg;
use crate::numerals::{self, Pattern, Typing};

/// Every marker and month label typed at the start of a text the tool numbers: the title
/// of a numbered node, or its first paragraph when it has no title, and every item of a
/// schedule. `numbered: false` labels keep their text as it is.
pub(super) fn typed_markers(plan: &Plan, sections: &[Section], out: &mut Vec<Finding>) {
    let mut walk = Walk {
        patterns: patterns(plan),
        path: Vec::with_capacity(16),
        out,
    };
    let mut count = 0;
    for section in sections {
        walk.path.clone_from(&section.path);
        let numbered = match &section.given {
            Given::Item(Item::Node(node)) | Given::Content(Content::Node(node)) => node.numbered,
            _ => true,
        };
        let marker = numbered.then(|| {
            count += 1;
            walk.marker(1, count)
        });
        let child = if numbered { 2 } else { 1 };
        match &section.given {
            Given::Item(item) => walk.item(item, marker, 1, None),
            // Titled by its key: the body is no marker's text.
            Given::Content(Content::Body(_)) => {}
            Given::Content(Content::Items(items)) => walk.items(items, child, None),
            Given::Content(Content::Node(node)) => {
                // A node given without a title takes its key's heading.
                let marker = marker.filter(|_| node.title.is_some());
                walk.node(node, marker, 1, None);
            }
            Given::Schedule(entries) => walk.entries(entries, child),
        }
    }
}

/// The patterns the view numbers with: the style's, or the defaults. A style with a marker
/// that is no pattern fails validation, and nothing is numbered with it.
fn patterns(plan: &Plan) -> Vec<Pattern> {
    let given = plan.style.numbering.as_deref().unwrap_or_default();
    given
        .iter()
        .map(|Marker(m)| Pattern::infer(m))
        .collect::<Result<Vec<_>, _>>()
        .ok()
        .filter(|p| !p.is_empty())
        .unwrap_or_else(numerals::default_patterns)
}

struct Walk<'o> {
    patterns: Vec<Pattern>,
    path: Vec<Seg>,
    out: &'o mut Vec<Finding>,
}

impl Walk<'_> {
    fn marker(&self, level: usize, n: u64) -> String {
        numerals::level_marker(&self.patterns, level, n)
    }

    /// Siblings at `level`, numbered from one; `months` when they are a schedule's items.
    fn items(&mut self, items: &[Item], level: usize, months: Option<Months>) {
        let mut count = 0;
        for (i, item) in items.iter().enumerate() {
            let numbered = match item {
                Item::Text(_) => true,
                Item::Node(node) => node.numbered,
            };
            let marker = numbered.then(|| {
                count += 1;
                self.marker(level, count)
            });
            self.path.push(Seg::Index(i));
            self.item(item, marker, level, months);
            self.path.pop();
        }
    }

    fn item(&mut self, item: &Item, marker: Option<String>, level: usize, months: Option<Months>) {
        match item {
            Item::Text(text) => {
                if let Some(marker) = marker {
                    self.check(None, text, &marker, months);
                }
            }
            Item::Node(node) => self.node(node, marker, level, months),
        }
    }

    /// A node at `level`; `marker` is what the tool numbers its text, if it numbers it.
    fn node(&mut self, node: &Node, marker: Option<String>, level: usize, months: Option<Months>) {
        if let Some(marker) = marker {
            match (&node.title, node.body.0.first()) {
                (Some(Text(title)), _) => {
                    self.check(Some(Seg::Key("title")), title, &marker, months)
                }
                (None, Some(body)) => {
                    self.path.push(Seg::Key("body"));
                    self.check(Some(Seg::Index(0)), body, &marker, months);
                    self.path.pop();
                }
                (None, None) => {}
            }
        }
        let child = if node.numbered { level + 1 } else { level };
        self.path.push(Seg::Key("items"));
        self.items(&node.items, child, None);
        self.path.pop();
        self.path.push(Seg::Key("schedule"));
        self.entries(&node.schedule, child);
        self.path.pop();
    }

    /// A schedule whose month labels stand at `level`, their items one deeper.
    fn entries(&mut self, entries: &[ScheduleEntry], level: usize) {
        for (e, entry) in entries.iter().enumerate() {
            self.path.extend([Seg::Index(e), Seg::Key("items")]);
            self.items(&entry.items, level + 1, Some(entry.month));
            self.path.truncate(self.path.len() - 2);
        }
    }

    /// Warns of what was typed at the start of `text` (at the walk's path and `seg`), which
    /// the tool numbers `marker`.
    fn check(&mut self, seg: Option<Seg>, text: &str, marker: &str, months: Option<Months>) {
        // The view reads a text's first line, trimmed.
        let Some(line) = crate::text::lines(text)
            .map(str::trim)
            .find(|l| !l.is_empty())
        else {
            return;
        };
        let found = numerals::typed_prefixes(line, months.is_some());
        if found.is_empty() {
            return;
        }
        let mut path = self.path.clone();
        path.extend(seg);
        for (at, typing) in found {
            let typed = &line[at..at + typing.typed_len()];
            let finding = match (typing, months) {
                (Typing::Marker(_), _) => Finding::warning(
                    path.clone(),
                    msg!(
                        "typed-marker",
                        typed = typed,
                        marker = marker,
                        same = yes_no(typed == marker),
                    ),
                    msg!("typed-marker-hint", typed = typed),
                ),
                (Typing::Months(label), Some(months)) => {
                    let under = |m: u8| months.iter().any(|n| n == m);
                    if (label.first, label.last) != (months.first, months.last)
                        && under(label.first)
                        && under(label.last)
                    {
                        // `7月：` under 7—8月 says which of the months: the item's own words.
                        continue;
                    }
                    let same = (label.first, label.last) == (months.first, months.last);
                    Finding::warning(
                        path.clone(),
                        msg!(
                            "typed-month-label",
                            typed = typed,
                            months = month_words(months),
                            same = yes_no(same),
                        ),
                        if same {
                            msg!("typed-month-label-hint", typed = typed)
                        } else {
                            msg!("typed-month-label-move-hint", typed = typed)
                        },
                    )
                }
                (Typing::Months(_), None) => continue,
            };
            self.out.push(finding.at(typed));
        }
    }
}

/// How a message's data says a yes or no that its words choose by.
pub(super) fn yes_no(yes: bool) -> &'static str {
    if yes {
        "yes"
    } else {
        "no"
    }
}

/// 3月, 7—8月.
fn month_words(months: Months) -> String {
    if months.first == months.last {
        format!("{}月", months.first)
    } else {
        format!("{}—{}月", months.first, months.last)
    }
}

#[cfg(test)]
mod tests {
    use crate::lint::findings;

    #[test]
    fn typed_markers_are_found_where_the_tool_numbers() {
        let found = findings(
            "sections:\n\
             - title: 一、指导思想\n  body: 以……为指导。\n\
             - title: 三、工作目标\n  items:\n  - (一)增强服务意识\n  - title: 1、提高质量\n    body: 2、不是标记的正文\n\
             - title: 上半年\n  numbered: false\n  items: [一、照样编号]\n\
             - title: 一、不编号的标签\n  numbered: false\n\
             - title: 具体工作安排\n  schedule:\n  - month: 3\n    items: [1.三月份：植树, 四月：春游, 3月8日庆祝]\n",
        );
        assert_eq!(
            found,
            [
                "marker `一、` typed by hand",
                "marker `三、` typed by hand, where the tool numbers this `二、`",
                "marker `(一)` typed by hand, where the tool numbers this `（一）`",
                "marker `1、` typed by hand, where the tool numbers this `（二）`",
                "marker `一、` typed by hand",
                "marker `1.` typed by hand",
                "month `三月份：` typed into an item listed under it",
                "month `四月：` typed into an item listed under `3月`",
            ]
        );
    }

    #[test]
    fn the_style_numbers_and_paragraphs_are_no_markers() {
        let found = findings(
            "style: {numbering: [第一，, ①]}\n\
             guiding_ideology: 一、以……为指导\n\
             goals: [一、目标甲, 二、目标乙]\n\
             key_tasks:\n- 第二，加强学习\n- title: ②关心\n",
        );
        assert_eq!(
            found,
            [
                "marker `第二，` typed by hand, where the tool numbers this `①`",
                "marker `②` typed by hand",
            ]
        );
    }

    #[test]
    fn typed_markers_in_chinese() {
        use crate::messages::Lang;
        let found = crate::lint::said(
            Lang::Zh,
            "sections:\n- title: 一、指导思想\n  body: 以……为指导。\n- title: 三、工作目标\n  body: 甲。\n\
             - title: 具体工作安排\n  schedule:\n  - month: 3\n    items: [三月份：植树, 四月：春游]\n",
        );
        assert_eq!(
            found,
            [
                (
                    "手动输入了序号 `一、`".to_owned(),
                    "工具会自动编号，请删去 `一、`".to_owned()
                ),
                (
                    "手动输入了序号 `三、`，而工具在这里编的是 `二、`".to_owned(),
                    "工具会自动编号，请删去 `三、`".to_owned()
                ),
                (
                    "事项里又写了月份 `三月份：`，它本来就排在这个月下".to_owned(),
                    "这一项已经排在所属的月份下，请删去 `三月份：`".to_owned()
                ),
                (
                    "事项里写了月份 `四月：`，它却排在 `3月` 下".to_owned(),
                    "请把这一项移到所属的月份下，或删去 `四月：`".to_owned()
                ),
            ]
        );
    }
}
