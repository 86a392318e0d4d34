"""Independent reference implementation ("oracle") of the rules that fix
`tong-hop-<KY>.json` (SPEC.md revision 2, §2.4, §2.5, §3, §5.3; its user-facing
form is docs/du-lieu.md).

Written from the product specification alone, without reading src/.
Everything here works on plain Python data:

* registry  = {"nhom": [{"ma": ...}], "don_vi": [{"ma": ..., "nhom": [...]}]}
* plans     = {year: {"nam": year, "linh_vuc": [{"ma": "1", "nhiem_vu": [task, ...]}]}}
              task = {"ma", "chu_tri": [refs], "phoi_hop": [refs],
                      "thoi_han": {"thuong_xuyen": bool, "moc": [{"ngay": date}]}}
* catalogue = [{"ma", "cach_tinh": "tong"|"ty_le", "tu_so", "mau_so"}]
* config    = {"chot_so_lieu": "nd09"|"lich", "han_nop": {"quy","6t","9t","nam"}}
* a file under nop/ = its path relative to the data folder ("nop/..."), its
  kind (file_kind: skipped, YAML, .xls, not a submission), its modification
  time (any comparable number, e.g. st_mtime_ns), and for YAML either the
  parsed document (Python dict / list / str / int / float / bool /
  datetime.date / None, exactly what a YAML parser would give) together with a
  position map, or a marker that the file could not be parsed.

Position map: {path_tuple: {"key": (line, col), "val": (line, col),
"raw": text}} where path_tuple is e.g. ("ngay_bao_cao",) or
("nhiem_vu", 2, "ma"); list items ("nhiem_vu", 2) carry "val" = position of
the item's first key.  "raw" is a scalar value as written, quotes included
(the §2.4 value table depends on it: 05, "70", 1.250, 85,5, 85%).  Lines and
columns are 1-based and count characters.

Diagnostics are dicts: {"muc_do", "tep", "dong", "cot", "thong_diep",
"_vi_tri_chap_nhan", "_tuy_chon"}.  "_vi_tri_chap_nhan" is either "*" (the
position is not checked) or a list of acceptable [dong, cot] pairs (the first
one is what "dong"/"cot" hold).  "_tuy_chon": true marks an entry that an
implementation may or may not emit.
"""

import datetime as dt
import difflib
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

DATE_MIN_YEAR, DATE_MAX_YEAR = 2000, 2099
COUNT_MAX = 10 ** 12

_DATE_FORMS = [
    (re.compile(r"(\d{4})-(\d{2})-(\d{2})"), "ymd"),
    (re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})"), "dmy"),
    (re.compile(r"(\d{1,2})-(\d{1,2})-(\d{4})"), "dmy"),
    (re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})"), "dmy"),
]


def parse_date_ex(value):
    """A date of the §2.4 table.  Returns (date, verdict, written):

    * verdict "ok": the date;
    * "form": not one of the accepted forms (date None);
    * "impossible": an accepted form, but no such day (2024-02-30);
    * "year": a real date whose year is outside 2000-2099 (`written` holds it).
    """
    # AMBIGUITY: a *quoted* "2024-03-12" is the form 2024-03-12 of the table
    # and is accepted like the unquoted date.  Day and month may have one or
    # two digits in every dd/mm/yyyy form; the generator writes one digit only
    # with "/" (the table's 12/3/2024).
    if isinstance(value, dt.datetime):
        return None, "form", None
    if isinstance(value, dt.date):
        d = value
    else:
        if not isinstance(value, str):
            return None, "form", None
        s = nfc(value).strip()
        for rx, order in _DATE_FORMS:
            m = rx.fullmatch(s)
            if m:
                break
        else:
            return None, "form", None
        if order == "ymd":
            y, mo, dd = int(m.group(1)), int(m.group(2)), int(m.group(3))
        else:
            dd, mo, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
        try:
            d = dt.date(y, mo, dd)
        except ValueError:
            return None, "impossible", None
    if not DATE_MIN_YEAR <= d.year <= DATE_MAX_YEAR:
        return None, "year", d
    return d, "ok", d


def parse_date(value):
    """The date, or None when it is not accepted."""
    return parse_date_ex(value)[0]


def _label_key(s):
    return nfc(nfc(s).casefold())


STATUS_BY_KEY = {}
for _code, _label in STATUS_LABELS.items():
    STATUS_BY_KEY[_label_key(_label)] = _code


def parse_status(value):
    """Status code from a code or a Vietnamese label, in any case, NFC or NFD,
    with or without a leading "Đã"."""
    if not isinstance(value, str):
        return None
    s = nfc(value).strip()
    if s in STATUS_CODES:
        return s
    key = _label_key(s)
    # AMBIGUITY: "in any case" is read as applying to the codes too
    # (HOAN_THANH), accepted silently.  The generator only writes codes in
    # lower case, so this reading is never tested.
    if key in STATUS_CODES:
        return key
    key = " ".join(key.split())
    if key in STATUS_BY_KEY:
        return STATUS_BY_KEY[key]
    da = _label_key("Đã") + " "
    if key.startswith(da) and key[len(da):] in STATUS_BY_KEY:
        return STATUS_BY_KEY[key[len(da):]]
    return None


def is_number(v):
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def _is_quoted(raw):
    return raw is not None and raw[:1] in ("\"", "'")


_THOUSANDS = re.compile(r"\d{1,3}(?:[.,]\d{3})+|\d{1,3}(?: \d{3})+")


def parse_count(value, raw):
    """A chi_tieu value (§2.4 table, counts).  `raw` is the scalar as written
    (quotes included).  Returns (number or None, level, message) with level
    None (silent), "canh_bao" or "loi"."""
    if raw is None:
        raw = value if isinstance(value, str) else repr(value)
    raw = raw.strip()
    if _is_quoted(raw):
        s = value.strip() if isinstance(value, str) else ""
        if re.fullmatch(r"0|[1-9]\d*", s):
            v = int(s)
            if v > COUNT_MAX:
                return None, "loi", "Số liệu lớn hơn 10^12."
            return v, "canh_bao", "Số liệu đặt trong dấu nháy; ghi %d." % v
        text = s
    else:
        text = raw
        if re.fullmatch(r"0|[1-9]\d*", text):
            v = int(text)
            if v > COUNT_MAX:
                return None, "loi", "Số liệu lớn hơn 10^12."
            return v, None, None
        if re.fullmatch(r"0\d+", text):
            # AMBIGUITY: a leading-zero count is decimal ("05" = 5).  Octal
            # and decimal readings disagree from 010 on, so the generator
            # only writes 0d / 00d with d in 1..7.
            v = int(text)
            return v, "canh_bao", "Số liệu có chữ số 0 ở đầu; ghi %d." % v
    if _THOUSANDS.fullmatch(text):
        return None, "loi", "Số liệu có dấu ngăn cách hàng nghìn; ghi %s." % re.sub(r"[., ]", "", text)
    if re.fullmatch(r"-\d+(\.\d+)?", text):
        return None, "loi", "Số liệu không được âm."
    if re.fullmatch(r"\d*\.\d+", text):
        return None, "loi", "Số liệu chỉ tiêu phải là số nguyên."
    return None, "loi", "Số liệu phải là số nguyên, viết liền (không phải hệ 16, hệ 8, lũy thừa, .inf, .nan)."


def parse_tien_do(value, raw):
    """tien_do (§2.4 table).  Returns (number or None, level, message)."""
    if raw is None:
        raw = value if isinstance(value, str) else repr(value)
    raw = raw.strip()
    level, msg = None, None
    if _is_quoted(raw):
        s = value.strip() if isinstance(value, str) else ""
        if not re.fullmatch(r"\d+(\.\d+)?", s):
            return None, "loi", "Tiến độ phải là số phần trăm từ 0 đến 100."
        v = float(s) if "." in s else int(s)
        level, msg = "canh_bao", "Tiến độ đặt trong dấu nháy; ghi %s." % s
    elif re.fullmatch(r"\d+(\.\d+)?", raw) and is_number(value):
        v = value
    elif re.fullmatch(r"\d+,\d+", raw):
        v = float(raw.replace(",", "."))
        level, msg = "canh_bao", "Tiến độ dùng dấu phẩy thập phân; ghi %s." % raw.replace(",", ".")
    elif re.fullmatch(r"\d+(\.\d+)?%", raw):
        s = raw[:-1]
        v = float(s) if "." in s else int(s)
        level, msg = "canh_bao", "Tiến độ ghi kèm dấu %%; ghi %s." % s
    elif re.fullmatch(r"-\d+(\.\d+)?", raw):
        return None, "loi", "Tiến độ phải từ 0 đến 100."
    else:
        return None, "loi", "Tiến độ phải là số phần trăm từ 0 đến 100."
    if v < 0 or v > 100:
        return None, "loi", "Tiến độ phải từ 0 đến 100."
    return v, level, msg


# ---------------------------------------------------------------- files (§2.4)

_NAME_CODE = re.compile(r"(?<!\d)(\d{4})-(Q[1-4]|6T|9T|NAM)(?![0-9A-Za-z])", re.IGNORECASE)


def name_period(tep):
    """The period code carried by a file's name (its last path component),
    any case, anywhere in the name; None without one."""
    # AMBIGUITY: a code is a 4-digit year not preceded by a digit, "-", and
    # a kind not followed by a letter or digit ("2024-Q1", "bc-2024-q1-x",
    # "2024-Q1.yaml.txt").  A name carrying two different codes takes the
    # first; the generator never writes one.
    m = _NAME_CODE.search(tep.rsplit("/", 1)[-1])
    if not m:
        return None
    return "%s-%s" % (m.group(1), m.group(2).upper())


def file_kind(tep):
    """What a file under nop/ is: "skip" (hidden or temporary: §2.4 skips it
    in silence), "yaml", "xlsx", "xls", or "nonsub" (not a submission)."""
    parts = tep.split("/")
    # AMBIGUITY: a hidden *folder* (.thung-rac/) is hidden with everything
    # in it, like a hidden file.
    for p in parts[1:]:
        if p.startswith("."):
            return "skip"
    name = parts[-1]
    low = name.lower()
    # AMBIGUITY: *.tmp / *.bak are matched regardless of case; the generator
    # writes them in lower case.
    if name.startswith("~$") or name.endswith("~") or low.endswith(".tmp") or low.endswith(".bak"):
        return "skip"
    if low.endswith(".yaml") or low.endswith(".yml"):
        return "yaml"
    if low.endswith(".xlsx"):
        return "xlsx"
    if low.endswith(".xls"):
        return "xls"
    return "nonsub"


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


def _new_record(tep, kind, mtime):
    return {"tep": tep, "kind": kind, "mtime": mtime, "period": None, "ky_period": None,
            "no_plan": False, "don_vi": None, "owner": None, "ngay": None, "ngay_json": [None],
            "_ngay_pos": None, "tasks": [], "chi_tieu": {}, "diags": [], "has_error": False,
            "valid": False}


def binding(ctx, tep):
    """§2.4 binding: ("unit", id) for nop/<unit>/..., ("folder", name) when
    the first folder under nop/ is not a unit id, ("direct", None) for a file
    directly in nop/."""
    parts = tep.split("/")
    if len(parts) == 2:
        return "direct", None
    if parts[1] in ctx.unit_set:
        return "unit", parts[1]
    return "folder", parts[1]


def _bind_diag(ctx, tep, how, folder, err):
    if how == "folder":
        # AMBIGUITY: the error has no position in the file (not checked).
        err("Thư mục '%s' không phải mã đơn vị; đổi tên thư mục theo mã đơn vị (gần nhất: %s)."
            % (folder, closest_unit(ctx, folder)))


def closest_unit(ctx, name):
    m = difflib.get_close_matches(name, ctx.unit_ids, n=1, cutoff=0)
    return m[0] if m else ""


def _period_of(ctx, rec, tep):
    """Effective period: ky_bao_cao, else the code in the file name."""
    if rec["ky_period"] is not None:
        rec["period"] = rec["ky_period"]
    else:
        rec["period"] = name_period(tep)
        # AMBIGUITY: a name code of a year without a plan counts like a
        # ky_bao_cao of such a year (listed in every period).  Not generated.
        if rec["period"] is not None and period_year(rec["period"]) not in ctx.plans:
            rec["no_plan"] = True


def validate_other(ctx, tep, kind, mtime=None):
    """A file under nop/ that is not YAML: "nonsub" (a warning; sent, not
    valid), "xls" or an unrecognised "xlsx" (an error)."""
    rec = _new_record(tep, kind, mtime)
    D = rec["diags"]
    how, unit = binding(ctx, tep)

    def err(msg, alts=ANY_POS):
        D.append(_diag("loi", tep, msg, alts))

    _bind_diag(ctx, tep, how, unit, err)
    if kind == "xls":
        err("Tệp .xls (Excel cũ) không đọc được: hãy lưu lại dạng .xlsx (Sổ làm việc Excel).")
    elif kind == "xlsx":
        # AMBIGUITY: the oracle does not read workbooks (§2.6).  The generator
        # only writes .xlsx files that are not the form (a plain workbook, or
        # not a zip at all): one error, the period from the file name.
        err("Bảng tính không lập từ biểu mẫu: hãy dùng biểu mẫu do baocao forms lập.")
    else:
        D.append(_diag("canh_bao", tep,
                       "Tệp này không phải báo cáo: hãy gửi biểu mẫu YAML hoặc Excel đã điền."))
    # AMBIGUITY: a non-YAML file directly in nop/ names no unit, so it
    # counts for nobody.  Not generated.
    rec["owner"] = unit if how == "unit" else None
    _period_of(ctx, rec, tep)
    rec["has_error"] = any(d["muc_do"] == "loi" for d in D)
    return rec


def validate_submission(ctx, tep, doc, pos, parse_error=None, mtime=None):
    """Check one YAML submission file; returns a record dict.

    record: tep, kind, mtime, period (effective: ky_bao_cao, else the code in
    the file name, else None), ky_period, no_plan, don_vi (named), owner (unit
    the file counts for), ngay (date used to order files, or None), ngay_json
    (acceptable values of don_vi[].ngay_bao_cao when this file is `tep`),
    tasks [{ma, trang_thai, tien_do}], chi_tieu {ma: value}, diags,
    has_error, valid.

    pos entries may carry "raw": the scalar as written (quotes included),
    used for the forms of the §2.4 value table.
    """
    rec = _new_record(tep, "yaml", mtime)
    D = rec["diags"]

    def err(msg, alts=ANY_POS, optional=False):
        D.append(_diag("loi", tep, msg, alts, optional))

    def warn(msg, alts=ANY_POS):
        D.append(_diag("canh_bao", tep, msg, alts))

    how, folder = binding(ctx, tep)
    _bind_diag(ctx, tep, how, folder, err)
    if how == "direct":
        warn("Tệp đặt trực tiếp trong nop/; hãy chuyển vào thư mục nop/<mã đơn vị>/.")
    folder_unit = folder if how == "unit" else None

    def finish_unreadable(msg):
        # §2.4: a broken or unreadable file counts for the unit of its folder,
        # for the period in its name (none: listed in every period).
        # AMBIGUITY: the position of a YAML syntax error depends on the
        # parser; it is not checked.
        err(msg)
        rec["owner"] = folder_unit
        _period_of(ctx, rec, tep)
        rec["has_error"] = True
        return rec

    if parse_error is not None:
        return finish_unreadable("Tệp YAML không đọc được: " + parse_error)
    if doc is None:
        return finish_unreadable("Tệp rỗng (hoặc chỉ có chú thích): cần các mục don_vi, ky_bao_cao, ngay_bao_cao.")
    if not isinstance(doc, dict):
        return finish_unreadable("Nội dung tệp phải là một bảng khóa: giá trị (don_vi:, ky_bao_cao:, ...).")

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
    ky = None
    if "ky_bao_cao" not in doc:
        err("Thiếu mục bắt buộc 'ky_bao_cao'.")
    elif doc["ky_bao_cao"] is None:
        err("Mục 'ky_bao_cao' chưa có giá trị.", _alts(_p(pos, ["ky_bao_cao"], "key")))
    else:
        ky = parse_period(doc["ky_bao_cao"])
        if ky is None:
            err("Kỳ báo cáo không hợp lệ (ví dụ đúng: 2024-Q1, 2024-6T, 2024-9T, 2024-NAM).",
                _alts(_p(pos, ["ky_bao_cao"], "val")))
    rec["ky_period"] = ky
    year = period_year(ky) if ky else None
    has_plan = year in ctx.plans if ky else False
    if ky and not has_plan:
        rec["no_plan"] = True
        # AMBIGUITY: the "year has no plan" error points at the ky_bao_cao
        # value; an implementation may also leave the position null.
        err("Năm %d chưa có kế hoạch (ke-hoach/%d.yaml)." % (year, year),
            _alts(_p(pos, ["ky_bao_cao"], "val"), NULL_POS))
    _period_of(ctx, rec, tep)
    in_name = name_period(tep)
    if ky is not None and in_name is not None and in_name != ky:
        # AMBIGUITY: the warning points at the ky_bao_cao value (its key, or
        # no position, also accepted).
        warn("ky_bao_cao %s khác mã kỳ %s trong tên tệp; tệp được tính cho kỳ %s." % (ky, in_name, ky),
             _alts(_p(pos, ["ky_bao_cao"], "val"), _p(pos, ["ky_bao_cao"], "key"), NULL_POS))

    # -- ngay_bao_cao
    ngay = None
    if "ngay_bao_cao" not in doc:
        # AMBIGUITY: a missing required key has no position of its own
        # (not checked: null, or the start of the document, are both fine).
        err("Thiếu mục bắt buộc 'ngay_bao_cao'.")
    elif doc["ngay_bao_cao"] is None:
        # §5.3: "at its key when the value is missing".
        err("Mục 'ngay_bao_cao' chưa có giá trị.", _alts(_p(pos, ["ngay_bao_cao"], "key")))
    else:
        vp = _p(pos, ["ngay_bao_cao"], "val")
        rec["_ngay_pos"] = vp
        d, verdict, written = parse_date_ex(doc["ngay_bao_cao"])
        if verdict == "form":
            err("Ngày báo cáo viết sai cách: ghi 12/03/2024 hoặc 2024-03-12.", _alts(vp))
        elif verdict == "impossible":
            # AMBIGUITY: an impossible date is an unreadable date:
            # don_vi[].ngay_bao_cao of such a file is null.
            err("Ngày báo cáo không có trong lịch.", _alts(vp))
        elif verdict == "year":
            # AMBIGUITY: a date whose year is outside 2000-2099 orders like an
            # unreadable date; as the file's ngay_bao_cao in don_vi[] it may
            # be written out or null.  A second error on the same value (the
            # date is also out of the period's range) is tolerated.
            err("Năm của ngày báo cáo phải từ 2000 đến 2099.", _alts(vp))
            err("Ngày báo cáo ngoài khoảng cho phép của kỳ.", _alts(vp), optional=True)
            rec["ngay_json"] = [None, written.isoformat()]
        else:
            ngay = d
            rec["ngay_json"] = [d.isoformat()]
            if ky is not None:
                tu, den = period_bounds(ky, ctx.config["chot_so_lieu"])
                if d < tu or d > _plus_one_year(den):
                    # AMBIGUITY: the date of a file rejected for this reason
                    # still orders it, and as the file's ngay_bao_cao in
                    # don_vi[] it may be written out or null.
                    err("Ngày báo cáo %s trước ngày đầu kỳ hoặc muộn hơn ngày cuối kỳ quá một năm."
                        % d.isoformat(), _alts(vp))
                    rec["ngay_json"] = [d.isoformat(), None]
    rec["ngay"] = ngay

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
    if how == "unit":
        rec["owner"] = folder_unit
    elif how == "direct":
        rec["owner"] = named
    else:
        # AMBIGUITY: a file in a first folder that is not a unit id belongs
        # to no unit, even when its don_vi names one.  The generator only
        # puts there files whose don_vi cannot be read.
        rec["owner"] = None

    # -- nhiem_vu
    tasks_by_ma = ctx.tasks.get(year, {}) if has_plan else None
    seen = {}
    nv = doc.get("nhiem_vu")
    listed_tasks = False
    if nv is not None:
        if not isinstance(nv, list):
            err("Mục 'nhiem_vu' phải là danh sách.", _alts(_p(pos, ["nhiem_vu"], "val")))
            nv = []
        listed_tasks = bool(nv)
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
            ma_pos = _p(pos, ip + ["ma"], "val")
            ma_key = _p(pos, ip + ["ma"], "key")
            if "ma" not in item or item["ma"] is None:
                err("Nhiệm vụ thiếu 'ma'.", _alts(ma_key, _p(pos, ip, "val")))
            else:
                written = nfc(str(item["ma"])) if isinstance(item["ma"], (str, int, float)) else None
                ma, how_ma = (None, "err") if written is None else resolve_task(tasks_by_ma, written)
                if ma is None:
                    err("Mã nhiệm vụ '%s' không có trong kế hoạch." % item["ma"], _alts(ma_pos))
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
                    if how_ma == "warn":
                        warn("Mã nhiệm vụ '%s' được hiểu là '%s'; ghi đúng '%s'." % (written, ma, ma),
                             _alts(ma_pos))
                    seen[ma] = (ma_pos, ma_key)
                    ma_ok = tasks_by_ma is not None
            status = None
            tp = _p(pos, ip + ["trang_thai"], "val")
            if "trang_thai" not in item or item["trang_thai"] is None:
                err("Nhiệm vụ thiếu 'trang_thai'.",
                    _alts(_p(pos, ip + ["trang_thai"], "key"), _p(pos, ip, "val")))
            else:
                status = parse_status(item["trang_thai"])
                if status is None:
                    err("Trạng thái không hợp lệ: dùng Hoàn thành, Đang thực hiện, Chậm tiến độ "
                        "hoặc Chưa thực hiện.", _alts(tp))
            tien_do = None
            tdp = _p(pos, ip + ["tien_do"], "val")
            if item.get("tien_do") is not None:
                tien_do, lvl, msg = parse_tien_do(item["tien_do"], _p(pos, ip + ["tien_do"], "raw"))
                if lvl == "loi":
                    err(msg, _alts(tdp))
                elif lvl == "canh_bao":
                    warn(msg, _alts(tdp))
            if status is not None and tien_do is not None:
                # AMBIGUITY: a contradiction points at the tien_do value; the
                # trang_thai value, or the task's first line, are accepted.
                if status == "hoan_thanh" and tien_do < 100:
                    warn("Trạng thái Hoàn thành nhưng tiến độ %s%% (dưới 100)." % tien_do,
                         _alts(tdp, tp, ma_pos, _p(pos, ip, "val")))
                elif status == "chua_thuc_hien" and tien_do > 0:
                    warn("Trạng thái Chưa thực hiện nhưng tiến độ %s%% (trên 0)." % tien_do,
                         _alts(tdp, tp, ma_pos, _p(pos, ip, "val")))
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
                        if prod.get("ngay") is not None:
                            npos = _alts(_p(pos, pp + ["ngay"], "val"))
                            pd, verdict, _ = parse_date_ex(prod["ngay"])
                            if verdict == "form":
                                err("Ngày văn bản viết sai cách.", npos)
                            elif verdict == "impossible":
                                err("Ngày văn bản không có trong lịch.", npos)
                            elif verdict == "year":
                                err("Năm của ngày văn bản phải từ 2000 đến 2099.", npos)
                            elif ngay is not None and pd > ngay:
                                warn("Ngày văn bản %s sau ngày báo cáo %s." % (pd.isoformat(), ngay.isoformat()),
                                     npos)
            if ma_ok and named is not None and named not in ctx.scope(year, ma):
                # AMBIGUITY: scope is checked for the unit named in don_vi.
                warn("Đơn vị không chủ trì hay phối hợp nhiệm vụ '%s'." % ma,
                     _alts(ma_pos, ma_key, _p(pos, ip, "val")))
            if ma is not None and status is not None:
                rec["tasks"].append({"ma": ma, "trang_thai": status, "tien_do": tien_do})

    # -- chi_tieu
    ct = doc.get("chi_tieu")
    listed_indicators = False
    if ct is not None:
        if not isinstance(ct, dict):
            err("Mục 'chi_tieu' phải là bảng mã: số liệu.", _alts(_p(pos, ["chi_tieu"], "val")))
            ct = {}
        listed_indicators = bool(ct)
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
            if v is None:
                # AMBIGUITY (docs/du-lieu.md: an empty indicator is "no
                # figure yet"): not counted, no diagnostic.  Not generated.
                continue
            val, lvl, msg = parse_count(v, _p(pos, ["chi_tieu", k], "raw"))
            if lvl == "loi":
                err("Chỉ tiêu '%s': %s" % (k, msg), _alts(vp, kp))
                continue
            if lvl == "canh_bao":
                warn("Chỉ tiêu '%s': %s" % (k, msg), _alts(vp, kp))
            rec["chi_tieu"][k] = val
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
    if not rec["has_error"] and not listed_tasks and not listed_indicators:
        # §2.4: a report listing no task and no indicator; only for a file
        # without errors (position not checked).
        warn("Báo cáo trống: không có nhiệm vụ và chỉ tiêu nào.")
    rec["valid"] = not rec["has_error"]
    return rec


def _plus_one_year(d):
    try:
        return d.replace(year=d.year + 1)
    except ValueError:          # 29 February
        return d.replace(year=d.year + 1, day=28)


def resolve_task(tasks_by_ma, written):
    """Task id as written -> (plan id or None, "ok" | "warn" | "err")."""
    if tasks_by_ma is None:
        # no plan for the year: the file is rejected anyway
        return written, "ok"
    if written in tasks_by_ma:
        return written, "ok"

    def norm(s):
        return nfc(nfc(s).casefold()).replace(".", "")

    hits = [t for t in tasks_by_ma if norm(t) == norm(written)]
    if len(hits) == 1:
        return hits[0], "warn"
    return None, "err"


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


def _mt(f):
    return f["mtime"] if f["mtime"] is not None else 0


def latest_files(files):
    """Candidates for "its latest file" when no file was used: the files
    with the latest readable ngay_bao_cao; when no file has one, all files.
    Returns (primary, candidates); primary is the one modified last."""
    # AMBIGUITY: "latest" orders by ngay_bao_cao, files without a readable
    # date last.  Several candidates are all accepted; the expected value
    # shows the one modified last (then the first in path order).
    dated = [f for f in files if f["ngay"] is not None]
    if dated:
        mx = max(f["ngay"] for f in dated)
        cands = [f for f in dated if f["ngay"] == mx]
    else:
        cands = list(files)
    cands.sort(key=lambda f: f["tep"])
    primary = max(cands, key=_mt)
    return primary, cands


def resolve_unit(files, code, cfg):
    """§2.4 resubmission for one unit and period.  Returns
    (used file or None, extra diagnostics)."""
    extra = []
    valid = [f for f in files if f["valid"]]
    if not valid:
        return None, extra
    mx = max(f["ngay"] for f in valid)
    same_day = sorted([f for f in valid if f["ngay"] == mx], key=lambda f: f["tep"])
    mt = max(_mt(f) for f in same_day)
    last = [f for f in same_day if _mt(f) == mt]
    if len(last) == 1:
        use = last[0]
        for f in same_day:
            if f is use:
                continue
            # AMBIGUITY: the warning points at the file's ngay_bao_cao value,
            # or has no position.
            extra.append(_diag(
                "canh_bao", f["tep"],
                "Tệp không được dùng: %s cùng ngày báo cáo %s và được sửa sau." % (use["tep"], mx.isoformat()),
                _alts(f.get("_ngay_pos"), NULL_POS)))
        return use, extra
    # AMBIGUITY: when only some of the same-day files share the latest
    # modification time, the error goes on those and nothing on the others.
    # Not generated: a generated same-day group has all mtimes equal or all
    # different.
    names = ", ".join(f["tep"] for f in last)
    for f in last:
        # AMBIGUITY: the tie error points at the file's ngay_bao_cao value,
        # or has no position.
        extra.append(_diag(
            "loi", f["tep"],
            "Báo cáo mâu thuẫn: các tệp %s cùng ngày báo cáo %s và cùng thời điểm sửa; hãy giữ lại một tệp."
            % (names, mx.isoformat()),
            _alts(f.get("_ngay_pos"), NULL_POS)))
    # AMBIGUITY: only a tie on the *latest* date is resolved by mtime or is
    # an error; same-day files on an older date, replaced by a newer file,
    # get no diagnostic.
    return None, extra


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
        use, extra = resolve_unit(files, code, cfg)
        extra_diags.extend(extra)
        used[u] = use
        entry = {"ma": u, "da_nop": bool(files), "dung_han": False,
                 "ngay_bao_cao": None, "tep": None, "hop_le": use is not None,
                 "tep_khac": []}
        paths = sorted(f["tep"] for f in files)
        if use is not None:
            earliest = min(f["ngay"] for f in files if f["valid"])
            entry["dung_han"] = is_on_time(earliest, code, cfg)
            entry["ngay_bao_cao"] = use["ngay"].isoformat()
            entry["tep"] = use["tep"]
        elif files:
            primary, cands = latest_files(files)
            entry["tep"] = primary["tep"]
            entry["ngay_bao_cao"] = primary["ngay_json"][0]
            if len(cands) > 1:
                entry["_tep_chap_nhan"] = [c["tep"] for c in cands]
            if len(cands) > 1 or len(primary["ngay_json"]) > 1:
                entry["_ngay_bao_cao_chap_nhan"] = {c["tep"]: c["ngay_json"] for c in cands}
        entry["tep_khac"] = [p for p in paths if p != entry["tep"]]
        if "_tep_chap_nhan" in entry:
            entry["_tep_cua_don_vi"] = paths
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
    # its period "readable" (it is built).  A period known only from file
    # names (broken files, files that are not submissions) is not built by
    # them; the generator only names periods that readable files build.
    out = {r["ky_period"] for r in records if r["ky_period"] is not None and not r["no_plan"]}
    return sorted(out, key=lambda c: (period_year(c), PERIOD_KINDS.index(period_kind(c))))


def build_all(ctx, records):
    return {code: build_period(ctx, code, records) for code in periods_to_build(ctx, records)}


def check_file(ctx, tep, kind, doc=None, pos=None, parse_error=None, mtime=None):
    """One file under nop/ -> its record (None for a skipped file)."""
    if kind == "skip":
        return None
    if kind in ("nonsub", "xls", "xlsx"):
        return validate_other(ctx, tep, kind, mtime)
    return validate_submission(ctx, tep, doc, pos or {}, parse_error=parse_error, mtime=mtime)
