//! "Did you mean": the one rule that picks the name a misspelt key, value or template name
//! most likely stands for.

/// The candidate closest to a misspelt name, if one is close enough to be meant: at most a
/// third of the longer name's characters apart in edits (a swap of two neighbours is one),
/// never more than two, always one. Of two as close, the one that sorts first, so that the
/// answer does not hang on the order a list is kept in.
pub fn closest<'a>(given: &str, candidates: &[&'a str]) -> Option<&'a str> {
    let length = given.chars().count();
    candidates
        .iter()
        .map(|c| (strsim::osa_distance(given, c), *c))
        .filter(|(distance, c)| {
            let limit = (length.max(c.chars().count()) / 3).clamp(1, 2);
            *distance <= limit
        })
        .min()
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{keys_of, Plan};

    #[test]
    fn plan_keys() {
        let keys = keys_of::<Plan>();
        assert_eq!(closest("guidng_ideology", keys), Some("guiding_ideology"));
        assert_eq!(closest("sectons", keys), Some("sections"));
        assert_eq!(closest("标提", &["标题", "内容"]), Some("标题"));
        // Four edits from `guiding_ideology` is a different word, however long the key.
        assert_eq!(closest("guiding_idea", keys), None);
        assert_eq!(closest("zzz", &["title", "body"]), None);
    }

    #[test]
    fn enum_values() {
        let periods = ["year", "first-half", "second-half"];
        assert_eq!(closest("frist-half", &periods), Some("first-half"));
        assert_eq!(closest("yaer", &periods), Some("year"));
        // A short name is one edit from its meaning at most.
        assert_eq!(closest("ye", &periods), None);
    }

    #[test]
    fn template_names() {
        let builtins = ["plan.html", "page.html", "schedule.html", "plan.md"];
        assert_eq!(closest("shedule.html", &builtins), Some("schedule.html"));
        assert_eq!(closest("plan.html", &builtins), Some("plan.html"));
        // Three edits from plan.html and four from page.html: a template of its own.
        assert_eq!(closest("seal.html", &builtins), None);
        // node.md and note.md are both one edit from nobe.md.
        assert_eq!(closest("nobe.md", &["note.md", "node.md"]), Some("node.md"));
        assert_eq!(closest("nobe.md", &["node.md", "note.md"]), Some("node.md"));
    }
}
