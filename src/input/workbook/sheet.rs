//! A sheet of the form: its table found by the header labels of [`crate::model::form`], a
//! column by its label wherever it stands, each cell turned into a node at that cell.

use super::cells;
use crate::diagnostics::{Diagnostic, Pos};
use crate::input::yaml::{Node, Value};
use crate::model::form::{Col, Column, HEADER_SEARCH_ROWS};
use crate::text::fold;
use calamine::{Data, Range};

/// One sheet of a workbook, with the sheet's name as the form spells it (diagnostics carry
/// it as `&'static str`).
pub struct Sheet {
    pub name: &'static str,
    pub range: Range<Data>,
}

/// A table of a sheet: its header row and, for each column of the layout, where it is.
pub struct Table<'s> {
    pub sheet: &'s Sheet,
    /// 0-based row of the header.
    pub header: u32,
    /// Per layout column, its 0-based column in the sheet (`None`: not found).
    pub cols: Vec<Option<u32>>,
    /// The last row with anything in it.
    pub last: u32,
}

impl Sheet {
    /// The 1-based position of a 0-based cell.
    pub fn pos(&self, row: u32, col: u32) -> Pos {
        Pos::cell(self.name, row + 1, col + 1)
    }

    /// The cell at a 0-based position (`Empty` outside the used range).
    pub fn get(&self, row: u32, col: u32) -> &Data {
        self.range.get_value((row, col)).unwrap_or(&Data::Empty)
    }

    /// The text of a cell, folded for comparing labels.
    pub fn label(&self, row: u32, col: u32) -> Option<String> {
        match self.get(row, col) {
            Data::String(s) => Some(fold(s)),
            _ => None,
        }
    }

    /// A cell as a node; an error cell (`#REF!`) is an error and an empty node.
    pub fn node(&self, row: u32, col: u32, file: &str, diags: &mut Vec<Diagnostic>) -> Node {
        let pos = self.pos(row, col);
        Node {
            value: cells::value(self.get(row, col), pos, file, diags),
            pos,
        }
    }

    /// The last used row and column (0-based), if any.
    fn end(&self) -> Option<(u32, u32)> {
        self.range.end()
    }

    /// Finds the table whose header row holds the label of `columns[0]`, among the first
    /// rows; `Err` lists the labels of the columns that are missing.
    pub fn table(&self, columns: &[Column]) -> Result<Table<'_>, Vec<&'static str>> {
        let all = || columns.iter().map(|c| c.label).collect::<Vec<_>>();
        let Some((last_row, last_col)) = self.end() else {
            return Err(all());
        };
        let first = fold(columns[0].label);
        let header = (0..=last_row.min(HEADER_SEARCH_ROWS))
            .find(|&r| (0..=last_col).any(|c| self.label(r, c).as_deref() == Some(&first)));
        let Some(header) = header else {
            return Err(all());
        };
        let cols: Vec<Option<u32>> = columns
            .iter()
            .map(|col| {
                let want = fold(col.label);
                (0..=last_col).find(|&c| self.label(header, c).as_deref() == Some(&want))
            })
            .collect();
        let missing: Vec<&'static str> = columns
            .iter()
            .zip(&cols)
            .filter(|(c, at)| at.is_none() && c.col != Col::Shown)
            .map(|(c, _)| c.label)
            .collect();
        if !missing.is_empty() {
            return Err(missing);
        }
        Ok(Table {
            sheet: self,
            header,
            cols,
            last: last_row,
        })
    }
}

impl Table<'_> {
    /// The rows below the header.
    pub fn rows(&self) -> std::ops::RangeInclusive<u32> {
        self.header + 1..=self.last.max(self.header)
    }

    /// The node of layout column `i` in `row`; `None` when the column is not in the sheet.
    pub fn node(
        &self,
        row: u32,
        i: usize,
        file: &str,
        diags: &mut Vec<Diagnostic>,
    ) -> Option<Node> {
        self.cols[i].map(|c| self.sheet.node(row, c, file, diags))
    }

    /// Whether every answer cell of `row` is empty (its locked cells do not count).
    pub fn unanswered(&self, row: u32, columns: &[Column]) -> bool {
        columns.iter().zip(&self.cols).all(|(c, at)| {
            !matches!(c.col, Col::Answer(_))
                || at.is_none_or(|at| cells::is_blank(self.sheet.get(row, at)))
        })
    }
}

/// A key node for `key`, placed at the cell of its value (so that a problem with the key
/// points at the cell).
pub fn key(key: &str, at: Pos) -> Node {
    Node {
        value: Value::Str(key.to_string()),
        pos: at,
    }
}
