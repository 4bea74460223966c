//! One module per subcommand, each with an `execute`.

pub mod check;
pub mod import;
pub mod init;
pub mod line;
pub mod next;
pub mod render;
pub mod schema;
pub mod summary;
pub mod templates;
