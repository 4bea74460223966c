//! Titles that would run into their bodies as one phrase: an inline title must end as a
//! sentence does (学习为先。教师必需…), or it reads 加强民主管理每学年召开一次教代会。

use super::nodes::Seen;
use crate::error::{Finding, Seg};
use crate::model::Layout;
use crate::text::ends_a_sentence;

/// A node written `layout: inline` whose title ends without 。；：！？ or …, before a body.
/// (Without `layout`, such a title takes its own line, so nothing is glued.)
pub(super) fn glued(seen: &Seen, out: &mut Vec<Finding>) {
    let Some(title) = seen.title.map(str::trim).filter(|t| !t.is_empty()) else {
        return;
    };
    let Some(body) = seen.body.iter().map(|p| p.trim()).find(|p| !p.is_empty()) else {
        return;
    };
    if seen.layout != Some(Layout::Inline) || ends_a_sentence(title) {
        return;
    }
    let start: String = body.chars().take(8).collect();
    let more = if start.len() < body.len() { "…" } else { "" };
    let mut path = seen.path.to_vec();
    path.push(Seg::Key("title"));
    out.push(Finding::warning(
        path,
        format!("the title runs into its body as one phrase: `{title}{start}{more}`"),
        format!(
            "end the title with 。 or ： (`{title}。`), or give it its own line with \
             `layout: heading` (样式: 标题)"
        ),
    ));
}

#[cfg(test)]
mod tests {
    use crate::lint::findings;

    #[test]
    fn an_inline_title_without_a_stop_is_glued() {
        let found = findings(
            "sections:\n- title: 主要工作\n  items:\n\
             \x20 - {title: 加强民主管理, body: 每学年召开一次教代会。, layout: inline}\n\
             \x20 - {title: 学习为先。, body: 教师必需学习。, layout: inline}\n\
             \x20 - {title: 开展活动：, body: 三八节, layout: inline}\n\
             \x20 - {title: 关心教职工, body: 走访慰问。}\n",
        );
        assert_eq!(
            found,
            ["the title runs into its body as one phrase: `加强民主管理每学年召开一次教…`"]
        );
    }
}
