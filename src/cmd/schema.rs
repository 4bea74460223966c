//! `unionplan schema`: the plan format's JSON Schema on standard output.

use crate::error::Error;
use crate::{output, schema};

pub fn execute() -> Result<(), Error> {
    let mut json = serde_json::to_string_pretty(&schema::schema()).expect("the schema serializes");
    json.push('\n');
    output::write_stdout(json.as_bytes())
}
