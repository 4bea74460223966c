//! A saved web page → paragraphs: the text of its blocks and headings as a browser lays them
//! out, the page's scripts, styles, navigation and forms left out.

use html5gum::{DefaultEmitter, Token, Tokenizer};

use super::markdown::join_lines;
use super::{Block, ImportError};
use crate::text::line_starts;

/// Elements whose content is no part of the page's text.
const IGNORED: &[&str] = &[
    "script", "style", "noscript", "template", "title", "nav", "header", "footer", "aside",
    "select", "textarea", "button", "option", "iframe", "object", "svg", "math", "canvas", "audio",
    "video", "map",
];

/// Elements that start and end a line of their own.
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "blockquote",
    "body",
    "caption",
    "center",
    "dd",
    "details",
    "dialog",
    "dir",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "html",
    "legend",
    "li",
    "main",
    "menu",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
];

/// Elements that never have content (so never an end tag to wait for).
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];

/// Reads a saved page: one Block per paragraph, heading, list item or table cell (`<br>`
/// splits one), `line` where its text starts.
pub fn read(bytes: &[u8]) -> Result<Vec<Block>, ImportError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(ImportError::Empty);
    }
    let source = decode(bytes)?;
    let starts = line_starts(&source);
    let line_of = |offset: usize| starts.partition_point(|&s| s <= offset);

    let mut emitter = DefaultEmitter::<usize>::new_with_span();
    // Script and style content is raw text, as the tree builder would have the tokenizer read it.
    emitter.naively_switch_states(true);
    let mut page = Page::default();
    for token in Tokenizer::new_with_emitter(source.as_str(), emitter) {
        let Ok(token) = token;
        match token {
            Token::StartTag(tag) => {
                let name = String::from_utf8_lossy(&tag.name).to_ascii_lowercase();
                let void = VOID.contains(&name.as_str()) || tag.self_closing;
                if let Some((skipping, depth)) = &mut page.skip {
                    if *skipping == name && !void {
                        *depth += 1;
                    }
                    continue;
                }
                let attribute = |key: &str| {
                    tag.attributes
                        .get(key.as_bytes())
                        .map(|v| String::from_utf8_lossy(v).to_ascii_lowercase())
                };
                let hidden = attribute("hidden").is_some()
                    || attribute("aria-hidden").as_deref() == Some("true")
                    || attribute("style").is_some_and(|style| {
                        let style: String = style.split_whitespace().collect();
                        style.contains("display:none") || style.contains("visibility:hidden")
                    });
                // An article's own header holds its title; the page's header is the site's.
                let own_header = page.articles > 0 && matches!(name.as_str(), "header" | "footer");
                if !void && ((IGNORED.contains(&name.as_str()) && !own_header) || hidden) {
                    page.skip = Some((name, 1));
                    continue;
                }
                if matches!(name.as_str(), "article" | "main") {
                    page.articles += 1;
                }
                page.start(&name, attribute("start"));
            }
            Token::EndTag(tag) => {
                let name = String::from_utf8_lossy(&tag.name).to_ascii_lowercase();
                if let Some((skipping, depth)) = &mut page.skip {
                    if *skipping == name {
                        *depth -= 1;
                        if *depth == 0 {
                            page.skip = None;
                        }
                    }
                    continue;
                }
                if matches!(name.as_str(), "article" | "main") {
                    page.articles = page.articles.saturating_sub(1);
                }
                page.end(&name);
            }
            Token::String(text) if page.skip.is_none() => {
                let at = text.span.start;
                let text = String::from_utf8_lossy(&text.value);
                if !page.texted {
                    // The line where the text itself starts, past the breaks before it.
                    let lead = text.len() - text.trim_start().len();
                    if lead < text.len() {
                        page.line = line_of(at) + text[..lead].matches('\n').count();
                        page.texted = true;
                    }
                }
                page.push(&text);
            }
            _ => {}
        }
    }
    page.flush();
    if page.blocks.is_empty() {
        return Err(ImportError::NoText);
    }
    Ok(page.blocks)
}

/// The page's Blocks as they are gathered.
#[derive(Default)]
struct Page {
    blocks: Vec<Block>,
    /// The text of the Block being gathered, its white space as written.
    current: String,
    /// Where that text starts, once some has come.
    line: usize,
    texted: bool,
    /// The heading being read, if any.
    heading: Option<u8>,
    /// Depth inside `<pre>`, where white space is kept and lines are lines.
    pre: usize,
    /// The element being skipped, with the depth of its own name inside it.
    skip: Option<(String, usize)>,
    /// The open lists: the next number of an ordered one.
    lists: Vec<Option<i64>>,
    /// Whether the text gathered is an ordered item's number alone.
    numbered: bool,
    /// Depth inside `<article>` or `<main>`.
    articles: usize,
}

impl Page {
    fn start(&mut self, name: &str, start: Option<String>) {
        if name == "br" {
            self.flush();
            return;
        }
        if !BLOCKS.contains(&name) {
            return;
        }
        // A paragraph inside an ordered item goes after the item's number.
        let into_item = self.numbered && matches!(name, "p" | "div");
        if !into_item {
            self.flush();
        }
        match name {
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                self.heading = name[1..].parse().ok();
            }
            "pre" => self.pre += 1,
            "ul" | "menu" | "dir" => self.lists.push(None),
            "ol" => self
                .lists
                .push(Some(start.and_then(|s| s.trim().parse().ok()).unwrap_or(1))),
            "li" => {
                // The number a browser shows before an ordered list's item.
                if let Some(Some(n)) = self.lists.last_mut() {
                    self.current = format!("{n}. ");
                    self.numbered = true;
                    *n += 1;
                }
            }
            _ => {}
        }
    }

    fn end(&mut self, name: &str) {
        if !BLOCKS.contains(&name) {
            return;
        }
        self.flush();
        match name {
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => self.heading = None,
            "pre" => self.pre = self.pre.saturating_sub(1),
            "ul" | "menu" | "dir" | "ol" => {
                self.lists.pop();
            }
            _ => {}
        }
    }

    fn push(&mut self, text: &str) {
        if !text.trim().is_empty() {
            self.numbered = false;
        }
        if self.pre > 0 {
            // Lines of preformatted text are lines.
            let mut pieces = text.split('\n');
            if let Some(first) = pieces.next() {
                self.current.push_str(first);
            }
            for piece in pieces {
                self.flush();
                self.line += 1;
                self.texted = true;
                self.current.push_str(piece);
            }
        } else {
            self.current.push_str(text);
        }
    }

    fn flush(&mut self) {
        self.texted = false;
        self.numbered = false;
        let text = std::mem::take(&mut self.current);
        let text = if self.pre > 0 {
            text.replace('\u{a0}', " ")
        } else {
            collapse(&text)
        };
        let text = text.trim_start_matches(char::is_whitespace).trim_end();
        // An ordered item's number alone is no text.
        let bare_number = text
            .strip_suffix('.')
            .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
        if !text.is_empty() && !bare_number {
            self.blocks.push(Block {
                text: text.to_owned(),
                heading: self.heading,
                line: self.line,
            });
        }
    }
}

/// White space collapsed as a browser collapses it: each run one space, a run holding a line
/// break between two wide (Chinese) characters none; `&nbsp;` a space that stays.
fn collapse(text: &str) -> String {
    let mut lines = String::with_capacity(text.len());
    let mut run: Option<bool> = None;
    for c in text.chars() {
        if matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0C') {
            let newline = c == '\n' || c == '\r';
            run = Some(run.unwrap_or(false) || newline);
            continue;
        }
        if let Some(newline) = run.take() {
            lines.push(if newline { '\n' } else { ' ' });
        }
        lines.push(c);
    }
    if run.is_some() {
        lines.push(' ');
    }
    join_lines(&lines).replace('\u{a0}', " ")
}

/// The page's text: by its byte order mark, else the charset its `<meta>` declares, else UTF-8,
/// else GBK (what Chinese sites served for years).
fn decode(bytes: &[u8]) -> Result<String, ImportError> {
    if let Some((encoding, _)) = encoding_rs::Encoding::for_bom(bytes) {
        return Ok(encoding.decode(bytes).0.into_owned());
    }
    // A page saved as UTF-8 keeps the meta of the GBK page it was (editors and browsers
    // re-save without touching it): text that is valid UTF-8 beyond ASCII is UTF-8, as
    // GBK text almost never is.
    if let Ok(text) = std::str::from_utf8(bytes) {
        if !text.is_ascii() {
            return Ok(text.to_owned());
        }
    }
    if let Some(encoding) = declared(bytes) {
        let encoding = encoding.output_encoding();
        return Ok(encoding.decode_without_bom_handling(bytes).0.into_owned());
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text.to_owned()),
        Err(_) => {
            if bytes.contains(&0) {
                return Err(ImportError::Binary);
            }
            Ok(encoding_rs::GB18030
                .decode_without_bom_handling(bytes)
                .0
                .into_owned())
        }
    }
}

/// The encoding a `<meta charset>` or `<meta http-equiv="Content-Type" content="…;
/// charset=…">` names near the top of the page, as a browser's prescan looks for it.
fn declared(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let head = &bytes[..bytes.len().min(4096)];
    let lower: Vec<u8> = head.to_ascii_lowercase();
    let mut from = 0;
    while let Some(at) = find(&lower[from..], b"<meta") {
        let start = from + at;
        let end = lower[start..]
            .iter()
            .position(|&b| b == b'>')
            .map_or(lower.len(), |e| start + e);
        let tag = &lower[start..end];
        if let Some(c) = find(tag, b"charset") {
            let rest = &tag[c + b"charset".len()..];
            let rest = rest
                .iter()
                .position(|&b| !b.is_ascii_whitespace())
                .map_or(&rest[rest.len()..], |i| &rest[i..]);
            if let Some(value) = rest.strip_prefix(b"=") {
                let value: Vec<u8> = value
                    .iter()
                    .copied()
                    .skip_while(|b| b.is_ascii_whitespace() || *b == b'"' || *b == b'\'')
                    .take_while(|b| !b.is_ascii_whitespace() && !b";\"'/".contains(b))
                    .collect();
                if let Some(encoding) = encoding_rs::Encoding::for_label(&value) {
                    return Some(encoding);
                }
            }
        }
        from = end;
    }
    None
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blocks(bytes: &[u8]) -> Vec<(String, Option<u8>, usize)> {
        super::super::shown(read(bytes))
    }

    fn block(text: &str, heading: Option<u8>, line: usize) -> (String, Option<u8>, usize) {
        (text.to_owned(), heading, line)
    }

    #[test]
    fn a_saved_page_without_its_chrome() {
        let page = include_bytes!("../../tests/fixtures/import/html/saved-page.html");
        assert_eq!(
            blocks(page),
            [
                block("青松街道总工会2027年工作计划", Some(1), 19),
                // The indent typed as &emsp; goes; a line break between Chinese is no space.
                block(
                    "2027年，街道总工会将紧紧围绕街道党工委的中心工作，以服务职工为根本，扎实推进各项工作。",
                    None,
                    21
                ),
                block("一、指导思想", Some(2), 23),
                block(
                    "坚持以职工为中心的工作导向，突出维权服务，推动工会工作创新发展。",
                    None,
                    24
                ),
                block("二、主要工作", Some(2), 25),
                // <br> splits a paragraph; &nbsp; is a space.
                block("（一）加强组织建设", None, 26),
                block("1、推进新就业形态劳动者入会。", None, 26),
                block("2、规范基层工会换届选举 工作。", None, 26),
                block("（二）做好帮扶服务", None, 27),
                block("开展“金秋助学”活动", None, 30),
                block("走访慰问困难职工。", None, 31),
                block("三月份", None, 33),
                block("庆祝“三八”妇女节", None, 33),
                block("青松街道总工会", None, 35),
                block("2027年1月8日", None, 35),
            ]
        );
    }

    #[test]
    fn an_older_page_in_gbk() {
        let page = include_bytes!("../../tests/fixtures/import/html/gbk-page.html");
        assert_eq!(
            blocks(page),
            [
                // A breadcrumb outside `<nav>` is text here; dropping site chrome is the genre's.
                block("首页 > 工作要点", None, 8),
                block("市直机关工会2027年工作要点", Some(2), 10),
                block(
                    "2027年机关工会工作的总体思路是：围绕中心、服务大局，",
                    None,
                    11
                ),
                block("突出服务职工，加强自身建设。", None, 12),
                block("一、强化思想引领", None, 13),
                block("1.组织干部职工参加理论学习。", None, 14),
                block("2.开展“最美机关人”评选活动。", None, 15),
                block("二、维护职工权益", None, 16),
                block("1.落实职工疗休养制度。", None, 17),
                block("市直机关工会", None, 18),
                block("二〇二七年一月十日", None, 18),
            ]
        );
    }

    #[test]
    fn utf8_whatever_the_meta_says() {
        let page = "<meta charset=\"gb2312\"><p>一、工会工作要点</p>";
        assert_eq!(
            blocks(page.as_bytes()),
            [block("一、工会工作要点", None, 1)]
        );
    }

    #[test]
    fn gbk_by_its_meta_charset() {
        let (body, _, _) = encoding_rs::GBK.encode("<p>一、工会工作要点</p>");
        for meta in [
            &b"<meta charset=\"gb2312\">"[..],
            b"<META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=GBK\">",
        ] {
            let page = [meta, &body].concat();
            assert_eq!(blocks(&page), [block("一、工会工作要点", None, 1)]);
        }
        // Undeclared: UTF-8 if it is, else GBK.
        assert_eq!(blocks(&body), [block("一、工会工作要点", None, 1)]);
    }

    #[test]
    fn white_space_as_a_browser_lays_it_out() {
        let page = "<div>\n  开展 <i>workers'</i>\n  day   活动\n  <pre>一月\n  二月</pre>\n  &#x4e00;&amp;二 &lt;三&gt;</div>";
        assert_eq!(
            blocks(page.as_bytes()),
            [
                block("开展 workers' day 活动", None, 2),
                block("一月", None, 4),
                block("二月", None, 5),
                block("一&二 <三>", None, 6),
            ]
        );
        let ordered =
            "<ol start=\"3\"><li>读书会</li><li>  </li><li><p>座谈会</p><p>第二段</p></li></ol>";
        assert_eq!(
            blocks(ordered.as_bytes()),
            [
                block("3. 读书会", None, 1),
                block("5. 座谈会", None, 1),
                block("第二段", None, 1)
            ]
        );
    }

    #[test]
    fn an_articles_own_header_is_kept() {
        let page = "<header><h1>某某网</h1></header><main><article><header><h1>工会工作要点</h1></header>\
                    <p>正文。</p><footer>2027年3月1日</footer></article></main><footer>备案号</footer>";
        assert_eq!(
            blocks(page.as_bytes()),
            [
                block("工会工作要点", Some(1), 1),
                block("正文。", None, 1),
                block("2027年3月1日", None, 1),
            ]
        );
    }

    #[test]
    fn nothing_to_read() {
        assert!(matches!(read(b""), Err(ImportError::Empty)));
        assert!(matches!(read(b"  \n"), Err(ImportError::Empty)));
        let chrome = b"<html><head><title>t</title><script>var a;</script></head><body><nav>\xe8\xbf\x94\xe5\x9b\x9e</nav><!-- x --><img src=a.png></body></html>";
        assert!(matches!(read(chrome), Err(ImportError::NoText)));
    }
}
