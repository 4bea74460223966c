//! User templates: eject, override, include, and the errors a template author meets.

use std::path::Path;

use super::test::{anything, contains, ends_with, line_starting, Test};
use super::{examples, printed, relative, sections_in_order, with_templates, Part, FORMATS};

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

/// What `templates eject DIR` says when it has written every built-in.
fn ejected(dir: &str) -> String {
    format!(
        "wrote {} templates into {dir}; render with --templates {dir}\n",
        builtin_names().len()
    )
}

/// A render of the annual plan as `format` with the templates of `t`, written by the test,
/// that fails (exit 1), printing nothing on standard output.
fn failing_render(format: &str) -> Test {
    with_templates(Test::new(), format).status(1)
}

#[test]
fn ejected_templates_render_byte_identical_to_the_built_ins() {
    let ejected = Test::new()
        .args(["templates", "eject", "my-templates"])
        .stderr(ejected("my-templates"))
        .run();
    let folder = ejected.path("my-templates");

    let mut written: Vec<String> = std::fs::read_dir(&folder)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    written.sort();
    assert_eq!(written, builtin_names(), "every built-in is ejected");
    let version = format!("unionplan {}", env!("CARGO_PKG_VERSION"));
    for name in &written {
        let text = ejected.read(Path::new("my-templates").join(name));
        let first = text.lines().next().unwrap();
        assert!(
            first.starts_with("{#") && first.ends_with("#}") && first.contains(&version),
            "{name} says where it came from: {first}"
        );
    }

    for plan in examples() {
        let plan = relative(&plan);
        for format in FORMATS {
            let built_in = printed(&["render", &plan, "-f", format]);
            Test::new()
                .in_repo()
                .args(["render", &plan, "-f", format, "--templates", path(&folder)])
                .stdout(built_in)
                .run();
        }
    }
}

#[test]
fn eject_never_overwrites_without_force() {
    let first = Test::new()
        .args(["templates", "eject", "tpl"])
        .stderr(ejected("tpl"))
        .run();
    std::fs::remove_file(first.path("tpl/node.md")).unwrap();
    let mine = "my own signature\n";
    let refused = first
        .again()
        .write("tpl/signature.html", mine)
        .args(["templates", "eject", "tpl"])
        .status(2)
        .stderr(
            "error: tpl already holds plan.html, page.html, node.html, schedule.html, \
             signature.html, print.css, plan.md, schedule.md, signature.md, plan.txt, node.txt, \
             schedule.txt, signature.txt: pass --force to overwrite them\n",
        )
        .run();
    assert_eq!(refused.read("tpl/signature.html"), mine);
    assert!(
        !refused.path("tpl/node.md").exists(),
        "a refused eject writes nothing"
    );

    let forced = refused
        .again()
        .args(["templates", "eject", "tpl", "--force"])
        .stderr(ejected("tpl"))
        .run();
    assert!(forced
        .read("tpl/signature.html")
        .contains(r#"<div class="signature">"#));
    assert!(forced.path("tpl/node.md").exists());
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
            serde_json::from_str(&printed(&["render", &plan, "-f", "json"])).unwrap();
        let organization = json["signature"]["organization"].as_str().unwrap();
        for (format, partial) in partials {
            let built_in = printed(&["render", &plan, "-f", format]);
            let old = signature_block(&built_in, format);
            assert!(old.contains(organization), "{plan} -f {format}: {old}");
            let new = partial.replace("{{ signature.organization }}", organization);
            Test::new()
                .in_repo()
                .args([
                    "render",
                    &plan,
                    "-f",
                    format,
                    "--templates",
                    path(dir.path()),
                ])
                .stdout(built_in.replacen(&old, &new, 1))
                .run();
        }
    }
}

#[test]
fn new_files_in_the_folder_can_be_included() {
    with_templates(
        Test::new()
            .write("t/parts/seal.txt", "（印）{{ signature.organization }}\n")
            .write("t/signature.txt", "{% include \"parts/seal.txt\" %}"),
        "txt",
    )
    .stdout(ends_with("\n\n（印）城东中学工会\n"))
    .run();
}

/// A replacement written for the macros of the 0.1 built-ins would drop every schedule
/// without a word; it is refused, naming the file, the line and what to do.
#[test]
fn templates_of_the_old_layout_are_refused() {
    failing_render("html")
        .write(
            "t/schedule.html",
            "{% macro schedule(months) %}\n<table class=\"schedule\">\n{% for month in months %}\n\
             <tr><th>{{ month.label }}</th><td>{% for item in month.items %}{{ caller(item) }}{% endfor %}</td></tr>\n\
             {% endfor %}\n</table>\n{% endmacro %}\n",
        )
        .stderr(
            "error: template `t/schedule.html` line 1: is written for the templates of unionplan \
             0.1, which laid out sections with the macros `node` and `schedule`; the sections are \
             now one recursive loop in node.<ext>: eject the built-ins again and carry your \
             changes over (docs/templates.md)\n",
        )
        .run();
}

/// The words after the place are the template engine's own.
#[test]
fn a_syntax_error_names_the_file_and_line() {
    // An override is read up front, a new partial when it is first included.
    failing_render("html")
        .write(
            "t/signature.html",
            "<div class=\"signature\">\n<p>{{ signature.organization }}</p>\n{% if signature.date %}\n</div>\n",
        )
        .stderr(line_starting(
            "error: template `t/signature.html` line 4: syntax error: ",
        ))
        .run();
    failing_render("md")
        .write("t/signature.md", "{% include \"seal.md\" %}\n")
        .write("t/seal.md", "印章\n\n{{ signature.organization }\n")
        .stderr(line_starting(
            "error: template `t/seal.md` line 3: syntax error: ",
        ))
        .run();
}

#[test]
fn undefined_variables_are_errors() {
    failing_render("txt")
        .write(
            "t/signature.txt",
            "{{ signature.organization }}\n{{ signature.seal }}\n",
        )
        .stderr(
            line_starting("error: template `t/signature.txt` line 2: ")
                .and(contains("`signature.seal`")),
        )
        .run();
}

/// A hang would fail the run at its deadline.
#[test]
fn a_runaway_template_fails_instead_of_hanging() {
    failing_render("txt")
        .write(
            "t/plan.txt",
            "{% for a in range(100000) %}{% for b in range(100000) %}{% endfor %}{% endfor %}\n",
        )
        .stderr(line_starting("error: template `t/plan.txt` line 1: "))
        .run();
}

#[test]
fn templates_cannot_read_outside_their_folder() {
    let mut next = Test::new().write("secret.txt", "SECRET\n").folder("t");
    let secret = next.path("secret.txt");
    let leads = "leads out of the templates folder";
    let mut cases = vec![("../secret.txt", leads), (path(&secret), leads)];
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(&secret, next.path("t/link.txt")).unwrap();
        cases.push((
            "link.txt",
            "is a link that leads out of the templates folder",
        ));
    }
    for (name, said) in cases {
        next = with_templates(
            next.write("t/signature.txt", format!("{{% include {name:?} %}}\n")),
            "txt",
        )
        .status(1)
        .stderr(format!(
            "error: template `t/signature.txt` line 1: template `{name}` {said}\n"
        ))
        .run()
        .again();
    }
}

/// The words after the folder are the system's.
#[test]
fn a_missing_templates_folder_is_an_error() {
    for format in FORMATS {
        Test::new()
            .copy("examples/annual-plan.yaml", "annual-plan.yaml")
            .args(["render", "annual-plan.yaml", "-f", format])
            .args(["--templates", "no-such-folder"])
            .status(1)
            .stderr(line_starting(
                "error: cannot use no-such-folder as the templates folder: ",
            ))
            .run();
    }
    failing_render("html")
        .write("t", "")
        .stderr(line_starting(
            "error: cannot use t as the templates folder: ",
        ))
        .run();
}

#[test]
fn templates_list_tells_built_ins_from_overrides() {
    insta::with_settings!({ snapshot_path => "../snapshots", prepend_module_to_snapshot => false }, {
        insta::assert_snapshot!("templates_list", printed(&["templates", "list"]));
    });
    let listed = Test::new()
        .write("t/signature.html", "")
        .args(["templates", "list", "--templates", "t"])
        .stdout(anything())
        .run();
    let replaced: Vec<&str> = listed
        .stdout
        .lines()
        .filter(|line| !line.ends_with("built-in"))
        .collect();
    assert_eq!(replaced, ["signature.html  replaced by t/signature.html"]);
}

#[test]
fn templates_show_prints_the_source() {
    for name in builtin_names() {
        let file = std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("templates")
                .join(&name),
        )
        .unwrap();
        Test::new()
            .args(["templates", "show", &name])
            .stdout(file)
            .run();
    }
    // The folder's own file, even one a render would refuse.
    let shown = Test::new()
        .write("t/signature.txt", "mine {% if %}\n")
        .args(["templates", "show", "signature.txt", "--templates", "t"])
        .stdout("mine {% if %}\n")
        .run();
    shown
        .again()
        .args(["templates", "show", "../signature.txt", "--templates", "t"])
        .status(2)
        .stderr("error: template `../signature.txt` leads out of the templates folder\n")
        .run();
    for args in [
        &["templates", "list", "--templates", "missing"][..],
        &["templates", "show", "plan.md", "--templates", "missing"],
    ] {
        Test::new()
            .args(args)
            .status(1)
            .stderr(line_starting(
                "error: cannot use missing as the templates folder: ",
            ))
            .run();
    }

    Test::new()
        .args(["templates", "show", "letterhead.html"])
        .status(2)
        .stderr(
            "error: there is no template `letterhead.html`: `unionplan templates list` names \
             them\n",
        )
        .run();
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
        let json: serde_json::Value =
            serde_json::from_str(&printed(&["render", &relative(&plan), "-f", "json"])).unwrap();
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
    let html = with_templates(
        Test::new()
            .write("t/schedule.html", schedule)
            .write("t/signature.html", signature),
        "html",
    )
    .stdout(anything())
    .run()
    .stdout;
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
    let plans = examples();
    let batch = Test::new()
        .write("templates/signature.txt", "（盖章）\n")
        .in_repo();
    let (folder, out) = (batch.path("templates"), batch.path("published"));
    let batch = batch
        .args([
            "render",
            "examples",
            "--out-dir",
            path(&out),
            "-f",
            "txt,md",
        ])
        .args(["--templates", path(&folder)])
        .stderr(format!("{} written, 0 unchanged\n", 2 * plans.len()))
        .run();
    for plan in plans {
        let name = plan.file_stem().unwrap().to_string_lossy().into_owned();
        let txt = batch.read(format!("published/{name}.txt"));
        assert!(txt.ends_with("\n\n（盖章）\n"), "{name}: {txt}");
        assert_eq!(
            batch.read(format!("published/{name}.md")),
            printed(&["render", &relative(&plan), "-f", "md"]),
            "{name}: the built-in Markdown"
        );
    }
}

/// Word documents are built without templates: a folder changes nothing in them, and the
/// run says so instead of leaving the user to wonder where the seal went.
#[test]
fn templates_leave_docx_alone_and_say_so() {
    let plain = Test::new()
        .copy("examples/annual-plan.yaml", "annual-plan.yaml")
        .write(
            "t/signature.html",
            "<p>{{ signature.organization }}（盖章）</p>\n",
        )
        .args(["render", "annual-plan.yaml", "-o", "plain.docx"])
        .run();
    let with = plain
        .again()
        .args([
            "render",
            "annual-plan.yaml",
            "-o",
            "with.docx",
            "--templates",
            "t",
        ])
        .stderr(
            "note: Word documents are laid out without templates: --templates changes the md, \
             html and txt outputs only\n",
        )
        .run();
    assert_eq!(
        std::fs::read(with.path("plain.docx")).unwrap(),
        std::fs::read(with.path("with.docx")).unwrap()
    );
}

/// A file meant to replace a built-in but misnamed would be ignored without a word.
#[test]
fn a_misnamed_replacement_is_pointed_out() {
    let render = with_templates(
        Test::new()
            .write("t/shedule.html", "<p>月</p>\n")
            .write("t/seal.html", "<p>印</p>\n"),
        "html",
    )
    .stdout(anything())
    .stderr(
        "note: shedule.html in the templates folder replaces no built-in (did you mean \
             `schedule.html`?)\n",
    )
    .run();
    render
        .again()
        .args(["templates", "list", "--templates", "t"])
        .stdout(anything())
        .stderr("note: shedule.html replaces no built-in (did you mean `schedule.html`?)\n")
        .run();
}
