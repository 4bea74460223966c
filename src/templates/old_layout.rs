//! Replacements written for the templates of unionplan 0.1, refused with what to do.

/// The line of a replacement for `name` written for the built-ins of unionplan 0.1, which
/// laid out the sections with the macros `node` (node.<ext>) and `schedule`
/// (schedule.<ext>), imported by plan.<ext> and node.<ext>. Such a file would lay out
/// nothing (a schedule.html that only defines its macro) or fail on names the built-ins of
/// today do not give it. Comments are not read.
pub(super) fn old_layout(name: &str, source: &str) -> Option<usize> {
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
}
