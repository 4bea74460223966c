//! Any bytes through import: every reader, the genre parser and the YAML writer. Nothing
//! may panic, and every plan import writes must load without an error.
#![no_main]

use libfuzzer_sys::fuzz_target;
use unionplan::import::{self, genre, write, Kind};
use unionplan::load::Source;
use unionplan::validate;

fuzz_target!(|data: &[u8]| {
    for kind in [Kind::Text, Kind::Markdown, Kind::Html, Kind::Docx] {
        let Ok(blocks) = import::read(kind, data) else {
            continue;
        };
        for imported in genre::parse(&blocks, kind) {
            for keys in [write::Keys::Zh, write::Keys::En] {
                let yaml = write::yaml(&imported.draft, keys);
                let source = Source::from_bytes("import.yaml".into(), yaml.as_bytes())
                    .expect("import writes UTF-8");
                let report = validate::check(&source);
                let errors: Vec<String> = (report.diagnostics.iter())
                    .filter(|d| d.severity == unionplan::error::Severity::Error)
                    .map(|d| d.to_string())
                    .collect();
                assert!(errors.is_empty(), "{yaml}\n{errors:#?}");
            }
        }
    }
});
