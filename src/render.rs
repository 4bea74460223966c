//! View to document: through the format's template, or laid out as DOCX.

use minijinja::value::{Serde, Value};
use minijinja::Environment;

use crate::cli::Format;
use crate::error::Error;
use crate::view::View;
use crate::{docx, templates};

/// Renders a view in a format: text for the template formats and JSON, bytes for DOCX.
pub fn render(env: &Environment<'_>, view: &View, format: Format) -> Result<Vec<u8>, Error> {
    match format.template() {
        Some(name) => {
            templates::render(env, name, &Value::from(Serde(view))).map(String::into_bytes)
        }
        None if format == Format::Docx => docx::render(view),
        None => {
            let mut json = serde_json::to_string_pretty(view).expect("the view serializes");
            json.push('\n');
            Ok(json.into_bytes())
        }
    }
}
