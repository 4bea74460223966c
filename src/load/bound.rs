//! What a plan may hold before serde builds it: a bounded number of nodes, aliases counted as
//! what they repeat, and no tags.
//!
//! One pass over the parser's events, keeping a count and the size of every anchor, so that a
//! flood of items or a fan of aliases is refused in a few milliseconds instead of after
//! gigabytes. Tags (`!!binary`, `!custom`) are refused here too: the format gives none a
//! meaning, and serde_yaml would quietly read `!!binary 5Lit5paH` as its base64 text.

use saphyr_parser::{Event, Parser};

/// The most nodes a plan may hold (every key, value and list item, each alias counted as what
/// its anchor holds). A plan of ten thousand items, a very large one, has about 55,000; one at
/// the bound renders in every format within seconds and a few hundred megabytes.
pub const MAX_NODES: u64 = 250_000;

/// The most text the plan's values may hold once aliases are expanded: what a plan file
/// itself may hold, so that an alias repeating a long text cannot make more of it.
pub const MAX_TEXT: u64 = super::MAX_BYTES;

/// Why a plan is refused before it is read, and where (byte offsets into the text).
#[derive(Debug, PartialEq, Eq)]
pub enum Excess {
    /// The node at `at` is the first past [`MAX_NODES`].
    Nodes { at: usize },
    /// The value at `at` takes the expanded text past [`MAX_TEXT`].
    Text { at: usize },
    /// A tag, as written, at `start..end`.
    Tag {
        start: usize,
        end: usize,
        written: String,
    },
}

/// Walks the events of `text`. A file the parser cannot read is passed (`Ok`), so that serde
/// reports the problem with its usual words.
pub fn check(text: &str) -> Result<(), Excess> {
    // Without aliases a file holds fewer than two nodes a byte (the tests try the densest
    // YAML there is), and without a `!` there is no tag: a plan of the usual few kilobytes
    // is let through without a second parse.
    if (text.len() as u64) < MAX_NODES / 2 && !text.contains('*') && !text.contains('!') {
        return Ok(());
    }
    walk(text).map(|_| ())
}

/// The nodes of `text`, aliases expanded, if it is within the bounds and has no tag.
fn walk(text: &str) -> Result<u64, Excess> {
    // Counts of the whole file so far; an open collection remembers them as they stood at its
    // start, so that its size is the difference at its end.
    let mut nodes = 0u64;
    let mut bytes = 0u64;
    let mut open: Vec<(usize, u64, u64)> = Vec::new();
    // Sizes of the anchors, by the parser's anchor id (ids count up from 1).
    let mut anchors: Vec<(u64, u64)> = Vec::new();
    let record = |anchors: &mut Vec<(u64, u64)>, id: usize, size: (u64, u64)| {
        if id > 0 {
            if anchors.len() < id {
                anchors.resize(id, (0, 0));
            }
            anchors[id - 1] = size;
        }
    };
    for event in Parser::new_from_str(text) {
        let Ok((event, span)) = event else {
            return Ok(nodes);
        };
        // Line starts are looked up only for the one place an error names.
        let at = || super::index::Lines::new(text).span(&span).0;
        let (tag, added) = match &event {
            Event::Scalar(value, _, anchor, tag) => {
                let size = (1, value.len() as u64);
                record(&mut anchors, *anchor, size);
                (tag.is_some(), size)
            }
            Event::SequenceStart(anchor, tag) | Event::MappingStart(anchor, tag) => {
                open.push((*anchor, nodes, bytes));
                (tag.is_some(), (1, 0))
            }
            Event::SequenceEnd | Event::MappingEnd => {
                if let Some((anchor, nodes_before, bytes_before)) = open.pop() {
                    record(
                        &mut anchors,
                        anchor,
                        (nodes - nodes_before, bytes - bytes_before),
                    );
                }
                (false, (0, 0))
            }
            // An alias to an anchor not yet complete (a recursive one) is refused by serde.
            Event::Alias(id) => (
                false,
                id.checked_sub(1)
                    .and_then(|i| anchors.get(i))
                    .copied()
                    .unwrap_or((1, 0)),
            ),
            _ => (false, (0, 0)),
        };
        if tag {
            let start = tag_start(text, at());
            let rest = &text[start..];
            // A verbatim tag (`!<tag:yaml.org,2002:str>`) runs to its `>`; others end at a
            // space or a flow indicator.
            let end = match rest.strip_prefix("!<") {
                Some(verbatim) => verbatim.find('>').map(|at| at + 3),
                None => rest.find(|c: char| c.is_whitespace() || ",[]{}".contains(c)),
            };
            let written = rest[..end.unwrap_or(rest.len())].to_owned();
            return Err(Excess::Tag {
                start,
                end: start + written.len(),
                written,
            });
        }
        nodes = nodes.saturating_add(added.0);
        bytes = bytes.saturating_add(added.1);
        if nodes > MAX_NODES {
            return Err(Excess::Nodes { at: at() });
        }
        if bytes > MAX_TEXT {
            return Err(Excess::Text { at: at() });
        }
    }
    Ok(nodes)
}

/// The tag among the properties that start at `start` (an anchor `&name` may stand first).
fn tag_start(text: &str, start: usize) -> usize {
    let mut at = start;
    loop {
        let rest = &text[at..];
        let token = rest.trim_start();
        at += rest.len() - token.len();
        if token.starts_with('!') {
            return at;
        }
        if !token.starts_with('&') {
            return start;
        }
        at += token.find(char::is_whitespace).unwrap_or(token.len());
    }
}

impl Excess {
    /// Where the problem is, for its diagnostic.
    pub fn span(&self) -> (usize, Option<usize>) {
        match self {
            Excess::Nodes { at } | Excess::Text { at } => (*at, None),
            Excess::Tag { start, end, .. } => (*start, Some(*end)),
        }
    }

    pub fn message(&self) -> String {
        match self {
            Excess::Nodes { .. } => format!(
                "the plan holds more than {} keys, values and items (an alias counts as all it \
                 repeats); this is where it passes the bound",
                thousands(MAX_NODES)
            ),
            Excess::Text { .. } => format!(
                "aliases repeat more than {} MiB of text, more than a plan file may hold",
                MAX_TEXT >> 20
            ),
            Excess::Tag { written, .. } => {
                format!("tags (`{written}`) are not part of the plan format")
            }
        }
    }

    pub fn hint(&self) -> &'static str {
        match self {
            Excess::Nodes { .. } => {
                "a plan of ten thousand items holds about 55,000: split the plan into several \
                 files, or repeat fewer aliases"
            }
            Excess::Text { .. } => "write the repeated text out, or repeat fewer aliases",
            Excess::Tag { .. } => {
                "remove the tag, and put the value in quotes if it must stay text"
            }
        }
    }
}

/// 250000 as 250,000.
fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(d);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_node_counts_and_an_alias_counts_what_it_repeats() {
        // A mapping, two keys, a list and its three items.
        assert_eq!(check("a: [x, y, z]\nb: 1\n"), Ok(()));
        let items = "x, ".repeat(MAX_NODES as usize / 2);
        let text = format!("a: &a [{items}]\nb: *a\n");
        let Err(Excess::Nodes { at }) = check(&text) else {
            panic!("the alias takes the plan past the bound");
        };
        assert_eq!(&text[at..at + 2], "*a");
    }

    #[test]
    fn the_bound_is_passed_at_the_first_node_beyond_it() {
        // The root list and its items: one node short of the bound, then at it, then past.
        let list = |n: u64| format!("[{}]", "a, ".repeat(n as usize));
        assert_eq!(check(&list(MAX_NODES - 1)), Ok(()));
        let over = list(MAX_NODES);
        assert_eq!(check(&over), Err(Excess::Nodes { at: over.len() - 4 }));
    }

    #[test]
    fn aliases_cannot_repeat_more_text_than_a_file_holds() {
        let long = "甲".repeat(1 << 20);
        let text = format!("a: &a {long}\nb: [{}]\n", "*a, ".repeat(6));
        assert!(matches!(check(&text), Err(Excess::Text { .. })));
    }

    #[test]
    fn tags_are_found_where_they_are_written() {
        for (text, written) in [
            ("a: !!binary 5Lit5paH\n", "!!binary"),
            ("a: &x !custom b\n", "!custom"),
            ("a: {b: !!str 1}\n", "!!str"),
            ("- ! x\n", "!"),
            ("a: !<tag:x> [1]\n", "!<tag:x>"),
            ("[!<tag:yaml.org,2002:str> 1]\n", "!<tag:yaml.org,2002:str>"),
            ("--- !!map\na: 1\n", "!!map"),
        ] {
            let Err(Excess::Tag {
                start,
                end,
                written: found,
            }) = check(text)
            else {
                panic!("{text:?} has a tag");
            };
            assert_eq!((&text[start..end], found.as_str()), (written, written));
        }
        // A `!` inside a value is text.
        assert_eq!(check("a: 好!\nb: \"!x\"\n"), Ok(()));
    }

    #[test]
    fn without_aliases_a_file_holds_fewer_than_two_nodes_a_byte() {
        // The densest YAML: empty keys and values, empty collections, bare entries.
        for unit in [
            "?\n", "? \n", ":\n", "-\n", "- -\n", "a:\n", "[]\n", "{}\n", "[[]]\n", "{?}\n",
            "---\n", "- ? \n", "? -\n",
        ] {
            let text = unit.repeat(100);
            if let Ok(nodes) = walk(&text) {
                assert!(nodes < 2 * text.len() as u64, "{unit:?}: {nodes} nodes");
            }
        }
        for text in [
            "[,]",
            "[a,,b]",
            "{?,?,?}",
            "[?,?,?]",
            "[{},{},{}]",
            "- [a, {b: }]",
        ] {
            if let Ok(nodes) = walk(text) {
                assert!(nodes < 2 * text.len() as u64, "{text:?}: {nodes} nodes");
            }
        }
    }

    #[test]
    fn a_small_plan_without_aliases_or_tags_is_let_through() {
        let examples = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
        for entry in std::fs::read_dir(examples).unwrap() {
            let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
            assert_eq!(check(&text), Ok(()));
            assert!(walk(&text).unwrap() < text.len() as u64 / 4);
        }
    }

    #[test]
    fn a_file_the_parser_cannot_read_is_left_to_serde() {
        assert_eq!(check("a: [\n"), Ok(()));
    }

    #[test]
    fn thousands_are_grouped() {
        assert_eq!(thousands(250_000), "250,000");
        assert_eq!(thousands(1_000), "1,000");
        assert_eq!(thousands(999), "999");
    }
}
