"""Independent reference implementation ("oracle") of the rules that fix
`tong-hop-<KY>.json` (docs/du-lieu.md: submissions, periods, the JSON).

Written from the product specification alone (its user-facing form is docs/du-lieu.md).  Everything here works on plain Python data:

* registry  = {"nhom": [{"ma": ...}], "don_vi": [{"ma": ..., "nhom": [...]}]}
* plans     = {year: {"nam": year, "linh_vuc": [{"ma": "1", "nhiem_vu": [task, ...]}]}}
              task = {"ma", "chu_tri": [refs], "phoi_hop": [refs],
                      "thoi_han": {"thuong_xuyen": bool, "moc": [{"ngay": date}]}}
* catalogue = [{"ma", "cach_tinh": "tong"|"ty_le", "tu_so", "mau_so"}]
* config    = {"chot_so_lieu": "nd09"|"lich", "han_nop": {"quy","6t","9t","nam"}}
* a submission = its path relative to the data folder ("nop/..."), plus either
  the parsed YAML document (Python dict / list / str / int / float / bool /
  datetime.date / None, exactly what a YAML parser would give) together with a
  position map, or a marker that the file could not be parsed.

Position map: {path_tuple: {"key": (line, col), "val": (line, col)}} where
path_tuple is e.g. ("ngay_bao_cao",) or ("nhiem_vu", 2, "ma"); list items
("nhiem_vu", 2) carry "val" = position of the item's first key.  Lines and
columns are 1-based and count characters.

Diagnostics are dicts: {"muc_do", "tep", "dong", "cot", "thong_diep",
"_vi_tri_chap_nhan", "_tuy_chon"}.  "_vi_tri_chap_nhan" is either "*" (the
position is not checked) or a list of acceptable [dong, cot] pairs (the first
one is what "dong"/"cot" hold).  "_tuy_chon": true marks an entry that an
implementation may or may not emit.
"""

import datetime as dt
import re
import unicodedata
from decimal import Decimal, ROUND_HALF_UP, ROUND_HALF_EVEN
from fractions import Fraction

STATUS_CODES = ["hoan_thanh", "dang_thuc_hien", "cham_tien_do", "chua_thuc_hien"]
STATUS_LABELS = {
    "hoan_thanh": "Hoàn thành",
    "dang_thuc_hien": "Đang thực hiện",
    "cham_tien_do": "Chậm tiến độ",
    "chua_thuc_hien": "Chưa thực hiện",
}
DEM_KEYS = STATUS_CODES + ["chua_bao_cao"]
PERIOD_KINDS = ["Q1", "Q2", "Q3", "Q4", "6T", "9T", "NAM"]

TOP_KEYS = ["don_vi", "ky_bao_cao", "ngay_bao_cao", "nguoi_lap", "so_ky_hieu",
            "nhiem_vu", "chi_tieu", "chi_dao_dieu_hanh", "kho_khan", "kien_nghi",
            "phuong_huong"]
TASK_KEYS = ["ma", "trang_thai", "tien_do", "ket_qua", "san_pham", "kho_khan"]
PRODUCT_KEYS = ["so_ky_hieu", "ngay", "trich_yeu"]

ANY_POS = "*"


def nfc(s):
    return unicodedata.normalize("NFC", s)


# ---------------------------------------------------------------- periods (§3)

def parse_period(value):
    """Canonical period code ("2024-Q1", "2024-NAM") or None when unreadable.
    Case-insensitive on input (§3)."""
    # AMBIGUITY: a non-string ky_bao_cao, or one with surrounding blanks or
    # other spellings ("Q1/2024", "quý 1"), is unreadable.  The canonical form
    # written out is upper case ("2024-NAM", "2024-6T").
    if not isinstance(value, str):
        return None
    m = re.fullmatch(r"(\d{4})-(Q[1-4]|6T|9T|NAM)", nfc(value).upper())
    if not m:
        return None
    return "%s-%s" % (m.group(1), m.group(2))


def period_year(code):
    return int(code.split("-")[0])


def period_kind(code):
    return code.split("-")[1]


def _last_day(year, month):
    if month == 12:
        return dt.date(year, 12, 31)
    return dt.date(year, month + 1, 1) - dt.timedelta(days=1)


def period_bounds(code, chot):
    """(tu_ngay, den_ngay) of a period under chot_so_lieu nd09 or lich (§3)."""
    y = period_year(code)
    k = period_kind(code)
    if chot == "nd09":
        year_start = dt.date(y - 1, 12, 15)
        if k.startswith("Q"):
            n = int(k[1])
            if n == 1:
                return year_start, dt.date(y, 3, 14)
            return dt.date(y, 3 * (n - 1), 15), dt.date(y, 3 * n, 14)
        end_month = {"6T": 6, "9T": 9, "NAM": 12}[k]
        return year_start, dt.date(y, end_month, 14)
    # lich: calendar periods
    if k.startswith("Q"):
        n = int(k[1])
        return dt.date(y, 3 * n - 2, 1), _last_day(y, 3 * n)
    end_month = {"6T": 6, "9T": 9, "NAM": 12}[k]
    return dt.date(y, 1, 1), _last_day(y, end_month)


def han_nop_key(code):
    k = period_kind(code)
    return "quy" if k.startswith("Q") else k.lower()


def deadline(code, config):
    """Last on-time date: the period's end date plus han_nop days of its kind."""
    _, den = period_bounds(code, config["chot_so_lieu"])
    return den + dt.timedelta(days=int(config["han_nop"][han_nop_key(code)]))


def is_on_time(ngay, code, config):
    return ngay is not None and ngay <= deadline(code, config)


# ---------------------------------------------------------------- values (§2.4)

def parse_date(value):
    """A YAML date, or a string 'YYYY-MM-DD' / 'dd/mm/yyyy'; None if invalid."""
    # AMBIGUITY: a *quoted* "2024-03-12" (a YAML string, not a YAML date) is
    # accepted like the unquoted date.  The generator never writes one.
    if isinstance(value, dt.datetime):
        return None
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        return None
    s = nfc(value).strip()
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", s)
    if m:
        y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
    else:
        m = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", s)
        if not m:
            return None
        d, mo, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
    try:
        return dt.date(y, mo, d)
    except ValueError:
        return None


def parse_status(value):
    """Status code from a code or a Vietnamese label (any case, NFC or NFD)."""
    if not isinstance(value, str):
        return None
    s = nfc(value).strip()
    if s in STATUS_CODES:
        return s
    # AMBIGUITY: codes are matched exactly (lower case, as the spec writes
    # them); only the Vietnamese labels are matched case-insensitively.
    folded = s.casefold()
    for code, label in STATUS_LABELS.items():
        if nfc(label).casefold() == folded:
            return code
    return None


def is_number(v):
    return isinstance(v, (int, float)) and not isinstance(v, bool)


# ---------------------------------------------------------------- registry/plan

class Context:
    def __init__(self, registry, plans, catalogue, config):
        self.registry = registry
        self.plans = plans
        self.catalogue = catalogue
        self.config = config
        self.unit_ids = [u["ma"] for u in registry["don_vi"]]
        self.unit_set = set(self.unit_ids)
        self.group_ids = [g["ma"] for g in registry["nhom"]]
        self.members = {g: [] for g in self.group_ids}
        for u in registry["don_vi"]:           # registry order
            for g in u.get("nhom", []) or []:
                if g in self.members and u["ma"] not in self.members[g]:
                    self.members[g].append(u["ma"])
        self.indicators = {c["ma"]: c for c in catalogue}
        self.tasks = {}      # year -> {ma: task}
        self.task_order = {}  # year -> [(area, task)]
        for year, plan in plans.items():
            self.tasks[year] = {}
            self.task_order[year] = []
            for area in plan["linh_vuc"]:
                for t in area["nhiem_vu"]:
                    self.tasks[year][nfc(t["ma"])] = t
                    self.task_order[year].append((area, t))
        self._lead_cache = {}
        self._scope_cache = {}

    def expand(self, refs):
        """Unit ids from a list of unit ids and "@group" refs: in list order,
        a group expands to its members in registry order, each unit once."""
        # AMBIGUITY: §5.3 "groups in registry order" is read as "a group
        # expands to its members in the order of don_vi in don-vi.yaml", the
        # refs themselves staying in plan order; a unit listed again later
        # (directly or through another group) keeps its first position.
        out = []
        for r in refs or []:
            if r.startswith("@"):
                for u in self.members.get(r[1:], []):
                    if u not in out:
                        out.append(u)
            elif r not in out:
                out.append(r)
        return out

    def leads(self, year, task_ma):
        key = (year, task_ma)
        if key not in self._lead_cache:
            self._lead_cache[key] = self.expand(self.tasks[year][task_ma].get("chu_tri"))
        return self._lead_cache[key]

    def scope(self, year, task_ma):
        key = (year, task_ma)
        if key not in self._scope_cache:
            t = self.tasks[year][task_ma]
            self._scope_cache[key] = set(self.expand(t.get("chu_tri"))) | set(
                self.expand(t.get("phoi_hop")))
        return self._scope_cache[key]


def task_due_date(task, year, config):
    """Last milestone's date; else end of the NAM period if thuong_xuyen; else None."""
    th = task.get("thoi_han") or {}
    moc = th.get("moc") or []
    if moc:
        # AMBIGUITY: "last milestone" = the latest date among the milestones
        # (the generator writes milestones in date order, so "last in the
        # list" gives the same answer).
        return max(m["ngay"] for m in moc)
    if th.get("thuong_xuyen"):
        return period_bounds("%d-NAM" % year, config["chot_so_lieu"])[1]
    return None


def city_status(leads, lead_reports, due):
    """§5.3 city-level status; lead_reports = {unit: status} for lead units
    whose accepted submission reports the task."""
    reported = [lead_reports[u] for u in leads if u in lead_reports]
    if not reported:
        return "chua_bao_cao"
    if all(u in lead_reports and lead_reports[u] == "hoan_thanh" for u in leads):
        return "hoan_thanh"
    if "cham_tien_do" in reported or due:
        return "cham_tien_do"
    if "dang_thuc_hien" in reported or "hoan_thanh" in reported:
        return "dang_thuc_hien"
    return "chua_thuc_hien"


# ---------------------------------------------------------------- diagnostics

def _diag(level, tep, msg, alts=ANY_POS, optional=False):
    """alts: "*" or a list of acceptable (dong, cot) pairs, first = primary."""
    if alts == ANY_POS or not alts:
        dong, cot, alts_out = None, None, ANY_POS
    else:
        dong, cot = alts[0]
        alts_out = [[a[0], a[1]] for a in alts]
    d = {"muc_do": level, "tep": tep, "dong": dong, "cot": cot, "thong_diep": msg,
         "_vi_tri_chap_nhan": alts_out}
    if optional:
        d["_tuy_chon"] = True
    return d


def _p(pos, path, which):
    e = pos.get(tuple(path))
    if not e:
        return None
    return e.get(which)


def _alts(*cands):
    out = []
    for c in cands:
        if c is not None and c not in out:
            out.append(c)
    return out or ANY_POS


NULL_POS = (None, None)


def validate_submission(ctx, tep, doc, pos, parse_error=None):
    """Check one submission file; returns a record dict.

    record: tep, period (canonical or None), no_plan (bool), don_vi (named),
    owner (unit the file counts for/against), ngay (date or None),
    tasks [{ma, trang_thai, tien_do}], chi_tieu {ma: value}, diags, has_error.
    """
    rec = {"tep": tep, "period": None, "no_plan": False, "don_vi": None,
           "owner": None, "ngay": None, "tasks": [], "chi_tieu": {},
           "diags": [], "has_error": False}
    D = rec["diags"]

    def err(msg, alts=ANY_POS, optional=False):
        D.append(_diag("loi", tep, msg, alts, optional))

    def warn(msg, alts=ANY_POS):
        D.append(_diag("canh_bao", tep, msg, alts))

    parts = tep.split("/")
    folders = parts[1:-1]
    folder_unit = None
    for f in folders:               # deepest folder whose name is a unit id
        if f in ctx.unit_set:
            folder_unit = f

    if parse_error is not None:
        # AMBIGUITY: the position of a YAML syntax error depends on the parser;
        # it is not checked.  An unparseable file binds to no unit and counts
        # for no period (§2.4 "counts for none of them").
        err("Tệp YAML không đọc được: " + parse_error)
        rec["has_error"] = True
        return rec
    if doc is None:
        # AMBIGUITY: like broken YAML, an empty (or comments-only) file has no
        # readable period, so it counts for no unit in any period.
        err("Tệp rỗng (hoặc chỉ có chú thích): cần các mục don_vi, ky_bao_cao, ngay_bao_cao.")
        rec["has_error"] = True
        return rec
    if not isinstance(doc, dict):
        err("Nội dung tệp phải là một bảng khóa: giá trị (don_vi:, ky_bao_cao:, ...).")
        rec["has_error"] = True
        return rec

    # AMBIGUITY: "pointing at the offending value" = the first character of
    # the scalar token (the opening quote of a quoted scalar).  For an unknown
    # key, or a ty_le indicator submitted, the key is the offending thing: its
    # position is expected, the value's position on the same line accepted.
    for k in doc:
        if k not in TOP_KEYS:
            err("Khóa không hợp lệ '%s'." % k,
                _alts(_p(pos, [k], "key"), _p(pos, [k], "val")))

    # -- don_vi
    named = None
    if "don_vi" not in doc:
        err("Thiếu mục bắt buộc 'don_vi'.")
    elif doc["don_vi"] is None:
        err("Mục 'don_vi' chưa có giá trị.", _alts(_p(pos, ["don_vi"], "key")))
    elif not isinstance(doc["don_vi"], str) or nfc(doc["don_vi"]) not in ctx.unit_set:
        err("Mã đơn vị không có trong danh mục don-vi.yaml.",
            _alts(_p(pos, ["don_vi"], "val")))
    else:
        named = nfc(doc["don_vi"])
    rec["don_vi"] = named

    # -- ky_bao_cao
    period = None
    if "ky_bao_cao" not in doc:
        err("Thiếu mục bắt buộc 'ky_bao_cao'.")
    elif doc["ky_bao_cao"] is None:
        err("Mục 'ky_bao_cao' chưa có giá trị.", _alts(_p(pos, ["ky_bao_cao"], "key")))
    else:
        period = parse_period(doc["ky_bao_cao"])
        if period is None:
            err("Kỳ báo cáo không hợp lệ (ví dụ đúng: 2024-Q1, 2024-6T, 2024-9T, 2024-NAM).",
                _alts(_p(pos, ["ky_bao_cao"], "val")))
    rec["period"] = period
    year = period_year(period) if period else None
    has_plan = year in ctx.plans if period else False
    if period and not has_plan:
        rec["no_plan"] = True
        # AMBIGUITY: the "year has no plan" error points at the ky_bao_cao
        # value; an implementation may also leave the position null.
        err("Năm %d chưa có kế hoạch (ke-hoach/%d.yaml)." % (year, year),
            _alts(_p(pos, ["ky_bao_cao"], "val"), NULL_POS))

    # -- ngay_bao_cao
    if "ngay_bao_cao" not in doc:
        # AMBIGUITY: a missing required key has no position of its own
        # (not checked: null, or the start of the document, are both fine).
        err("Thiếu mục bắt buộc 'ngay_bao_cao'.")
    elif doc["ngay_bao_cao"] is None:
        # §5.3: "at its key when the value is missing".
        err("Mục 'ngay_bao_cao' chưa có giá trị.", _alts(_p(pos, ["ngay_bao_cao"], "key")))
    else:
        d = parse_date(doc["ngay_bao_cao"])
        # AMBIGUITY: an impossible date (2024-02-30) is an unreadable date:
        # don_vi[].ngay_bao_cao of such a file is null.
        if d is None:
            err("Ngày báo cáo không hợp lệ.", _alts(_p(pos, ["ngay_bao_cao"], "val")))
        rec["ngay"] = d
        rec["_ngay_pos"] = _p(pos, ["ngay_bao_cao"], "val")

    for k in ("nguoi_lap", "so_ky_hieu", "chi_dao_dieu_hanh"):
        if k in doc and doc[k] is not None and not isinstance(doc[k], str):
            err("Mục '%s' phải là chữ." % k, _alts(_p(pos, [k], "val")))
    for k in ("kho_khan", "kien_nghi", "phuong_huong"):
        if k in doc and doc[k] is not None:
            v = doc[k]
            # AMBIGUITY: a single string is accepted where a list is expected.
            if isinstance(v, list):
                for i, s in enumerate(v):
                    if not isinstance(s, str):
                        err("Mỗi dòng của '%s' phải là chữ." % k, _alts(_p(pos, [k, i], "val")))
            elif not isinstance(v, str):
                err("Mục '%s' phải là danh sách." % k, _alts(_p(pos, [k], "val")))

    # -- binding to folders (§2.4)
    if folder_unit is not None and named is not None and named != folder_unit:
        # AMBIGUITY: the position is that of the don_vi value (the value that
        # contradicts the folder); a null position is accepted too.
        err("Tệp nằm trong thư mục của đơn vị '%s' nhưng ghi don_vi: %s." % (folder_unit, named),
            _alts(_p(pos, ["don_vi"], "val"), NULL_POS))
    if not folders:
        warn("Tệp đặt trực tiếp trong nop/; hãy chuyển vào thư mục nop/<mã đơn vị>/.")
    rec["owner"] = folder_unit if folder_unit is not None else named

    # -- nhiem_vu
    tasks_by_ma = ctx.tasks.get(year, {}) if has_plan else None
    seen = {}
    nv = doc.get("nhiem_vu")
    if nv is not None:
        if not isinstance(nv, list):
            err("Mục 'nhiem_vu' phải là danh sách.", _alts(_p(pos, ["nhiem_vu"], "val")))
            nv = []
        for i, item in enumerate(nv):
            ip = ["nhiem_vu", i]
            if not isinstance(item, dict):
                err("Mỗi nhiệm vụ phải có 'ma' và 'trang_thai'.", _alts(_p(pos, ip, "val")))
                continue
            for k in item:
                if k not in TASK_KEYS:
                    err("Khóa không hợp lệ '%s' trong nhiệm vụ." % k,
                        _alts(_p(pos, ip + [k], "key"), _p(pos, ip + [k], "val")))
            ma = None
            ma_ok = False
            if "ma" not in item or item["ma"] is None:
                err("Nhiệm vụ thiếu 'ma'.", _alts(_p(pos, ip + ["ma"], "key"), _p(pos, ip, "val")))
            else:
                ma = nfc(str(item["ma"])) if isinstance(item["ma"], (str, int, float)) else None
                ma_pos = _p(pos, ip + ["ma"], "val")
                ma_key = _p(pos, ip + ["ma"], "key")
                if ma is None or (tasks_by_ma is not None and ma not in tasks_by_ma):
                    err("Mã nhiệm vụ '%s' không có trong kế hoạch." % item["ma"], _alts(ma_pos))
                    ma = None
                elif ma in seen:
                    # AMBIGUITY: the duplicate is reported once, at the second
                    # occurrence; the first occurrence is accepted as the
                    # position too, and a second error on the other
                    # occurrence is tolerated (optional entry).
                    first = seen[ma]
                    err("Nhiệm vụ '%s' được khai hai lần." % ma,
                        _alts(ma_pos, ma_key, first[0], first[1]))
                    err("Nhiệm vụ '%s' được khai hai lần." % ma,
                        _alts(first[0], first[1], ma_pos, ma_key), optional=True)
                    ma = None
                else:
                    seen[ma] = (ma_pos, ma_key)
                    ma_ok = tasks_by_ma is not None
            status = None
            if "trang_thai" not in item or item["trang_thai"] is None:
                err("Nhiệm vụ thiếu 'trang_thai'.",
                    _alts(_p(pos, ip + ["trang_thai"], "key"), _p(pos, ip, "val")))
            else:
                status = parse_status(item["trang_thai"])
                if status is None:
                    err("Trạng thái không hợp lệ: dùng hoan_thanh, dang_thuc_hien, cham_tien_do "
                        "hoặc chua_thuc_hien.", _alts(_p(pos, ip + ["trang_thai"], "val")))
            tien_do = item.get("tien_do")
            if tien_do is not None:
                if not is_number(tien_do) or tien_do < 0 or tien_do > 100:
                    err("Tiến độ phải là số phần trăm từ 0 đến 100.",
                        _alts(_p(pos, ip + ["tien_do"], "val")))
                    tien_do = None
            sp = item.get("san_pham")
            if sp is not None:
                if not isinstance(sp, list):
                    err("Mục 'san_pham' phải là danh sách.", _alts(_p(pos, ip + ["san_pham"], "val")))
                else:
                    for j, prod in enumerate(sp):
                        pp = ip + ["san_pham", j]
                        if not isinstance(prod, dict):
                            err("Sản phẩm không hợp lệ.", _alts(_p(pos, pp, "val")))
                            continue
                        for k in prod:
                            if k not in PRODUCT_KEYS:
                                err("Khóa không hợp lệ '%s' trong sản phẩm." % k,
                                    _alts(_p(pos, pp + [k], "key"), _p(pos, pp + [k], "val")))
                        if prod.get("ngay") is not None and parse_date(prod["ngay"]) is None:
                            err("Ngày văn bản không hợp lệ.", _alts(_p(pos, pp + ["ngay"], "val")))
            if ma_ok and named is not None and named not in ctx.scope(year, ma):
                # AMBIGUITY: scope is checked for the unit named in don_vi.
                warn("Đơn vị không chủ trì hay phối hợp nhiệm vụ '%s'." % ma,
                     _alts(_p(pos, ip + ["ma"], "val"), _p(pos, ip + ["ma"], "key"),
                           _p(pos, ip, "val")))
            if ma is not None and status is not None:
                rec["tasks"].append({"ma": ma, "trang_thai": status,
                                     "tien_do": tien_do if is_number(tien_do) else None})

    # -- chi_tieu
    ct = doc.get("chi_tieu")
    if ct is not None:
        if not isinstance(ct, dict):
            err("Mục 'chi_tieu' phải là bảng mã: số liệu.", _alts(_p(pos, ["chi_tieu"], "val")))
            ct = {}
        for k, v in ct.items():
            kp = _p(pos, ["chi_tieu", k], "key")
            vp = _p(pos, ["chi_tieu", k], "val")
            ind = ctx.indicators.get(k)
            if ind is None:
                err("Chỉ tiêu '%s' không có trong chi-tieu.yaml." % k, _alts(kp, vp))
                continue
            if ind["cach_tinh"] == "ty_le":
                err("Chỉ tiêu '%s' là tỷ lệ, được tính tự động: hãy nhập %s và %s."
                    % (k, ind["tu_so"], ind["mau_so"]), _alts(kp, vp))
                continue
            if not is_number(v):
                err("Số liệu của '%s' phải là số." % k, _alts(vp, kp))
                continue
            if v < 0:
                err("Số liệu của '%s' không được âm." % k, _alts(vp))
                continue
            rec["chi_tieu"][k] = v
        for ind in ctx.catalogue:
            if ind["cach_tinh"] != "ty_le":
                continue
            tu, mau = rec["chi_tieu"].get(ind["tu_so"]), rec["chi_tieu"].get(ind["mau_so"])
            if tu is not None and mau is not None and tu > mau:
                # AMBIGUITY: one warning per ty_le indicator whose numerator
                # exceeds its denominator; position not checked.
                warn("Tử số %s (%s) lớn hơn mẫu số %s (%s)."
                     % (ind["tu_so"], tu, ind["mau_so"], mau))

    rec["has_error"] = any(d["muc_do"] == "loi" for d in D)
    return rec


# ---------------------------------------------------------------- merge (§5.3)

def _round2(frac):
    """Round a Fraction to 2 decimals, half away from zero.  Returns
    (value, acceptable_values)."""
    # AMBIGUITY: "rounded to 2 decimals" = half away from zero on the exact
    # value; at an exact (or float-noise) tie both neighbours are accepted.
    scaled = frac * 100
    lo = scaled.numerator // scaled.denominator
    rem = scaled - lo
    if rem >= Fraction(1, 2):
        primary = lo + 1
    else:
        primary = lo
    value = float(Decimal(primary) / Decimal(100))
    accept = [value]
    if abs(rem - Fraction(1, 2)) < Fraction(1, 10 ** 6):
        for cand in (lo, lo + 1):
            v = float(Decimal(cand) / Decimal(100))
            if v not in accept:
                accept.append(v)
    return value, accept


def latest_files(files):
    """Files with the latest readable ngay_bao_cao (all files if none has one)."""
    dated = [f for f in files if f["ngay"] is not None]
    if not dated:
        return list(files)
    mx = max(f["ngay"] for f in dated)
    return [f for f in dated if f["ngay"] == mx]


def build_period(ctx, code, records):
    """The §5.3 JSON (plus "_" annotations) for one period."""
    cfg = ctx.config
    year = period_year(code)
    tu, den = period_bounds(code, cfg["chot_so_lieu"])
    plan_tasks = ctx.task_order[year]

    mine = [r for r in records if r["period"] == code and not r["no_plan"]]
    everywhere = [r for r in records if r["period"] is None or r["no_plan"]]

    by_owner = {}
    for r in mine:
        if r["owner"] is not None:
            by_owner.setdefault(r["owner"], []).append(r)

    extra_diags = []
    used = {}
    unit_entries = []
    for u in ctx.unit_ids:
        files = by_owner.get(u, [])
        valid = [f for f in files if not f["has_error"]]
        use = None
        if valid:
            mx = max(f["ngay"] for f in valid)
            tied = sorted([f for f in valid if f["ngay"] == mx], key=lambda f: f["tep"])
            if len(tied) >= 2:
                names = ", ".join(f["tep"] for f in tied)
                for f in tied:
                    pos_alts = f.get("_ngay_pos")
                    # AMBIGUITY: the tie error points at the file's
                    # ngay_bao_cao value, or has no position.
                    extra_diags.append(_diag(
                        "loi", f["tep"],
                        "Báo cáo mâu thuẫn: các tệp %s cùng ngày báo cáo %s; hãy giữ lại một tệp."
                        % (names, mx.isoformat()),
                        _alts(pos_alts, NULL_POS)))
            else:
                use = tied[0]
            # AMBIGUITY: only a tie on the *latest* date among valid files is
            # an error (two valid files on an older date followed by a newer
            # valid one: the newer wins, no error).
        used[u] = use
        entry = {"ma": u, "da_nop": bool(files), "dung_han": False,
                 "ngay_bao_cao": None, "tep": None, "hop_le": use is not None}
        if use is not None:
            entry["dung_han"] = is_on_time(use["ngay"], code, cfg)
            entry["ngay_bao_cao"] = use["ngay"].isoformat()
            entry["tep"] = use["tep"]
        elif files:
            cands = sorted(latest_files(files), key=lambda f: f["tep"])
            # AMBIGUITY: "its latest file" = the file with the latest readable
            # ngay_bao_cao (files whose date cannot be read come last); when
            # several files share that date (or none has a date) any of them
            # is accepted, the expected value showing the first in path order.
            entry["tep"] = cands[0]["tep"]
            entry["ngay_bao_cao"] = cands[0]["ngay"].isoformat() if cands[0]["ngay"] else None
            if len(cands) > 1:
                entry["_tep_chap_nhan"] = [c["tep"] for c in cands]
        unit_entries.append(entry)

    dem = {k: 0 for k in DEM_KEYS}
    qua_han_total = 0
    task_entries = []
    for area, t in plan_tasks:
        ma = nfc(t["ma"])
        leads = ctx.leads(year, ma)
        reports = []
        lead_reports = {}
        for u in ctx.unit_ids:
            f = used[u]
            if f is None:
                continue
            for tr in f["tasks"]:
                if tr["ma"] == ma:
                    reports.append({"don_vi": u, "trang_thai": tr["trang_thai"],
                                    "tien_do": tr["tien_do"]})
                    lead_reports[u] = tr["trang_thai"]
                    break
        lead_reports = {u: s for u, s in lead_reports.items() if u in leads}
        due_date = task_due_date(t, year, cfg)
        due = due_date is not None and due_date <= den
        status = city_status(leads, lead_reports, due)
        qh = due and status != "hoan_thanh"
        dem[status] += 1
        qua_han_total += 1 if qh else 0
        task_entries.append({
            "ma": ma, "linh_vuc": area["ma"], "trang_thai": status, "qua_han": qh,
            "chu_tri": leads, "bao_cao": reports,
            "chua_bao_cao": [u for u in leads if u not in lead_reports],
            "_han": due_date.isoformat() if due_date else None,
        })

    ind_entries = []
    sums = {}
    for ind in ctx.catalogue:
        if ind["cach_tinh"] != "tong":
            continue
        vals = []
        for u in ctx.unit_ids:
            f = used[u]
            if f is not None and ind["ma"] in f["chi_tieu"]:
                vals.append(f["chi_tieu"][ind["ma"]])
        if not vals:
            sums[ind["ma"]] = None
        elif all(isinstance(v, int) for v in vals):
            sums[ind["ma"]] = sum(vals)
        else:
            sums[ind["ma"]] = sum(Fraction(v) for v in vals)
    for ind in ctx.catalogue:
        e = {"ma": ind["ma"]}
        if ind["cach_tinh"] == "tong":
            s = sums[ind["ma"]]
            e["gia_tri"] = float(s) if isinstance(s, Fraction) else s
        else:
            tsum, msum = sums.get(ind["tu_so"]), sums.get(ind["mau_so"])
            if tsum is None or msum is None or msum == 0:
                e["gia_tri"] = None
            else:
                v, acc = _round2(Fraction(tsum) * 100 / Fraction(msum))
                e["gia_tri"] = v
                if len(acc) > 1:
                    e["_gia_tri_chap_nhan"] = acc
        ind_entries.append(e)

    diags = []
    for r in mine + everywhere:
        diags.extend(r["diags"])
    diags.extend(extra_diags)
    diags.sort(key=diag_sort_key)

    return {
        "ky": code, "tu_ngay": tu.isoformat(), "den_ngay": den.isoformat(),
        "tong_so_nhiem_vu": len(plan_tasks), "dem_trang_thai": dem,
        "qua_han": qua_han_total, "nhiem_vu": task_entries, "don_vi": unit_entries,
        "chi_tieu": ind_entries, "chan_doan": diags,
    }


def diag_sort_key(d):
    """§5.3: by tep (plain string order), then line, then column; entries
    without a line first."""
    # AMBIGUITY: "plain string order" = code-point order (same as byte order
    # of UTF-8); within one line an entry without a column comes first.
    return (d["tep"],
            0 if d.get("dong") is None else 1, d.get("dong") or 0,
            0 if d.get("cot") is None else 1, d.get("cot") or 0)


def periods_to_build(ctx, records):
    """Without --ky: the periods of readable submissions whose year has a plan."""
    # AMBIGUITY: a file with errors whose ky_bao_cao is readable still makes
    # its period "readable" (it is built).
    out = {r["period"] for r in records if r["period"] is not None and not r["no_plan"]}
    return sorted(out, key=lambda c: (period_year(c), PERIOD_KINDS.index(period_kind(c))))


def build_all(ctx, records):
    return {code: build_period(ctx, code, records) for code in periods_to_build(ctx, records)}
