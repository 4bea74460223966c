//! User templates: eject, override, include, and the errors a template author meets.

use std::path::Path;

use super::{examples, relative, sections_in_order, stdout, unionplan, Part, FORMATS};

/// The built-in templates, as the repository holds them.
fn builtin_names() -> Vec<String> {
    let mut names: Vec<String> =
        std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("templates"))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
    names.sort();
    names
}

fn path(p: &Path) -> &str {
    p.to_str().expect("temporary paths are UTF-8")
}

/// Renders `plan` with the templates of `dir`, expecting failure; gives the exit code and
/// standard error.
fn failing_render(plan: &str, format: &str, dir: &Path) -> (Option<i32>, String) {
    let output = unionplan(&["render", plan, "-f", format, "--templates", path(dir)]);
    assert!(output.stdout.is_empty(), "nothing is written on failure");
    (
        output.status.code(),
        String::from_utf8(output.stderr).unwrap(),
    )
}

#[test]
fn ejected_templates_render_byte_identical_to_the_built_ins() {
    let dir = tempfile::tempdir().unwrap();
    let ejected = dir.path().join("my-templates");
    let output = unionplan(&["templates", "eject", path(&ejected)]);
    assert!(output.status.success(), "{output:?}");

    let mut written: Vec<String> = std::fs::read_dir(&ejected)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    written.sort();
    assert_eq!(written, builtin_names(), "every built-in is ejected");
    let version = format!("unionplan {}", env!("CARGO_PKG_VERSION"));
    for name in &written {
        let text = std::fs::read_to_string(ejected.join(name)).unwrap();
        let first = text.lines().next().unwrap();
        assert!(
            first.starts_with("{#") && first.ends_with("#}") && first.contains(&version),
            "{name} says where it came from: {first}"
        );
    }

    for plan in examples() {
        let plan = relative(&plan);
        for format in FORMATS {
            let built_in = unionplan(&["render", &plan, "-f", format]);
            let from_folder =
                unionplan(&["render", &plan, "-f", format, "--templates", path(&ejected)]);
            assert!(from_folder.status.success(), "{from_folder:?}");
            assert_eq!(
                stdout(&built_in),
                stdout(&from_folder),
                "{plan} -f {format}"
            );
        }
    }
}

#[test]
fn eject_never_overwrites_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let target = path(dir.path());
    assert!(unionplan(&["templates", "eject", target]).status.success());
    let mine = dir.path().join("signature.html");
    std::fs::write(&mine, "my own signature\n").unwrap();
    std::fs::remove_file(dir.path().join("node.md")).unwrap();

    let again = unionplan(&["templates", "eject", target]);
    assert_eq!(again.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&again.stderr);
    assert!(
        stderr.contains("signature.html") && stderr.contains("--force"),
        "{stderr}"
    );
    assert_eq!(
        std::fs::read_to_string(&mine).unwrap(),
        "my own signature\n"
    );
    assert!(
        !dir.path().join("node.md").exists(),
        "a refused eject writes nothing"
    );

    let forced = unionplan(&["templates", "eject", target, "--force"]);
    assert!(forced.status.success(), "{forced:?}");
    assert!(std::fs::read_to_string(&mine)
        .unwrap()
        .contains(r#"<div class="signature">"#));
    assert!(dir.path().join("node.md").exists());
}

/// The 落款 as each built-in format writes it: the last block of the document.
fn signature_block(text: &str, format: &str) -> String {
    match format {
        "html" => {
            let start = text.find(r#"<div class="signature">"#).unwrap();
            let end = start + text[start..].find("</div>\n").unwrap() + "</div>\n".len();
            text[start..end].to_owned()
        }
        _ => text[text.trim_end().rfind("\n\n").unwrap() + 2..].to_owned(),
    }
}

#[test]
fn overriding_the_signature_changes_only_the_signature() {
    let partials = [
        (
            "html",
            "<div class=\"signature\"><p>{{ signature.organization }}（盖章）</p></div>\n",
        ),
        ("md", "{{ signature.organization }}（盖章）\n"),
        ("txt", "（盖章）{{ signature.organization }}\n"),
    ];
    let dir = tempfile::tempdir().unwrap();
    for (format, partial) in partials {
        std::fs::write(dir.path().join(format!("signature.{format}")), partial).unwrap();
    }
    for plan in examples() {
        let plan = relative(&plan);
        let json: serde_json::Value =
            serde_json::from_str(&stdout(&unionplan(&["render", &plan, "-f", "json"]))).unwrap();
        let organization = json["signature"]["organization"].as_str().unwrap();
        for (format, partial) in partials {
            let built_in = stdout(&unionplan(&["render", &plan, "-f", format]));
            let custom = stdout(&unionplan(&[
                "render",
                &plan,
                "-f",
                format,
                "--templates",
                path(dir.path()),
            ]));
            let old = signature_block(&built_in, format);
            assert!(old.contains(organization), "{plan} -f {format}: {old}");
            let new = partial.replace("{{ signature.organization }}", organization);
            assert_eq!(
                custom,
                built_in.replacen(&old, &new, 1),
                "{plan} -f {format}"
            );
        }
    }
}

#[test]
fn new_files_in_the_folder_can_be_included() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("parts")).unwrap();
    std::fs::write(
        dir.path().join("parts/seal.txt"),
        "（印）{{ signature.organization }}\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("signature.txt"),
        "{% include \"parts/seal.txt\" %}",
    )
    .unwrap();
    let text = stdout(&unionplan(&[
        "render",
        "examples/annual-plan.yaml",
        "-f",
        "txt",
        "--templates",
        path(dir.path()),
    ]));
    assert!(text.ends_with("\n\n（印）城东中学工会\n"), "{text}");
}

/// A replacement written for the macros of the 0.1 built-ins would drop every schedule
/// without a word; it is refused, naming the file, the line and what to do.
#[test]
fn templates_of_the_old_layout_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let schedule = dir.path().join("schedule.html");
    std::fs::write(
        &schedule,
        "{% macro schedule(months) %}\n<table class=\"schedule\">\n{% for month in months %}\n\
         <tr><th>{{ month.label }}</th><td>{% for item in month.items %}{{ caller(item) }}{% endfor %}</td></tr>\n\
         {% endfor %}\n</table>\n{% endmacro %}\n",
    )
    .unwrap();
    let (code, stderr) = failing_render("examples/annual-plan.yaml", "html", dir.path());
    assert_eq!(code, Some(1));
    assert!(
        stderr.starts_with(&format!(
            "error: template `{}` line 1: is written for the templates of unionplan 0.1",
            schedule.display()
        )),
        "{stderr}"
    );
    assert!(stderr.contains("eject the built-ins again"), "{stderr}");
}

#[test]
fn a_syntax_error_names_the_file_and_line() {
    // An override is read up front, a new partial when it is first included.
    let override_dir = tempfile::tempdir().unwrap();
    let broken = override_dir.path().join("signature.html");
    std::fs::write(
        &broken,
        "<div class=\"signature\">\n<p>{{ signature.organization }}</p>\n{% if signature.date %}\n</div>\n",
    )
    .unwrap();
    let (code, stderr) = failing_render("examples/annual-plan.yaml", "html", override_dir.path());
    assert_eq!(code, Some(1));
    assert_eq!(
        stderr,
        format!(
            "error: template `{}` line 4: syntax error: unexpected end of input, expected end of block\n",
            broken.display()
        )
    );

    let partial_dir = tempfile::tempdir().unwrap();
    std::fs::write(
        partial_dir.path().join("signature.md"),
        "{% include \"seal.md\" %}\n",
    )
    .unwrap();
    let partial = partial_dir.path().join("seal.md");
    std::fs::write(&partial, "印章\n\n{{ signature.organization }\n").unwrap();
    let (code, stderr) = failing_render("examples/annual-plan.yaml", "md", partial_dir.path());
    assert_eq!(code, Some(1));
    assert!(
        stderr.starts_with(&format!(
            "error: template `{}` line 3: syntax error: ",
            partial.display()
        )),
        "{stderr}"
    );
}

#[test]
fn undefined_variables_are_errors() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("signature.txt"),
        "{{ signature.organization }}\n{{ signature.seal }}\n",
    )
    .unwrap();
    let (code, stderr) = failing_render("examples/annual-plan.yaml", "txt", dir.path());
    assert_eq!(code, Some(1));
    assert_eq!(
        stderr,
        format!(
            "error: template `{}` line 2: `signature.seal` is undefined\n",
            dir.path().join("signature.txt").display()
        )
    );
}

#[test]
fn a_runaway_template_fails_instead_of_hanging() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("plan.txt"),
        "{% for a in range(100000) %}{% for b in range(100000) %}{% endfor %}{% endfor %}\n",
    )
    .unwrap();
    let (code, stderr) = failing_render("examples/annual-plan.yaml", "txt", dir.path());
    assert_eq!(code, Some(1));
    assert!(stderr.contains("plan.txt` line 1"), "{stderr}");
    assert!(stderr.contains("ran out of fuel"), "{stderr}");
}

#[test]
fn templates_cannot_read_outside_their_folder() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("templates");
    std::fs::create_dir(&folder).unwrap();
    let secret = dir.path().join("secret.txt");
    std::fs::write(&secret, "SECRET\n").unwrap();
    let mut names = vec!["../secret.txt".to_owned(), path(&secret).to_owned()];
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(&secret, folder.join("link.txt")).unwrap();
        names.push("link.txt".to_owned());
    }
    for name in names {
        std::fs::write(
            folder.join("signature.txt"),
            format!("{{% include {name:?} %}}\n"),
        )
        .unwrap();
        let (code, stderr) = failing_render("examples/annual-plan.yaml", "txt", &folder);
        assert_eq!(code, Some(1), "{name}");
        assert!(
            stderr.contains(&format!("template `{name}`"))
                && stderr.contains("out of the templates folder"),
            "{name}: {stderr}"
        );
        assert!(!stderr.contains("SECRET"));
    }
}

#[test]
fn a_missing_templates_folder_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("no-such-folder");
    for format in FORMATS {
        let (code, stderr) = failing_render("examples/annual-plan.yaml", format, &missing);
        assert_eq!(code, Some(1));
        assert!(
            stderr.starts_with(&format!(
                "error: cannot use {} as the templates folder: ",
                missing.display()
            )),
            "{stderr}"
        );
    }
    let file = dir.path().join("plan.html");
    std::fs::write(&file, "").unwrap();
    let (code, _) = failing_render("examples/annual-plan.yaml", "html", &file);
    assert_eq!(code, Some(1), "a file is not a folder");
}

#[test]
fn templates_list_tells_built_ins_from_overrides() {
    insta::with_settings!({ snapshot_path => "../snapshots", prepend_module_to_snapshot => false }, {
        insta::assert_snapshot!("templates_list", stdout(&unionplan(&["templates", "list"])));
    });
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("signature.html"), "").unwrap();
    let listed = stdout(&unionplan(&[
        "templates",
        "list",
        "--templates",
        path(dir.path()),
    ]));
    let replaced: Vec<&str> = listed
        .lines()
        .filter(|line| !line.ends_with("built-in"))
        .collect();
    assert_eq!(
        replaced,
        [format!(
            "signature.html  replaced by {}",
            dir.path().join("signature.html").display()
        )]
    );
}

#[test]
fn templates_show_prints_the_source() {
    for name in builtin_names() {
        let shown = stdout(&unionplan(&["templates", "show", &name]));
        let file = std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("templates")
                .join(&name),
        )
        .unwrap();
        assert_eq!(shown, file, "{name}");
    }
    // The folder's own file, even one a render would refuse.
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("signature.txt"), "mine {% if %}\n").unwrap();
    let shown = unionplan(&[
        "templates",
        "show",
        "signature.txt",
        "--templates",
        path(dir.path()),
    ]);
    assert_eq!(stdout(&shown), "mine {% if %}\n");
    let outside = unionplan(&[
        "templates",
        "show",
        "../signature.txt",
        "--templates",
        path(dir.path()),
    ]);
    assert_eq!(outside.status.code(), Some(2));
    let missing = dir.path().join("missing");
    for args in [
        &["templates", "list", "--templates", path(&missing)][..],
        &[
            "templates",
            "show",
            "plan.md",
            "--templates",
            path(&missing),
        ],
    ] {
        assert_eq!(unionplan(args).status.code(), Some(1), "{args:?}");
    }

    let unknown = unionplan(&["templates", "show", "letterhead.html"]);
    assert_eq!(unknown.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&unknown.stderr).contains("templates list"));
}

/// The tables of docs/templates.md under a heading: the first column of each row.
fn documented_fields(doc: &str, heading: &str) -> Vec<String> {
    let start = doc
        .find(&format!("\n### {heading}\n"))
        .unwrap_or_else(|| panic!("docs/templates.md has a section {heading}"));
    let section = &doc[start + heading.len() + 6..];
    let section = &section[..section.find("\n#").unwrap_or(section.len())];
    let mut fields: Vec<String> = section
        .lines()
        .filter_map(|line| line.strip_prefix("| `"))
        .map(|line| line[..line.find('`').unwrap()].to_owned())
        .collect();
    fields.sort();
    fields
}

fn keys(object: &serde_json::Value) -> Vec<String> {
    let mut keys: Vec<String> = object.as_object().unwrap().keys().cloned().collect();
    keys.sort();
    keys
}

/// The context document names every field a template receives, and no other.
#[test]
fn the_context_is_documented_field_by_field() {
    let doc =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/templates.md"))
            .unwrap();
    let (mut nodes, mut months, mut signatures) = (Vec::new(), Vec::new(), Vec::new());
    for plan in examples() {
        let json: serde_json::Value = serde_json::from_str(&stdout(&unionplan(&[
            "render",
            &relative(&plan),
            "-f",
            "json",
        ])))
        .unwrap();
        assert_eq!(keys(&json), documented_fields(&doc, "Plan"), "{plan:?}");
        for part in sections_in_order(&json) {
            match part {
                Part::Node(node) => nodes.push(keys(node)),
                Part::Month(month) => months.push(keys(month)),
            }
        }
        signatures.push(keys(&json["signature"]));
    }
    for (found, heading) in [
        (nodes, "Node"),
        (months, "Month"),
        (signatures, "Signature"),
    ] {
        assert!(!found.is_empty(), "the examples have a {heading}");
        for fields in found {
            assert_eq!(fields, documented_fields(&doc, heading), "{heading}");
        }
    }
}

/// The examples in docs/templates.md work as shown.
#[test]
fn the_documented_example_templates_render() {
    let doc =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/templates.md"))
            .unwrap();
    let blocks: Vec<&str> = doc
        .split("```jinja\n")
        .skip(1)
        .map(|rest| &rest[..rest.find("```").unwrap()])
        .collect();
    let [schedule, signature] = blocks[..] else {
        panic!("two example templates: {blocks:?}");
    };
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("schedule.html"), schedule).unwrap();
    std::fs::write(dir.path().join("signature.html"), signature).unwrap();
    let html = stdout(&unionplan(&[
        "render",
        "examples/annual-plan.yaml",
        "-f",
        "html",
        "--templates",
        path(dir.path()),
    ]));
    assert!(
        html.contains(
            "<tr><th>七、八月份</th><td><p><span class=\"lead level-3\">1、</span>召开教代会"
        ),
        "{html}"
    );
    assert!(
        html.contains("<p>城东中学工会（盖章）</p>\n<p>二〇二七年一月八日</p>"),
        "{html}"
    );
}

#[test]
fn a_templates_folder_serves_batch_renders_too() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("templates");
    std::fs::create_dir(&folder).unwrap();
    std::fs::write(folder.join("signature.txt"), "（盖章）\n").unwrap();
    let out = dir.path().join("published");
    let output = unionplan(&[
        "render",
        "examples",
        "--out-dir",
        path(&out),
        "-f",
        "txt,md",
        "--templates",
        path(&folder),
    ]);
    assert!(output.status.success(), "{output:?}");
    for plan in examples() {
        let name = plan.file_stem().unwrap().to_string_lossy().into_owned();
        let txt = std::fs::read_to_string(out.join(format!("{name}.txt"))).unwrap();
        assert!(txt.ends_with("\n\n（盖章）\n"), "{name}: {txt}");
        let md = std::fs::read_to_string(out.join(format!("{name}.md"))).unwrap();
        assert_eq!(
            md,
            stdout(&unionplan(&["render", &relative(&plan), "-f", "md"])),
            "{name}: the built-in Markdown"
        );
    }
}

/// Word documents are built without templates: a folder changes nothing in them, and the
/// run says so instead of leaving the user to wonder where the seal went.
#[test]
fn templates_leave_docx_alone_and_say_so() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("signature.html"),
        "<p>{{ signature.organization }}（盖章）</p>\n",
    )
    .unwrap();
    let plain = dir.path().join("plain.docx");
    let with = dir.path().join("with.docx");
    let base = ["render", "examples/annual-plan.yaml", "-o"];
    let output = unionplan(&[&base[..], &[path(&plain)]].concat());
    assert!(output.status.success());
    assert!(
        output.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let output = unionplan(&[&base[..], &[path(&with), "--templates", path(dir.path())]].concat());
    assert!(output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("Word documents are laid out without templates"),
        "{stderr}"
    );
    assert_eq!(
        std::fs::read(&plain).unwrap(),
        std::fs::read(&with).unwrap()
    );
}

/// A file meant to replace a built-in but misnamed would be ignored without a word.
#[test]
fn a_misnamed_replacement_is_pointed_out() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("shedule.html"), "<p>月</p>\n").unwrap();
    std::fs::write(dir.path().join("seal.html"), "<p>印</p>\n").unwrap();
    let output = unionplan(&[
        "render",
        "examples/annual-plan.yaml",
        "-f",
        "html",
        "--templates",
        path(dir.path()),
    ]);
    assert!(output.status.success());
    assert_eq!(
        String::from_utf8_lossy(&output.stderr),
        "note: shedule.html in the templates folder replaces no built-in (did you mean schedule.html?)\n"
    );
    let output = unionplan(&["templates", "list", "--templates", path(dir.path())]);
    assert!(output.status.success());
    assert_eq!(
        String::from_utf8_lossy(&output.stderr),
        "note: shedule.html replaces no built-in (did you mean schedule.html?)\n"
    );
}
