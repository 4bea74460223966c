//! Titles that would run into their bodies as one phrase: an inline title must end as a
//! sentence does (学习为先。教师必需…), or it reads 加强民主管理每学年召开一次教代会。

use super::nodes::Seen;
use crate::error::{Finding, Seg};
use crate::model::Layout;
use crate::msg;
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
    let mut start: String = body.chars().take(8).collect();
    if start.len() < body.len() {
        start.push('…');
    }
    let mut path = seen.path.to_vec();
    path.push(Seg::Key("title"));
    out.push(Finding::warning(
        path,
        msg!("glued-title", title = title, body = start),
        msg!("glued-title-hint", title = title),
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

    #[test]
    fn a_glued_title_in_chinese() {
        use crate::messages::Lang;
        let found = crate::lint::said(
            Lang::Zh,
            "sections:\n- {title: 加强民主管理, body: 每学年召开一次教代会。, layout: inline}\n",
        );
        assert_eq!(
            found,
            [(
                "标题和正文连成了一句：`加强民主管理每学年召开一次教…`".to_owned(),
                "请在标题末尾加上“。”或“：”（`加强民主管理。`），或用 `样式: 标题` 让标题单独成行"
                    .to_owned()
            )]
        );
    }
}
