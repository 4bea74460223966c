//! One module per subcommand, each with an `execute`.

pub mod check;
pub mod render;
pub mod schema;
pub mod templates;
