#!/usr/bin/env bash
# Time and peak RSS of the API process while it streams 100,000 member applications as CSV and as XLSX.
# Usage (after `npm run build`): bash test/roster/bench/export-100k.sh [rows]
# A scratch database is created, filled with one INSERT … SELECT generate_series, and dropped at the end.
set -euo pipefail
cd "$(dirname "$0")/../../.."
ROWS=${1:-100000}
PG=${TEST_PG_URL:-postgres://postgres@127.0.0.1:5432}
DB=alliance_export_bench
export DATABASE_URL="$PG/$DB"
PORT=${BENCH_PORT:-3917}
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT

psql "$PG/postgres" -qc "DROP DATABASE IF EXISTS $DB WITH (FORCE)"
node apps/api/dist/cli/migrate.js >/dev/null
HASH=$(node -e "require('./apps/api/dist/auth/passwords.js').hashPassword('Bench#Export2024').then((h) => console.log(h))")

start=$(date +%s.%N)
psql "$DATABASE_URL" -q -v ON_ERROR_STOP=1 -v hash="$HASH" -v rows="$ROWS" <<'SQL'
INSERT INTO batches (name, opens_at, deadline) VALUES ('首批', now() - interval '10 days', now() + interval '30 days');
INSERT INTO users (email, name, password_hash, roles, active, email_verified_at)
  VALUES ('coordinator@bench.cn', '联络员', :'hash', '{coordinator}', true, now()),
         ('owner@bench.cn', '申报人', :'hash', '{applicant}', true, now());
INSERT INTO schools (name, type, ownership, honors, province)
  SELECT '装备制造职业技术学院' || g,
         (ARRAY['vocational_undergraduate','higher_vocational','secondary_vocational','other'])[1 + g % 4],
         (ARRAY['public','private','other'])[1 + g % 3], ARRAY['national_double_high'],
         (ARRAY['江苏','浙江','广东','山东','四川'])[1 + g % 5]
  FROM generate_series(1, 200) g;
INSERT INTO council_applications (batch_id, school_id, owner_id, state, representative, contact)
  SELECT 1, s.id, 2, 'admitted', '{"name":"王建国","position":"校长","phone":"025-84561234","email":"rep@school.cn"}',
         '{"name":"李明","position":"办公室主任","phone":"13912345678","email":"contact@school.cn"}'
  FROM schools s;
INSERT INTO departments (council_application_id, school_id, position, name, category, strong_majors)
  SELECT a.id, a.school_id, p, (ARRAY['智能制造学院','机电工程学院'])[p + 1], (ARRAY['intelligent_manufacturing','mechatronic'])[p + 1],
         ARRAY['工业机器人技术','智能制造装备技术']
  FROM council_applications a, generate_series(0, 1) p;
INSERT INTO member_applications (batch_id, school_id, department_id, owner_id, state, seat, target_group, department_honors,
    name, gender, birth_month, political_status, education, degree, alma_mater, studied_major, teaching_years, title, field,
    position, mobile, email, address, achievements, experience, industry_years, industry_work, awards, memberships,
    commitment, school_opinion, suggestions, submitted_at)
  SELECT 1, d.school_id, d.id, 2, (ARRAY['submitted','school_approved','center_reviewed','admitted'])[1 + g % 4],
         (ARRAY['main_leader','program_leader'])[1 + g % 2], 1 + g % 3,
         '[{"kind":"national_double_high_group","text":"智能制造专业群"}]',
         '陈静' || g, (ARRAY['male','female'])[1 + g % 2], '1985-06', 'cpc_member', 'master', 'master', '华中科技大学', '机械工程',
         12, '副教授', '工业机器人', '{"kind":"program_leader","text":"工业机器人技术专业群"}',
         '138' || lpad((g % 100000000)::text, 8, '0'), 'member' || g || '@school.cn', '江苏省南京市江宁区龙眠大道' || g || '号',
         repeat('主持省级教改项目2项，发表论文10篇，获发明专利3项。', 4), repeat('2012年至今任教于本校智能制造学院。', 4), 3,
         '工业机器人系统集成与调试', '省教学成果二等奖', '中国机械工程学会会员',
         '{"accepted":true,"date":"2024-04-01"}', '{"signer":"张校长","date":"2024-04-02"}', '建议定期组织交流。', now()
  FROM generate_series(1, :rows) g
  JOIN departments d ON d.id = 1 + g % 400;
ANALYZE;
SQL
echo "inserted $ROWS member applications in $(echo "$(date +%s.%N) - $start" | bc) s"
psql "$DATABASE_URL" -tAc "SELECT pg_size_pretty(pg_total_relation_size('member_applications'))" | sed 's/^/member_applications table: /'

measure() { # format
  local fmt=$1
  PORT=$PORT LOG_LEVEL=warn NODE_ENV=production TOKEN_SECRET=bench-secret-bench-secret-bench-secret-0123 \
    /usr/bin/time -v -o "$OUT/time-$fmt.txt" node apps/api/dist/main.js >"$OUT/api-$fmt.log" 2>&1 &
  local timepid=$!
  for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$PORT/api/health" >/dev/null 2>&1 && break; sleep 0.1; done
  local api; api=$(pgrep -P "$timepid" node)
  local token; token=$(curl -sf "http://127.0.0.1:$PORT/api/auth/login" -H 'content-type: application/json' \
    -d '{"email":"coordinator@bench.cn","password":"Bench#Export2024"}' | node -pe 'JSON.parse(require("fs").readFileSync(0)).accessToken')
  local before; before=$(awk '/VmRSS/ {print $2}' "/proc/$api/status")
  ( peak=0; while kill -0 "$api" 2>/dev/null; do r=$(awk '/VmRSS/ {print $2}' "/proc/$api/status" 2>/dev/null || echo 0); [ "${r:-0}" -gt "$peak" ] && peak=$r && echo "$peak" >"$OUT/peak-$fmt"; sleep 0.05; done ) &
  local sampler=$!
  local stats; stats=$(curl -s -o "$OUT/export.$fmt" -w '%{http_code} %{time_starttransfer} %{time_total} %{size_download}' \
    -H "authorization: Bearer $token" "http://127.0.0.1:$PORT/api/member-applications/export?format=$fmt")
  sleep 0.3
  local peak; peak=$(cat "$OUT/peak-$fmt")
  kill "$api"; wait "$timepid" || true; kill "$sampler" 2>/dev/null || true
  read -r code ttfb total bytes <<<"$stats"
  local lines
  if [ "$fmt" = csv ]; then
    lines=$(node -e "const t=require('fs').readFileSync('$OUT/export.csv','utf8'); let n=0,q=false; for (let i=0;i<t.length;i++){const c=t[i]; if(c=='\"') q=!q; else if(c=='\n'&&!q) n++;} console.log(n)")
  else
    lines=$(node -e "const E=require('exceljs'); const r=new E.stream.xlsx.WorkbookReader('$OUT/export.xlsx',{}); (async()=>{let n=0; for await (const ws of r) for await (const _ of ws) n++; console.log(n)})()")
  fi
  printf '%-4s HTTP %s  first byte %6.2f s  total %6.2f s  %6.1f MB  %s rows incl. header  RSS before %d MB, peak during export %d MB, process max RSS (time -v) %d MB\n' \
    "$fmt" "$code" "$ttfb" "$total" "$(echo "$bytes / 1048576" | bc -l)" "$lines" $((before / 1024)) $((peak / 1024)) \
    $(( $(awk -F': ' '/Maximum resident set size/ {print $2}' "$OUT/time-$fmt.txt") / 1024 ))
}

measure csv
measure xlsx
psql "$DATABASE_URL" -tAc "SELECT action, data->>'format', data->>'rows', data->>'completed' FROM audit_events WHERE action = 'export' ORDER BY id" | sed 's/^/audit: /'
psql "$PG/postgres" -qc "DROP DATABASE IF EXISTS $DB WITH (FORCE)"
