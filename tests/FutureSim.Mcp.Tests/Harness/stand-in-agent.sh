#!/usr/bin/env bash
# A stand-in for a native agent harness such as Claude Code: it starts the MCP server named in its MCP
# configuration and speaks MCP (newline-delimited JSON-RPC) to it, like a scripted model would.
# Usage: stand-in-agent.sh <mcp-config> <date> [crash-on-date]
set -u
config=$1
today=$2
crash_on=${3:-never}

command=$(jq -r '.mcpServers.futuresim.command' "$config")
mapfile -t arguments < <(jq -r '.mcpServers.futuresim.args[]' "$config")
coproc SERVER { "$command" "${arguments[@]}"; }

# The replies land in variables, not on stdout: the coprocess's pipes do not reach subshells.
id=0
reply=""
text=""
rpc() {
  id=$((id + 1))
  printf '{"jsonrpc":"2.0","id":%d,"method":"%s","params":%s}\n' "$id" "$1" "$2" >&"${SERVER[1]}"
  local line
  while IFS= read -r line <&"${SERVER[0]}"; do
    if [ "$(jq -r '.id // empty' <<<"$line")" = "$id" ]; then
      reply=$line
      return 0
    fi
  done
  echo "the MCP server went away" >&2
  exit 4
}
call() {
  rpc tools/call "$(jq -cn --arg name "$1" --argjson arguments "$2" '{name: $name, arguments: $arguments}')"
  text=$(jq -r '.result.content[0].text' <<<"$reply")
}

rpc initialize '{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"stand-in","version":"1.0"}}'
printf '{"jsonrpc":"2.0","method":"notifications/initialized"}\n' >&"${SERVER[1]}"

mkdir -p memory
rpc tools/list '{}'
jq -r '.result.tools[].name' <<<"$reply" | sort > memory/tools.txt
env | cut -d= -f1 | sort > "memory/env-$today.txt"
find articles -name articles.jsonl | sort > "memory/article-files-$today.txt"
cat $(find articles -name articles.jsonl) /dev/null | jq -r '.id' | sort > "memory/article-ids-$today.txt"

call list_questions '{}'
while read -r _ qid kind; do
  if [ "$kind" = "(binary" ]; then outcomes='{"Yes":0.7}'; else outcomes='{"Alice Smith":0.6,"Bob Jones":0.3}'; fi
  call submit_forecasts "$(jq -cn --arg q "$qid" --argjson o "$outcomes" '{question_id: $q, outcomes: $o}')"
  echo "$text" >> "memory/submissions-$today.txt"
done < <(grep -oE '^## [^ ]+ \([a-z_]+' <<<"$text")
call search_news '{"query":"mayor election","max_results":10}'
echo "$text" > "memory/search-$today.txt"
echo "notes of $today" >> memory/diary.txt

if [ "$today" = "$crash_on" ]; then
  echo "stand-in: crashing on purpose" >&2
  exit 3
fi

call next_day '{}'
echo "$text" > "memory/next-day-$today.txt"
echo "stand-in: done with $today"
exit 0
