//! `unionplan templates`: list, show or eject the built-in templates.

use std::fmt::Write as _;

use crate::cli::{TemplatesArgs, TemplatesCommand};
use crate::error::{note_line, Error};
use crate::msg;
use crate::output::Streams;
use crate::suggest::Suggestion;
use crate::templates;

pub fn execute(args: &TemplatesArgs, io: &Streams) -> Result<(), Error> {
    let text = match &args.command {
        TemplatesCommand::List { templates } => {
            let listed = templates::list(templates.as_deref())?;
            let width = listed.iter().map(|(name, _)| name.len()).max().unwrap_or(0);
            let mut text = String::new();
            for (name, replaced) in listed {
                let from = match replaced {
                    Some(path) => msg!("template-replaced-by", path = path.display().to_string()),
                    None => msg!("template-builtin"),
                };
                let _ = writeln!(text, "{name:width$}  {from}");
            }
            for (name, meant) in templates
                .as_deref()
                .map(templates::near_misses)
                .unwrap_or_default()
            {
                let meant = Suggestion::Meant(meant).message();
                let line = msg!("template-file-replaces-nothing", name = name, meant = meant);
                note!(io, "{}", note_line(line));
            }
            text
        }
        TemplatesCommand::Show { name, templates } => {
            templates::source(templates.as_deref(), name)?
        }
        TemplatesCommand::Eject { dir, force } => {
            let written = templates::eject(dir, *force)?;
            let dir = dir.display();
            let line = msg!(
                "templates-ejected",
                count = written.len(),
                dir = dir.to_string()
            );
            note!(io, "{line}");
            return Ok(());
        }
    };
    io.write_out(text.as_bytes())
}
