//! DOCX: the view laid out as a Word document on the GB/T 9704-2012 page.
//!
//! Like the templates, this module only lays out what the view computed: markers, labels,
//! titles and dates are taken as they are. It writes through docx-rs and then re-packs the
//! archive with a fixed timestamp, so the same plan always gives the same bytes.

use std::io::{Cursor, Read, Write};

use docx_rs::{
    AlignmentType, BuildXML, DocGrid, DocGridType, Docx, FieldCharType, Footer, InstrPAGE,
    InstrText, LineSpacing, LineSpacingType, PageMargin, Paragraph, Run, RunFonts,
    SpecialIndentType, Style, StyleType,
};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipArchive, ZipWriter};

use crate::error::Error;
use crate::model::Layout;
use crate::view::{MonthView, NodeView, SignatureView, View};

/// A4 in twips (1/20 pt).
pub const PAGE_WIDTH: u32 = 11906;
pub const PAGE_HEIGHT: u32 = 16838;
/// Margins of GB/T 9704-2012 (top 37 mm, bottom 35 mm, left 28 mm, right 26 mm), in twips.
pub const MARGIN_TOP: i32 = 2098;
pub const MARGIN_BOTTOM: i32 = 1984;
pub const MARGIN_LEFT: i32 = 1587;
pub const MARGIN_RIGHT: i32 = 1474;
/// The page number's line sits about 7 mm below the text area: 22 mm from the page's foot
/// to the bottom of a 17 pt line.
const FOOTER_DISTANCE: i32 = 1247;
const HEADER_DISTANCE: i32 = 851;

/// 22 lines on the 225 mm text height: 12756 / 22 = 579.8 twips, rounded down so that the
/// 22nd line still fits. The section's line grid and every paragraph's exact line spacing
/// both use it.
pub const LINE_PITCH: usize = 579;
/// 28 characters on the 156 mm (442.25 pt) text width: characters are set 0.25 pt tighter
/// (the value is in twentieths of a point), so that 28 of 15.75 pt take 441 pt and a 29th
/// does not fit.
///
/// Word's 公文 templates get there with a character grid instead (docGrid linesAndChars,
/// charSpace −842). LibreOffice gives every character wider than such a grid's pitch two
/// cells, which leaves 16 characters a line. Tightened characters on a line grid give 28 in
/// LibreOffice (the tests check it) and, with no character grid to follow, in Word and WPS.
pub const CHAR_SPACING: i32 = -5;
/// One character of the body in twips (15.75 pt), the unit of indents: two of them leave
/// exactly 26 characters on a paragraph's first line.
const CHAR: i32 = 315;

/// Font sizes in half-points: 2号 22 pt, 3号 16 pt, 4号 14 pt.
pub const SIZE_TITLE: usize = 44;
pub const SIZE_BODY: usize = 32;
pub const SIZE_PAGE_NUMBER: usize = 28;

/// The ZIP entries' timestamp: the earliest a ZIP can hold, the same for every render.
const ZIP_TIME: DateTime = DateTime::DEFAULT;
/// The document properties' created and modified dates, fixed for the same reason.
const PROPERTIES_TIME: &str = "1980-01-01T00:00:00Z";

/// A typeface: the official East Asian font, and the font for Latin letters and digits.
#[derive(Debug, Clone, Copy)]
struct Face {
    east_asia: &'static str,
    latin: &'static str,
}

impl Face {
    /// An official East Asian font, with Times New Roman for Latin letters and digits.
    const fn with_times(east_asia: &'static str) -> Face {
        Face {
            east_asia,
            latin: "Times New Roman",
        }
    }
}

/// 方正小标宋简体 for the title.
const TITLE: Face = Face::with_times("方正小标宋简体");
/// 仿宋_GB2312 for the body and levels three and four.
const FANGSONG: Face = Face::with_times("仿宋_GB2312");
/// 黑体 for level one.
const HEI: Face = Face::with_times("黑体");
/// 楷体_GB2312 for level two.
const KAI: Face = Face::with_times("楷体_GB2312");
/// 宋体 for the page numbers, digits included (4号半角宋体阿拉伯数字).
const SONG: Face = Face {
    east_asia: "宋体",
    latin: "宋体",
};

/// The face of a numbering level's headings and lead phrases.
fn level_face(level: usize) -> Face {
    match level {
        1 => HEI,
        2 => KAI,
        _ => FANGSONG,
    }
}

/// Paragraph styles, so that Word's navigation pane and style gallery show the structure.
const STYLE_BODY: &str = "Normal";
const STYLE_TITLE: &str = "Title";
const STYLE_SIGNATURE: &str = "Signature";
const STYLE_FOOTER: &str = "Footer";
/// Heading styles exist for levels 1 to 9 (Word's outline levels); deeper ones use the last.
const HEADING_LEVELS: usize = 9;

fn heading_style(level: usize) -> String {
    format!("Heading{}", level.clamp(1, HEADING_LEVELS))
}

/// Lays a view out as a DOCX file.
///
/// docx-rs would hold every paragraph as a tree, then the whole document as XML, then the
/// archive: about 9 KB an item. Instead it builds the document without its paragraphs, and
/// the paragraphs are laid out one at a time straight into the compressed entry of the
/// re-packed archive, so that memory grows by the compressed XML only.
pub fn render(view: &View) -> Result<Vec<u8>, Error> {
    let mut ids = Ids::default();
    let odd = page_number(ids.next(STYLE_FOOTER), AlignmentType::Right);
    let even = page_number(ids.next(STYLE_FOOTER), AlignmentType::Left);

    let mut docx = Docx::new()
        .page_size(PAGE_WIDTH, PAGE_HEIGHT)
        .page_margin(
            PageMargin::new()
                .top(MARGIN_TOP)
                .bottom(MARGIN_BOTTOM)
                .left(MARGIN_LEFT)
                .right(MARGIN_RIGHT)
                .header(HEADER_DISTANCE)
                .footer(FOOTER_DISTANCE)
                .gutter(0),
        )
        .footer(Footer::new().add_paragraph(odd))
        .even_footer(Footer::new().add_paragraph(even))
        .default_fonts(fonts(FANGSONG))
        .default_size(SIZE_BODY)
        .created_at(PROPERTIES_TIME)
        .updated_at(PROPERTIES_TIME);
    for style in styles() {
        docx = docx.add_style(style);
    }
    docx.document = docx.document.doc_grid(
        DocGrid::new()
            .grid_type(DocGridType::Lines)
            .line_pitch(LINE_PITCH),
    );

    let mut packed = Cursor::new(Vec::new());
    docx.pack(&mut packed).map_err(docx_error)?;
    repack(packed.get_ref(), |out| {
        let mut writer = Writer { ids, out };
        writer.title(&view.title)?;
        for paragraph in &view.preface {
            writer.body(paragraph)?;
        }
        for section in &view.sections {
            writer.node(section)?;
        }
        for paragraph in &view.closing {
            writer.body(paragraph)?;
        }
        if let Some(signature) = &view.signature {
            writer.signature(signature)?;
        }
        Ok(())
    })
    .map_err(docx_error)
}

fn docx_error(err: impl std::fmt::Display) -> Error {
    Error::Docx {
        detail: err.to_string(),
    }
}

/// Paragraph ids, numbered here: docx-rs draws them from a counter shared by everything
/// built on the thread, so a plan's bytes would depend on what else was built beside it.
#[derive(Default)]
struct Ids {
    last: u32,
}

impl Ids {
    fn next(&mut self, style: &str) -> Paragraph {
        self.last += 1;
        Paragraph::new()
            .id(format!("{:08X}", self.last))
            .style(style)
    }
}

/// Writes the document's paragraphs, in order, as XML into `out`.
struct Writer<'a> {
    ids: Ids,
    out: &'a mut dyn Write,
}

impl Writer<'_> {
    fn paragraph(&mut self, style: &str) -> Paragraph {
        self.ids.next(style)
    }

    /// A heading never stands alone at the foot of a page.
    fn heading(&mut self, level: usize) -> Paragraph {
        self.paragraph(&heading_style(level))
            .keep_next(true)
            .keep_lines(true)
    }

    fn push(&mut self, paragraph: Paragraph) -> std::io::Result<()> {
        self.out.write_all(&paragraph.build())
    }

    fn title(&mut self, title: &str) -> std::io::Result<()> {
        let p = self
            .paragraph(STYLE_TITLE)
            .add_run(run(title, TITLE, SIZE_TITLE));
        self.push(p)
    }

    fn body(&mut self, text: &str) -> std::io::Result<()> {
        let p = self
            .paragraph(STYLE_BODY)
            .add_run(run(text, FANGSONG, SIZE_BODY));
        self.push(p)
    }

    /// A section or item at any depth, as node.html lays it out: a heading on its own line
    /// or a lead phrase running into the first paragraph, then its items and schedule.
    fn node(&mut self, node: &NodeView) -> std::io::Result<()> {
        let lead = format!("{}{}", node.marker, node.title.as_deref().unwrap_or(""));
        let face = level_face(node.level);
        match node.layout {
            Layout::Heading => {
                let p = self
                    .heading(node.level)
                    .add_run(run(&lead, face, SIZE_BODY));
                self.push(p)?;
                for paragraph in &node.body {
                    self.body(paragraph)?;
                }
            }
            // An untitled part with no text of its own (a numbering that starts again).
            Layout::Inline if lead.is_empty() && node.body.is_empty() => {}
            Layout::Inline => {
                let mut p = self.paragraph(STYLE_BODY);
                if !lead.is_empty() {
                    p = p.add_run(run(&lead, face, SIZE_BODY));
                }
                if let Some(first) = node.body.first() {
                    p = p.add_run(run(first, FANGSONG, SIZE_BODY));
                }
                self.push(p)?;
                for paragraph in node.body.iter().skip(1) {
                    self.body(paragraph)?;
                }
            }
        }
        for item in &node.items {
            self.node(item)?;
        }
        for month in &node.schedule {
            self.month(month)?;
        }
        Ok(())
    }

    fn month(&mut self, month: &MonthView) -> std::io::Result<()> {
        let p = self.heading(month.level).add_run(run(
            &format!("{}：", month.label),
            level_face(month.level),
            SIZE_BODY,
        ));
        self.push(p)?;
        for item in &month.items {
            self.node(item)?;
        }
        Ok(())
    }

    fn signature(&mut self, signature: &SignatureView) -> std::io::Result<()> {
        let organization = self
            .paragraph(STYLE_SIGNATURE)
            .add_run(run(&signature.organization, FANGSONG, SIZE_BODY))
            // 正文下空一行: one blank line between the text and the 落款.
            .line_spacing(
                LineSpacing::new()
                    .before(LINE_PITCH as u32)
                    .line(LINE_PITCH as i32)
                    .line_rule(LineSpacingType::Exact),
            );
        self.push(organization)?;
        if let Some(date) = &signature.date {
            let p = self
                .paragraph(STYLE_SIGNATURE)
                .add_run(run(date, FANGSONG, SIZE_BODY));
            self.push(p)?;
        }
        Ok(())
    }
}

/// — N — on the outer side: odd pages on the right, even pages on the left, one character
/// in from the edge of the text area.
fn page_number(p: Paragraph, side: AlignmentType) -> Paragraph {
    // Not on the 28-character line, so set at the font's own width.
    let dash = |text: &str| {
        Run::new()
            .add_text(text)
            .fonts(fonts(SONG))
            .size(SIZE_PAGE_NUMBER)
    };
    // The PAGE field, in a run that names its fonts like every other.
    let number = Run::new()
        .fonts(fonts(SONG))
        .size(SIZE_PAGE_NUMBER)
        .add_field_char(FieldCharType::Begin, false)
        .add_instr_text(InstrText::PAGE(InstrPAGE::new()))
        .add_field_char(FieldCharType::Separate, false)
        .add_text("1")
        .add_field_char(FieldCharType::End, false);
    let p = p
        .align(side)
        .add_run(dash("— "))
        .add_run(number)
        .add_run(dash(" —"));
    let inset = Some(SIZE_PAGE_NUMBER as i32 * 10);
    match side {
        AlignmentType::Left => p.indent(inset, None, None, None),
        _ => p.indent(None, None, inset, None),
    }
}

/// A run of text in a face and size, with the East Asian font named on the run itself so
/// that Word and WPS pick the Chinese font whatever the styles say.
fn run(text: &str, face: Face, size: usize) -> Run {
    Run::new()
        .add_text(xml_safe(text))
        .fonts(fonts(face))
        .size(size)
        .character_spacing(CHAR_SPACING)
}

fn fonts(face: Face) -> RunFonts {
    RunFonts::new()
        .east_asia(face.east_asia)
        .ascii(face.latin)
        .hi_ansi(face.latin)
        .cs(face.latin)
        // Quotation marks and dashes are shared by both scripts; the hint gives them the
        // full-width Chinese forms, as official documents use.
        .hint("eastAsia")
}

/// Drops characters XML 1.0 cannot carry (control characters a YAML escape can produce),
/// which would make Word refuse the whole file.
fn xml_safe(text: &str) -> String {
    text.chars()
        .filter(|&c| matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..))
        .collect()
}

/// The document's paragraph styles. They hold what the runs hold too, so that a run cleared
/// of its own formatting (Ctrl+Space in Word) looks the same.
fn styles() -> Vec<Style> {
    let exact = || {
        LineSpacing::new()
            .line(LINE_PITCH as i32)
            .line_rule(LineSpacingType::Exact)
            .before(0)
            .after(0)
    };
    let indent_two = Some(SpecialIndentType::FirstLine(2 * CHAR));
    let with_spacing = |mut style: Style, spacing: i32| {
        style.run_property = style.run_property.character_spacing(spacing);
        style
    };
    let mut styles = vec![
        with_spacing(
            Style::new(STYLE_BODY, StyleType::Paragraph)
                .name("Normal")
                .fonts(fonts(FANGSONG))
                .size(SIZE_BODY)
                .align(AlignmentType::Both)
                .line_spacing(exact())
                .indent(Some(0), indent_two, None, None),
            CHAR_SPACING,
        ),
        Style::new(STYLE_TITLE, StyleType::Paragraph)
            .name("Title")
            .based_on(STYLE_BODY)
            .next(STYLE_BODY)
            .fonts(fonts(TITLE))
            .size(SIZE_TITLE)
            .align(AlignmentType::Center)
            // 标题下空一行: one blank line between the title and the text.
            .line_spacing(exact().after(LINE_PITCH as u32))
            .indent(Some(0), Some(SpecialIndentType::FirstLine(0)), None, None),
        Style::new(STYLE_SIGNATURE, StyleType::Paragraph)
            .name("Signature")
            .based_on(STYLE_BODY)
            .align(AlignmentType::Right)
            // Four characters in from the right, as the HTML's 落款.
            .indent(
                Some(0),
                Some(SpecialIndentType::FirstLine(0)),
                Some(4 * CHAR),
                None,
            ),
        with_spacing(
            Style::new(STYLE_FOOTER, StyleType::Paragraph)
                .name("footer")
                .based_on(STYLE_BODY)
                .fonts(fonts(SONG))
                .size(SIZE_PAGE_NUMBER)
                .snap_to_grid(false)
                .line_spacing(
                    LineSpacing::new()
                        .line(340)
                        .line_rule(LineSpacingType::Exact),
                )
                .indent(Some(0), Some(SpecialIndentType::FirstLine(0)), None, None),
            0,
        ),
    ];
    for level in 1..=HEADING_LEVELS {
        styles.push(
            Style::new(heading_style(level), StyleType::Paragraph)
                .name(format!("heading {level}"))
                .based_on(STYLE_BODY)
                .next(STYLE_BODY)
                .fonts(fonts(level_face(level)))
                .outline_lvl(level - 1),
        );
    }
    styles
}

/// Re-packs the archive docx-rs wrote: every entry gets the same timestamp and is
/// compressed, whatever the zip crate's features or the clock say.
///
/// docx-rs also writes an empty `Normal` style ahead of the styles it is given, so the
/// body's `Normal` would be a second style of the same id: invalid, and which of the two a
/// reader takes is up to the reader (LibreOffice takes the empty one for its default style).
/// The empty one, exactly as docx-rs writes it, is dropped.
///
/// `body` writes the document's paragraphs, which docx-rs was given none of, into
/// `word/document.xml` at the start of its body.
fn repack(
    archive: &[u8],
    body: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> zip::result::ZipResult<Vec<u8>> {
    const BODY: &[u8] = b"<w:body>";
    let mut body = Some(body);
    let empty_normal = Style::new(STYLE_BODY, StyleType::Paragraph)
        .name("Normal")
        .build();
    let mut source = ZipArchive::new(Cursor::new(archive))?;
    let mut out = ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .last_modified_time(ZIP_TIME)
        .unix_permissions(0o644);
    let mut contents = Vec::new();
    for i in 0..source.len() {
        let mut entry = source.by_index(i)?;
        if entry.is_dir() {
            continue;
        }
        contents.clear();
        entry.read_to_end(&mut contents)?;
        if entry.name() == "word/styles.xml" {
            remove_first(&mut contents, &empty_normal);
        }
        out.start_file(entry.name(), options)?;
        let at = (entry.name() == "word/document.xml")
            .then(|| contents.windows(BODY.len()).position(|w| w == BODY))
            .flatten();
        match at.zip(body.take_if(|_| at.is_some())) {
            Some((at, body)) => {
                let (head, tail) = contents.split_at(at + BODY.len());
                out.write_all(head)?;
                body(&mut out)?;
                out.write_all(tail)?;
            }
            None => out.write_all(&contents)?,
        }
    }
    if body.is_some() {
        return Err(zip::result::ZipError::InvalidArchive(
            "docx-rs wrote a document without a body".into(),
        ));
    }
    Ok(out.finish()?.into_inner())
}

/// Removes the first occurrence of `part` from `bytes`, if there is one.
fn remove_first(bytes: &mut Vec<u8>, part: &[u8]) {
    if let Some(at) = bytes.windows(part.len()).position(|w| w == part) {
        bytes.drain(at..at + part.len());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn view(yaml: &str) -> View {
        crate::view::build(crate::validate::valid(serde_yaml::from_str(yaml).unwrap()).unwrap())
    }

    #[test]
    fn the_same_view_gives_the_same_bytes_within_one_process() {
        let plan =
            "organization: 工会\nyear: 2027\ngoals: [甲, 乙]\nsignature: {date: 2027-01-05}\n";
        let first = render(&view(plan)).unwrap();
        // Something else rendered in between must not shift ids or counters.
        render(&view("sections: [丙, 丁, 戊]\n")).unwrap();
        let second = render(&view(plan)).unwrap();
        assert_eq!(first, second);
    }

    #[test]
    fn characters_xml_cannot_carry_are_dropped() {
        assert_eq!(xml_safe("甲\u{1}乙\u{FFFF}丙\t"), "甲乙丙\t");
    }

    #[test]
    fn the_page_holds_22_lines_of_28_characters() {
        let width = PAGE_WIDTH as i32 - MARGIN_LEFT - MARGIN_RIGHT;
        let char = SIZE_BODY as i32 * 10 + CHAR_SPACING;
        assert_eq!(char, CHAR);
        assert_eq!(width / char, 28);
        assert_eq!((width - 2 * CHAR) / char, 26);
        let height = PAGE_HEIGHT as i32 - MARGIN_TOP - MARGIN_BOTTOM;
        assert_eq!(height / LINE_PITCH as i32, 22);
    }
}
