//! Replacements written for the templates of unionplan 0.1, refused with what to do.
//!
//! Remove in 0.4 (this file and its one call in `Templates::new`). A folder ejected from 0.1
//! fails on names the built-ins no longer give, or quietly lays out nothing; this says why
//! and what to do, for the releases that people upgrading from 0.1 meet first. By 0.4 the
//! 0.1 layout is three releases old, and an ejected file names the version it came from in
//! its first line. The test `the_detector_is_gone_by_0_4` fails once the version reaches it.

use std::path::Path;

use crate::error::{Error, TemplateFault};

/// Refuses `source`, the replacement for the built-in `name` in `folder`, if it is written
/// for the built-ins of unionplan 0.1.
pub(super) fn refuse(folder: &Path, name: &str, source: &str) -> Result<(), Error> {
    match old_layout(name, source) {
        None => Ok(()),
        Some(line) => Err(Error::Template {
            name: folder.join(name).display().to_string(),
            line: Some(line),
            fault: TemplateFault::OldLayout,
        }),
    }
}

/// The line of a replacement for `name` written for the built-ins of unionplan 0.1, which
/// laid out the sections with the macros `node` (node.<ext>) and `schedule`
/// (schedule.<ext>), imported by plan.<ext> and node.<ext>. Such a file would lay out
/// nothing (a schedule.html that only defines its macro) or fail on names the built-ins of
/// today do not give it. Comments are not read.
fn old_layout(name: &str, source: &str) -> Option<usize> {
    let old_macro = match name.split('.').next() {
        Some("node") => "node",
        Some("schedule") => "schedule",
        Some("plan") => "",
        _ => return None,
    };
    let imported = |word: &&str| matches!(*word, "node" | "schedule");
    let mut in_comment = false;
    source
        .lines()
        .position(|line| {
            // The text outside {# … #}, which may span lines.
            let mut code = String::new();
            let mut rest = line;
            loop {
                let marker = if in_comment { "#}" } else { "{#" };
                let Some((before, after)) = rest.split_once(marker) else {
                    if !in_comment {
                        code.push_str(rest);
                    }
                    break;
                };
                if !in_comment {
                    code.push_str(before);
                }
                in_comment = !in_comment;
                rest = after;
            }
            let words: Vec<&str> = code
                .split(|c: char| c.is_whitespace() || "(),%{}-".contains(c))
                .filter(|word| !word.is_empty())
                .collect();
            words
                .windows(2)
                .any(|pair| pair[0] == "macro" && pair[1] == old_macro)
                || words
                    .iter()
                    .skip_while(|word| **word != "import")
                    .skip(1)
                    .any(imported)
        })
        .map(|index| index + 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::templates::{ejected_header, BUILTIN};

    #[test]
    fn templates_of_the_old_layout_are_recognized() {
        let old_schedule = "{# header #}\n{% macro schedule(months) %}\n{% endmacro %}\n";
        assert_eq!(old_layout("schedule.html", old_schedule), Some(2));
        let old_plan = "{%- from \"node.md\" import node %}\n{{ node(section) }}";
        assert_eq!(old_layout("plan.md", old_plan), Some(1));
        let old_node = "{% from \"schedule.txt\" import x, schedule %}\n{% macro node(n) %}";
        assert_eq!(old_layout("node.txt", old_node), Some(1));
        for (name, source) in BUILTIN {
            assert_eq!(old_layout(name, source), None, "{name}");
            let ejected = format!("{}{source}", ejected_header(name));
            assert_eq!(old_layout(name, &ejected), None, "{name}");
        }
        // Comments, other macros and other files are not the old layout.
        let commented =
            "{# 0.1 had {% macro schedule(months) %}\nand caller() #}\n{% set nodes = loop %}";
        assert_eq!(old_layout("schedule.html", commented), None);
        assert_eq!(
            old_layout("node.html", "{% macro lead(n) %}{% endmacro %}"),
            None
        );
        assert_eq!(
            old_layout("signature.html", "{% macro node(x) %}{% endmacro %}"),
            None
        );
    }

    #[test]
    fn the_detector_is_gone_by_0_4() {
        let version = env!("CARGO_PKG_VERSION");
        let release: Vec<u64> = version
            .split(['.', '-'])
            .take(2)
            .map(|part| part.parse().unwrap())
            .collect();
        assert!(
            release < vec![0, 4],
            "unionplan {version}: delete src/templates/old_layout.rs and its call in \
             Templates::new, and the paragraph on 0.1 in docs/templates.md; the 0.1 layout is \
             three releases old"
        );
    }
}
