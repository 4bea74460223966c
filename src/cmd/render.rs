//! `unionplan render`: plans to documents, one to standard output or a file, or many into a
//! folder; `--check` compares instead of writing, `--watch` keeps rendering.

use std::path::PathBuf;
use std::process::ExitCode;

use crate::batch::{self, Cut, Failure, Job, Mode, Outcome, PlanResult, Stale, Target};
use crate::cli::RenderArgs;
use crate::error::{error_line, note_line, render_diagnostics, Diagnostic, Error, Usage};
use crate::file_kind;
use crate::format::{self, Format};
use crate::messages::Message;
use crate::msg;
use crate::output::{self, Streams};
use crate::suggest::Suggestion;
use crate::templates::{self, Templates};
use crate::text::display_name;
use crate::{draft, watch};

pub fn execute(args: &RenderArgs, io: &Streams) -> Result<ExitCode, Error> {
    let found = batch::find_plans(&args.plans)?;
    // Warnings, as a plan's are: a `--strict` would make them errors.
    let skipped = found.warnings();
    if !skipped.is_empty() {
        note!(io, "{}", render_diagnostics(&skipped));
    }
    let jobs = jobs(args, &found.plans, io)?;
    if args.check
        && jobs
            .iter()
            .flat_map(|j| &j.outputs)
            .any(|(_, t)| *t == Target::Stdout)
    {
        return Err(Error::Usage(Usage::CheckNeedsFiles));
    }
    let mut templates = Templates::new(args.templates.as_deref())?;
    for (name, meant) in args
        .templates
        .as_deref()
        .map(templates::near_misses)
        .unwrap_or_default()
    {
        let meant = Suggestion::Meant(meant).message();
        note!(
            io,
            "{}",
            note_line(msg!(
                "template-replaces-nothing",
                name = name,
                meant = meant
            ))
        );
    }
    if args.templates.is_some()
        && jobs
            .iter()
            .flat_map(|j| &j.outputs)
            .any(|(format, _)| *format == Format::Docx)
    {
        note!(io, "{}", note_line(msg!("docx-without-templates")));
    }
    let mode = if args.check { Mode::Check } else { Mode::Write };
    if let Some(dir) = &args.out_dir {
        output::out_dir(dir, mode == Mode::Write)?;
        // Said once for the folder, rather than "reached through a link" for each output.
        if mode == Mode::Check && output::through_link(&dir.join("-")) {
            return Err(Error::CheckThroughLink {
                path: dir.clone(),
                real: dir.canonicalize().ok(),
            });
        }
    }
    if args.watch {
        return watch::watch(
            &args.plans,
            args.templates.as_deref(),
            &found,
            io,
            |plans| self::jobs(args, plans, io),
            |jobs, reload| {
                if reload {
                    // A template being edited may not compile yet: say so, keep the last good set.
                    match Templates::new(args.templates.as_deref()) {
                        Ok(fresh) => templates = fresh,
                        Err(err) => note!(io, "{}", error_line(err.message())),
                    }
                }
                let results = batch::run(jobs, &templates, mode, io);
                report(&results, false, mode, io);
                results.iter().map(|r| r.failure.is_none()).collect()
            },
        )
        .map(|()| ExitCode::SUCCESS);
    }
    let results = batch::run(&jobs, &templates, mode, io);
    Ok(report(&results, args.out_dir.is_some(), mode, io))
}

/// What to render where: one plan to standard output or -o, every plan into --out-dir, or
/// one plan for each member union into --out-dir; each with the values of `--set`.
fn jobs(args: &RenderArgs, plans: &[PathBuf], io: &Streams) -> Result<Vec<Job>, Error> {
    let set = draft::set::overrides(&args.set)?;
    let mut jobs = plan_jobs(args, plans, io)?;
    for job in &mut jobs {
        job.overrides.clone_from(&set);
    }
    let Some(members) = &args.each else {
        return Ok(jobs);
    };
    let dir = args
        .out_dir
        .as_ref()
        .ok_or(Error::Usage(Usage::EachNeedsOutDir))?;
    let [plan] = plans else {
        return Err(Error::Usage(Usage::EachWithSeveralPlans {
            count: plans.len(),
        }));
    };
    let formats = format::for_folder(&args.format);
    let table = members;
    let members = draft::each::read(table)?;
    let jobs: Vec<Job> = members
        .into_iter()
        .map(|member| Job {
            plan: plan.clone(),
            outputs: formats
                .iter()
                .map(|&f| (f, Target::File(dir.join(f.file_name(member.name.as_ref())))))
                .collect(),
            // The command line has the last word.
            overrides: member.overrides.into_iter().chain(set.clone()).collect(),
            member: Some(member.label),
        })
        .collect();
    // No output may be the members file, as none may be the plan.
    for (_, target) in jobs.iter().flat_map(|j| &j.outputs) {
        if let Target::File(out) = target {
            if file_kind::same_file(out, table) {
                return Err(Error::Usage(Usage::OutputIsMembers { path: out.clone() }));
            }
        }
    }
    Ok(jobs)
}

/// The jobs without members: one plan to standard output or -o, or every plan into
/// --out-dir.
fn plan_jobs(args: &RenderArgs, plans: &[PathBuf], io: &Streams) -> Result<Vec<Job>, Error> {
    // `-o -` is standard output, as `-` is standard input.
    let output = args.output.as_ref().filter(|out| out.as_os_str() != "-");
    if let Some(dir) = &args.out_dir {
        return batch::folder_jobs(plans, &format::for_folder(&args.format), dir);
    }
    if args.each.is_some() {
        return Ok(Vec::new());
    }
    let [plan] = plans else {
        return Err(Error::Usage(Usage::SeveralPlans { count: plans.len() }));
    };
    let format = format::for_output(&args.format, output.map(PathBuf::as_path))?;
    let target = match output {
        Some(out) if file_kind::same_file(out, plan) => {
            return Err(Error::Usage(Usage::OutputNamesPlan { path: out.clone() }))
        }
        Some(out) => Target::File(out.clone()),
        None if format == Format::Docx && io.is_terminal() => {
            return Err(Error::Usage(Usage::DocxToTerminal))
        }
        None => Target::Stdout,
    };
    Ok(vec![Job {
        plan: plan.clone(),
        outputs: vec![(format, target)],
        overrides: Vec::new(),
        member: None,
    }])
}

/// Prints what happened, failures last, and says how the run ends.
fn report(results: &[PlanResult], summary: bool, mode: Mode, io: &Streams) -> ExitCode {
    let (mut written, mut unchanged, mut stale) = (0, 0, Vec::new());
    let mut failed = Vec::new();
    // A problem of a plan rendered for many members is said once, or for the members it
    // concerns.
    let members = results.iter().any(|r| r.member.is_some());
    let diagnostics: Vec<Diagnostic> = match (members, results.first()) {
        (true, Some(first)) => draft::each::attribute(
            &display_name(&first.plan),
            results
                .iter()
                .map(|r| (r.member.clone(), r.diagnostics.clone()))
                .collect(),
        ),
        _ => results
            .iter()
            .flat_map(|r| r.diagnostics.iter().cloned())
            .collect(),
    };
    if !diagnostics.is_empty() {
        note!(io, "{}", render_diagnostics(&diagnostics));
    }
    for result in results {
        match &result.failure {
            Some(Failure::Invalid) => failed.push(result.name.clone()),
            Some(Failure::Error(err)) => {
                note!(io, "{}", error_line(err.message()));
                failed.push(result.name.clone());
            }
            None => {}
        }
        for (target, outcome) in &result.outputs {
            let Target::File(path) = target else { continue };
            match outcome {
                Outcome::Written => written += 1,
                Outcome::Unchanged => unchanged += 1,
                Outcome::Missing => {
                    say!(io, "{}\n", msg!("check-missing", path = display_name(path)));
                    stale.push(path.clone());
                }
                Outcome::Stale(why) => {
                    let name = display_name(path);
                    let stale_because =
                        |why: Message| msg!("check-stale-why", path = &name, why = why);
                    match why {
                        Stale::Diff(diff) => {
                            say!(io, "{}\n{diff}", msg!("check-stale", path = &name))
                        }
                        Stale::Cut(start, cut) => {
                            let why = match cut {
                                Cut::Slow => msg!("stale-too-different"),
                                Cut::Long => msg!("stale-diff-too-long"),
                            };
                            say!(io, "{}\n{start}", stale_because(why));
                            if !start.is_empty() {
                                say!(io, "…\n");
                            }
                        }
                        Stale::Differs => say!(io, "{}\n", msg!("check-stale", path = &name)),
                        Stale::TooLarge => {
                            let why = msg!("stale-too-large", mib = batch::MAX_COMPARE >> 20);
                            say!(io, "{}\n", stale_because(why))
                        }
                        Stale::Link => say!(io, "{}\n", stale_because(msg!("stale-link"))),
                        Stale::ThroughLink => {
                            say!(io, "{}\n", stale_because(msg!("stale-through-link")))
                        }
                        Stale::Stream(stream) => {
                            let why = msg!("stale-stream", what = stream.describe());
                            say!(io, "{}\n", stale_because(why))
                        }
                    }
                    stale.push(path.clone());
                }
                Outcome::Printed => {}
            }
        }
    }
    if summary && stale.is_empty() {
        match mode {
            Mode::Write => note!(
                io,
                "{}",
                msg!("summary-written", written = written, unchanged = unchanged)
            ),
            Mode::Check => note!(io, "{}", msg!("summary-up-to-date", count = unchanged)),
        }
    }
    if !stale.is_empty() {
        let stale = msg!("summary-stale", count = stale.len());
        note!(io, "{}", error_line(stale));
    }
    if results.len() > 1 && !failed.is_empty() {
        let failed = msg!(
            "summary-failed",
            failed = failed.len(),
            count = results.len(),
            plans = failed.clone()
        );
        note!(io, "{}", error_line(failed));
    }
    if failed.is_empty() && stale.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
