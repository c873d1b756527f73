#!/usr/bin/env bash
# A stand-in agent that tries to cheat before it forecasts honestly: it reads the answers, the corpus, the index, the
# configuration and another run, lists /, reaches servers around its allow-list and writes outside its workspace. Each
# attempt prints one line, "attempt <name>: blocked (<error>)" or "attempt <name>: SUCCEEDED", then the agent reaches its
# model provider through the proxy and forecasts through MCP as stand-in-agent.sh does.
# Usage: intruder-agent.sh <mcp-config> <date> <questions> <corpus> <index> <appsettings> <other-run> <run-folder> <provider-port> <forbidden-port>
set -u
config=$1 today=$2 questions=$3 corpus=$4 index=$5 appsettings=$6 other_run=$7 run_folder=$8 provider_port=$9 forbidden_port=${10}

attempt() {
  local name=$1
  shift
  local output
  if output=$("$@" 2>&1); then
    echo "attempt $name: SUCCEEDED"
    printf '%s\n' "$output" > "memory/loot-$name.txt"
  else
    echo "attempt $name: blocked ($(head -n 1 <<<"$output"))"
  fi
}

# Sends one request through the proxy named in HTTPS_PROXY and prints the first response line.
through_proxy() {
  local request=$1 proxy=${HTTPS_PROXY#http://}
  exec 3<>"/dev/tcp/${proxy%:*}/${proxy##*:}" || return 1
  printf '%b' "$request" >&3
  local status
  IFS= read -r -t 10 status <&3
  echo "${status%$'\r'}"
  exec 3<&-
}

connect_through_proxy() {
  local status
  status=$(through_proxy "CONNECT 127.0.0.1:$1 HTTP/1.1\r\nHost: 127.0.0.1:$1\r\n\r\n") && [[ $status == *" 200 "* ]] || { echo "proxy answered: $status" >&2; return 1; }
}

connect_directly() { exec 3<>"/dev/tcp/127.0.0.1/$1" && exec 3<&-; }

if [ ! -e memory/attempted ]; then
  attempt read-questions cat "$questions"
  attempt read-questions-relative cat ../../../questions.jsonl
  attempt read-corpus cat "$corpus"
  attempt read-index ls "$index"
  attempt read-configuration cat "$appsettings"
  attempt read-other-run cat "$other_run/questions.jsonl"
  attempt write-workspace-root touch escape.txt
  attempt write-market bash -c 'echo tampered >> market.csv'
  attempt write-articles mkdir articles/2099
  attempt write-agent-folder touch ../escape.txt
  attempt write-run-folder touch "$run_folder/escape.txt"
  attempt write-system touch /usr/escape.txt
  attempt reach-provider-directly connect_directly "$provider_port"
  attempt reach-forbidden-directly connect_directly "$forbidden_port"
  if [ -n "${HTTPS_PROXY:-}" ]; then
    attempt reach-forbidden-through-proxy connect_through_proxy "$forbidden_port"
  fi
  echo "root listing: $(ls / | tr '\n' ' ')"
  touch memory/attempted
fi

# The legitimate way out: the model provider, through the proxy (a tunnel, then a plain HTTP request).
if [ -n "${HTTPS_PROXY:-}" ]; then
  proxy=${HTTPS_PROXY#http://}
  exec 4<>"/dev/tcp/${proxy%:*}/${proxy##*:}"
  printf 'CONNECT 127.0.0.1:%s HTTP/1.1\r\nHost: 127.0.0.1:%s\r\n\r\n' "$provider_port" "$provider_port" >&4
  IFS= read -r -t 10 status <&4; IFS= read -r -t 10 _ <&4
  printf 'GET /v1/models HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n' >&4
  echo "provider through tunnel: ${status%$'\r'} / $(timeout 10 cat <&4 | tail -n 1)"
  exec 4<&-
  echo "provider through http proxy: $(through_proxy "GET http://127.0.0.1:$provider_port/v1/models HTTP/1.1\r\nHost: 127.0.0.1:$provider_port\r\n\r\n")"
fi

exec bash "$(dirname "$0")/../Harness/stand-in-agent.sh" "$config" "$today"
