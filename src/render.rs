//! View to document: through the format's template, or laid out as DOCX.

use std::cell::OnceCell;

use minijinja::value::{Serde, Value};

use crate::docx;
use crate::error::Error;
use crate::format::Format;
use crate::templates::Templates;
use crate::view::View;

/// Renders a view in a format: text for the template formats and JSON, bytes for DOCX.
pub fn render(templates: &Templates, view: &View, format: Format) -> Result<Vec<u8>, Error> {
    render_with(templates, view, &OnceCell::new(), format)
}

/// As [`render`], keeping the template context in `context` so that several formats of one
/// plan convert the view only once.
pub fn render_with(
    templates: &Templates,
    view: &View,
    context: &OnceCell<Value>,
    format: Format,
) -> Result<Vec<u8>, Error> {
    match format.template() {
        Some(name) => {
            let context = context.get_or_init(|| Value::from(Serde(view)));
            templates.render(name, context)
        }
        None if format == Format::Docx => docx::render(view),
        None => {
            let mut json = serde_json::to_string_pretty(view).expect("the view serializes");
            json.push('\n');
            Ok(json.into_bytes())
        }
    }
}
