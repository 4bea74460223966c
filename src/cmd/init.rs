//! `unionplan init`: a starter plan file, never written over one that exists unless asked.

use std::path::{Path, PathBuf};

use crate::cli::{InitArgs, KeyNames, KindName, PeriodName};
use crate::draft::init::{self, Starter};
use crate::error::{Error, Usage};
use crate::import::write::Keys;
use crate::model::{Kind, Period};
use crate::msg;
use crate::output::{self, Streams};
use crate::text::display_name;

pub fn execute(args: &InitArgs, io: &Streams) -> Result<(), Error> {
    let keys = match args.keys {
        KeyNames::Zh => Keys::Zh,
        KeyNames::En => Keys::En,
    };
    let default_name = match keys {
        Keys::Zh => "计划.yaml",
        Keys::En => "plan.yaml",
    };
    let file = (args.file.clone()).unwrap_or_else(|| PathBuf::from(default_name));
    let to_stdout = file == Path::new("-");
    let period = match args.period {
        PeriodName::Year => Period::Year,
        PeriodName::FirstHalf => Period::FirstHalf,
        PeriodName::SecondHalf => Period::SecondHalf,
        PeriodName::AutumnTerm => Period::AutumnTerm,
        PeriodName::SpringTerm => Period::SpringTerm,
        PeriodName::SchoolYear => Period::SchoolYear,
    };
    let starter = Starter {
        period,
        kind: match args.kind {
            KindName::Plan => Kind::Plan,
            KindName::Summary => Kind::Summary,
        },
        keys,
        organization: args.org.clone(),
        year: args
            .year
            .unwrap_or_else(|| init::default_year(period, std::time::SystemTime::now())),
        // Printed, it is named as `init` would name its file.
        file: match to_stdout {
            true => default_name.to_owned(),
            false => display_name(&file),
        },
    };
    let text = init::starter(&starter);
    if to_stdout {
        return io.write_out(text.as_bytes());
    }
    // A dangling link is there too: writing would replace it.
    if !args.force && std::fs::symlink_metadata(&file).is_ok() {
        return Err(Error::Usage(Usage::DraftWouldOverwrite { path: file }));
    }
    output::write_atomic(&file, text.as_bytes())?;
    note!(io, "{}", msg!("draft-wrote", file = display_name(&file)));
    Ok(())
}
