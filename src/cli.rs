//! Command-line definitions (clap), in Vietnamese, turned into plain settings.

use crate::model::period::Period;
use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;

const TEMPLATE: &str = "\
{before-help}{about-with-newline}
Cách dùng: {usage}

{all-args}{after-help}";

/// baocao: tổng hợp báo cáo cải cách hành chính (CCHC) từ các tệp YAML của các đơn vị.
#[derive(Debug, Parser)]
#[command(
    name = "baocao",
    version,
    about = "baocao — tổng hợp báo cáo cải cách hành chính (CCHC) từ các tệp báo cáo YAML của đơn vị\n\
             thành báo cáo DOCX theo Nghị định 30/2020/NĐ-CP, phụ lục XLSX và bản tổng hợp JSON.",
    help_template = TEMPLATE,
    disable_help_flag = true,
    disable_version_flag = true,
    disable_help_subcommand = true,
    subcommand_help_heading = "Lệnh",
    subcommand_value_name = "LỆNH",
    override_usage = "baocao [LỆNH] [TÙY CHỌN]",
    after_help = "Ví dụ:\n  \
        baocao                                lập báo cáo mọi kỳ từ dữ liệu mẫu trong data/ vào output/\n  \
        baocao check --data D:\\CCHC\\du-lieu    kiểm tra mọi tệp báo cáo của đơn vị\n  \
        baocao status --ky 2024-Q1            xem đơn vị nào đã nộp, nộp trễ, chưa nộp\n  \
        baocao build --ky 2024-6T --out kq    lập báo cáo 6 tháng đầu năm 2024 vào thư mục kq/\n  \
        baocao forms --ky 2024-Q3             lập biểu mẫu điền sẵn gửi các đơn vị\n  \
        baocao remind --ky 2024-Q1            lập công văn đôn đốc đơn vị chưa có báo cáo hợp lệ\n  \
        baocao phan-hoi --ky 2024-Q1          lập phiếu phản hồi cho từng đơn vị có báo cáo lỗi\n  \
        baocao ke-hoach nhap KH-2025.docx     nhập kế hoạch CCHC năm mới từ văn bản Word\n\n\
        Mã thoát: 0 — đã lập báo cáo; 1 — có tệp bị từ chối (với --strict) hoặc check thấy lỗi;\n\
        2 — không lập được gì (dữ liệu gốc lỗi, không đọc được nop/, không ghi được kết quả),\n\
        và không tệp kết quả nào bị thay đổi. Tệp kết quả đã sửa trong Word không bị ghi đè\n\
        mà được giữ lại với tên \"(bản đã sửa …)\"."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// In hướng dẫn này.
    #[arg(short = 'h', long = "help", action = clap::ArgAction::Help, global = true, help_heading = "Tùy chọn chung")]
    help: Option<bool>,
    /// In số phiên bản.
    #[arg(short = 'V', long = "version", action = clap::ArgAction::Version, help_heading = "Tùy chọn chung")]
    version: Option<bool>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Kiểm tra, tổng hợp và lập báo cáo cho các kỳ (mặc định: mọi kỳ có báo cáo).
    #[command(
        help_template = TEMPLATE,
        override_usage = "baocao build [--ky KỲ]... [--data THƯ_MỤC] [--out THƯ_MỤC] [--strict] [--templates THƯ_MỤC]",
        after_help = "Ví dụ:\n  baocao build\n  baocao build --ky 2024-Q1 --ky 2024-6T\n  baocao build --data D:\\CCHC\\du-lieu --out D:\\CCHC\\ket-qua --strict\n\n\
                      Kết quả ghi vào <out>/<KỲ>/: bao-cao-cchc-<KỲ>.docx (báo cáo theo Nghị định 30/2020/NĐ-CP),\n\
                      phu-luc-cchc-<KỲ>.xlsx (phụ lục bảng tính) và tong-hop-<KỲ>.json (bản tổng hợp cho chương trình khác).\n\
                      Mẫu câu chữ lấy từ --templates, nếu không thì từ templates/ trong thư mục dữ liệu,\n\
                      rồi templates/ trong thư mục đang chạy, cuối cùng là mẫu có sẵn."
    )]
    Build(BuildArgs),
    /// Chỉ kiểm tra: liệt kê mọi lỗi trong mọi tệp, không ghi gì.
    #[command(
        help_template = TEMPLATE,
        override_usage = "baocao check [--ky KỲ] [--data THƯ_MỤC]",
        after_help = "Ví dụ:\n  baocao check\n  baocao check --ky 2024-Q3 --data D:\\CCHC\\du-lieu\n\n\
                      Mã thoát 1 khi có ít nhất một lỗi; cảnh báo không làm thay đổi mã thoát."
    )]
    Check(CheckArgs),
    /// Bảng tình hình nộp báo cáo của các đơn vị trong một kỳ.
    #[command(
        help_template = TEMPLATE,
        override_usage = "baocao status --ky KỲ [--data THƯ_MỤC] [--json]",
        after_help = "Ví dụ:\n  baocao status --ky 2024-Q1\n  baocao status --ky 2024-Q1 --json > tinh-hinh.json"
    )]
    Status(StatusArgs),
    /// Lập biểu mẫu báo cáo điền sẵn (YAML và Excel) cho từng đơn vị của một kỳ.
    #[command(
        help_template = TEMPLATE,
        override_usage = "baocao forms --ky KỲ [--data THƯ_MỤC] [--out THƯ_MỤC]",
        after_help = "Ví dụ:\n  baocao forms --ky 2024-Q1\n\n\
                      Mỗi đơn vị hai biểu mẫu cùng nội dung, điền một trong hai: <out>/<KỲ>/bieu-mau/<mã đơn vị>.yaml\n\
                      và <mã đơn vị>.xlsx (điền bằng Excel, LibreOffice Calc hoặc WPS). Biểu mẫu chỉ gồm các nhiệm vụ\n\
                      đơn vị chủ trì hoặc phối hợp và các chỉ tiêu đơn vị phải báo cáo; mỗi nhiệm vụ kèm kết quả\n\
                      báo cáo hợp lệ kỳ trước của đơn vị để tham khảo. Chưa có thư mục nop/ thì vẫn lập được."
    )]
    Forms(FormsArgs),
    /// Lập công văn đôn đốc các đơn vị chưa có báo cáo hợp lệ của một kỳ.
    #[command(
        help_template = TEMPLATE,
        override_usage = "baocao remind --ky KỲ [--data THƯ_MỤC] [--out THƯ_MỤC] [--templates THƯ_MỤC] [--ngay NGÀY]",
        after_help = "Ví dụ:\n  baocao remind --ky 2024-Q1\n  baocao remind --ky 2024-Q1 --ngay 20/03/2024\n\n\
                      Ghi <out>/<KỲ>/cong-van-don-doc-<KỲ>.docx; không ghi gì khi mọi đơn vị đã có báo cáo hợp lệ.\n\
                      Công văn đề nghị gửi báo cáo chậm nhất sau han_don_doc ngày (cau-hinh.yaml, mặc định 5) kể từ ngày ký."
    )]
    Remind(RemindArgs),
    /// Lập phiếu phản hồi cho từng đơn vị đã gửi báo cáo có lỗi hoặc cần lưu ý.
    #[command(
        name = "phan-hoi",
        help_template = TEMPLATE,
        override_usage = "baocao phan-hoi --ky KỲ [--data THƯ_MỤC] [--out THƯ_MỤC]",
        after_help = "Ví dụ:\n  baocao phan-hoi --ky 2024-Q1\n\n\
                      Mỗi đơn vị có vấn đề một tệp <out>/<KỲ>/phan-hoi/<mã đơn vị>.txt (đọc được bằng Notepad\n\
                      và điện thoại): các tệp đã nhận, tệp được dùng, từng lỗi ở dòng nào và cách sửa, việc cần làm.\n\
                      Đơn vị có báo cáo hợp lệ, không cần lưu ý gì, không có phiếu."
    )]
    Feedback(FormsArgs),
    /// Kế hoạch CCHC của năm: nhập từ văn bản kế hoạch (lệnh con: nhap).
    #[command(
        name = "ke-hoach",
        help_template = TEMPLATE,
        override_usage = "baocao ke-hoach nhap TỆP [--nam NĂM] [--data THƯ_MỤC] [--ghi-de]",
        subcommand_required = true,
        subcommand_help_heading = "Lệnh",
        subcommand_value_name = "LỆNH",
        disable_help_subcommand = true,
        after_help = "Ví dụ:\n  baocao ke-hoach nhap D:\\CCHC\\KH-CCHC-2025.docx"
    )]
    KeHoach(PlanArgs),
}

#[derive(Debug, Args)]
pub struct PlanArgs {
    #[command(subcommand)]
    pub command: PlanCommand,
}

#[derive(Debug, Subcommand)]
pub enum PlanCommand {
    /// Đọc văn bản kế hoạch (.docx, .txt, .md) và ghi ke-hoach/<năm>.yaml cùng danh sách cần xem lại.
    #[command(
        help_template = TEMPLATE,
        override_usage = "baocao ke-hoach nhap TỆP [--nam NĂM] [--data THƯ_MỤC] [--ghi-de]",
        after_help = "Ví dụ:\n  baocao ke-hoach nhap KH-CCHC-2025.docx\n  \
                      baocao ke-hoach nhap ke-hoach-2025.txt --nam 2025 --data D:\\CCHC\\du-lieu\n  \
                      baocao ke-hoach nhap KH-CCHC-2025.docx --ghi-de\n\n\
                      Chỉ đọc mục nhiệm vụ (II) của kế hoạch: lĩnh vực \"1. …\", nhiệm vụ \"a) …\" với các dòng\n\
                      \"- Cơ quan chủ trì: …\", \"- Cơ quan phối hợp: …\", \"- Sản phẩm: …\", \"- Thời gian thực hiện: …\",\n\
                      hoặc một bảng có cột STT, Nhiệm vụ, Cơ quan chủ trì, Cơ quan phối hợp, Sản phẩm, Thời gian.\n\
                      Ghi <data>/ke-hoach/<năm>.yaml và <data>/ke-hoach/<năm>-can-xem-lai.txt (danh sách những gì\n\
                      cần xem lại: tên đơn vị chưa có trong danh mục, thời hạn chưa xác định được ngày, nhãn lạ).\n\
                      Mã thoát: 0 — đã ghi; 2 — không ghi gì (không đọc được tệp, kế hoạch năm đó đã có mà\n\
                      không có --ghi-de, dạng tệp không nhận)."
    )]
    Nhap(ImportArgs),
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// Văn bản kế hoạch: .docx, .txt (UTF-8) hoặc .md.
    #[arg(value_name = "TỆP", help_heading = "Tham số")]
    pub file: PathBuf,
    /// Năm của kế hoạch, ví dụ 2025 (mặc định: năm ghi trong tên kế hoạch).
    #[arg(long = "nam", value_name = "NĂM", value_parser = parse_year, help_heading = "Tùy chọn")]
    pub year: Option<i32>,
    #[command(flatten)]
    pub data: DataArg,
    /// Ghi đè kế hoạch đã có của năm đó (mặc định: không ghi đè, không ghi gì).
    #[arg(long = "ghi-de", help_heading = "Tùy chọn")]
    pub overwrite: bool,
}

fn parse_year(s: &str) -> Result<i32, String> {
    match s.trim().parse::<i32>() {
        Ok(y) if (2000..2100).contains(&y) => Ok(y),
        _ => Err("Năm viết bằng 4 chữ số, từ 2000 đến 2099, ví dụ 2025.".into()),
    }
}

/// The period, data folder and output folder that `forms` and `remind` take.
#[derive(Debug, Args)]
pub struct FormsArgs {
    /// Kỳ báo cáo, ví dụ 2024-Q1.
    #[arg(long = "ky", value_name = "KỲ", value_parser = parse_period, required = true, help_heading = "Tùy chọn")]
    pub period: Period,
    #[command(flatten)]
    pub data: DataArg,
    #[command(flatten)]
    pub out: OutArg,
}

#[derive(Debug, Args)]
pub struct RemindArgs {
    #[command(flatten)]
    pub common: FormsArgs,
    /// Thư mục mẫu câu chữ (mặc định: templates/ trong thư mục dữ liệu hoặc thư mục đang chạy, không thì mẫu có sẵn).
    #[arg(long, value_name = "THƯ_MỤC", help_heading = "Tùy chọn")]
    pub templates: Option<PathBuf>,
    /// Ngày ký công văn, ví dụ 20/03/2024 (mặc định: hôm nay).
    #[arg(long, value_name = "NGÀY", value_parser = parse_day, help_heading = "Tùy chọn")]
    pub ngay: Option<chrono::NaiveDate>,
}

#[derive(Debug, Args, Clone)]
pub struct DataArg {
    /// Thư mục dữ liệu: cau-hinh.yaml, don-vi.yaml, ke-hoach/, chi-tieu.yaml, nop/ (mặc định: data).
    #[arg(
        long,
        value_name = "THƯ_MỤC",
        default_value = "data",
        hide_default_value = true,
        help_heading = "Tùy chọn"
    )]
    pub data: PathBuf,
}

#[derive(Debug, Args, Clone)]
pub struct OutArg {
    /// Thư mục ghi kết quả, mỗi kỳ một thư mục con (mặc định: output).
    #[arg(
        long,
        value_name = "THƯ_MỤC",
        default_value = "output",
        hide_default_value = true,
        help_heading = "Tùy chọn"
    )]
    pub out: PathBuf,
}

#[derive(Debug, Args)]
pub struct BuildArgs {
    /// Kỳ báo cáo cần lập, ví dụ 2024-Q1, 2024-6T, 2024-9T, 2024-NAM; có thể lặp lại.
    #[arg(long = "ky", value_name = "KỲ", value_parser = parse_period, help_heading = "Tùy chọn")]
    pub periods: Vec<Period>,
    #[command(flatten)]
    pub data: DataArg,
    #[command(flatten)]
    pub out: OutArg,
    /// Trả mã thoát 1 nếu có tệp báo cáo bị từ chối (báo cáo vẫn được lập).
    #[arg(long, help_heading = "Tùy chọn")]
    pub strict: bool,
    /// Thư mục mẫu câu chữ của báo cáo (mặc định: templates/ trong thư mục dữ liệu hoặc thư mục đang chạy, không thì mẫu có sẵn).
    #[arg(long, value_name = "THƯ_MỤC", help_heading = "Tùy chọn")]
    pub templates: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Chỉ kiểm tra các tệp của kỳ này (và các tệp không đọc được kỳ).
    #[arg(long = "ky", value_name = "KỲ", value_parser = parse_period, help_heading = "Tùy chọn")]
    pub period: Option<Period>,
    #[command(flatten)]
    pub data: DataArg,
}

#[derive(Debug, Args)]
pub struct StatusArgs {
    /// Kỳ báo cáo, ví dụ 2024-Q1.
    #[arg(long = "ky", value_name = "KỲ", value_parser = parse_period, required = true, help_heading = "Tùy chọn")]
    pub period: Period,
    #[command(flatten)]
    pub data: DataArg,
    /// In kết quả dạng JSON (cho chương trình khác) thay cho bảng.
    #[arg(long, help_heading = "Tùy chọn")]
    pub json: bool,
}

fn parse_period(s: &str) -> Result<Period, String> {
    Period::parse(s).map_err(|e| format!("{e} {}", crate::model::period::CODE_HELP))
}

fn parse_day(s: &str) -> Result<chrono::NaiveDate, String> {
    crate::input::values::date(s, "--ngay").map_err(|n| n.message)
}

/// The names of the commands, for messages.
pub const COMMANDS: [&str; 7] = [
    "build", "check", "status", "forms", "remind", "phan-hoi", "ke-hoach",
];

/// Turns clap's English error into a Vietnamese message.
pub fn vietnamese_error(e: &clap::Error) -> String {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    let ctx = |k: ContextKind| match e.get(k) {
        Some(ContextValue::String(s)) => s.clone(),
        Some(ContextValue::Strings(v)) => v.join(", "),
        _ => String::new(),
    };
    match e.kind() {
        ErrorKind::InvalidValue | ErrorKind::ValueValidation
            if ctx(ContextKind::InvalidValue).is_empty() =>
        {
            format!("tùy chọn {} cần một giá trị.", ctx(ContextKind::InvalidArg))
        }
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => {
            let source = std::error::Error::source(e)
                .map(|s| s.to_string())
                .unwrap_or_default();
            format!(
                "giá trị '{}' của {} không hợp lệ. {source}",
                ctx(ContextKind::InvalidValue),
                ctx(ContextKind::InvalidArg)
            )
        }
        ErrorKind::UnknownArgument => {
            let mut m = format!("tùy chọn '{}' không tồn tại.", ctx(ContextKind::InvalidArg));
            let s = ctx(ContextKind::SuggestedArg);
            if !s.is_empty() {
                m.push_str(&format!(" Có phải ý bạn là '{s}'?"));
            }
            m
        }
        ErrorKind::InvalidSubcommand => {
            let mut m = format!(
                "lệnh '{}' không tồn tại.",
                ctx(ContextKind::InvalidSubcommand)
            );
            let s = ctx(ContextKind::SuggestedSubcommand);
            if !s.is_empty() {
                m.push_str(&format!(" Có phải ý bạn là '{s}'?"));
            }
            m.push_str(&format!(" Các lệnh: {}.", COMMANDS.join(", ")));
            m
        }
        ErrorKind::MissingSubcommand | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            "thiếu lệnh con; ví dụ: baocao ke-hoach nhap KH-CCHC-2025.docx".to_string()
        }
        ErrorKind::MissingRequiredArgument => {
            format!("thiếu tùy chọn bắt buộc: {}.", ctx(ContextKind::InvalidArg))
        }
        ErrorKind::ArgumentConflict => {
            let (a, b) = (ctx(ContextKind::InvalidArg), ctx(ContextKind::PriorArg));
            if a == b {
                format!("tùy chọn {a} chỉ được ghi một lần.")
            } else {
                format!("không dùng được cùng lúc {a} và {b}.")
            }
        }
        ErrorKind::TooManyValues | ErrorKind::NoEquals => {
            format!("tham số không hợp lệ: {}", ctx(ContextKind::InvalidArg))
        }
        ErrorKind::WrongNumberOfValues | ErrorKind::TooFewValues => {
            format!("tùy chọn {} thiếu giá trị.", ctx(ContextKind::InvalidArg))
        }
        ErrorKind::InvalidUtf8 => "tham số có ký tự không đọc được.".into(),
        _ => "tham số dòng lệnh không hợp lệ.".into(),
    }
}
