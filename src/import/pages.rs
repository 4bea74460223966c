//! What a saved page holds besides the plan: the site's chrome, and several documents one
//! after another (篇一, 【第二篇】, `## 教育工会工作计划篇一`).

/// A watermark a site puts into the text it serves, even inside a word: dropped wherever
/// it stands.
const WATERMARKS: [&str; 4] = [
    "参考资料,少熬夜!",
    "参考资料，少熬夜！",
    "参考资料,少熬夜！",
    "参考资料，少熬夜!",
];

/// A site's words around the text: dropped as a line of their own or at a line's start or
/// end, never out of a sentence (以下安排仅供参考，具体以通知为准。 keeps its words).
const CHROME: [&str; 6] = [
    "下载本文",
    "仅供参考",
    "返回首页",
    "本文由用户上传",
    "点击下载",
    "相关推荐",
];

/// A line of a document, with where it is in the source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub text: String,
    pub line: usize,
    /// A blank line stood before it.
    pub after_blank: bool,
    /// The source says it is a heading (a Markdown `#`, a Word heading).
    pub heading: bool,
    /// The spaces the source line opened with: where pages were pasted one after another,
    /// a document's first line often opens otherwise than the lines of the one before.
    pub indent: String,
}

/// One document of a page: its lines, and the line it starts at.
#[derive(Debug, Clone, Default)]
pub struct Document {
    pub lines: Vec<Line>,
    pub first_line: usize,
}

/// The page cleaned: its documents, and what was dropped, each with its line.
#[derive(Debug, Default)]
pub struct Page {
    pub documents: Vec<Document>,
    pub dropped: Vec<(usize, String)>,
}

/// A saved page's trail of links above its text: `首页 > 工作要点`, `当前位置：首页 » 范文`.
fn is_breadcrumb(text: &str) -> bool {
    text.chars().count() <= 60
        && ["首页", "当前位置", "您的位置", "您现在的位置"]
            .iter()
            .any(|w| text.contains(w))
        && text.contains(['>', '›', '»', '＞', '→'])
}

/// A saved page's line about the article: `发布时间：2026-12-20 来源：网络 阅读：1523次`.
fn is_page_info(text: &str) -> bool {
    let labels = [
        "发布时间",
        "发布日期",
        "更新时间",
        "来源",
        "作者",
        "阅读",
        "浏览",
        "点击",
        "编辑",
    ];
    let said = (labels.iter())
        .filter(|l| text.contains(&format!("{l}：")) || text.contains(&format!("{l}:")))
        .count();
    said >= 2 && text.chars().count() <= 80
}

fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{3000}' || c == '\u{feff}'
}

/// The number after 第 or 篇 that counts documents: 一 … 十, or digits.
fn count_at(text: &str) -> Option<(usize, usize)> {
    let digits: usize = text
        .chars()
        .take_while(|c| c.is_ascii_digit() || "一二三四五六七八九十".contains(*c))
        .map(char::len_utf8)
        .sum();
    let n = crate::numerals::parse_number(&text[..digits])?;
    (digits > 0 && n > 0).then_some((n as usize, digits))
}

/// Where a page starts its next document inside `text`, if it does: (start of the
/// separator, its end, the title before it as far back as the sentence goes).
fn separator(text: &str) -> Option<(usize, usize)> {
    // 【第二篇】 anywhere, 第二篇： at the start, 篇二 / 篇2 at the end of a short line.
    for (at, _) in text.match_indices("【第") {
        let rest = &text[at + "【第".len()..];
        if let Some((_, len)) = count_at(rest) {
            if rest[len..].starts_with("篇】") {
                return Some((at, at + "【第".len() + len + "篇】".len()));
            }
        }
    }
    if let Some(rest) = text.strip_prefix('第') {
        if let Some((_, len)) = count_at(rest) {
            let after = &rest[len..];
            if let Some(tail) = after.strip_prefix('篇') {
                let colon = tail
                    .chars()
                    .next()
                    .filter(|c| "：:、 ".contains(*c))
                    .map_or(0, char::len_utf8);
                if colon > 0 || tail.is_empty() {
                    return Some((0, text.len() - tail.len() + colon));
                }
            }
        }
    }
    if text.chars().count() <= 40 {
        if let Some(at) = text.rfind('篇') {
            let rest = &text[at + '篇'.len_utf8()..];
            if let Some((_, len)) = count_at(rest) {
                if len == rest.len() && at > 0 {
                    return Some((at, text.len()));
                }
            }
        }
    }
    None
}

/// Cleans a page and cuts it into its documents. Text before the first of several
/// documents (the page's own heading and blurb) is dropped with the chrome.
pub fn read(blocks: &[super::Block]) -> Page {
    let mut page = Page::default();
    let mut lines = Vec::new();
    let mut blank = false;
    let mut title_at = None;
    for block in blocks {
        // A tab inside a line (after a Word list's number), a form feed or a vertical tab
        // (text copied from a PDF) is a space to a plan; any other control character goes,
        // said, as a plan cannot hold it.
        let mut text = String::with_capacity(block.text.len());
        for c in block.text.chars() {
            match c {
                '\t' | '\u{b}' | '\u{c}' => text.push(' '),
                c if c.is_control() && c != '\n' && c != '\r' => {
                    page.dropped
                        .push((block.line, format!("U+{:04X}", c as u32)));
                }
                c => text.push(c),
            }
        }
        for mark in WATERMARKS {
            if text.contains(mark) {
                page.dropped.push((block.line, mark.to_owned()));
                text = text.replace(mark, "");
            }
        }
        for chrome in CHROME {
            let edge = |t: &str| {
                t.trim_matches(|c: char| is_space(c) || "|｜·-—".contains(c))
                    .to_owned()
            };
            let trimmed = edge(&text);
            let rest = if trimmed == chrome {
                Some(String::new())
            } else if let Some(rest) = trimmed.strip_prefix(chrome) {
                Some(edge(rest))
            } else {
                trimmed.strip_suffix(chrome).map(edge)
            };
            if let Some(rest) = rest {
                page.dropped.push((block.line, chrome.to_owned()));
                text = rest;
            }
        }
        let mut heading = block.heading.is_some();
        let indent: String = text.chars().take_while(|&c| is_space(c)).collect();
        // A quote's `>` of text copied from Markdown goes with the spaces around it.
        let trimmed = text.trim_matches(is_space);
        let trimmed = trimmed.trim_start_matches(|c: char| c == '>' || is_space(c));
        let hashes = trimmed.len() - trimmed.trim_start_matches('#').len();
        let trimmed = if (1..=6).contains(&hashes) && trimmed[hashes..].starts_with(' ') {
            heading = true;
            trimmed[hashes..].trim_matches(is_space)
        } else {
            trimmed
        };
        // A list's dash before a marker, in text copied from Markdown: `- 1、做好…`.
        let trimmed = match trimmed.strip_prefix(['-', '*', '+', '•', '·']) {
            Some(rest)
                if rest.starts_with(is_space)
                    && crate::numerals::leading_marker(rest.trim_start_matches(is_space))
                        .is_some() =>
            {
                rest.trim_start_matches(is_space)
            }
            _ => trimmed,
        };
        if trimmed.is_empty() {
            blank = true;
            continue;
        }
        if (lines.is_empty() && is_breadcrumb(trimmed))
            || (lines.len() < 4 && is_page_info(trimmed))
        {
            page.dropped.push((block.line, trimmed.to_owned()));
            continue;
        }
        if title_at.is_none() && block.heading == Some(1) && super::title::is_title(trimmed) {
            title_at = Some(lines.len());
        }
        lines.push(Line {
            text: trimmed.to_owned(),
            line: block.line,
            after_blank: blank,
            heading,
            indent,
        });
        blank = false;
    }
    // A page's title heading (a saved page's <h1>) starts the text: what stands above it is
    // the site's, its links, its trail and its 发布时间 line.
    if let Some(at) = title_at {
        page.dropped
            .extend(lines.drain(..at).map(|l| (l.line, l.text)));
    }
    // Cut at the separators, inline ones too (a run-on page).
    let mut documents: Vec<Document> = vec![Document::default()];
    let mut separated = false;
    for line in lines {
        let mut rest = line.text.as_str();
        loop {
            let Some((start, end)) = separator(rest) else {
                push(documents.last_mut().unwrap(), &line, rest);
                break;
            };
            separated = true;
            page.dropped
                .push((line.line, rest[start..end].trim().to_owned()));
            // The title of the next document is what stands before an inline separator,
            // back to the end of the last sentence.
            let before = &rest[..start];
            let cut = before
                .char_indices()
                .rev()
                .find(|&(_, c)| "。！？；!?;”".contains(c))
                .map(|(at, c)| at + c.len_utf8())
                .unwrap_or(0);
            push(documents.last_mut().unwrap(), &line, &before[..cut]);
            let mut next = Document {
                first_line: line.line,
                ..Document::default()
            };
            push(&mut next, &line, &before[cut..]);
            documents.push(next);
            rest = &rest[end..];
        }
    }
    // The page's own heading run on into the first document's title
    // (`工会工作计划【范例8篇】…工会工作计划【第一篇】`): the title the next document has ends it.
    if separated && documents.len() >= 3 {
        let next = documents[2].lines.first().map(|l| l.text.clone());
        let next = next.filter(|t| super::title::is_title(t));
        if let (Some(next), Some(first)) = (next, documents[1].lines.first_mut()) {
            if first.text.len() > next.len() && first.text.ends_with(&next) {
                let head = first.text[..first.text.len() - next.len()].to_owned();
                page.dropped.push((first.line, head));
                first.text = next;
            }
        }
    }
    let mut documents: Vec<Document> = documents.into_iter().flat_map(untitled).collect();
    // Text before the first of several documents is the page's own (its heading, a blurb),
    // unless it is a plan itself: numbered lines.
    let numbered = |d: &Document| numbered(&d.lines);
    let titled = |d: &Document| {
        (d.lines.first()).is_some_and(|l| super::title::is_title(&l.text)) && numbered(d) > 0
    };
    if separated && numbered(&documents[0]) < 3 && !titled(&documents[0]) {
        let preamble = documents.remove(0);
        page.dropped
            .extend((preamble.lines.into_iter()).map(|l| (l.line, l.text)));
    }
    documents.retain(|d| !d.lines.is_empty());
    if let Some(first) = documents.first_mut() {
        first.first_line = first.lines[0].line;
    }
    page.dropped.sort_by_key(|d| d.0);
    page.documents = documents;
    page
}

fn numbered(lines: &[Line]) -> usize {
    (lines.iter())
        .filter(|l| crate::numerals::leading_marker(&l.text).is_some())
        .count()
}

/// The kinds a document's title ends with; 安排 is left out, as it ends a schedule's label
/// (具体工作安排) as often as a title.
const TITLE_KINDS: [&str; 8] = [
    "计划", "总结", "思路", "要点", "打算", "計劃", "總結", "要點",
];

/// Whether a line is the title of a document of its own: a short unnumbered line naming a
/// union and ending with its kind (`2025年下半年学校工会工作计划`, `××工会工作总结(二)`).
fn is_document_title(text: &str) -> bool {
    let mut end = text.trim_end_matches(is_space);
    // A bracket closing the line: (二), [模版], （2025）, 【范文】.
    while let Some(open) = end
        .ends_with([')', '）', ']', '］', '】'])
        .then(|| end.rfind(['(', '（', '[', '［', '【']))
        .flatten()
    {
        end = end[..open].trim_end_matches(is_space);
    }
    // The year or the period a document's title names: 2025年, ××年, 年度, 学年, 下半年.
    let dated = ["年度", "学年", "学期", "半年", "學年", "學期"]
        .iter()
        .any(|w| text.contains(w))
        || text.char_indices().any(|(at, c)| {
            c == '年'
                && text[..at].chars().next_back().is_some_and(|d| {
                    d.is_ascii_digit()
                        || ('０'..='９').contains(&d)
                        || "xX×＊*〇○零一二三四五六七八九".contains(d)
                })
        });
    text.chars().count() <= 50
        && dated
        && (text.contains("工会") || text.contains("工會"))
        && TITLE_KINDS.iter().any(|k| end.ends_with(k))
        && crate::numerals::leading_marker(text).is_none()
        && !crate::text::ends_a_sentence(text)
}

/// Whether the lines after a title open a document: a numbering starting at 1 within
/// the next few lines, after at most a preface. A line like `制订工会工作计划` among the
/// items of a schedule is followed by more items or by the 落款, never by that.
fn opens_a_document(after: &[Line], top: Option<&(String, String)>) -> bool {
    let first = (after.iter().take(4)).find(|l| crate::numerals::leading_marker(&l.text).is_some());
    first.is_some_and(|l| {
        let typed = crate::numerals::leading_marker(&l.text).expect("found");
        typed.number == 1 && top_key(std::slice::from_ref(l)).as_ref() == top
    })
}

/// A document's first marker's form and number, where it opens the top level's sequence.
fn top_key(lines: &[Line]) -> Option<(String, String)> {
    let key = |text: &str| {
        let typed = crate::numerals::leading_marker(text)?;
        Some((
            typed.pattern.prefix.clone(),
            format!("{:?}{}", typed.pattern.numeral, typed.pattern.suffix),
        ))
    };
    lines.iter().find_map(|l| key(&l.text))
}

/// Cuts a document where another, given no separator, begins inside it:
/// - at a union's title line standing after numbered lines, as pasted pages run on
///   (`2025年下半年学校工会工作计划` after the last item of the plan before);
/// - where the top level's numbering starts again at 一 and the lines between open
///   otherwise than the document's lines do: a page pasted after another.
fn untitled(document: Document) -> Vec<Document> {
    if document.lines.is_empty() {
        // The empty text before a page's first separator, which the caller looks at.
        return vec![document];
    }
    let mut out = Vec::new();
    let mut current: Vec<Line> = Vec::new();
    // How the document's paragraphs open, and how its numbered lines do: headings often
    // stand flush where bodies indent. A line opening like neither is a page pasted in.
    let usual = |marked: bool| {
        let mut counts = std::collections::BTreeMap::new();
        for line in (document.lines.iter())
            .filter(|l| crate::numerals::leading_marker(&l.text).is_some() == marked)
        {
            *counts.entry(line.indent.as_str()).or_insert(0usize) += 1;
        }
        counts
            .into_iter()
            .max_by_key(|&(_, n)| n)
            .map(|(indent, _)| indent.to_owned())
    };
    let (paragraphs, marked) = (usual(false), usual(true));
    let unusual =
        |l: &Line| Some(&l.indent) != paragraphs.as_ref() && Some(&l.indent) != marked.as_ref();
    // The top level's last number, and where the unnumbered lines after its last item
    // began in `current`.
    let mut reached = 0;
    let mut since_marker: Option<usize> = None;
    let top = top_key(&document.lines);
    let starts: Vec<bool> = (0..document.lines.len())
        .map(|i| opens_a_document(&document.lines[i + 1..], top.as_ref()))
        .collect();
    // A title naming two kinds (2025年工作总结暨2026年工作计划) has parts titled alike.
    let two_kinds = document.lines.first().is_some_and(|l| {
        let kinds = TITLE_KINDS
            .iter()
            .map(|k| l.text.matches(k).count())
            .sum::<usize>();
        kinds >= 2 && super::title::is_title(&l.text)
    });
    for (line, starts) in document.lines.into_iter().zip(starts) {
        let typed = crate::numerals::leading_marker(&line.text);
        let mut cut = None;
        if numbered(&current) >= 3 && starts && !two_kinds && is_document_title(&line.text) {
            cut = Some(current.len());
        }
        if let Some(typed) = &typed {
            let key = (
                typed.pattern.prefix.clone(),
                format!("{:?}{}", typed.pattern.numeral, typed.pattern.suffix),
            );
            if Some(&key) == top.as_ref() {
                if typed.number == 1 && reached >= 3 {
                    // The first line after the last item that opens otherwise: the last
                    // item's own paragraphs before it stay with it.
                    cut = since_marker
                        .and_then(|at| (at..current.len()).find(|&k| unusual(&current[k])));
                }
                reached = typed.number;
            }
            since_marker = None;
        } else if since_marker.is_none() {
            since_marker = Some(current.len());
        }
        if let Some(at) = cut {
            let rest = current.split_off(at);
            if !current.is_empty() {
                out.push(lines_document(std::mem::take(&mut current)));
            }
            current = rest;
            reached = typed.as_ref().map_or(0, |t| {
                if top_key(std::slice::from_ref(&line)) == top {
                    t.number
                } else {
                    0
                }
            });
            since_marker = if typed.is_some() || current.is_empty() {
                None
            } else {
                Some(0)
            };
        }
        current.push(line);
    }
    if !current.is_empty() {
        out.push(lines_document(current));
    }
    out
}

fn lines_document(lines: Vec<Line>) -> Document {
    Document {
        first_line: lines.first().map_or(0, |l| l.line),
        lines,
    }
}

fn push(document: &mut Document, line: &Line, text: &str) {
    let text = text.trim_matches(is_space);
    if text.is_empty() {
        return;
    }
    if document.lines.is_empty() {
        document.first_line = line.line;
    }
    document.lines.push(Line {
        text: text.to_owned(),
        ..line.clone()
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::Block;

    fn page(text: &str) -> Page {
        let blocks: Vec<Block> = text
            .lines()
            .enumerate()
            .map(|(i, t)| Block {
                text: t.to_owned(),
                heading: None,
                line: i + 1,
            })
            .collect();
        read(&blocks)
    }

    fn texts(d: &Document) -> Vec<&str> {
        d.lines.iter().map(|l| l.text.as_str()).collect()
    }

    #[test]
    fn documents_of_a_page_in_each_form() {
        let p = page("范文汇编3篇\n\n## 工会计划篇一\n一、学习\n工会计划 篇2\n二、维权\n第三篇：工会要点\n三、关爱\n");
        assert_eq!(p.documents.len(), 3);
        assert_eq!(texts(&p.documents[0]), ["工会计划", "一、学习"]);
        assert_eq!(texts(&p.documents[1]), ["工会计划", "二、维权"]);
        assert_eq!(texts(&p.documents[2]), ["工会要点", "三、关爱"]);
        // The separators go too, said with the page's heading.
        let dropped: Vec<&str> = p.dropped.iter().map(|d| d.1.as_str()).collect();
        assert_eq!(dropped, ["范文汇编3篇", "篇一", "篇2", "第三篇："]);
        let inline = page("封面【第一篇】一、学习。完。工会计划【第二篇】一、维权");
        assert_eq!(inline.documents.len(), 2);
        assert_eq!(texts(&inline.documents[1]), ["工会计划", "一、维权"]);
        // The page's heading before the first document's title goes, said.
        let headed = page("工会计划【范例2篇】一、计划的分类工会计划【第一篇】一、学习。工会计划【第二篇】一、维权");
        assert_eq!(texts(&headed.documents[0]), ["工会计划", "一、学习。"]);
        let dropped: Vec<&str> = headed.dropped.iter().map(|d| d.1.as_str()).collect();
        assert_eq!(
            dropped,
            [
                "【第一篇】",
                "【第二篇】",
                "工会计划【范例2篇】一、计划的分类"
            ]
        );
        // 篇 in a sentence is no separator.
        assert_eq!(page("征集了25篇文章。\n共评出3篇\n").documents.len(), 1);
    }

    #[test]
    fn documents_run_on_without_a_separator() {
        // A union's title line after numbered lines starts the next document.
        let p = page("一、学习\n二、维权\n三、关爱\n2025年下半年学校工会工作计划\n一、指导思想\n");
        assert_eq!(p.documents.len(), 2);
        assert_eq!(
            texts(&p.documents[1]),
            ["2025年下半年学校工会工作计划", "一、指导思想"]
        );
        // The same line before any numbering is the document's own title; a part's
        // heading without a union in it (下半年工作思路) or ending with a colon is none.
        assert_eq!(page("城东中学工会工作计划\n一、学习\n").documents.len(), 1);
        let p = page("一、学习\n二、维权\n三、关爱\n下半年工作思路\n一、学习\n");
        assert_eq!(p.documents.len(), 1);
        assert_eq!(
            page("一、学习\n二、维权\n三、关爱\n工会工作计划：\n一、学习\n")
                .documents
                .len(),
            1
        );
        // An item that names a plan is no title: no numbering opens after it.
        let item = "一、学习\n二、维权\n三、安排\n二月份：\n1、学习。\n2、制订2027年工会工作计划\n3、慰问。\n城东中学工会\n";
        assert_eq!(page(item).documents.len(), 1);
        // Pages pasted one after another: the numbering starts again at 一, and the
        // lines between open otherwise than the document's lines do.
        let pasted = "\t一、学习\n\t组织学习。\n\t二、维权\n\t召开教代会。\n\t三、关爱\n\t慰问。\n \t新学期，工会将团结教职工。\n\t一、建家\n";
        let p = page(pasted);
        assert_eq!(p.documents.len(), 2);
        assert_eq!(
            texts(&p.documents[1]),
            ["新学期，工会将团结教职工。", "一、建家"]
        );
        // Opening alike, it is one document whose numbering starts again.
        assert_eq!(page(&pasted.replace(" \t", "\t")).documents.len(), 1);
        // Headings flush and bodies indented is one document's layout.
        let layout = "城东中学工会2026年工作计划\n\u{3000}\u{3000}今年工会将维权。\n一、学习\n\u{3000}\u{3000}组织学习。\n二、维权\n\u{3000}\u{3000}召开教代会。\n三、关爱\n\u{3000}\u{3000}慰问困难教职工。\n重点工作\n一、建家\n\u{3000}\u{3000}建设教工之家。\n";
        assert_eq!(page(layout).documents.len(), 1);
        // A part titled like a document, in a document whose title names both parts.
        let parts = "城东中学工会2025年工作总结暨2026年工作计划\n2025年工会工作总结\n一、学习\n二、维权\n三、关爱\n城东中学工会2026年工会工作计划\n一、指导思想\n";
        assert_eq!(page(parts).documents.len(), 1);
        // A schedule's item naming a plan, with the months' 1、 after it.
        let item = "一、学习\n二、维权\n三、具体工作安排\n十二月份：\n做好城东中学工会2026年度工作总结\n一月份：\n1、开展迎新年活动。\n";
        assert_eq!(page(item).documents.len(), 1);
        // A first plan too short to be a page's heading stays a document.
        let short =
            "城东中学工会2026年工作计划\n一、学习\n二、维权\n城南小学工会工作计划 篇二\n一、建家\n";
        assert_eq!(page(short).documents.len(), 2);
    }

    #[test]
    fn a_pages_trail_of_links_goes() {
        let p = page("当前位置：首页 > 范文 > 工作计划\n城东中学工会工作计划\n一、学习\n");
        assert_eq!(texts(&p.documents[0]), ["城东中学工会工作计划", "一、学习"]);
        assert_eq!(
            p.dropped,
            [(1, "当前位置：首页 > 范文 > 工作计划".to_owned())]
        );
    }

    #[test]
    fn a_saved_pages_text_starts_at_its_title_heading() {
        let blocks = [
            ("工作计划 | 工作总结 | 登录", None),
            ("社区工会2027年工作计划", Some(1)),
            ("发布时间：2026-12-20 来源：网络 阅读：1523次", None),
            ("一、学习", None),
        ];
        let blocks: Vec<Block> = (blocks.iter().enumerate())
            .map(|(i, (t, h))| Block {
                text: (*t).to_owned(),
                heading: *h,
                line: i + 1,
            })
            .collect();
        let p = read(&blocks);
        assert_eq!(
            texts(&p.documents[0]),
            ["社区工会2027年工作计划", "一、学习"]
        );
        assert_eq!(p.dropped.len(), 2);
    }

    #[test]
    fn control_characters_are_spaces_or_go() {
        let p = page("一、加强\u{c}学习\u{19}\n");
        assert_eq!(texts(&p.documents[0]), ["一、加强 学习"]);
        assert_eq!(p.dropped, [(1, "U+0019".to_owned())]);
    }

    #[test]
    fn a_lists_dash_before_a_marker_goes() {
        let p = page("- 1、做好档案工作。\n- 开展活动\n");
        assert_eq!(texts(&p.documents[0]), ["1、做好档案工作。", "- 开展活动"]);
    }

    #[test]
    fn chrome_is_dropped_where_it_stands() {
        let p = page("一、加强参考资料,少熬夜!学习\n下载本文\n");
        assert_eq!(texts(&p.documents[0]), ["一、加强学习"]);
        assert_eq!(p.dropped.len(), 2);
        // The site's words inside a sentence are the sentence's.
        let p = page("一、以下安排仅供参考，具体以学校通知为准。\n二、维权 | 返回首页\n");
        assert_eq!(
            texts(&p.documents[0]),
            ["一、以下安排仅供参考，具体以学校通知为准。", "二、维权"]
        );
    }
}
