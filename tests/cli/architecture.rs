//! The shape of the source: the modules of src/ depend on each other one way only.

use std::collections::BTreeMap;
use std::path::Path;

/// Each top-level module of src/ and the top-level modules it names: `crate::<module>`, one
/// by one or in a `crate::{a, b::c}` group; a name the crate root passes on
/// (`pub use error::Error` makes `crate::Error` a use of `error`); and a `super::` chain that
/// climbs to the crate root. Comments, strings and characters are left out first: a doc link
/// or a message is no dependency.
fn module_graph(src: &Path) -> BTreeMap<String, Vec<String>> {
    let passed_on = passed_on(&code_only(
        &std::fs::read_to_string(src.join("lib.rs")).unwrap(),
    ));
    let mut graph: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut files = vec![src.to_path_buf()];
    while let Some(path) = files.pop() {
        if path.is_dir() {
            files.extend(std::fs::read_dir(&path).unwrap().map(|e| e.unwrap().path()));
            continue;
        }
        if path.extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let relative = path.strip_prefix(src).unwrap();
        let first = relative.components().next().unwrap().as_os_str();
        let module = first.to_string_lossy().trim_end_matches(".rs").to_owned();
        // The crate root and the binary stand above every module.
        if module == "lib" || module == "main" {
            continue;
        }
        // How deep the file's own module is: src/load/said.rs is crate::load::said, two.
        let depth = relative.components().count()
            - usize::from(relative.file_name().is_some_and(|n| n == "mod.rs"));
        let code = code_only(&std::fs::read_to_string(&path).unwrap());
        let uses = graph.entry(module.clone()).or_default();
        let named = crate_references(&code)
            .into_iter()
            .chain(from_the_root(&code, depth));
        for used in named {
            let used = passed_on.get(&used).cloned().unwrap_or(used);
            if used != module && !uses.contains(&used) {
                uses.push(used);
            }
        }
    }
    let modules: Vec<String> = graph.keys().cloned().collect();
    for uses in graph.values_mut() {
        uses.retain(|used| modules.contains(used));
    }
    graph
}

/// The code of a Rust file with its comments, string literals and character literals blanked
/// out (a lifetime such as `'a` is kept).
fn code_only(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut code = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let rest = &chars[i..];
        if rest.starts_with(&['/', '/']) {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        } else if rest.starts_with(&['/', '*']) {
            let mut depth = 0;
            while i < chars.len() {
                if chars[i..].starts_with(&['/', '*']) {
                    depth += 1;
                    i += 2;
                } else if chars[i..].starts_with(&['*', '/']) {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    i += 1;
                }
            }
            code.push(' ');
        } else if rest[0] == 'r'
            && matches!(rest.get(1), Some('"' | '#'))
            && (i == 0 || !(chars[i - 1].is_alphanumeric() || chars[i - 1] == '_'))
        {
            let hashes = rest[1..].iter().take_while(|&&c| c == '#').count();
            if rest.get(1 + hashes) != Some(&'"') {
                code.push(rest[0]);
                i += 1;
                continue;
            }
            let close: Vec<char> = std::iter::once('"')
                .chain(std::iter::repeat_n('#', hashes))
                .collect();
            i += 2 + hashes;
            while i < chars.len() && !chars[i..].starts_with(&close) {
                i += 1;
            }
            i += close.len();
            code.push_str("\"\"");
        } else if rest[0] == '"' {
            i += 1;
            while i < chars.len() && chars[i] != '"' {
                i += if chars[i] == '\\' { 2 } else { 1 };
            }
            i += 1;
            code.push_str("\"\"");
        } else if rest[0] == '\'' && (rest.get(1) == Some(&'\\') || rest.get(2) == Some(&'\'')) {
            i += 1;
            while i < chars.len() && chars[i] != '\'' {
                i += if chars[i] == '\\' { 2 } else { 1 };
            }
            i += 1;
            code.push_str("' '");
        } else {
            code.push(rest[0]);
            i += 1;
        }
    }
    code
}

/// What the crate root passes on by name: `pub use error::Error;` maps `Error` to `error`.
fn passed_on(lib: &str) -> BTreeMap<String, String> {
    let mut names = BTreeMap::new();
    for statement in lib.split(';') {
        let Some(path) = statement.trim().strip_prefix("pub use ") else {
            continue;
        };
        let path = path
            .trim_start_matches("crate::")
            .trim_start_matches("self::");
        let Some((module, rest)) = path.split_once("::") else {
            continue;
        };
        let rest = rest.trim_matches(|c: char| c == '{' || c == '}' || c.is_whitespace());
        for name in rest.split(',') {
            let name = name
                .rsplit(" as ")
                .next()
                .unwrap()
                .rsplit("::")
                .next()
                .unwrap()
                .trim();
            if !name.is_empty() && name != "*" {
                names.insert(name.to_owned(), module.trim().to_owned());
            }
        }
    }
    names
}

/// The top-level modules reached by a `super::` chain that climbs to the crate root, in a file
/// whose own module is `depth` deep; an inline `mod name {` adds a level while it is open.
fn from_the_root(code: &str, depth: usize) -> Vec<String> {
    let mut found = Vec::new();
    let mut inline: Vec<usize> = Vec::new();
    let mut braces = 0usize;
    let mut words = code.char_indices().peekable();
    while let Some((at, c)) = words.next() {
        match c {
            '{' => braces += 1,
            '}' => {
                braces = braces.saturating_sub(1);
                if inline.last() == Some(&braces) {
                    inline.pop();
                }
            }
            _ => {}
        }
        let after_word =
            at == 0 || !code[..at].ends_with(|p: char| p.is_alphanumeric() || p == '_');
        if !after_word {
            continue;
        }
        let rest = &code[at..];
        if let Some(name) = rest.strip_prefix("mod ") {
            let name = name.trim_start();
            let ident_end = name
                .find(|c: char| !(c.is_alphanumeric() || c == '_'))
                .unwrap_or(name.len());
            if name[ident_end..].trim_start().starts_with('{') {
                inline.push(braces);
            }
        } else if rest.starts_with("super::") {
            let mut path = rest;
            let mut climbs = 0;
            while let Some(next) = path.strip_prefix("super::") {
                climbs += 1;
                path = next.trim_start();
            }
            if climbs == depth + inline.len() {
                let ident: String = path
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                found.push(ident);
            }
            for _ in 0..climbs * "super::".len() - 1 {
                words.next();
            }
        }
    }
    found
}

/// The modules named after `crate::`, one by one or in a `crate::{a, b::c}` group.
fn crate_references(code: &str) -> Vec<String> {
    let ident = |s: &str| -> String {
        s.trim_start()
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect()
    };
    let mut found = Vec::new();
    for (at, _) in code.match_indices("crate::") {
        let rest = &code[at + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            let mut depth = 0;
            let end = group
                .char_indices()
                .find(|&(_, c)| {
                    match c {
                        '{' => depth += 1,
                        '}' if depth == 0 => return true,
                        '}' => depth -= 1,
                        _ => {}
                    }
                    false
                })
                .map_or(group.len(), |(i, _)| i);
            let mut depth = 0;
            let mut start = 0;
            for (i, c) in group[..end].char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' => depth -= 1,
                    ',' if depth == 0 => {
                        found.push(ident(&group[start..i]));
                        start = i + 1;
                    }
                    _ => {}
                }
            }
            found.push(ident(&group[start..end]));
        } else {
            found.push(ident(rest));
        }
    }
    found.retain(|m| !m.is_empty() && m != "self");
    found
}

/// A cycle of the graph, as the modules along it, the first repeated at the end.
fn cycle(graph: &BTreeMap<String, Vec<String>>) -> Option<Vec<String>> {
    fn visit(
        module: &str,
        graph: &BTreeMap<String, Vec<String>>,
        path: &mut Vec<String>,
        done: &mut Vec<String>,
    ) -> Option<Vec<String>> {
        if let Some(at) = path.iter().position(|m| m == module) {
            let mut cycle = path[at..].to_vec();
            cycle.push(module.to_owned());
            return Some(cycle);
        }
        if done.iter().any(|m| m == module) {
            return None;
        }
        path.push(module.to_owned());
        for next in graph.get(module).into_iter().flatten() {
            if let Some(cycle) = visit(next, graph, path, done) {
                return Some(cycle);
            }
        }
        path.pop();
        done.push(module.to_owned());
        None
    }
    let mut done = Vec::new();
    graph
        .keys()
        .find_map(|module| visit(module, graph, &mut Vec::new(), &mut done))
}

#[test]
fn the_modules_depend_on_each_other_one_way() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let graph = module_graph(&src);
    assert!(graph.contains_key("load") && graph.contains_key("view"));
    if let Some(cycle) = cycle(&graph) {
        panic!("the modules of src/ form a cycle: {}", cycle.join(" → "));
    }
}

#[test]
fn a_cycle_is_found_and_named() {
    let code = "use crate::{b, c::{D, E}};\nfn f() { crate::d::g(); }\n";
    assert_eq!(crate_references(code), ["b", "c", "d"]);
    // Comments, strings and characters name nothing; a lifetime is code.
    let code = code_only(
        "fn f<'a>(x: &'a str) { let _ = ('{', \"crate::x\"); } // crate::y\n/* crate::z */",
    );
    assert!(
        !code.contains("crate::") && code.contains("'a str"),
        "{code}"
    );
    assert_eq!(code_only("let s = r#\"crate::\"q\"#;"), "let s = \"\";");
    // A chain of `super` that climbs out of the file's module names a module of the root.
    let code = "use super::sibling;\nmod tests {\n    use super::super::super::view::build;\n}\n";
    assert_eq!(from_the_root(code, 2), ["view"]);
    assert_eq!(from_the_root("use super::super::lint;", 2), ["lint"]);
    assert_eq!(from_the_root("use super::walk;", 2), Vec::<String>::new());
    assert_eq!(
        passed_on("pub use error::Error;\npub use crate::view::{View, build as make};")
            .into_iter()
            .collect::<Vec<_>>(),
        [
            ("Error".to_owned(), "error".to_owned()),
            ("View".to_owned(), "view".to_owned()),
            ("make".to_owned(), "view".to_owned())
        ]
    );
    let graph: BTreeMap<String, Vec<String>> = [
        ("a", vec!["b"]),
        ("b", vec!["c"]),
        ("c", vec!["a"]),
        ("d", vec!["a"]),
    ]
    .into_iter()
    .map(|(m, uses)| (m.to_owned(), uses.into_iter().map(str::to_owned).collect()))
    .collect();
    assert_eq!(cycle(&graph).unwrap(), ["a", "b", "c", "a"]);
    let mut one_way = graph.clone();
    one_way.insert("c".to_owned(), Vec::new());
    assert_eq!(cycle(&one_way), None);
}
