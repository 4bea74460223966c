//! What a plan may hold before serde builds it: a bounded number of nodes, aliases counted as
//! what they repeat, and no tags.
//!
//! One pass over the parser's events, keeping a count and the size of every anchor, so that a
//! flood of items or a fan of aliases is refused in a few milliseconds instead of after
//! gigabytes. Tags (`!!binary`, `!custom`) are refused here too: the format gives none a
//! meaning, and serde_yaml would quietly read `!!binary 5Lit5paH` as its base64 text.

use std::collections::HashMap;

use crate::messages::Message;
use crate::msg;

use events::{Event, Events};

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
///
/// The events are libyaml's, read by the parser serde_yaml reads the plan with: a second
/// parser would disagree about some files, and a file that it refused but libyaml read
/// would pass uncounted.
fn walk(text: &str) -> Result<u64, Excess> {
    // Counts of the whole file so far; an open collection remembers them as they stood at its
    // start, so that its size is the difference at its end.
    let mut nodes = 0u64;
    let mut bytes = 0u64;
    let mut open: Vec<(Option<Vec<u8>>, u64, u64)> = Vec::new();
    // Sizes of the anchors by name; an anchor defined again takes the new size, as in YAML.
    let mut anchors: HashMap<Vec<u8>, (u64, u64)> = HashMap::new();
    let mut events = Events::new(text);
    while let Some((event, at)) = events.next() {
        let (tagged, added) = match event {
            Event::Scalar {
                anchor,
                tagged,
                length,
            } => {
                let size = (1, length as u64);
                if let Some(anchor) = anchor {
                    anchors.insert(anchor, size);
                }
                (tagged, size)
            }
            Event::Start { anchor, tagged } => {
                open.push((anchor, nodes, bytes));
                (tagged, (1, 0))
            }
            Event::End => {
                if let Some((Some(anchor), nodes_before, bytes_before)) = open.pop() {
                    anchors.insert(anchor, (nodes - nodes_before, bytes - bytes_before));
                }
                (false, (0, 0))
            }
            // An alias to an anchor not yet complete (a recursive one) is refused by serde.
            Event::Alias { anchor } => (false, anchors.get(&anchor).copied().unwrap_or((1, 0))),
            Event::Other => (false, (0, 0)),
        };
        if tagged {
            let start = tag_start(text, at);
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
            return Err(Excess::Nodes { at });
        }
        if bytes > MAX_TEXT {
            return Err(Excess::Text { at });
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

    pub fn message(&self) -> Message {
        match self {
            Excess::Nodes { .. } => msg!("too-many-nodes", count = thousands(MAX_NODES)),
            Excess::Text { .. } => msg!("aliases-too-much-text", mib = MAX_TEXT >> 20),
            Excess::Tag { written, .. } => msg!("tag-not-allowed", tag = written.as_str()),
        }
    }

    pub fn hint(&self) -> Message {
        match self {
            Excess::Nodes { .. } => msg!("too-many-nodes-hint"),
            Excess::Text { .. } => msg!("aliases-too-much-text-hint"),
            Excess::Tag { .. } => msg!("tag-not-allowed-hint"),
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

/// libyaml's events, one at a time, through libyaml-rs (the parser under serde_yaml). It is a
/// translation of the C library, called through raw pointers: this module holds all of that
/// and hands out only what the bound needs, owned.
mod events {
    use std::ffi::CStr;
    use std::mem::MaybeUninit;

    use libyaml_rs as sys;

    /// What the bound needs of an event. Anchors are names as written (`&name`).
    pub enum Event {
        Scalar {
            anchor: Option<Vec<u8>>,
            tagged: bool,
            length: usize,
        },
        /// A sequence or mapping starts.
        Start {
            anchor: Option<Vec<u8>>,
            tagged: bool,
        },
        /// A sequence or mapping ends.
        End,
        Alias {
            anchor: Vec<u8>,
        },
        /// The stream's and documents' own events.
        Other,
    }

    pub struct Events<'t> {
        parser: Box<MaybeUninit<sys::yaml_parser_t>>,
        /// The parser reads the text in place: it must outlive the parser.
        _text: &'t str,
        ready: bool,
        done: bool,
    }

    impl<'t> Events<'t> {
        pub fn new(text: &'t str) -> Events<'t> {
            let mut parser = Box::new(MaybeUninit::<sys::yaml_parser_t>::uninit());
            // SAFETY: initialize fills the parser in (and on failure leaves nothing to free);
            // the input is `text`, borrowed for as long as the parser lives.
            let ready = unsafe {
                let ready = !sys::yaml_parser_initialize(parser.as_mut_ptr()).fail;
                if ready {
                    sys::yaml_parser_set_encoding(parser.as_mut_ptr(), sys::YAML_UTF8_ENCODING);
                    sys::yaml_parser_set_input_string(
                        parser.as_mut_ptr(),
                        text.as_ptr(),
                        text.len() as u64,
                    );
                }
                ready
            };
            Events {
                parser,
                _text: text,
                ready,
                done: !ready,
            }
        }

        /// The next event and the byte offset where it starts; `None` at the end of the
        /// stream, or where libyaml cannot read on (serde then says why).
        pub fn next(&mut self) -> Option<(Event, usize)> {
            if self.done {
                return None;
            }
            let mut event = MaybeUninit::<sys::yaml_event_t>::uninit();
            // SAFETY: the parser is initialized (`done` is set otherwise). A parsed event is
            // read, its names copied out, and then deleted; a failed parse leaves no event.
            unsafe {
                if sys::yaml_parser_parse(self.parser.as_mut_ptr(), event.as_mut_ptr()).fail {
                    self.done = true;
                    return None;
                }
                let raw = event.assume_init_mut();
                let name = |ptr: *const u8| {
                    (!ptr.is_null()).then(|| CStr::from_ptr(ptr.cast()).to_bytes().to_vec())
                };
                let read = match raw.type_ {
                    sys::YAML_SCALAR_EVENT => Event::Scalar {
                        anchor: name(raw.data.scalar.anchor),
                        tagged: !raw.data.scalar.tag.is_null(),
                        length: raw.data.scalar.length as usize,
                    },
                    sys::YAML_SEQUENCE_START_EVENT => Event::Start {
                        anchor: name(raw.data.sequence_start.anchor),
                        tagged: !raw.data.sequence_start.tag.is_null(),
                    },
                    sys::YAML_MAPPING_START_EVENT => Event::Start {
                        anchor: name(raw.data.mapping_start.anchor),
                        tagged: !raw.data.mapping_start.tag.is_null(),
                    },
                    sys::YAML_SEQUENCE_END_EVENT | sys::YAML_MAPPING_END_EVENT => Event::End,
                    sys::YAML_ALIAS_EVENT => Event::Alias {
                        anchor: name(raw.data.alias.anchor).unwrap_or_default(),
                    },
                    sys::YAML_STREAM_END_EVENT | sys::YAML_NO_EVENT => {
                        self.done = true;
                        Event::Other
                    }
                    _ => Event::Other,
                };
                let at = raw.start_mark.index as usize;
                sys::yaml_event_delete(raw);
                Some((read, at))
            }
        }
    }

    impl Drop for Events<'_> {
        fn drop(&mut self) {
            if self.ready {
                // SAFETY: initialized in `new`, and deleted once, here.
                unsafe { sys::yaml_parser_delete(self.parser.as_mut_ptr()) }
            }
        }
    }
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
