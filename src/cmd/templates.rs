//! `unionplan templates`: list, show or eject the built-in templates.

use std::fmt::Write as _;

use crate::cli::{TemplatesArgs, TemplatesCommand};
use crate::error::Error;
use crate::output::Streams;
use crate::templates;

pub fn execute(args: &TemplatesArgs, io: &Streams) -> Result<(), Error> {
    let text = match &args.command {
        TemplatesCommand::List { templates } => {
            let listed = templates::list(templates.as_deref())?;
            let width = listed.iter().map(|(name, _)| name.len()).max().unwrap_or(0);
            let mut text = String::new();
            for (name, replaced) in listed {
                let from = match replaced {
                    Some(path) => format!("replaced by {}", path.display()),
                    None => "built-in".to_owned(),
                };
                let _ = writeln!(text, "{name:width$}  {from}");
            }
            for (name, meant) in templates
                .as_deref()
                .map(templates::near_misses)
                .unwrap_or_default()
            {
                note!(
                    io,
                    "note: {name} replaces no built-in (did you mean {meant}?)"
                );
            }
            text
        }
        TemplatesCommand::Show { name, templates } => {
            templates::source(templates.as_deref(), name)?
        }
        TemplatesCommand::Eject { dir, force } => {
            let written = templates::eject(dir, *force)?;
            let dir = dir.display();
            note!(
                io,
                "wrote {} templates into {dir}; render with --templates {dir}",
                written.len()
            );
            return Ok(());
        }
    };
    io.write_out(text.as_bytes())
}
