#!/usr/bin/env python3
"""Independent checker for Duxue inspector rosters.

Given a district folder (schools.csv, inspectors.csv) and a roster produced by
the Swift planner, this script

  1. checks the roster against the rules R1-R8 (compliance), and
  2. builds its own MIP with HiGHS (highspy) and solves the lexicographic
     priorities P1a, P1b, P3 (zones=prefer only) and P4 level by level, then
     compares the optimal values with the roster's values (optimality).

It is written from the written specification only and shares no code with the
Swift product, so that it can serve as a cross-check in tests and benchmarks.
Only the Python standard library and highspy are used.

Exit codes: 0 compliant and optimal at every level (or compliant, with
--no-optimality); 1 not compliant or provably not optimal; 2 bad input or
usage, or an internal inconsistency of this checker; 3 compliant but a level
could not be proven optimal within --time-limit.

A JSON summary is printed on stdout (see README-checker.md).
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import math
import os
import re
import sys
import time
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from fractions import Fraction

VACANCY_PREFIX = "VACANCY-"
FT, PT = "full_time", "part_time"


def is_vacancy(holder_id: str) -> bool:
    """A roster holder id naming a position to recruit ('VACANCY-...', any case)."""
    return holder_id.upper().startswith(VACANCY_PREFIX)


class InputError(Exception):
    """A problem with the input files or options (exit code 2)."""


# --------------------------------------------------------------------------
# Reading the CSV files
# --------------------------------------------------------------------------

# Chinese header -> English key, per file. English headers are used as they
# are, trimmed and lower-cased, with spaces and hyphens read as underscores
# ("Consecutive Terms" -> consecutive_terms).
SCHOOL_ALIASES = {
    "学校代码": "id",
    "学校名称": "name",
    "学段": "stage",
    "在校生数": "enrollment",
    "责任区": "zone",
    "大规模学校": "large",
    "纬度": "lat",
    "经度": "lon",
}
INSPECTOR_ALIASES = {
    "督学编号": "id",
    "姓名": "name",
    "专兼职": "employment",
    "在职状态": "status",
    "退休日期": "retired_on",
    "已连任届数": "consecutive_terms",
    "回避学校": "conflicts",
    "最多负责学校数": "max_schools",
    "胜任学段": "stages",
    "责任区": "zone",
    "纬度": "lat",
    "经度": "lon",
    "联系电话": "phone",
}
ROSTER_ALIASES = {
    "学校代码": "school_id",
    "学校编号": "school_id",
    "督学编号": "inspector_id",
    "专兼职": "employment",
    "责任区": "zone",
}

EMPLOYMENT_VALUES = {
    "full_time": FT, "fulltime": FT, "专职": FT,
    "part_time": PT, "parttime": PT, "兼职": PT,
}
STATUS_VALUES = {
    "in_service": "in_service", "inservice": "in_service", "在职": "in_service",
    "retired": "retired", "退休": "retired",
}
YES_NO_VALUES = {
    "yes": True, "y": True, "true": True, "1": True, "是": True,
    "no": False, "n": False, "false": False, "0": False, "否": False,
}


def decode_bytes(raw: bytes, path: str) -> str:
    """UTF-8 (with or without BOM) first, then GB18030."""
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise InputError(f"{path}: neither UTF-8 nor GB18030")


def read_table(path: str, aliases: dict[str, str]) -> list[dict[str, str]]:
    """Read a CSV file into a list of {english_key: trimmed value} rows.

    Blank lines are skipped; every row also gets '_line' (1-based file line
    number of the record, header = line 1) for messages.
    """
    if not os.path.isfile(path):
        raise InputError(f"missing file: {path}")
    with open(path, "rb") as handle:
        text = decode_bytes(handle.read(), path)
    reader = csv.reader(io.StringIO(text, newline=""))
    header = None
    rows: list[dict[str, str]] = []
    for record in reader:
        if not any(cell.strip() for cell in record):
            continue
        if header is None:
            header = []
            for cell in record:
                key = cell.strip().lstrip("\ufeff").strip()
                if key in aliases:
                    key = aliases[key]
                else:
                    key = "_".join(key.lower().replace("-", " ").split())
                header.append(key)
            continue
        row = {"_line": str(reader.line_num)}
        for key, cell in zip(header, record):
            row[key] = cell.strip()
        rows.append(row)
    if header is None:
        raise InputError(f"{path}: empty file")
    return rows


def require_columns(rows, path, columns):
    if not rows:
        return
    missing = [c for c in columns if c not in rows[0]]
    if missing:
        raise InputError(f"{path}: missing column(s) {', '.join(missing)}")


def parse_int(value: str, what: str) -> int:
    try:
        return int(value.replace(",", "").strip())
    except ValueError:
        raise InputError(f"{what}: not an integer: {value!r}") from None


def parse_date(value: str, what: str) -> date:
    """YYYY-MM-DD; also YYYY/M/D, YYYY.M.D and 2023年7月1日."""
    match = re.fullmatch(r"\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*", value)
    try:
        if not match:
            raise ValueError
        return date(*(int(g) for g in match.groups()))
    except ValueError:
        raise InputError(f"{what}: not a date YYYY-MM-DD: {value!r}") from None


def parse_enum(value: str, table: dict, what: str):
    key = value.strip().lower().replace("-", "_").replace(" ", "_")
    if key not in table:
        raise InputError(f"{what}: unknown value {value!r}")
    return table[key]


def split_list(value: str) -> list[str]:
    """'a;b；c、d' -> ['a','b','c','d'] (semicolons, 、 or commas)."""
    return [part.strip() for part in re.split(r"[;；、,，]", value) if part.strip()]


def add_years(day: date, years: int) -> date:
    """Same calendar day `years` later; 29 February becomes 28 February."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 Feb in a non-leap target year
        return day.replace(year=day.year + years, day=28)


# --------------------------------------------------------------------------
# Domain data
# --------------------------------------------------------------------------

@dataclass
class Policy:
    term_start: date
    schools_per_inspector: int = 5
    large_threshold: int = 2000
    ft_share: Fraction = Fraction(1, 5)
    max_years_retired: int = 3
    max_terms: int = 3
    zones: str = "prefer"        # require | prefer | ignore
    staffing: str = "lean"       # lean | spread


@dataclass
class School:
    id: str
    zone: str
    enrollment: int
    large: bool


@dataclass
class Inspector:
    id: str
    zone: str
    employment: str              # FT or PT
    status: str                  # in_service | retired
    retired_on: date | None
    consecutive_terms: int
    max_schools: int | None
    conflicts: set[str] = field(default_factory=set)
    # Filled in by evaluate_inspectors():
    cap: int = 0                 # min(schools_per_inspector, max_schools)
    ineligible: list[str] = field(default_factory=list)  # reasons (R5/R6/cap)


def load_schools(folder: str, policy: Policy) -> dict[str, School]:
    path = os.path.join(folder, "schools.csv")
    rows = read_table(path, SCHOOL_ALIASES)
    require_columns(rows, path, ["id", "enrollment", "zone"])
    schools: dict[str, School] = {}
    for row in rows:
        where = f"{path}:{row['_line']}"
        sid = row.get("id", "")
        if not sid:
            raise InputError(f"{where}: school without id")
        if sid in schools:
            raise InputError(f"{where}: duplicate school id {sid}")
        enrollment = parse_int(row.get("enrollment", ""), f"{where} enrollment")
        large = enrollment >= policy.large_threshold
        if row.get("large", ""):
            large = parse_enum(row["large"], YES_NO_VALUES, f"{where} large")
        schools[sid] = School(sid, row.get("zone", ""), enrollment, large)
    return schools


def load_inspectors(folder: str) -> dict[str, Inspector]:
    path = os.path.join(folder, "inspectors.csv")
    rows = read_table(path, INSPECTOR_ALIASES)
    require_columns(rows, path, ["id", "employment", "status", "zone"])
    inspectors: dict[str, Inspector] = {}
    for row in rows:
        where = f"{path}:{row['_line']}"
        iid = row.get("id", "")
        if not iid:
            raise InputError(f"{where}: inspector without id")
        if iid in inspectors:
            raise InputError(f"{where}: duplicate inspector id {iid}")
        if is_vacancy(iid):
            raise InputError(f"{where}: inspector id {iid} uses the vacancy prefix")
        employment = parse_enum(row.get("employment", ""), EMPLOYMENT_VALUES,
                                f"{where} employment")
        status = parse_enum(row.get("status", ""), STATUS_VALUES, f"{where} status")
        retired_on = None
        if row.get("retired_on", ""):
            retired_on = parse_date(row["retired_on"], f"{where} retired_on")
        terms = 0
        if row.get("consecutive_terms", ""):
            terms = parse_int(row["consecutive_terms"], f"{where} consecutive_terms")
        max_schools = None
        if row.get("max_schools", ""):
            max_schools = parse_int(row["max_schools"], f"{where} max_schools")
        inspectors[iid] = Inspector(
            id=iid, zone=row.get("zone", ""), employment=employment,
            status=status, retired_on=retired_on, consecutive_terms=terms,
            max_schools=max_schools,
            conflicts=set(split_list(row.get("conflicts", ""))))
    return inspectors


def evaluate_inspectors(inspectors: dict[str, Inspector], policy: Policy) -> None:
    """Work out each inspector's cap (R2) and eligibility (R5, R6)."""
    for ins in inspectors.values():
        ins.cap = policy.schools_per_inspector
        if ins.max_schools is not None:
            ins.cap = min(ins.cap, ins.max_schools)
        ins.ineligible = []
        # R5: a retired inspector may serve while retired_on + N years >= term start.
        if ins.status == "retired":
            if ins.retired_on is None:
                ins.ineligible.append("R5 retired without retired_on date")
            else:
                limit = add_years(ins.retired_on, policy.max_years_retired)
                if limit < policy.term_start:
                    ins.ineligible.append(
                        f"R5 retired on {ins.retired_on}, {policy.max_years_retired}"
                        f" years end {limit}, before term start {policy.term_start}")
        # R6: term limit for part-time inspectors only.
        if ins.employment == PT and ins.consecutive_terms >= policy.max_terms:
            ins.ineligible.append(
                f"R6 part-time with {ins.consecutive_terms} consecutive terms"
                f" (limit {policy.max_terms})")


# --------------------------------------------------------------------------
# Compliance check (R1-R8) and the roster's objective values
# --------------------------------------------------------------------------

@dataclass
class Holder:
    """An appointee in a roster: a real inspector or a vacancy."""
    id: str
    vacancy: bool
    employment: str | None = None      # FT / PT (None: unknown / invalid)
    schools: list[str] = field(default_factory=list)
    employments: set = field(default_factory=set)  # vacancy: values seen


def read_roster(path: str) -> list[tuple[str, str, str, str]]:
    """-> list of (where, school_id, inspector_id, employment) rows."""
    rows = read_table(path, ROSTER_ALIASES)
    require_columns(rows, path, ["school_id", "inspector_id"])
    return [(f"{os.path.basename(path)}:{r['_line']}", r.get("school_id", ""),
             r.get("inspector_id", ""), r.get("employment", "")) for r in rows]


def check_compliance(assignments, schools, inspectors, policy):
    """Check rules R1-R8.

    assignments: list of (where, school_id, holder_id, employment_text).
    Returns (violations, warnings, values) where values holds the roster's
    recruits / recruits_full_time / crossings / appointees.
    """
    violations: list[str] = []
    warnings: list[str] = []
    holders: dict[str, Holder] = {}
    seen: dict[str, int] = defaultdict(int)

    for where, sid, hid, emp_text in assignments:
        if not sid:
            violations.append(f"R1 {where}: row without school_id")
            continue
        if sid not in schools:
            violations.append(f"R1 {where}: unknown school {sid}")
            continue
        if not hid:
            violations.append(f"R1 {where}: school {sid} has no inspector")
            continue
        seen[sid] += 1
        if is_vacancy(hid):
            holder = holders.setdefault(hid, Holder(hid, vacancy=True))
            try:
                holder.employments.add(parse_enum(emp_text, EMPLOYMENT_VALUES, "employment"))
            except InputError:
                holder.employments.add(None)
                violations.append(
                    f"R4 {where}: vacancy {hid} has invalid employment {emp_text!r}")
        else:
            if hid not in inspectors:
                violations.append(f"R1 {where}: unknown inspector {hid}")
                continue
            holder = holders.setdefault(
                hid, Holder(hid, vacancy=False, employment=inspectors[hid].employment))
            if emp_text:
                try:
                    if parse_enum(emp_text, EMPLOYMENT_VALUES, "employment") \
                            != holder.employment:
                        warnings.append(f"{where}: employment column for {hid}"
                                        " differs from inspectors.csv")
                except InputError:
                    warnings.append(f"{where}: unreadable employment {emp_text!r}")
        holder.schools.append(sid)

    # R1: every school exactly once.
    for sid in schools:
        if seen.get(sid, 0) == 0:
            violations.append(f"R1 school {sid} is not assigned")
        elif seen[sid] > 1:
            violations.append(f"R1 school {sid} is assigned {seen[sid]} times")

    recruits = recruits_ft = crossings = 0
    full_time_appointees = 0
    for holder in holders.values():
        held = holder.schools
        if holder.vacancy:
            # A vacancy's type is the employment of its rows, all alike.
            valid = holder.employments - {None}
            if len(valid) == 1 and None not in holder.employments:
                holder.employment = valid.pop()
            elif len(valid) > 1:
                violations.append(f"R4 vacancy {holder.id} has inconsistent employment")
            cap, conflicts = policy.schools_per_inspector, set()
            recruits += 1
            if holder.employment == FT:
                recruits_ft += 1
            zones_held = {schools[s].zone for s in held}
            # R8 (all modes): a vacancy is recruited in one zone.
            if len(zones_held) > 1:
                violations.append(f"R8 vacancy {holder.id} holds schools of zones "
                                  + ", ".join(sorted(zones_held)))
        else:
            ins = inspectors[holder.id]
            cap, conflicts = ins.cap, ins.conflicts
            # R5, R6: eligibility of an appointed inspector.
            for reason in ins.ineligible:
                violations.append(f"{reason[:2]} inspector {ins.id} appointed: {reason[3:]}")
            for sid in held:
                if schools[sid].zone != ins.zone:
                    crossings += 1
                    # R8: zones=require forbids crossing.
                    if policy.zones == "require":
                        violations.append(
                            f"R8 inspector {ins.id} (zone {ins.zone}) on school {sid}"
                            f" (zone {schools[sid].zone})")
            # R7: conflicts of interest.
            for sid in held:
                if sid in conflicts:
                    violations.append(f"R7 inspector {ins.id} on conflicting school {sid}")
        if holder.employment == FT:
            full_time_appointees += 1
        # R2: cap.
        if len(held) > cap:
            violations.append(f"R2 {holder.id} holds {len(held)} schools, cap {cap}")
        # R3: large school held alone.
        large_held = [s for s in held if schools[s].large]
        if large_held and len(held) > 1:
            violations.append(f"R3 {holder.id} holds large school(s) "
                              f"{', '.join(large_held)} with {len(held) - 1} other(s)")

    # R4: full-time share, exact fraction.
    appointees = len(holders)
    if Fraction(full_time_appointees) < policy.ft_share * appointees:
        violations.append(f"R4 {full_time_appointees} full-time of {appointees}"
                          f" appointees is below share {policy.ft_share}")

    values = {"recruits": recruits, "recruits_full_time": recruits_ft,
              "crossings": crossings, "appointees": appointees}
    return violations, warnings, values


# --------------------------------------------------------------------------
# Optimality: an independent MIP solved level by level with HiGHS
# --------------------------------------------------------------------------
#
# Variables (all integer):
#   x[i,s]  binary  eligible inspector i holds school s. Pairs exist only for
#                   inspectors passing R5/R6 with cap >= 1, schools not in
#                   their conflicts (R7), same zone when zones=require (R8).
#   y[i]    binary  inspector i is appointed (holds >= 1 school).
#   u[s,t]  binary  school s goes to a vacancy of type t (FT / PT).
#   v[z,t]  integer number of vacancies of type t recruited in zone z.
#
# Vacancies are aggregated per (zone, type): they are identical (cap =
# schools_per_inspector, no conflicts), so with A large and B ordinary
# schools given to them, any count v with A + ceil(B/cap) <= v <= A + B is
# realisable (each large school alone, the B others spread over v - A
# vacancies holding 1..cap each). Hence no symmetric vacancy slots.
#
# Constraints:
#   cover    sum_i x[i,s] + u[s,FT] + u[s,PT] = 1                     (R1)
#   capacity sum_{s ordinary} x[i,s] + cap_i * sum_{s large} x[i,s]
#                 <= cap_i * y[i]                                 (R2, R3)
#            (one large school uses the whole capacity: it stays alone)
#   appoint  y[i] <= sum_s x[i,s]
#   vacancy  cap*v[z,t] >= cap*A[z,t] + B[z,t] ; v[z,t] <= A[z,t] + B[z,t]
#   share    q*FT_appointees - p*appointees >= 0, share = p/q          (R4)
#
# Levels: P1a min sum v; P1b min sum v[.,FT]; P3 (prefer) min crossings;
# P4 min (lean) / max (spread) sum y + sum v. Each optimum is fixed by a
# row before the next level.

def model_share(share: Fraction, max_appointees: int) -> Fraction:
    """An equivalent share with a small denominator, for solver numerics.

    There are at most max_appointees appointees (each holds >= 1 school), so
    FT/all is a fraction with denominator <= max_appointees. It is >= share
    exactly when it is >= the smallest such fraction that is >= share. This
    keeps the R4 row exact while its coefficients stay <= max_appointees
    (a share like 0.3333333333333333334 would otherwise give ~1e19).
    """
    if share.denominator <= max_appointees or share == 0:
        return share
    best = Fraction(1)
    for b in range(1, max_appointees + 1):
        a = -((-share.numerator * b) // share.denominator)  # ceil(share * b)
        best = min(best, Fraction(a, b))
    return best


class Model:
    """The MIP above, held in one highspy.Highs object; levels change costs."""

    def __init__(self, schools, inspectors, policy, threads=1):
        import highspy  # imported here so --no-optimality works without it
        self.highspy = highspy
        self.policy = policy
        self.school_ids = list(schools)
        self.schools = schools
        spi = policy.schools_per_inspector

        self.cols_lb: list[float] = []
        self.cols_ub: list[float] = []
        self.names: list[tuple] = []          # description of each column

        def new_col(desc, ub):
            self.names.append(desc)
            self.cols_lb.append(0.0)
            self.cols_ub.append(float(ub))
            return len(self.names) - 1

        # x and y
        self.x: dict[tuple[str, str], int] = {}
        self.y: dict[str, int] = {}
        self.inspectors = {}
        for ins in inspectors.values():
            if ins.ineligible or ins.cap < 1:
                continue
            allowed = [s for s in self.school_ids
                       if s not in ins.conflicts
                       and (policy.zones != "require" or schools[s].zone == ins.zone)]
            if not allowed:
                continue
            self.inspectors[ins.id] = ins
            self.y[ins.id] = new_col(("y", ins.id), 1)
            for s in allowed:
                self.x[(ins.id, s)] = new_col(("x", ins.id, s), 1)
        # u
        self.u: dict[tuple[str, str], int] = {}
        for s in self.school_ids:
            for t in (FT, PT):
                self.u[(s, t)] = new_col(("u", s, t), 1)
        # v
        self.zones = sorted({sc.zone for sc in schools.values()})
        zone_size = defaultdict(int)
        for sc in schools.values():
            zone_size[sc.zone] += 1
        self.v: dict[tuple[str, str], int] = {}
        for z in self.zones:
            for t in (FT, PT):
                self.v[(z, t)] = new_col(("v", z, t), zone_size[z])

        # Rows, collected as sparse lists then added in one call.
        rows_lo, rows_hi, starts, index, value = [], [], [], [], []
        inf = highspy.kHighsInf

        def add_row(lo, hi, entries):
            rows_lo.append(float(lo))
            rows_hi.append(float(hi))
            starts.append(len(index))
            for col, coef in entries:
                index.append(col)
                value.append(float(coef))

        by_school = defaultdict(list)
        by_inspector = defaultdict(list)
        for (i, s), col in self.x.items():
            by_school[s].append(col)
            by_inspector[i].append((s, col))
        # cover (R1)
        for s in self.school_ids:
            add_row(1, 1, [(c, 1) for c in by_school[s]]
                    + [(self.u[(s, FT)], 1), (self.u[(s, PT)], 1)])
        # capacity (R2, R3) and appointment
        for i, ins in self.inspectors.items():
            entries = [(col, ins.cap if schools[s].large else 1)
                       for s, col in by_inspector[i]]
            add_row(-inf, 0, entries + [(self.y[i], -ins.cap)])
            add_row(-inf, 0, [(self.y[i], 1)] + [(col, -1) for _, col in by_inspector[i]])
        # vacancies per zone and type
        for z in self.zones:
            zone_schools = [s for s in self.school_ids if schools[s].zone == z]
            for t in (FT, PT):
                vz = self.v[(z, t)]
                lower = [(vz, spi)]
                upper = [(vz, 1)]
                for s in zone_schools:
                    us = self.u[(s, t)]
                    lower.append((us, -spi if schools[s].large else -1))
                    upper.append((us, -1))
                add_row(0, inf, lower)
                add_row(-inf, 0, upper)
        # full-time share (R4): q*FT - p*all >= 0
        share_fraction = model_share(policy.ft_share, len(schools))
        p, q = share_fraction.numerator, share_fraction.denominator
        share = []
        for i, ins in self.inspectors.items():
            share.append((self.y[i], (q - p) if ins.employment == FT else -p))
        for z in self.zones:
            share.append((self.v[(z, FT)], q - p))
            share.append((self.v[(z, PT)], -p))
        add_row(0, inf, share)

        # Build the HiGHS model.
        h = highspy.Highs()
        h.setOptionValue("output_flag", False)
        n = len(self.names)
        h.addCols(n, [0.0] * n, self.cols_lb, self.cols_ub, 0, [0] * n, [], [])
        h.changeColsIntegrality(n, list(range(n)),
                                [int(highspy.HighsVarType.kInteger)] * n)
        h.addRows(len(rows_lo), rows_lo, rows_hi, len(index), starts, index, value)
        # Objectives are integers: an absolute gap < 1 proves optimality.
        h.setOptionValue("mip_rel_gap", 0.0)
        h.setOptionValue("mip_abs_gap", 0.99)
        # HiGHS presolve spends minutes on the long level-fixing rows of big
        # districts (700 schools: 82 s of 95 s) and gained nothing in tests.
        h.setOptionValue("presolve", "off")
        # --threads (added for scripts/verify_plans.sh): HiGHS's thread pool
        # size; 1 keeps the checker on one core beside other jobs.
        h.setOptionValue("threads", int(threads))
        self.h = h
        self.n = n

    # Objective coefficient vectors of the levels ---------------------------
    def objective(self, level: str) -> dict[int, float]:
        if level == "recruits":
            return {c: 1.0 for c in self.v.values()}
        if level == "recruits_full_time":
            return {c: 1.0 for (z, t), c in self.v.items() if t == FT}
        if level == "crossings":
            return {c: 1.0 for (i, s), c in self.x.items()
                    if self.inspectors[i].zone != self.schools[s].zone}
        if level == "appointees":
            return {**{c: 1.0 for c in self.y.values()},
                    **{c: 1.0 for c in self.v.values()}}
        raise ValueError(level)

    def start_from_roster(self, holders_of: dict[str, tuple[str, str]]):
        """Column values of a compliant roster: school -> (holder id, type).

        Returns None if the roster uses a pair absent from the model (which
        would mean the model is stricter than the rules)."""
        values = [0.0] * self.n
        count = defaultdict(set)
        for s, (hid, emp) in holders_of.items():
            if is_vacancy(hid):
                values[self.u[(s, emp)]] = 1.0
                count[(self.schools[s].zone, emp)].add(hid)
            else:
                col = self.x.get((hid, s))
                if col is None:
                    return None
                values[col] = 1.0
                values[self.y[hid]] = 1.0
        for key, ids in count.items():
            values[self.v[key]] = float(len(ids))
        return values

    def solve_level(self, level: str, maximize: bool, time_limit, start):
        """Optimise one level. Returns a dict with value, proven, solution."""
        hs = self.highspy
        h = self.h
        h.changeColsCost(self.n, list(range(self.n)), [0.0] * self.n)
        coefs = self.objective(level)
        if coefs:
            h.changeColsCost(len(coefs), list(coefs), list(coefs.values()))
        h.changeObjectiveSense(hs.ObjSense.kMaximize if maximize else hs.ObjSense.kMinimize)
        if time_limit is not None:
            # (HiGHS restarts its run clock at each run: a budget per level.)
            h.setOptionValue("time_limit", time_limit)
        if start is not None:
            h.setSolution(self.n, list(range(self.n)), start)
        began = time.monotonic()
        h.run()
        status = h.getModelStatus()
        info = h.getInfo()
        result = {"level": level, "seconds": round(time.monotonic() - began, 3),
                  "status": h.modelStatusToString(status),
                  "value": None, "proven": False, "solution": None}
        has_solution = info.primal_solution_status == 2  # kSolutionStatusFeasible
        if has_solution:
            solution = [round(v) for v in h.getSolution().col_value]
            result["solution"] = solution
            result["value"] = int(sum(solution[c] * w for c, w in coefs.items()))
        if status == hs.HighsModelStatus.kOptimal and has_solution:
            bound = info.mip_dual_bound
            if maximize:
                result["proven"] = math.floor(bound + 1e-6) <= result["value"]
            else:
                result["proven"] = math.ceil(bound - 1e-6) >= result["value"]
        return result

    def fix_level(self, level: str, value: int, maximize: bool):
        coefs = self.objective(level)
        inf = self.highspy.kHighsInf
        lo, hi = (value, inf) if maximize else (-inf, value)
        self.h.addRow(float(lo), float(hi), len(coefs), list(coefs),
                      list(coefs.values()))

    def solution_as_roster(self, solution):
        """Turn a model solution into roster rows (for the self-check)."""
        rows = []
        for (i, s), col in self.x.items():
            if solution[col]:
                rows.append(("model", s, i, self.inspectors[i].employment))
        for z in self.zones:
            for t in (FT, PT):
                mine = [s for s in self.school_ids
                        if self.schools[s].zone == z and solution[self.u[(s, t)]]]
                large = [s for s in mine if self.schools[s].large]
                other = [s for s in mine if not self.schools[s].large]
                count = solution[self.v[(z, t)]]
                bins = count - len(large)
                names = [f"{VACANCY_PREFIX}{z}-{t}-{k}" for k in range(count)]
                for k, s in enumerate(large):
                    rows.append(("model", s, names[k], t))
                for k, s in enumerate(other):
                    # round-robin: bins hold between 1 and spi schools
                    name = names[len(large) + k % bins] if bins > 0 else "VACANCY-none"
                    rows.append(("model", s, name, t))
        return rows


# --------------------------------------------------------------------------
# Main
# --------------------------------------------------------------------------

def parse_args(argv):
    ap = argparse.ArgumentParser(
        description="Independent compliance and optimality checker for Duxue rosters.")
    ap.add_argument("district", help="folder with schools.csv and inspectors.csv")
    ap.add_argument("--roster", help="roster CSV (default: DISTRICT/roster.csv)")
    ap.add_argument("--term-start", required=True, help="YYYY-MM-DD")
    ap.add_argument("--schools-per-inspector", type=int, default=5)
    ap.add_argument("--large", type=int, default=2000,
                    help="enrollment threshold of a large school")
    ap.add_argument("--ft-share", default="0.2",
                    help="minimum full-time share, decimal or fraction, e.g. 0.2 or 1/5")
    ap.add_argument("--max-years-retired", type=int, default=3)
    ap.add_argument("--max-terms", type=int, default=3)
    ap.add_argument("--zones", choices=["require", "prefer", "ignore"], default="prefer")
    ap.add_argument("--staffing", choices=["lean", "spread"], default="lean")
    ap.add_argument("--no-optimality", action="store_true",
                    help="check compliance only (no MIP)")
    ap.add_argument("--time-limit", type=float, default=None,
                    help="seconds per optimisation level (default: none)")
    # Added for scripts/verify_plans.sh: HiGHS "threads" option (default 1).
    ap.add_argument("--threads", type=int, default=1,
                    help="HiGHS threads (default: 1, one core)")
    return ap.parse_args(argv)


def make_policy(args) -> Policy:
    try:
        share = Fraction(args.ft_share.strip())
    except (ValueError, ZeroDivisionError):
        raise InputError(f"--ft-share: not a number: {args.ft_share!r}") from None
    if not 0 <= share <= 1:
        raise InputError("--ft-share must be between 0 and 1")
    if args.threads < 1:
        raise InputError("--threads must be at least 1")
    if args.schools_per_inspector < 1:
        raise InputError("--schools-per-inspector must be at least 1")
    return Policy(term_start=parse_date(args.term_start, "--term-start"),
                  schools_per_inspector=args.schools_per_inspector,
                  large_threshold=args.large, ft_share=share,
                  max_years_retired=args.max_years_retired,
                  max_terms=args.max_terms, zones=args.zones,
                  staffing=args.staffing)


def levels_for(policy: Policy):
    """(key, maximize) of the lexicographic levels, in order."""
    levels = [("recruits", False), ("recruits_full_time", False)]
    if policy.zones == "prefer":
        levels.append(("crossings", False))
    levels.append(("appointees", policy.staffing == "spread"))
    return levels


def better(a: int, b: int, maximize: bool) -> bool:
    return a > b if maximize else a < b


def run(argv) -> tuple[int, dict]:
    began = time.monotonic()
    args = parse_args(argv)
    policy = make_policy(args)
    schools = load_schools(args.district, policy)
    inspectors = load_inspectors(args.district)
    evaluate_inspectors(inspectors, policy)
    roster_path = args.roster or os.path.join(args.district, "roster.csv")
    assignments = read_roster(roster_path)

    violations, warnings, values = check_compliance(assignments, schools, inspectors, policy)
    compliant = not violations
    summary = {"compliant": compliant, "violations": violations,
               "roster": values, "optimal": None, "optimal_proven": None,
               "seconds": None}
    if warnings:
        summary["warnings"] = warnings

    if args.no_optimality:
        summary["seconds"] = round(time.monotonic() - began, 3)
        return (0 if compliant else 1), summary

    model = Model(schools, inspectors, policy, threads=args.threads)
    # A compliant roster is a feasible point of the model: use it as a start.
    roster_start = None
    if compliant:
        holders_of = {}
        for _, sid, hid, emp_text in assignments:
            emp = inspectors[hid].employment if hid in inspectors else \
                parse_enum(emp_text, EMPLOYMENT_VALUES, "employment")
            holders_of[sid] = (hid, emp)
        roster_start = model.start_from_roster(holders_of)
        if roster_start is None:
            raise RuntimeError("internal: a compliant roster uses a pair the model forbids")

    optimal = {"recruits": None, "recruits_full_time": None,
               "crossings": 0 if policy.zones == "require" else None,
               "appointees": None}
    level_reports = []
    proven_all = True
    provably_worse = False     # the roster is shown non-optimal
    still_tied = compliant     # roster equals the optimum on all levels so far
    final = None
    for key, maximize in levels_for(policy):
        # Warm start: the roster while it ties the optimum (it then satisfies
        # every fixed level), else the previous level's optimal point.
        start = roster_start if still_tied else final
        result = model.solve_level(key, maximize, args.time_limit, start)
        level_reports.append({k: result[k] for k in
                              ("level", "status", "value", "proven", "seconds")})
        if result["solution"] is None:   # no incumbent at all (time limit)
            proven_all = False
            break
        value = result["value"]
        optimal[key] = value
        if still_tied:
            if better(value, values[key], maximize):
                provably_worse = True      # a better point exists (proven or not)
                still_tied = False
            elif better(values[key], value, maximize) and result["proven"]:
                raise RuntimeError(
                    f"internal: compliant roster beats the proven optimum on {key}")
        if not result["proven"]:
            proven_all = False
            break
        model.fix_level(key, value, maximize)
        final = result["solution"]

    # Self-check: the model's optimal point must pass our own rule checker
    # and carry the values reported.
    if proven_all and final is not None:
        v2, _, vals2 = check_compliance(model.solution_as_roster(final),
                                        schools, inspectors, policy)
        if v2:
            raise RuntimeError("internal: model solution breaks rules: " + "; ".join(v2[:5]))
        for key, _ in levels_for(policy):
            if vals2[key] != optimal[key]:
                raise RuntimeError(f"internal: model solution {key} {vals2[key]}"
                                   f" != objective {optimal[key]}")

    summary["optimal"] = optimal
    summary["optimal_proven"] = proven_all
    summary["levels"] = level_reports
    summary["seconds"] = round(time.monotonic() - began, 3)

    if not compliant or provably_worse:
        return 1, summary
    if not proven_all:
        return 3, summary
    same = all(optimal[key] == values[key] for key, _ in levels_for(policy))
    return (0 if same else 1), summary


def main(argv=None) -> int:
    try:
        sys.stdout.reconfigure(encoding="utf-8")
    except AttributeError:
        pass
    try:
        code, summary = run(sys.argv[1:] if argv is None else argv)
    except InputError as err:
        code, summary = 2, {"error": str(err)}
    except RuntimeError as err:
        code, summary = 2, {"error": str(err)}
    print(json.dumps(summary, ensure_ascii=False, indent=2))
    return code


if __name__ == "__main__":
    sys.exit(main())
