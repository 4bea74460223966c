//! Plan to text: load, build the view, render it through the format's template.

use minijinja::value::{Serde, Value};
use minijinja::Environment;

use crate::cli::Format;
use crate::error::Error;
use crate::templates;
use crate::view::View;

/// Renders a view in a format.
pub fn render(env: &Environment<'_>, view: &View, format: Format) -> Result<String, Error> {
    match format.template() {
        Some(name) => templates::render(env, name, &Value::from(Serde(view))),
        None => {
            let mut json = serde_json::to_string_pretty(view).expect("the view serializes");
            json.push('\n');
            Ok(json)
        }
    }
}
