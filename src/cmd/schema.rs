//! `unionplan schema`: the plan format's JSON Schema on standard output.

use crate::error::Error;
use crate::output::Streams;
use crate::schema;

pub fn execute(io: &Streams) -> Result<(), Error> {
    let mut json = serde_json::to_string_pretty(&schema::schema()).expect("the schema serializes");
    json.push('\n');
    io.write_out(json.as_bytes())
}
