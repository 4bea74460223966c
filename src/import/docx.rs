//! DOCX → paragraphs: the main document part read in order, with the markers Word's
//! automatic numbering shows written in front of the text as if typed.

use std::collections::{HashMap, HashSet};
use std::io::{Cursor, Read};

use roxmltree::{Document, Node, ParsingOptions};
use zip::result::ZipError;
use zip::ZipArchive;

use super::{Block, ImportError};

/// The most one part may unpack to: a real document is a few megabytes; a zip bomb stops here.
const PART_LIMIT: u64 = 64 << 20;
/// The most entries an archive may hold; Word writes a few dozen.
const ENTRY_LIMIT: usize = 10_000;
/// How deep styles may be based on styles, or numberings linked through styles.
const CHAIN_LIMIT: usize = 32;
/// Word's levels of a list: `w:ilvl` 0 to 8.
const LEVELS: usize = 9;

/// WordprocessingML, transitional and strict.
const W: [&str; 2] = [
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "http://purl.oclc.org/ooxml/wordprocessingml/main",
];
const MC: &str = "http://schemas.openxmlformats.org/markup-compatibility/2006";

/// The signature of an OLE compound file: a legacy `.doc`, or a DOCX encrypted with a password.
const OLE: [u8; 4] = [0xD0, 0xCF, 0x11, 0xE0];

type Archive<'a> = ZipArchive<Cursor<&'a [u8]>>;

/// Reads a DOCX: one Block per paragraph (a `w:br` splits one), `line` its paragraph number.
pub fn read(bytes: &[u8]) -> Result<Vec<Block>, ImportError> {
    read_within(bytes, PART_LIMIT)
}

/// [`read`], each part unpacking to at most `limit` bytes.
fn read_within(bytes: &[u8], limit: u64) -> Result<Vec<Block>, ImportError> {
    if bytes.starts_with(&OLE) {
        // An encrypted DOCX is an OLE file holding the stream `EncryptedPackage`, named in
        // UTF-16 in the file's directory; any other OLE file is a legacy `.doc`.
        let name: Vec<u8> = "EncryptedPackage"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        if bytes.windows(name.len()).any(|w| w == name.as_slice()) {
            return Err(ImportError::Encrypted);
        }
        return Err(ImportError::NotAZip);
    }
    if !bytes.starts_with(b"PK") {
        return Err(ImportError::NotAZip);
    }
    let mut archive = ZipArchive::new(Cursor::new(bytes)).map_err(|_| ImportError::NotAZip)?;
    if archive.len() > ENTRY_LIMIT {
        return Err(corrupt(format!(
            "{} entries in the archive, more than {ENTRY_LIMIT}",
            archive.len()
        )));
    }

    let main = main_part(&mut archive, limit)?;
    let Some(document) = part(&mut archive, limit, &main)? else {
        return Err(corrupt(format!("no `{main}` in the archive")));
    };
    let (folder, file) = main.rsplit_once('/').unwrap_or(("", main.as_str()));
    let related = relationships(&mut archive, limit, &format!("{folder}/_rels/{file}.rels"))?;
    let target = |kind: &str, default: &str| {
        related
            .iter()
            .find(|(k, _)| k.ends_with(kind))
            .map(|(_, target)| resolve(folder, target))
            .unwrap_or_else(|| resolve(folder, default))
    };
    let styles_text = part(&mut archive, limit, &target("/styles", "styles.xml"))?;
    let numbering_text = part(&mut archive, limit, &target("/numbering", "numbering.xml"))?;

    let styles_xml = styles_text
        .as_deref()
        .map(|text| parse("styles", text))
        .transpose()?;
    let numbering_xml = numbering_text
        .as_deref()
        .map(|text| parse("numbering", text))
        .transpose()?;
    let styles = styles_xml.as_ref().map(Styles::read).unwrap_or_default();
    let numbering = numbering_xml
        .as_ref()
        .map(Numbering::read)
        .unwrap_or_default();
    let document = parse(&main, &document)?;
    let mut reader = Reader {
        styles: &styles,
        numbering: &numbering,
        counters: HashMap::new(),
        seen: HashSet::new(),
        paragraphs: 0,
        blocks: Vec::new(),
    };
    reader.walk(document.root_element());
    if reader.blocks.is_empty() {
        return Err(ImportError::NoText);
    }
    Ok(reader.blocks)
}

fn corrupt(detail: String) -> ImportError {
    ImportError::Corrupt { detail }
}

/// The document part the package names (`word/document.xml` unless its relationships say).
fn main_part(archive: &mut Archive, limit: u64) -> Result<String, ImportError> {
    let related = relationships(archive, limit, "_rels/.rels")?;
    Ok(related
        .into_iter()
        .find(|(kind, _)| kind.ends_with("/officeDocument"))
        .map(|(_, target)| resolve("", &target))
        .unwrap_or_else(|| "word/document.xml".to_owned()))
}

/// The (type, target) of each relationship in a `.rels` part; none when there is no such part.
fn relationships(
    archive: &mut Archive,
    limit: u64,
    name: &str,
) -> Result<Vec<(String, String)>, ImportError> {
    let Some(text) = part(archive, limit, name)? else {
        return Ok(Vec::new());
    };
    let xml = parse(name, &text)?;
    Ok(xml
        .descendants()
        .filter(|n| n.tag_name().name() == "Relationship")
        .filter(|n| n.attribute("TargetMode") != Some("External"))
        .filter_map(|n| {
            Some((
                n.attribute("Type")?.to_owned(),
                n.attribute("Target")?.to_owned(),
            ))
        })
        .collect())
}

/// A relationship's target as a name in the archive.
fn resolve(folder: &str, target: &str) -> String {
    if let Some(absolute) = target.strip_prefix('/') {
        return absolute.to_owned();
    }
    let mut parts: Vec<&str> = folder.split('/').filter(|p| !p.is_empty()).collect();
    for piece in target.split('/') {
        match piece {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            piece => parts.push(piece),
        }
    }
    parts.join("/")
}

/// One part's text, unpacked within the bound; `None` when the archive has no such part.
/// Part names are compared without case, as the package format says.
fn part(archive: &mut Archive, limit: u64, name: &str) -> Result<Option<String>, ImportError> {
    let Some(index) = archive
        .file_names()
        .position(|n| n.eq_ignore_ascii_case(name))
    else {
        return Ok(None);
    };
    // A part encrypted inside the archive (ZipCrypto or AES) needs a password to read.
    if archive.by_index_raw(index).is_ok_and(|raw| raw.encrypted()) {
        return Err(ImportError::Encrypted);
    }
    let file = match archive.by_index(index) {
        Ok(file) => file,
        Err(ZipError::UnsupportedArchive(ZipError::PASSWORD_REQUIRED)) => {
            return Err(ImportError::Encrypted)
        }
        Err(error) => return Err(corrupt(format!("`{name}`: {error}"))),
    };
    let mut bytes = Vec::new();
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|error| corrupt(format!("`{name}`: {error}")))?;
    if bytes.len() as u64 > limit {
        return Err(corrupt(format!(
            "`{name}` unpacks to more than {limit} bytes"
        )));
    }
    // XML parts are UTF-8 or, with a byte order mark, UTF-16.
    let (text, _, bad) = match encoding_rs::Encoding::for_bom(&bytes) {
        Some((encoding, _)) => encoding.decode(&bytes),
        None => encoding_rs::UTF_8.decode(&bytes),
    };
    if bad {
        return Err(corrupt(format!("`{name}` is not UTF-8 text")));
    }
    Ok(Some(text.into_owned()))
}

fn parse<'t>(name: &str, text: &'t str) -> Result<Document<'t>, ImportError> {
    // No DTD (Word writes none; entity expansion is another bomb).
    let options = ParsingOptions {
        allow_dtd: false,
        ..ParsingOptions::default()
    };
    Document::parse_with_options(text, options)
        .map_err(|error| corrupt(format!("`{name}`: {error}")))
}

/// A WordprocessingML element of that local name.
fn is_w(node: Node, name: &str) -> bool {
    node.is_element()
        && node.tag_name().name() == name
        && node
            .tag_name()
            .namespace()
            .is_some_and(|ns| W.contains(&ns))
}

fn is_mc(node: Node, name: &str) -> bool {
    node.is_element() && node.tag_name().name() == name && node.tag_name().namespace() == Some(MC)
}

/// A WordprocessingML attribute (`w:val`).
fn w_attr<'a>(node: Node<'a, '_>, name: &str) -> Option<&'a str> {
    node.attributes()
        .find(|a| a.name() == name && a.namespace().is_some_and(|ns| W.contains(&ns)))
        .map(|a| a.value())
}

fn child<'a, 'i>(node: Node<'a, 'i>, name: &str) -> Option<Node<'a, 'i>> {
    node.children().find(|c| is_w(*c, name))
}

/// The `w:val` of a child element.
fn child_val<'a>(node: Node<'a, '_>, name: &str) -> Option<&'a str> {
    child(node, name).and_then(|c| w_attr(c, "val"))
}

/// An on/off property: present and not switched off.
fn on(node: Node, name: &str) -> bool {
    child(node, name).is_some_and(|c| !matches!(w_attr(c, "val"), Some("0" | "false" | "off")))
}

/// A paragraph's numbering as `w:numPr` says it, each half possibly missing.
#[derive(Clone, Copy, Default)]
struct NumPr<'a> {
    num: Option<&'a str>,
    level: Option<usize>,
}

impl<'a> NumPr<'a> {
    fn read(ppr: Node<'a, '_>) -> Option<NumPr<'a>> {
        let numpr = child(ppr, "numPr")?;
        Some(NumPr {
            num: child_val(numpr, "numId"),
            level: child_val(numpr, "ilvl").and_then(|l| l.parse().ok()),
        })
    }
}

#[derive(Default)]
struct Style<'a> {
    name: String,
    based_on: Option<&'a str>,
    outline: Option<u8>,
    numpr: Option<NumPr<'a>>,
}

#[derive(Default)]
struct Styles<'a> {
    by_id: HashMap<&'a str, Style<'a>>,
    default_paragraph: Option<&'a str>,
}

impl<'a> Styles<'a> {
    fn read(xml: &'a Document<'a>) -> Styles<'a> {
        let mut styles = Styles::default();
        for node in xml.root_element().children().filter(|n| is_w(*n, "style")) {
            let Some(id) = w_attr(node, "styleId") else {
                continue;
            };
            let paragraph = matches!(w_attr(node, "type"), None | Some("paragraph"));
            if paragraph && matches!(w_attr(node, "default"), Some("1" | "true" | "on")) {
                styles.default_paragraph = Some(id);
            }
            let ppr = child(node, "pPr");
            styles.by_id.insert(
                id,
                Style {
                    name: child_val(node, "name").unwrap_or("").to_owned(),
                    based_on: child_val(node, "basedOn"),
                    outline: ppr
                        .and_then(|p| child_val(p, "outlineLvl"))
                        .and_then(|v| v.parse().ok()),
                    numpr: ppr.and_then(NumPr::read),
                },
            );
        }
        styles
    }

    /// The style and those it is based on, nearest first.
    fn chain(&self, id: &'a str) -> impl Iterator<Item = (&'a str, &Style<'a>)> + '_ {
        let mut next = Some(id);
        std::iter::from_fn(move || {
            let id = next?;
            let style = self.by_id.get(id)?;
            next = style.based_on;
            Some((id, style))
        })
        .take(CHAIN_LIMIT)
    }

    /// The heading level a paragraph style gives: its outline level, else its name (`heading 2`,
    /// `标题 2`, `Title`), through the styles it is based on.
    fn heading(&self, id: &'a str) -> Option<u8> {
        for (id, style) in self.chain(id) {
            if let Some(outline) = style.outline {
                return (outline < 9).then_some(outline + 1);
            }
            let name = if style.name.is_empty() {
                id
            } else {
                &style.name
            };
            if let Some(level) = heading_name(name) {
                return Some(level);
            }
        }
        // A style the styles part does not define: its id may still say it (`Heading2`).
        if !self.by_id.contains_key(id) {
            return heading_name(id);
        }
        None
    }

    /// The numbering a paragraph style carries, through the styles it is based on.
    fn numpr(&self, id: &'a str) -> Option<NumPr<'a>> {
        let mut found: Option<NumPr> = None;
        for (_, style) in self.chain(id) {
            if let Some(numpr) = style.numpr {
                let f = found.get_or_insert_default();
                f.num = f.num.or(numpr.num);
                f.level = f.level.or(numpr.level);
                if f.num.is_some() && f.level.is_some() {
                    break;
                }
            }
        }
        found
    }
}

/// `heading 1`, `Heading1`, `标题 1`, `标题1` → 1; `Title`, `标题` → 1.
fn heading_name(name: &str) -> Option<u8> {
    let squeezed: String = name
        .chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect();
    if squeezed == "title" || squeezed == "标题" {
        return Some(1);
    }
    let digits = squeezed
        .strip_prefix("heading")
        .or_else(|| squeezed.strip_prefix("标题"))?;
    let level: u8 = digits.parse().ok()?;
    (1..=9).contains(&level).then_some(level)
}

#[derive(Clone, Default)]
struct Level<'a> {
    start: i64,
    format: &'a str,
    text: Option<&'a str>,
    /// `w:lvlRestart`: restart after a level of at most this number (1-based); 0 never.
    restart: Option<usize>,
    suffix: &'a str,
    legal: bool,
    style: Option<&'a str>,
}

impl<'a> Level<'a> {
    fn read(node: Node<'a, '_>) -> Level<'a> {
        Level {
            start: child_val(node, "start")
                .and_then(|v| v.parse().ok())
                .unwrap_or(0),
            format: child_val(node, "numFmt").unwrap_or("decimal"),
            text: child_val(node, "lvlText"),
            restart: child_val(node, "lvlRestart").and_then(|v| v.parse().ok()),
            suffix: match child_val(node, "suff") {
                Some("space") => " ",
                Some("nothing") => "",
                _ => "\t",
            },
            legal: on(node, "isLgl"),
            style: child_val(node, "pStyle"),
        }
    }
}

#[derive(Default)]
struct Abstract<'a> {
    levels: HashMap<usize, Level<'a>>,
    /// `w:numStyleLink`: the levels are those of the numbering this style carries.
    style_link: Option<&'a str>,
}

#[derive(Default)]
struct Num<'a> {
    abstract_id: &'a str,
    start_overrides: HashMap<usize, i64>,
    level_overrides: HashMap<usize, Level<'a>>,
}

#[derive(Default)]
struct Numbering<'a> {
    abstracts: HashMap<&'a str, Abstract<'a>>,
    nums: HashMap<&'a str, Num<'a>>,
}

fn ilvl(node: Node) -> Option<usize> {
    w_attr(node, "ilvl")
        .and_then(|v| v.parse().ok())
        .filter(|l| *l < LEVELS)
}

impl<'a> Numbering<'a> {
    fn read(xml: &'a Document<'a>) -> Numbering<'a> {
        let mut numbering = Numbering::default();
        for node in xml.root_element().children().filter(Node::is_element) {
            if is_w(node, "abstractNum") {
                let Some(id) = w_attr(node, "abstractNumId") else {
                    continue;
                };
                let levels = node
                    .children()
                    .filter(|l| is_w(*l, "lvl"))
                    .filter_map(|l| Some((ilvl(l)?, Level::read(l))))
                    .collect();
                numbering.abstracts.insert(
                    id,
                    Abstract {
                        levels,
                        style_link: child_val(node, "numStyleLink"),
                    },
                );
            } else if is_w(node, "num") {
                let (Some(id), Some(abstract_id)) =
                    (w_attr(node, "numId"), child_val(node, "abstractNumId"))
                else {
                    continue;
                };
                let mut num = Num {
                    abstract_id,
                    ..Num::default()
                };
                for over in node.children().filter(|o| is_w(*o, "lvlOverride")) {
                    let Some(level) = ilvl(over) else { continue };
                    if let Some(start) =
                        child_val(over, "startOverride").and_then(|v| v.parse().ok())
                    {
                        num.start_overrides.insert(level, start);
                    }
                    if let Some(lvl) = child(over, "lvl") {
                        num.level_overrides.insert(level, Level::read(lvl));
                    }
                }
                numbering.nums.insert(id, num);
            }
        }
        numbering
    }

    /// The abstract numbering a num uses, following a numbering style's link.
    fn abstract_of(&self, num: &Num<'a>, styles: &Styles<'a>) -> Option<(&'a str, &Abstract<'a>)> {
        let mut id = num.abstract_id;
        for _ in 0..CHAIN_LIMIT {
            let found = self.abstracts.get(id)?;
            let Some(link) = found.style_link.filter(|_| found.levels.is_empty()) else {
                return Some((id, found));
            };
            let linked = styles.numpr(link)?.num?;
            id = self.nums.get(linked)?.abstract_id;
        }
        None
    }
}

struct Reader<'r, 'a> {
    styles: &'r Styles<'a>,
    numbering: &'r Numbering<'a>,
    /// The counters of each list, by abstract numbering: Word continues a list across every
    /// num that uses it, unless the num overrides a start.
    counters: HashMap<&'a str, [Option<i64>; LEVELS]>,
    /// The nums already used once (their start overrides apply at their first paragraph).
    seen: HashSet<&'a str>,
    paragraphs: usize,
    blocks: Vec<Block>,
}

impl<'r, 'a> Reader<'r, 'a> {
    /// The paragraphs under a node, in the order Word lays them out.
    fn walk(&mut self, node: Node<'a, '_>) {
        for child in node.children().filter(Node::is_element) {
            if is_w(child, "p") {
                self.paragraph(child);
            } else if is_mc(child, "AlternateContent") {
                // The first choice is what Word shows; the fallback repeats it for older readers.
                if let Some(choice) = child.children().find(|c| is_mc(*c, "Choice")) {
                    self.walk(choice);
                } else if let Some(fallback) = child.children().find(|c| is_mc(*c, "Fallback")) {
                    self.walk(fallback);
                }
            } else if !skipped(child) {
                self.walk(child);
            }
        }
    }

    fn paragraph(&mut self, p: Node<'a, '_>) {
        self.paragraphs += 1;
        let line = self.paragraphs;
        let ppr = child(p, "pPr");
        let style = ppr
            .and_then(|ppr| child_val(ppr, "pStyle"))
            .or(self.styles.default_paragraph);
        let heading = match ppr.and_then(|ppr| child_val(ppr, "outlineLvl")) {
            Some(outline) => outline.parse::<u8>().ok().filter(|o| *o < 9).map(|o| o + 1),
            None => style.and_then(|s| self.styles.heading(s)),
        };
        let marker = self.marker(ppr, style);

        let mut text = Text {
            pieces: vec![String::new()],
            fields: Vec::new(),
            nested: Vec::new(),
        };
        text.inline(p);
        let Text { pieces, nested, .. } = text;
        for (i, piece) in pieces.into_iter().enumerate() {
            let piece = trim(&piece);
            let text = match (&marker, i) {
                (Some((marker, _)), 0) if piece.is_empty() => marker.clone(),
                (Some((marker, suffix)), 0) => format!("{marker}{suffix}{piece}"),
                _ => piece.to_owned(),
            };
            if !text.is_empty() {
                self.blocks.push(Block {
                    text,
                    heading,
                    line,
                });
            }
        }
        for node in nested {
            if is_w(node, "p") {
                self.paragraph(node);
            } else {
                self.walk(node);
            }
        }
    }

    /// The marker (and what follows it) Word shows before this paragraph, counting it.
    fn marker(
        &mut self,
        ppr: Option<Node<'a, '_>>,
        style: Option<&'a str>,
    ) -> Option<(String, &'a str)> {
        let own = ppr.and_then(NumPr::read);
        let inherited = style.and_then(|s| self.styles.numpr(s));
        let num_id = own.and_then(|n| n.num).or(inherited.and_then(|n| n.num))?;
        let num = self.numbering.nums.get(num_id)?;
        let (abstract_id, list) = self.numbering.abstract_of(num, self.styles)?;
        let level = own
            .and_then(|n| n.level)
            .or(inherited.and_then(|n| n.level))
            .or_else(|| {
                // A level tied to the paragraph's style by `w:pStyle`.
                let style = style?;
                list.levels
                    .iter()
                    .find(|(_, l)| l.style == Some(style))
                    .map(|(i, _)| *i)
            })
            .unwrap_or(0)
            .min(LEVELS - 1);
        let definition = |i: usize| -> Level<'a> {
            num.level_overrides
                .get(&i)
                .or_else(|| list.levels.get(&i))
                .cloned()
                .unwrap_or_default()
        };
        let start = |i: usize| -> i64 {
            num.start_overrides
                .get(&i)
                .copied()
                .unwrap_or_else(|| definition(i).start)
        };

        let counters = self.counters.entry(abstract_id).or_insert([None; LEVELS]);
        if self.seen.insert(num_id) {
            for i in num.start_overrides.keys() {
                counters[*i] = None;
            }
        }
        counters[level] =
            Some(counters[level].map_or_else(|| start(level), |n| n.saturating_add(1)));
        for (deeper, counter) in counters.iter_mut().enumerate().skip(level + 1) {
            let restarts = match definition(deeper).restart {
                Some(0) => false,
                Some(after) => level < after,
                None => true,
            };
            if restarts {
                *counter = None;
            }
        }
        let counters = *counters;

        let this = definition(level);
        if this.format == "bullet" {
            // A bullet is a glyph of a symbol font, not a marker anyone types.
            return None;
        }
        let mut marker = String::new();
        let mut rest = this.text.unwrap_or("");
        while let Some(at) = rest.find('%') {
            marker.push_str(&rest[..at]);
            let after = &rest[at + 1..];
            match after.chars().next().and_then(|c| c.to_digit(10)) {
                Some(d @ 1..=9) => {
                    let i = d as usize - 1;
                    let n = counters[i].unwrap_or_else(|| start(i));
                    let format = if this.legal {
                        "decimal"
                    } else {
                        definition(i).format
                    };
                    marker.push_str(&format_number(n, format));
                    rest = &after[1..];
                }
                _ => {
                    marker.push('%');
                    rest = after;
                }
            }
        }
        marker.push_str(rest);
        if marker.is_empty() {
            return None;
        }
        Some((marker, this.suffix))
    }
}

/// Containers whose content is not the document's text.
fn skipped(node: Node) -> bool {
    if is_mc(node, "Fallback") {
        return true;
    }
    let name = node.tag_name().name();
    node.tag_name()
        .namespace()
        .is_some_and(|ns| W.contains(&ns))
        && matches!(
            name,
            "pPr"
                | "rPr"
                | "sectPr"
                | "tblPr"
                | "tblGrid"
                | "trPr"
                | "tcPr"
                | "sdtPr"
                | "sdtEndPr"
                | "del"
                | "moveFrom"
                | "instrText"
                | "delText"
                | "delInstrText"
                | "pPrChange"
                | "rPrChange"
                | "footnoteReference"
                | "endnoteReference"
                | "commentReference"
        )
}

/// The text of one paragraph as it is gathered, run by run.
struct Text<'a, 'i> {
    /// The paragraph's pieces, split at line breaks.
    pieces: Vec<String>,
    /// Fields open at this point: `true` while in a field's instructions, before its result.
    fields: Vec<bool>,
    /// Text boxes and paragraphs met inside, read after this one.
    nested: Vec<Node<'a, 'i>>,
}

impl<'a, 'i> Text<'a, 'i> {
    fn push(&mut self, text: &str) {
        if !self.fields.iter().any(|instruction| *instruction) {
            if let Some(last) = self.pieces.last_mut() {
                last.push_str(text);
            }
        }
    }

    fn inline(&mut self, node: Node<'a, 'i>) {
        for element in node.children().filter(Node::is_element) {
            if is_mc(element, "AlternateContent") {
                if let Some(choice) = element.children().find(|c| is_mc(*c, "Choice")) {
                    self.inline(choice);
                } else if let Some(fallback) = element.children().find(|c| is_mc(*c, "Fallback")) {
                    self.inline(fallback);
                }
                continue;
            }
            if skipped(element) {
                continue;
            }
            let w = element
                .tag_name()
                .namespace()
                .is_some_and(|ns| W.contains(&ns));
            match element.tag_name().name() {
                "t" if w => self.push(element.text().unwrap_or("")),
                "tab" | "ptab" if w => self.push("\t"),
                "noBreakHyphen" if w => self.push("-"),
                "br" | "cr" if w => self.pieces.push(String::new()),
                "sym" if w => {
                    // Symbol-font glyphs (F0xx) stand for no character of their own.
                    let c = w_attr(element, "char")
                        .and_then(|hex| u32::from_str_radix(hex, 16).ok())
                        .and_then(char::from_u32)
                        .filter(|c| !('\u{E000}'..='\u{F8FF}').contains(c));
                    if let Some(c) = c {
                        self.push(c.encode_utf8(&mut [0; 4]));
                    }
                }
                "fldChar" if w => match w_attr(element, "fldCharType") {
                    Some("begin") => self.fields.push(true),
                    Some("separate") => {
                        if let Some(last) = self.fields.last_mut() {
                            *last = false;
                        }
                    }
                    Some("end") => {
                        self.fields.pop();
                    }
                    _ => {}
                },
                "r" if w => {
                    // Hidden text is not shown, nor printed.
                    let hidden = child(element, "rPr").is_some_and(|rpr| on(rpr, "vanish"));
                    if !hidden {
                        self.inline(element);
                    }
                }
                "txbxContent" | "p" if w => self.nested.push(element),
                _ => self.inline(element),
            }
        }
    }
}

/// A paragraph's text without the indent typed before it or the spaces after it.
fn trim(text: &str) -> &str {
    text.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{3000}')
        .trim_end()
}

/// A counter's value written in a `w:numFmt`, as Word writes it.
fn format_number(n: i64, format: &str) -> String {
    let small = usize::try_from(n).ok().filter(|n| (1..=20).contains(n));
    let enclosed = |first: u32| {
        small
            .and_then(|k| char::from_u32(first + k as u32 - 1))
            .map_or_else(|| n.to_string(), String::from)
    };
    let cycle = |set: &[char]| {
        let k = usize::try_from(n.saturating_sub(1)).unwrap_or(0) % set.len();
        set[k].to_string()
    };
    match format {
        "none" => String::new(),
        "decimalZero" if (0..10).contains(&n) => format!("0{n}"),
        "decimalFullWidth" | "decimalFullWidth2" => n
            .to_string()
            .chars()
            .map(|c| match c.to_digit(10) {
                Some(d) => char::from_u32(0xFF10 + d).unwrap_or(c),
                None => c,
            })
            .collect(),
        "decimalEnclosedCircle" | "decimalEnclosedCircleChinese" => enclosed(0x2460),
        "decimalEnclosedParen" => enclosed(0x2474),
        "decimalEnclosedFullstop" => enclosed(0x2488),
        "chineseCounting"
        | "chineseCountingThousand"
        | "japaneseCounting"
        | "taiwaneseCounting"
        | "taiwaneseCountingThousand" => match u64::try_from(n) {
            Ok(0) | Err(_) => "〇".to_owned(),
            Ok(n) => crate::numerals::chinese(n),
        },
        "ideographDigital" | "taiwaneseDigital" | "japaneseDigitalTenThousand" => {
            crate::numerals::chinese_digits(n.unsigned_abs())
        }
        "chineseLegalSimplified" => crate::numerals::chinese(n.unsigned_abs())
            .chars()
            .map(|c| match c {
                '一' => '壹',
                '二' => '贰',
                '三' => '叁',
                '四' => '肆',
                '五' => '伍',
                '六' => '陆',
                '七' => '柒',
                '八' => '捌',
                '九' => '玖',
                '十' => '拾',
                '百' => '佰',
                '千' => '仟',
                c => c,
            })
            .collect(),
        "ideographTraditional" => {
            cycle(&['甲', '乙', '丙', '丁', '戊', '己', '庚', '辛', '壬', '癸'])
        }
        "ideographZodiac" => cycle(&[
            '子', '丑', '寅', '卯', '辰', '巳', '午', '未', '申', '酉', '戌', '亥',
        ]),
        "upperLetter" | "lowerLetter" if (1..=780).contains(&n) => {
            let letter = (b'A' + ((n - 1) % 26) as u8) as char;
            let letters = letter.to_string().repeat(((n - 1) / 26 + 1) as usize);
            if format == "lowerLetter" {
                letters.to_lowercase()
            } else {
                letters
            }
        }
        "upperRoman" | "lowerRoman" if (1..4000).contains(&n) => {
            let roman = roman(n as u32);
            if format == "lowerRoman" {
                roman.to_lowercase()
            } else {
                roman
            }
        }
        _ => n.to_string(),
    }
}

fn roman(mut n: u32) -> String {
    const TABLE: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (value, letters) in TABLE {
        while n >= value {
            out.push_str(letters);
            n -= value;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use zip::write::SimpleFileOptions;
    use zip::ZipWriter;

    use super::*;

    const NS: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:v="urn:schemas-microsoft-com:vml""#;

    const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/></Types>"#;

    /// A DOCX package as Word lays one out, holding the parts given.
    fn package(parts: &[(&str, &str)]) -> Vec<u8> {
        let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
        for (name, text) in parts {
            zip.start_file(*name, SimpleFileOptions::default()).unwrap();
            zip.write_all(text.as_bytes()).unwrap();
        }
        zip.finish().unwrap().into_inner()
    }

    fn docx(body: &str, styles: &str, numbering: &str) -> Vec<u8> {
        let document = format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {NS}><w:body>{body}<w:sectPr/></w:body></w:document>"#
        );
        let styles = format!(
            r#"<?xml version="1.0" encoding="UTF-8"?><w:styles {NS}><w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/></w:style>{styles}</w:styles>"#
        );
        let numbering = format!(
            r#"<?xml version="1.0" encoding="UTF-8"?><w:numbering {NS}>{numbering}</w:numbering>"#
        );
        package(&[
            ("[Content_Types].xml", CONTENT_TYPES),
            (
                "_rels/.rels",
                r#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#,
            ),
            (
                "word/_rels/document.xml.rels",
                r#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/></Relationships>"#,
            ),
            ("word/document.xml", &document),
            ("word/styles.xml", &styles),
            ("word/numbering.xml", &numbering),
        ])
    }

    /// A paragraph of one run, with the paragraph properties given.
    fn p(ppr: &str, text: &str) -> String {
        format!(
            r#"<w:p><w:pPr>{ppr}</w:pPr><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>"#
        )
    }

    fn numbered(num: u32, level: u32, text: &str) -> String {
        p(
            &format!(r#"<w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{num}"/></w:numPr>"#),
            text,
        )
    }

    fn level(ilvl: u32, format: &str, text: &str, suffix: &str) -> String {
        format!(
            r#"<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{format}"/><w:lvlText w:val="{text}"/><w:suff w:val="{suffix}"/><w:lvlJc w:val="left"/></w:lvl>"#
        )
    }

    /// The genre's outline: 一、 over （一） over 1. over （1）.
    fn outline_numbering() -> String {
        format!(
            r#"<w:abstractNum w:abstractNumId="0">{}{}{}{}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>"#,
            level(0, "chineseCounting", "%1、", "nothing"),
            level(1, "chineseCounting", "（%2）", "nothing"),
            level(2, "decimal", "%3.", "space"),
            level(3, "decimal", "（%4）", "nothing"),
        )
    }

    fn blocks(bytes: &[u8]) -> Vec<(String, Option<u8>, usize)> {
        super::super::shown(read(bytes))
    }

    fn texts(bytes: &[u8]) -> Vec<String> {
        blocks(bytes).into_iter().map(|b| b.0).collect()
    }

    #[test]
    fn automatic_numbering_writes_the_markers_word_shows() {
        let body = [
            numbered(1, 0, "指导思想"),
            p("", "以服务教职工为宗旨。"),
            numbered(1, 0, "主要工作"),
            numbered(1, 1, "加强民主管理"),
            numbered(1, 2, "召开教代会"),
            numbered(1, 3, "审议学校工作报告"),
            numbered(1, 3, "讨论福利方案"),
            numbered(1, 2, "推进校务公开"),
            numbered(1, 1, "关爱教职工"),
            numbered(1, 2, "走访慰问困难职工"),
            numbered(1, 0, "工作安排"),
            numbered(1, 1, "组织春季健步走"),
        ]
        .concat();
        assert_eq!(
            texts(&docx(&body, "", &outline_numbering())),
            [
                "一、指导思想",
                "以服务教职工为宗旨。",
                "二、主要工作",
                "（一）加强民主管理",
                "1. 召开教代会",
                "（1）审议学校工作报告",
                "（2）讨论福利方案",
                "2. 推进校务公开",
                "（二）关爱教职工",
                // A new parent restarts the levels under it.
                "1. 走访慰问困难职工",
                "三、工作安排",
                "（一）组织春季健步走",
            ]
        );
    }

    #[test]
    fn a_suffix_is_a_tab_unless_the_level_says_otherwise() {
        let numbering = format!(
            r#"<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>{}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>"#,
            level(1, "decimal", "%1.%2", "space"),
        );
        let body = [
            numbered(1, 0, "工会组织建设"),
            numbered(1, 1, "健全会员档案"),
        ]
        .concat();
        assert_eq!(
            texts(&docx(&body, "", &numbering)),
            ["1.\t工会组织建设", "1.1 健全会员档案"]
        );
    }

    #[test]
    fn numbering_formats_of_chinese_documents() {
        let formats = [
            ("decimalEnclosedCircle", "%1", "①", "②"),
            ("decimalEnclosedCircleChinese", "%1", "①", "②"),
            ("decimalEnclosedParen", "%1", "⑴", "⑵"),
            ("decimalFullWidth", "%1．", "１．", "２．"),
            ("chineseCountingThousand", "第%1条", "第一条", "第二条"),
            ("ideographTraditional", "%1、", "甲、", "乙、"),
            ("chineseLegalSimplified", "%1、", "壹、", "贰、"),
            ("upperLetter", "%1.", "A.", "B."),
            ("lowerRoman", "(%1)", "(i)", "(ii)"),
        ];
        for (format, text, first, second) in formats {
            let numbering = format!(
                r#"<w:abstractNum w:abstractNumId="0">{}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>"#,
                level(0, format, text, "nothing"),
            );
            let body = [numbered(1, 0, "甲"), numbered(1, 0, "乙")].concat();
            assert_eq!(
                texts(&docx(&body, "", &numbering)),
                [format!("{first}甲"), format!("{second}乙")],
                "{format}"
            );
        }
        assert_eq!(format_number(11, "chineseCounting"), "十一");
        assert_eq!(format_number(20, "decimalEnclosedCircle"), "⑳");
        assert_eq!(format_number(21, "decimalEnclosedCircle"), "21");
        assert_eq!(format_number(27, "upperLetter"), "AA");
        // Counters past any list a person writes stay numbers, never a panic.
        for format in [
            "upperLetter",
            "ideographTraditional",
            "chineseCounting",
            "lowerRoman",
        ] {
            for n in [i64::MIN, -1, 0, i64::MAX] {
                assert!(!format_number(n, format).is_empty());
            }
        }
    }

    #[test]
    fn a_start_override_restarts_the_list_and_another_num_continues_it() {
        let numbering = format!(
            r#"{}<w:num w:numId="2"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>"#,
            outline_numbering()
        );
        let body = [
            numbered(1, 0, "上半年工作"),
            numbered(1, 0, "下半年工作"),
            // A second num of the same list continues its count.
            numbered(2, 0, "全年工作"),
            // "Restart numbering": a num whose start is overridden.
            numbered(3, 0, "附件一"),
            numbered(3, 0, "附件二"),
        ]
        .concat();
        assert_eq!(
            texts(&docx(&body, "", &numbering)),
            [
                "一、上半年工作",
                "二、下半年工作",
                "三、全年工作",
                "一、附件一",
                "二、附件二"
            ]
        );
    }

    #[test]
    fn numbering_and_headings_come_through_styles() {
        // As Chinese Word names them: ids "1", "2", names `heading 1`; a list style based on a
        // style that carries the numbering.
        let styles = r#"
            <w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:basedOn w:val="a"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
            <w:style w:type="paragraph" w:styleId="2"><w:name w:val="heading 2"/><w:basedOn w:val="a"/></w:style>
            <w:style w:type="paragraph" w:styleId="a3"><w:name w:val="Title"/></w:style>
            <w:style w:type="paragraph" w:styleId="ListBase"><w:name w:val="列表基础"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
            <w:style w:type="paragraph" w:styleId="Part"><w:name w:val="标题 2"/><w:basedOn w:val="ListBase"/><w:pPr><w:numPr><w:ilvl w:val="0"/></w:numPr></w:pPr></w:style>
            <w:style w:type="paragraph" w:styleId="Item"><w:name w:val="条目"/><w:basedOn w:val="ListBase"/><w:pPr><w:numPr><w:ilvl w:val="1"/></w:numPr></w:pPr></w:style>
        "#;
        let body = [
            p(r#"<w:pStyle w:val="a3"/>"#, "春风小学工会2027年工作计划"),
            p(r#"<w:pStyle w:val="1"/>"#, "总体要求"),
            p(r#"<w:pStyle w:val="2"/>"#, "工作目标"),
            p(r#"<w:pStyle w:val="Part"/>"#, "重点工作"),
            p(r#"<w:pStyle w:val="Item"/>"#, "建好职工之家"),
            p(r#"<w:pStyle w:val="Item"/>"#, "办好读书活动"),
            p(r#"<w:outlineLvl w:val="2"/>"#, "自设大纲级别"),
            p("", "正文段落。"),
        ]
        .concat();
        assert_eq!(
            blocks(&docx(&body, styles, &outline_numbering())),
            [
                ("春风小学工会2027年工作计划".to_owned(), Some(1), 1),
                ("总体要求".to_owned(), Some(1), 2),
                ("工作目标".to_owned(), Some(2), 3),
                ("一、重点工作".to_owned(), Some(2), 4),
                ("（一）建好职工之家".to_owned(), None, 5),
                ("（二）办好读书活动".to_owned(), None, 6),
                ("自设大纲级别".to_owned(), Some(3), 7),
                ("正文段落。".to_owned(), None, 8),
            ]
        );
    }

    #[test]
    fn text_as_word_shows_it() {
        let body = concat!(
            // A tracked deletion is gone, a tracked insertion stays; a field shows its result.
            r#"<w:p><w:r><w:t>一、</w:t></w:r><w:del w:id="1" w:author="x"><w:r><w:delText>旧的</w:delText></w:r></w:del>"#,
            r#"<w:ins w:id="2" w:author="x"><w:r><w:t>新的</w:t></w:r></w:ins><w:r><w:t>目标</w:t></w:r>"#,
            r#"<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>（第3页）</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>"#,
            // A tab stays; a line break splits the paragraph.
            r#"<w:p><w:r><w:t>时间</w:t><w:tab/><w:t>内容</w:t><w:br/><w:t xml:space="preserve">　　第二行</w:t></w:r></w:p>"#,
            // Hidden text is not shown.
            r#"<w:p><w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r><w:r><w:t>可见</w:t></w:r></w:p>"#,
            // A table's cells, in order.
            r#"<w:tbl><w:tblPr/><w:tr><w:tc><w:tcPr/><w:p><w:r><w:t>三月</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>庆祝妇女节</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"#,
            // A text box, once though Word writes it twice.
            r#"<w:p><w:r><w:t>正文</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx><w:txbxContent><w:p><w:r><w:t>文本框</w:t></w:r></w:p></w:txbxContent></wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict><v:textbox><w:txbxContent><w:p><w:r><w:t>文本框</w:t></w:r></w:p></w:txbxContent></v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>"#,
            r#"<w:p/><w:p><w:r><w:t>末段</w:t></w:r></w:p>"#,
        );
        assert_eq!(
            blocks(&docx(body, "", "")),
            [
                ("一、新的目标（第3页）".to_owned(), None, 1),
                ("时间\t内容".to_owned(), None, 2),
                ("第二行".to_owned(), None, 2),
                ("可见".to_owned(), None, 3),
                ("三月".to_owned(), None, 4),
                ("庆祝妇女节".to_owned(), None, 5),
                ("正文".to_owned(), None, 6),
                ("文本框".to_owned(), None, 7),
                // The empty paragraph gives no Block, but counts.
                ("末段".to_owned(), None, 9),
            ]
        );
    }

    #[test]
    fn restarts_bullets_and_levels_tied_to_styles() {
        let numbering = format!(
            r#"<w:abstractNum w:abstractNumId="0">{}<w:lvl w:ilvl="1"><w:start w:val="1"/><w:lvlRestart w:val="0"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/><w:suff w:val="nothing"/></w:lvl></w:abstractNum>
               <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
               <w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="&#xF0B7;"/></w:lvl></w:abstractNum>
               <w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
               <w:abstractNum w:abstractNumId="2">{}<w:lvl w:ilvl="1"><w:start w:val="1"/><w:pStyle w:val="Sub"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/><w:suff w:val="nothing"/></w:lvl></w:abstractNum>
               <w:num w:numId="3"><w:abstractNumId w:val="2"/></w:num>"#,
            level(0, "chineseCounting", "%1、", "nothing"),
            level(0, "chineseCounting", "%1、", "nothing"),
        );
        let styles = r#"<w:style w:type="paragraph" w:styleId="Sub"><w:name w:val="小节"/><w:pPr><w:numPr><w:numId w:val="3"/></w:numPr></w:pPr></w:style>"#;
        let body = [
            numbered(1, 0, "甲"),
            numbered(1, 1, "乙"),
            numbered(1, 0, "丙"),
            // `w:lvlRestart` 0: this level never restarts.
            numbered(1, 1, "丁"),
            // A bullet is no marker of the plan.
            numbered(2, 0, "要点"),
            // The style's numbering at the level that names the style.
            p(r#"<w:pStyle w:val="Sub"/>"#, "小节一"),
            p(r#"<w:pStyle w:val="Sub"/>"#, "小节二"),
            // numId 0 takes the style's numbering away.
            p(
                r#"<w:pStyle w:val="Sub"/><w:numPr><w:numId w:val="0"/></w:numPr>"#,
                "不编号",
            ),
        ]
        .concat();
        assert_eq!(
            texts(&docx(&body, styles, &numbering)),
            [
                "一、甲",
                "1.乙",
                "二、丙",
                "2.丁",
                "要点",
                "（一）小节一",
                "（二）小节二",
                "不编号"
            ]
        );
    }

    #[test]
    fn documents_that_cannot_be_read() {
        assert!(matches!(
            read(b"not a zip at all"),
            Err(ImportError::NotAZip)
        ));
        assert!(matches!(
            read(b"PK\x03\x04broken"),
            Err(ImportError::NotAZip)
        ));

        let mut ole = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
        ole.extend(vec![0; 504]);
        assert!(
            matches!(read(&ole), Err(ImportError::NotAZip)),
            "a legacy .doc"
        );
        ole.extend("EncryptedPackage".encode_utf16().flat_map(u16::to_le_bytes));
        assert!(matches!(read(&ole), Err(ImportError::Encrypted)));

        let no_document = package(&[("word/styles.xml", "<w:styles/>")]);
        assert!(matches!(
            read(&no_document),
            Err(ImportError::Corrupt { detail }) if detail.contains("word/document.xml")
        ));

        let pictures = r#"<w:p><w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"/></w:drawing></w:r></w:p><w:p/>"#;
        assert!(matches!(
            read(&docx(pictures, "", "")),
            Err(ImportError::NoText)
        ));

        // A document part encrypted inside the archive.
        let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
        let options = zip::unstable::write::FileOptionsExt::with_deprecated_encryption(
            SimpleFileOptions::default(),
            b"secret",
        )
        .unwrap();
        zip.start_file("word/document.xml", options).unwrap();
        zip.write_all(b"<w:document/>").unwrap();
        let locked = zip.finish().unwrap().into_inner();
        assert!(matches!(read(&locked), Err(ImportError::Encrypted)));

        let broken = package(&[("word/document.xml", "<w:document><w:body>")]);
        assert!(matches!(read(&broken), Err(ImportError::Corrupt { .. })));

        // A part unpacking past the bound stops there.
        let large = docx(&p("", &"工会".repeat(2000)), "", "");
        assert!(read(&large).is_ok());
        assert!(matches!(
            read_within(&large, 4000),
            Err(ImportError::Corrupt { detail }) if detail.contains("document.xml")
        ));
    }
}
