//! The nodes of a plan's body as the view will number them, each with its data path, for the
//! lints that look at a node as a whole (is it empty, does its title run into its body).

use crate::error::Seg;
use crate::model::{Content, Given, Item, Layout, Node, Paragraphs, ScheduleEntry, Section, Text};

/// A section or an item as the view will lay it out.
pub(super) struct Seen<'p, 'a> {
    pub path: &'p [Seg],
    /// A section of the body, not an item of one.
    pub top: bool,
    pub title: Option<&'a str>,
    pub body: &'a [String],
    pub items: &'a [Item],
    pub schedule: &'a [ScheduleEntry],
    pub layout: Option<Layout>,
    pub numbered: bool,
}

/// Calls `node` with every section and item, and `entry` with every schedule entry.
pub(super) fn each<'a>(
    sections: &'a [Section],
    node: &mut dyn FnMut(&Seen<'_, 'a>),
    entry: &mut dyn FnMut(&[Seg], &'a ScheduleEntry),
) {
    let mut walk = Walk {
        path: Vec::with_capacity(16),
        node,
        entry,
    };
    for section in sections {
        walk.path.clone_from(&section.path);
        let heading = section.shorthand.map(|(_, heading)| heading);
        match &section.given {
            Given::Item(item) => walk.item(item, true),
            Given::Content(Content::Body(Paragraphs(body))) => walk.seen(Seen {
                path: &[],
                top: true,
                title: heading,
                body,
                items: &[],
                schedule: &[],
                layout: None,
                numbered: true,
            }),
            Given::Content(Content::Items(items)) => walk.seen(Seen {
                path: &[],
                top: true,
                title: heading,
                body: &[],
                items,
                schedule: &[],
                layout: None,
                numbered: true,
            }),
            Given::Content(Content::Node(n)) => walk.node(
                n,
                true,
                n.title.as_ref().map(|Text(t)| t.as_str()).or(heading),
            ),
            Given::Schedule(entries) => {
                walk.seen(Seen {
                    path: &[],
                    top: true,
                    title: heading,
                    body: &[],
                    items: &[],
                    schedule: entries,
                    layout: None,
                    numbered: true,
                });
                walk.entries(entries);
            }
        }
    }
}

struct Walk<'a, 'f> {
    path: Vec<Seg>,
    node: &'f mut dyn FnMut(&Seen<'_, 'a>),
    entry: &'f mut dyn FnMut(&[Seg], &'a ScheduleEntry),
}

impl<'a> Walk<'a, '_> {
    /// Calls `node` with a shorthand section at the walk's path, then walks its items, which
    /// stand right under its key.
    fn seen(&mut self, seen: Seen<'_, 'a>) {
        let items = seen.items;
        (self.node)(&Seen {
            path: &self.path,
            ..seen
        });
        self.list(items);
    }

    fn items(&mut self, items: &'a [Item]) {
        if items.is_empty() {
            return;
        }
        self.path.push(Seg::Key("items"));
        self.list(items);
        self.path.pop();
    }

    fn list(&mut self, items: &'a [Item]) {
        for (i, item) in items.iter().enumerate() {
            self.path.push(Seg::Index(i));
            self.item(item, false);
            self.path.pop();
        }
    }

    fn item(&mut self, item: &'a Item, top: bool) {
        match item {
            Item::Text(text) => (self.node)(&Seen {
                path: &self.path,
                top,
                title: None,
                body: std::slice::from_ref(text),
                items: &[],
                schedule: &[],
                layout: None,
                numbered: true,
            }),
            Item::Node(node) => self.node(node, top, node.title.as_ref().map(|Text(t)| t.as_str())),
        }
    }

    fn node(&mut self, node: &'a Node, top: bool, title: Option<&'a str>) {
        (self.node)(&Seen {
            path: &self.path,
            top,
            title,
            body: &node.body.0,
            items: &node.items,
            schedule: &node.schedule,
            layout: node.layout,
            numbered: node.numbered,
        });
        self.items(&node.items);
        if !node.schedule.is_empty() {
            self.path.push(Seg::Key("schedule"));
            self.entries(&node.schedule);
            self.path.pop();
        }
    }

    fn entries(&mut self, entries: &'a [ScheduleEntry]) {
        for (e, entry) in entries.iter().enumerate() {
            self.path.push(Seg::Index(e));
            (self.entry)(&self.path, entry);
            self.items(&entry.items);
            self.path.pop();
        }
    }
}
