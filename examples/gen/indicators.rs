//! Indicators: the catalogue of 42 counts and ratios, how each one's values are drawn, and
//! which units report it.

use crate::registry::Unit;

#[derive(Clone, Copy)]
pub enum IKind {
    /// A flow: per month, scaled by the unit's size and the period's length.
    Flow(f64),
    /// A stock, the same in every period.
    Stock(i64, i64),
    /// A part of an earlier indicator (so never larger than it).
    Part(&'static str, f64, f64),
    /// The difference of two earlier indicators (a ≥ b).
    Diff(&'static str, &'static str),
    /// Computed by baocao: 100 × Σnumerator / Σdenominator; never submitted.
    Ratio(&'static str, &'static str),
}

pub struct Ind {
    pub ma: &'static str,
    pub ten: &'static str,
    pub dvt: &'static str,
    pub area: &'static str,
    pub kind: IKind,
    /// Unit ids and @groups; empty = every unit. Parts use their parent's reporters.
    pub reporters: &'static [&'static str],
}

const LOCAL_TTHC: &[&str] = &["@co-quan-giai-quyet-tthc", "@xa-phuong"];
const DEPT_LOCAL: &[&str] = &["@co-quan-chuyen-mon", "@xa-phuong"];
const DEPTS: &[&str] = &["@co-quan-chuyen-mon"];
const ALL: &[&str] = &[];

macro_rules! ind {
    ($ma:expr, $ten:expr, $dvt:expr, $lv:expr, $kind:expr, $rep:expr) => {
        Ind {
            ma: $ma,
            ten: $ten,
            dvt: $dvt,
            area: $lv,
            kind: $kind,
            reporters: $rep,
        }
    };
}

#[rustfmt::skip]
pub const INDICATORS: [Ind; 42] = {
    use IKind::*;
    [
        ind!("vbqppl_ban_hanh", "Số văn bản QPPL được ban hành", "văn bản", "1", Flow(0.3), DEPT_LOCAL),
        ind!("vbqppl_kiem_tra", "Số văn bản QPPL được kiểm tra, rà soát theo quy định", "văn bản", "1", Flow(2.0), DEPT_LOCAL),
        ind!("vbqppl_sai_sot", "Số văn bản phát hiện trái pháp luật, có sai sót hoặc không còn phù hợp", "văn bản", "1", Part("vbqppl_kiem_tra", 0.0, 0.15), DEPT_LOCAL),
        ind!("vbqppl_da_xu_ly", "Số văn bản trái pháp luật, có sai sót đã được xử lý", "văn bản", "1", Part("vbqppl_sai_sot", 0.6, 1.0), DEPT_LOCAL),
        ind!("ty_le_vbqppl_da_xu_ly", "Tỷ lệ văn bản phát hiện sai sót đã được xử lý", "%", "1", Ratio("vbqppl_da_xu_ly", "vbqppl_sai_sot"), ALL),
        ind!("tuyen_truyen_pbgdpl", "Số cuộc tuyên truyền, phổ biến, giáo dục pháp luật", "cuộc", "1", Flow(1.5), DEPT_LOCAL),
        ind!("tthc_ra_soat", "Số TTHC được rà soát, đánh giá", "thủ tục", "2", Flow(2.0), DEPTS),
        ind!("tthc_don_gian_hoa", "Số TTHC được đề xuất đơn giản hóa, cắt giảm", "thủ tục", "2", Part("tthc_ra_soat", 0.1, 0.5), DEPTS),
        ind!("ty_le_tthc_don_gian_hoa", "Tỷ lệ TTHC đề xuất đơn giản hóa trên số TTHC được rà soát", "%", "2", Ratio("tthc_don_gian_hoa", "tthc_ra_soat"), ALL),
        ind!("hs_tiep_nhan", "Số hồ sơ TTHC tiếp nhận", "hồ sơ", "2", Flow(60.0), LOCAL_TTHC),
        ind!("hs_truc_tuyen", "Số hồ sơ TTHC tiếp nhận trực tuyến", "hồ sơ", "2", Part("hs_tiep_nhan", 0.4, 0.9), LOCAL_TTHC),
        ind!("ty_le_hs_truc_tuyen", "Tỷ lệ hồ sơ TTHC tiếp nhận trực tuyến", "%", "2", Ratio("hs_truc_tuyen", "hs_tiep_nhan"), ALL),
        ind!("hs_toan_trinh", "Số hồ sơ dịch vụ công trực tuyến toàn trình", "hồ sơ", "2", Part("hs_truc_tuyen", 0.4, 0.9), LOCAL_TTHC),
        ind!("ty_le_hs_toan_trinh", "Tỷ lệ hồ sơ trực tuyến toàn trình trên tổng số hồ sơ tiếp nhận", "%", "2", Ratio("hs_toan_trinh", "hs_tiep_nhan"), ALL),
        ind!("hs_giai_quyet", "Số hồ sơ TTHC đã giải quyết", "hồ sơ", "2", Part("hs_tiep_nhan", 0.85, 1.0), LOCAL_TTHC),
        ind!("hs_dung_han", "Số hồ sơ giải quyết đúng hạn", "hồ sơ", "2", Part("hs_giai_quyet", 0.9, 1.0), LOCAL_TTHC),
        ind!("ty_le_dung_han", "Tỷ lệ hồ sơ giải quyết đúng hạn", "%", "2", Ratio("hs_dung_han", "hs_giai_quyet"), ALL),
        ind!("hs_qua_han", "Số hồ sơ giải quyết quá hạn", "hồ sơ", "2", Diff("hs_giai_quyet", "hs_dung_han"), LOCAL_TTHC),
        ind!("hs_phi_le_phi", "Số hồ sơ có nghĩa vụ tài chính (phí, lệ phí)", "hồ sơ", "2", Part("hs_tiep_nhan", 0.3, 0.6), LOCAL_TTHC),
        ind!("hs_thanh_toan_truc_tuyen", "Số hồ sơ thanh toán trực tuyến phí, lệ phí", "hồ sơ", "2", Part("hs_phi_le_phi", 0.2, 0.7), LOCAL_TTHC),
        ind!("ty_le_thanh_toan_truc_tuyen", "Tỷ lệ hồ sơ thanh toán trực tuyến", "%", "2", Ratio("hs_thanh_toan_truc_tuyen", "hs_phi_le_phi"), ALL),
        ind!("hs_so_hoa", "Số hồ sơ TTHC được số hóa khi tiếp nhận", "hồ sơ", "2", Part("hs_tiep_nhan", 0.6, 1.0), LOCAL_TTHC),
        ind!("ty_le_so_hoa", "Tỷ lệ hồ sơ TTHC được số hóa", "%", "2", Ratio("hs_so_hoa", "hs_tiep_nhan"), ALL),
        ind!("pakn_tiep_nhan", "Số phản ánh, kiến nghị về TTHC tiếp nhận", "phản ánh", "2", Flow(1.0), LOCAL_TTHC),
        ind!("pakn_da_xu_ly", "Số phản ánh, kiến nghị về TTHC đã xử lý", "phản ánh", "2", Part("pakn_tiep_nhan", 0.8, 1.0), LOCAL_TTHC),
        ind!("ty_le_pakn_da_xu_ly", "Tỷ lệ phản ánh, kiến nghị đã xử lý", "%", "2", Ratio("pakn_da_xu_ly", "pakn_tiep_nhan"), ALL),
        ind!("dvsn_tong", "Số đơn vị sự nghiệp công lập trực thuộc", "đơn vị", "5", Stock(0, 6), DEPTS),
        ind!("dvsn_tu_chu", "Số đơn vị sự nghiệp công lập tự bảo đảm một phần trở lên chi thường xuyên", "đơn vị", "5", Part("dvsn_tong", 0.2, 0.8), DEPTS),
        ind!("ty_le_dvsn_tu_chu", "Tỷ lệ đơn vị sự nghiệp công lập tự chủ tài chính", "%", "5", Ratio("dvsn_tu_chu", "dvsn_tong"), ALL),
        ind!("luot_boi_duong", "Số lượt cán bộ, công chức, viên chức được đào tạo, bồi dưỡng", "lượt người", "4", Flow(2.0), ALL),
        ind!("chuyen_doi_vi_tri", "Số công chức, viên chức được chuyển đổi vị trí công tác", "người", "4", Flow(0.1), ALL),
        ind!("kiem_tra_ky_luat", "Số cuộc kiểm tra kỷ luật, kỷ cương hành chính", "cuộc", "4", Flow(0.3), ALL),
        ind!("vb_di", "Tổng số văn bản đi", "văn bản", "6", Flow(40.0), ALL),
        ind!("vb_di_dien_tu", "Số văn bản đi được gửi dưới dạng điện tử", "văn bản", "6", Part("vb_di", 0.85, 1.0), ALL),
        ind!("ty_le_vb_dien_tu", "Tỷ lệ văn bản đi được gửi dưới dạng điện tử", "%", "6", Ratio("vb_di_dien_tu", "vb_di"), ALL),
        ind!("vb_ky_so", "Số văn bản đi được ký số", "văn bản", "6", Part("vb_di_dien_tu", 0.8, 1.0), ALL),
        ind!("ty_le_vb_ky_so", "Tỷ lệ văn bản đi được ký số", "%", "6", Ratio("vb_ky_so", "vb_di"), ALL),
        ind!("vb_chi_dao_cchc", "Số văn bản chỉ đạo, điều hành về CCHC được ban hành", "văn bản", "7", Flow(0.5), ALL),
        ind!("kiem_tra_ton_tai", "Số tồn tại, hạn chế được phát hiện qua kiểm tra CCHC", "tồn tại", "7", Flow(0.5), DEPTS),
        ind!("kiem_tra_da_xu_ly", "Số tồn tại, hạn chế đã được khắc phục", "tồn tại", "7", Part("kiem_tra_ton_tai", 0.5, 1.0), DEPTS),
        ind!("ty_le_khac_phuc_sau_kiem_tra", "Tỷ lệ tồn tại, hạn chế đã được khắc phục sau kiểm tra", "%", "7", Ratio("kiem_tra_da_xu_ly", "kiem_tra_ton_tai"), ALL),
        ind!("tin_bai_cchc", "Số tin, bài tuyên truyền về CCHC", "tin, bài", "7", Flow(2.0), DEPT_LOCAL),
    ]
};

pub fn reports_indicator(ind: &Ind, u: usize, unit: &Unit, units: &[Unit]) -> bool {
    if matches!(ind.kind, IKind::Ratio(..)) {
        return false;
    }
    ind.reporters.is_empty()
        || ind.reporters.iter().any(|r| match r.strip_prefix('@') {
            Some(g) => unit.in_group(g),
            None => units[u].id == *r,
        })
}
