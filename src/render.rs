//! Plan to text: load, build the view, render it through the format's template.

use minijinja::value::{Serde, Value};

use crate::cli::Format;
use crate::error::{Diagnostic, Error, Severity};
use crate::load::Source;
use crate::templates::Templates;
use crate::view::{self, View};

/// Parses a plan and builds its view; problems come back with their place in the file.
pub fn view_of(source: &Source) -> Result<View, Error> {
    let plan = source.parse()?;
    view::build(plan).map_err(|problems| {
        let mut diagnostics: Vec<Diagnostic> = problems
            .into_iter()
            .map(|p| {
                let offset = source.locate(&p.place);
                Diagnostic::at_offset(
                    Severity::Error,
                    &source.name,
                    &source.text,
                    offset,
                    p.message,
                )
                .with_hint(p.hint)
            })
            .collect();
        diagnostics.sort_by_key(|d| (d.line, d.column));
        Error::Invalid { diagnostics }
    })
}

/// Renders a view in a format.
pub fn render(templates: &Templates, view: &View, format: Format) -> Result<String, Error> {
    match format.template() {
        Some(name) => templates.render(name, &Value::from(Serde(view))),
        None => {
            let mut json = serde_json::to_string_pretty(view).expect("the view serializes");
            json.push('\n');
            Ok(json)
        }
    }
}
