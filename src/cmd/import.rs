//! `unionplan import`: a document to a plan file (or, with `--split`, each document of a
//! page to its own), with a summary of what was read and changed on standard error.

use std::io::Read;
use std::path::{Path, PathBuf};

use crate::cli::{ImportArgs, KeyNames, SourceFormat};
use crate::error::{Error, Usage};
use crate::import::genre::{self, Imported};
use crate::import::write::{self, Keys};
use crate::import::Kind;
use crate::model::{
    DateStyle, January, MonthNumerals, MonthStyle, MonthSuffix, Months, RangeStyle,
};
use crate::msg;
use crate::output::{self, Streams};
use crate::text::display_name;

/// The most a document may hold: a Word file of a long plan with its pictures.
const MAX_BYTES: u64 = 64 << 20;

pub fn execute(args: &ImportArgs, io: &Streams) -> Result<(), Error> {
    let name = display_name(&args.document);
    let bytes = read(&args.document, &name)?;
    let kind = match args.from {
        Some(SourceFormat::Txt) => Kind::Text,
        Some(SourceFormat::Md) => Kind::Markdown,
        Some(SourceFormat::Docx) => Kind::Docx,
        Some(SourceFormat::Html) => Kind::Html,
        None => (args.document.to_str())
            .and_then(Kind::from_extension)
            .unwrap_or_else(|| Kind::sniff(&bytes)),
    };
    let decode = |message| Error::Decode {
        path: name.clone(),
        message,
    };
    let blocks = crate::import::read(kind, &bytes).map_err(|e| decode(e.message()))?;
    let documents = genre::parse(&blocks, kind);
    if documents.is_empty() {
        return Err(decode(msg!("import-no-text")));
    }
    let keys = match args.keys {
        KeyNames::Zh => Keys::Zh,
        KeyNames::En => Keys::En,
    };
    if let Some(out) = &args.output {
        if out != Path::new("-") && crate::file_kind::same_file(out, &args.document) {
            return Err(Error::Usage(Usage::OutputIsPlan { path: out.clone() }));
        }
    }
    match (&args.output, args.split) {
        (Some(dir), true) => {
            output::out_dir(dir, true)?;
            let mut written = Vec::new();
            for (i, doc) in documents.iter().enumerate() {
                let path = dir.join(file_name(i + 1, doc));
                output::write_atomic(&path, write::yaml(&doc.draft, keys).as_bytes())?;
                written.push(path);
            }
            for (doc, path) in documents.iter().zip(&written) {
                let file = display_name(path);
                note!(
                    io,
                    "{}",
                    msg!(
                        "import-document",
                        file = file,
                        first = doc.report.first_line,
                        last = doc.report.last_line
                    )
                );
                summary(io, &name, doc);
            }
        }
        (out, _) => {
            let doc = &documents[0];
            let yaml = write::yaml(&doc.draft, keys);
            match out {
                Some(path) if path != Path::new("-") => {
                    output::write_atomic(path, yaml.as_bytes())?
                }
                _ => io.write_out(yaml.as_bytes())?,
            }
            summary(io, &name, doc);
            if documents.len() > 1 {
                note!(
                    io,
                    "{}",
                    msg!("import-more-documents", count = documents.len() - 1)
                );
            }
        }
    }
    Ok(())
}

fn read(path: &Path, name: &str) -> Result<Vec<u8>, Error> {
    let mut bytes = Vec::new();
    let read = if path == Path::new("-") {
        std::io::stdin().take(MAX_BYTES + 1).read_to_end(&mut bytes)
    } else {
        std::fs::File::open(path).and_then(|f| f.take(MAX_BYTES + 1).read_to_end(&mut bytes))
    };
    read.map_err(|source| Error::Read {
        path: name.to_owned(),
        source,
    })?;
    if bytes.len() as u64 > MAX_BYTES {
        return Err(Error::Decode {
            path: name.to_owned(),
            message: msg!("file-too-large", mib = MAX_BYTES >> 20),
        });
    }
    Ok(bytes)
}

/// `03-城东中学工会2027年工作计划.yaml`: the document's place on the page and its title.
fn file_name(n: usize, doc: &Imported) -> PathBuf {
    let d = &doc.draft;
    let title = d.title.clone().unwrap_or_else(|| {
        crate::view::default_title(
            d.organization.as_deref().unwrap_or(""),
            d.year,
            d.period,
            d.kind,
        )
    });
    let title: String = title
        .chars()
        .map(|c| {
            if "/\\:*?\u{22}<>|".contains(c) || c.is_whitespace() || c.is_control() {
                '-'
            } else {
                c
            }
        })
        .take(40)
        .collect();
    PathBuf::from(format!("{n:02}-{title}.yaml"))
}

/// The first month of a schedule anywhere in the plan, to show the style its labels take.
fn first_month(nodes: &[genre::Node]) -> Option<&genre::Month> {
    nodes
        .iter()
        .find_map(|n| n.schedule.first().or_else(|| first_month(&n.items)))
}

/// What was read, and every change made to the source, with its line.
fn summary(io: &Streams, name: &str, doc: &Imported) {
    let r = &doc.report;
    let d = &doc.draft;
    // The source's own markers: a level it never typed is the plan's, not its style.
    let numbering: Vec<&str> = (d.numbering.iter().enumerate())
        .filter(|(i, _)| !d.spare.contains(i))
        .map(|(_, m)| m.as_str())
        .collect();
    let numbering = numbering.join(" ");
    let mut styles = String::new();
    if let Some(month) = first_month(&d.sections) {
        let style = MonthStyle {
            numerals: if d.month.arabic {
                MonthNumerals::Arabic
            } else {
                MonthNumerals::Chinese
            },
            january: if d.month.yuan {
                January::Yuan
            } else {
                January::default()
            },
            range: if d.month.dash {
                RangeStyle::Dash
            } else {
                RangeStyle::List
            },
            suffix: if d.month.yue {
                MonthSuffix::Yue
            } else {
                MonthSuffix::Yuefen
            },
        };
        let months = Months {
            first: month.first,
            last: month.last,
        };
        let label = crate::view::month_label(months, &style);
        styles.push_str(&format!("{}", msg!("import-summary-months", label = label)));
    }
    if let Some(date) = d.signature.as_ref().and_then(|s| s.date) {
        let style = if d.chinese_date {
            DateStyle::Chinese
        } else {
            DateStyle::Arabic
        };
        let date = crate::view::format_date(date, style);
        styles.push_str(&format!("{}", msg!("import-summary-date", date = date)));
    }
    note!(
        io,
        "{}{styles}",
        msg!(
            "import-summary",
            name = name,
            sections = r.sections,
            items = r.items,
            months = r.months,
            numbering = numbering
        ),
    );

    for (line, what) in &r.corrections {
        note!(
            io,
            "{}",
            msg!(
                "import-corrected",
                name = name,
                line = *line,
                what = what.clone()
            )
        );
    }
    for (line, text) in &r.unplaced {
        note!(
            io,
            "{}",
            msg!(
                "import-unplaced",
                name = name,
                line = *line,
                text = short(text)
            )
        );
    }
    for (line, text) in &r.dropped {
        note!(
            io,
            "{}",
            msg!(
                "import-dropped",
                name = name,
                line = *line,
                text = short(text)
            )
        );
    }
}

/// A line as a message quotes it: its first thirty characters.
fn short(text: &str) -> String {
    let mut chars = text.chars();
    let head: String = chars.by_ref().take(30).collect();
    if chars.next().is_some() {
        format!("{head}…")
    } else {
        head
    }
}
