#!/usr/bin/env python3
"""Self-check of gen.py / oracle.py / compare.py (no baocao binary needed).

usage: selfcheck.py [--seeds 1-5] [--units 300] [--tasks 45] [--work DIR] [--workbooks]

For every seed:
 1. runs gen.py into DIR/seed-N;
 2. reads the written data folder back from disk with an independent mini
    YAML reader (the subset gen.py writes), checks every parsed submission,
    every recorded (line, col) and raw scalar text against gen.py's in-memory
    model, walks nop/ with its own copy of the §2.4 file rules (skipped, YAML,
    .xls, not a submission), checks every file's modification time against
    the manifest, re-runs the oracle on what was read from disk and checks it
    reproduces expected/ exactly;
 3. checks the expected JSON for internal consistency (counts add up, every
    registry unit once in order, lists in the right order, sort order of
    chan_doan, ...);
 4. checks compare.py accepts expected vs itself and rejects mutated copies.
"""

import argparse
import copy
import datetime as dt
import json
import math
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.dont_write_bytecode = True
sys.path.insert(0, HERE)
import oracle  # noqa: E402
import gen  # noqa: E402


# ------------------------------------------------------------ mini YAML reader

class YamlError(Exception):
    pass


def decode(b):
    if b"\x00" in b and not b.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise YamlError("binary file")
    if b.startswith(b"\xff\xfe"):
        return b[2:].decode("utf-16-le")
    if b.startswith(b"\xfe\xff"):
        return b[2:].decode("utf-16-be")
    if b.startswith(b"\xef\xbb\xbf"):
        return b[3:].decode("utf-8")
    return b.decode("utf-8")


ESC = {'"': '"', "\\": "\\", "n": "\n", "t": "\t", "r": "\r", "0": "\0", "/": "/"}


def read_quoted(s, i):
    """s[i] == '"'; returns (value, index after closing quote)."""
    assert s[i] == '"'
    out = []
    i += 1
    while i < len(s):
        c = s[i]
        if c == '"':
            return "".join(out), i + 1
        if c == "\\":
            n = s[i + 1] if i + 1 < len(s) else ""
            if n in ESC:
                out.append(ESC[n])
                i += 2
            elif n == "u":
                out.append(chr(int(s[i + 2:i + 6], 16)))
                i += 6
            elif n == "x":
                out.append(chr(int(s[i + 2:i + 4], 16)))
                i += 4
            else:
                raise YamlError("bad escape")
        else:
            out.append(c)
            i += 1
    raise YamlError("unterminated quoted scalar")


def plain(text):
    """A plain scalar under the YAML 1.2 core schema (plus dates)."""
    t = text.strip()
    if t in ("true", "false"):
        return t == "true"
    if t in ("", "~", "null"):
        return None
    if re.fullmatch(r"[-+]?\d+", t):
        return int(t)
    if re.fullmatch(r"0x[0-9a-fA-F]+", t):
        return int(t[2:], 16)
    if re.fullmatch(r"0o[0-7]+", t):
        return int(t[2:], 8)
    if re.fullmatch(r"[-+]?(\.\d+|\d+(\.\d*)?)([eE][-+]?\d+)?", t):
        return float(t)
    if re.fullmatch(r"[-+]?\.(inf|Inf|INF)", t):
        return float("-inf") if t.startswith("-") else float("inf")
    if re.fullmatch(r"\.(nan|NaN|NAN)", t):
        return float("nan")
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", t):
        try:
            return dt.date(int(t[:4]), int(t[5:7]), int(t[8:10]))
        except ValueError:
            return t
    if t[:1] in "[{\"'|>&*!%@`":
        raise YamlError("unsupported scalar %r" % t)
    return t


def scalar(text):
    t = text.strip()
    if t.startswith('"'):
        v, j = read_quoted(t, 0)
        if t[j:].strip() and not t[j:].strip().startswith("#"):
            raise YamlError("junk after quoted scalar")
        return v
    if t.startswith("["):
        if not t.endswith("]"):
            raise YamlError("unterminated flow sequence")
        inner = t[1:-1].strip()
        out = []
        i = 0
        while i < len(inner):
            if inner[i] in " ,":
                i += 1
                continue
            if inner[i] == '"':
                v, i = read_quoted(inner, i)
                out.append(v)
            else:
                j = inner.find(",", i)
                j = len(inner) if j < 0 else j
                out.append(plain(inner[i:j]))
                i = j
        return out
    if t == "{}":
        return {}
    return plain(t)


def parse_yaml(text):
    """Returns (doc, pos) for the block subset gen.py writes."""
    raw = text.split("\n")
    if raw and raw[-1] == "":
        raw.pop()
    lines = []
    for n, l in enumerate(raw, 1):
        if l.endswith("\r"):
            l = l[:-1]
        if l.startswith("\t") or re.match(r"^ *\t", l):
            raise YamlError("tab in indentation")
        s = l.strip()
        if not s or s.startswith("#"):
            continue
        lines.append((n, len(l) - len(l.lstrip(" ")), l))
    if not lines:
        return None, {}
    pos = {}
    idx = [0]

    def parse_block(indent, path):
        n, ind, l = lines[idx[0]]
        if l[ind:].startswith("- "):
            return parse_seq(ind, path)
        return parse_map(ind, path, None)

    def parse_entry(n, col, text, path, out, ind):
        m = re.match(r"([A-Za-z0-9_\-]+):( |$)", text)
        if not m:
            raise YamlError("line %d: expected key" % n)
        k = m.group(1)
        if k in out:
            raise YamlError("duplicate key")
        rest = text[m.end():]
        entry = {"key": (n, col)}
        pos[path + (k,)] = entry
        if rest.strip() == "":
            idx[0] += 1
            if idx[0] < len(lines) and lines[idx[0]][1] > ind:
                out[k] = parse_block(lines[idx[0]][1], path + (k,))
            else:
                out[k] = None
            return
        entry["val"] = (n, col + m.end())
        entry["raw"] = rest.rstrip()
        out[k] = scalar(rest)
        idx[0] += 1

    def parse_map(ind, path, first):
        out = {}
        if first is not None:
            n, col, text = first
            pos[path] = {"val": (n, col)}
            parse_entry(n, col, text, path, out, ind)
        while idx[0] < len(lines):
            n, i2, l = lines[idx[0]]
            if i2 < ind:
                break
            if i2 > ind:
                raise YamlError("line %d: bad indentation" % n)
            if l[i2:].startswith("- "):
                break
            parse_entry(n, i2 + 1, l[i2:], path, out, ind)
        return out

    def parse_seq(ind, path):
        out = []
        while idx[0] < len(lines):
            n, i2, l = lines[idx[0]]
            if i2 != ind or not l[i2:].startswith("- "):
                if i2 > ind:
                    raise YamlError("line %d: bad indentation" % n)
                break
            body = l[i2 + 2:]
            j = len(out)
            if re.match(r"[A-Za-z0-9_\-]+:( |$)", body):
                out.append(parse_map(ind + 2, path + (j,), (n, i2 + 3, body)))
            else:
                pos[path + (j,)] = {"val": (n, i2 + 3), "raw": body.rstrip()}
                out.append(scalar(body))
                idx[0] += 1
        return out

    doc = parse_block(0, ())
    if idx[0] != len(lines):
        raise YamlError("line %d: unexpected content" % lines[idx[0]][0])
    return doc, pos


# ------------------------------------------------------------ disk -> oracle

def kind_of(rel):
    """§2.4, written again here (not taken from oracle.py): which files are
    skipped in silence, read as YAML, .xls, or not submissions."""
    parts = rel.split("/")
    if any(p.startswith(".") for p in parts[1:]):
        return "skip"
    name = parts[-1]
    low = name.lower()
    if name.startswith("~$") or name.endswith("~") or low.endswith((".tmp", ".bak")):
        return "skip"
    if low.endswith((".yaml", ".yml")):
        return "yaml"
    if low.endswith(".xlsx"):
        return "xlsx"
    if low.endswith(".xls"):
        return "xls"
    return "nonsub"


def oracle_from_disk(data):
    def load(rel):
        with open(os.path.join(data, rel), "rb") as f:
            return parse_yaml(decode(f.read()))[0]

    cfg = load("cau-hinh.yaml")
    reg = load("don-vi.yaml")
    cat = load("chi-tieu.yaml")["chi_tieu"]
    plans = {}
    for name in sorted(os.listdir(os.path.join(data, "ke-hoach"))):
        p = load("ke-hoach/" + name)
        plans[p["nam"]] = p
    ctx = oracle.Context(reg, plans, cat, cfg)
    records, parsed, kinds, mtimes = [], {}, {}, {}
    for root, dirs, files in os.walk(os.path.join(data, "nop")):
        dirs.sort()
        for fn in sorted(files):
            full = os.path.join(root, fn)
            rel = os.path.relpath(full, data).replace(os.sep, "/")
            kind = kind_of(rel)
            kinds[rel] = kind
            mtimes[rel] = os.stat(full).st_mtime_ns
            if kind == "skip":
                continue
            if kind != "yaml":
                records.append(oracle.check_file(ctx, rel, kind, mtime=mtimes[rel]))
                continue
            with open(full, "rb") as f:
                b = f.read()
            try:
                doc, pos = parse_yaml(decode(b))
            except (YamlError, UnicodeDecodeError) as e:
                records.append(oracle.check_file(ctx, rel, kind, parse_error=str(e), mtime=mtimes[rel]))
                parsed[rel] = ("error", str(e))
                continue
            parsed[rel] = (doc, pos)
            records.append(oracle.check_file(ctx, rel, kind, doc=doc, pos=pos, mtime=mtimes[rel]))
    return ctx, records, parsed, kinds, mtimes


def same_value(a, b):
    """== that also holds for NaN (a .nan count)."""
    if isinstance(a, float) and isinstance(b, float) and math.isnan(a) and math.isnan(b):
        return True
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(same_value(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(same_value(x, y) for x, y in zip(a, b))
    return type(a) is type(b) and a == b


# ------------------------------------------------------------ consistency

def check_expected(exp_dir, data, ctx, problems):
    with open(os.path.join(exp_dir, "manifest.json"), encoding="utf-8") as fh:
        notes = json.load(fh)["file_notes"]
    global_files = {p for p, n in notes.items() if n in (
        "broken YAML, no period in its name", "empty file", "comments only", "unreadable period",
        "year without a plan", "not a submission, no period in its name",
        "old Excel file, no period in its name")}
    reg_ids = ctx.unit_ids
    periods = sorted(p for p in os.listdir(exp_dir) if os.path.isdir(os.path.join(exp_dir, p)))
    all_globals = None
    for P in periods:
        with open(os.path.join(exp_dir, P, "tong-hop-%s.json" % P), encoding="utf-8") as f:
            j = json.load(f)

        def bad(msg):
            problems.append("%s: %s" % (P, msg))

        if j["ky"] != P:
            bad("ky")
        if sum(j["dem_trang_thai"].values()) != j["tong_so_nhiem_vu"]:
            bad("dem_trang_thai does not add up")
        if len(j["nhiem_vu"]) != j["tong_so_nhiem_vu"]:
            bad("nhiem_vu count")
        if sum(1 for t in j["nhiem_vu"] if t["qua_han"]) != j["qua_han"]:
            bad("qua_han count")
        for k in oracle.DEM_KEYS:
            if sum(1 for t in j["nhiem_vu"] if t["trang_thai"] == k) != j["dem_trang_thai"][k]:
                bad("dem_trang_thai.%s" % k)
        if [u["ma"] for u in j["don_vi"]] != reg_ids:
            bad("don_vi is not the registry, in order, once each")
        rix = {u: i for i, u in enumerate(reg_ids)}
        den = j["den_ngay"]
        for t in j["nhiem_vu"]:
            if len(set(t["chu_tri"])) != len(t["chu_tri"]) or not t["chu_tri"]:
                bad("chu_tri of %s" % t["ma"])
            cb = t["chua_bao_cao"]
            if [u for u in t["chu_tri"] if u in cb] != cb:
                bad("chua_bao_cao not a subsequence of chu_tri in %s" % t["ma"])
            rep = [b["don_vi"] for b in t["bao_cao"]]
            if rep != sorted(rep, key=rix.get) or len(set(rep)) != len(rep):
                bad("bao_cao order in %s" % t["ma"])
            lead_rep = [u for u in t["chu_tri"] if u in rep]
            if sorted(lead_rep + cb) != sorted(t["chu_tri"]):
                bad("chu_tri != reported leads + chua_bao_cao in %s" % t["ma"])
            if (t["trang_thai"] == "chua_bao_cao") != (not lead_rep):
                bad("chua_bao_cao status in %s" % t["ma"])
            due = t["_han"] is not None and t["_han"] <= den
            if t["qua_han"] != (due and t["trang_thai"] != "hoan_thanh"):
                bad("qua_han of %s" % t["ma"])
            if due and t["trang_thai"] in ("dang_thuc_hien", "chua_thuc_hien"):
                bad("due task %s not cham_tien_do" % t["ma"])
            for b in t["bao_cao"]:
                if b["trang_thai"] not in oracle.STATUS_CODES:
                    bad("bao_cao status")
        for u in j["don_vi"]:
            if u["hop_le"] and not u["da_nop"]:
                bad("hop_le without da_nop: %s" % u["ma"])
            if u["dung_han"] and not u["hop_le"]:
                bad("dung_han without hop_le: %s" % u["ma"])
            if (u["tep"] is None) != (not u["da_nop"]):
                bad("tep vs da_nop: %s" % u["ma"])
            if u["tep"] in u["tep_khac"] or u["tep_khac"] != sorted(u["tep_khac"]) or \
                    len(set(u["tep_khac"])) != len(u["tep_khac"]):
                bad("tep_khac of %s" % u["ma"])
            if u["tep_khac"] and not u["da_nop"]:
                bad("tep_khac without da_nop: %s" % u["ma"])
            if any(not f.startswith("nop/") for f in u["tep_khac"]):
                bad("tep_khac path of %s" % u["ma"])
            if u["hop_le"] and u["ngay_bao_cao"] is None:
                bad("valid without date: %s" % u["ma"])
        if [c["ma"] for c in j["chi_tieu"]] != [c["ma"] for c in ctx.catalogue]:
            bad("chi_tieu order")
        keys = [oracle.diag_sort_key(d) for d in j["chan_doan"]]
        if keys != sorted(keys):
            bad("chan_doan not sorted")
        globals_ = sorted(json.dumps(d, sort_keys=True) for d in j["chan_doan"] if d["tep"] in global_files)
        if all_globals is None:
            all_globals = globals_
        elif globals_ != all_globals:
            bad("period-less diagnostics differ between periods")
        if len(globals_) < 8:
            bad("expected >= 8 period-less diagnostics, got %d" % len(globals_))
    return periods


def mutate_and_expect_failure(exp_dir, problems):
    """compare.py must flag a few deliberate changes."""
    tmp = tempfile.mkdtemp(prefix="baocao-mut-")
    try:
        periods = sorted(p for p in os.listdir(exp_dir) if os.path.isdir(os.path.join(exp_dir, p)))
        P = periods[0]
        src = os.path.join(exp_dir, P, "tong-hop-%s.json" % P)
        with open(src, encoding="utf-8") as f:
            base = json.load(f)
        muts = {
            "qua_han": lambda j: j.__setitem__("qua_han", j["qua_han"] + 1),
            "status": lambda j: j["nhiem_vu"][0].__setitem__(
                "trang_thai", "hoan_thanh" if j["nhiem_vu"][0]["trang_thai"] != "hoan_thanh" else "cham_tien_do"),
            "chu_tri order": lambda j: j["nhiem_vu"][0]["chu_tri"].reverse() if len(j["nhiem_vu"][0]["chu_tri"]) > 1
            else j["nhiem_vu"][0]["chu_tri"].append("x"),
            "hop_le": lambda j: j["don_vi"][0].__setitem__("hop_le", not j["don_vi"][0]["hop_le"]),
            "int as float": lambda j: [c.__setitem__("gia_tri", float(c["gia_tri"])) for c in j["chi_tieu"]
                                       if isinstance(c["gia_tri"], int)],
            "drop diag": lambda j: j["chan_doan"].pop(),
            "unsorted diags": lambda j: j["chan_doan"].reverse(),
            "extra unit": lambda j: j["don_vi"].append(dict(j["don_vi"][0], ma="khong-co")),
            "tep_khac": lambda j: [u["tep_khac"].append("nop/x/khac.yaml") for u in j["don_vi"][:1]],
            "tep_khac order": lambda j: [u["tep_khac"].reverse() for u in j["don_vi"] if len(u["tep_khac"]) > 1],
            "ngay_bao_cao": lambda j: [u.__setitem__("ngay_bao_cao", "2000-01-01") for u in j["don_vi"]
                                       if u["da_nop"]][:1],
        }
        for name, fn in muts.items():
            act = os.path.join(tmp, name.replace(" ", "_"))
            for Q in periods:
                os.makedirs(os.path.join(act, Q))
                shutil.copy(os.path.join(exp_dir, Q, "tong-hop-%s.json" % Q), os.path.join(act, Q))
            j = copy.deepcopy(base)
            fn(j)
            if j == base:
                continue
            with open(os.path.join(act, P, "tong-hop-%s.json" % P), "w", encoding="utf-8") as f:
                json.dump(j, f, ensure_ascii=False)
            r = subprocess.run([sys.executable, os.path.join(HERE, "compare.py"), exp_dir, act],
                               capture_output=True, text=True)
            if r.returncode != 1:
                problems.append("compare.py did not flag mutation %r" % name)
        # a missing period
        act = os.path.join(tmp, "missing_period")
        for Q in periods[1:]:
            os.makedirs(os.path.join(act, Q))
            shutil.copy(os.path.join(exp_dir, Q, "tong-hop-%s.json" % Q), os.path.join(act, Q))
        r = subprocess.run([sys.executable, os.path.join(HERE, "compare.py"), exp_dir, act],
                           capture_output=True, text=True)
        if r.returncode != 1:
            problems.append("compare.py did not flag a missing period")
        # identity
        r = subprocess.run([sys.executable, os.path.join(HERE, "compare.py"), exp_dir, exp_dir],
                           capture_output=True, text=True)
        if r.returncode != 0:
            problems.append("compare.py rejects expected vs itself:\n" + r.stdout)
    finally:
        shutil.rmtree(tmp)


def run_seed(seed, units, tasks, work, problems, workbooks=False):
    out = os.path.join(work, "seed-%d" % seed)
    g = gen.Gen(seed, units, tasks, 2024, workbooks=workbooks)
    result, _ = g.write(out)
    data = os.path.join(out, "data")
    exp_dir = os.path.join(out, "expected")
    # 1. read back from disk and compare with the in-memory model
    ctx, records, parsed, kinds, mtimes = oracle_from_disk(data)
    with open(os.path.join(exp_dir, "manifest.json"), encoding="utf-8") as fh:
        man_mtimes = json.load(fh)["mtimes_ns"]
    allf = {f["path"]: f for f in g.files}
    if set(allf) != set(kinds):
        problems.append("seed %d: files on disk != generated: %s" % (seed, sorted(set(allf) ^ set(kinds))[:5]))
    for path, f in allf.items():
        if path in kinds and kinds[path] != f["kind"]:
            problems.append("seed %d: %s is %s on disk, %s in gen.py" % (seed, path, kinds[path], f["kind"]))
        if path in mtimes and not (mtimes[path] == f["mtime"] == man_mtimes.get(path)):
            problems.append("seed %d: mtime of %s: disk %s, gen %s, manifest %s" % (
                seed, path, mtimes.get(path), f["mtime"], man_mtimes.get(path)))
    mem = {p: f for p, f in allf.items() if f["kind"] == "yaml"}
    if set(mem) != set(parsed):
        problems.append("seed %d: YAML files read from disk %s != generated %s" % (
            seed, sorted(set(parsed) ^ set(mem))[:5], ""))
    for path, f in mem.items():
        got = parsed.get(path)
        if got is None:
            continue
        if f["parse_error"] is not None:
            if got[0] != "error":
                problems.append("seed %d: %s should not parse" % (seed, path))
            continue
        if got[0] == "error":
            problems.append("seed %d: %s does not parse: %s" % (seed, path, got[1]))
            continue
        if not same_value(got[0], f["doc"]):
            problems.append("seed %d: %s parsed differently" % (seed, path))
        for k, v in (f["pos"] or {}).items():
            if got[1].get(k) != v:
                problems.append("seed %d: %s position of %s: %s vs %s" % (seed, path, k, v, got[1].get(k)))
                break
    # 2. oracle on what was read from disk == expected
    again = oracle.build_all(ctx, records)
    for P, js in again.items():
        with open(os.path.join(exp_dir, P, "tong-hop-%s.json" % P), encoding="utf-8") as fh:
            want = json.load(fh)
        got = json.loads(json.dumps(js, ensure_ascii=False))
        # parse-error messages differ (mini reader vs generator's label)
        for d in got["chan_doan"] + want["chan_doan"]:
            if d["thong_diep"].startswith("Tệp YAML không đọc được"):
                d["thong_diep"] = "Tệp YAML không đọc được"
        if got != want:
            problems.append("seed %d: %s: oracle on disk data differs from expected" % (seed, P))
    if sorted(again) != sorted(result):
        problems.append("seed %d: periods differ" % seed)
    # 3. consistency
    periods = check_expected(exp_dir, data, ctx, problems)
    for P in periods:
        with open(os.path.join(exp_dir, P, "tong-hop-%s.json" % P), encoding="utf-8") as fh:
            j = json.load(fh)
        for t in j["nhiem_vu"]:
            BRANCHES[branch(t, j["den_ngay"])] = BRANCHES.get(branch(t, j["den_ngay"]), 0) + 1
    # scenario coverage
    with open(os.path.join(exp_dir, "manifest.json"), encoding="utf-8") as fh:
        man = json.load(fh)
    done = "\n".join(x for x in man["scenarios"] if "not possible" not in x)
    may_be_impossible = {"count_max"}
    for name in gen.INVALID_KINDS + gen.ONCE_SCENARIOS + gen.PERIOD_SCENARIOS + [
            "year without a plan", "unreadable period", "broken YAML", "empty file",
            "not submissions, without a period"]:
        if not re.search(r"\b%s\b" % re.escape(name), done) and name not in may_be_impossible:
            problems.append("seed %d: scenario %s missing" % (seed, name))
    # 4. compare.py
    mutate_and_expect_failure(exp_dir, problems)
    return man, periods


BRANCHES = {}


def branch(t, den):
    """Which §5.3 status rule decided a task (for coverage reporting)."""
    leads = t["chu_tri"]
    rep = {b["don_vi"]: b["trang_thai"] for b in t["bao_cao"] if b["don_vi"] in leads}
    due = t["_han"] is not None and t["_han"] <= den
    vals = list(rep.values())
    if not rep:
        return "chua_bao_cao" + (" (due)" if due else "")
    if len(rep) == len(leads) and all(v == "hoan_thanh" for v in vals):
        return "hoan_thanh" + (" (due)" if due else "") + (" 1 lead" if len(leads) == 1 else " n leads")
    if "cham_tien_do" in vals:
        return "cham_tien_do (reported)"
    if due:
        return "cham_tien_do (due, not reported as such)"
    if "dang_thuc_hien" in vals:
        return "dang_thuc_hien (reported)"
    if "hoan_thanh" in vals:
        return "dang_thuc_hien (some leads hoan_thanh)"
    return "chua_thuc_hien"


def stats_line(exp_dir, man, periods):
    st = []
    for P in periods:
        with open(os.path.join(exp_dir, P, "tong-hop-%s.json" % P), encoding="utf-8") as f:
            j = json.load(f)
        n_ok = sum(1 for u in j["don_vi"] if u["hop_le"])
        n_sub = sum(1 for u in j["don_vi"] if u["da_nop"])
        n_late = sum(1 for u in j["don_vi"] if u["hop_le"] and not u["dung_han"])
        st.append("%s[%s; nop %d, hop_le %d, tre %d, qua_han %d, diag %d]" % (
            P, " ".join("%s=%d" % (k[:6], v) for k, v in j["dem_trang_thai"].items()),
            n_sub, n_ok, n_late, j["qua_han"], len(j["chan_doan"])))
    return "%s han=%s files=%d rejected=%d  %s" % (man["chot_so_lieu"], man["han_nop"], man["files"],
                                                   man["files_rejected"], "  ".join(st))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seeds", default="1-5")
    ap.add_argument("--units", type=int, default=300)
    ap.add_argument("--tasks", type=int, default=45)
    ap.add_argument("--work", default=None)
    ap.add_argument("--workbooks", action="store_true", help="as gen.py --workbooks")
    a = ap.parse_args()
    lo, _, hi = a.seeds.partition("-")
    seeds = range(int(lo), int(hi or lo) + 1)
    work = a.work or tempfile.mkdtemp(prefix="baocao-selfcheck-")
    problems = []
    for s in seeds:
        man, periods = run_seed(s, a.units, a.tasks, work, problems, a.workbooks)
        print("seed %d: %s" % (s, stats_line(os.path.join(work, "seed-%d" % s, "expected"), man, periods)))
    print("status rule coverage over all seeds/periods:")
    for k in sorted(BRANCHES):
        print("  %-45s %d" % (k, BRANCHES[k]))
    if problems:
        print("%d problem(s):" % len(problems))
        for p in problems[:80]:
            print("  " + p)
        return 1
    print("selfcheck OK (%s)" % work)
    return 0


if __name__ == "__main__":
    sys.exit(main())
