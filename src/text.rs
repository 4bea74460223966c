//! Text every stage shares: the lines of a file and their breaks, and how a path is named.

use std::path::Path;

/// The byte offset where each line of `source` starts. A line ends as it does for YAML and
/// for editors: at `\n`, at `\r\n`, or at a lone `\r` (old Mac files).
pub fn line_starts(source: &str) -> Vec<usize> {
    let bytes = source.as_bytes();
    std::iter::once(0)
        .chain(
            bytes
                .iter()
                .enumerate()
                .filter(|&(i, &b)| b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n')))
                .map(|(i, _)| i + 1),
        )
        .collect()
}

/// Where the line holding byte `offset` of `source` ends: at its line break, not counting
/// the break (any of `\n`, `\r\n` and `\r`).
pub fn line_end(source: &str, offset: usize) -> usize {
    source[offset..]
        .find(['\n', '\r'])
        .map_or(source.len(), |i| offset + i)
}

/// The lines of `source`, without their breaks, which may be `\n`, `\r\n` or a lone `\r`.
pub fn lines(source: &str) -> impl Iterator<Item = &str> {
    // Found one at a time: the views of a plan's texts take their lines by this, and most
    // texts are one line.
    let mut rest = (!source.is_empty()).then_some(source);
    std::iter::from_fn(move || {
        let text = rest?;
        let Some(end) = text.bytes().position(|b| b == b'\n' || b == b'\r') else {
            rest = None;
            return Some(text);
        };
        let next = end
            + if text[end..].starts_with("\r\n") {
                2
            } else {
                1
            };
        rest = (next < text.len()).then(|| &text[next..]);
        Some(&text[..end])
    })
}

/// Whether a title ends as a sentence or a lead-in does (。；：！？ or an ellipsis, full- or
/// half-width, before any closing quote or bracket), so that a body may run on after it on
/// the same line without the two reading as one phrase: 学习为先。教师必需… but never
/// 加强民主管理每学年召开…
pub fn ends_a_sentence(title: &str) -> bool {
    let closing = |c: char| "”’\"'」』》〉）)】〕".contains(c);
    let last = title.trim_end().chars().rev().find(|&c| !closing(c));
    last.is_some_and(|c| "。；：！？….;:!?．".contains(c))
}

/// How a path is named in every message: `-` as `<stdin>`, and everything that would not
/// show as itself escaped, so that two different names never look alike: a byte that is not
/// UTF-8 as `\xFF`, a control character as `\u{1B}`, and (where it does not separate folders)
/// a backslash as `\\`.
pub fn display_name(path: &Path) -> String {
    if path == Path::new("-") {
        return "<stdin>".to_owned();
    }
    let mut out = String::new();
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        for chunk in path.as_os_str().as_bytes().utf8_chunks() {
            for c in chunk.valid().chars() {
                escape_char(&mut out, c);
            }
            for byte in chunk.invalid() {
                out.push_str(&format!("\\x{byte:02X}"));
            }
        }
    }
    #[cfg(windows)]
    {
        use std::os::windows::ffi::OsStrExt;
        for c in char::decode_utf16(path.as_os_str().encode_wide()) {
            match c {
                Ok(c) => escape_char(&mut out, c),
                Err(e) => out.push_str(&format!("\\u{{{:X}}}", e.unpaired_surrogate())),
            }
        }
    }
    #[cfg(not(any(unix, windows)))]
    for c in path.to_string_lossy().chars() {
        escape_char(&mut out, c);
    }
    out
}

fn escape_char(out: &mut String, c: char) {
    if c.is_control() {
        out.push_str(&format!("\\u{{{:X}}}", c as u32));
    } else if c == '\\' && !std::path::is_separator(c) {
        out.push_str("\\\\");
    } else {
        out.push(c);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_that_end_as_a_sentence() {
        for title in [
            "学习为先。",
            "开展“三八”节庆祝活动：",
            "维权为实；",
            "提高素质！",
            "怎样做？",
            "等等……",
            "活动安排:",
            "组织“读书月”活动。”",
            "学习《工会法》。 ",
        ] {
            assert!(ends_a_sentence(title), "{title}");
        }
        for title in [
            "加强民主管理",
            "关心女教职工，",
            "学习《工会法》",
            "（重点）",
            "",
        ] {
            assert!(!ends_a_sentence(title), "{title}");
        }
    }

    #[test]
    fn lines_end_at_lf_crlf_and_a_lone_cr() {
        let source = "a\nb\r\nc\rd\r\re";
        assert_eq!(line_starts(source), [0, 2, 5, 7, 9, 10]);
        assert_eq!(
            lines(source).collect::<Vec<_>>(),
            ["a", "b", "c", "d", "", "e"]
        );
        assert_eq!(lines("a\r").collect::<Vec<_>>(), ["a"]);
    }

    #[test]
    fn names_that_would_not_show_as_themselves_are_escaped() {
        assert_eq!(display_name(Path::new("-")), "<stdin>");
        assert_eq!(
            display_name(Path::new("plans/计划.yaml")),
            "plans/计划.yaml"
        );
        assert_eq!(
            display_name(Path::new("a\u{1b}]0;x\u{7}.yaml")),
            "a\\u{1B}]0;x\\u{7}.yaml"
        );
        #[cfg(unix)]
        {
            use std::ffi::OsStr;
            use std::os::unix::ffi::OsStrExt;
            let name = |bytes: &[u8]| display_name(Path::new(OsStr::from_bytes(bytes)));
            assert_eq!(name(b"\xff.yaml"), "\\xFF.yaml");
            assert_ne!(name(b"\xff.yaml"), name(b"\xfe.yaml"));
            // Neither a backslash typed in a name nor a character U+0085 looks like a byte.
            assert_eq!(name(b"\\xFF.yaml"), "\\\\xFF.yaml");
            assert_ne!(name("\u{85}".as_bytes()), name(b"\x85"));
        }
    }
}
