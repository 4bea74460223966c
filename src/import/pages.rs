//! What a saved page holds besides the plan: the site's chrome, and several documents one
//! after another (篇一, 【第二篇】, `## 教育工会工作计划篇一`).

/// Words a site puts into a page it serves, never a plan's: dropped wherever they stand.
const CHROME: [&str; 10] = [
    "参考资料,少熬夜!",
    "参考资料，少熬夜！",
    "参考资料,少熬夜！",
    "参考资料，少熬夜!",
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
    for block in blocks {
        let mut text = block.text.clone();
        for chrome in CHROME {
            if text.contains(chrome) {
                page.dropped.push((block.line, chrome.to_owned()));
                text = text.replace(chrome, "");
            }
        }
        let mut heading = block.heading.is_some();
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
        if trimmed.is_empty() {
            blank = true;
            continue;
        }
        lines.push(Line {
            text: trimmed.to_owned(),
            line: block.line,
            after_blank: blank,
            heading,
        });
        blank = false;
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
    // Text before the first of several documents is the page's own (its heading, a blurb),
    // unless it is a plan itself: numbered lines.
    let numbered = |d: &Document| {
        (d.lines.iter())
            .filter(|l| crate::numerals::leading_marker(&l.text).is_some())
            .count()
    };
    if separated && numbered(&documents[0]) < 3 {
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
        assert_eq!(p.dropped, [(1, "范文汇编3篇".to_owned())]);
        let inline = page("封面【第一篇】一、学习。完。工会计划【第二篇】一、维权");
        assert_eq!(inline.documents.len(), 2);
        assert_eq!(texts(&inline.documents[1]), ["工会计划", "一、维权"]);
        // 篇 in a sentence is no separator.
        assert_eq!(page("征集了25篇文章。\n共评出3篇\n").documents.len(), 1);
    }

    #[test]
    fn chrome_is_dropped_where_it_stands() {
        let p = page("一、加强参考资料,少熬夜!学习\n下载本文\n");
        assert_eq!(texts(&p.documents[0]), ["一、加强学习"]);
        assert_eq!(p.dropped.len(), 2);
    }
}
