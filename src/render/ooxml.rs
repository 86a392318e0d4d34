//! Finishing pass for the DOCX files docx-rs 0.4.22 writes.
//!
//! docx-rs puts the children of many WordprocessingML property containers (`w:pPr`, `w:tcPr`,
//! `w:sectPr`, `w:style`, `w:settings`, ...) in an order the schema forbids, writes an
//! undeclared `w:type` on `w:gridCol`, puts `<w:rPr/>` into `w:pPr` elements that may not
//! contain one, stores every zip entry uncompressed and has no API for repeating table header
//! rows. Word may refuse or "repair" such files (LibreOffice does not care). [`finish_docx`]
//! turns its output into the file we ship:
//!
//! - every WordprocessingML part (`document`, `header*`, `footer*`, `styles`, `numbering`,
//!   `settings`, `footnotes`, `endnotes`, `comments`, `fontTable`) gets its element children
//!   stably sorted into schema order, with the small fixes of `shared/notes/ooxml-order.md`
//!   (drop `gridCol/@w:type`; move or drop `w:rPr` in a `w:pPr` outside `w:p`; declare
//!   `mc:Ignorable` for Word extension elements in `w:settings` and put them last; empty the
//!   `w:ins`/`w:del` markers of tracked rows; un-double the braces of `w15:docId`);
//! - the header-row sentinel ([`TBL_HEADER_SENTINEL`], produced by [`header_row`]) becomes
//!   `<w:tblHeader />`;
//! - the `w14:paraId` values are renumbered 1, 2, 3, ... in document order (docx-rs draws them
//!   from a thread-local counter, so they would otherwise depend on what the thread built
//!   before), consistently in every part that refers to them;
//! - `docProps/core.xml` gets fixed creation and modification dates;
//! - the files are re-zipped deflated, in a fixed order, with 1980-01-01 timestamps (the
//!   directory entries docx-rs adds are dropped).
//!
//! Everything else is copied byte for byte: the parts are parsed with quick-xml only to find
//! the element boundaries, and the output is assembled from slices of the input. The pass is
//! idempotent and deterministic.

use std::collections::{BTreeSet, HashMap};
use std::fmt;
use std::io::{Cursor, Read, Write};

use chrono::NaiveDate;
use docx_rs::{HeightRule, TableRow};
use quick_xml::events::Event;
use quick_xml::name::{QName, ResolveResult};
use quick_xml::reader::NsReader;

/// The `w:trHeight` element docx-rs writes for a row built by [`header_row`]. The renderer puts
/// it on the header rows of data tables; [`finish_docx`] replaces it with `<w:tblHeader />`
/// (repeat the row at the top of every page), because docx-rs 0.4.22 has no API for that.
pub const TBL_HEADER_SENTINEL: &str = r#"<w:trHeight w:val="1" w:hRule="auto" />"#;

/// The row height (in twips, with `HeightRule::Auto`) that produces [`TBL_HEADER_SENTINEL`].
/// A 1-twip minimum height has no visible effect, so nothing is lost if the pass is skipped.
pub const TBL_HEADER_SENTINEL_HEIGHT: f32 = 1.0;

/// Marks `row` as a table header row, repeated on every page once [`finish_docx`] has run.
pub fn header_row(row: TableRow) -> TableRow {
    row.row_height(TBL_HEADER_SENTINEL_HEIGHT)
        .height_rule(HeightRule::Auto)
}

/// Why a DOCX file could not be finished.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OoxmlError {
    /// The zip container could not be read or written.
    Zip(String),
    /// A part of the package is not well-formed XML.
    Xml {
        /// The part's name inside the package, e.g. `word/document.xml`.
        part: String,
        /// What the parser reported.
        message: String,
    },
}

impl fmt::Display for OoxmlError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            OoxmlError::Zip(message) => {
                write!(f, "Không xử lý được tệp DOCX: lỗi gói ZIP ({message})")
            }
            OoxmlError::Xml { part, message } => write!(
                f,
                "Không xử lý được tệp DOCX: phần {part} không phải XML hợp lệ ({message})"
            ),
        }
    }
}

impl std::error::Error for OoxmlError {}

fn zip_error(e: impl fmt::Display) -> OoxmlError {
    OoxmlError::Zip(e.to_string())
}

// ---------------------------------------------------------------------------------------------
// Package level
// ---------------------------------------------------------------------------------------------

/// Turns docx-rs output into the file we ship: every WordprocessingML part in schema order
/// with the fixes of ooxml-order.md, the header-row sentinel turned into `<w:tblHeader/>`,
/// entries deflated with fixed timestamps (1980-01-01) in a fixed order, and
/// `docProps/core.xml` dates set to midnight UTC of `created`.
pub fn finish_docx(raw: &[u8], created: NaiveDate) -> Result<Vec<u8>, OoxmlError> {
    let created = format!("{}T00:00:00Z", crate::render::format::iso_date(created));
    let created = created.as_str();
    let mut archive = zip::ZipArchive::new(Cursor::new(raw)).map_err(zip_error)?;
    let mut entries: Vec<(String, Vec<u8>)> = Vec::with_capacity(archive.len());
    for i in 0..archive.len() {
        let mut file = archive.by_index(i).map_err(zip_error)?;
        if file.is_dir() {
            continue;
        }
        let name = file.name().map_err(zip_error)?.into_owned();
        let mut data = Vec::with_capacity(usize::try_from(file.size()).unwrap_or(0));
        file.read_to_end(&mut data).map_err(zip_error)?;
        entries.push((name, data));
    }
    entries.sort_by(|a, b| (entry_group(&a.0), &a.0).cmp(&(entry_group(&b.0), &b.0)));
    if let Some(w) = entries.windows(2).find(|w| w[0].0 == w[1].0) {
        return Err(OoxmlError::Zip(format!("mục {} xuất hiện hai lần", w[0].0)));
    }

    // The main document is processed first so that its paragraphs get the first paraIds.
    let mut work: Vec<usize> = (0..entries.len()).collect();
    work.sort_by_key(|&i| entries[i].0 != "word/document.xml");
    let mut para_ids = ParaIds::default();
    for i in work {
        let (name, data) = &entries[i];
        if let Some(kind) = part_kind(name, data) {
            let out = process_part(name, data, kind, created, &mut para_ids)?;
            entries[i].1 = out;
        }
    }

    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .compression_level(Some(6))
        .last_modified_time(zip::DateTime::default())
        .system(zip::System::Unix)
        .unix_permissions(0o644);
    let mut writer = zip::ZipWriter::new(Cursor::new(Vec::with_capacity(raw.len() / 4)));
    for (name, data) in &entries {
        writer
            .start_file(name.as_str(), options)
            .map_err(zip_error)?;
        writer.write_all(data).map_err(zip_error)?;
    }
    Ok(writer.finish().map_err(zip_error)?.into_inner())
}

/// Entry order in the output: the content types first and the package relationships second,
/// as Word writes them; everything else by name.
fn entry_group(name: &str) -> u8 {
    match name {
        "[Content_Types].xml" => 0,
        "_rels/.rels" => 1,
        _ => 2,
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum PartKind {
    /// A WordprocessingML part: sort and fix. `settings` marks `word/settings.xml`.
    Wml { settings: bool },
    /// Another part under `word/` that refers to paragraph ids (`commentsExtended.xml`, ...).
    ParaIdsOnly,
    /// `docProps/core.xml`.
    Core,
}

fn part_kind(name: &str, data: &[u8]) -> Option<PartKind> {
    if name == "docProps/core.xml" {
        return Some(PartKind::Core);
    }
    let file = name.strip_prefix("word/")?.strip_suffix(".xml")?;
    let numbered = |prefix: &str| {
        file.strip_prefix(prefix)
            .is_some_and(|n| n.bytes().all(|b| b.is_ascii_digit()))
    };
    match file {
        "settings" => Some(PartKind::Wml { settings: true }),
        "document" | "styles" | "numbering" | "footnotes" | "endnotes" | "comments"
        | "fontTable" => Some(PartKind::Wml { settings: false }),
        _ if numbered("header") || numbered("footer") => Some(PartKind::Wml { settings: false }),
        _ if !file.contains('/') && find(data, b"paraId").is_some() => Some(PartKind::ParaIdsOnly),
        _ => None,
    }
}

fn process_part(
    name: &str,
    data: &[u8],
    kind: PartKind,
    created: &str,
    para_ids: &mut ParaIds,
) -> Result<Vec<u8>, OoxmlError> {
    let mut tree = Tree::parse(data, kind, para_ids).map_err(|message| OoxmlError::Xml {
        part: name.to_owned(),
        message,
    })?;
    match kind {
        PartKind::Wml { settings } => {
            tree.canonicalize(settings);
            if settings {
                tree.declare_ignorable();
            }
        }
        PartKind::Core => tree.set_core_dates(created),
        PartKind::ParaIdsOnly => {}
    }
    Ok(tree.write())
}

// ---------------------------------------------------------------------------------------------
// Schema orders (generated from shared/notes/ooxml-order.md, which extracted them from
// ISO-IEC29500-4_2016/wml.xsd; re-checked against that schema when this file was written).
// `*` stands for every child not named in the list.
// ---------------------------------------------------------------------------------------------

const ORDER_PPR: &[&str] = &[
    "pStyle",
    "keepNext",
    "keepLines",
    "pageBreakBefore",
    "framePr",
    "widowControl",
    "numPr",
    "suppressLineNumbers",
    "pBdr",
    "shd",
    "tabs",
    "suppressAutoHyphens",
    "kinsoku",
    "wordWrap",
    "overflowPunct",
    "topLinePunct",
    "autoSpaceDE",
    "autoSpaceDN",
    "bidi",
    "adjustRightInd",
    "snapToGrid",
    "spacing",
    "ind",
    "contextualSpacing",
    "mirrorIndents",
    "suppressOverlap",
    "jc",
    "textDirection",
    "textAlignment",
    "textboxTightWrap",
    "outlineLvl",
    "divId",
    "cnfStyle",
    "rPr",
    "sectPr",
    "pPrChange",
];
const ORDER_TCPR: &[&str] = &[
    "cnfStyle",
    "tcW",
    "gridSpan",
    "hMerge",
    "vMerge",
    "tcBorders",
    "shd",
    "noWrap",
    "tcMar",
    "textDirection",
    "tcFitText",
    "vAlign",
    "hideMark",
    "headers",
    "cellIns",
    "cellDel",
    "cellMerge",
    "tcPrChange",
];
const ORDER_TBLPR: &[&str] = &[
    "tblStyle",
    "tblpPr",
    "tblOverlap",
    "bidiVisual",
    "tblStyleRowBandSize",
    "tblStyleColBandSize",
    "tblW",
    "jc",
    "tblCellSpacing",
    "tblInd",
    "tblBorders",
    "shd",
    "tblLayout",
    "tblCellMar",
    "tblLook",
    "tblCaption",
    "tblDescription",
    "tblPrChange",
];
const ORDER_SECTPR: &[&str] = &[
    "headerReference",
    "footerReference",
    "footnotePr",
    "endnotePr",
    "type",
    "pgSz",
    "pgMar",
    "paperSrc",
    "pgBorders",
    "lnNumType",
    "pgNumType",
    "cols",
    "formProt",
    "vAlign",
    "noEndnote",
    "titlePg",
    "textDirection",
    "bidi",
    "rtlGutter",
    "docGrid",
    "printerSettings",
    "sectPrChange",
];
const ORDER_SETTINGS: &[&str] = &[
    "writeProtection",
    "view",
    "zoom",
    "removePersonalInformation",
    "removeDateAndTime",
    "doNotDisplayPageBoundaries",
    "displayBackgroundShape",
    "printPostScriptOverText",
    "printFractionalCharacterWidth",
    "printFormsData",
    "embedTrueTypeFonts",
    "embedSystemFonts",
    "saveSubsetFonts",
    "saveFormsData",
    "mirrorMargins",
    "alignBordersAndEdges",
    "bordersDoNotSurroundHeader",
    "bordersDoNotSurroundFooter",
    "gutterAtTop",
    "hideSpellingErrors",
    "hideGrammaticalErrors",
    "activeWritingStyle",
    "proofState",
    "formsDesign",
    "attachedTemplate",
    "linkStyles",
    "stylePaneFormatFilter",
    "stylePaneSortMethod",
    "documentType",
    "mailMerge",
    "revisionView",
    "trackRevisions",
    "doNotTrackMoves",
    "doNotTrackFormatting",
    "documentProtection",
    "autoFormatOverride",
    "styleLockTheme",
    "styleLockQFSet",
    "defaultTabStop",
    "autoHyphenation",
    "consecutiveHyphenLimit",
    "hyphenationZone",
    "doNotHyphenateCaps",
    "showEnvelope",
    "summaryLength",
    "clickAndTypeStyle",
    "defaultTableStyle",
    "evenAndOddHeaders",
    "bookFoldRevPrinting",
    "bookFoldPrinting",
    "bookFoldPrintingSheets",
    "drawingGridHorizontalSpacing",
    "drawingGridVerticalSpacing",
    "displayHorizontalDrawingGridEvery",
    "displayVerticalDrawingGridEvery",
    "doNotUseMarginsForDrawingGridOrigin",
    "drawingGridHorizontalOrigin",
    "drawingGridVerticalOrigin",
    "doNotShadeFormData",
    "noPunctuationKerning",
    "characterSpacingControl",
    "printTwoOnOne",
    "strictFirstAndLastChars",
    "noLineBreaksAfter",
    "noLineBreaksBefore",
    "savePreviewPicture",
    "doNotValidateAgainstSchema",
    "saveInvalidXml",
    "ignoreMixedContent",
    "alwaysShowPlaceholderText",
    "doNotDemarcateInvalidXml",
    "saveXmlDataOnly",
    "useXSLTWhenSaving",
    "saveThroughXslt",
    "showXMLTags",
    "alwaysMergeEmptyNamespace",
    "updateFields",
    "hdrShapeDefaults",
    "footnotePr",
    "endnotePr",
    "compat",
    "docVars",
    "rsids",
    "m:mathPr",
    "attachedSchema",
    "themeFontLang",
    "clrSchemeMapping",
    "doNotIncludeSubdocsInStats",
    "doNotAutoCompressPictures",
    "forceUpgrade",
    "captions",
    "readModeInkLockDown",
    "smartTagType",
    "sl:schemaLibrary",
    "shapeDefaults",
    "doNotEmbedSmartTags",
    "decimalSymbol",
    "listSeparator",
];
const ORDER_STYLE: &[&str] = &[
    "name",
    "aliases",
    "basedOn",
    "next",
    "link",
    "autoRedefine",
    "hidden",
    "uiPriority",
    "semiHidden",
    "unhideWhenUsed",
    "qFormat",
    "locked",
    "personal",
    "personalCompose",
    "personalReply",
    "rsid",
    "pPr",
    "rPr",
    "tblPr",
    "trPr",
    "tcPr",
    "tblStylePr",
];
const ORDER_LVL: &[&str] = &[
    "start",
    "numFmt",
    "lvlRestart",
    "pStyle",
    "isLgl",
    "suff",
    "lvlText",
    "lvlPicBulletId",
    "legacy",
    "lvlJc",
    "pPr",
    "rPr",
];
const ORDER_NUMPR: &[&str] = &["ilvl", "numId", "numberingChange", "ins"];
const ORDER_TRPR: &[&str] = &[
    "cnfStyle",
    "divId",
    "gridBefore",
    "gridAfter",
    "wBefore",
    "wAfter",
    "cantSplit",
    "trHeight",
    "tblHeader",
    "tblCellSpacing",
    "jc",
    "hidden",
    "ins",
    "del",
    "trPrChange",
];
const ORDER_RPR: &[&str] = &[
    "ins",
    "del",
    "moveFrom",
    "moveTo",
    "rStyle",
    "rFonts",
    "b",
    "bCs",
    "i",
    "iCs",
    "caps",
    "smallCaps",
    "strike",
    "dstrike",
    "outline",
    "shadow",
    "emboss",
    "imprint",
    "noProof",
    "snapToGrid",
    "vanish",
    "webHidden",
    "color",
    "spacing",
    "w",
    "kern",
    "position",
    "sz",
    "szCs",
    "highlight",
    "u",
    "effect",
    "bdr",
    "shd",
    "fitText",
    "vertAlign",
    "rtl",
    "cs",
    "em",
    "lang",
    "eastAsianLayout",
    "specVanish",
    "oMath",
    "rPrChange",
];
const ORDER_DOCDEFAULTS: &[&str] = &["rPrDefault", "pPrDefault"];
const ORDER_STYLES: &[&str] = &["docDefaults", "latentStyles", "style"];
const ORDER_NUMBERING: &[&str] = &["numPicBullet", "abstractNum", "num", "numIdMacAtCleanup"];
const ORDER_ABSTRACTNUM: &[&str] = &[
    "nsid",
    "multiLevelType",
    "tmpl",
    "name",
    "styleLink",
    "numStyleLink",
    "lvl",
];
const ORDER_NUM: &[&str] = &["abstractNumId", "lvlOverride"];
const ORDER_LVLOVERRIDE: &[&str] = &["startOverride", "lvl"];
const ORDER_TBLGRID: &[&str] = &["gridCol", "tblGridChange"];
const ORDER_TBLPREX: &[&str] = &[
    "tblW",
    "jc",
    "tblCellSpacing",
    "tblInd",
    "tblBorders",
    "shd",
    "tblLayout",
    "tblCellMar",
    "tblLook",
    "tblPrExChange",
];
const ORDER_PBDR: &[&str] = &["top", "left", "bottom", "right", "between", "bar"];
const ORDER_TBLBORDERS: &[&str] = &[
    "top", "start", "left", "bottom", "end", "right", "insideH", "insideV",
];
const ORDER_TCBORDERS: &[&str] = &[
    "top", "start", "left", "bottom", "end", "right", "insideH", "insideV", "tl2br", "tr2bl",
];
const ORDER_TBLCELLMAR: &[&str] = &["top", "start", "left", "bottom", "end", "right"];
const ORDER_TCMAR: &[&str] = &["top", "start", "left", "bottom", "end", "right"];
const ORDER_FONT: &[&str] = &[
    "altName",
    "panose1",
    "charset",
    "family",
    "notTrueType",
    "pitch",
    "sig",
    "embedRegular",
    "embedBold",
    "embedItalic",
    "embedBoldItalic",
];
const ORDER_SDT: &[&str] = &["sdtPr", "sdtEndPr", "sdtContent"];
const ORDER_SDTPR: &[&str] = &[
    "rPr",
    "alias",
    "tag",
    "id",
    "lock",
    "placeholder",
    "temporary",
    "showingPlcHdr",
    "dataBinding",
    "label",
    "tabIndex",
    "equation",
    "comboBox",
    "date",
    "docPartObj",
    "docPartList",
    "dropDownList",
    "picture",
    "richText",
    "text",
    "citation",
    "group",
    "bibliography",
];
const ORDER_DOCUMENT: &[&str] = &["background", "body"];
const ORDER_COMPAT: &[&str] = &[
    "useSingleBorderforContiguousCells",
    "wpJustification",
    "noTabHangInd",
    "noLeading",
    "spaceForUL",
    "noColumnBalance",
    "balanceSingleByteDoubleByteWidth",
    "noExtraLineSpacing",
    "doNotLeaveBackslashAlone",
    "ulTrailSpace",
    "doNotExpandShiftReturn",
    "spacingInWholePoints",
    "lineWrapLikeWord6",
    "printBodyTextBeforeHeader",
    "printColBlack",
    "wpSpaceWidth",
    "showBreaksInFrames",
    "subFontBySize",
    "suppressBottomSpacing",
    "suppressTopSpacing",
    "suppressSpacingAtTopOfPage",
    "suppressTopSpacingWP",
    "suppressSpBfAfterPgBrk",
    "swapBordersFacingPages",
    "convMailMergeEsc",
    "truncateFontHeightsLikeWP6",
    "mwSmallCaps",
    "usePrinterMetrics",
    "doNotSuppressParagraphBorders",
    "wrapTrailSpaces",
    "footnoteLayoutLikeWW8",
    "shapeLayoutLikeWW8",
    "alignTablesRowByRow",
    "forgetLastTabAlignment",
    "adjustLineHeightInTable",
    "autoSpaceLikeWord95",
    "noSpaceRaiseLower",
    "doNotUseHTMLParagraphAutoSpacing",
    "layoutRawTableWidth",
    "layoutTableRowsApart",
    "useWord97LineBreakRules",
    "doNotBreakWrappedTables",
    "doNotSnapToGridInCell",
    "selectFldWithFirstOrLastChar",
    "applyBreakingRules",
    "doNotWrapTextWithPunct",
    "doNotUseEastAsianBreakRules",
    "useWord2002TableStyleRules",
    "growAutofit",
    "useFELayout",
    "useNormalStyleForList",
    "doNotUseIndentAsNumberingTabStop",
    "useAltKinsokuLineBreakRules",
    "allowSpaceOfSameStyleInTable",
    "doNotSuppressIndentation",
    "doNotAutofitConstrainedTables",
    "autofitToFirstFixedWidthCell",
    "underlineTabInNumList",
    "displayHangulFixedWidth",
    "splitPgBreakAndParaMark",
    "doNotVertAlignCellWithSp",
    "doNotBreakConstrainedForcedTable",
    "doNotVertAlignInTxbx",
    "useAnsiKerningPairs",
    "cachedColBalance",
    "compatSetting",
];
const ORDER_BODY: &[&str] = &["*", "sectPr"];
const ORDER_P: &[&str] = &["pPr", "*"];
const ORDER_R: &[&str] = &["rPr", "*"];
const ORDER_TC: &[&str] = &["tcPr", "*"];
const ORDER_TR: &[&str] = &["tblPrEx", "trPr", "*"];
const ORDER_TBL: &[&str] = &["tblPr", "tblGrid", "*"];

/// The child order of a container element in the `w:` namespace, if it has one.
fn order_of(local: &[u8]) -> Option<&'static [&'static str]> {
    Some(match local {
        b"pPr" => ORDER_PPR,
        b"tcPr" => ORDER_TCPR,
        b"tblPr" => ORDER_TBLPR,
        b"sectPr" => ORDER_SECTPR,
        b"settings" => ORDER_SETTINGS,
        b"style" => ORDER_STYLE,
        b"lvl" => ORDER_LVL,
        b"numPr" => ORDER_NUMPR,
        b"trPr" => ORDER_TRPR,
        b"rPr" => ORDER_RPR,
        b"docDefaults" => ORDER_DOCDEFAULTS,
        b"styles" => ORDER_STYLES,
        b"numbering" => ORDER_NUMBERING,
        b"abstractNum" => ORDER_ABSTRACTNUM,
        b"num" => ORDER_NUM,
        b"lvlOverride" => ORDER_LVLOVERRIDE,
        b"tblGrid" => ORDER_TBLGRID,
        b"tblPrEx" => ORDER_TBLPREX,
        b"pBdr" => ORDER_PBDR,
        b"tblBorders" => ORDER_TBLBORDERS,
        b"tcBorders" => ORDER_TCBORDERS,
        b"tblCellMar" => ORDER_TBLCELLMAR,
        b"tcMar" => ORDER_TCMAR,
        b"font" => ORDER_FONT,
        b"sdt" => ORDER_SDT,
        b"sdtPr" => ORDER_SDTPR,
        b"document" => ORDER_DOCUMENT,
        b"compat" => ORDER_COMPAT,
        b"body" => ORDER_BODY,
        b"p" => ORDER_P,
        b"r" => ORDER_R,
        b"tc" => ORDER_TC,
        b"tr" => ORDER_TR,
        b"tbl" => ORDER_TBL,
        _ => return None,
    })
}

/// Elements whose `w:pPr` child is CT_PPrGeneral and whose own `w:rPr` child is where the
/// run properties of a misplaced `pPr/rPr` belong.
const RPR_HOMES: &[&[u8]] = &[b"style", b"lvl", b"tblStylePr"];

// ---------------------------------------------------------------------------------------------
// Namespaces
// ---------------------------------------------------------------------------------------------

const NS_W: &[u8] = b"http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const NS_M: &[u8] = b"http://schemas.openxmlformats.org/officeDocument/2006/math";
const NS_SL: &[u8] = b"http://schemas.openxmlformats.org/schemaLibrary/2006/main";
const NS_MC: &[u8] = b"http://schemas.openxmlformats.org/markup-compatibility/2006";
const NS_DCTERMS: &[u8] = b"http://purl.org/dc/terms/";
/// w14, w15, w16cid, ...: Word's extension namespaces (not in ISO 29500).
const NS_WORD_EXT_PREFIX: &[u8] = b"http://schemas.microsoft.com/office/word/";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Ns {
    W,
    Math,
    SchemaLibrary,
    Mc,
    DcTerms,
    WordExt,
    Other,
}

fn classify(result: &ResolveResult<'_>) -> Ns {
    let ResolveResult::Bound(ns) = result else {
        return Ns::Other;
    };
    match ns.as_ref() {
        NS_W => Ns::W,
        NS_M => Ns::Math,
        NS_SL => Ns::SchemaLibrary,
        NS_MC => Ns::Mc,
        NS_DCTERMS => Ns::DcTerms,
        uri if uri.starts_with(NS_WORD_EXT_PREFIX) => Ns::WordExt,
        _ => Ns::Other,
    }
}

/// Whether an entry of an order list (`name`, `m:name` or `sl:name`) names this element.
fn entry_matches(entry: &str, ns: Ns, local: &[u8]) -> bool {
    match entry.split_once(':') {
        None => ns == Ns::W && entry.as_bytes() == local,
        Some(("m", name)) => ns == Ns::Math && name.as_bytes() == local,
        Some(("sl", name)) => ns == Ns::SchemaLibrary && name.as_bytes() == local,
        Some(_) => false,
    }
}

// ---------------------------------------------------------------------------------------------
// Paragraph ids
// ---------------------------------------------------------------------------------------------

/// Maps the paraIds docx-rs drew from its thread-local counter to 1, 2, 3, ... in order of
/// first appearance, shared by all parts of one package.
#[derive(Default)]
struct ParaIds {
    map: HashMap<Vec<u8>, Vec<u8>>,
}

impl ParaIds {
    fn renumber(&mut self, old: &[u8]) -> Vec<u8> {
        if let Some(new) = self.map.get(old) {
            return new.clone();
        }
        let new = format!("{:08x}", self.map.len() + 1).into_bytes();
        self.map.insert(old.to_vec(), new.clone());
        new
    }
}

// ---------------------------------------------------------------------------------------------
// The tree: element boundaries over the original bytes
// ---------------------------------------------------------------------------------------------

/// Bytes of the output: a range of the part's source, or new bytes.
#[derive(Clone, Debug)]
enum Piece {
    Span(usize, usize),
    Owned(Box<[u8]>),
}

#[derive(Debug)]
struct Elem {
    ns: Ns,
    /// The qualified name.
    name: Piece,
    /// Where the local name starts in `name` (after the colon).
    local_at: usize,
    /// The start tag, or the whole element if it was written `<x/>`.
    start: Piece,
    /// `start` is an empty-element tag (`<x/>`).
    empty: bool,
    /// The end tag (`None` for `<x/>`).
    end: Option<Piece>,
    children: Vec<usize>,
}

#[derive(Debug)]
enum Node {
    /// Text, whitespace, comments, processing instructions, the XML declaration.
    Raw(Piece),
    Elem(Elem),
}

/// What was learnt about the root start tag of `word/settings.xml` while parsing.
#[derive(Default)]
struct SettingsInfo {
    /// Prefixes of Word extension namespaces used in the part.
    ext_prefixes: BTreeSet<Vec<u8>>,
    /// The prefix the root binds to the markup-compatibility namespace.
    mc_prefix: Option<Vec<u8>>,
    /// The value range (inside the start tag) of the root's `mc:Ignorable`.
    ignorable: Option<(usize, usize)>,
}

struct Tree<'a> {
    src: &'a [u8],
    nodes: Vec<Node>,
    /// The top level: declaration, comments, the root element, whitespace.
    top: Vec<usize>,
    root: Option<usize>,
    settings: SettingsInfo,
}

/// One attribute of a start tag, as ranges into the tag.
struct Attr {
    /// From the whitespace before the name to the closing quote.
    full: (usize, usize),
    key: (usize, usize),
    value: (usize, usize),
}

/// The attributes of a start tag whose name is `name_len` bytes long. Stops quietly at
/// anything malformed (quick-xml has checked the markup structure already).
fn scan_attrs(tag: &[u8], name_len: usize) -> Vec<Attr> {
    let mut attrs = Vec::new();
    let mut i = 1 + name_len;
    let is_space = |c: u8| matches!(c, b' ' | b'\t' | b'\r' | b'\n');
    loop {
        let full_start = i;
        while tag.get(i).is_some_and(|&c| is_space(c)) {
            i += 1;
        }
        let key_start = i;
        while tag
            .get(i)
            .is_some_and(|&c| !is_space(c) && !matches!(c, b'=' | b'/' | b'>'))
        {
            i += 1;
        }
        if i == key_start {
            return attrs;
        }
        let key = (key_start, i);
        while tag.get(i).is_some_and(|&c| is_space(c)) {
            i += 1;
        }
        if tag.get(i) != Some(&b'=') {
            return attrs;
        }
        i += 1;
        while tag.get(i).is_some_and(|&c| is_space(c)) {
            i += 1;
        }
        let Some(&quote @ (b'"' | b'\'')) = tag.get(i) else {
            return attrs;
        };
        let value_start = i + 1;
        let Some(len) = tag[value_start..].iter().position(|&c| c == quote) else {
            return attrs;
        };
        i = value_start + len + 1;
        attrs.push(Attr {
            full: (full_start, i),
            key,
            value: (value_start, value_start + len),
        });
    }
}

/// Replaces ranges of `tag` (sorted, not overlapping) with new bytes.
fn apply_edits(tag: &[u8], edits: &[((usize, usize), Vec<u8>)]) -> Vec<u8> {
    let mut out = Vec::with_capacity(tag.len() + 16);
    let mut at = 0;
    for ((from, to), with) in edits {
        out.extend_from_slice(&tag[at..*from]);
        out.extend_from_slice(with);
        at = *to;
    }
    out.extend_from_slice(&tag[at..]);
    out
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn escape_text(s: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.len());
    for b in s.bytes() {
        match b {
            b'&' => out.extend_from_slice(b"&amp;"),
            b'<' => out.extend_from_slice(b"&lt;"),
            b'>' => out.extend_from_slice(b"&gt;"),
            _ => out.push(b),
        }
    }
    out
}

impl<'a> Tree<'a> {
    fn bytes<'s>(&'s self, piece: &'s Piece) -> &'s [u8] {
        match piece {
            Piece::Span(from, to) => &self.src[*from..*to],
            Piece::Owned(bytes) => bytes,
        }
    }

    fn elem(&self, id: usize) -> Option<&Elem> {
        match &self.nodes[id] {
            Node::Elem(e) => Some(e),
            Node::Raw(_) => None,
        }
    }

    fn elem_mut(&mut self, id: usize) -> Option<&mut Elem> {
        match &mut self.nodes[id] {
            Node::Elem(e) => Some(e),
            Node::Raw(_) => None,
        }
    }

    fn local<'s>(&'s self, e: &'s Elem) -> &'s [u8] {
        &self.bytes(&e.name)[e.local_at..]
    }

    /// Whether node `id` is the element `w:{local}`.
    fn is_w(&self, id: usize, local: &[u8]) -> bool {
        self.elem(id)
            .is_some_and(|e| e.ns == Ns::W && self.local(e) == local)
    }

    fn children(&self, id: usize) -> &[usize] {
        self.elem(id).map_or(&[], |e| &e.children)
    }

    /// The first child of `id` that is the element `w:{local}`.
    fn child_w(&self, id: usize, local: &[u8]) -> Option<usize> {
        self.children(id)
            .iter()
            .copied()
            .find(|&c| self.is_w(c, local))
    }

    fn has_element_children(&self, id: usize) -> bool {
        self.children(id)
            .iter()
            .any(|&c| matches!(self.nodes[c], Node::Elem(_)))
    }

    fn push(&mut self, node: Node) -> usize {
        self.nodes.push(node);
        self.nodes.len() - 1
    }

    /// A new, empty element `{prefix}{local}` in the `w:` namespace.
    fn new_w_elem(&mut self, prefix: &[u8], local: &str) -> usize {
        let name = [prefix, local.as_bytes()].concat();
        let start = [b"<".as_slice(), &name, b">"].concat();
        let end = [b"</".as_slice(), &name, b">"].concat();
        self.push(Node::Elem(Elem {
            ns: Ns::W,
            local_at: prefix.len(),
            name: Piece::Owned(name.into()),
            start: Piece::Owned(start.into()),
            empty: false,
            end: Some(Piece::Owned(end.into())),
            children: Vec::new(),
        }))
    }

    fn prefix_of(&self, id: usize) -> Vec<u8> {
        self.elem(id)
            .map(|e| self.bytes(&e.name)[..e.local_at].to_vec())
            .unwrap_or_default()
    }

    // -----------------------------------------------------------------------------------------
    // Parsing
    // -----------------------------------------------------------------------------------------

    fn parse(src: &'a [u8], kind: PartKind, para_ids: &mut ParaIds) -> Result<Self, String> {
        let mut tree = Tree {
            src,
            nodes: Vec::with_capacity(src.len() / 24),
            top: Vec::new(),
            root: None,
            settings: SettingsInfo::default(),
        };
        let mut reader = NsReader::from_reader(src);
        let config = reader.config_mut();
        config.check_end_names = true;
        config.expand_empty_elements = false;
        config.trim_text(false);
        let mut stack: Vec<usize> = Vec::new();
        let mut last = 0usize;
        let settings_part = kind == (PartKind::Wml { settings: true });
        loop {
            let p0 = usize::try_from(reader.buffer_position()).map_err(|e| e.to_string())?;
            let (resolved, event) = match reader.read_resolved_event() {
                Ok(ok) => ok,
                Err(e) => return Err(format!("{e}")),
            };
            let ns = classify(&resolved);
            let p1 = usize::try_from(reader.buffer_position()).map_err(|e| e.to_string())?;
            if p0 > last {
                tree.append(&stack, Node::Raw(Piece::Span(last, p0)));
            }
            last = p1;
            match event {
                Event::Start(ref e) | Event::Empty(ref e) => {
                    let empty = matches!(event, Event::Empty(_));
                    let tag = &src[p0..p1];
                    let name_len = e.name().as_ref().len();
                    let qname = &tag[1..1 + name_len];
                    let local_at = qname.iter().position(|&c| c == b':').map_or(0, |i| i + 1);
                    let local = &qname[local_at..];
                    let parent = stack.last().and_then(|&p| tree.elem(p));
                    let parent_is =
                        |l: &[u8]| parent.is_some_and(|p| p.ns == Ns::W && tree.local(p) == l);
                    let resolve = |key: (usize, usize)| {
                        let (res, local) = reader
                            .resolver()
                            .resolve_attribute(QName(&tag[key.0..key.1]));
                        (classify(&res), local.into_inner())
                    };

                    let mut edits: Vec<((usize, usize), Vec<u8>)> = Vec::new();
                    let mut replaced: Option<(Vec<u8>, Vec<u8>)> = None; // (tag, qname)
                    let wml = matches!(kind, PartKind::Wml { .. });
                    if wml && ns == Ns::W && local == b"gridCol" {
                        // CT_TblGridCol declares only w:w; docx-rs adds w:type="dxa".
                        for a in scan_attrs(tag, name_len) {
                            if resolve(a.key) == (Ns::W, b"type".as_slice()) {
                                edits.push((a.full, Vec::new()));
                            }
                        }
                    }
                    if wml && empty && ns == Ns::W && local == b"trHeight" && parent_is(b"trPr") {
                        let attrs = scan_attrs(tag, name_len);
                        let is = |a: &Attr, name: &[u8], value: &[u8]| {
                            resolve(a.key) == (Ns::W, name) && &tag[a.value.0..a.value.1] == value
                        };
                        let sentinel = attrs.len() == 2
                            && attrs.iter().any(|a| is(a, b"val", b"1"))
                            && attrs.iter().any(|a| is(a, b"hRule", b"auto"));
                        if sentinel {
                            let name = [&qname[..local_at], b"tblHeader".as_slice()].concat();
                            let new_tag = [b"<".as_slice(), &name, b" />"].concat();
                            replaced = Some((new_tag, name));
                        }
                    }
                    if settings_part {
                        if stack.is_empty() {
                            for a in scan_attrs(tag, name_len) {
                                let key = &tag[a.key.0..a.key.1];
                                let value = &tag[a.value.0..a.value.1];
                                if let Some(prefix) = key.strip_prefix(b"xmlns:")
                                    && value == NS_MC
                                {
                                    tree.settings.mc_prefix = Some(prefix.to_vec());
                                } else if resolve(a.key) == (Ns::Mc, b"Ignorable".as_slice()) {
                                    tree.settings.ignorable = Some(a.value);
                                }
                            }
                        }
                        if ns == Ns::WordExt && local_at > 0 {
                            let prefix = &qname[..local_at - 1];
                            tree.settings.ext_prefixes.insert(prefix.to_vec());
                        }
                        for a in scan_attrs(tag, name_len) {
                            let key = &tag[a.key.0..a.key.1];
                            if key.starts_with(b"xmlns") {
                                continue;
                            }
                            let (attr_ns, attr_local) = resolve(a.key);
                            if attr_ns == Ns::WordExt
                                && let Some(colon) = key.iter().position(|&c| c == b':')
                            {
                                tree.settings.ext_prefixes.insert(key[..colon].to_vec());
                            }
                            // docx-rs wraps the id of Docx::doc_id in braces itself, so
                            // "{GUID}" comes out as "{{GUID}}".
                            let value = &tag[a.value.0..a.value.1];
                            if ns == Ns::WordExt
                                && local == b"docId"
                                && attr_ns == Ns::WordExt
                                && attr_local == b"val"
                                && value.starts_with(b"{{")
                                && value.ends_with(b"}}")
                            {
                                edits.push((a.value, value[1..value.len() - 1].to_vec()));
                            }
                        }
                    }
                    if kind != PartKind::Core && find(tag, b"paraId").is_some() {
                        for a in scan_attrs(tag, name_len) {
                            let (attr_ns, attr_local) = resolve(a.key);
                            if attr_ns == Ns::WordExt
                                && matches!(attr_local, b"paraId" | b"paraIdParent")
                            {
                                let new = para_ids.renumber(&tag[a.value.0..a.value.1]);
                                edits.push((a.value, new));
                            }
                        }
                    }

                    let (start, name, local_at) = if let Some((new_tag, name)) = replaced {
                        let at = local_at;
                        (Piece::Owned(new_tag.into()), Piece::Owned(name.into()), at)
                    } else if edits.is_empty() {
                        (
                            Piece::Span(p0, p1),
                            Piece::Span(p0 + 1, p0 + 1 + name_len),
                            local_at,
                        )
                    } else {
                        edits.sort_by_key(|(range, _)| *range);
                        let new_tag = apply_edits(tag, &edits);
                        (
                            Piece::Owned(new_tag.into()),
                            Piece::Span(p0 + 1, p0 + 1 + name_len),
                            local_at,
                        )
                    };
                    let id = tree.append(
                        &stack,
                        Node::Elem(Elem {
                            ns,
                            name,
                            local_at,
                            start,
                            empty,
                            end: None,
                            children: Vec::new(),
                        }),
                    );
                    if stack.is_empty() {
                        if tree.root.is_some() {
                            return Err("có nhiều hơn một phần tử gốc".to_owned());
                        }
                        tree.root = Some(id);
                    }
                    if !empty {
                        stack.push(id);
                    }
                }
                Event::End(_) => {
                    let id = stack
                        .pop()
                        .ok_or_else(|| format!("vị trí {p0}: thẻ đóng thừa"))?;
                    if let Some(e) = tree.elem_mut(id) {
                        e.end = Some(Piece::Span(p0, p1));
                    }
                }
                Event::Eof => break,
                _ => {
                    tree.append(&stack, Node::Raw(Piece::Span(p0, p1)));
                }
            }
        }
        if !stack.is_empty() {
            return Err("tệp kết thúc khi còn thẻ chưa đóng".to_owned());
        }
        if tree.root.is_none() {
            return Err("không có phần tử gốc".to_owned());
        }
        if last < src.len() {
            tree.append(&stack, Node::Raw(Piece::Span(last, src.len())));
        }
        Ok(tree)
    }

    /// Adds a node as the last child of the innermost open element (or at the top level).
    /// Adjacent raw ranges are merged.
    fn append(&mut self, stack: &[usize], node: Node) -> usize {
        let siblings_last = match stack.last() {
            Some(&parent) => self.children(parent).last().copied(),
            None => self.top.last().copied(),
        };
        if let (Node::Raw(Piece::Span(from, to)), Some(prev)) = (&node, siblings_last)
            && let Node::Raw(Piece::Span(_, prev_to)) = &mut self.nodes[prev]
            && *prev_to == *from
        {
            *prev_to = *to;
            return prev;
        }
        let id = self.push(node);
        match stack.last() {
            Some(&parent) => {
                if let Some(e) = self.elem_mut(parent) {
                    e.children.push(id);
                }
            }
            None => self.top.push(id),
        }
        id
    }

    // -----------------------------------------------------------------------------------------
    // WordprocessingML fixes and sorting
    // -----------------------------------------------------------------------------------------

    /// Applies the structural fixes and sorts every container, outside-in.
    fn canonicalize(&mut self, settings: bool) {
        let Some(root) = self.root else { return };
        let mut stack = vec![root];
        while let Some(id) = stack.pop() {
            self.fix_children(id);
            self.sort_children(id, settings);
            stack.extend(
                self.children(id)
                    .iter()
                    .copied()
                    .filter(|&c| matches!(self.nodes[c], Node::Elem(_))),
            );
        }
    }

    /// The fixes that change the children of element `id`.
    fn fix_children(&mut self, id: usize) {
        let Some(e) = self.elem(id) else { return };
        if e.ns != Ns::W {
            return;
        }
        let local = self.local(e).to_vec();
        match local.as_slice() {
            // CT_TrPr's ins/del are CT_TrackChange, which has no content; docx-rs writes a
            // w:r into them for TableRow::insert/delete.
            b"trPr" => {
                for c in self.children(id).to_vec() {
                    if (self.is_w(c, b"ins") || self.is_w(c, b"del"))
                        && let Some(e) = self.elem_mut(c)
                    {
                        e.children.clear();
                    }
                }
            }
            // The run properties of docDefaults/pPrDefault/pPr/rPr belong in rPrDefault/rPr.
            b"docDefaults" => {
                let moved = self
                    .child_w(id, b"pPrDefault")
                    .and_then(|d| self.child_w(d, b"pPr"))
                    .map(|p| self.take_rpr_content(p))
                    .unwrap_or_default();
                if !moved.is_empty() {
                    let prefix = self.prefix_of(id);
                    let default = match self.child_w(id, b"rPrDefault") {
                        Some(d) => d,
                        None => {
                            let d = self.new_w_elem(&prefix, "rPrDefault");
                            self.insert_child(id, None, d);
                            d
                        }
                    };
                    self.merge_into_rpr(default, None, moved, &prefix);
                }
            }
            _ => {}
        }
        // A w:pPr outside w:p (CT_PPrGeneral, CT_PPrBase) has no w:rPr: drop it, and move any
        // content to the rPr of the style / level / table style condition.
        if local.as_slice() != b"p" && self.child_w(id, b"pPr").is_some() {
            for p in self.children(id).to_vec() {
                if !self.is_w(p, b"pPr") {
                    continue;
                }
                let moved = self.take_rpr_content(p);
                let rprs: Vec<usize> = self
                    .children(p)
                    .iter()
                    .copied()
                    .filter(|&c| self.is_w(c, b"rPr"))
                    .collect();
                if let Some(e) = self.elem_mut(p) {
                    e.children.retain(|c| !rprs.contains(c));
                }
                if !moved.is_empty() && RPR_HOMES.contains(&local.as_slice()) {
                    let prefix = self.prefix_of(p);
                    self.merge_into_rpr(id, Some(p), moved, &prefix);
                }
            }
        }
    }

    /// Empties the w:rPr children of `ppr` and returns their element children.
    fn take_rpr_content(&mut self, ppr: usize) -> Vec<usize> {
        let mut moved = Vec::new();
        for r in self.children(ppr).to_vec() {
            if self.is_w(r, b"rPr") && self.has_element_children(r) {
                let kids = std::mem::take(&mut self.elem_mut(r).expect("element").children);
                moved.extend(
                    kids.into_iter()
                        .filter(|&k| matches!(self.nodes[k], Node::Elem(_))),
                );
            }
        }
        moved
    }

    /// Adds `moved` to the w:rPr child of `home`, skipping properties the rPr already sets.
    /// A missing rPr is created right after `after` (the pPr: in CT_Style, CT_Lvl and
    /// CT_TblStylePr the rPr comes right after the pPr), or first if `after` is `None`.
    fn merge_into_rpr(
        &mut self,
        home: usize,
        after: Option<usize>,
        moved: Vec<usize>,
        prefix: &[u8],
    ) {
        let rpr = match self.child_w(home, b"rPr") {
            Some(r) => r,
            None => {
                let r = self.new_w_elem(prefix, "rPr");
                self.insert_child(home, after, r);
                r
            }
        };
        for m in moved {
            let key = self.elem(m).map(|e| (e.ns, self.local(e).to_vec()));
            let present = self.children(rpr).iter().any(|&c| {
                self.elem(c)
                    .is_some_and(|e| Some((e.ns, self.local(e).to_vec())) == key)
            });
            if !present {
                self.add_child(rpr, m);
            }
        }
    }

    /// Inserts `child` into `parent` right after its child `after`, or first.
    fn insert_child(&mut self, parent: usize, after: Option<usize>, child: usize) {
        if let Some(e) = self.elem_mut(parent) {
            let at = after
                .and_then(|a| e.children.iter().position(|&c| c == a))
                .map_or(0, |i| i + 1);
            e.children.insert(at, child);
        }
    }

    fn add_child(&mut self, parent: usize, child: usize) {
        if let Some(e) = self.elem_mut(parent) {
            e.children.push(child);
        }
    }

    /// Stable-sorts the element children of `id` by their rank in the container's order list.
    /// Text and comments between them stay where they are.
    fn sort_children(&mut self, id: usize, settings: bool) {
        let Some(e) = self.elem(id) else { return };
        if e.ns != Ns::W {
            return;
        }
        let local = self.local(e);
        let Some(order) = order_of(local) else { return };
        let star = order.iter().position(|&entry| entry == "*");
        let ext_last = settings && local == b"settings";

        let mut slots: Vec<usize> = Vec::new(); // positions of element children
        let mut ranked: Vec<(usize, usize)> = Vec::new(); // (rank, node)
        let mut prev = 0usize; // rank of the preceding element sibling
        for (pos, &c) in e.children.iter().enumerate() {
            let Some(child) = self.elem(c) else { continue };
            let child_local = self.local(child);
            let rank = match order
                .iter()
                .position(|entry| entry_matches(entry, child.ns, child_local))
            {
                Some(r) => r,
                // Word puts its extension elements (w15:docId, ...) at the end of settings.
                None if ext_last && child.ns == Ns::WordExt => order.len(),
                None => star.unwrap_or(prev),
            };
            prev = rank;
            slots.push(pos);
            ranked.push((rank, c));
        }
        if ranked.windows(2).all(|w| w[0].0 <= w[1].0) {
            return;
        }
        ranked.sort_by_key(|&(rank, _)| rank);
        let e = self.elem_mut(id).expect("element");
        for (pos, (_, c)) in slots.into_iter().zip(ranked) {
            e.children[pos] = c;
        }
    }

    /// Declares `mc:Ignorable` for the Word extension namespaces used in `w:settings`
    /// (docx-rs writes `w15:docId` without it).
    fn declare_ignorable(&mut self) {
        let Some(root) = self.root else { return };
        let info = &self.settings;
        if info.ext_prefixes.is_empty() {
            return;
        }
        let Some(e) = self.elem(root) else { return };
        let tag = self.bytes(&e.start).to_vec();
        let mut tokens: Vec<Vec<u8>> = match info.ignorable {
            Some((from, to)) => tag[from..to]
                .split(|c| c.is_ascii_whitespace())
                .filter(|t| !t.is_empty())
                .map(<[u8]>::to_vec)
                .collect(),
            None => Vec::new(),
        };
        let missing: Vec<Vec<u8>> = info
            .ext_prefixes
            .iter()
            .filter(|p| !tokens.contains(p))
            .cloned()
            .collect();
        if missing.is_empty() {
            return;
        }
        tokens.extend(missing);
        let value = tokens.join(b" ".as_slice());
        let new_tag = match info.ignorable {
            Some(range) => apply_edits(&tag, &[(range, value)]),
            None => {
                let close = if e.empty {
                    tag.len() - 2
                } else {
                    tag.len() - 1
                };
                let mut insert = Vec::new();
                let prefix = match &info.mc_prefix {
                    Some(p) => p.clone(),
                    None => {
                        insert.extend_from_slice(b" xmlns:mc=\"");
                        insert.extend_from_slice(NS_MC);
                        insert.push(b'"');
                        b"mc".to_vec()
                    }
                };
                insert.push(b' ');
                insert.extend_from_slice(&prefix);
                insert.extend_from_slice(b":Ignorable=\"");
                insert.extend_from_slice(&value);
                insert.push(b'"');
                apply_edits(&tag, &[((close, close), insert)])
            }
        };
        if let Some(e) = self.elem_mut(root) {
            e.start = Piece::Owned(new_tag.into());
        }
    }

    // -----------------------------------------------------------------------------------------
    // docProps/core.xml
    // -----------------------------------------------------------------------------------------

    fn set_core_dates(&mut self, date: &str) {
        let text = Piece::Owned(escape_text(date).into());
        let targets: Vec<usize> = (0..self.nodes.len())
            .filter(|&i| {
                self.elem(i).is_some_and(|e| {
                    e.ns == Ns::DcTerms && matches!(self.local(e), b"created" | b"modified")
                })
            })
            .collect();
        for t in targets {
            let text_node = self.push(Node::Raw(text.clone()));
            if let Some(e) = self.elem_mut(t) {
                e.children = vec![text_node];
            }
        }
    }

    // -----------------------------------------------------------------------------------------
    // Output
    // -----------------------------------------------------------------------------------------

    fn write(&self) -> Vec<u8> {
        enum Step {
            Open(usize),
            Close(usize),
        }
        let mut out = Vec::with_capacity(self.src.len() + 1024);
        let mut steps: Vec<Step> = self.top.iter().rev().map(|&id| Step::Open(id)).collect();
        while let Some(step) = steps.pop() {
            match step {
                Step::Open(id) => match &self.nodes[id] {
                    Node::Raw(piece) => out.extend_from_slice(self.bytes(piece)),
                    Node::Elem(e) => {
                        let start = self.bytes(&e.start);
                        if e.children.is_empty() {
                            out.extend_from_slice(start);
                            if let Some(end) = &e.end {
                                out.extend_from_slice(self.bytes(end));
                            }
                            continue;
                        }
                        if e.empty {
                            // `<x a="1" />` that gained children: `<x a="1">`.
                            let open = start.strip_suffix(b"/>").unwrap_or(start);
                            out.extend_from_slice(open.trim_ascii_end());
                            out.push(b'>');
                        } else {
                            out.extend_from_slice(start);
                        }
                        steps.push(Step::Close(id));
                        steps.extend(e.children.iter().rev().map(|&c| Step::Open(c)));
                    }
                },
                Step::Close(id) => {
                    if let Some(e) = self.elem(id) {
                        match &e.end {
                            Some(end) => out.extend_from_slice(self.bytes(end)),
                            None => {
                                out.extend_from_slice(b"</");
                                out.extend_from_slice(self.bytes(&e.name));
                                out.push(b'>');
                            }
                        }
                    }
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use docx_rs::*;

    const W_NS: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    const DATE: &str = "2024-03-15T00:00:00Z";

    fn day() -> NaiveDate {
        NaiveDate::from_ymd_opt(2024, 3, 15).expect("date")
    }

    /// Runs the part pass on `xml` as the part `name`.
    fn pass(name: &str, xml: &str) -> String {
        let kind = part_kind(name, xml.as_bytes()).expect("a part the pass handles");
        let out =
            process_part(name, xml.as_bytes(), kind, DATE, &mut ParaIds::default()).expect("pass");
        String::from_utf8(out).expect("UTF-8")
    }

    fn document(body: &str) -> String {
        format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{W_NS}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" xmlns:x="urn:example"><w:body>{body}</w:body></w:document>"#
        )
    }

    /// The pass on a `w:body` fragment, returning the fragment.
    fn body(fragment: &str) -> String {
        let out = pass("word/document.xml", &document(fragment));
        let from = out.find("<w:body>").expect("body") + "<w:body>".len();
        let to = out.rfind("</w:body>").expect("/body");
        out[from..to].to_owned()
    }

    fn styles(inner: &str) -> String {
        let xml = format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles xmlns:w="{W_NS}">{inner}</w:styles>"#
        );
        let out = pass("word/styles.xml", &xml);
        let from = out.find("<w:styles xmlns:w=").expect("root");
        let from = from + out[from..].find('>').expect(">") + 1;
        out[from..out.rfind("</w:styles>").expect("end")].to_owned()
    }

    fn names(xml: &str) -> Vec<String> {
        // Element names of the direct children of the first element in `xml`.
        let mut reader = quick_xml::Reader::from_str(xml);
        let mut depth = 0;
        let mut out = Vec::new();
        loop {
            match reader.read_event().expect("xml") {
                Event::Start(e) => {
                    if depth == 1 {
                        out.push(String::from_utf8_lossy(e.name().as_ref()).into_owned());
                    }
                    depth += 1;
                }
                Event::Empty(e) if depth == 1 => {
                    out.push(String::from_utf8_lossy(e.name().as_ref()).into_owned());
                }
                Event::End(_) => depth -= 1,
                Event::Eof => break,
                _ => {}
            }
        }
        out
    }

    fn tags(list: &str) -> String {
        list.split_whitespace().map(|n| format!("<{n}/>")).collect()
    }

    #[test]
    fn ppr_children_are_sorted_and_its_rpr_stays_in_a_paragraph() {
        assert_eq!(
            body(
                r#"<w:p><w:pPr><w:rPr /><w:jc w:val="center" /><w:ind w:left="1" /><w:spacing w:after="0" /></w:pPr></w:p>"#
            ),
            r#"<w:p><w:pPr><w:spacing w:after="0" /><w:ind w:left="1" /><w:jc w:val="center" /><w:rPr /></w:pPr></w:p>"#
        );
        // The api-sample pattern of the note.
        let messy = "w:rPr w:pStyle w:jc w:ind w:spacing w:outlineLvl w:pBdr w:snapToGrid \
                     w:keepNext w:keepLines w:widowControl w:tabs";
        let out = body(&format!("<w:p><w:pPr>{}</w:pPr></w:p>", tags(messy)));
        assert_eq!(
            names(&out[5..out.len() - 6]).join(" "),
            "w:pStyle w:keepNext w:keepLines w:widowControl w:pBdr w:tabs w:snapToGrid \
             w:spacing w:ind w:jc w:outlineLvl w:rPr"
        );
        // sectPr in a paragraph goes after rPr, and is sorted itself.
        let out = body(
            r#"<w:p><w:pPr><w:rPr /><w:sectPr><w:pgSz /><w:headerReference w:type="default" /></w:sectPr><w:spacing /></w:pPr></w:p>"#,
        );
        assert_eq!(
            out,
            r#"<w:p><w:pPr><w:spacing /><w:rPr /><w:sectPr><w:headerReference w:type="default" /><w:pgSz /></w:sectPr></w:pPr></w:p>"#
        );
    }

    #[test]
    fn sectpr_header_and_footer_references_come_first_in_document_order() {
        let out = body(
            r#"<w:sectPr><w:pgSz w:w="11906" w:h="16838" /><w:pgMar w:top="1134" /><w:cols w:space="425" /><w:headerReference w:type="default" r:id="rIdHeader1" /><w:headerReference w:type="first" r:id="rIdHeader2" /><w:footerReference w:type="default" r:id="rIdFooter1" /><w:pgNumType w:start="1" /><w:titlePg /></w:sectPr>"#,
        );
        assert_eq!(
            out,
            r#"<w:sectPr><w:headerReference w:type="default" r:id="rIdHeader1" /><w:headerReference w:type="first" r:id="rIdHeader2" /><w:footerReference w:type="default" r:id="rIdFooter1" /><w:pgSz w:w="11906" w:h="16838" /><w:pgMar w:top="1134" /><w:pgNumType w:start="1" /><w:cols w:space="425" /><w:titlePg /></w:sectPr>"#
        );
    }

    #[test]
    fn body_sectpr_moves_to_the_end_and_content_keeps_its_order() {
        let out = body(
            r#"<w:sectPr /><w:p w14:paraId="00000001" /><w:tbl /><w:p w14:paraId="00000002" />"#,
        );
        assert_eq!(
            out,
            r#"<w:p w14:paraId="00000001" /><w:tbl /><w:p w14:paraId="00000002" /><w:sectPr />"#
        );
        // w:p: pPr first, runs and markup in their order; w:r: rPr first.
        let out = body(
            r#"<w:p><w:r><w:t>a</w:t><w:rPr><w:sz w:val="28" /><w:b /></w:rPr></w:r><w:bookmarkStart w:id="0" w:name="x" /><w:pPr /><w:r><w:t>b</w:t></w:r></w:p>"#,
        );
        assert_eq!(
            out,
            r#"<w:p><w:pPr /><w:r><w:rPr><w:b /><w:sz w:val="28" /></w:rPr><w:t>a</w:t></w:r><w:bookmarkStart w:id="0" w:name="x" /><w:r><w:t>b</w:t></w:r></w:p>"#
        );
    }

    #[test]
    fn table_properties_are_sorted() {
        let out = body(
            r#"<w:tbl><w:tblGrid><w:gridCol w:w="3600" w:type="dxa" /><w:gridCol w:w="5754" w:type="dxa" /></w:tblGrid><w:tblPr><w:tblW w:w="9354" w:type="dxa" /><w:jc w:val="left" /><w:tblBorders /><w:tblCellMar /><w:tblInd w:w="0" w:type="dxa" /><w:tblStyle w:val="T" /><w:tblLayout w:type="fixed" /></w:tblPr><w:tr><w:tc><w:p /><w:tcPr><w:tcW w:w="3600" w:type="dxa" /><w:tcBorders /><w:vMerge w:val="restart" /><w:vAlign w:val="center" /><w:shd w:fill="D9D9D9" /></w:tcPr></w:tc><w:trPr><w:cantSplit /></w:trPr></w:tr></w:tbl>"#,
        );
        assert_eq!(
            out,
            r#"<w:tbl><w:tblPr><w:tblStyle w:val="T" /><w:tblW w:w="9354" w:type="dxa" /><w:jc w:val="left" /><w:tblInd w:w="0" w:type="dxa" /><w:tblBorders /><w:tblLayout w:type="fixed" /><w:tblCellMar /></w:tblPr><w:tblGrid><w:gridCol w:w="3600" /><w:gridCol w:w="5754" /></w:tblGrid><w:tr><w:trPr><w:cantSplit /></w:trPr><w:tc><w:tcPr><w:tcW w:w="3600" w:type="dxa" /><w:vMerge w:val="restart" /><w:tcBorders /><w:shd w:fill="D9D9D9" /><w:vAlign w:val="center" /></w:tcPr><w:p /></w:tc></w:tr></w:tbl>"#
        );
    }

    #[test]
    fn header_row_sentinel_becomes_tbl_header_in_trpr_order() {
        let row = |inner: &str| {
            body(&format!(
                "<w:tbl><w:tr><w:trPr>{inner}</w:trPr></w:tr></w:tbl>"
            ))
        };
        assert_eq!(
            row(&format!("<w:cantSplit />{TBL_HEADER_SENTINEL}")),
            "<w:tbl><w:tr><w:trPr><w:cantSplit /><w:tblHeader /></w:trPr></w:tr></w:tbl>"
        );
        // tblHeader sits between trHeight and tblCellSpacing/jc.
        assert_eq!(
            row(&format!(
                r#"<w:jc w:val="center" />{TBL_HEADER_SENTINEL}<w:cantSplit />"#
            )),
            r#"<w:tbl><w:tr><w:trPr><w:cantSplit /><w:tblHeader /><w:jc w:val="center" /></w:trPr></w:tr></w:tbl>"#
        );
        // Other heights are real heights.
        for kept in [
            r#"<w:trHeight w:val="1" w:hRule="exact" />"#,
            r#"<w:trHeight w:val="400" w:hRule="auto" />"#,
            r#"<w:trHeight w:val="1" />"#,
        ] {
            assert_eq!(
                row(kept),
                format!("<w:tbl><w:tr><w:trPr>{kept}</w:trPr></w:tr></w:tbl>")
            );
        }
        // Outside trPr the sentinel is not touched (it is not valid there anyway).
        assert!(body(&format!("<w:p>{TBL_HEADER_SENTINEL}</w:p>")).contains(TBL_HEADER_SENTINEL));
        // Tracked rows: ins/del go after the row properties and lose their content.
        assert_eq!(
            row(
                r#"<w:ins w:id="1" w:author="a" w:date="2024-01-01T00:00:00Z"><w:r><w:t>x</w:t></w:r></w:ins><w:cantSplit /><w:trHeight w:val="500" w:hRule="atLeast" />"#
            ),
            r#"<w:tbl><w:tr><w:trPr><w:cantSplit /><w:trHeight w:val="500" w:hRule="atLeast" /><w:ins w:id="1" w:author="a" w:date="2024-01-01T00:00:00Z"></w:ins></w:trPr></w:tr></w:tbl>"#
        );
    }

    #[test]
    fn header_row_helper_produces_the_sentinel() {
        let table = Table::new(vec![header_row(TableRow::new(vec![
            TableCell::new().add_paragraph(Paragraph::new()),
        ]))]);
        let xml = String::from_utf8(table.build()).expect("UTF-8");
        assert!(xml.contains(TBL_HEADER_SENTINEL), "{xml}");
    }

    #[test]
    fn settings_are_sorted_and_word_extensions_declared_ignorable() {
        let xml = format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:settings xmlns:w="{W_NS}" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml"><w:defaultTabStop w:val="709" /><w:zoom w:percent="100" /><w:compat><w:spaceForUL /><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15" /></w:compat><w15:docId w15:val="{{{{A-B}}}}" /><w:docVars><w:docVar w:name="x" w:val="y" /></w:docVars><w:evenAndOddHeaders /></w:settings>"#
        );
        let out = pass("word/settings.xml", &xml);
        assert_eq!(
            out,
            format!(
                r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:settings xmlns:w="{W_NS}" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="w15"><w:zoom w:percent="100" /><w:defaultTabStop w:val="709" /><w:evenAndOddHeaders /><w:compat><w:spaceForUL /><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15" /></w:compat><w:docVars><w:docVar w:name="x" w:val="y" /></w:docVars><w15:docId w15:val="{{A-B}}" /></w:settings>"#
            )
        );
        assert_eq!(pass("word/settings.xml", &out), out, "idempotent");
        // An existing mc:Ignorable is extended, not duplicated.
        let xml = format!(
            r#"<w:settings xmlns:w="{W_NS}" xmlns:m2="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" m2:Ignorable="x1"><w14:foo /><w:zoom w:percent="90" /></w:settings>"#
        );
        let out = pass("word/settings.xml", &xml);
        assert!(out.contains(r#"m2:Ignorable="x1 w14""#), "{out}");
        assert!(
            out.ends_with(r#"<w:zoom w:percent="90" /><w14:foo /></w:settings>"#),
            "{out}"
        );
    }

    #[test]
    fn styles_sort_and_lose_the_rpr_inside_ppr() {
        assert_eq!(
            styles(
                r#"<w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val="28" /><w:szCs w:val="28" /><w:rFonts w:ascii="Times New Roman" /></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:rPr /><w:spacing w:after="0" /></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type="paragraph" w:styleId="Normal"><w:name w:val="Normal" /><w:rPr /><w:pPr><w:rPr /><w:ind w:left="0" /></w:pPr><w:qFormat /></w:style>"#
            ),
            r#"<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" /><w:sz w:val="28" /><w:szCs w:val="28" /></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="0" /></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type="paragraph" w:styleId="Normal"><w:name w:val="Normal" /><w:qFormat /><w:pPr><w:ind w:left="0" /></w:pPr><w:rPr /></w:style>"#
        );
        // More style children, as docx-rs writes them.
        let out = styles(&format!(
            r#"<w:style w:type="table" w:styleId="T">{}</w:style>"#,
            tags("w:name w:rPr w:pPr w:tcPr w:tblPr w:qFormat w:uiPriority w:basedOn")
        ));
        assert_eq!(
            names(&out).join(" "),
            "w:name w:basedOn w:uiPriority w:qFormat w:pPr w:rPr w:tblPr w:tcPr"
        );
        // Non-empty pPr/rPr: its content moves to the style's rPr (created if needed); what
        // the rPr sets already wins.
        assert_eq!(
            styles(
                r#"<w:style w:styleId="A"><w:rPr><w:sz w:val="20" /></w:rPr><w:pPr><w:rPr><w:b /><w:sz w:val="40" /></w:rPr></w:pPr></w:style><w:style w:styleId="B"><w:pPr><w:rPr><w:i /></w:rPr></w:pPr></w:style>"#
            ),
            r#"<w:style w:styleId="A"><w:pPr></w:pPr><w:rPr><w:b /><w:sz w:val="20" /></w:rPr></w:style><w:style w:styleId="B"><w:pPr></w:pPr><w:rPr><w:i /></w:rPr></w:style>"#
        );
        // A new rPr goes right after the pPr (tblStylePr is not sorted).
        assert_eq!(
            styles(
                r#"<w:style w:styleId="T"><w:tblStylePr w:type="firstRow"><w:pPr><w:rPr><w:b /></w:rPr></w:pPr><w:tblPr /></w:tblStylePr></w:style>"#
            ),
            r#"<w:style w:styleId="T"><w:tblStylePr w:type="firstRow"><w:pPr></w:pPr><w:rPr><w:b /></w:rPr><w:tblPr /></w:tblStylePr></w:style>"#
        );
        // ... and for docDefaults to rPrDefault/rPr.
        assert_eq!(
            styles(
                r#"<w:docDefaults><w:pPrDefault><w:pPr><w:rPr><w:lang w:val="vi-VN" /></w:rPr></w:pPr></w:pPrDefault></w:docDefaults>"#
            ),
            r#"<w:docDefaults><w:rPrDefault><w:rPr><w:lang w:val="vi-VN" /></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr></w:pPr></w:pPrDefault></w:docDefaults>"#
        );
    }

    #[test]
    fn numbering_levels_and_numpr_are_sorted() {
        let xml = format!(
            r#"<w:numbering xmlns:w="{W_NS}"><w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1" /><w:numFmt w:val="decimal" /><w:lvlText w:val="%1." /><w:lvlJc w:val="left" /><w:pPr><w:rPr /><w:ind w:left="720" /></w:pPr><w:rPr /><w:isLgl /><w:suff w:val="space" /></w:lvl></w:abstractNum></w:numbering>"#
        );
        let out = pass("word/numbering.xml", &xml);
        assert!(
            out.contains(r#"<w:lvl w:ilvl="0"><w:start w:val="1" /><w:numFmt w:val="decimal" /><w:isLgl /><w:suff w:val="space" /><w:lvlText w:val="%1." /><w:lvlJc w:val="left" /><w:pPr><w:ind w:left="720" /></w:pPr><w:rPr /></w:lvl>"#),
            "{out}"
        );
        assert_eq!(
            body(
                r#"<w:p><w:pPr><w:rPr /><w:numPr><w:numId w:val="2" /><w:ilvl w:val="0" /></w:numPr></w:pPr></w:p>"#
            ),
            r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="0" /><w:numId w:val="2" /></w:numPr><w:rPr /></w:pPr></w:p>"#
        );
    }

    #[test]
    fn unknown_children_keep_their_place() {
        // In a list without `*`, an unknown child moves with its preceding sibling.
        assert_eq!(
            body(r#"<w:p><w:pPr><w:jc w:val="left" /><w14:ext /><w:spacing /></w:pPr></w:p>"#),
            r#"<w:p><w:pPr><w:spacing /><w:jc w:val="left" /><w14:ext /></w:pPr></w:p>"#
        );
        // With no preceding sibling it stays first.
        assert_eq!(
            body(r#"<w:p><w:pPr><x:first /><w:jc /><w:spacing /></w:pPr></w:p>"#),
            r#"<w:p><w:pPr><x:first /><w:spacing /><w:jc /></w:pPr></w:p>"#
        );
        // A w: name the list does not know is unknown too.
        assert_eq!(
            body(r#"<w:p><w:pPr><w:jc /><w:madeUp /><w:keepNext /></w:pPr></w:p>"#),
            r#"<w:p><w:pPr><w:keepNext /><w:jc /><w:madeUp /></w:pPr></w:p>"#
        );
        // Free-content containers are not sorted; non-w elements are not containers.
        let hdr = format!(
            r#"<w:hdr xmlns:w="{W_NS}" xmlns:x="urn:example"><w:p /><w:sectPr /><x:pPr><x:jc /><x:spacing /></x:pPr><w:p /></w:hdr>"#
        );
        assert_eq!(pass("word/header1.xml", &hdr), hdr);
    }

    #[test]
    fn the_pass_is_idempotent() {
        let messy = document(&format!(
            r#"<w:sectPr><w:pgSz /><w:headerReference w:type="default" r:id="rId1" /></w:sectPr><w:p w14:paraId="0000beef"><w:r><w:t>x</w:t></w:r><w:pPr><w:rPr><w:sz w:val="2" /><w:b /></w:rPr><w:jc /><x:ext /><w:spacing /><w:numPr><w:numId w:val="1" /><w:ilvl w:val="0" /></w:numPr></w:pPr></w:p><w:tbl><w:tblGrid><w:gridCol w:w="10" w:type="dxa" /></w:tblGrid><w:tblPr><w:tblCellMar /><w:tblLayout /></w:tblPr><w:tr><w:trPr><w:ins w:id="1"><w:r /></w:ins>{TBL_HEADER_SENTINEL}<w:cantSplit /></w:trPr><w:tc><w:tcPr><w:vAlign /><w:shd /><w:tcW /></w:tcPr><w:p /></w:tc></w:tr></w:tbl>"#
        ));
        let once = pass("word/document.xml", &messy);
        assert_ne!(once, messy);
        assert_eq!(pass("word/document.xml", &once), once);
        let styles = format!(
            r#"<w:styles xmlns:w="{W_NS}"><w:docDefaults><w:pPrDefault><w:pPr><w:rPr><w:b /></w:rPr></w:pPr></w:pPrDefault></w:docDefaults><w:style><w:pPr><w:rPr><w:i /></w:rPr><w:jc /><w:ind /></w:pPr><w:name /></w:style></w:styles>"#
        );
        let once = pass("word/styles.xml", &styles);
        assert_eq!(pass("word/styles.xml", &once), once);
    }

    #[test]
    fn untouched_markup_is_copied_byte_for_byte() {
        let xml = "<?xml version='1.0' encoding='UTF-8'?>\n<!-- c -->\n<w:document xmlns:w='http://schemas.openxmlformats.org/wordprocessingml/2006/main'\n    xmlns:a=\"urn:a\">\n  <w:body>\n    <w:p a:x='1'><w:pPr>\n      <w:spacing w:after=\"0\"/>\n      <w:jc w:val='both' ></w:jc>\n    </w:pPr><w:r><w:t xml:space=\"preserve\"> A &amp; B &#x1EA0; <![CDATA[<x>]]> Độc lập </w:t></w:r><?pi x?></w:p>\n    <w:sectPr/>\n  </w:body>\n</w:document>\n";
        assert_eq!(pass("word/document.xml", xml), xml);
        // When elements move, the whitespace between them stays in place.
        let messy = "<w:document xmlns:w='http://schemas.openxmlformats.org/wordprocessingml/2006/main'><w:body><w:p><w:pPr>\n  <w:jc w:val='both'/>\n  <w:spacing/>\n</w:pPr></w:p></w:body></w:document>";
        assert_eq!(
            pass("word/document.xml", messy),
            "<w:document xmlns:w='http://schemas.openxmlformats.org/wordprocessingml/2006/main'><w:body><w:p><w:pPr>\n  <w:spacing/>\n  <w:jc w:val='both'/>\n</w:pPr></w:p></w:body></w:document>"
        );
    }

    #[test]
    fn namespace_is_matched_by_uri_not_prefix() {
        let xml = r#"<ww:document xmlns:ww="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:w="urn:not-word"><ww:body><ww:p><ww:pPr><ww:jc /><ww:spacing /></ww:pPr></ww:p><w:pPr><w:jc /><w:spacing /></w:pPr></ww:body></ww:document>"#;
        assert_eq!(
            pass("word/document.xml", xml),
            r#"<ww:document xmlns:ww="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:w="urn:not-word"><ww:body><ww:p><ww:pPr><ww:spacing /><ww:jc /></ww:pPr></ww:p><w:pPr><w:jc /><w:spacing /></w:pPr></ww:body></ww:document>"#
        );
    }

    #[test]
    fn every_order_entry_is_a_plain_or_known_prefixed_name() {
        for local in [
            "pPr",
            "tcPr",
            "tblPr",
            "sectPr",
            "settings",
            "style",
            "lvl",
            "numPr",
            "trPr",
            "rPr",
            "docDefaults",
            "styles",
            "numbering",
            "abstractNum",
            "num",
            "lvlOverride",
            "tblGrid",
            "tblPrEx",
            "pBdr",
            "tblBorders",
            "tcBorders",
            "tblCellMar",
            "tcMar",
            "font",
            "sdt",
            "sdtPr",
            "document",
            "compat",
            "body",
            "p",
            "r",
            "tc",
            "tr",
            "tbl",
        ] {
            let order = order_of(local.as_bytes()).expect(local);
            let mut seen = std::collections::HashSet::new();
            for entry in order {
                assert!(seen.insert(entry), "{local}: {entry} twice");
                assert!(
                    !entry.contains(':') || entry.starts_with("m:") || entry.starts_with("sl:"),
                    "{local}: {entry}"
                );
            }
        }
        for free in [
            "hdr",
            "ftr",
            "footnote",
            "comment",
            "hyperlink",
            "ins",
            "del",
            "sdtContent",
        ] {
            assert!(order_of(free.as_bytes()).is_none(), "{free}");
        }
    }

    #[test]
    fn core_dates_are_set() {
        let xml = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dcterms:created xsi:type="dcterms:W3CDTF">1970-01-01T00:00:00Z</dcterms:created><dc:creator>unknown</dc:creator><dcterms:modified xsi:type="dcterms:W3CDTF" /></cp:coreProperties>"#;
        assert_eq!(
            pass("docProps/core.xml", xml),
            xml.replace("1970-01-01T00:00:00Z", DATE).replace(
                r#"<dcterms:modified xsi:type="dcterms:W3CDTF" />"#,
                &format!(
                    r#"<dcterms:modified xsi:type="dcterms:W3CDTF">{DATE}</dcterms:modified>"#
                )
            )
        );
    }

    #[test]
    fn errors_are_reported_in_vietnamese() {
        let err = finish_docx(b"not a zip", day()).expect_err("not a zip");
        assert!(matches!(err, OoxmlError::Zip(_)));
        assert!(
            err.to_string().starts_with("Không xử lý được tệp DOCX: "),
            "{err}"
        );

        let mut bad = Cursor::new(Vec::new());
        let mut zip = zip::ZipWriter::new(&mut bad);
        zip.start_file(
            "word/document.xml",
            zip::write::SimpleFileOptions::default(),
        )
        .expect("start");
        zip.write_all(b"<w:document><w:body></w:document>")
            .expect("write");
        zip.finish().expect("finish");
        let err = finish_docx(bad.get_ref(), day()).expect_err("malformed");
        assert!(
            matches!(&err, OoxmlError::Xml { part, .. } if part == "word/document.xml"),
            "{err:?}"
        );
        assert!(err.to_string().contains("word/document.xml"), "{err}");
        let as_error: &dyn std::error::Error = &err;
        assert!(!as_error.to_string().is_empty());
    }

    fn entries(docx: &[u8]) -> Vec<(String, Vec<u8>)> {
        let mut archive = zip::ZipArchive::new(Cursor::new(docx)).expect("zip");
        (0..archive.len())
            .map(|i| {
                let mut f = archive.by_index(i).expect("entry");
                let mut data = Vec::new();
                f.read_to_end(&mut data).expect("read");
                (f.name().expect("name").into_owned(), data)
            })
            .collect()
    }

    fn part(docx: &[u8], name: &str) -> String {
        let (_, data) = entries(docx)
            .into_iter()
            .find(|(n, _)| n == name)
            .unwrap_or_else(|| panic!("{name} missing"));
        String::from_utf8(data).expect("UTF-8")
    }

    #[test]
    fn para_ids_are_renumbered_consistently_across_parts() {
        let comments_ext = r#"<w15:commentsEx xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml"><w15:commentEx w15:paraId="0000abcd" w15:paraIdParent="00000777" w15:done="0" /></w15:commentsEx>"#;
        let doc = document(
            r#"<w:p w14:paraId="00000777" /><w:p w14:paraId="0000abcd" /><w:p w14:paraId="00000777" />"#,
        );
        let mut raw = Cursor::new(Vec::new());
        let mut zip = zip::ZipWriter::new(&mut raw);
        for (name, data) in [
            ("word/commentsExtended.xml", comments_ext.to_owned()),
            ("word/document.xml", doc),
        ] {
            zip.start_file(name, zip::write::SimpleFileOptions::default())
                .expect("start");
            zip.write_all(data.as_bytes()).expect("write");
        }
        zip.finish().expect("finish");
        let out = finish_docx(raw.get_ref(), day()).expect("finish");
        assert!(part(&out, "word/document.xml").contains(
            r#"<w:p w14:paraId="00000001" /><w:p w14:paraId="00000002" /><w:p w14:paraId="00000001" />"#
        ));
        assert!(
            part(&out, "word/commentsExtended.xml")
                .contains(r#"w15:paraId="00000002" w15:paraIdParent="00000001" w15:done="0""#)
        );
    }

    // -----------------------------------------------------------------------------------------
    // End to end: a document with what a Vietnamese report needs (crates-and-recipes §3.1-3.5)
    // -----------------------------------------------------------------------------------------

    use crate::render::docx::{
        centered, fonts, landscape_margin, no_border_cell, page_header, portrait_margin, rule, run,
        section_end,
    };

    fn cpara(text: &str, size: usize, bold: bool, italic: bool) -> Paragraph {
        let mut r = run(text, size);
        if bold {
            r = r.bold();
        }
        if italic {
            r = r.italic();
        }
        centered().add_run(r)
    }

    fn letterhead() -> Table {
        let (lw, rw) = (3600usize, 5754usize);
        let left = no_border_cell(lw)
            .add_paragraph(cpara("UBND TỈNH BẮC NINH", 26, false, false))
            .add_paragraph(cpara("SỞ KẾ HOẠCH VÀ ĐẦU TƯ", 26, true, false))
            .add_paragraph(rule(lw as i32 - 216, 1500));
        let right = no_border_cell(rw)
            .add_paragraph(cpara("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 26, true, false))
            .add_paragraph(cpara("Độc lập - Tự do - Hạnh phúc", 28, true, false))
            .add_paragraph(rule(rw as i32 - 216, 3450));
        let row2 = TableRow::new(vec![
            no_border_cell(lw).add_paragraph(cpara("Số: 125/BC-SKHĐT", 26, false, false)),
            no_border_cell(rw).add_paragraph(cpara(
                "Bắc Ninh, ngày 15 tháng 3 năm 2024",
                28,
                false,
                true,
            )),
        ]);
        Table::without_borders(vec![TableRow::new(vec![left, right]), row2])
            .set_grid(vec![lw, rw])
            .width(lw + rw, WidthType::Dxa)
            .layout(TableLayoutType::Fixed)
            .margins(TableCellMargins::new().margin(0, 108, 0, 108))
    }

    fn data_cell(text: &str, w: usize, bold: bool) -> TableCell {
        let mut run = Run::new().add_text(text).size(26);
        if bold {
            run = run.bold();
        }
        TableCell::new()
            .width(w, WidthType::Dxa)
            .vertical_align(VAlignType::Center)
            .add_paragraph(Paragraph::new().align(AlignmentType::Center).add_run(run))
    }

    fn data_table(rows: usize) -> Table {
        let widths = [700usize, 4654, 2000, 2000];
        let header = ["STT", "Nhiệm vụ", "Kết quả", "Tỷ lệ"];
        let hdr = header_row(TableRow::new(
            header
                .iter()
                .zip(widths)
                .map(|(h, w)| data_cell(h, w, true).shading(Shading::new().fill("D9D9D9")))
                .collect(),
        ))
        .cant_split();
        let mut table = Table::new(vec![hdr])
            .set_grid(widths.to_vec())
            .width(widths.iter().sum(), WidthType::Dxa)
            .layout(TableLayoutType::Fixed)
            .set_borders(TableBorders::new());
        for r in 0..rows {
            let cells = [
                (r + 1).to_string(),
                format!("Rà soát thủ tục hành chính số {}", r + 1),
                "Hoàn thành".to_owned(),
                format!("{},5%", r % 100),
            ];
            table = table.add_row(
                TableRow::new(
                    cells
                        .iter()
                        .zip(widths)
                        .map(|(c, w)| data_cell(c, w, false))
                        .collect(),
                )
                .cant_split(),
            );
        }
        table
    }

    fn body_paragraph(text: &str) -> Paragraph {
        Paragraph::new()
            .align(AlignmentType::Both)
            .indent(None, Some(SpecialIndentType::FirstLine(720)), None, None)
            .line_spacing(
                LineSpacing::new()
                    .before(0)
                    .after(120)
                    .line(276)
                    .line_rule(LineSpacingType::Auto),
            )
            .add_run(Run::new().add_text("Nội dung: ").bold())
            .add_run(Run::new().add_text(text))
            .add_run(Run::new().add_text(" (đã cập nhật).").italic())
    }

    /// A report as the renderer builds it, with `paragraphs` body paragraphs and a data table
    /// of `rows` rows in the portrait part and another in the landscape appendix.
    fn report_docx(paragraphs: usize, rows: usize) -> Vec<u8> {
        let _ = Docx::new().json(); // resets docx-rs's paraId counter (recipes §4)
        let portrait = SectionProperty::new()
            .page_size(PageSize::new().size(11906, 16838))
            .page_margin(portrait_margin())
            .title_pg()
            .header(Header::new(), "rIdHeader1");
        let mut docx = Docx::new()
            .default_fonts(fonts())
            .default_size(28)
            .page_margin(portrait_margin())
            .header(page_header())
            .add_table(letterhead())
            .add_paragraph(cpara("BÁO CÁO", 28, true, false))
            .add_paragraph(cpara(
                "Kết quả thực hiện công tác cải cách hành chính quý I năm 2024",
                28,
                true,
                false,
            ))
            .add_paragraph(rule(9354, 2000));
        for i in 0..paragraphs {
            docx = docx.add_paragraph(body_paragraph(&format!(
                "Đoạn {} về tình hình triển khai nhiệm vụ cải cách hành chính tại đơn vị, \
                 bảo đảm đúng tiến độ và chất lượng theo kế hoạch của Ủy ban nhân dân tỉnh.",
                i + 1
            )));
        }
        docx = docx
            .add_table(data_table(rows))
            .add_paragraph(section_end(portrait))
            .add_paragraph(cpara("PHỤ LỤC", 28, true, false))
            .add_table(data_table(rows))
            .page_size(16838, 11906)
            .page_orient(PageOrientationType::Landscape)
            .page_margin(landscape_margin())
            .created_at("1970-01-01T00:00:00Z")
            .updated_at("1970-01-01T00:00:00Z");
        let mut out = Cursor::new(Vec::new());
        docx.build().pack(&mut out).expect("pack");
        out.into_inner()
    }

    /// Runs tools/ooxml/check-ooxml on `docx`; `None` if the script is not in the repository.
    /// Returns (valid, number of schema errors, output).
    fn check_ooxml(docx: &[u8], file_name: &str) -> Option<(bool, usize, String)> {
        let script =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tools/ooxml/check-ooxml");
        if !script.exists() {
            return None;
        }
        let lxml = std::process::Command::new("python3")
            .args(["-c", "import lxml.etree"])
            .output();
        match lxml {
            Ok(o) if o.status.success() => {}
            Ok(o) => panic!(
                "check-ooxml cần lxml, nhưng python3 không import được lxml: \
                 chạy `pip install lxml` rồi chạy lại test.\n{}",
                String::from_utf8_lossy(&o.stderr)
            ),
            Err(e) => panic!(
                "check-ooxml cần python3 với lxml, nhưng không chạy được python3 ({e}): \
                 cài python3 rồi `pip install lxml`."
            ),
        }
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join(file_name);
        std::fs::write(&path, docx).expect("write docx");
        let out = std::process::Command::new("python3")
            .arg(&script)
            .arg(&path)
            .output()
            .expect("run check-ooxml");
        let text = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        let errors = text
            .split_whitespace()
            .zip(text.split_whitespace().skip(1))
            .find(|(_, next)| *next == "schema")
            .and_then(|(n, _)| n.parse().ok())
            .unwrap_or(0);
        Some((out.status.success(), errors, text))
    }

    #[test]
    fn end_to_end_report_is_deflated_and_deterministic() {
        let raw = report_docx(12, 8);
        let done = finish_docx(&raw, day()).expect("finish");

        // Content: the sentinel became exactly one tblHeader per data table, grid columns
        // lost w:type, dates are set.
        let raw_doc = part(&raw, "word/document.xml");
        assert_eq!(raw_doc.matches(TBL_HEADER_SENTINEL).count(), 2);
        let doc = part(&done, "word/document.xml");
        assert_eq!(doc.matches("<w:tblHeader />").count(), 2);
        assert!(!doc.contains(TBL_HEADER_SENTINEL));
        let grid_cols: Vec<&str> = doc
            .split("<w:gridCol ")
            .skip(1)
            .map(|rest| &rest[..rest.find("/>").expect("empty gridCol")])
            .collect();
        assert_eq!(grid_cols.len(), 2 + 4 + 4);
        assert!(
            grid_cols.iter().all(|attrs| !attrs.contains("w:type")),
            "{grid_cols:?}"
        );
        assert!(doc.contains("Độc lập - Tự do - Hạnh phúc"));
        let core = part(&done, "docProps/core.xml");
        assert_eq!(core.matches(DATE).count(), 2, "{core}");
        assert!(!core.contains("1970"));

        // Package: deflated, 1980-01-01, fixed order.
        let mut archive = zip::ZipArchive::new(Cursor::new(&done)).expect("zip");
        let mut names = Vec::new();
        for i in 0..archive.len() {
            let f = archive.by_index(i).expect("entry");
            assert_eq!(
                f.compression(),
                zip::CompressionMethod::Deflated,
                "{:?}",
                f.name()
            );
            assert_eq!(
                f.last_modified(),
                Some(zip::DateTime::default()),
                "{:?}",
                f.name()
            );
            let t = f.last_modified().expect("time");
            assert_eq!((t.year(), t.month(), t.day()), (1980, 1, 1));
            names.push(f.name().expect("name").into_owned());
        }
        assert_eq!(names[0], "[Content_Types].xml");
        assert_eq!(names[1], "_rels/.rels");
        assert!(names[2..].is_sorted(), "{names:?}");
        assert!(done.len() < raw.len(), "{} >= {}", done.len(), raw.len());
        // Same set of files (docx-rs also writes directory entries, which are dropped), and
        // the parts the pass does not touch are unchanged.
        let mut raw_names: Vec<String> = entries(&raw)
            .into_iter()
            .map(|(n, _)| n)
            .filter(|n| !n.ends_with('/'))
            .collect();
        raw_names.sort();
        let mut done_names = names.clone();
        done_names.sort();
        assert_eq!(raw_names, done_names);
        for (name, data) in entries(&raw) {
            if !name.ends_with('/') && part_kind(&name, &data).is_none() {
                assert_eq!(part(&done, &name).as_bytes(), data.as_slice(), "{name}");
            }
        }

        // Deterministic and idempotent.
        assert_eq!(finish_docx(&raw, day()).expect("again"), done);
        assert_eq!(finish_docx(&done, day()).expect("twice"), done);
    }

    #[test]
    #[ignore = "needs python3 with lxml (pip install lxml); CI runs it with --include-ignored"]
    fn end_to_end_report_passes_the_schema_check() {
        let raw = report_docx(12, 8);
        let done = finish_docx(&raw, day()).expect("finish");
        let (valid_before, errors_before, _) = check_ooxml(&raw, "raw.docx").expect("checker");
        let (valid, errors, text) = check_ooxml(&done, "report.docx").expect("checker");
        eprintln!(
            "check-ooxml: {errors_before} schema errors before the pass (valid: \
             {valid_before}), {errors} after"
        );
        assert!(valid, "check-ooxml rejects the finished file:\n{text}");
        assert_eq!(errors, 0, "{text}");
    }

    #[test]
    fn output_does_not_depend_on_the_paraid_counter_or_thread() {
        let build = |advance: usize| {
            // Deliberately without resetting the counter: the paragraphs created here first
            // advance it, so the raw paraIds differ.
            for _ in 0..advance {
                let _ = Paragraph::new();
            }
            let mut out = Cursor::new(Vec::new());
            Docx::new()
                .header(page_header())
                .add_paragraph(body_paragraph("một"))
                .add_table(data_table(2))
                .add_paragraph(body_paragraph("hai"))
                .build()
                .pack(&mut out)
                .expect("pack");
            out.into_inner()
        };
        let first = build(0);
        let second = build(7);
        let other_thread = std::thread::spawn(move || build(3)).join().expect("thread");
        assert_ne!(
            part(&first, "word/document.xml"),
            part(&second, "word/document.xml"),
            "the raw paraIds should differ (docx-rs counter)"
        );
        let a = finish_docx(&first, day()).expect("a");
        let b = finish_docx(&second, day()).expect("b");
        let c = finish_docx(&other_thread, day()).expect("c");
        assert_eq!(a, b);
        assert_eq!(a, c);
        let in_threads: Vec<Vec<u8>> = (0..4)
            .map(|_| {
                let raw = first.clone();
                std::thread::spawn(move || finish_docx(&raw, day()).expect("thread"))
            })
            .map(|h| h.join().expect("join"))
            .collect();
        assert!(in_threads.iter().all(|x| *x == a));
    }

    /// `cargo test --release --lib render::ooxml -- --ignored --nocapture`
    #[test]
    #[ignore = "timing; run in release"]
    fn large_document_timing() {
        // About 500 pages: document.xml is about 5 MB.
        let raw = report_docx(5000, 800);
        let doc_len = part(&raw, "word/document.xml").len();
        let start = std::time::Instant::now();
        let done = finish_docx(&raw, day()).expect("finish");
        let elapsed = start.elapsed();
        eprintln!(
            "finish_docx: document.xml {:.1} MB, docx {:.1} MB -> {:.2} MB in {:?}",
            doc_len as f64 / 1e6,
            raw.len() as f64 / 1e6,
            done.len() as f64 / 1e6,
            elapsed
        );
        if let Some((valid, errors, text)) = check_ooxml(&done, "large.docx") {
            assert!(valid && errors == 0, "{text}");
        }
        if !cfg!(debug_assertions) {
            assert!(elapsed < std::time::Duration::from_secs(1), "{elapsed:?}");
        }
    }
}
