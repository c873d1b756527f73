#!/usr/bin/env bash
# The fault campaign: shows the reliability targets of the harness on the built futuresim executable.
#   1. kill -9 at random moments, then --resume: event log, leaderboard, daily metrics and the llm agent's recording
#      and usage byte-identical to an uninterrupted run (an llm agent against a local OpenAI-compatible server);
#   2. malformed corpus, question and configuration input: exit 2, a message naming the file and line or key, no
#      stack trace; --skip-invalid keeps every valid record and reports the counts;
#   3. model endpoint faults (429 with Retry-After, 5xx, hangs, garbage, resets, replies without choices, malformed
#      tool arguments, negative token counts): the run goes on, usage stays consistent, the replay is identical;
#   4. two processes at once on one missing index, one run id, or one running run: one waits or one refuses.
# Not part of `dotnet test` (it takes minutes). Usage: tests/fault-campaign/run.sh [--no-build]
# Environment: TRIALS (kill trials, default 20), SEED (default 1), FAULT_WORK (work folder, default a new temp folder),
# SECTIONS (which of 1-4 to run, default 1234; 2-4 need the reference run of 1, made with TRIALS=0 if need be).
set -uo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
HERE="$ROOT/tests/fault-campaign"
FS="$ROOT/src/FutureSim.Cli/bin/Release/net10.0/futuresim"
TRIALS="${TRIALS:-20}"
SEED="${SEED:-1}"
SECTIONS="${SECTIONS:-1234}"
WORK="${FAULT_WORK:-$(mktemp -d /tmp/futuresim-faults.XXXXXX)}"
START=2025-10-01
END=2025-11-20
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 FUTURESIM_ROOT="$ROOT"

if [ "${1:-}" != "--no-build" ]; then
  dotnet build "$ROOT/src/FutureSim.Cli" -c Release -v quiet -nologo >/dev/null || { echo "build failed"; exit 1; }
fi

mkdir -p "$WORK"
cd "$WORK" || exit 1
declare -A PASS FAIL
NOTES=()
check() { # check CLASS DESCRIPTION STATUS(0 = pass)
  if [ "$3" -eq 0 ]; then PASS[$1]=$(( ${PASS[$1]:-0} + 1 )); else FAIL[$1]=$(( ${FAIL[$1]:-0} + 1 )); NOTES+=("FAIL [$1] $2"); echo "  FAIL $2"; fi
}
no_trace() { ! grep -qE '^\s+at |Unhandled exception' "$1"; }
fs() { "$FS" "$@"; }

# The local chat server.
python3 "$HERE/chat_server.py" "$WORK/port" & SERVER=$!
trap 'kill $SERVER 2>/dev/null' EXIT
for _ in $(seq 50); do [ -s "$WORK/port" ] && break; sleep 0.1; done
PORT=$(cat "$WORK/port")
cat > base.json <<EOF
{ "Corpus": { "IndexDirectory": "$WORK/index" }, "Simulation": { "RunsDirectory": "$WORK/runs", "AgentDayTimeout": "00:00:30" },
  "Agents": [ { "Name": "llm", "Kind": "llm", "Endpoint": "http://127.0.0.1:$PORT/v1", "Model": "scripted",
                "RequestTimeout": "5s", "MaxRetries": 3, "RetryBaseDelay": "50ms", "MaxRetryDelay": "1s" } ] }
EOF
AGENTS=abstain,uniform,crowd,base-rate,news-frequency,llm
DAYS=$(( ( $(date -d "$END" +%s) - $(date -d "$START" +%s) ) / 86400 + 1 ))
RUN=(run --config base.json --agents "$AGENTS" --start "$START" --end "$END" --quiet)
run() { "$FS" "${RUN[@]}" "$@"; }  # in the background, call "$FS" directly so that $! is its process
same() { # same RUN_A RUN_B: the files a resumed or repeated run must reproduce, byte for byte (run ids normalised)
  local a="runs/$1" b="runs/$2" f status=0
  for f in events.jsonl daily_metrics.csv agents/llm/model-calls.jsonl agents/llm/usage.csv; do cmp -s "$a/$f" "$b/$f" || { echo "    $f differs"; status=1; }; done
  for f in leaderboard.json leaderboard.csv leaderboard.md; do
    cmp -s <(sed "s/\b$1\b/RUN/g" "$a/$f") <(sed "s/\b$2\b/RUN/g" "$b/$f") || { echo "    $f differs"; status=1; }
  done
  grep -q '"status": "completed"' "$b/manifest.json" || { echo "    $2 is not completed"; status=1; }
  [ ! -s "$b/run.lock" ] || { echo "    $2 is still locked"; status=1; }
  return $status
}

echo "== 1. kill -9 and resume ($TRIALS trials, agents $AGENTS, $START to $END)"
REF_SECONDS=20
if [ ! -f runs/fcref/manifest.json ]; then
fs index --config base.json >/dev/null 2>index.err || { echo "the index build failed"; cat index.err; exit 1; }
t0=$(date +%s.%N)
run --run-id fcref >/dev/null 2>fcref.err || { echo "the reference run failed"; cat fcref.err; exit 1; }
REF_SECONDS=$(python3 -c "print(round($(date +%s.%N) - $t0, 1))")
echo "  reference run: ${REF_SECONDS}s"
fi
[[ $SECTIONS == *1* ]] || TRIALS=0
killed_before_folder=0
for i in $(seq 1 "$TRIALS"); do
  id=$(printf 'k%02d' "$i")
  delay=$(python3 -c "import random; random.seed($SEED * 1000 + $i); print(round(random.uniform(0.2, $REF_SECONDS * 0.97), 2))")
  "$FS" "${RUN[@]}" --run-id "$id" >/dev/null 2>"$id.err" & pid=$!
  sleep "$delay"; kill -9 "$pid" 2>/dev/null; wait "$pid" 2>/dev/null
  written=$(grep -c '"type":"day_completed"' "runs/$id/events.jsonl" 2>/dev/null || true)
  grep -q '"type":"run_completed"' "runs/$id/events.jsonl" 2>/dev/null && written="$written (all, run complete)"
  if [ -f "runs/$id/manifest.json" ]; then
    run --resume "$id" >/dev/null 2>>"$id.err"; code=$?
  else
    killed_before_folder=$((killed_before_folder + 1))
    run --run-id "$id" >/dev/null 2>>"$id.err"; code=$?
  fi
  echo "  trial $i: killed after ${delay}s with ${written:-0} of $DAYS days written; resumed (exit $code)"
  same fcref "$id"; check kill "trial $i (kill at ${delay}s)" $(( $? + code ))
  if [ $((i % 5)) -eq 0 ]; then
    fs run --config base.json --replay "$id" --run-id "${id}-replay" --quiet >/dev/null 2>"$id-replay.err"
    cmp -s "runs/fcref/events.jsonl" "runs/${id}-replay/events.jsonl"; check kill "replay of resumed trial $i" $?
  fi
done
echo "  ($killed_before_folder kill(s) came before the run folder existed; the run was started again)"

if [[ $SECTIONS == *2* ]]; then
echo "== 2. malformed input"
bad() { # bad NAME MUST_NAME -- command...: exit 2, the message names MUST_NAME, no stack trace
  local name=$1 must=$2; shift 3
  "$@" >"$name.out" 2>"$name.err"; local code=$?
  [ "$code" -eq 2 ] && grep -qF -- "$must" "$name.err" && no_trace "$name.err"
  local ok=$?; [ $ok -eq 0 ] || echo "    exit $code: $(head -c 300 "$name.err")"
  check input "$name" $ok
}
good() { # good NAME MUST_SAY -- command...: exit 0 and the output or log says MUST_SAY
  local name=$1 must=$2; shift 3
  "$@" >"$name.out" 2>"$name.err"; local code=$?
  [ "$code" -eq 0 ] && cat "$name.out" "$name.err" | grep -qF -- "$must"
  local ok=$?; [ $ok -eq 0 ] || echo "    exit $code: $(tail -c 300 "$name.err")"
  check input "$name" $ok
}
mkdir -p input
python3 - "$ROOT" <<'EOF'
import gzip, io, json, sys, zlib
root = sys.argv[1]
lines = gzip.open(root + "/corpora/news-wikipedia-current-events-2025-2026.jsonl.gz", "rb").read().split(b"\n")[:400]
body = b"\n".join(lines) + b"\n"
open("input/latin1.jsonl", "wb").write(b"\n".join(lines[:5] + [lines[5].replace(b'"text": "', b'"text": "caf\xe9 ', 1)] + lines[6:]) + b"\n")
open("input/bom.jsonl", "wb").write(b"\xef\xbb\xbf" + body)
open("input/bad-first.jsonl", "wb").write(b'{"id": "broken", \n' + body)
open("input/empty.jsonl", "wb").write(b"")
open("input/binary.jsonl", "wb").write(bytes(range(256)) * 4)
whole = gzip.compress(body)
stream = io.BytesIO(); z = zlib.compressobj(6, zlib.DEFLATED, 31)
cut = z.compress(body[: len(body) // 2]) + z.flush(zlib.Z_SYNC_FLUSH)
open("input/truncated.jsonl.gz", "wb").write(cut)
crc = bytearray(whole); crc[-6] ^= 0xFF
open("input/bad-crc.jsonl.gz", "wb").write(bytes(crc))
q = [l for l in open(root + "/corpora/questions-freeform-2025-2026.jsonl", "rb").read().split(b"\n") if l][:60]
open("input/q-latin1.jsonl", "wb").write(b"\n".join(q[:3] + [q[3].replace(b'"', b'"\xe9', 1)] + q[4:]) + b"\n")
open("input/q-bom.jsonl", "wb").write(b"\xef\xbb\xbf" + b"\n".join(q) + b"\n")
qz = zlib.compressobj(6, zlib.DEFLATED, 31)
open("input/q-truncated.jsonl.gz", "wb").write(qz.compress(b"\n".join(q) + b"\n") + qz.flush(zlib.Z_SYNC_FLUSH))
open("input/q-latin1.csv", "wb").write(b"qid,title,resolution_date,answer\nq1,Who?,2025-11-15,Ann\nq2,Qui \xe0 Paris?,2025-11-15,Bob\n")
EOF
cat > index-input.json <<EOF
{ "Corpus": { "IndexDirectory": "$WORK/index-input" } }
EOF
idx() { fs index --config index-input.json --corpus "$WORK/$1" "${@:2}"; }  # relative paths are taken from the project folder
bad corpus-latin1 "latin1.jsonl:6" -- idx input/latin1.jsonl
good corpus-latin1-skip "1 invalid record" -- idx input/latin1.jsonl --skip-invalid
good corpus-bom "400" -- idx input/bom.jsonl
bad corpus-bad-first "bad-first.jsonl:1" -- idx input/bad-first.jsonl
good corpus-bad-first-skip "1 invalid record" -- idx input/bad-first.jsonl --skip-invalid
bad corpus-truncated-gz "truncated.jsonl.gz" -- idx input/truncated.jsonl.gz
bad corpus-truncated-gz-skip "cut off" -- idx input/truncated.jsonl.gz --skip-invalid
bad corpus-bad-crc "bad-crc.jsonl.gz" -- idx input/bad-crc.jsonl.gz --skip-invalid
bad corpus-empty "empty.jsonl" -- idx input/empty.jsonl
bad corpus-binary "binary.jsonl" -- idx input/binary.jsonl
bad corpus-missing "nowhere.jsonl" -- idx input/nowhere.jsonl
q() { fs run --config base.json --agents uniform --start "$START" --end "$END" --quiet --questions "$WORK/$1" "${@:2}"; }
bad questions-latin1 "q-latin1.jsonl:4" -- q input/q-latin1.jsonl --run-id q1
good questions-latin1-skip "1 bad records skipped" -- q input/q-latin1.jsonl --run-id q2 --skip-invalid
good questions-bom "0 bad records skipped" -- q input/q-bom.jsonl --run-id q3
bad questions-truncated-gz "q-truncated.jsonl.gz" -- q input/q-truncated.jsonl.gz --run-id q4
bad questions-csv-latin1 "q-latin1.csv:3" -- q input/q-latin1.csv --run-id q5
bad questions-missing "nowhere.jsonl" -- q input/nowhere.jsonl --run-id q6
cfg() { printf '%s' "$2" > "input/$1"; }
cfg broken.json '{ "Simulation": { "End": "2025-11-20" '
cfg unknown-key.json '{ "Simulation": { "Ende": "2025-11-20" } }'
cfg unknown-section.json '{ "Simulaton": { "End": "2025-11-20" } }'
cfg files-string.json '{ "Corpus": { "Files": "corpora/news-wikipedia-current-events-2025-2026.jsonl.gz" } }'
cfg bad-date.json '{ "Simulation": { "Start": "soon" } }'
cfg bad-agent.json '{ "Agents": [ { "Name": "nf", "Kind": "news-frequency", "HitsPerQuestoin": 3 } ] }'
cfg bad-llm.json '{ "Agents": [ { "Name": "gpt", "Kind": "llm", "Endpoint": "http://127.0.0.1:9/v1", "Model": "m", "Temperature": "hot" } ] }'
cfg no-key.json '{ "Agents": [ { "Name": "gpt", "Kind": "llm", "Endpoint": "http://127.0.0.1:9/v1", "Model": "m", "ApiKeyVariable": "FAULT_CAMPAIGN_UNSET_KEY" } ] }'
cfg bad-name.json '{ "Agents": [ { "Name": "../../x", "Kind": "uniform" } ] }'
c() { fs run --config base.json --config "input/$1" --quiet "${@:2}"; }
bad config-broken-json "broken.json" -- c broken.json --agents uniform
bad config-unknown-key "Simulation:Ende" -- c unknown-key.json --agents uniform
bad config-unknown-section "Simulaton" -- c unknown-section.json --agents uniform
bad config-list-as-string "Corpus:Files" -- c files-string.json --agents uniform
bad config-bad-date "Simulation:Start" -- c bad-date.json --agents uniform
bad config-agent-unknown-setting "HitsPerQuestoin" -- c bad-agent.json --agents nf
bad config-llm-bad-setting "Temperature" -- c bad-llm.json --agents gpt
bad config-unset-api-key "FAULT_CAMPAIGN_UNSET_KEY" -- c no-key.json --agents gpt
bad config-unsafe-agent-name "../../x" -- c bad-name.json --agents ../../x
bad option-existing-run-id "--resume fcref" -- run --run-id fcref
bad option-window-200-years "--allow-any-window" -- fs run --config base.json --agents uniform --start 2026-08-01 --end 2226-08-01 --quiet
bad option-bad-date "2025-13-01" -- fs run --config base.json --start 2025-13-01 --quiet
bad option-resume-unknown "no-such-run" -- fs run --config base.json --resume no-such-run --quiet
mkdir -p elsewhere
(cd elsewhere && env -u FUTURESIM_ROOT "$FS" run --quiet >../wrong-folder.out 2>../wrong-folder.err); code=$?
[ $code -eq 2 ] && [ "$(grep -c . wrong-folder.err)" -eq 1 ] && grep -qF "FUTURESIM_ROOT" wrong-folder.err && no_trace wrong-folder.err; check input "wrong-folder (exit $code)" $?
left=$(ls -d runs/q1 runs/q4 runs/q5 runs/q6 runs/.creating-* 2>/dev/null | wc -l)
[ "$left" -eq 0 ]; check input "no run folder left by refused input" $?
fi

if [[ $SECTIONS == *3* ]]; then
echo "== 3. model endpoint faults"
cat > faulty.json <<EOF
{ "Agents": [ { "Name": "llmf", "Kind": "llm", "Endpoint": "http://127.0.0.1:$PORT/v1", "Model": "faulty",
                "RequestTimeout": "1s", "MaxRetries": 3, "RetryBaseDelay": "50ms", "MaxRetryDelay": "2s" } ] }
EOF
fs run --config base.json --config faulty.json --agents llmf,uniform --run-id faults --start "$START" --end 2025-10-25 --quiet >faults.out 2>faults.err
check endpoint "the run with endpoint faults completes (exit $?)" $?
python3 - "$WORK/runs/faults" <<'EOF' >faults.check; check endpoint "failures are endpoint failures, usage matches the recording, no negative tokens: $(cat faults.check)" $?
import collections, csv, json, sys
run = sys.argv[1]
events = [json.loads(l) for l in open(run + "/events.jsonl")]
kinds = collections.Counter(e["kind"] for e in events if e["type"] == "agent_failure")
answered = collections.Counter()
failed = 0
for line in open(run + "/agents/llmf/model-calls.jsonl"):
    record = json.loads(line)
    if "response" in record: answered[record["day"]] += 1
    else: failed += 1
usage = {r["day"]: r for r in csv.DictReader(open(run + "/agents/llmf/usage.csv"))}
ok = set(kinds) <= {"endpoint"} and kinds["endpoint"] > 0 and failed == kinds["endpoint"]
ok = ok and all(int(usage[d]["calls"]) == n for d, n in answered.items()) and all(int(r["input_tokens"]) >= 0 for r in usage.values())
print("%d endpoint failures recorded, %d answered calls, %d malformed tool calls" % (kinds["endpoint"], sum(answered.values()),
      sum(1 for e in events if e["type"] == "tool_call" and e["agent"] == "llmf" and (e.get("error") or "").find("not valid JSON") >= 0)))
sys.exit(0 if ok else 1)
EOF
fs score runs/faults >/dev/null 2>faults-score.err; check endpoint "the faulty run scores" $?
fs run --config base.json --config faulty.json --replay faults --run-id faults-replay --quiet >/dev/null 2>faults-replay.err
cmp -s runs/faults/events.jsonl runs/faults-replay/events.jsonl; check endpoint "its replay gives the same events" $?
fi

if [[ $SECTIONS == *4* ]]; then
echo "== 4. two processes at once"
cat > index-race.json <<EOF
{ "Corpus": { "IndexDirectory": "$WORK/index-race" } }
EOF
fs index --config index-race.json >race1.out 2>race1.err & a=$!
fs index --config index-race.json >race2.out 2>race2.err & b=$!
wait $a; ca=$?; wait $b; cb=$?
[ $ca -eq 0 ] && [ $cb -eq 0 ] && [ "$(cat race1.out race2.out | grep -oE 'action +(rebuilt|reused)' | awk '{print $2}' | sort | tr '\n' ' ')" = "rebuilt reused " ]
check concurrency "two first index builds: one builds, the other waits and reuses (exits $ca $cb)" $?
"$FS" "${RUN[@]}" --run-id fcdup >dup1.out 2>dup1.err & a=$!
"$FS" "${RUN[@]}" --run-id fcdup >dup2.out 2>dup2.err & b=$!
wait $a; ca=$?; wait $b; cb=$?
[ "$(echo $ca $cb | tr ' ' '\n' | sort | tr '\n' ' ')" = "0 2 " ] && cat dup1.err dup2.err | grep -qE "already exists|in use" && no_trace dup1.err && no_trace dup2.err && same fcref fcdup
check concurrency "two runs with one run id: one runs, the other refuses (exits $ca $cb)" $?
"$FS" "${RUN[@]}" --run-id fcbusy >busy.out 2>busy.err & a=$!
for _ in $(seq 600); do grep -q day_completed runs/fcbusy/events.jsonl 2>/dev/null && break; sleep 0.05; done
fs run --config base.json --resume fcbusy --quiet >busy-resume.out 2>busy-resume.err; cr=$?
fs score runs/fcbusy >busy-score.out 2>busy-score.err; cs=$?
wait $a; ca=$?
[ $cr -eq 2 ] && [ $cs -eq 2 ] && [ $ca -eq 0 ] && grep -q "in use by process $a" busy-resume.err && grep -q "in use" busy-score.err && same fcref fcbusy
check concurrency "resume and score of a running run are refused; the run ends intact (exits $cr $cs $ca)" $?
fs score runs/fcbusy >/dev/null 2>&1 && grep -q '"status": "completed"' runs/fcbusy/manifest.json && ! grep -q '"running"' runs/fcbusy/leaderboard.json
check concurrency "score after the run: leaderboard and manifest agree" $?
before=$(ls runs | wc -l)
fs run --config base.json --agents uniform --start 2025-11-01 --end 2025-11-03 --quiet >d1.out 2>d1.err & a=$!
fs run --config base.json --agents uniform --start 2025-11-01 --end 2025-11-03 --quiet >d2.out 2>d2.err & b=$!
wait $a; ca=$?; wait $b; cb=$?
[ $ca -eq 0 ] && [ $cb -eq 0 ] && [ "$(ls runs | wc -l)" -eq $((before + 2)) ]
check concurrency "two runs with default ids at the same moment get two folders (exits $ca $cb)" $?
fi

echo
echo "== results (work folder $WORK)"
total_fail=0
for class in kill input endpoint concurrency; do
  printf '  %-12s %3d passed, %d failed\n' "$class" "${PASS[$class]:-0}" "${FAIL[$class]:-0}"
  total_fail=$((total_fail + ${FAIL[$class]:-0}))
done
for note in "${NOTES[@]}"; do echo "  $note"; done
[ "$total_fail" -eq 0 ]
