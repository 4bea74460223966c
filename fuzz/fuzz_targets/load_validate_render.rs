//! Any bytes through the whole pipeline: decode, parse, check, lint, build the view and
//! render every format. Nothing may panic, whatever the input.
#![no_main]

use libfuzzer_sys::fuzz_target;
use unionplan::cli::Format;
use unionplan::load::Source;
use unionplan::templates::Templates;
use unionplan::{render, validate};

fuzz_target!(|data: &[u8]| {
    let Ok(source) = Source::from_bytes("fuzz.yaml".into(), data) else {
        return;
    };
    let report = validate::check(&source);
    for diagnostic in &report.diagnostics {
        let _ = diagnostic.to_string();
    }
    if let Some(view) = report.plan.map(unionplan::view::build) {
        let templates = Templates::new(None).expect("built-in templates load");
        for format in [Format::Md, Format::Html, Format::Txt, Format::Json, Format::Docx] {
            let _ = render::render(&templates, &view, format);
        }
    }
});
