//! Markdown → paragraphs: headings with their level, list items and paragraphs, read as
//! CommonMark reads them, their syntax stripped to the text a reader sees.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use super::{Block, ImportError};
use crate::text::line_starts;

/// Reads a Markdown document: one Block per paragraph, heading or list item (a hard line
/// break splits one), `line` where it starts.
pub fn read(bytes: &[u8]) -> Result<Vec<Block>, ImportError> {
    let source = decode(bytes)?;
    if source.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    let starts = line_starts(&source);
    let line_of = |offset: usize| starts.partition_point(|&s| s <= offset);

    let mut blocks = Vec::new();
    let mut current = Current::default();
    // The open lists: the next number of an ordered one, with the delimiter it was typed with.
    let mut lists: Vec<Option<(u64, char)>> = Vec::new();
    // Depth inside what shows no text of its own: an image's alt text, front matter.
    let mut hidden = 0usize;
    let mut html: Option<(usize, String)> = None;
    // Front matter (`---` … `---` at the top) is data about the page, not its text.
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS;
    let parser = Parser::new_ext(&source, options);
    for (event, range) in parser.into_offset_iter() {
        match &event {
            Event::Start(Tag::CodeBlock(_)) => {
                current.flush(&mut blocks);
                current.code = true;
            }
            Event::End(TagEnd::CodeBlock) => {
                current.flush(&mut blocks);
                current.code = false;
            }
            _ => {}
        }
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                current.flush(&mut blocks);
                current.begin(line_of(range.start), Some(level as u8));
            }
            // A paragraph of a loose list item goes on the item's Block, after its number.
            Event::Start(Tag::Paragraph | Tag::TableCell) if !current.open || current.content => {
                current.flush(&mut blocks);
                current.begin(line_of(range.start), None);
            }
            Event::Start(Tag::List(first)) => {
                current.flush(&mut blocks);
                let delimiter = source[range.clone()]
                    .trim_start()
                    .chars()
                    .find(|c| !c.is_ascii_digit())
                    .unwrap_or('.');
                lists.push(first.map(|n| (n, delimiter)));
            }
            Event::Start(Tag::Item) => {
                current.flush(&mut blocks);
                current.begin(line_of(range.start), None);
                // An ordered list's numbers are what the reader sees; a bullet is not text.
                if let Some(Some((n, delimiter))) = lists.last_mut() {
                    current.text = format!("{n}{delimiter} ");
                    *n += 1;
                }
            }
            Event::End(TagEnd::List(_)) => {
                current.flush(&mut blocks);
                lists.pop();
            }
            Event::End(
                TagEnd::Heading(_) | TagEnd::Paragraph | TagEnd::Item | TagEnd::TableCell,
            ) => current.flush(&mut blocks),
            Event::Start(Tag::HtmlBlock) => {
                current.flush(&mut blocks);
                html = Some((line_of(range.start), String::new()));
            }
            Event::Html(text) => {
                if let Some((_, gathered)) = &mut html {
                    gathered.push_str(&text);
                }
            }
            Event::End(TagEnd::HtmlBlock) => {
                // A block of HTML says what a browser would show of it.
                if let Some((line, gathered)) = html.take() {
                    if let Ok(found) = super::html::read(gathered.as_bytes()) {
                        blocks.extend(found.into_iter().map(|block| Block {
                            line: block.line + line - 1,
                            ..block
                        }));
                    }
                }
            }
            Event::Start(Tag::Image { .. } | Tag::MetadataBlock(_)) => hidden += 1,
            Event::End(TagEnd::Image | TagEnd::MetadataBlock(_)) => {
                hidden = hidden.saturating_sub(1)
            }
            Event::Text(text) if current.code => {
                // A code block (or a paragraph indented four spaces) keeps its lines.
                for (line, piece) in (line_of(range.start)..).zip(text.split_inclusive('\n')) {
                    current.begin(line, None);
                    current.text.push_str(piece.trim_end_matches('\n'));
                    current.flush(&mut blocks);
                    current.code = true;
                }
            }
            Event::Text(text) | Event::Code(text) if hidden == 0 => {
                if !current.open {
                    current.begin(line_of(range.start), None);
                }
                current.text.push_str(&text);
                current.content = true;
            }
            Event::SoftBreak => current.text.push('\n'),
            Event::HardBreak => {
                let heading = current.heading;
                current.flush(&mut blocks);
                current.begin(line_of(range.end), heading);
            }
            Event::InlineHtml(html) if is_break(&html) => {
                let heading = current.heading;
                current.flush(&mut blocks);
                current.begin(line_of(range.end), heading);
            }
            _ => {}
        }
    }
    current.flush(&mut blocks);
    if blocks.is_empty() {
        return Err(ImportError::NoText);
    }
    Ok(blocks)
}

/// The Block being gathered.
#[derive(Default)]
struct Current {
    open: bool,
    /// Whether text has come yet (an item's number is not text of its own).
    content: bool,
    code: bool,
    text: String,
    heading: Option<u8>,
    line: usize,
}

impl Current {
    fn begin(&mut self, line: usize, heading: Option<u8>) {
        if !self.open {
            self.open = true;
            self.line = line;
            self.heading = heading;
        }
    }

    fn flush(&mut self, blocks: &mut Vec<Block>) {
        if self.open {
            let text = join_lines(&self.text);
            let text = text
                .trim_start_matches(|c: char| c.is_whitespace())
                .trim_end();
            if !text.is_empty() {
                blocks.push(Block {
                    text: text.to_owned(),
                    heading: self.heading,
                    line: self.line,
                });
            }
        }
        *self = Current::default();
    }
}

/// A paragraph's soft-wrapped lines joined as a browser joins them: a space between words,
/// nothing between two wide (Chinese) characters.
pub(super) fn join_lines(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    for (i, &c) in chars.iter().enumerate() {
        if c != '\n' {
            out.push(c);
            continue;
        }
        let before = out.trim_end_matches([' ', '\t']).chars().next_back();
        let after = chars[i + 1..].iter().find(|c| !matches!(c, ' ' | '\t'));
        let both_wide = matches!((before, after), (Some(b), Some(a)) if wide(b) && wide(*a));
        let len = out.trim_end_matches([' ', '\t']).len();
        out.truncate(len);
        if !both_wide {
            out.push(' ');
        }
    }
    // Spaces that began the next line go too.
    let mut joined = String::with_capacity(out.len());
    let mut prev_space = false;
    for c in out.chars() {
        if c == ' ' && prev_space {
            continue;
        }
        prev_space = c == ' ';
        joined.push(c);
    }
    joined
}

/// An East Asian wide or full-width character: the ones a line break between is no space.
fn wide(c: char) -> bool {
    unicode_width::UnicodeWidthChar::width(c) == Some(2)
}

fn is_break(html: &str) -> bool {
    let tag = html.trim_start_matches('<').trim_start();
    tag.get(..2)
        .is_some_and(|name| name.eq_ignore_ascii_case("br"))
        && !tag[2..].starts_with(|c: char| c.is_ascii_alphanumeric())
}

/// The document's text: UTF-8 (a byte order mark dropped), UTF-16 with a byte order mark, or
/// GBK / GB18030 as Notepad saves it.
fn decode(bytes: &[u8]) -> Result<String, ImportError> {
    if bytes.is_empty() {
        return Err(ImportError::Empty);
    }
    if let Some((encoding, _)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, _, bad) = encoding.decode(bytes);
        return if bad {
            Err(ImportError::Binary)
        } else {
            Ok(text.into_owned())
        };
    }
    if bytes.contains(&0) {
        return Err(ImportError::Binary);
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok(text.to_owned());
    }
    encoding_rs::GB18030
        .decode_without_bom_handling_and_without_replacement(bytes)
        .map(|text| text.into_owned())
        .ok_or(ImportError::Binary)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blocks(source: &str) -> Vec<(String, Option<u8>, usize)> {
        super::super::shown(read(source.as_bytes()))
    }

    fn block(text: &str, heading: Option<u8>, line: usize) -> (String, Option<u8>, usize) {
        (text.to_owned(), heading, line)
    }

    #[test]
    fn headings_lists_and_paragraphs() {
        let source = "\
# 红星社区工会2027年工作计划

## 一、指导思想

以服务职工为中心，
推动工会工作
提质增效。

### （一）重点工作

- 1、开展技能比武
- 2、举办**职工运动会**

1. 三月：读书分享会
2. 四月：春季健步走

社区工会联合会
=============
";
        assert_eq!(
            blocks(source),
            [
                block("红星社区工会2027年工作计划", Some(1), 1),
                block("一、指导思想", Some(2), 3),
                // Soft-wrapped lines joined without a space between Chinese characters.
                block("以服务职工为中心，推动工会工作提质增效。", None, 5),
                block("（一）重点工作", Some(3), 9),
                // A bullet is Markdown's; a typed `1、` is the plan's.
                block("1、开展技能比武", None, 11),
                block("2、举办职工运动会", None, 12),
                // An ordered list shows its numbers.
                block("1. 三月：读书分享会", None, 14),
                block("2. 四月：春季健步走", None, 15),
                block("社区工会联合会", Some(1), 17),
            ]
        );
    }

    #[test]
    fn a_plan_written_in_markdown() {
        let source = include_str!("../../tests/fixtures/import/md/plan.md");
        assert_eq!(
            blocks(source),
            [
                block("白杨镇中心学校工会2027年上半年工作计划", Some(1), 1),
                block(
                    "新学期，学校工会将在学校党支部的领导下，围绕学校中心工作，努力为教职工办实事、做好事。",
                    None,
                    3
                ),
                block("一、工作目标", Some(2), 6),
                block("以建设“教工之家”为抓手，增强工会的凝聚力。", None, 8),
                block("二、具体工作", Some(2), 10),
                block("（一）加强民主管理", Some(3), 12),
                block("1、按时召开教职工代表大会。", None, 14),
                block("2、推进校务公开，听取教职工意见。", None, 15),
                block("（二）丰富文体活动", Some(3), 17),
                block("1. 三月：举办“三八”妇女节趣味活动", None, 19),
                block("2. 四月：组织春季登山活动", None, 20),
                block("三、工作安排", Some(2), 22),
                block("二月份：", None, 24),
                block("制订工会工作计划", None, 26),
                block("白杨镇中心学校工会", None, 28),
                block("2027年2月20日", None, 29),
            ]
        );
    }

    #[test]
    fn syntax_is_stripped_to_text() {
        let source = "\
1\\. 强化*思想*引领，开展`主题`教育
see the [plan](http://example.org) and
the words after it  
下一行![图](a.png)

    　　缩进四格的一行
    第二行

<div>一段网页</div><!-- 注释 -->

- 第一项

  它的第二段
";
        assert_eq!(
            blocks(source),
            [
                block(
                    "1. 强化思想引领，开展主题教育 see the plan and the words after it",
                    None,
                    1
                ),
                // Two trailing spaces are a hard break: a new Block.
                block("下一行", None, 4),
                block("缩进四格的一行", None, 6),
                block("第二行", None, 7),
                block("一段网页", None, 9),
                block("第一项", None, 11),
                block("它的第二段", None, 13),
            ]
        );
    }

    #[test]
    fn front_matter_and_tables() {
        let source = "---\ntitle: 计划\n---\n\n| 月份 | 工作 |\n| --- | --- |\n| 三月 | 植树 |\n";
        assert_eq!(
            blocks(source),
            [
                block("月份", None, 5),
                block("工作", None, 5),
                block("三月", None, 7),
                block("植树", None, 7),
            ]
        );
    }

    #[test]
    fn inline_html_is_no_text_but_a_break_splits() {
        assert_eq!(
            blocks("甲<?中?>乙<br/>丙<bdi>丁</bdi>"),
            [block("甲乙", None, 1), block("丙丁", None, 1)]
        );
    }

    proptest::proptest! {
        #[test]
        fn any_text_reads_without_a_panic(text in "[-#*>`<!?/ a-z0-9\n\\\\.、一中　\\[\\]()|]{0,80}") {
            let _ = read(text.as_bytes());
            let _ = super::super::html::read(text.as_bytes());
        }
    }

    #[test]
    fn nothing_to_read() {
        assert!(matches!(read(b""), Err(ImportError::Empty)));
        assert!(matches!(read(b" \n\n "), Err(ImportError::Empty)));
        assert!(matches!(read(b"---\n\n***\n"), Err(ImportError::NoText)));
        assert!(matches!(read(b"\x00\x01\x02PNG"), Err(ImportError::Binary)));
    }

    #[test]
    fn gbk_and_a_byte_order_mark() {
        let (gbk, _, _) = encoding_rs::GBK.encode("## 二、工作目标\n");
        assert_eq!(
            blocks(std::str::from_utf8(b"\xEF\xBB\xBF# x").unwrap()).len(),
            1
        );
        let read = read(&gbk).ok().map(|b| (b[0].text.clone(), b[0].heading));
        assert_eq!(read, Some(("二、工作目标".to_owned(), Some(2))));
    }
}
