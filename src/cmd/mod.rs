//! One module per subcommand, each with an `execute`.

pub mod render;
pub mod templates;
