#!/usr/bin/env python3
"""Compare expected tong-hop JSON (from gen.py) with what `baocao build` wrote.

usage: compare.py [--ignore-extra-warnings] [--max N] EXPECTED_DIR ACTUAL_DIR

EXPECTED_DIR/<KY>/tong-hop-<KY>.json is compared with
ACTUAL_DIR/<KY>/tong-hop-<KY>.json, field by field, for every field that
the merge rules fix (docs/du-lieu.md).  Extra fields in the actual JSON are ignored.  Keys that start
with "_" in the expected JSON are oracle annotations:

  don_vi[*]._tep_chap_nhan      every acceptable value of `tep` (ambiguous "latest file")
  don_vi[*]._tep_cua_don_vi     all files of the unit for the period (with _tep_chap_nhan:
                                tep_khac is then every one but the actual `tep`)
  don_vi[*]._ngay_bao_cao_chap_nhan  {tep: acceptable values of ngay_bao_cao}
  chi_tieu[*]._gia_tri_chap_nhan every acceptable value at a rounding tie
  chan_doan[*]._vi_tri_chap_nhan "*" (position not checked) or acceptable [dong, cot] pairs
  chan_doan[*]._tuy_chon        the entry may or may not be emitted

Exit 0 and one OK line when everything matches; else a list of differences
(period, JSON path, expected, actual; at most --max) and exit 1.
"""

import argparse
import json
import os
import signal
import sys

FLOAT_TOL = 1e-9


class Diffs:
    def __init__(self):
        self.items = []
        self.checked = 0       # fields (and lists, and diagnostics) compared

    def add(self, period, path, expected, actual):
        self.items.append((period, path, expected, actual))


class Msg(str):
    """A message (printed as is), not a JSON value."""


def short(v, limit=160):
    s = str(v) if isinstance(v, Msg) else json.dumps(v, ensure_ascii=False)
    if len(s) > limit:
        s = s[:limit] + "…"
    return s


MISSING = Msg("<missing>")


def is_num(v):
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def close(a, b):
    return abs(a - b) <= FLOAT_TOL * max(1.0, abs(a), abs(b))


def same_scalar(e, a, strict_int=True):
    """True when actual `a` equals expected `e` under the rules of §5.3."""
    if e is None:
        return a is None
    if isinstance(e, bool):
        return isinstance(a, bool) and a == e
    if isinstance(e, int):
        if strict_int:
            return isinstance(a, int) and not isinstance(a, bool) and a == e
        return is_num(a) and close(float(a), float(e))
    if isinstance(e, float):
        return is_num(a) and close(float(a), e)
    if isinstance(e, str):
        return isinstance(a, str) and a == e
    return e == a


def periods_in(d):
    out = {}
    if not os.path.isdir(d):
        return out
    for name in sorted(os.listdir(d)):
        f = os.path.join(d, name, "tong-hop-%s.json" % name)
        if os.path.isfile(f):
            out[name] = f
    return out


def get(obj, key):
    if isinstance(obj, dict) and key in obj:
        return obj[key]
    return MISSING


def cmp_field(D, P, path, e, a, strict_int=True):
    D.checked += 1
    if a is MISSING:
        D.add(P, path, e, MISSING)
    elif not same_scalar(e, a, strict_int):
        D.add(P, path, e, a)


def cmp_list_exact(D, P, path, e, a):
    D.checked += 1
    if not isinstance(a, list):
        D.add(P, path, e, a if a is not MISSING else MISSING)
        return
    if e == a:
        return
    se, sa = set(e), set(a) if all(isinstance(x, str) for x in a) else set()
    missing = [x for x in e if x not in sa]
    extra = [x for x in a if isinstance(x, str) and x not in se]
    if missing or extra:
        D.add(P, path, Msg("missing %s" % short(missing[:8]) if missing else "-"),
              Msg("extra %s" % short(extra[:8]) if extra else "-"))
    else:
        first = next(i for i in range(min(len(e), len(a))) if e[i] != a[i]) \
            if any(e[i] != a[i] for i in range(min(len(e), len(a)))) else min(len(e), len(a))
        D.add(P, path + " (order/duplicates; first difference at [%d])" % first,
              e[first:first + 4], a[first:first + 4])


def index_by_ma(D, P, path, e_list, a_list):
    """Check the sequence of "ma" and return {ma: actual_entry}."""
    if not isinstance(a_list, list):
        D.add(P, path, Msg("list of %d" % len(e_list)), a_list)
        return {}
    a_map = {}
    for x in a_list:
        if isinstance(x, dict) and isinstance(x.get("ma"), str) and x["ma"] not in a_map:
            a_map[x["ma"]] = x
    e_ma = [x["ma"] for x in e_list]
    a_ma = [x.get("ma") if isinstance(x, dict) else None for x in a_list]
    if e_ma != a_ma:
        cmp_list_exact(D, P, path + "[*].ma", e_ma, a_ma)
    return a_map


def cmp_period(D, P, e, a, ignore_extra_warnings):
    stats = {"tasks": 0, "units": 0, "diags": 0}
    for k in ("ky", "tu_ngay", "den_ngay", "tong_so_nhiem_vu", "qua_han"):
        cmp_field(D, P, k, e[k], get(a, k))
    ed, ad = e["dem_trang_thai"], get(a, "dem_trang_thai")
    for k, v in ed.items():
        cmp_field(D, P, "dem_trang_thai.%s" % k, v, get(ad, k))

    # ---- nhiem_vu
    a_map = index_by_ma(D, P, "nhiem_vu", e["nhiem_vu"], get(a, "nhiem_vu"))
    for et in e["nhiem_vu"]:
        ma = et["ma"]
        base = "nhiem_vu[%s]" % ma
        at = a_map.get(ma)
        if at is None:
            continue
        stats["tasks"] += 1
        for k in ("linh_vuc", "trang_thai", "qua_han"):
            cmp_field(D, P, base + "." + k, et[k], get(at, k))
        cmp_list_exact(D, P, base + ".chu_tri", et["chu_tri"], get(at, "chu_tri"))
        cmp_list_exact(D, P, base + ".chua_bao_cao", et["chua_bao_cao"], get(at, "chua_bao_cao"))
        ab = get(at, "bao_cao")
        if not isinstance(ab, list):
            D.add(P, base + ".bao_cao", Msg("list of %d" % len(et["bao_cao"])), ab)
            continue
        e_units = [x["don_vi"] for x in et["bao_cao"]]
        a_units = [x.get("don_vi") if isinstance(x, dict) else None for x in ab]
        if e_units != a_units:
            cmp_list_exact(D, P, base + ".bao_cao[*].don_vi", e_units, a_units)
        a_rep = {}
        for x in ab:
            if isinstance(x, dict) and x.get("don_vi") not in a_rep:
                a_rep[x.get("don_vi")] = x
        for er in et["bao_cao"]:
            ar = a_rep.get(er["don_vi"])
            if ar is None:
                continue
            p = "%s.bao_cao[%s]" % (base, er["don_vi"])
            cmp_field(D, P, p + ".trang_thai", er["trang_thai"], get(ar, "trang_thai"))
            cmp_field(D, P, p + ".tien_do", er["tien_do"], get(ar, "tien_do"), strict_int=False)

    # ---- don_vi
    a_map = index_by_ma(D, P, "don_vi", e["don_vi"], get(a, "don_vi"))
    for eu in e["don_vi"]:
        au = a_map.get(eu["ma"])
        if au is None:
            continue
        stats["units"] += 1
        base = "don_vi[%s]" % eu["ma"]
        for k in ("da_nop", "dung_han", "hop_le"):
            cmp_field(D, P, base + "." + k, eu[k], get(au, k))
        at = get(au, "tep")
        acc = eu.get("_tep_chap_nhan")
        if acc:
            D.checked += 1
            if at not in acc:
                D.add(P, base + ".tep", Msg("one of %s" % short(acc)), at)
        else:
            cmp_field(D, P, base + ".tep", eu["tep"], at)
        # ngay_bao_cao: of the file in `tep` (several values accepted when the
        # oracle leaves it open)
        an = get(au, "ngay_bao_cao")
        nacc = eu.get("_ngay_bao_cao_chap_nhan")
        if nacc:
            D.checked += 1
            ok_vals = nacc.get(at) if isinstance(at, str) and at in nacc else nacc.get(eu["tep"], [eu["ngay_bao_cao"]])
            if an is MISSING or an not in ok_vals:
                D.add(P, base + ".ngay_bao_cao", Msg("one of %s" % short(ok_vals)), an)
        else:
            cmp_field(D, P, base + ".ngay_bao_cao", eu["ngay_bao_cao"], an)
        # tep_khac: every other file of the unit for the period, in plain
        # string order; it follows the actual `tep` when several are accepted
        if "tep_khac" in eu:
            files = eu.get("_tep_cua_don_vi")
            if files is not None and isinstance(at, str) and at in files:
                want = [p for p in files if p != at]
            else:
                want = eu["tep_khac"]
            cmp_list_exact(D, P, base + ".tep_khac", want, get(au, "tep_khac"))

    # ---- chi_tieu
    a_map = index_by_ma(D, P, "chi_tieu", e["chi_tieu"], get(a, "chi_tieu"))
    for ei in e["chi_tieu"]:
        ai = a_map.get(ei["ma"])
        if ai is None:
            continue
        av = get(ai, "gia_tri")
        path = "chi_tieu[%s].gia_tri" % ei["ma"]
        acc = ei.get("_gia_tri_chap_nhan")
        if acc:
            D.checked += 1
            if not (is_num(av) and any(close(float(av), x) for x in acc)):
                D.add(P, path, Msg("one of %s" % short(acc)), av)
        else:
            # an integer sum must be written as an integer; a ratio may be 100 or 100.0
            ev = ei["gia_tri"]
            cmp_field(D, P, path, ev, av, strict_int=True)

    # ---- chan_doan
    stats["diags"] = cmp_diags(D, P, e["chan_doan"], get(a, "chan_doan"), ignore_extra_warnings)
    return stats


def pos_ok(e, a):
    acc = e.get("_vi_tri_chap_nhan")
    ad, ac = a.get("dong"), a.get("cot")
    if acc == "*":
        return True
    if isinstance(acc, list):
        return [ad, ac] in acc
    if "dong" in e and e["dong"] is not None and ad != e["dong"]:
        return False
    if "cot" in e and e["cot"] is not None and ac != e["cot"]:
        return False
    return True


def match(es, as_, usable):
    """Maximum bipartite matching of expected entries es to actual indices."""
    owner = {}

    def try_assign(i, seen):
        for j in usable:
            if j in seen or as_[j]["muc_do"] != es[i]["muc_do"] or not pos_ok(es[i], as_[j]):
                continue
            seen.add(j)
            if j not in owner or try_assign(owner[j], seen):
                owner[j] = i
                return True
        return False

    for i in range(len(es)):
        try_assign(i, set())
    return {i: j for j, i in owner.items()}


def diag_key(d):
    dong, cot = d.get("dong"), d.get("cot")
    return (d.get("tep") or "", 0 if dong is None else 1, dong if isinstance(dong, int) else 0,
            0 if cot is None else 1, cot if isinstance(cot, int) else 0)


def fmt_diag(d):
    return "%s %s:%s:%s %s" % (d.get("muc_do"), d.get("tep"), d.get("dong"), d.get("cot"),
                               (d.get("thong_diep") or "")[:90])


def cmp_diags(D, P, exp, act, ignore_extra_warnings):
    if not isinstance(act, list):
        D.add(P, "chan_doan", Msg("list of %d" % len(exp)), act)
        return 0
    clean = []
    for i, d in enumerate(act):
        if not isinstance(d, dict) or d.get("muc_do") not in ("loi", "canh_bao") or \
                not isinstance(d.get("tep"), str):
            D.add(P, "chan_doan[%d]" % i, Msg("{muc_do: loi|canh_bao, tep: str, ...}"), d)
            continue
        for k in ("dong", "cot"):
            v = d.get(k)
            if v is not None and not (isinstance(v, int) and not isinstance(v, bool) and v >= 1):
                D.add(P, "chan_doan[%d].%s" % (i, k), Msg("null or integer >= 1"), v)
        clean.append(d)
    # sorted as §5.3 says
    for i in range(1, len(clean)):
        if diag_key(clean[i - 1]) > diag_key(clean[i]):
            D.add(P, "chan_doan (sort order at [%d])" % i,
                  Msg("sorted by tep, line (null first), column"), Msg("%s  before  %s" % (
                      fmt_diag(clean[i - 1]), fmt_diag(clean[i]))))
            break
    D.checked += len(exp) + 1      # every expected entry, and the sort order
    by_tep_e, by_tep_a = {}, {}
    for d in exp:
        by_tep_e.setdefault(d["tep"], []).append(d)
    for d in clean:
        by_tep_a.setdefault(d["tep"], []).append(d)
    for tep in sorted(set(by_tep_e) | set(by_tep_a)):
        es = by_tep_e.get(tep, [])
        as_ = by_tep_a.get(tep, [])
        req = [d for d in es if not d.get("_tuy_chon")]
        opt = [d for d in es if d.get("_tuy_chon")]
        m1 = match(req, as_, list(range(len(as_))))
        used = set(m1.values())
        rest = [j for j in range(len(as_)) if j not in used]
        m2 = match(opt, as_, rest)
        used |= set(m2.values())
        for i, d in enumerate(req):
            if i not in m1:
                same = [a for a in as_ if a["muc_do"] == d["muc_do"]]
                hint = ("; actual %s at %s" % (d["muc_do"], ", ".join(
                    "%s:%s" % (a.get("dong"), a.get("cot")) for a in same))) if same else ""
                D.add(P, "chan_doan[%s]" % tep,
                      Msg("%s at %s (%s)" % (d["muc_do"], short(d["_vi_tri_chap_nhan"]), d["thong_diep"][:80])),
                      Msg(MISSING + hint))
        for j, a in enumerate(as_):
            if j in used:
                continue
            if ignore_extra_warnings and a["muc_do"] == "canh_bao":
                continue
            D.add(P, "chan_doan[%s]" % tep, Msg("<no such entry>"), Msg("extra: " + fmt_diag(a)))
    return len(exp)


def main(argv=None):
    if hasattr(signal, "SIGPIPE"):
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("expected")
    ap.add_argument("actual")
    ap.add_argument("--max", type=int, default=50, help="differences to print (default 50)")
    ap.add_argument("--ignore-extra-warnings", action="store_true",
                    help="do not count canh_bao entries the oracle did not predict")
    a = ap.parse_args(argv)

    D = Diffs()
    exp = periods_in(a.expected)
    act = periods_in(a.actual)
    if not exp:
        print("no expected tong-hop-<KY>.json under %s" % a.expected)
        return 2
    if set(exp) != set(act):
        D.add("*", "periods built", sorted(exp), sorted(act))
    totals = {"tasks": 0, "units": 0, "diags": 0}
    for P in sorted(set(exp) & set(act)):
        with open(exp[P], encoding="utf-8") as f:
            e = json.load(f)
        try:
            with open(act[P], encoding="utf-8") as f:
                av = json.load(f)
        except (ValueError, UnicodeDecodeError) as ex:
            D.add(P, "(file)", Msg("valid UTF-8 JSON"), Msg(str(ex)))
            continue
        if not isinstance(av, dict):
            D.add(P, "(root)", Msg("object"), Msg(type(av).__name__))
            continue
        st = cmp_period(D, P, e, av, a.ignore_extra_warnings)
        for k in totals:
            totals[k] += st[k]

    if D.items:
        print("%d difference(s) in %d fields compared between %s and %s:" % (
            len(D.items), D.checked, a.expected, a.actual))
        for P, path, e, v in D.items[: a.max]:
            print("  [%s] %s\n      expected: %s\n      actual:   %s" % (P, path, short(e), short(v)))
        if len(D.items) > a.max:
            print("  ... and %d more" % (len(D.items) - a.max))
        return 1
    print("OK: %d period(s) %s; %d task entries, %d unit entries, %d diagnostics match (%d fields compared)" % (
        len(exp), ",".join(sorted(exp)), totals["tasks"], totals["units"], totals["diags"], D.checked))
    return 0


if __name__ == "__main__":
    sys.exit(main())
