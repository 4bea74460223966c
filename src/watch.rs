//! `render --watch`: render again whenever a plan or a template changes, until Ctrl-C.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{mpsc, Arc};
use std::time::Duration;

use notify::{RecursiveMode, Watcher};

use crate::batch::Job;
use crate::error::Error;
use crate::load;

/// Renders every job once, then again each job whose plan changes, and every job when a
/// file in the templates folder changes (`render` is told to load the templates again).
/// Errors are printed by `render` and watching goes on; Ctrl-C ends it cleanly, between
/// renders.
pub fn watch(
    paths: &[PathBuf],
    templates: Option<&Path>,
    jobs: &[Job],
    mut render: impl FnMut(&[Job], bool),
) -> Result<(), Error> {
    let stop = Arc::new(AtomicBool::new(false));
    let flag = Arc::clone(&stop);
    ctrlc::set_handler(move || flag.store(true, Ordering::SeqCst))
        .map_err(|e| Error::Usage(format!("cannot watch: {e}")))?;
    let (tx, rx) = mpsc::channel();
    let mut watcher = notify::recommended_watcher(tx).map_err(watch_error)?;
    // Editors save by writing a new file and renaming it over the old one, so the folder
    // is watched, not the file.
    for folder in folders(paths) {
        watcher
            .watch(&folder, RecursiveMode::NonRecursive)
            .map_err(watch_error)?;
    }
    let templates = templates.map(canonical);
    if let Some(folder) = &templates {
        watcher
            .watch(folder, RecursiveMode::Recursive)
            .map_err(watch_error)?;
    }
    render(jobs, false);
    eprintln!("watching {} plan(s); Ctrl-C to stop", jobs.len());
    let plans: Vec<(PathBuf, &Job)> = jobs.iter().map(|j| (canonical(&j.plan), j)).collect();
    while !stop.load(Ordering::SeqCst) {
        let Ok(first) = rx.recv_timeout(Duration::from_millis(200)) else {
            continue;
        };
        // One save is several events: gather what arrives together.
        let mut changed: Vec<PathBuf> = Vec::new();
        let mut events = vec![first];
        while let Ok(event) = rx.recv_timeout(Duration::from_millis(100)) {
            events.push(event);
        }
        for event in events.into_iter().flatten() {
            if matches!(event.kind, notify::EventKind::Access(_)) {
                continue;
            }
            changed.extend(event.paths.iter().map(|p| canonical(p)));
        }
        let template_changed = templates
            .as_ref()
            .is_some_and(|folder| changed.iter().any(|p| p.starts_with(folder)));
        let due: Vec<Job> = plans
            .iter()
            .filter(|(plan, _)| template_changed || changed.contains(plan))
            .map(|(_, job)| (*job).clone())
            .collect();
        if !due.is_empty() {
            render(&due, template_changed);
            for job in &due {
                eprintln!("rendered {}", load::display_name(&job.plan));
            }
        }
    }
    Ok(())
}

fn folders(paths: &[PathBuf]) -> Vec<PathBuf> {
    let mut folders: Vec<PathBuf> = Vec::new();
    for path in paths {
        let folder = if path.is_dir() {
            path.clone()
        } else {
            match path.parent() {
                Some(p) if !p.as_os_str().is_empty() => p.to_owned(),
                _ => PathBuf::from("."),
            }
        };
        let folder = canonical(&folder);
        if !folders.contains(&folder) {
            folders.push(folder);
        }
    }
    folders
}

fn canonical(path: &Path) -> PathBuf {
    path.canonicalize().unwrap_or_else(|_| path.to_owned())
}

fn watch_error(err: notify::Error) -> Error {
    Error::Usage(format!("cannot watch the plans: {err}"))
}
