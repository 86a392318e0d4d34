//! Bytes to clean text: decodes UTF-8 (with or without BOM) and UTF-16 (with BOM), rejects
//! other encodings with instructions, removes characters XML forbids, normalises to NFC.
//! (Text typed in a legacy font encoding inside a Unicode file is [`crate::input::legacy`]'s.)

use crate::diagnostics::{Diagnostic, Pos, code};
use crate::text::{is_xml_forbidden, nfc};
use unicode_normalization::UnicodeNormalization;

const SAVE_AS_UTF8: &str = "Mở tệp bằng Notepad, chọn Tệp > Lưu thành, ở mục Mã hóa chọn UTF-8, \
     rồi lưu đè lên tệp cũ.";

/// Decodes a file's bytes into NFC text. Problems that keep the file (removed control
/// characters) are returned as warnings; an encoding that cannot be read rejects the file.
pub fn decode(file: &str, bytes: &[u8]) -> Result<(String, Vec<Diagnostic>), Diagnostic> {
    decode_owned(file, bytes.to_vec())
}

/// [`decode`], taking the bytes: UTF-8 without a BOM (the usual case) is not copied.
pub fn decode_owned(file: &str, bytes: Vec<u8>) -> Result<(String, Vec<Diagnostic>), Diagnostic> {
    let text = if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        utf8(file, rest.to_vec())?
    } else if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        utf16(file, rest, encoding_rs::UTF_16LE)?
    } else if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        utf16(file, rest, encoding_rs::UTF_16BE)?
    } else {
        if let Some(d) = binary_signature(file, &bytes) {
            return Err(d);
        }
        utf8(file, bytes)?
    };
    let mut warnings = Vec::new();
    let text = remove_forbidden(file, text, &mut warnings);
    Ok((nfc(text), warnings))
}

fn utf8(file: &str, bytes: Vec<u8>) -> Result<String, Diagnostic> {
    match String::from_utf8(bytes) {
        Ok(s) => Ok(s),
        Err(e) => {
            let bytes = e.as_bytes();
            let at = e.utf8_error().valid_up_to();
            let pos = byte_pos(&bytes[..at]);
            let legacy = if looks_windows_1258(bytes) {
                " Có vẻ tệp được lưu bằng bảng mã Windows-1258 (ANSI) hoặc một bảng mã cũ khác."
            } else {
                ""
            };
            Err(Diagnostic::error(
                code::MA_HOA,
                file,
                format!("Tệp không được lưu bằng mã UTF-8 nên không đọc được.{legacy}"),
            )
            .at(Some(pos))
            .hint(Some(SAVE_AS_UTF8.to_string())))
        }
    }
}

fn utf16(
    file: &str,
    bytes: &[u8],
    enc: &'static encoding_rs::Encoding,
) -> Result<String, Diagnostic> {
    match enc.decode_without_bom_handling_and_without_replacement(bytes) {
        Some(s) => Ok(s.into_owned()),
        None => Err(Diagnostic::error(
            code::MA_HOA,
            file,
            "Tệp có dấu BOM của UTF-16 nhưng nội dung không phải UTF-16 hợp lệ.",
        )
        .hint(Some(SAVE_AS_UTF8.to_string()))),
    }
}

/// Recognises files that are clearly not text: office documents, PDFs, images, archives, and
/// UTF-16 without a BOM (every other byte NUL).
fn binary_signature(file: &str, bytes: &[u8]) -> Option<Diagnostic> {
    const MAGIC: &[(&[u8], &str)] = &[
        (b"PK\x03\x04", "tệp nén hoặc tài liệu Office (DOCX, XLSX)"),
        (b"%PDF", "tệp PDF"),
        (b"\xD0\xCF\x11\xE0", "tài liệu Office cũ (DOC, XLS)"),
        (b"\x89PNG", "ảnh PNG"),
        (b"\xFF\xD8\xFF", "ảnh JPEG"),
        (b"{\\rtf", "tài liệu RTF"),
    ];
    for (magic, what) in MAGIC {
        if bytes.starts_with(magic) {
            return Some(
                Diagnostic::error(
                    code::TEP_NHI_PHAN,
                    file,
                    format!("Tệp có đuôi .yaml nhưng thực chất là {what}, không phải văn bản YAML."),
                )
                .hint(Some(
                    "Báo cáo phải là tệp văn bản YAML theo biểu mẫu; đừng đổi tên tệp Word, Excel hay PDF thành .yaml."
                        .to_string(),
                )),
            );
        }
    }
    let sample = &bytes[..bytes.len().min(4096)];
    let nuls = sample.iter().filter(|&&b| b == 0).count();
    if !sample.is_empty() && nuls * 10 > sample.len() {
        let utf16 = sample.len() >= 4 && nuls * 3 > sample.len();
        let what = if utf16 {
            "Tệp có vẻ được lưu bằng UTF-16 nhưng thiếu dấu BOM, hoặc là tệp nhị phân."
        } else {
            "Tệp chứa dữ liệu nhị phân, không phải văn bản YAML."
        };
        return Some(
            Diagnostic::error(code::TEP_NHI_PHAN, file, what).hint(Some(SAVE_AS_UTF8.to_string())),
        );
    }
    None
}

/// Windows-1258 text has high bytes but decodes cleanly; a quick plausibility check that
/// lets the message name the likely cause.
fn looks_windows_1258(bytes: &[u8]) -> bool {
    let (text, had_errors) = encoding_rs::WINDOWS_1258.decode_without_bom_handling(bytes);
    let vietnamese = |c: char| matches!(c, 'À'..='ỹ') && c.is_alphabetic();
    !had_errors && text.nfc().any(vietnamese)
}

/// Position (1-based line and column in characters) just after the given bytes.
fn byte_pos(prefix: &[u8]) -> Pos {
    let line = prefix.iter().filter(|&&b| b == b'\n').count() as u32 + 1;
    let line_start = prefix
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let col = String::from_utf8_lossy(&prefix[line_start..])
        .chars()
        .count() as u32
        + 1;
    Pos::new(line, col)
}

/// Removes XML-forbidden characters (and stray byte-order marks), with one warning that
/// says how many and where the first one was.
fn remove_forbidden(file: &str, text: String, warnings: &mut Vec<Diagnostic>) -> String {
    if !text.chars().any(|c| is_xml_forbidden(c) || c == '\u{FEFF}') {
        return text;
    }
    let mut out = String::with_capacity(text.len());
    let mut first: Option<(Pos, char)> = None;
    let mut count = 0usize;
    let (mut line, mut col) = (1u32, 1u32);
    for c in text.chars() {
        if is_xml_forbidden(c) {
            count += 1;
            if first.is_none() {
                first = Some((Pos::new(line, col), c));
            }
        } else if c != '\u{FEFF}' {
            out.push(c);
        }
        if c == '\n' {
            line += 1;
            col = 1;
        } else {
            col += 1;
        }
    }
    if let Some((pos, c)) = first {
        warnings.push(
            Diagnostic::warning(
                code::KY_TU_CAM,
                file,
                format!(
                    "Tệp chứa {count} ký tự điều khiển không được phép trong văn bản (đầu tiên là U+{:04X}); các ký tự này đã được loại bỏ.",
                    c as u32
                ),
            )
            .at(Some(pos))
            .hint(Some(
                "Thường do sao chép từ phần mềm khác; kiểm tra lại đoạn văn bản tại vị trí này."
                    .to_string(),
            )),
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_utf8_with_and_without_bom() {
        let (t, w) = decode("a.yaml", "don_vi: x\n".as_bytes()).unwrap();
        assert_eq!(t, "don_vi: x\n");
        assert!(w.is_empty());
        let (t, _) = decode("a.yaml", b"\xEF\xBB\xBFky: 1\n").unwrap();
        assert_eq!(t, "ky: 1\n");
    }

    #[test]
    fn decodes_utf16_both_orders() {
        let s = "ten: \"Phòng Tư pháp\"\n";
        let mut le = vec![0xFF, 0xFE];
        let mut be = vec![0xFE, 0xFF];
        for u in s.encode_utf16() {
            le.extend_from_slice(&u.to_le_bytes());
            be.extend_from_slice(&u.to_be_bytes());
        }
        assert_eq!(decode("a", &le).unwrap().0, s);
        assert_eq!(decode("a", &be).unwrap().0, s);
    }

    #[test]
    fn rejects_windows_1258_with_position_and_instructions() {
        // "Phòng" in Windows-1258: o + combining grave (0xCC).
        let bytes = b"don_vi: x\nten: \"Pho\xCCng\"\n";
        let d = decode("nop/x/a.yaml", bytes).unwrap_err();
        assert_eq!(d.code, "ma-hoa");
        assert_eq!((d.line, d.col), (Some(2), Some(10)));
        assert!(d.message.contains("UTF-8"));
        assert!(d.message.contains("Windows-1258"));
        assert!(d.hint.unwrap().contains("UTF-8"));
    }

    #[test]
    fn nfd_becomes_nfc() {
        let nfd: String = "Nội vụ".nfd().collect();
        assert_ne!(nfd, "Nội vụ");
        let (t, _) = decode("a", nfd.as_bytes()).unwrap();
        assert_eq!(t, "Nội vụ");
    }

    #[test]
    fn removes_forbidden_characters_with_one_warning() {
        let (t, w) = decode("a", "a: x\u{B}y\nb: \u{0}z\u{C}\n".as_bytes()).unwrap();
        assert_eq!(t, "a: xy\nb: z\n");
        assert_eq!(w.len(), 1);
        assert_eq!((w[0].line, w[0].col), (Some(1), Some(5)));
        assert!(w[0].message.contains("3 ký tự"));
    }

    #[test]
    fn recognises_binary_files() {
        assert_eq!(
            decode("a", b"%PDF-1.4 ...").unwrap_err().code,
            "tep-nhi-phan"
        );
        assert_eq!(
            decode("a", b"PK\x03\x04\x14\x00").unwrap_err().code,
            "tep-nhi-phan"
        );
        let utf16_no_bom: Vec<u8> = "abc: 1\n".bytes().flat_map(|b| [b, 0]).collect();
        assert!(
            decode("a", &utf16_no_bom)
                .unwrap_err()
                .message
                .contains("UTF-16")
        );
    }
}
