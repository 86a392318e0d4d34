//! The text of a plan document made the same as the plan reader would make it: invisible
//! characters removed, text typed in a legacy font encoding (old Word plans in .VnTime)
//! converted to Unicode. Without this the plan written would not read back as imported.

use super::document::Block;
use super::error::ImportError;
use crate::input::chars;
use crate::input::legacy::{self, Legacy};
use crate::model::plan_import::{ReviewItem, ReviewKind, ReviewPlace};

/// Cleans every paragraph and cell; a note for the review list when something was converted.
pub fn clean(blocks: Vec<Block>) -> Result<(Vec<Block>, Option<ReviewItem>), ImportError> {
    let mut converted: Vec<&'static str> = Vec::new();
    let mut one = |s: String| -> Result<String, ImportError> {
        let s = chars::remove_invisible(&s).map_or(s, |(clean, _, _)| clean);
        match legacy::check(&s) {
            Legacy::Unicode => Ok(s),
            Legacy::Converted { encoding, text } => {
                converted.push(encoding.name());
                Ok(text)
            }
            Legacy::Unclear => Err(ImportError::Legacy(s.chars().take(60).collect())),
        }
    };
    let mut out = Vec::with_capacity(blocks.len());
    for b in blocks {
        out.push(match b {
            Block::Para(p) => Block::Para(one(p)?),
            Block::Table(rows) => Block::Table(
                rows.into_iter()
                    .map(|r| r.into_iter().map(&mut one).collect())
                    .collect::<Result<_, _>>()?,
            ),
        });
    }
    let note = (!converted.is_empty()).then(|| {
        converted.sort_unstable();
        converted.dedup();
        ReviewItem::new(
            ReviewKind::Check,
            ReviewPlace::Plan,
            "bang_ma",
            format!(
                "văn bản gõ bằng bảng mã cũ {}; đã chuyển sang Unicode, hãy đọc lại tên và nội dung nhiệm vụ.",
                converted.join(", ")
            ),
        )
    });
    Ok((out, note))
}

/// The first text of a plan that the plan reader would refuse as typed in a legacy encoding it
/// cannot convert (a field cut from a paragraph can look so alone), with its start.
pub fn unclear_field(plan: &crate::model::plan::Plan) -> Option<String> {
    let areas = plan.areas().iter().map(|a| a.name.as_str());
    let tasks = plan.tasks().iter().flat_map(|t| {
        [t.label.as_str(), &t.content, &t.product, &t.time_limit.text]
            .into_iter()
            .chain(t.lead_other.as_deref())
            .chain(t.coord_other.as_deref())
            .chain(t.time_limit.milestones.iter().map(|m| m.what.as_str()))
    });
    [plan.number.as_str(), plan.title.as_str()]
        .into_iter()
        .chain(areas)
        .chain(tasks)
        .find(|s| legacy::check(s) == Legacy::Unclear)
        .map(|s| s.chars().take(60).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn legacy_text_is_converted_and_noted_unicode_left_alone() {
        let blocks = vec![
            Block::Para("Phßng Néi vô".into()),
            Block::Table(vec![vec!["Rà soát\u{200B}".into()]]),
        ];
        let (out, note) = clean(blocks).unwrap();
        assert_eq!(
            out,
            vec![
                Block::Para("Phòng Nội vụ".into()),
                Block::Table(vec![vec!["Rà soát".into()]]),
            ]
        );
        assert!(note.is_some());
        let (_, none) = clean(vec![Block::Para("Phòng Nội vụ".into())]).unwrap();
        assert!(none.is_none());
        assert!(matches!(
            clean(vec![Block::Para("Qþx ¬¬¬z ®®®w".into())]),
            Err(ImportError::Legacy(_))
        ));
    }
}
