//! The test harness shared by the integration tests: a data folder made from
//! `tests/fixtures/base/` with a case folder of `tests/cases/` laid over it, and the real
//! `baocao` binary run on it.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub const BIN: &str = env!("CARGO_BIN_EXE_baocao");

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn copy_tree(from: &Path, to: &Path) {
    for e in walkdir::WalkDir::new(from).sort_by_file_name() {
        let e = e.unwrap();
        let rel = e.path().strip_prefix(from).unwrap();
        let dest = to.join(rel);
        if e.file_type().is_dir() {
            std::fs::create_dir_all(&dest).unwrap();
        } else {
            std::fs::copy(e.path(), &dest).unwrap();
        }
    }
}

/// A data folder in a temporary directory, with an output folder beside it.
pub struct Case {
    pub tmp: tempfile::TempDir,
}

impl Case {
    pub fn new(case: &str) -> Case {
        let c = Case::base();
        let dir = root().join("tests/cases").join(case);
        assert!(dir.is_dir(), "no fixture folder {}", dir.display());
        copy_tree(&dir, &c.data());
        c
    }

    pub fn base() -> Case {
        let tmp = tempfile::tempdir().unwrap();
        copy_tree(
            &root().join("tests/fixtures/base"),
            &tmp.path().join("data"),
        );
        Case { tmp }
    }

    pub fn data(&self) -> PathBuf {
        self.tmp.path().join("data")
    }

    pub fn out(&self) -> PathBuf {
        self.tmp.path().join("out")
    }

    pub fn write(&self, rel: &str, bytes: impl AsRef<[u8]>) {
        let p = self.data().join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, bytes).unwrap();
    }

    /// Runs `baocao <cmd> --data <data> [args]` (and `--out` for build).
    pub fn run(&self, cmd: &str, args: &[&str]) -> Output {
        use std::ffi::OsStr;
        let out = self.out();
        let mut all = vec![OsStr::new(cmd)];
        if cmd == "build" {
            all.extend([OsStr::new("--out"), out.as_os_str()]);
        }
        all.extend(args.iter().map(OsStr::new));
        run_on(&self.data(), &all)
    }

    /// Writes the reminder letter of `ky` dated `date` into the output folder.
    pub fn remind(&self, ky: &str, date: &str) -> Output {
        let out = self.out();
        self.run(
            "remind",
            &["--ky", ky, "--out", out.to_str().unwrap(), "--ngay", date],
        )
    }

    /// Builds and returns the JSON of one period.
    pub fn build_json(&self, ky: &str) -> Value {
        assert_ok(&self.run("build", &["--ky", ky]));
        self.json(ky)
    }

    /// Builds every period into `<tmp>/<name>` and returns that folder.
    pub fn build_into(&self, name: &str) -> PathBuf {
        let out = self.tmp.path().join(name);
        assert_ok(&build(&self.data(), &out));
        out
    }

    /// The JSON of one period in the output folder.
    pub fn json(&self, ky: &str) -> Value {
        json_at(&self.out(), ky)
    }
}

/// `baocao <args> --data <data>`.
pub fn run_on(data: &Path, args: &[impl AsRef<std::ffi::OsStr>]) -> Output {
    Command::new(BIN)
        .args(args)
        .arg("--data")
        .arg(data)
        .env("NO_COLOR", "1")
        .output()
        .unwrap()
}

/// The JSON summary of one period (`<out>/<ky>/tong-hop-<ky>.json`).
pub fn json_at(out: &Path, ky: &str) -> Value {
    let p = out.join(ky).join(format!("tong-hop-{ky}.json"));
    let bytes = std::fs::read(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
    serde_json::from_slice(&bytes).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

/// Runs the OOXML schema check (`tools/ooxml/check-ooxml`) on office files; python3 with lxml
/// is required, not optional.
pub fn assert_schema_valid(paths: &[&Path]) {
    assert!(!paths.is_empty(), "no file to check");
    let o = Command::new("python3")
        .arg(root().join("tools/ooxml/check-ooxml"))
        .args(paths)
        .output()
        .expect("python3 is needed to run tools/ooxml/check-ooxml (then: pip install lxml)");
    assert!(
        o.status.success(),
        "check-ooxml {paths:?} failed (it needs python3 with lxml: pip install lxml):\n{}{}",
        stdout(&o),
        stderr(&o)
    );
}

/// `baocao build --data <data> --out <out>`.
pub fn build(data: &Path, out: &Path) -> Output {
    build_with(data, out, &[])
}

/// `baocao build --data <data> --out <out> <extra>`.
pub fn build_with(data: &Path, out: &Path, extra: &[&std::ffi::OsStr]) -> Output {
    Command::new(BIN)
        .arg("build")
        .arg("--data")
        .arg(data)
        .arg("--out")
        .arg(out)
        .args(extra)
        .env("NO_COLOR", "1")
        .output()
        .unwrap()
}

/// The units of `tests/fixtures/base/don-vi.yaml`.
pub const BASE_UNITS: [&str; 6] = [
    "phong-noi-vu",
    "phong-tu-phap",
    "van-phong",
    "ubnd-phuong-a",
    "ubnd-xa-b",
    "ubnd-xa-c",
];

/// Asserts that the run exited with status 0, showing its stderr otherwise.
pub fn assert_ok(o: &Output) {
    assert_eq!(o.status.code(), Some(0), "{}", stderr(o));
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn unit<'a>(j: &'a Value, id: &str) -> &'a Value {
    j["don_vi"]
        .as_array()
        .unwrap()
        .iter()
        .find(|u| u["ma"] == id)
        .unwrap_or_else(|| panic!("unit {id}"))
}

pub fn task<'a>(j: &'a Value, id: &str) -> &'a Value {
    j["nhiem_vu"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["ma"] == id)
        .unwrap_or_else(|| panic!("task {id}"))
}

pub fn indicator(j: &Value, id: &str) -> Value {
    j["chi_tieu"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["ma"] == id)
        .unwrap()["gia_tri"]
        .clone()
}

pub fn diags_of<'a>(j: &'a Value, file: &str) -> Vec<&'a Value> {
    j["chan_doan"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["tep"] == file)
        .collect()
}

pub fn ids(v: &Value) -> Vec<&str> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_str().unwrap())
        .collect()
}

/// One part of an office file (zip), as text.
pub fn zip_part(path: &Path, part: &str) -> String {
    let f = std::fs::File::open(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut z = zip::ZipArchive::new(f).unwrap();
    let mut e = z
        .by_name(part)
        .unwrap_or_else(|_| panic!("{part} in {}", path.display()));
    let mut s = String::new();
    std::io::Read::read_to_string(&mut e, &mut s).unwrap();
    s
}

/// A `<w:p>` element of WordprocessingML: its XML and its text.
#[derive(Debug, Clone)]
pub struct Para {
    pub xml: String,
    pub text: String,
}

impl Para {
    /// Whether the paragraph's properties or runs contain `needle` (an XML fragment).
    pub fn has(&self, needle: &str) -> bool {
        self.xml.contains(needle)
    }
}

fn unescape_xml(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

/// The text of an XML fragment: the contents of its `<w:t>` elements, a `<w:br/>` as "\n".
pub fn wtext(xml: &str) -> String {
    let mut out = String::new();
    let mut rest = xml;
    loop {
        let t = rest.find("<w:t>").or_else(|| rest.find("<w:t "));
        let br = rest.find("<w:br");
        match (t, br) {
            (Some(ti), Some(bi)) if bi < ti => {
                out.push('\n');
                rest = &rest[bi + 5..];
            }
            (Some(ti), _) => {
                let open_end = ti + rest[ti..].find('>').unwrap() + 1;
                if rest[..open_end].ends_with("/>") {
                    rest = &rest[open_end..];
                    continue;
                }
                let close = open_end + rest[open_end..].find("</w:t>").unwrap();
                out.push_str(&unescape_xml(&rest[open_end..close]));
                rest = &rest[close + 6..];
            }
            (None, Some(bi)) => {
                out.push('\n');
                rest = &rest[bi + 5..];
            }
            (None, None) => break,
        }
    }
    out
}

/// Every paragraph of a WordprocessingML part, in order (paragraphs do not nest).
pub fn paragraphs(xml: &str) -> Vec<Para> {
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(off) = xml[i..].find("<w:p") {
        let start = i + off;
        let next = xml.as_bytes().get(start + 4).copied();
        if next != Some(b'>') && next != Some(b' ') {
            i = start + 4;
            continue;
        }
        let head_end = start + xml[start..].find('>').unwrap();
        if xml[..=head_end].ends_with("/>") {
            out.push(Para {
                xml: xml[start..=head_end].to_string(),
                text: String::new(),
            });
            i = head_end + 1;
            continue;
        }
        let end = start + xml[start..].find("</w:p>").unwrap() + 6;
        let p = &xml[start..end];
        out.push(Para {
            xml: p.to_string(),
            text: wtext(p),
        });
        i = end;
    }
    out
}

/// The value of attribute `attr` on the first `<tag …>` in `xml`.
pub fn attr(xml: &str, tag: &str, attr: &str) -> Option<String> {
    let start = xml
        .find(&format!("<{tag} "))
        .or_else(|| xml.find(&format!("<{tag}/")))?;
    let end = start + xml[start..].find('>')?;
    let head = &xml[start..end];
    let key = format!("{attr}=\"");
    let a = head.find(&key)? + key.len();
    let b = a + head[a..].find('"')?;
    Some(head[a..b].to_string())
}

/// Fails, saying what to install, when a command the extended tests need is not on PATH.
pub fn require_tool(cmd: &str, install: &str) {
    let found = std::env::var_os("PATH")
        .is_some_and(|paths| std::env::split_paths(&paths).any(|d| d.join(cmd).is_file()));
    assert!(found, "this test needs `{cmd}`: {install}");
}

/// A workbook read back with calamine: every sheet's values, visibility and formulas.
pub struct Book {
    pub names: Vec<String>,
    pub visible: Vec<calamine::SheetVisible>,
    pub sheets: Vec<calamine::Range<calamine::Data>>,
    pub formulas: Vec<calamine::Range<String>>,
}

impl Book {
    pub fn open(path: &Path) -> Book {
        use calamine::Reader;
        let mut wb: calamine::Xlsx<_> =
            calamine::open_workbook(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let names = wb.sheet_names();
        let visible = wb.sheets_metadata().iter().map(|s| s.visible).collect();
        let sheets = names
            .iter()
            .map(|n| wb.worksheet_range(n).unwrap())
            .collect();
        let formulas = names
            .iter()
            .map(|n| wb.worksheet_formula(n).unwrap())
            .collect();
        Book {
            names,
            visible,
            sheets,
            formulas,
        }
    }

    pub fn sheet(&self, name: &str) -> &calamine::Range<calamine::Data> {
        let i = self.names.iter().position(|n| n == name).unwrap();
        &self.sheets[i]
    }

    /// How many cells of the whole workbook hold a formula.
    pub fn formula_count(&self) -> usize {
        self.formulas
            .iter()
            .map(|f| f.used_cells().filter(|(_, _, s)| !s.is_empty()).count())
            .sum()
    }
}

/// A cell by absolute (0-based) position; `Empty` outside the used range.
pub fn cell(s: &calamine::Range<calamine::Data>, row: u32, col: u32) -> calamine::Data {
    s.get_value((row, col))
        .cloned()
        .unwrap_or(calamine::Data::Empty)
}

/// A text cell's text; "" for an empty cell; any other cell fails the test.
pub fn text(s: &calamine::Range<calamine::Data>, row: u32, col: u32) -> String {
    match cell(s, row, col) {
        calamine::Data::String(t) => t,
        calamine::Data::Empty => String::new(),
        other => panic!("({row}, {col}) is not text: {other:?}"),
    }
}
