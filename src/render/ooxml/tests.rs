//! Tests of the post-pass on single parts and packages.

use super::order::order_of;
use super::tree::ParaIds;
use super::*;
use chrono::NaiveDate;
use docx_rs::*;
use quick_xml::events::Event;

const W_NS: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
pub(super) const DATE: &str = "2024-03-15T00:00:00Z";

pub(super) fn day() -> NaiveDate {
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
    let out =
        body(r#"<w:sectPr /><w:p w14:paraId="00000001" /><w:tbl /><w:p w14:paraId="00000002" />"#);
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
            &format!(r#"<dcterms:modified xsi:type="dcterms:W3CDTF">{DATE}</dcterms:modified>"#)
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

pub(super) fn entries(docx: &[u8]) -> Vec<(String, Vec<u8>)> {
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

pub(super) fn part(docx: &[u8], name: &str) -> String {
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
